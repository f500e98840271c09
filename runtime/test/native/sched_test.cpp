//===- runtime/test/native/sched_test.cpp - Goroutines and the scheduler --===//
///
/// \file
/// Checks sched.cpp through its entry points, as compiled `go` statements
/// will use them: goroutines made by runtime.newproc from closures (here
/// C++ functions taking the closure as their first argument), the run
/// order with one P (runnext, the ring, the global queue of Gosched),
/// gopark/goready, 10,000 goroutines made and finished (their Gs and
/// stacks reused), NumGoroutine, callee-saved registers across switches,
/// and each goroutine's own stack and panic list, all with GOMAXPROCS=1;
/// then with several Ps: goroutines that run at the same time on
/// different threads (a barrier only they can pass together), wake-ups
/// across threads, a million counted increments, work stealing, Goexit,
/// LockOSThread, GOMAXPROCS changes with work queued, time.Sleep and the
/// time package's timers (start, stop, reset, periodic), a system call
/// that blocks while its P runs other goroutines, preemption requests that
/// end when their goroutine yields. Modes: an
/// unrecovered panic in goroutine 5, the deadlock report, and the main
/// goroutine's Goexit with nothing left to run or everything blocked.
///
//===----------------------------------------------------------------------===//

#include "goroutines.h"
#include "native_test.h"
#include "runtime/error.h"
#include "runtime/sched.h"
#include "runtime/timer.h"

using namespace native_test;
using namespace origo::rt;

namespace {

char trace[256];
int ntrace = 0;
void note(char c) { trace[ntrace++] = c; trace[ntrace] = 0; }

// 1. Run order with one P: the newest goroutine runs next (runnext), the
// one it displaced goes to the tail; Gosched goes to the global queue.
void letter(Closure *c) { note(char(c->arg)); }

void checkOrder() {
  ntrace = 0;
  go(letter, 'a');
  go(letter, 'b');
  go(letter, 'c');
  EXPECT(goNumGoroutine() == 4);
  goGosched();
  // gc with GOMAXPROCS=1: c (runnext), then a, b from the ring; main
  // comes back from the global queue after them.
  EXPECT(strcmp(trace, "cab") == 0);
  EXPECT(goNumGoroutine() == 1);
}

// 2. Gosched ping-pong: two goroutines alternate.
void pinger(Closure *c) {
  for (int i = 0; i < 3; ++i) {
    note(char(c->arg));
    goGosched();
  }
}

void checkPingPong() {
  ntrace = 0;
  go(pinger, 'x');
  go(pinger, 'y');
  while (goNumGoroutine() > 1)
    goGosched();
  EXPECT(strcmp(trace, "yxyxyx") == 0);
}

// 3. gopark/goready: a parked goroutine runs again only when readied.
G *parked = nullptr;
int stage = 0;
bool unlockSetsParked(G *gp, void *lock) {
  parked = gp;
  *static_cast<int *>(lock) = 1;
  return true;
}
void parker(Closure *) {
  stage = 1;
  int locked = 0;
  gopark(unlockSetsParked, &locked, "chan receive");
  stage = 2;
}
bool refuse(G *, void *) { return false; }

void checkPark() {
  go(parker);
  goGosched();
  EXPECT(stage == 1);
  EXPECT(parked != nullptr && parked->status == Gwaiting);
  EXPECT(goNumGoroutine() == 2);
  goGosched(); // the parked one stays parked
  EXPECT(stage == 1);
  goready(parked);
  EXPECT(parked->status == Grunnable);
  goGosched();
  EXPECT(stage == 2);
  EXPECT(goNumGoroutine() == 1);
  // An unlock function that refuses: gopark returns at once.
  gopark(refuse, nullptr, "select");
  EXPECT(getg()->goid == 1);
}

// 4. Callee-saved registers and stacks are each goroutine's own.
volatile int64_t sink;
void deep(Closure *c) {
  // Values kept across Gosched in callee-saved registers (the compiler
  // puts them there across calls).
  int64_t a = c->arg, b = a * 3, d = a * 7, e = a * 11, f = a * 13;
  double x = double(a) * 1.5, y = double(a) * 2.5;
  char buf[4096];
  memset(buf, int(a & 0x7f), sizeof buf);
  goGosched();
  goGosched();
  EXPECT(b == a * 3 && d == a * 7 && e == a * 11 && f == a * 13);
  EXPECT(x == double(a) * 1.5 && y == double(a) * 2.5);
  EXPECT(buf[0] == char(a & 0x7f) && buf[4095] == char(a & 0x7f));
  G *g = getg();
  uintptr_t here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  EXPECT(here > g->stack.lo && here < g->stack.hi);
  EXPECT(g->stackguard0 > g->stack.lo);
  EXPECT(g->panic == nullptr);
  sink = a + b + d + e + f;
}

void checkRegisters() {
  for (int i = 1; i <= 20; ++i)
    go(deep, i * 1000003);
  while (goNumGoroutine() > 1)
    goGosched();
}

// 5. 10,000 goroutines made and finished; Gs are reused, ids grow.
int64_t ran = 0;
void count(Closure *c) { ran += c->arg; }

void checkMany() {
  uint64_t before = 0;
  for (int round = 0; round < 2; ++round) {
    ran = 0;
    for (int i = 0; i < 10000; ++i)
      go(count, 1);
    EXPECT(goNumGoroutine() == 10001);
    while (goNumGoroutine() > 1)
      goGosched();
    EXPECT(ran == 10000);
    G *g = newproc1(closure(count, 0), 0);
    EXPECT(g->goid > before);
    before = g->goid;
    goGosched();
  }
}

//===-- several Ps ----------------------------------------------------------===//

// 6. A barrier that n goroutines pass only when all n run at once: with
// n Ps they must be on n threads (a missed wake-up hangs the test).
int32_t arrived = 0;
int64_t threadsSeen[64];
void barrierWorker(Closure *c) {
  threadsSeen[c->arg] = getm()->id;
  __atomic_add_fetch(&arrived, 1, __ATOMIC_SEQ_CST);
  while (__atomic_load_n(&arrived, __ATOMIC_SEQ_CST) < 4)
    ;
}

void checkParallel() {
  EXPECT(goGOMAXPROCS(4) == 1);
  EXPECT(goGOMAXPROCS(0) == 4);
  arrived = 0;
  for (int i = 0; i < 3; ++i)
    go(barrierWorker, i);
  threadsSeen[3] = getm()->id;
  __atomic_add_fetch(&arrived, 1, __ATOMIC_SEQ_CST);
  while (__atomic_load_n(&arrived, __ATOMIC_SEQ_CST) < 4)
    ;
  while (goNumGoroutine() > 1)
    goGosched();
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < i; ++j)
      EXPECT(threadsSeen[i] != threadsSeen[j]);
}

