//===- runtime/stack.h - Segmented, growable goroutine stacks ---*- C++ -*-===//
///
/// \file
/// Goroutine stacks grow by segments (ARCHITECTURE.md, "Stack growth on both
/// targets, done by origo"). Every compiled Go function checks, right after
/// its prologue, that its stack pointer is at or above the running G's
/// `stackguard0` (codegen/stack_check.cpp). When it is not, the function's
/// cold path calls runtime.morestack, which takes a segment (from the P's
/// cache or mmap) and makes it the G's stack, runs the function again on it
/// through origo_morestack_switch and a per-function thunk, and calls
/// runtime.lessstack after it returns, which gives the segment back.
///
/// A segment is one mapping: StackGuard bytes of slack, the usable part,
/// and the StackSegment record at the top (no guard page: see stack.cpp):
///
///   base = lo  [ slack: StackGuard ][ usable .......... ][record] hi
///                                   stackguard0 = lo + StackGuard
///
/// The slack is what compiled code may write below stackguard0: the frame
/// of a function whose estimated frame is at most MaxCheckedFrame (its
/// check runs after its frame is allocated; a leaf of that size has no
/// check), plus what runtime C++ code called from Go, or morestack, uses
/// from there (RuntimeStackMax, checked by tools/runtime_stack.py). Runtime
/// work that needs more (raising a panic, fatal errors, map growth) moves
/// to a segment of its own with onBigStack. Functions with bigger frames
/// check `sp - bound` in a wrapper before their body's frame exists.
///
/// A goroutine's first segment is 2 KiB in all, as gc's first stack, and
/// first segments lie next to each other: a million goroutines blocked in
/// a channel operation take about as much memory as gc's. A goroutine
/// that calls anything deeper soon runs on a segment from the P's cache.
///
/// A panic unwinds across segments without returning through lessstack:
/// the personality (defer.cpp) calls stackUnwound with the landing frame's
/// address, which pops the segments above it.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_STACK_H
#define ORIGO_RUNTIME_STACK_H

#include "runtime/sched.h"

#include <stddef.h>
#include <stdint.h>
#include <type_traits>

namespace origo::rt {

/// The largest estimated frame (codegen's bound) of a function checked
/// after its prologue or not checked at all (a leaf); codegen/stack_check.cpp
/// uses the same number. Such a frame may lie below stackguard0 when its
/// check fails (or, for a leaf, always).
constexpr uintptr_t MaxCheckedFrame = 512;
/// What runtime code called from Go may use of the goroutine's stack (its
/// C++ frames run unchecked), and runtime.morestack's path; bigger work
/// moves to a segment of its own (onBigStack). tools/runtime_stack.py
/// checks every Go-callable entry point against it.
constexpr uintptr_t RuntimeStackMax = 768;
/// Bytes below stackguard0 that compiled code and the runtime may use: a
/// frame whose check failed, then the runtime's path from there.
constexpr uintptr_t StackGuard = MaxCheckedFrame + RuntimeStackMax;
/// A new goroutine's first segment, all of it (slack, usable bytes and the
/// record): as small as gc's first stack, so that a million goroutines
/// blocked in a channel operation cost about as much memory as gc's.
/// Anything deeper than a few small frames continues on a new segment.
constexpr size_t FirstSegmentSize = 2048;
/// Bytes the runtime asks onBigStack for: the unwinder raising a panic,
/// fatal errors' tracebacks.
constexpr size_t BigStackNeed = 32 << 10;
/// Usable bytes of the first extra segment; each next one doubles, up to
/// StackSegmentMax (a single bigger frame gets what it needs).
constexpr size_t StackSegmentMin = 64 << 10;
constexpr size_t StackSegmentMax = 1 << 20;
/// gc's maxstacksize on 64-bit targets: the usable bytes of all of a G's
/// segments together.
constexpr size_t MaxStackSize = 1000000000;

/// The record at the top of a segment: the bounds it replaced.
struct StackSegment {
  StackSegment *prev;       ///< the G's previous segment (null: first one)
  StackSegment *next;       ///< in a P's cache
  uintptr_t base;           ///< the mapping
  size_t mapped;            ///< bytes of the mapping
  size_t usable;            ///< bytes above stackguard0
  Stack savedStack;         ///< the G's bounds before this segment
};

/// A G's first segment, FirstSegmentSize bytes (its record holds no
/// previous bounds); the G's stack, stackguard0 and size in use are set.
void stackInit(G *gp);
/// Gives back every segment of a dead G but its first, to \p pp's cache.
void stackReset(G *gp, P *pp);
/// After an unwind landed in a frame at \p sp: pops the G's segments that
/// do not contain it (a panic left them without lessstack).
void stackUnwound(G *gp, uintptr_t sp);
/// Whether the frame at \p a is at or below (newer than) the frame at \p b
/// on \p gp's stack: segments are not ordered by address, so a frame on a
/// newer segment is below any frame on an older one; an address on no live
/// segment (unwound already) counts as the newest.
bool frameAtOrBelow(const G *gp, uintptr_t a, uintptr_t b);
/// Runs fn(arg) with at least \p need bytes of stack below it: right here
/// when the running stack has them (or is a system stack), else on a new
/// segment of the G's, given back when fn returns (gc's systemstack plays
/// this part). Runtime code called from Go that may need more than
/// RuntimeStackMax goes through it. fn may unwind or never return (a
/// panic, Goexit, a fatal error): frame walks and the unwinder cross the
/// boundary as they cross morestack's.
void onBigStack(size_t need, void (*fn)(void *), void *arg);
/// onBigStack for a callable (a lambda).
template <typename F> void onBigStack(size_t need, F &&f) {
  using T = std::remove_reference_t<F>;
  onBigStack(need, [](void *p) { (*static_cast<T *>(p))(); }, static_cast<void *>(&f));
}
/// Segments in \p pp's cache (tests).
int stackCacheCount(P *pp);
/// The return address inside origo_morestack_switch after it called the
/// thunk: frame walks that see it are crossing a segment boundary.
uintptr_t morestackReturnPC();
/// The frame pointer of the caller of the frame at \p fp, as Go sees it:
/// when that frame runs on a new segment, the caller of the relay (the
/// same function's frame on the old segment) rather than the thunk.
uintptr_t callerFrame(uintptr_t fp);

} // namespace origo::rt

extern "C" {
/// The slow path of the stack check: installs a segment with at least
/// \p need bytes usable and returns the stack pointer to start it at.
uintptr_t goMorestack(uint64_t need) __asm__("runtime.morestack");
/// After the call on the segment returned: back to the previous bounds.
void goLessstack() __asm__("runtime.lessstack");
/// Switches to \p sp, calls thunk(block) there and switches back (assembly
/// with CFI, so the unwinder and frame walks continue on the old stack).
void origo_morestack_switch(void (*thunk)(void *), void *block, uintptr_t sp);
}

#endif // ORIGO_RUNTIME_STACK_H
