//===- runtime/timer.cpp - Timers: per-P heaps, time.Sleep ----------------===//
///
/// \file
/// gc's runtime/time.go with a per-P lock instead of its timer status
/// machine (see timer.h). A timer's function runs with no lock held, on
/// the M that found it expired (gc runs it on the system stack too: the
/// time package's functions never block). Stopping a timer whose function
/// is about to run finds it out of every heap (pp == 0) and reports false,
/// as gc's deltimer does for a running timer.
///
/// Concurrent modifications of one timer are serialised by the time
/// package's own contract (Reset only on stopped or expired timers); the
/// per-P lock makes each operation atomic with respect to the heap.
///
//===----------------------------------------------------------------------===//

#include "runtime/timer.h"
#include "runtime/malloc.h"
#include "runtime/panic.h"
#include "runtime/persistent_alloc.h"
#include "runtime/spinlock.h"

#include <string.h>
#include <time.h>

extern "C" {
/// Calls the Go func value f(a, b, c): f's code with f in the nest
/// register (context_switch.cpp's convention for closures).
void origo_callclosure3(void *f, const void *a, void *b, uintptr_t c);
}

namespace origo::rt {
namespace {

SpinLock &timersLock(P *pp) { return *reinterpret_cast<SpinLock *>(&pp->timersLock); }
static_assert(sizeof(SpinLock) == sizeof(uint32_t), "P::timersLock holds a SpinLock");

// The 4-ary heap (gc's siftupTimer / siftdownTimer); nextwhen is the index.
void place(P *pp, Timer *t, int64_t i) {
  pp->timers[i] = t;
  t->nextwhen = i;
}

void siftup(P *pp, int64_t i) {
  Timer *t = pp->timers[i];
  while (i > 0) {
    int64_t parent = (i - 1) / 4;
    if (t->when >= pp->timers[parent]->when)
      break;
    place(pp, pp->timers[parent], i);
    i = parent;
  }
  place(pp, t, i);
}

void siftdown(P *pp, int64_t i) {
  int64_t n = pp->ntimers;
  Timer *t = pp->timers[i];
  for (;;) {
    int64_t c = i * 4 + 1;
    if (c >= n)
      break;
    int64_t best = c;
    for (int64_t k = c + 1; k < c + 4 && k < n; ++k)
      if (pp->timers[k]->when < pp->timers[best]->when)
        best = k;
    if (pp->timers[best]->when >= t->when)
      break;
    place(pp, pp->timers[best], i);
    i = best;
  }
  place(pp, t, i);
}

void updateTimer0When(P *pp) {
  // Sequentially consistent: the timer sleeper reads it after announcing
  // itself, addtimer reads the announcement after this store.
  __atomic_store_n(&pp->timer0When, pp->ntimers ? pp->timers[0]->when : 0, __ATOMIC_SEQ_CST);
}

/// pp's lock held.
void heapAdd(P *pp, Timer *t) {
  if (pp->ntimers == pp->timersCap) {
    int64_t cap = pp->timersCap ? pp->timersCap * 2 : 16;
    auto **a = static_cast<Timer **>(mallocgc(size_t(cap) * sizeof(Timer *), &runtimePointers, false));
    if (pp->ntimers)
      memcpy(a, pp->timers, size_t(pp->ntimers) * sizeof(Timer *));
    pp->timers = a;
    pp->timersCap = cap;
  }
  t->pp = reinterpret_cast<uintptr_t>(pp);
  place(pp, t, pp->ntimers++);
  siftup(pp, t->nextwhen);
  updateTimer0When(pp);
}

/// pp's lock held; t is in pp's heap.
void heapRemove(P *pp, Timer *t) {
  int64_t i = t->nextwhen;
  int64_t last = --pp->ntimers;
  t->pp = 0;
  if (i != last) {
    place(pp, pp->timers[last], i);
    siftdown(pp, i);
    siftup(pp, i);
  }
  pp->timers[last] = nullptr;
  updateTimer0When(pp);
}

/// Locks the heap holding t, if any; returns it (locked) or null.
P *lockHeapOf(Timer *t) {
  for (;;) {
    auto *pp = reinterpret_cast<P *>(__atomic_load_n(&t->pp, __ATOMIC_ACQUIRE));
    if (!pp)
      return nullptr;
    timersLock(pp).lock();
    if (t->pp == reinterpret_cast<uintptr_t>(pp))
      return pp;
    timersLock(pp).unlock(); // moved meanwhile: look again
  }
}

void wakeForTimer(int64_t when) {
  // An M sleeping until a later timer must wake to see this one, and an
  // idle P should look at it if nobody runs (gc's wakeNetPoller).
  (void)when;
  wakeTimerSleeper();
}

} // namespace

void addtimer(Timer *t) {
  if (t->when < 0)
    t->when = INT64_MAX; // gc: when must never be negative
  if (t->pp)
    fatal("timer already in heap");
  P *pp = getm()->p;
  {
    SpinLockGuard l(timersLock(pp));
    heapAdd(pp, t);
  }
  wakeForTimer(t->when);
}

bool deltimer(Timer *t) {
  P *pp = lockHeapOf(t);
  if (!pp)
    return false;
  heapRemove(pp, t);
  timersLock(pp).unlock();
  return true;
}

bool modtimer(Timer *t, int64_t when, int64_t period, void *f, abi::Eface arg, uintptr_t seq) {
  bool pending = deltimer(t);
  t->when = when;
  t->period = period;
  t->f = f;
  t->arg = arg;
  t->seq = seq;
  addtimer(t);
  return pending;
}

void runTimers(P *pp, int64_t now) {
  SpinLock &l = timersLock(pp);
  l.lock();
  while (pp->ntimers > 0 && pp->timers[0]->when <= now) {
    Timer *t = pp->timers[0];
    void *f = t->f;
    abi::Eface arg = t->arg;
    uintptr_t seq = t->seq;
    if (t->period > 0) {
      // Periodic: next time, skipping the periods already missed.
      int64_t delta = t->when - now;
      t->when += t->period * (1 + -delta / t->period);
      if (t->when < 0)
        t->when = INT64_MAX;
      siftdown(pp, 0);
      updateTimer0When(pp);
    } else {
      heapRemove(pp, t);
    }
    l.unlock();
    origo_callclosure3(f, arg.type, arg.data, seq);
    l.lock();
  }
  l.unlock();
}

void moveTimers(P *from, P *to) {
  SpinLockGuard lf(timersLock(from));
  SpinLockGuard lt(timersLock(to));
  while (from->ntimers > 0) {
    Timer *t = from->timers[from->ntimers - 1];
    heapRemove(from, t);
    heapAdd(to, t);
  }
}

//===-- time.Sleep ---------------------------------------------------------===//

namespace {

/// The function of a sleeping goroutine's timer (gc's goroutineReady),
/// called as a Go func(any, uintptr): the G is the interface's data word.
void goroutineReady(const void *, void *gp, uintptr_t) { goready(static_cast<G *>(gp)); }
void *const goroutineReadyFunc[1] = {reinterpret_cast<void *>(&goroutineReady)};

/// gopark's callback: the timer starts only once the G is parked, so its
/// goready cannot come first (gc's resetForSleep).
bool startSleepTimer(G *, void *t) {
  addtimer(static_cast<Timer *>(t));
  return true;
}

/// Per thread; the accessors are never inlined (see sema.cpp's
/// freeWaiters: timeSleep parks between the two).
__thread Timer *freeSleepTimers = nullptr;

__attribute__((noinline)) Timer *getSleepTimer() {
  Timer *t = freeSleepTimers;
  if (t)
    freeSleepTimers = static_cast<Timer *>(t->arg.data);
  else
    t = static_cast<Timer *>(persistentAlloc(sizeof(Timer), alignof(Timer)));
  memset(t, 0, sizeof *t);
  return t;
}

__attribute__((noinline)) void putSleepTimer(Timer *t) {
  t->arg.data = freeSleepTimers;
  freeSleepTimers = t;
}

} // namespace

void timeSleep(int64_t ns) {
  if (ns <= 0)
    return;
  G *gp = getg();
  Timer *t = getSleepTimer();
  int64_t when = nanotime() + ns;
  t->when = when < 0 ? INT64_MAX : when;
  t->f = const_cast<void **>(goroutineReadyFunc);
  t->arg.data = gp;
  gopark(startSleepTimer, t, "sleep");
  // Back, maybe on another M: the timer ran and is in no heap.
  putSleepTimer(t);
}

} // namespace origo::rt