// 7. Many goroutines, each parking and waking the next through a shared
// token (gopark/goready across Ps), and counted work on all Ps.
int64_t counter = 0;
void adder(Closure *c) {
  for (int64_t i = 0; i < c->arg; ++i) {
    __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
    if (i % 1000 == 0)
      goGosched();
  }
}

struct Ring {
  G *waiter[16];
  int32_t rounds;
};
Ring ring;
int64_t handoffs = 0;
bool publish(G *gp, void *slot) {
  __atomic_store_n(static_cast<G **>(slot), gp, __ATOMIC_RELEASE);
  return true;
}
void ringWorker(Closure *c) {
  int64_t me = c->arg, next = (me + 1) % 16;
  for (int r = 0; r < 200; ++r) {
    gopark(publish, &ring.waiter[me], "chan receive");
    __atomic_add_fetch(&handoffs, 1, __ATOMIC_RELAXED);
    if (me == 15 && r == 199)
      break; // the last hand-off of worker 15 would go to 0, which is done
    // Wake the next one once it is parked.
    G *g;
    while (!(g = __atomic_exchange_n(&ring.waiter[next], nullptr, __ATOMIC_ACQ_REL)))
      goGosched();
    goready(g);
  }
}

void checkWork() {
  counter = 0;
  for (int i = 0; i < 64; ++i)
    go(adder, 20000);
  while (goNumGoroutine() > 1)
    goGosched();
  EXPECT(counter == 64 * 20000);

  memset(&ring, 0, sizeof ring);
  handoffs = 0;
  for (int i = 0; i < 16; ++i)
    go(ringWorker, i);
  G *g;
  while (!(g = __atomic_exchange_n(&ring.waiter[0], nullptr, __ATOMIC_ACQ_REL)))
    goGosched();
  goready(g);
  while (goNumGoroutine() > 1)
    goGosched();
  EXPECT(handoffs == 16 * 200);
}

// 8. GOMAXPROCS down and up again with goroutines queued everywhere.
void checkResize() {
  counter = 0;
  for (int i = 0; i < 100; ++i)
    go(adder, 5000);
  EXPECT(goGOMAXPROCS(2) == 4);
  EXPECT(goGOMAXPROCS(3) == 2);
  EXPECT(goGOMAXPROCS(1) == 3);
  EXPECT(goGOMAXPROCS(4) == 1);
  while (goNumGoroutine() > 1)
    goGosched();
  EXPECT(counter == 100 * 5000);
  EXPECT(goNumCPU() >= 1);
}

