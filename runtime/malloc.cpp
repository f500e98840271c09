//===- runtime/malloc.cpp - heap allocation by size class -----------------===//
/// \file
/// gc's allocator (malloc.go, mcache.go, mheap.go) without reclamation
/// yet (see malloc.h):
///  - mallocgc: tiny objects (under 16 bytes, no pointers) are packed into
///    the P's current 16-byte block; other objects up to 32 KiB take the
///    next free slot of the P's span for their span class; larger ones get
///    a span of their own.
///  - A P whose span is used up takes a fresh one (gc's mcache.refill;
///    mcentral's lists of partly free spans come with sweeping).
///  - The page heap hands out runs of 8 KiB pages from 64 MiB arenas
///    aligned to their size, under one lock, and records each page's span
///    in the arena's metadata (gc's heapArena.spans).
/// An M without a P (sysmon, a timer sleeper) allocates from a shared
/// cache under a lock. Fresh mappings are zero, so needzero costs nothing
/// while memory is not reused.
//===----------------------------------------------------------------------===//
#include "runtime/malloc.h"

#include "runtime/panic.h"
#include "runtime/persistent_alloc.h"
#include "runtime/sched.h"
#include "runtime/spinlock.h"
#include "runtime/stack.h"

#include <stdint.h>
#include <sys/mman.h>

uintptr_t goZerobase = 0;

