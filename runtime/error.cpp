//===- runtime/error.cpp - The runtime's error values ---------------------===//
///
/// \file
/// gc 1.19's runtime error messages (runtime/error.go) and the entry points
/// that compiled code calls when a check it emitted inline fails
/// (runtime/panic.go: panicIndex, panicSlice*, panicSliceConvert; and
/// runtime/iface.go: panicdottypeE/I, panicnildottype).
///
/// A bounds check passes its two operands: x, the index that failed (of
/// signed or unsigned type: the U variants read it as unsigned), and y, the
/// length, capacity or other index it was compared with. A negative signed x
/// gets the short form that omits y ("index out of range [-1]").
///
//===----------------------------------------------------------------------===//

#include "runtime/error.h"
#include "runtime/malloc.h"
#include "runtime/panic.h"
#include "runtime/type.h"

#include <initializer_list>
#include <string.h>

namespace origo::rt {
namespace {

// "%x" stands for x and "%y" for y, as in gc's boundsErrorFmts.
constexpr const char *boundsFormats[] = {
    "index out of range [%x] with length %y",
    "slice bounds out of range [:%x] with length %y",
    "slice bounds out of range [:%x] with capacity %y",
    "slice bounds out of range [%x:%y]",
    "slice bounds out of range [::%x] with length %y",
    "slice bounds out of range [::%x] with capacity %y",
    "slice bounds out of range [:%x:%y]",
    "slice bounds out of range [%x:%y:]",
    "cannot convert slice with length %y to pointer to array with length %x",
};

// The forms for a negative x, which say nothing about y.
constexpr const char *boundsNegFormats[] = {
    "index out of range [%x]",
    "slice bounds out of range [:%x]",
    "slice bounds out of range [:%x]",
    "slice bounds out of range [%x:]",
    "slice bounds out of range [::%x]",
    "slice bounds out of range [::%x]",
    "slice bounds out of range [:%x:]",
    "slice bounds out of range [%x::]",
    // A conversion's x is an array length, never negative.
    "cannot convert slice with length %y to pointer to array with length %x",
};

/// Appends v in decimal at buf[n], as signed or unsigned; returns the new n.
int64_t appendInt(char *buf, int64_t n, int64_t v, bool isSigned) {
  uint64_t u = uint64_t(v);
  if (isSigned && v < 0) {
    buf[n++] = '-';
    u = 0 - u;
  }
  char digits[20];
  int i = 0;
  do {
    digits[i++] = char('0' + u % 10);
    u /= 10;
  } while (u != 0);
  while (i > 0)
    buf[n++] = digits[--i];
  return n;
}

} // namespace

/// Concatenation into a new heap string, for messages built from type
/// names of any length.
abi::GoString concat(std::initializer_list<abi::GoString> parts) {
  int64_t n = 0;
  for (abi::GoString p : parts)
    n += p.len;
  auto *buf = static_cast<uint8_t *>(mallocgc(size_t(n), nullptr, false));
  int64_t at = 0;
  for (abi::GoString p : parts) {
    if (p.len > 0)
      memcpy(buf + at, p.ptr, size_t(p.len));
    at += p.len;
  }
  return {buf, n};
}

abi::GoString lit(const char *s) {
  return {reinterpret_cast<const uint8_t *>(s), int64_t(strlen(s))};
}

int64_t formatBoundsError(char *buf, int64_t x, bool isSigned, int64_t y,
                          BoundsCode code) {
  unsigned c = unsigned(code);
  const char *fmt = isSigned && x < 0 ? boundsNegFormats[c] : boundsFormats[c];
  int64_t n = 0;
  for (const char *f = fmt; *f; ++f) {
    if (*f != '%') {
      buf[n++] = *f;
      continue;
    }
    ++f;
    n = *f == 'x' ? appendInt(buf, n, x, isSigned) : appendInt(buf, n, y, true);
  }
  return n;
}

void panicBounds(int64_t x, bool isSigned, int64_t y, BoundsCode code) {
  // The longest message, "slice bounds out of range [::x] with capacity y",
  // is 48 bytes around a 20-digit x and a 20-character y.
  char buf[100];
  int64_t n = formatBoundsError(buf, x, isSigned, y, code);
  panicRuntimeError("", {reinterpret_cast<const uint8_t *>(buf), n});
}

void panicTypeAssertion(const abi::Type *iface, const abi::Type *concrete,
                        const abi::Type *asserted, abi::GoString missing) {
  abi::GoString inter = iface ? iface->str : lit("interface");
  abi::GoString as = asserted->str;
  if (!concrete)
    panicPlainError(concat({lit("interface conversion: "), inter,
                            lit(" is nil, not "), as}));
  abi::GoString cs = concrete->str;
  if (missing.len == 0) {
    abi::GoString note{nullptr, 0};
    // Two distinct types that print alike.
    if (sameString(cs, as))
      note = sameString(pkgpathOf(concrete), pkgpathOf(asserted))
                 ? lit(" (types from different scopes)")
                 : lit(" (types from different packages)");
    panicPlainError(concat({lit("interface conversion: "), inter, lit(" is "),
                            cs, lit(", not "), as, note}));
  }
  panicPlainError(concat({lit("interface conversion: "), cs, lit(" is not "),
                          as, lit(": missing method "), missing}));
}

} // namespace origo::rt

using namespace origo;
using namespace origo::rt;

// The entry points of failed bounds checks: (x, y) as described above, x
// of signed type (int64) or, in the U variants, unsigned (uint64). Declared
// by codegen without noreturn (see README.md), but they never return.
#define ORIGO_BOUNDS_ENTRY(cname, code)                                        \
  void cname(int64_t x, int64_t y) { panicBounds(x, true, y, code); }          \
  void cname##U(int64_t x, int64_t y) { panicBounds(x, false, y, code); }

extern "C" {

ORIGO_BOUNDS_ENTRY(goPanicIndex, BoundsCode::Index)
ORIGO_BOUNDS_ENTRY(goPanicSliceAlen, BoundsCode::SliceAlen)
ORIGO_BOUNDS_ENTRY(goPanicSliceAcap, BoundsCode::SliceAcap)
ORIGO_BOUNDS_ENTRY(goPanicSliceB, BoundsCode::SliceB)
ORIGO_BOUNDS_ENTRY(goPanicSlice3Alen, BoundsCode::Slice3Alen)
ORIGO_BOUNDS_ENTRY(goPanicSlice3Acap, BoundsCode::Slice3Acap)
ORIGO_BOUNDS_ENTRY(goPanicSlice3B, BoundsCode::Slice3B)
ORIGO_BOUNDS_ENTRY(goPanicSlice3C, BoundsCode::Slice3C)

void goPanicSliceConvert(int64_t x, int64_t y) {
  panicBounds(x, true, y, BoundsCode::Convert);
}

void goPanicdottypeE(const abi::Type *have, const abi::Type *want,
                     const abi::Type *iface) {
  panicTypeAssertion(iface, have, want, {nullptr, 0});
}

void goPanicdottypeI(const abi::Itab *have, const abi::Type *want,
                     const abi::Type *iface) {
  panicTypeAssertion(iface, have ? have->type : nullptr, want, {nullptr, 0});
}

void goPanicnildottype(const abi::Type *want) {
  panicTypeAssertion(nullptr, nullptr, want, {nullptr, 0});
}

} // extern "C"
