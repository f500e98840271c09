//===- runtime/strings.cpp - Strings --------------------------------------===//
///
/// \file
/// String comparison, concatenation and conversions, following gc 1.19's
/// runtime/string.go. Go compares strings bytewise as unsigned bytes, the
/// shorter first when one is a prefix of the other (internal/bytealg's
/// cmpstring). Conversions to slices round the capacity up to gc's malloc
/// size classes, as gc's rawbyteslice/rawruneslice do, since cap() shows it.
///
/// gc also passes a 32-byte stack buffer to these functions when the result
/// does not escape, which gives such results capacity 32; origo's entry
/// points are gc's escaping form (no buffer).
///
//===----------------------------------------------------------------------===//

#include "runtime/strings.h"
#include "runtime/malloc.h"
#include "runtime/panic.h"
#include "runtime/sizeclasses.h"
#include "runtime/slice.h"
#include "runtime/utf8.h"

#include <stddef.h>
#include <string.h>

namespace origo::rt {
namespace {

/// Every byte value, so that one-byte strings need no allocation (gc's
/// staticuint64s serves the same purpose).
constexpr uint8_t byteTable[256] = {
#define B4(n) n, n + 1, n + 2, n + 3
#define B16(n) B4(n), B4(n + 4), B4(n + 8), B4(n + 12)
#define B64(n) B16(n), B16(n + 16), B16(n + 32), B16(n + 48)
    B64(0), B64(64), B64(128), B64(192)
#undef B64
#undef B16
#undef B4
};

/// The concatenation of the n strings at a (gc's concatstrings).
abi::GoString concat(const abi::GoString *a, int64_t n) {
  int64_t total = 0, count = 0, last = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (a[i].len == 0)
      continue;
    if (__builtin_add_overflow(total, a[i].len, &total))
      fatal("string concatenation too long");
    ++count;
    last = i;
  }
  if (count == 0)
    return {nullptr, 0};
  if (count == 1)
    return a[last];
  auto *p = static_cast<uint8_t *>(mallocgc(size_t(total), nullptr, false));
  int64_t at = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (a[i].len > 0)
      memcpy(p + at, a[i].ptr, size_t(a[i].len));
    at += a[i].len;
  }
  return {p, total};
}

} // namespace
} // namespace origo::rt

using namespace origo;
using namespace origo::rt;

extern "C" {

int64_t goCmpString(const uint8_t *a, int64_t na, const uint8_t *b, int64_t nb) {
  int64_t n = na < nb ? na : nb;
  if (n > 0 && a != b) {
    int c = memcmp(a, b, size_t(n));
    if (c != 0)
      return c < 0 ? -1 : 1;
  }
  if (na == nb)
    return 0;
  return na < nb ? -1 : 1;
}

abi::GoString goConcatString2(const uint8_t *a, int64_t na, const uint8_t *b,
                              int64_t nb) {
  abi::GoString s[] = {{a, na}, {b, nb}};
  return concat(s, 2);
}

abi::GoString goConcatString3(const uint8_t *a, int64_t na, const uint8_t *b,
                              int64_t nb, const uint8_t *c, int64_t nc) {
  abi::GoString s[] = {{a, na}, {b, nb}, {c, nc}};
  return concat(s, 3);
}

abi::GoString goConcatString4(const uint8_t *a, int64_t na, const uint8_t *b,
                              int64_t nb, const uint8_t *c, int64_t nc,
                              const uint8_t *d, int64_t nd) {
  abi::GoString s[] = {{a, na}, {b, nb}, {c, nc}, {d, nd}};
  return concat(s, 4);
}

abi::GoString goConcatString5(const uint8_t *a, int64_t na, const uint8_t *b,
                              int64_t nb, const uint8_t *c, int64_t nc,
                              const uint8_t *d, int64_t nd, const uint8_t *e,
                              int64_t ne) {
  abi::GoString s[] = {{a, na}, {b, nb}, {c, nc}, {d, nd}, {e, ne}};
  return concat(s, 5);
}

abi::GoString goConcatStrings(const abi::GoString *a, int64_t n) {
  return concat(a, n);
}

abi::GoString goSlicebytetostring(const uint8_t *p, int64_t n) {
  if (n == 0)
    return {nullptr, 0};
  if (n == 1)
    return {&byteTable[p[0]], 1};
  auto *s = static_cast<uint8_t *>(mallocgc(size_t(n), nullptr, false));
  memcpy(s, p, size_t(n));
  return {s, n};
}

void goStringtoslicebyte(abi::GoSlice *out, const uint8_t *p, int64_t n) {
  uintptr_t cap = roundupsize(uintptr_t(n));
  auto *b = static_cast<uint8_t *>(mallocgc(cap, nullptr, false));
  if (n > 0)
    memcpy(b, p, size_t(n));
  if (cap != uintptr_t(n))
    memset(b + n, 0, cap - uintptr_t(n));
  *out = {b, n, int64_t(cap)};
}

void goStringtoslicerune(abi::GoSlice *out, const uint8_t *p, int64_t n) {
  int64_t count = countRunes(p, n);
  if (uint64_t(count) > MaxAlloc / 4)
    fatal("out of memory");
  uintptr_t mem = roundupsize(uintptr_t(count) * 4);
  auto *r = static_cast<int32_t *>(mallocgc(mem, nullptr, false));
  int64_t i = 0;
  for (int64_t k = 0; k < n;) {
    if (p[k] < 0x80) {
      r[i++] = p[k++];
      continue;
    }
    abi::DecodeRuneResult d = decodeRune(p, n, k);
    r[i++] = d.rune;
    k = d.next;
  }
  memset(r + count, 0, mem - uintptr_t(count) * 4);
  *out = {r, count, int64_t(mem / 4)};
}

abi::GoString goSlicerunetostring(const int32_t *p, int64_t n) {
  int64_t size = 0;
  for (int64_t i = 0; i < n; ++i)
    size += runeLen(p[i]);
  if (size == 0)
    return {nullptr, 0};
  auto *s = static_cast<uint8_t *>(mallocgc(size_t(size), nullptr, false));
  int64_t at = 0;
  for (int64_t i = 0; i < n; ++i)
    at += encodeRune(s + at, p[i]);
  return {s, size};
}

abi::GoString goIntstring(int64_t v) {
  if (v >= 0 && v < 0x80)
    return {&byteTable[v], 1};
  int32_t r = int64_t(int32_t(v)) == v ? int32_t(v) : RuneError;
  uint8_t buf[UTFMax];
  int n = encodeRune(buf, r);
  auto *s = static_cast<uint8_t *>(mallocgc(size_t(n), nullptr, false));
  memcpy(s, buf, size_t(n));
  return {s, n};
}

} // extern "C"
