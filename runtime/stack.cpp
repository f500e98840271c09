//===- runtime/stack.cpp - Segmented, growable goroutine stacks -----------===//
///
/// \file
/// Segments, the per-P segment cache, runtime.morestack/lessstack and the
/// switching trampoline (see stack.h for the layout and the protocol). The
/// design is split stacks (gccgo's, and gc's before Go 1.3) rather than gc's
/// copying stacks: origo's frames hold pointers into the stack that no stack
/// map describes, so a stack never moves. A call that crosses a segment
/// boundary again and again (gc's "hot split") finds the segment it just
/// gave back in the P's cache instead of mapping a new one.
///
//===----------------------------------------------------------------------===//

#include "runtime/stack.h"
#include "runtime/panic.h"
#include "runtime/print.h"
#include "runtime/spinlock.h"

#include <sys/mman.h>

extern "C" char origo_morestack_ret[];

namespace origo::rt {
namespace {

/// The kernel's page size (gc's physPageSize), 4 KiB on both targets here;
/// not the allocator's 8 KiB pages (sizeclasses.h).
constexpr size_t PhysPageSize = 4096;
/// No PROT_NONE guard page below a segment: the checks (and codegen's frame
/// bounds, checked against .stack_sizes) keep writes above stack.lo, and
/// without mprotect the kernel merges neighbouring segments into one
/// mapping, so a million goroutines stay under vm.max_map_count (65530).
constexpr size_t GuardSize = 0;
/// Segments a P keeps for reuse, and the biggest one it keeps.
constexpr int StackCacheMax = 16;
constexpr size_t StackCacheMaxUsable = StackSegmentMax;

size_t roundUp(size_t n, size_t to) { return (n + to - 1) / to * to; }

/// First segments of new goroutines are carved from batches of this many
/// (one mmap each instead of one per goroutine: a million goroutines made
/// a million system calls). A carved segment is still unmapped alone.
constexpr size_t SegmentsPerBatch = 256;
SpinLock batchLock;
uintptr_t batchNext = 0, batchEnd = 0;

void *mapSegment(size_t total, bool batched) {
  if (batched) {
    SpinLockGuard l(batchLock);
    if (batchNext + total > batchEnd) {
      size_t size = total * SegmentsPerBatch;
      void *base = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
      if (base == MAP_FAILED)
        return base;
      batchNext = reinterpret_cast<uintptr_t>(base);
      batchEnd = batchNext + size;
    }
    void *p = reinterpret_cast<void *>(batchNext);
    batchNext += total;
    return p;
  }
  return mmap(nullptr, total, PROT_READ | PROT_WRITE,
              MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
}

/// Lays out a segment in the \p total bytes at \p base: the record at the
/// top, everything else below it.
StackSegment *segmentAt(void *base, size_t total) {
  if (base == MAP_FAILED)
    fatal("runtime: cannot allocate goroutine stack");
  size_t record = roundUp(sizeof(StackSegment), 16);
  if (GuardSize)
    mprotect(base, GuardSize, PROT_NONE);
  uintptr_t b = reinterpret_cast<uintptr_t>(base);
  auto *s = reinterpret_cast<StackSegment *>(b + total - record);
  s->prev = nullptr;
  s->next = nullptr;
  s->base = b;
  s->mapped = total;
  s->usable = reinterpret_cast<uintptr_t>(s) - (b + GuardSize + StackGuard);
  return s;
}

/// Maps a segment with at least \p usable bytes above its stackguard0.
StackSegment *segmentAlloc(size_t usable) {
  size_t record = roundUp(sizeof(StackSegment), 16);
  size_t total = roundUp(GuardSize + StackGuard + usable + record, PhysPageSize);
  return segmentAt(mapSegment(total, false), total);
}

/// First segments (less than a page, carved from batches) stay with their
/// G for good, as gc keeps every g: only later segments are unmapped.
void segmentFree(StackSegment *s) {
  if (s->mapped % PhysPageSize != 0)
    fatal("runtime: freeing a goroutine's first stack segment");
  munmap(reinterpret_cast<void *>(s->base), s->mapped);
}

uintptr_t segmentLo(const StackSegment *s) { return s->base + GuardSize; }
uintptr_t segmentHi(const StackSegment *s) { return reinterpret_cast<uintptr_t>(s); }

/// A segment with at least \p usable bytes: from the P's cache if one fits.
StackSegment *stackcacheGet(P *pp, size_t usable) {
  if (pp)
    for (StackSegment **link = &pp->stackcache; *link; link = &(*link)->next)
      if ((*link)->usable >= usable) {
        StackSegment *s = *link;
        *link = s->next;
        --pp->nstackcache;
        s->next = nullptr;
        return s;
      }
  return segmentAlloc(usable);
}

/// Keeps \p s for reuse. Nothing is unmapped here: after a panic this may
/// run on the very segment given back (stackUnwound); stackcacheTrim frees.
void stackcachePut(P *pp, StackSegment *s) {
  if (!pp) {
    segmentFree(s);
    return;
  }
  s->next = pp->stackcache;
  pp->stackcache = s;
  ++pp->nstackcache;
}

/// Unmaps what the cache holds beyond its bounds (never the running stack:
/// called from morestack, which runs on a segment in use).
void stackcacheTrim(P *pp) {
  if (!pp || pp->nstackcache <= StackCacheMax)
    return;
  int kept = 0;
  for (StackSegment **link = &pp->stackcache; *link;) {
    StackSegment *s = *link;
    if (kept < StackCacheMax && s->usable <= StackCacheMaxUsable) {
      ++kept;
      link = &s->next;
      continue;
    }
    *link = s->next;
    --pp->nstackcache;
    segmentFree(s);
  }
}

/// The G's stackguard0 for its current bounds: a pending preemption
/// request keeps it poisoned across segment switches (gc's newstack keeps
/// stackPreempt the same way).
void resetGuard(G *gp) {
  gp->stackguard0 = gp->preempt ? StackPreempt : gp->stack.lo + StackGuard;
}

void setStack(G *gp, StackSegment *s) {
  gp->stack.lo = segmentLo(s);
  gp->stack.hi = segmentHi(s);
  gp->segment = s;
  resetGuard(gp);
}

/// Back to the bounds before the G's newest segment, which goes to pp's
/// cache.
void popSegment(G *gp, P *pp) {
  StackSegment *s = gp->segment;
  gp->stack = s->savedStack;
  gp->segment = s->prev;
  gp->stackInUse -= s->usable;
  resetGuard(gp);
  stackcachePut(pp, s);
}

/// The P of the M running on this thread (the G's segments go to its
/// cache): a G only changes M at scheduling points, never in here.
P *currentP() {
  M *mp = getm();
  return mp ? mp->p : nullptr;
}

[[noreturn]] void stackOverflow(G *gp, uintptr_t sp) {
  // gc's newstack report, then its throw.
  printCString("runtime: goroutine stack exceeds ");
  printUint(MaxStackSize);
  printCString("-byte limit\nruntime: sp=");
  printHex(sp);
  printCString(" stack=[");
  printHex(gp->stack.lo);
  printCString(", ");
  printHex(gp->stack.hi);
  printCString("]\n");
  fatal("stack overflow");
}

} // namespace

void stackInit(G *gp) {
  // First segments are carved from batches, next to each other: less than
  // a page each, so a blocked goroutine's frames share their page.
  size_t total = GuardSize ? roundUp(GuardSize + FirstSegmentSize, PhysPageSize) : FirstSegmentSize;
  StackSegment *s = segmentAt(mapSegment(total, GuardSize == 0), total);
  setStack(gp, s);
  gp->stackInUse = s->usable;
}

void stackReset(G *gp, P *pp) {
  while (gp->segment && gp->segment->prev)
    popSegment(gp, pp);
}

void stackUnwound(G *gp, uintptr_t sp) {
  while (gp->segment && gp->segment->prev &&
         !(sp >= gp->segment->base && sp < gp->segment->base + gp->segment->mapped))
    popSegment(gp, currentP());
}

namespace {
/// How many of gp's live segments are older than the one holding addr
/// (the number of live segments when none holds it).
int segmentDepth(const G *gp, uintptr_t addr) {
  int n = 0, at = -1;
  for (const StackSegment *s = gp->segment; s; s = s->prev, ++n)
    if (at < 0 && addr >= s->base && addr < s->base + s->mapped)
      at = n;
  return at < 0 ? n : n - 1 - at;
}
} // namespace

bool frameAtOrBelow(const G *gp, uintptr_t a, uintptr_t b) {
  int da = segmentDepth(gp, a), db = segmentDepth(gp, b);
  return da != db ? da > db : a <= b;
}

int stackCacheCount(P *pp) { return pp->nstackcache; }

uintptr_t morestackReturnPC() { return reinterpret_cast<uintptr_t>(origo_morestack_ret); }

uintptr_t callerFrame(uintptr_t fp) {
  // Frame records: [fp] = the caller's frame pointer, [fp+8] = the return
  // address. Across a boundary the chain is: the function on the new
  // segment, the thunk, origo_morestack_switch (returning to the relay),
  // the relay, the relay's caller. The relay may itself run on a segment
  // its own relay made (a preemption request fails the check of a frame
  // that just got a new segment), hence the loop.
  auto rec = [](uintptr_t f) { return reinterpret_cast<const uintptr_t *>(f); };
  uintptr_t caller = rec(fp)[0];
  while (caller != 0 && rec(caller)[1] == morestackReturnPC()) {
    uintptr_t trampoline = rec(caller)[0];
    uintptr_t relay = rec(trampoline)[0];
    caller = rec(relay)[0];
  }
  return caller;
}

namespace {

/// Makes a segment with room for \p need bytes (and a little more) the
/// G's stack; returns the stack pointer to start it at. \p sp is the
/// caller's, for the overflow report; the runtime's own segments
/// (onBigStack, which reports the overflow) do not count against the limit.
uintptr_t pushSegment(G *gp, uint64_t need, uintptr_t sp, bool limited) {
  size_t size = StackSegmentMin;
  if (gp->segment && gp->segment->prev) {
    size = gp->segment->usable * 2;
    if (size > StackSegmentMax)
      size = StackSegmentMax;
  }
  // Room for the frame (need: codegen's bound), the thunk and a little more.
  if (size < need + 4096)
    size = roundUp(need + 4096, PhysPageSize);
  if (limited && gp->stackInUse + size > MaxStackSize)
    onBigStack(BigStackNeed, [&] { stackOverflow(gp, sp); });
  P *pp = currentP();
  stackcacheTrim(pp);
  StackSegment *s = stackcacheGet(pp, size);
  s->prev = gp->segment;
  s->savedStack = gp->stack;
  setStack(gp, s);
  gp->stackInUse += s->usable;
  return gp->stack.hi;
}

struct BigStackCall {
  void (*fn)(void *);
  void *arg;
};

void bigStackThunk(void *block) {
  auto *c = static_cast<BigStackCall *>(block);
  c->fn(c->arg);
}

} // namespace

void onBigStack(size_t need, void (*fn)(void *), void *arg) {
  G *gp = getg();
  uintptr_t sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  // A system stack (g0, a thread of the runtime's own) has no segments and
  // room enough; a goroutine's may have the room too.
  if (!gp || !gp->segment || sp < gp->stack.lo || sp >= gp->stack.hi ||
      sp - gp->stack.lo >= StackGuard + need) {
    fn(arg);
    return;
  }
  BigStackCall c{fn, arg};
  origo_morestack_switch(bigStackThunk, &c, pushSegment(gp, need, sp, false));
  popSegment(gp, currentP());
}

} // namespace origo::rt

using namespace origo::rt;

extern "C" {

uintptr_t goMorestack(uint64_t need) {
  // A poisoned stackguard0 is a preemption request (sysmon, GOMAXPROCS):
  // yield first. The check that got here still wants its new segment
  // (the relay runs the function on it), which the P's cache makes cheap.
  if (getg()->preempt || getg()->stackguard0 == StackPreempt)
    preemptPoint();
  return pushSegment(getg(), need, reinterpret_cast<uintptr_t>(__builtin_frame_address(0)), true);
}

void goLessstack() { popSegment(getg(), currentP()); }

} // extern "C"

// origo_morestack_switch(thunk, block, sp): a frame record on the old
// stack, then the call on the new one. The CFA is the frame pointer's, so
// the unwinder finds the caller (the relay, on the old segment) from any
// point of the call; frame walks see the record too.
#if defined(__x86_64__)
__asm__(R"(
  .text
  .globl origo_morestack_switch
  .type origo_morestack_switch, @function
  .p2align 4
origo_morestack_switch:
  .cfi_startproc
  pushq %rbp
  .cfi_def_cfa_offset 16
  .cfi_offset %rbp, -16
  movq %rsp, %rbp
  .cfi_def_cfa_register %rbp
  movq %rdx, %rsp
  movq %rdi, %rax
  movq %rsi, %rdi
  callq *%rax
  .globl origo_morestack_ret
origo_morestack_ret:
  movq %rbp, %rsp
  popq %rbp
  .cfi_def_cfa %rsp, 8
  retq
  .cfi_endproc
  .size origo_morestack_switch, .-origo_morestack_switch
)");
#elif defined(__aarch64__)
__asm__(R"(
  .text
  .globl origo_morestack_switch
  .type origo_morestack_switch, %function
  .p2align 4
origo_morestack_switch:
  .cfi_startproc
  stp x29, x30, [sp, #-16]!
  .cfi_def_cfa_offset 16
  .cfi_offset w30, -8
  .cfi_offset w29, -16
  mov x29, sp
  .cfi_def_cfa w29, 16
  mov sp, x2
  mov x9, x0
  mov x0, x1
  blr x9
  .globl origo_morestack_ret
origo_morestack_ret:
  mov sp, x29
  .cfi_def_cfa wsp, 16
  ldp x29, x30, [sp], #16
  .cfi_def_cfa_offset 0
  .cfi_restore w30
  .cfi_restore w29
  ret
  .cfi_endproc
  .size origo_morestack_switch, .-origo_morestack_switch
)");
#else
#error "stack switch: unsupported target"
#endif