using namespace origo::rt;

extern "C" {

void goTimeSleep(int64_t ns) { timeSleep(ns); }

void goStartTimer(Timer *t) { addtimer(t); }

bool goStopTimer(Timer *t) { return deltimer(t); }

bool goResetTimer(Timer *t, int64_t when) {
  return modtimer(t, when, t->period, t->f, t->arg, t->seq);
}

void goModTimer(Timer *t, int64_t when, int64_t period, void *f, const void *argType, void *argData,
                uintptr_t seq) {
  origo::abi::Eface arg{static_cast<const origo::abi::Type *>(argType), argData};
  modtimer(t, when, period, f, arg, seq);
}

} // extern "C"

// origo_callclosure3(f, a, b, c) calls a Go func value: f's code with f
// in the nest register, the arguments in the first three registers.
#if defined(__x86_64__)
__asm__(R"(
  .text
  .globl origo_callclosure3
  .type origo_callclosure3, @function
  .p2align 4
origo_callclosure3:
  .cfi_startproc
  movq %rdi, %r10
  movq %rsi, %rdi
  movq %rdx, %rsi
  movq %rcx, %rdx
  jmpq *(%r10)
  .cfi_endproc
  .size origo_callclosure3, .-origo_callclosure3
)");
#elif defined(__aarch64__)
__asm__(R"(
  .text
  .globl origo_callclosure3
  .type origo_callclosure3, %function
  .p2align 4
origo_callclosure3:
  .cfi_startproc
  mov x18, x0
  mov x0, x1
  mov x1, x2
  mov x2, x3
  ldr x9, [x18]
  br x9
  .cfi_endproc
  .size origo_callclosure3, .-origo_callclosure3
)");
#else
#error "origo_callclosure3: unsupported target"
#endif
