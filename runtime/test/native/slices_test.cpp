//===- runtime/test/native/slices_test.cpp - Slices -----------------------===//
///
/// \file
/// Checks runtime/slice.cpp and sizeclasses.cpp: the capacity append gives
/// for thousands of (element size, old capacity, new length) cases against
/// gc 1.19's (slices_tables.inc, written by gen_slices_tables.go), growth
/// copying the old elements and leaving the rest zero, zero-size elements,
/// make, makeslicecopy, copy's overlap and count, and unsafe.Slice's checks.
/// The modes panic as slices_test.MODE.go does under gc.
///
//===----------------------------------------------------------------------===//

#include "native_test.h"
#include "runtime/malloc.h"
#include "runtime/sizeclasses.h"
#include "runtime/slice.h"

#include <initializer_list>
#include <stdint.h>

using namespace native_test;

namespace {

struct GrowRow {
  int64_t elemSize, pointers, oldCap, newLen, cap;
};
struct CapRow {
  int64_t len, cap;
};
#include "slices_tables.inc"

/// An element type of \p size bytes, with a pointer first if \p pointers.
const Type *elemType(uintptr_t size, bool pointers) {
  return newType("elem", size, KindArray, nullptr, 0, pointers ? 8 : 0);
}

bool allZero(const void *p, size_t n) {
  auto *b = static_cast<const uint8_t *>(p);
  for (size_t i = 0; i < n; ++i)
    if (b[i])
      return false;
  return true;
}

void checkGrowthTable() {
  int bad = 0, endToEnd = 0;
  for (const GrowRow &r : growRows) {
    uintptr_t bytes;
    bool overflow;
    int64_t cap = origo::rt::growCapacity(uintptr_t(r.elemSize), r.oldCap, r.newLen,
                                          &bytes, &overflow);
    if (cap != r.cap || overflow || bytes < uintptr_t(cap * r.elemSize)) {
      if (++bad <= 5)
        printf("growth of %lld-byte elements from cap %lld to len %lld: cap %lld, gc %lld\n",
               (long long)r.elemSize, (long long)r.oldCap, (long long)r.newLen,
               (long long)cap, (long long)r.cap);
    }
    // The entry point itself where that is cheap.
    if (r.cap * r.elemSize <= 64 << 10) {
      GoSlice s;
      goGrowslice(&s, elemType(uintptr_t(r.elemSize), r.pointers), nullptr, 0, r.oldCap,
                  r.newLen);
      bad += s.cap != r.cap || s.len != r.newLen || s.ptr == nullptr;
      ++endToEnd;
    }
  }
  EXPECT(bad == 0);
  EXPECT(endToEnd > 1000);
  EXPECT(sizeof growRows / sizeof growRows[0] > 5000);
}

void checkSizeClasses() {
  using origo::rt::roundupsize;
  EXPECT(roundupsize(0) == 0);
  EXPECT(roundupsize(1) == 8);
  EXPECT(roundupsize(9) == 16);
  EXPECT(roundupsize(1016) == 1024);
  EXPECT(roundupsize(1025) == 1152);
  EXPECT(roundupsize(32767) == 32768);
  EXPECT(roundupsize(32768) == 32768);
  EXPECT(roundupsize(32769) == 40960);
  EXPECT(roundupsize(UINTPTR_MAX - 10) == UINTPTR_MAX - 10);
  // Every class is its own rounding, and the next byte goes to the next.
  int bad = 0;
  for (int c = 1; c < origo::rt::NumSizeClasses; ++c) {
    uintptr_t sz = origo::rt::classToSize[c];
    bad += roundupsize(sz) != sz;
    if (c + 1 < origo::rt::NumSizeClasses)
      bad += roundupsize(sz + 1) != origo::rt::classToSize[c + 1];
  }
  EXPECT(bad == 0);
}

/// Sizes that overflow on the way, where gc panics rather than wrap.
void checkGrowOverflow() {
  uintptr_t bytes;
  bool overflow = false;
  using origo::rt::growCapacity;
  // 2^48-byte elements times 2^16 wraps to 0 bytes.
  growCapacity(uintptr_t(1) << 48, 0, int64_t(1) << 16, &bytes, &overflow);
  EXPECT(overflow);
  overflow = false;
  // 3 * 2^46 times 2^20 wraps too.
  growCapacity(uintptr_t(3) << 46, 0, int64_t(1) << 20, &bytes, &overflow);
  EXPECT(overflow);
  overflow = false;
  growCapacity(1, 0, int64_t(origo::rt::MaxAlloc) + 1, &bytes, &overflow);
  EXPECT(overflow);
  overflow = true;
  EXPECT(growCapacity(1, 0, int64_t(origo::rt::MaxAlloc), &bytes, &overflow) ==
         int64_t(origo::rt::MaxAlloc));
  EXPECT(!overflow);
}

void checkGrowCopies() {
  // Pointer-free and pointerful 24-byte elements, from a full slice of 5.
  for (bool pointers : {false, true}) {
    const Type *t = elemType(24, pointers);
    auto *old = alloc<uint8_t>(5 * 24);
    for (int i = 0; i < 5 * 24; ++i)
      old[i] = uint8_t(i + 1);
    GoSlice s;
    goGrowslice(&s, t, old, 5, 5, 6);
    EXPECT(s.len == 6 && s.cap == 10); // 240 bytes is a size class
    EXPECT(memcmp(s.ptr, old, 5 * 24) == 0);
    EXPECT(allZero(static_cast<uint8_t *>(s.ptr) + 5 * 24, 5 * 24));
    EXPECT(s.ptr != old);
  }
  // A slice with len < cap grows from its capacity, copying len elements.
  auto *old = alloc<int64_t>(8);
  for (int i = 0; i < 8; ++i)
    old[i] = 100 + i;
  GoSlice s;
  goGrowslice(&s, elemType(8, false), old, 3, 8, 9);
  EXPECT(s.len == 9 && s.cap == 16);
  auto *p = static_cast<int64_t *>(s.ptr);
  EXPECT(p[0] == 100 && p[1] == 101 && p[2] == 102 && p[3] == 0 && p[15] == 0);

  // Zero-size elements need no memory, but the slice is not nil.
  goGrowslice(&s, elemType(0, false), nullptr, 0, 0, 1000);
  EXPECT(s.ptr == &goZerobase && s.len == 1000 && s.cap == 1000);
}

void checkMake() {
  const Type *i64 = elemType(8, false);
  void *p = goMakeslice(i64, 3, 10);
  EXPECT(p != nullptr && allZero(p, 80));
  EXPECT(goMakeslice(i64, 0, 0) == &goZerobase);
  EXPECT(goMakeslice(elemType(0, false), 5, 1 << 30) == &goZerobase);
  // A big array is fine (and costs nothing until touched).
  EXPECT(goMakeslice(elemType(4096, false), 0, 1 << 16) != nullptr);

  int64_t from[4] = {1, 2, 3, 4};
  auto *c = static_cast<int64_t *>(goMakeslicecopy(i64, 6, 4, from));
  EXPECT(c[0] == 1 && c[3] == 4 && c[4] == 0 && c[5] == 0);
  c = static_cast<int64_t *>(goMakeslicecopy(i64, 2, 4, from));
  EXPECT(c[0] == 1 && c[1] == 2);
}

void checkCopy() {
  int32_t a[8] = {0, 1, 2, 3, 4, 5, 6, 7};
  // Overlapping, forward and backward.
  EXPECT(goSlicecopy(a + 1, 7, a, 8, 4) == 7);
  EXPECT(a[0] == 0 && a[1] == 0 && a[2] == 1 && a[7] == 6);
  EXPECT(goSlicecopy(a, 8, a + 2, 6, 4) == 6);
  EXPECT(a[0] == 1 && a[5] == 6 && a[6] == 5 && a[7] == 6);
  char b[4] = {'w', 'x', 'y', 'z'};
  EXPECT(goSlicecopy(b, 4, "ab", 2, 1) == 2 && b[0] == 'a' && b[1] == 'b' && b[2] == 'y');
  EXPECT(goSlicecopy(b, 1, "q", 1, 1) == 1 && b[0] == 'q');
  EXPECT(goSlicecopy(b, 0, "abc", 3, 1) == 0 && b[0] == 'q');
  EXPECT(goSlicecopy(b, 4, nullptr, 0, 1) == 0);
  EXPECT(goSlicecopy(nullptr, 5, nullptr, 3, 0) == 3); // zero-size elements
}

void checkUnsafeSlice() {
  int64_t a[4];
  goUnsafeslice(elemType(8, false), a, 4);
  goUnsafeslice(elemType(8, false), nullptr, 0);
  goUnsafeslice64(elemType(8, false), a, 0);
  EXPECT(true); // no panic
}

using Mode = TestMode<>;
const Mode modes[] = {
    {"makelen", [] { goMakeslice(elemType(8, false), -1, -1); }},
    {"makelen_big", [] { goMakeslice(elemType(8, false), int64_t(1) << 60, int64_t(1) << 60); }},
    {"makecap", [] { goMakeslice(elemType(8, false), 3, 2); }},
    {"makecap_big", [] { goMakeslice(elemType(8, false), 3, int64_t(1) << 60); }},
    {"unsafelen", [] {
       static int64_t a[4];
       goUnsafeslice(elemType(8, false), a, -1);
     }},
    {"unsafenil", [] { goUnsafeslice(elemType(8, false), nullptr, 1); }},
    {"unsafewrap", [] {
       static int64_t a[4];
       goUnsafeslice(elemType(8, false), a, int64_t(1) << 61);
     }},
    {"grow_pow2", [] {
       static uint8_t b;
       GoSlice s;
       goGrowslice(&s, elemType(uintptr_t(1) << 48, false), &b, 1, 1, 2);
     }},
    {"grow_odd", [] {
       static uint8_t b;
       GoSlice s;
       goGrowslice(&s, elemType(uintptr_t(3) << 46, false), &b, 1, 1, 2);
     }},
};

} // namespace

static void testBody() {
  setvbuf(stdout, nullptr, _IONBF, 0);
  runModeArg(modes);
  checkSizeClasses();
  checkGrowthTable();
  checkGrowOverflow();
  checkGrowCopies();
  checkMake();
  checkCopy();
  checkUnsafeSlice();
  origo::rt::exitProcess(finish("slices_test"));
}