namespace origo::rt {

namespace {

constexpr uintptr_t PageShift = 13;
static_assert(uintptr_t(1) << PageShift == PageSize);
constexpr uintptr_t ArenaShift = 26; ///< gc's heapArenaBytes on 64-bit Linux: 64 MiB
constexpr uintptr_t ArenaBytes = uintptr_t(1) << ArenaShift;
constexpr uintptr_t PagesPerArena = ArenaBytes / PageSize;
/// User addresses have 48 bits on both targets: one index entry per
/// possible arena (gc's arenaL2Bits on linux/amd64), 32 MiB of zero pages
/// of which only the entries in use are ever touched.
constexpr uintptr_t AddrBits = 48;
constexpr uintptr_t ArenaIndexSize = uintptr_t(1) << (AddrBits - ArenaShift);

/// gc's maxTinySize and tinySpanClass (class 2, 16 bytes, noscan).
constexpr uintptr_t MaxTinySize = 16;
constexpr uint8_t TinySpanClass = makeSpanClass(2, true);

/// Stack for allocSpan's paths (under 300 bytes by tools/runtime_stack.py's
/// count, with a contended lock's futex call at the bottom).
constexpr size_t SpanAllocNeed = 1024;

/// Metadata of one arena (gc's heapArena): the span of each page.
struct HeapArena {
  MSpan *spans[PagesPerArena];
};

HeapArena *arenaIndex[ArenaIndexSize];

SpinLock heapLock;         ///< the page heap below
uintptr_t heapNext = 0;    ///< the next free page of the current arena
uintptr_t heapLimit = 0;   ///< end of the current arena

SpinLock sharedCacheLock;
MCache sharedCache; ///< what Ms without a P allocate from

/// \p n bytes (a multiple of ArenaBytes) of fresh address space aligned to
/// ArenaBytes, each arena with its metadata (heapLock held).
uintptr_t mapArenas(uintptr_t n) {
  void *v = mmap(nullptr, n + ArenaBytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (v == MAP_FAILED)
    fatal("out of memory");
  uintptr_t raw = reinterpret_cast<uintptr_t>(v);
  uintptr_t base = (raw + ArenaBytes - 1) & ~(ArenaBytes - 1);
  // Give the unaligned ends back.
  if (base != raw)
    munmap(v, base - raw);
  if (uintptr_t tail = raw + ArenaBytes - base)
    munmap(reinterpret_cast<void *>(base + n), tail);
  if ((base + n - 1) >> AddrBits)
    fatal("heap address beyond 48 bits");
  for (uintptr_t a = base; a < base + n; a += ArenaBytes)
    arenaIndex[a >> ArenaShift] =
        static_cast<HeapArena *>(persistentAlloc(sizeof(HeapArena), alignof(HeapArena)));
  return base;
}

/// A new span of \p npages pages (gc's mheap.alloc).
MSpan *allocSpan(uintptr_t npages, uint8_t spanclass, uintptr_t elemsize) {
  auto *s = static_cast<MSpan *>(persistentAlloc(sizeof(MSpan), alignof(MSpan)));
  uintptr_t bytes = npages * PageSize;
  {
    SpinLockGuard l(heapLock);
    if (bytes > heapLimit - heapNext) {
      if (bytes >= ArenaBytes / 2) {
        // A big object: arenas of its own; the current one stays in use.
        s->base = mapArenas((bytes + ArenaBytes - 1) & ~(ArenaBytes - 1));
      } else {
        heapNext = mapArenas(ArenaBytes);
        heapLimit = heapNext + ArenaBytes;
      }
    }
    if (!s->base) {
      s->base = heapNext;
      heapNext += bytes;
    }
  }
  s->npages = npages;
  s->spanclass = spanclass;
  s->elemsize = elemsize;
  s->nelems = uint32_t(bytes / elemsize);
  // Record the span of every page; no other thread looks at these pages
  // until an object in them is handed out.
  for (uintptr_t p = s->base; p < s->base + bytes; p += PageSize)
    arenaIndex[p >> ArenaShift]->spans[(p & (ArenaBytes - 1)) >> PageShift] = s;
  return s;
}

/// allocSpan on a stack with room for the page heap's slow paths (new
/// arenas, their metadata, a contended lock), as gc's mheap.alloc runs on
/// the system stack: mallocgc itself stays within the runtime's share of
/// a goroutine's stack (stack.h).
MSpan *allocSpanOnBigStack(uintptr_t npages, uint8_t spanclass, uintptr_t elemsize) {
  MSpan *s;
  onBigStack(SpanAllocNeed, [&] { s = allocSpan(npages, spanclass, elemsize); });
  return s;
}

/// c's span for \p spc has no free slot left: a fresh one (gc's refill).
MSpan *refill(MCache *c, uint8_t spc) {
  int sizeclass = spc >> 1;
  MSpan *s = allocSpanOnBigStack(classToNPages[sizeclass], spc, classToSize[sizeclass]);
  c->alloc[spc] = s;
  return s;
}

/// The next free object of span class \p spc (gc's nextFreeFast/nextFree).
uintptr_t nextFree(MCache *c, uint8_t spc) {
  MSpan *s = c->alloc[spc];
  if (!s || s->freeindex == s->nelems)
    s = refill(c, spc);
  return s->base + uintptr_t(s->freeindex++) * s->elemsize;
}

uintptr_t allocFrom(MCache *c, size_t size, bool noscan) {
  if (noscan && size < MaxTinySize) {
    // Tiny objects (gc's tiny allocator): aligned to their size's largest
    // power-of-two factor up to 8, several to a block. A block is freed
    // only when all its objects are dead, which is why objects with
    // pointers are never tiny.
    uintptr_t off = c->tinyoffset;
    if ((size & 7) == 0)
      off = (off + 7) & ~uintptr_t(7);
    else if ((size & 3) == 0)
      off = (off + 3) & ~uintptr_t(3);
    else if ((size & 1) == 0)
      off = (off + 1) & ~uintptr_t(1);
    if (c->tiny && off + size <= MaxTinySize) {
      c->tinyoffset = off + size;
      return c->tiny + off;
    }
    uintptr_t block = nextFree(c, TinySpanClass);
    // Keep whichever block has more room left.
    if (!c->tiny || size < c->tinyoffset) {
      c->tiny = block;
      c->tinyoffset = size;
    }
    return block;
  }
  if (size <= MaxSmallSize)
    return nextFree(c, makeSpanClass(sizeToClass(size), noscan));
  uintptr_t npages = (size + PageSize - 1) >> PageShift;
  return allocSpanOnBigStack(npages, makeSpanClass(0, noscan), npages * PageSize)->base;
}

const uint8_t everyWord = 1;

} // namespace

const abi::Type runtimePointers = [] {
  abi::Type t{};
  t.size = sizeof(void *);
  t.ptrdata = sizeof(void *);
  t.align = t.fieldAlign = alignof(void *);
  t.kind = abi::KindUnsafePointer;
  t.gcdata = &everyWord;
  return t;
}();

void *mallocgc(size_t size, const abi::Type *typ, bool needzero) {
  (void)needzero;
  if (size == 0)
    return &goZerobase;
  if (size + PageSize < size)
    fatal("out of memory");
  bool noscan = !typ || typ->ptrdata == 0;
  // No yield can happen in here, so the thread's M (and its P) stay ours.
  M *mp = tlsM;
  P *pp = mp ? mp->p : nullptr;
  if (!pp) {
    SpinLockGuard l(sharedCacheLock);
    return reinterpret_cast<void *>(allocFrom(&sharedCache, size, noscan));
  }
  return reinterpret_cast<void *>(allocFrom(&pp->mcache, size, noscan));
}

MSpan *spanOf(const void *p) {
  uintptr_t a = reinterpret_cast<uintptr_t>(p);
  if (a >> AddrBits)
    return nullptr;
  HeapArena *ha = arenaIndex[a >> ArenaShift];
  if (!ha)
    return nullptr;
  return ha->spans[(a & (ArenaBytes - 1)) >> PageShift];
}

} // namespace origo::rt

extern "C" {

/// new(T) and the boxes of interface values: a zeroed object of t's size
/// (gc's newobject).
void *goNewobject(const origo::abi::Type *t) ORIGO_GO_NAME("runtime.newobject");
void *goNewobject(const origo::abi::Type *t) { return origo::rt::mallocgc(t->size, t, true); }

} // extern "C"
