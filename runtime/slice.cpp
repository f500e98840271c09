//===- runtime/slice.cpp - Slices -----------------------------------------===//
///
/// \file
/// make, append's growth, copy and unsafe.Slice's checks, following gc
/// 1.19's runtime/slice.go. What programs can observe is kept exactly:
/// the capacity append chooses (gc's growth rule, then rounding the bytes
/// up to gc's malloc size classes, sizeclasses.h), the panics and their
/// messages, and that empty results point at runtime.zerobase, not nil.
///
//===----------------------------------------------------------------------===//

#include "runtime/slice.h"
#include "runtime/malloc.h"
#include "runtime/panic.h"
#include "runtime/sizeclasses.h"

#include <string.h>

namespace origo::rt {
namespace {

[[noreturn]] void panicMakesliceLen() {
  panicRuntimeError("makeslice: len out of range");
}
[[noreturn]] void panicMakesliceCap() {
  panicRuntimeError("makeslice: cap out of range");
}
[[noreturn]] void panicUnsafesliceLen() {
  panicRuntimeError("unsafe.Slice: len out of range");
}
[[noreturn]] void panicUnsafesliceNilptr() {
  panicRuntimeError("unsafe.Slice: ptr is nil and len is not zero");
}

/// a * b, or false when the product overflows uintptr.
bool mulOK(uintptr_t a, uintptr_t b, uintptr_t *p) {
  return !__builtin_mul_overflow(a, b, p);
}

} // namespace

int64_t growCapacity(uintptr_t elemSize, int64_t oldCap, int64_t newLen,
                     uintptr_t *capBytes, bool *overflow) {
  // Double small slices; grow large ones by about 1.25x, with a formula
  // that moves smoothly from one factor to the other.
  constexpr int64_t threshold = 256;
  int64_t newcap = oldCap;
  int64_t doublecap = newcap + newcap;
  if (newLen > doublecap) {
    newcap = newLen;
  } else if (oldCap < threshold) {
    newcap = doublecap;
  } else {
    // 0 < newcap stops the loop when newcap overflows.
    while (0 < newcap && newcap < newLen)
      newcap += (newcap + 3 * threshold) / 4;
    if (newcap <= 0)
      newcap = newLen;
  }

  // gc special-cases element sizes 1, 8 and powers of two only for speed,
  // but their overflow checks differ slightly from the general case; keep
  // them apart so that the panics agree.
  uintptr_t mem;
  bool ovf;
  uintptr_t n = uintptr_t(newcap);
  if (elemSize == 1) {
    ovf = n > MaxAlloc;
    mem = roundupsize(n);
  } else if ((elemSize & (elemSize - 1)) == 0) {
    unsigned shift = unsigned(__builtin_ctzll(elemSize));
    ovf = n > (MaxAlloc >> shift);
    mem = roundupsize(n << shift);
  } else {
    ovf = !mulOK(elemSize, n, &mem);
    mem = roundupsize(mem);
  }
  *capBytes = mem;
  *overflow = ovf || mem > MaxAlloc;
  return int64_t(mem / elemSize);
}

} // namespace origo::rt

using namespace origo;
using namespace origo::rt;

namespace {
/// Copies \p n aligned words, each with one load and one store, in the
/// direction overlap needs. A pointer copied this way is never seen half
/// written by a goroutine reading it at the same time, as gc's memmove
/// guarantees for aligned words (libc's memmove gives no such promise: on
/// arm64 its small-size paths may split a word). The relaxed atomics keep
/// the compiler from turning the loop back into a memmove call.
void copyWords(uint64_t *to, const uint64_t *from, size_t n) {
  if (to <= from || to >= from + n) {
    for (size_t i = 0; i < n; ++i)
      __atomic_store_n(&to[i], __atomic_load_n(&from[i], __ATOMIC_RELAXED), __ATOMIC_RELAXED);
  } else {
    for (size_t i = n; i-- > 0;)
      __atomic_store_n(&to[i], __atomic_load_n(&from[i], __ATOMIC_RELAXED), __ATOMIC_RELAXED);
  }
}
} // namespace

