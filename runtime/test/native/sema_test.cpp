//===- runtime/test/native/sema_test.cpp - sync's runtime hooks -----------===//
///
/// \file
/// Checks sema.cpp through the entry points upstream sync and
/// internal/poll call (their //go:linkname names), on four Ps: a mutex
/// made of sync.runtime_SemacquireMutex/Semrelease guarding a plain
/// counter (lost updates would show), FIFO wake-up order and the LIFO
/// requeue, hand-off (the waiter owns the count when woken), WaitGroup-style
/// waiting on a counter, a condition variable built on the notify list
/// hooks (Wait/NotifyOne/NotifyAll with tickets taken before the lock is
/// dropped), notifyListCheck, canSpin/doSpin/procPin, internal/poll's
/// semaphore. Modes: sync.throw and sync.fatal print gc's report.
///
//===----------------------------------------------------------------------===//

#include "goroutines.h"
#include "native_test.h"
#include "runtime/sched.h"
#include "runtime/sema.h"
#include "runtime/timer.h"

using namespace native_test;
using namespace origo::rt;

namespace {

void waitAllDone() {
  while (goNumGoroutine() > 1)
    timeSleep(100000);
}

// 1. A mutex: the semaphore starts at 1; acquire = lock, release = unlock.
uint32_t mutexSema = 1;
int64_t plainCounter = 0; // not atomic: the mutex must protect it
void mutexWorker(Closure *c) {
  for (int64_t i = 0; i < c->arg; ++i) {
    goSyncSemacquireMutex(&mutexSema, i & 1, 0);
    int64_t v = plainCounter;
    if (i % 97 == 0)
      goGosched(); // hold it across a reschedule
    plainCounter = v + 1;
    goSyncSemrelease(&mutexSema, i % 5 == 0, 0);
  }
}

void checkMutex() {
  plainCounter = 0;
  for (int i = 0; i < 16; ++i)
    go(mutexWorker, 3000);
  waitAllDone();
  EXPECT(plainCounter == 16 * 3000);
  EXPECT(mutexSema == 1);
  EXPECT(semaWaiters(&mutexSema) == 0);
}

// 2. Order: waiters queued one by one wake FIFO; a LIFO one goes first.
uint32_t orderSema = 0;
int32_t order[8];
int32_t norder = 0;
void orderWaiter(Closure *c) {
  if (c->arg == 7)
    goSyncSemacquireMutex(&orderSema, 1, 0);
  else
    goSyncSemacquire(&orderSema);
  order[__atomic_fetch_add(&norder, 1, __ATOMIC_SEQ_CST)] = int32_t(c->arg);
}

void checkOrder() {
  int64_t before = goGOMAXPROCS(1); // one at a time: the wake order shows
  norder = 0;
  for (int i = 0; i < 8; ++i) {
    go(orderWaiter, i);
    while (semaWaiters(&orderSema) < i + 1)
      goGosched();
  }
  for (int i = 0; i < 8; ++i) {
    goSyncSemrelease(&orderSema, 0, 0);
    while (norder < i + 1)
      goGosched();
  }
  // 7 asked to be first (lifo); then 0..6 in arrival order.
  const int32_t want[8] = {7, 0, 1, 2, 3, 4, 5, 6};
  EXPECT(memcmp(order, want, sizeof want) == 0);
  goGOMAXPROCS(before);
}

// 3. Hand-off: the releaser gives its count to the waiter, which owns it
// when it runs; the releaser's own acquire must then wait.
uint32_t handSema = 0;
int32_t handState = 0;
void handWaiter(Closure *) {
  goSyncSemacquireMutex(&handSema, 0, 0);
  __atomic_store_n(&handState, 1, __ATOMIC_SEQ_CST);
}

void checkHandoff() {
  go(handWaiter);
  while (semaWaiters(&handSema) < 1)
    goGosched();
  goSyncSemrelease(&handSema, 1, 0);
  while (__atomic_load_n(&handState, __ATOMIC_SEQ_CST) != 1)
    goGosched();
  EXPECT(handSema == 0); // the count went to the waiter
  waitAllDone();
}

// 4. A condition variable on the notify list hooks: a bounded queue with
// producers and consumers, NotifyOne for each item, NotifyAll at the end.
NotifyList cond;
uint32_t condMu = 1;
int64_t queued = 0, consumed = 0, produced = 0;
bool closed = false;
void lock() { goSyncSemacquireMutex(&condMu, 0, 0); }
void unlock() { goSyncSemrelease(&condMu, 0, 0); }
/// sync.Cond.Wait: the ticket first, then unlock, wait, lock.
void condWait() {
  uint32_t t = goNotifyListAdd(&cond);
  unlock();
  goNotifyListWait(&cond, t);
  lock();
}
void producer(Closure *c) {
  for (int64_t i = 0; i < c->arg; ++i) {
    lock();
    ++queued;
    ++produced;
    unlock();
    goNotifyListNotifyOne(&cond);
  }
}
void consumer(Closure *) {
  lock();
  for (;;) {
    while (queued == 0 && !closed)
      condWait();
    if (queued == 0 && closed)
      break;
    --queued;
    ++consumed;
  }
  unlock();
}

void checkCond() {
  goNotifyListCheck(sizeof(NotifyList));
  for (int i = 0; i < 6; ++i)
    go(consumer);
  for (int i = 0; i < 4; ++i)
    go(producer, 2000);
  for (;;) {
    lock();
    bool done = produced == 8000;
    unlock();
    if (done)
      break;
    timeSleep(100000);
  }
  lock();
  closed = true;
  unlock();
  goNotifyListNotifyAll(&cond);
  waitAllDone();
  EXPECT(consumed == 8000 && queued == 0);
  EXPECT(cond.wait == cond.notify);
}

// 5. A WaitGroup's shape: the waiter sleeps on a semaphore the last
// worker releases; internal/poll's semaphore the same way.
int32_t wgCount = 0;
uint32_t wgSema = 0, pollSema = 0;
void wgWorker(Closure *) {
  if (__atomic_sub_fetch(&wgCount, 1, __ATOMIC_SEQ_CST) == 0)
    goSyncSemrelease(&wgSema, 0, 0);
}
void pollWorker(Closure *) { goPollSemrelease(&pollSema); }

void checkWaitGroupAndPoll() {
  wgCount = 50;
  for (int i = 0; i < 50; ++i)
    go(wgWorker);
  goSyncSemacquire(&wgSema);
  EXPECT(wgCount == 0);
  for (int i = 0; i < 10; ++i)
    go(pollWorker);
  for (int i = 0; i < 10; ++i)
    goPollSemacquire(&pollSema);
  EXPECT(pollSema == 0);
  waitAllDone();
}

// 6. The small hooks.
void checkMisc() {
  EXPECT(!goSyncCanSpin(4)); // never more than four rounds
  goSyncDoSpin();
  int64_t t0 = goSyncNanotime();
  timeSleep(1000000);
  EXPECT(goSyncNanotime() - t0 >= 1000000);
  int64_t id = goSyncProcPin();
  EXPECT(id >= 0 && id < goGOMAXPROCS(0));
  EXPECT(getm()->locks == 1);
  int64_t id2 = goAtomicProcPin();
  EXPECT(id2 == id);
  goAtomicProcUnpin();
  goSyncProcUnpin();
  EXPECT(getm()->locks == 0);
}

void modeThrow() {
  const char *msg = "sync: unlock of unlocked mutex";
  goSyncThrow(reinterpret_cast<const uint8_t *>(msg), int64_t(strlen(msg)));
}

void modeFatal() {
  const char *msg = "sync: Unlock of unlocked RWMutex";
  goSyncFatal(reinterpret_cast<const uint8_t *>(msg), int64_t(strlen(msg)));
}

struct Mode {
  const char *name;
  void (*run)();
};
const Mode modes[] = {{"throw", modeThrow}, {"fatal", modeFatal}};

} // namespace

static void testBody() {
  setvbuf(stdout, nullptr, _IONBF, 0);
  runModeArg(modes);
  goGOMAXPROCS(4);
  checkMutex();
  checkOrder();
  checkHandoff();
  checkCond();
  checkWaitGroupAndPoll();
  checkMisc();
  exit(finish("sema_test"));
}
