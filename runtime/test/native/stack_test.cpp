//===- runtime/test/native/stack_test.cpp - Stack segments ----------------===//
///
/// \file
/// Checks stack.cpp the way compiled stack checks use it (codegen/
/// stack_check.cpp): runtime.morestack, origo_morestack_switch to a thunk
/// on the new segment, runtime.lessstack. The thunk runs on the segment,
/// sees the G's new bounds and, through callerFrame, the frame that called
/// the relay; the bounds come back afterwards; a boundary crossed 1,000
/// times in a loop (the "hot split") reuses one cached segment; nested
/// segments unwind in order; stackUnwound pops what a panic left behind;
/// frameAtOrBelow orders frames by segment before address.
///
//===----------------------------------------------------------------------===//

#include "native_test.h"
#include "runtime/sched.h"
#include "runtime/stack.h"

using namespace native_test;
using namespace origo::rt;

namespace {

struct Seen {
  uintptr_t sp, lo, hi, guard;
  uintptr_t caller;   ///< callerFrame of a frame the thunk calls
  int depth;          ///< segments still to nest
};

__attribute__((noinline)) uintptr_t callerOfMe() {
  return callerFrame(reinterpret_cast<uintptr_t>(__builtin_frame_address(0)));
}

void relay(Seen *s);

/// What the thunk of a compiled function does: the call, on the segment.
void thunk(void *p) {
  auto *s = static_cast<Seen *>(p);
  G *gp = getg();
  s->sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  s->lo = gp->stack.lo;
  s->hi = gp->stack.hi;
  s->guard = gp->stackguard0;
  s->caller = callerOfMe();
  if (s->depth-- > 0)
    relay(s);
}

/// A compiled function's cold path.
__attribute__((noinline)) void relay(Seen *s) {
  uintptr_t sp = goMorestack(1024);
  origo_morestack_switch(thunk, s, sp);
  goLessstack();
  __asm__ volatile("" ::: "memory"); // not a tail call: keep this frame
}

/// Calls relay and returns the frame pointer callerFrame should find.
__attribute__((noinline)) uintptr_t crossOnce(Seen *s) {
  relay(s);
  return reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
}

void checkCross() {
  G *gp = getg();
  Stack before = gp->stack;
  uintptr_t guardBefore = gp->stackguard0;
  size_t inUse = gp->stackInUse;
  Seen s{};
  uintptr_t fp = crossOnce(&s);
  EXPECT(s.sp >= s.guard && s.sp < s.hi);
  EXPECT(s.lo != before.lo && s.guard == s.lo + StackGuard);
  EXPECT(s.hi - s.guard >= StackSegmentMin);
  EXPECT(s.caller == fp);
  EXPECT(gp->stack.lo == before.lo && gp->stack.hi == before.hi);
  EXPECT(gp->stackguard0 == guardBefore);
  EXPECT(gp->stackInUse == inUse);
  EXPECT(stackCacheCount(getm()->p) == 1);
}

void checkHotSplit() {
  Seen s{};
  crossOnce(&s);
  uintptr_t first = s.lo;
  int same = 0;
  for (int i = 0; i < 1000; ++i) {
    crossOnce(&s);
    same += s.lo == first;
  }
  EXPECT(same == 1000);
  EXPECT(stackCacheCount(getm()->p) == 1);
}

void checkNested() {
  G *gp = getg();
  Stack before = gp->stack;
  size_t inUse = gp->stackInUse;
  Seen s{};
  s.depth = 4;
  crossOnce(&s);
  EXPECT(s.depth == -1);
  EXPECT(gp->stack.lo == before.lo && gp->stackInUse == inUse);
  EXPECT(stackCacheCount(getm()->p) == 5);
}

void checkUnwound() {
  G *gp = getg();
  Stack before = gp->stack;
  uintptr_t guardBefore = gp->stackguard0;
  size_t inUse = gp->stackInUse;
  uintptr_t sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  for (int i = 0; i < 3; ++i)
    goMorestack(0);
  EXPECT(gp->stack.lo != before.lo);
  EXPECT(gp->stackInUse > inUse);
  // Frames on the newest segment are below this one, whatever the
  // segments' addresses; so are frames on segments already unwound.
  uintptr_t newest = gp->stack.hi - 64;
  EXPECT(frameAtOrBelow(gp, newest, sp));
  EXPECT(!frameAtOrBelow(gp, sp, newest));
  EXPECT(frameAtOrBelow(gp, sp - 64, sp) && !frameAtOrBelow(gp, sp + 64, sp));
  // A panic raised on the third segment lands in this frame.
  stackUnwound(gp, sp);
  EXPECT(gp->stack.lo == before.lo && gp->stack.hi == before.hi);
  EXPECT(gp->stackguard0 == guardBefore && gp->stackInUse == inUse);
  EXPECT(frameAtOrBelow(gp, newest, sp));
}

} // namespace

static void testBody() {
  // main.main's first segment is gc's 2 KiB (this C++ code runs on the
  // segment native_test.h's main.main moved to from there).
  G *gp = getg();
  StackSegment *first = gp->segment;
  while (first->prev)
    first = first->prev;
  EXPECT(first->mapped == FirstSegmentSize && first != gp->segment);
  EXPECT(first->usable >= 512);
  checkCross();
  checkHotSplit();
  checkNested();
  checkUnwound();
  exit(finish("stack_test"));
}