extern "C" {

void *goMakeslice(const abi::Type *et, int64_t len, int64_t cap) {
  uintptr_t mem;
  if (!mulOK(et->size, uintptr_t(cap), &mem) || mem > MaxAlloc || len < 0 ||
      len > cap) {
    // make([]T, huge) is reported as a bad len rather than a bad cap,
    // though the implicit cap is just as wrong (golang.org/issue/4085).
    if (!mulOK(et->size, uintptr_t(len), &mem) || mem > MaxAlloc || len < 0)
      panicMakesliceLen();
    panicMakesliceCap();
  }
  return mallocgc(mem, et, true);
}

void *goMakeslicecopy(const abi::Type *et, int64_t tolen, int64_t fromlen,
                      const void *from) {
  uintptr_t tomem, copymem;
  if (uintptr_t(tolen) > uintptr_t(fromlen)) {
    if (!mulOK(et->size, uintptr_t(tolen), &tomem) || tomem > MaxAlloc ||
        tolen < 0)
      panicMakesliceLen();
    copymem = et->size * uintptr_t(fromlen);
  } else {
    // from is a valid slice at least as long, so tolen is a valid length.
    tomem = et->size * uintptr_t(tolen);
    copymem = tomem;
  }
  auto *to = static_cast<uint8_t *>(mallocgc(tomem, et, et->ptrdata != 0));
  if (et->ptrdata == 0 && copymem < tomem)
    memset(to + copymem, 0, tomem - copymem);
  if (copymem > 0)
    memmove(to, from, copymem);
  return to;
}

void goGrowslice(abi::GoSlice *out, const abi::Type *et, void *oldptr,
                 int64_t oldlen, int64_t oldcap, int64_t newlen) {
  if (newlen < oldcap)
    panicRuntimeError("growslice: cap out of range");
  if (et->size == 0) {
    // No memory to grow; a non-empty slice must not be nil.
    *out = {&goZerobase, newlen, newlen};
    return;
  }
  uintptr_t capmem;
  bool overflow;
  int64_t newcap = growCapacity(et->size, oldcap, newlen, &capmem, &overflow);
  if (overflow)
    panicRuntimeError("growslice: cap out of range");

  uintptr_t lenmem = uintptr_t(oldlen) * et->size;
  uintptr_t newlenmem = uintptr_t(newlen) * et->size;
  uint8_t *p;
  if (et->ptrdata == 0) {
    // append overwrites [oldlen, newlen) at once: clear only the rest.
    p = static_cast<uint8_t *>(mallocgc(capmem, et, false));
    memset(p + newlenmem, 0, capmem - newlenmem);
  } else {
    // The GC may scan the whole array before append's stores: all zero.
    p = static_cast<uint8_t *>(mallocgc(capmem, et, true));
  }
  if (lenmem > 0)
    memmove(p, oldptr, lenmem);
  *out = {p, newlen, newcap};
}

int64_t goSlicecopy(void *to, int64_t tolen, const void *from, int64_t fromlen,
                    uintptr_t width) {
  if (fromlen == 0 || tolen == 0)
    return 0;
  int64_t n = fromlen < tolen ? fromlen : tolen;
  if (width == 0)
    return n;
  size_t size = size_t(n) * width;
  if (size == 1)
    *static_cast<uint8_t *>(to) = *static_cast<const uint8_t *>(from);
  else if (size <= 64 && size % 8 == 0 && ((reinterpret_cast<uintptr_t>(to) | reinterpret_cast<uintptr_t>(from)) & 7) == 0)
    copyWords(static_cast<uint64_t *>(to), static_cast<const uint64_t *>(from), size / 8);
  else
    memmove(to, from, size);
  return n;
}

void goUnsafeslice(const abi::Type *et, const void *ptr, int64_t len) {
  if (len < 0)
    panicUnsafesliceLen();
  uintptr_t mem;
  // The slice must not run past the end of the address space.
  if (!mulOK(et->size, uintptr_t(len), &mem) ||
      mem > 0 - reinterpret_cast<uintptr_t>(ptr)) {
    if (!ptr)
      panicUnsafesliceNilptr();
    panicUnsafesliceLen();
  }
}

void goUnsafeslice64(const abi::Type *et, const void *ptr, int64_t len) {
  goUnsafeslice(et, ptr, len); // int is 64 bits on both targets
}

// The panics codegen calls itself when it checks make's and unsafe.Slice's
// arguments inline.
[[noreturn]] void goPanicmakeslicelen() ORIGO_GO_NAME("runtime.panicmakeslicelen");
void goPanicmakeslicelen() { panicMakesliceLen(); }
[[noreturn]] void goPanicmakeslicecap() ORIGO_GO_NAME("runtime.panicmakeslicecap");
void goPanicmakeslicecap() { panicMakesliceCap(); }
[[noreturn]] void goPanicunsafeslicelen() ORIGO_GO_NAME("runtime.panicunsafeslicelen");
void goPanicunsafeslicelen() { panicUnsafesliceLen(); }
[[noreturn]] void goPanicunsafeslicenilptr()
    ORIGO_GO_NAME("runtime.panicunsafeslicenilptr");
void goPanicunsafeslicenilptr() { panicUnsafesliceNilptr(); }

} // extern "C"