// 9. Goexit ends only its goroutine; LockOSThread keeps a goroutine on
// its thread across yields and parks.
int32_t goexitReached = 0;
void exiter(Closure *) {
  __atomic_store_n(&goexitReached, 1, __ATOMIC_SEQ_CST);
  goGoexit();
  __atomic_store_n(&goexitReached, 2, __ATOMIC_SEQ_CST); // never
}
int64_t lockedOK = 0;
void locked(Closure *) {
  goLockOSThread();
  M *mine = getm();
  for (int i = 0; i < 50; ++i) {
    goGosched();
    if (i % 10 == 0)
      timeSleep(100000);
    if (getm() == mine)
      ++lockedOK;
  }
  goUnlockOSThread();
}

void checkGoexitAndLock() {
  go(exiter);
  go(locked);
  for (int i = 0; i < 8; ++i)
    go(adder, 3000);
  while (goNumGoroutine() > 1)
    goGosched();
  EXPECT(goexitReached == 1);
  EXPECT(lockedOK == 50);
}

// 10. Timers: time.Sleep, the time package's runtimeTimer protocol.
struct FiredLog {
  int32_t n;
  uintptr_t seqs[64];
  void *args[64];
};
FiredLog fired;
void onTimer(const void *, void *data, uintptr_t seq) {
  int32_t i = __atomic_fetch_add(&fired.n, 1, __ATOMIC_SEQ_CST);
  if (i < 64) {
    fired.seqs[i] = seq;
    fired.args[i] = data;
  }
}
void *const onTimerFunc[1] = {reinterpret_cast<void *>(&onTimer)};

void sleeper(Closure *c) { timeSleep(c->arg); }

void checkTimers() {
  int64_t t0 = nanotime();
  timeSleep(2000000);
  EXPECT(nanotime() - t0 >= 2000000);
  // Many sleepers at once, on all Ps; the last wakes after its time.
  t0 = nanotime();
  for (int i = 1; i <= 100; ++i)
    go(sleeper, i * 50000);
  while (goNumGoroutine() > 1)
    goGosched();
  EXPECT(nanotime() - t0 >= 100 * 50000);

  // A one-shot timer fires once with its arg and seq.
  static Timer t1, t2, t3;
  static int tag1, tag3;
  memset(&fired, 0, sizeof fired);
  t1.when = nanotime() + 1000000;
  t1.f = const_cast<void **>(onTimerFunc);
  t1.arg.data = &tag1;
  t1.seq = 7;
  goStartTimer(&t1);
  // A stopped timer never fires; stopping it again reports false.
  t2 = t1;
  t2.pp = 0;
  t2.when = nanotime() + 1000000;
  goStartTimer(&t2);
  EXPECT(goStopTimer(&t2));
  EXPECT(!goStopTimer(&t2));
  // Waiting by polling, never by a fixed delay (qemu may be slow).
  auto waitFired = [](int32_t n) {
    for (int i = 0; i < 5000 && __atomic_load_n(&fired.n, __ATOMIC_SEQ_CST) < n; ++i)
      timeSleep(1000000);
  };
  waitFired(1);
  timeSleep(3000000); // t2's time is long past too
  EXPECT(fired.n == 1 && fired.seqs[0] == 7 && fired.args[0] == &tag1);
  EXPECT(!goStopTimer(&t1)); // it ran
  // Reset of an expired timer: it fires again (seq kept).
  EXPECT(!goResetTimer(&t1, nanotime() + 1000000));
  waitFired(2);
  EXPECT(fired.n == 2 && fired.seqs[1] == 7);
  // A periodic timer keeps firing until stopped (modTimer sets it up).
  t3 = {};
  goModTimer(&t3, nanotime() + 500000, 500000, const_cast<void **>(onTimerFunc), nullptr, &tag3, 9);
  while (__atomic_load_n(&fired.n, __ATOMIC_SEQ_CST) < 5)
    timeSleep(200000);
  EXPECT(goStopTimer(&t3));
  int32_t n = __atomic_load_n(&fired.n, __ATOMIC_SEQ_CST);
  timeSleep(3000000);
  // A call that had started before the stop may still land; no more.
  EXPECT(fired.n <= n + 1);
  EXPECT(fired.seqs[4] == 9 && fired.args[4] == &tag3);
}

