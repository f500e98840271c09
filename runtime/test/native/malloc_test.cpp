//===- runtime/test/native/malloc_test.cpp - the allocator's layout -------===//
///
/// \file
/// Checks malloc.cpp's placement against gc's allocator: every object lies
/// in a span of its size class (spanOf), at a multiple of the class size
/// from the span's start, so a 128-byte object covers exactly two cache
/// lines; objects with and without pointers never share a span; tiny
/// pointer-free objects share 16-byte blocks, aligned to their size;
/// large objects start on a page of their own; zero-size requests get
/// zerobase; allocation from many goroutines on four Ps hands out no
/// object twice; an M without a P (a thread of its own) allocates too.
///
//===----------------------------------------------------------------------===//

#include "goroutines.h"
#include "native_test.h"
#include "runtime/malloc.h"
#include "runtime/sched.h"
#include "runtime/sizeclasses.h"

#include <pthread.h>

using namespace native_test;
using namespace origo::rt;

namespace {

uintptr_t addr(const void *p) { return reinterpret_cast<uintptr_t>(p); }

Type *ptrType(uintptr_t size) { return newType("ptrs", size, KindStruct, nullptr, 0, 8); }

/// p lies in a span of size class cls (noscan as given), on an object
/// boundary.
bool inClass(const void *p, int cls, bool noscan) {
  MSpan *s = spanOf(p);
  if (!s)
    return false;
  uintptr_t off = addr(p) - s->base;
  return s->spanclass == (cls << 1 | (noscan ? 1 : 0)) && s->elemsize == classToSize[cls] &&
         off % s->elemsize == 0 && off / s->elemsize < s->nelems;
}

// 1. Size classes: each request of 1..32 KiB goes to the smallest class
// holding it, at a class-size multiple from its span's start.
void checkClasses() {
  for (int cls = 1; cls < NumSizeClasses; ++cls) {
    uintptr_t size = classToSize[cls];
    uintptr_t smaller = classToSize[cls - 1] + 1;
    void *a = mallocgc(size, ptrType(size), true);
    void *b = mallocgc(smaller, ptrType(smaller), true);
    EXPECT(inClass(a, cls, false));
    EXPECT(inClass(b, cls, false));
    EXPECT(sizeToClass(size) == cls && sizeToClass(smaller) == cls);
    MSpan *s = spanOf(a);
    EXPECT(s && s->npages == classToNPages[cls] && s->base % PageSize == 0);
  }
  // Power-of-two sizes come out aligned to themselves: a 128-byte object
  // is two whole cache lines, a 64-byte one exactly one.
  EXPECT(addr(mallocgc(128, ptrType(128), true)) % 128 == 0);
  EXPECT(addr(mallocgc(64, nullptr, true)) % 64 == 0);
  EXPECT(addr(mallocgc(24, ptrType(24), true)) % 8 == 0);
}

// 2. Pointer-free objects and objects with pointers never share a span,
// and consecutive objects of one class are adjacent slots.
void checkNoscan() {
  void *scan = mallocgc(48, ptrType(48), true);
  void *noscan = mallocgc(48, nullptr, true);
  EXPECT(inClass(scan, sizeToClass(48), false));
  EXPECT(inClass(noscan, sizeToClass(48), true));
  EXPECT(spanOf(scan) != spanOf(noscan));
  void *next = mallocgc(48, nullptr, true);
  EXPECT(addr(next) == addr(noscan) + 48 || spanOf(next) != spanOf(noscan));
  // A type without pointers counts as none.
  Type *plain = newType("plain", 48, KindStruct, nullptr);
  EXPECT(inClass(mallocgc(48, plain, true), sizeToClass(48), true));
}

// 3. Tiny objects: pointer-free and under 16 bytes, packed into 16-byte
// blocks in the tiny class, each aligned to its size's power-of-two
// factor (up to 8); an object with pointers is never tiny.
void checkTiny() {
  // 64 one-byte objects fill about four blocks (without the tiny
  // allocator they would take 64 slots of 8 bytes).
  uintptr_t blocks[80];
  int nblocks = 0;
  bool inTiny = true;
  for (int i = 0; i < 64; ++i) {
    void *p = mallocgc(1, nullptr, true);
    MSpan *s = spanOf(p);
    inTiny = inTiny && s && s->spanclass == (2 << 1 | 1);
    uintptr_t block = addr(p) & ~uintptr_t(15);
    if (nblocks == 0 || blocks[nblocks - 1] != block)
      blocks[nblocks++] = block;
  }
  EXPECT(inTiny);
  EXPECT(nblocks <= 5);
  // Sizes with factors of 2, 4 and 8 come out aligned to them, mixed in
  // one block, each right after the last when it fits.
  for (int i = 0; i < 40; ++i) {
    uintptr_t size = uintptr_t(1 + i % 15);
    uintptr_t a = addr(mallocgc(size, nullptr, true));
    uintptr_t want = (size & 7) == 0 ? 8 : (size & 3) == 0 ? 4 : (size & 1) == 0 ? 2 : 1;
    EXPECT(a % want == 0);
    EXPECT(spanOf(reinterpret_cast<void *>(a))->spanclass == (2 << 1 | 1));
  }
  uintptr_t c = addr(mallocgc(15, nullptr, true)); // most of a fresh block
  uintptr_t d = addr(mallocgc(2, nullptr, true));  // 2-aligned: not at c + 15
  EXPECT(d != c + 15);
  // With pointers: its own 8-byte slot in a scanned span, never tiny.
  void *p = mallocgc(8, ptrType(8), true);
  EXPECT(inClass(p, 1, false));
}

// 4. Large objects: a span of their own, from a page boundary, every page
// of it mapped to that span.
void checkLarge() {
  uintptr_t size = MaxSmallSize + 1;
  auto *p = static_cast<uint8_t *>(mallocgc(size, nullptr, true));
  MSpan *s = spanOf(p);
  EXPECT(s && s->base == addr(p) && s->spanclass == 1 && s->nelems == 1);
  EXPECT(s && s->npages == (size + PageSize - 1) / PageSize);
  EXPECT(spanOf(p + size - 1) == s);
  p[size - 1] = 1; // writable to the end
  // Bigger than half an arena: arenas of its own, mapped page by page.
  uintptr_t huge = uintptr_t(40) << 20;
  auto *h = static_cast<uint8_t *>(mallocgc(huge, ptrType(8), true));
  EXPECT(spanOf(h) && spanOf(h) == spanOf(h + huge - 1) && spanOf(h)->spanclass == 0);
  EXPECT(addr(h) % PageSize == 0);
  // Memory outside the heap has no span.
  int local = 0;
  EXPECT(spanOf(&local) == nullptr);
  EXPECT(spanOf(nullptr) == nullptr);
}

// 5. Zero-size objects all share zerobase.
void checkZero() {
  EXPECT(mallocgc(0, nullptr, true) == &goZerobase);
  EXPECT(mallocgc(0, ptrType(8), true) == &goZerobase);
}

// 6. Goroutines on four Ps allocate at once; each writes its objects with
// its own mark, and every mark is intact afterwards (no object handed out
// twice, no two P caches sharing a span slot).
constexpr int Workers = 8, PerWorker = 5000;
uint64_t *objects[Workers][PerWorker];
int32_t done = 0;
void allocWorker(Closure *c) {
  int w = int(c->arg);
  for (int i = 0; i < PerWorker; ++i) {
    uintptr_t size = 8 + uintptr_t((i * 7 + w) % 300) * 8;
    auto *o = static_cast<uint64_t *>(mallocgc(size, i % 2 ? ptrType(8) : nullptr, true));
    for (uintptr_t k = 0; k < size / 8; ++k)
      o[k] = uint64_t(w) << 32 | uint64_t(i);
    objects[w][i] = o;
    if (i % 64 == 0)
      goGosched();
  }
  __atomic_add_fetch(&done, 1, __ATOMIC_SEQ_CST);
}

void checkConcurrent() {
  goGOMAXPROCS(4);
  for (int w = 0; w < Workers; ++w)
    go(allocWorker, w);
  while (__atomic_load_n(&done, __ATOMIC_SEQ_CST) < Workers)
    goGosched();
  int bad = 0;
  for (int w = 0; w < Workers; ++w)
    for (int i = 0; i < PerWorker; ++i) {
      uintptr_t size = 8 + uintptr_t((i * 7 + w) % 300) * 8;
      for (uintptr_t k = 0; k < size / 8; ++k)
        bad += objects[w][i][k] != (uint64_t(w) << 32 | uint64_t(i));
    }
  EXPECT(bad == 0);
}

// 7. A thread without a P allocates from the shared cache.
void *threadAlloc(void *) { return mallocgc(40, nullptr, true); }
void checkNoP() {
  pthread_t th;
  void *p = nullptr;
  EXPECT(pthread_create(&th, nullptr, threadAlloc, nullptr) == 0);
  pthread_join(th, &p);
  EXPECT(p && inClass(p, sizeToClass(40), true));
}

} // namespace

static void testBody() {
  setvbuf(stdout, nullptr, _IONBF, 0);
  checkClasses();
  checkNoscan();
  checkTiny();
  checkLarge();
  checkZero();
  checkConcurrent();
  checkNoP();
  exit(finish("malloc_test"));
}
