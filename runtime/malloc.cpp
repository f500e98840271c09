//===- runtime/malloc.cpp - heap allocation (bump allocator for now) ------===//
/// \file
/// Objects are carved from each P's bump chunk (gc's per-P mcache, in its
/// simplest form), so allocating takes no lock; a P refills its chunk from
/// 64 MiB arenas under a lock. Large objects get their own mapping. Memory
/// is never reused yet: there is no GC. Fresh mappings are zero, so
/// needzero costs nothing here.
//===----------------------------------------------------------------------===//
#include "runtime/malloc.h"

#include "runtime/abi.h"
#include "runtime/panic.h"
#include "runtime/sched.h"
#include "runtime/spinlock.h"

#include <stdint.h>
#include <sys/mman.h>

uintptr_t goZerobase = 0;

namespace origo::rt {

namespace {
constexpr size_t kArena = 64 << 20;
constexpr size_t kChunk = 256 << 10; ///< a P's refill
constexpr size_t kLarge = 1 << 20;

SpinLock arenaLock;
uintptr_t arenaNext = 0, arenaLimit = 0;

void *mapOrDie(size_t n) {
  void *p = mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) fatal("out of memory");
  return p;
}

/// \p size bytes (16-aligned) from the shared arena, under its lock.
uintptr_t arenaAlloc(size_t size) {
  SpinLockGuard l(arenaLock);
  uintptr_t p = (arenaNext + 15) & ~uintptr_t(15);
  if (arenaNext == 0 || p + size > arenaLimit) {
    arenaNext = reinterpret_cast<uintptr_t>(mapOrDie(kArena));
    arenaLimit = arenaNext + kArena;
    p = arenaNext;
  }
  arenaNext = p + size;
  return p;
}
} // namespace

void *mallocgc(size_t size, bool needzero) {
  (void)needzero;
  if (size == 0)
    return &goZerobase;
  if (size >= kLarge) return mapOrDie((size + 4095) & ~size_t(4095));
  size_t align = size >= 16 ? 16 : 8;
  // No yield can happen in here, so the thread's M (and its P) stay ours.
  M *mp = tlsM;
  P *pp = mp ? mp->p : nullptr;
  // An M without a P (sysmon, a timer sleeper), or an object that would
  // waste much of a chunk: the arena itself.
  if (!pp || size > kChunk / 8)
    return reinterpret_cast<void *>(arenaAlloc(size));
  uintptr_t p = (pp->allocNext + align - 1) & ~uintptr_t(align - 1);
  if (pp->allocNext == 0 || p + size > pp->allocLimit) {
    pp->allocNext = arenaAlloc(kChunk);
    pp->allocLimit = pp->allocNext + kChunk;
    p = pp->allocNext;
  }
  pp->allocNext = p + size;
  return reinterpret_cast<void *>(p);
}

} // namespace origo::rt

extern "C" {

/// new(T) and the boxes of interface values: a zeroed object of t's size
/// (gc's newobject; t will tell the GC where the pointers are).
void *goNewobject(const origo::abi::Type *t) ORIGO_GO_NAME("runtime.newobject");
void *goNewobject(const origo::abi::Type *t) { return origo::rt::mallocgc(t->size, true); }

} // extern "C"