// 11. A goroutine blocked in a system call (between entersyscall and
// exitsyscall) does not hold the only P: sysmon hands it to another M, so
// main runs and can end the call by writing to the pipe it reads.
int pipeFds[2];
int32_t inSyscall = 0, syscallDone = 0;
void blockingReader(Closure *) {
  char c = 0;
  goEntersyscall();
  __atomic_store_n(&inSyscall, 1, __ATOMIC_SEQ_CST);
  ssize_t n = read(pipeFds[0], &c, 1);
  goExitsyscall();
  EXPECT(n == 1 && c == 'x');
  __atomic_store_n(&syscallDone, 1, __ATOMIC_SEQ_CST);
}

void checkSyscall() {
  int64_t before = goGOMAXPROCS(1);
  EXPECT(pipe(pipeFds) == 0);
  go(blockingReader);
  while (!__atomic_load_n(&inSyscall, __ATOMIC_SEQ_CST))
    goGosched(); // with the only P in the call, this needs sysmon's hand-off
  EXPECT(syscallDone == 0);
  EXPECT(write(pipeFds[1], "x", 1) == 1);
  while (!__atomic_load_n(&syscallDone, __ATOMIC_SEQ_CST))
    goGosched();
  while (goNumGoroutine() > 1)
    goGosched();
  close(pipeFds[0]);
  close(pipeFds[1]);
  goGOMAXPROCS(before);
}

// Modes.
void indexPanic(Closure *c) { goPanicIndex(c->arg, 3); }

void modeGoroutinePanic() {
  go(indexPanic, 5);
  gopark(nullptr, nullptr, "chan receive");
}

void modeDeadlock() {
  go(letter, 'z');
  gopark(nullptr, nullptr, "chan receive");
}

void modeGoexitAlone() {
  go(letter, 'z');
  goGoexit();
}

void blockForever(Closure *) { gopark(nullptr, nullptr, "chan receive"); }

void modeGoexitBlocked() {
  go(blockForever);
  goGoexit();
}

void sleepThenBlock(Closure *) {
  timeSleep(20000000);
  gopark(nullptr, nullptr, "chan receive");
}

/// A deadlock only after a timer: not reported while the timer pends.
void modeDeadlockAfterSleep() {
  go(sleepThenBlock);
  gopark(nullptr, nullptr, "chan receive");
}

/// Not a panic: run.sh runs it with GODEBUG=schedtrace=20 and checks the
/// lines sysmon prints meanwhile.
void modeSchedtrace() {
  go(adder, 1000);
  timeSleep(120000000);
  exit(0);
}

// Preemption requests end with the run they were for: a goroutine that
// polls runtime.preemptPending on every iteration, as compiled loops do,
// for 300 ms while sysmon asks it to yield every 10-20 ms, sees the flag
// only at those requests. (A request left standing after the goroutine
// yielded made every loop in the program call into the runtime until
// sysmon's next look, about half of the time.)
int64_t pollIters = 0, pollSeen = 0;
int32_t pollDone = 0;
void poller(Closure *) {
  int64_t end = nanotime() + 300000000;
  while (nanotime() < end) {
    ++pollIters;
    if (__atomic_load_n(&origo_preempt_pending, __ATOMIC_RELAXED) != 0) {
      ++pollSeen;
      goLoopPreempt();
    }
  }
  __atomic_store_n(&pollDone, 1, __ATOMIC_SEQ_CST);
}

void checkPreemptRequests() {
  int64_t before = goGOMAXPROCS(2);
  go(poller);
  while (!__atomic_load_n(&pollDone, __ATOMIC_SEQ_CST))
    timeSleep(5000000);
  EXPECT(pollSeen >= 1);               // sysmon asked
  EXPECT(pollSeen * 1000 < pollIters); // and the request went with the yield
  goGOMAXPROCS(before);
}

struct Mode {
  const char *name;
  void (*run)();
};
const Mode modes[] = {{"goroutine_panic", modeGoroutinePanic},
                      {"deadlock", modeDeadlock},
                      {"goexit_alone", modeGoexitAlone},
                      {"goexit_blocked", modeGoexitBlocked},
                      {"deadlock_after_sleep", modeDeadlockAfterSleep},
                      {"schedtrace", modeSchedtrace}};

} // namespace

static void testBody() {
  setvbuf(stdout, nullptr, _IONBF, 0); // failures show before a hang
  runModeArg(modes);
  goGOMAXPROCS(1); // the run orders below are gc's with one P
  EXPECT(getg()->goid == 1);
  EXPECT(goNumGoroutine() == 1);
  checkOrder();
  checkPingPong();
  checkPark();
  checkRegisters();
  checkMany();
  checkParallel();
  checkWork();
  checkResize();
  checkGoexitAndLock();
  checkTimers();
  checkSyscall();
  checkPreemptRequests();
  exit(finish("sched_test"));
}
