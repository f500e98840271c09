//===- runtime/timer.h - Timers: per-P heaps, time.Sleep --------*- C++ -*-===//
///
/// \file
/// gc's time.go, in a simpler locking scheme: each P has a 4-ary heap of
/// timers ordered by `when`, under the P's timersLock. A timer is the
/// upstream time package's runtimeTimer, laid out exactly as it; `pp` is
/// the P whose heap holds it (0: in none) and, while it is in a heap,
/// `nextwhen` holds its index there (the time package never reads either
/// field). The scheduler runs a P's expired timers in findRunnable and,
/// when every M is idle, one M sleeps until the earliest timer (sched.cpp).
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_TIMER_H
#define ORIGO_RUNTIME_TIMER_H

#include "runtime/abi.h"
#include "runtime/sched.h"

#include <stdint.h>

namespace origo::rt {

/// time.runtimeTimer (time/sleep.go) = gc's runtime.timer.
struct Timer {
  uintptr_t pp;      ///< the P whose heap holds it, 0 if none
  int64_t when;      ///< nanotime at which f runs
  int64_t period;    ///< > 0: runs again every period
  void *f;           ///< func(any, uintptr): a Go func value (closure)
  abi::Eface arg;
  uintptr_t seq;
  int64_t nextwhen;  ///< the timer's index in its P's heap (origo's use)
  uint32_t status;
};
static_assert(sizeof(Timer) == 72, "time.runtimeTimer's size");
static_assert(offsetof(Timer, f) == 24 && offsetof(Timer, arg) == 32 &&
                  offsetof(Timer, seq) == 48 && offsetof(Timer, status) == 64,
              "time.runtimeTimer's layout");

/// Puts t in the current P's heap (gc's addtimer).
void addtimer(Timer *t);
/// Takes t out of its heap; returns whether it was in one (it had not run).
bool deltimer(Timer *t);
/// Changes t's when/period/f/arg/seq (and puts it in a heap); returns
/// whether it was pending.
bool modtimer(Timer *t, int64_t when, int64_t period, void *f, abi::Eface arg, uintptr_t seq);
/// Runs pp's timers whose time has come (their functions run on this M,
/// which must hold a P).
void runTimers(P *pp, int64_t now);
/// Moves every timer of \p from (a P going away) to \p to.
void moveTimers(P *from, P *to);
/// Sleeps the current goroutine for \p ns nanoseconds (time.Sleep).
void timeSleep(int64_t ns);
/// A timer was added: wakes the M sleeping until the earliest timer, or
/// an idle P when none sleeps (sched.cpp; gc's wakeNetPoller).
void wakeTimerSleeper();
/// Starts sysmon's thread (sched.cpp).
void startSysmon();

} // namespace origo::rt

extern "C" {
// The hooks of the time package (//go:linkname'd in upstream time), with
// the Go calling convention: the closure context in the nest register
// (unused), the parameters in order.
void goTimeSleep(int64_t ns) __asm__("time.Sleep");
void goStartTimer(origo::rt::Timer *t) __asm__("time.startTimer");
bool goStopTimer(origo::rt::Timer *t) __asm__("time.stopTimer");
bool goResetTimer(origo::rt::Timer *t, int64_t when) __asm__("time.resetTimer");
void goModTimer(origo::rt::Timer *t, int64_t when, int64_t period, void *f, const void *argType,
                void *argData, uintptr_t seq) __asm__("time.modTimer");
// time.now and runtime.nanotime (time.runtimeNano links to it) are
// stdlib/runtime's and goapi.cpp's.
}

#endif // ORIGO_RUNTIME_TIMER_H
