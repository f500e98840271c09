//===- runtime/test/native/sched_test.cpp - Goroutines and the scheduler --===//
///
/// \file
/// Checks sched.cpp through its entry points, as compiled `go` statements
/// will use them: goroutines made by runtime.newproc from closures (here
/// C++ functions taking the closure as their first argument), the run
/// order with one P (runnext, the ring, the global queue of Gosched),
/// gopark/goready, 10,000 goroutines made and finished (their Gs and
/// stacks reused), NumGoroutine, callee-saved registers across switches,
/// and each goroutine's own stack and panic list. Modes: an unrecovered
/// panic in goroutine 5, and the deadlock report.
///
//===----------------------------------------------------------------------===//

#include "native_test.h"
#include "runtime/error.h"
#include "runtime/sched.h"

using namespace native_test;
using namespace origo::rt;

namespace {

/// A closure as compiled code lays it out: the code pointer first.
struct Closure {
  void (*code)(Closure *);
  int64_t arg;
};

Closure *closure(void (*code)(Closure *), int64_t arg = 0) {
  Closure *c = alloc<Closure>();
  c->code = code;
  c->arg = arg;
  return c;
}

void go(void (*code)(Closure *), int64_t arg = 0) { goNewproc(closure(code, arg)); }

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

struct Mode {
  const char *name;
  void (*run)();
};
const Mode modes[] = {{"goroutine_panic", modeGoroutinePanic}, {"deadlock", modeDeadlock}};

} // namespace

extern "C" void goMainMain() ORIGO_GO_NAME("main.main");

void goMainMain() {
  runModeArg(modes);
  EXPECT(getg()->goid == 1);
  EXPECT(goNumGoroutine() == 1);
  checkOrder();
  checkPingPong();
  checkPark();
  checkRegisters();
  checkMany();
  exit(finish("sched_test"));
}
