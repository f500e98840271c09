//===- runtime/sched.cpp - The goroutine scheduler ------------------------===//
///
/// \file
/// gc's proc.go, the parts a single P needs, in gc's shape (see sched.h):
/// schedule() runs on the M's system stack (g0) and picks the next G
/// (every 61st time the global queue first, then runnext, the local ring,
/// the global queue), execute() switches to it; a G gives the CPU back with
/// mcall, which switches to g0 and runs a function there on the G's behalf
/// (park_m, gosched_m, goexit0), as gc's mcall does. New Gs go to runnext
/// (newproc), Gosched'd ones to the global queue, a full ring spills half
/// to the global queue: the run order is gc's with GOMAXPROCS=1.
///
/// Goroutine 1 runs runtime.main (the package inits, then main.main) on a
/// G stack of its own; when it returns the process exits, whatever other
/// goroutines are doing. Ids 2-4 are those of gc's runtime goroutines
/// (forcegc, bgsweep, bgscavenge), so the first `go` statement's goroutine
/// is 5, as in gc's reports.
///
//===----------------------------------------------------------------------===//

#include "runtime/sched.h"
#include "runtime/panic.h"
#include "runtime/persistent_alloc.h"
#include "runtime/print.h"
#include "runtime/spinlock.h"
#include "runtime/stack.h"
#include "runtime/start.h"
#include "runtime/traceback.h"

#include <linux/futex.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

extern "C" {
void origo_swapcontext(origo::rt::Context *from, const origo::rt::Context *to);
void origo_gostart();
[[noreturn]] void origo_goexit0();
}

namespace origo::rt {
namespace {

thread_local M *tlsM = nullptr;

M m0;
P p0;

/// gc's sched: the global run queue and the lists of Ms, Ps and free Gs.
struct Sched {
  SpinLock lock;
  G *runqhead = nullptr;
  G *runqtail = nullptr;
  int64_t runqsize = 0;
  G *gfree = nullptr; ///< dead Gs with their stacks
  M *allm = nullptr;
  P *allp = nullptr;
  G *allg = nullptr;
  G *allgTail = nullptr;
  uint64_t goidgen = 0;
  int64_t ngsys = 0;  ///< Gs that are not counted by NumGoroutine
  int64_t nlive = 0;  ///< Gs not dead
} sched;

void (*mainFunction)() = nullptr;
uint32_t schedtick = 0;

//===-- stacks and Gs ------------------------------------------------------===//

G *newG() {
  auto *gp = static_cast<G *>(persistentAlloc(sizeof(G), alignof(G)));
  stackInit(gp, StackInitial);
  gp->status = Gdead;
  SpinLockGuard l(sched.lock);
  // In creation order, as gc's allgs (the deadlock report's order).
  gp->alllink = nullptr;
  if (sched.allgTail)
    sched.allgTail->alllink = gp;
  else
    sched.allg = gp;
  sched.allgTail = gp;
  return gp;
}

/// The context of a G about to run \p fn from the top of its stack.
void initContext(G *gp, void *fn) {
  memset(&gp->ctx, 0, sizeof gp->ctx);
  gp->ctx.sp = gp->stack.hi & ~uintptr_t(15);
  gp->ctx.pc = reinterpret_cast<uintptr_t>(&origo_gostart);
  gp->ctx.regs[0] = reinterpret_cast<uintptr_t>(fn); // rbx / x19
  gp->fn = fn;
}

G *gfget() {
  SpinLockGuard l(sched.lock);
  G *gp = sched.gfree;
  if (gp)
    sched.gfree = gp->schedlink;
  return gp;
}

void gfput(G *gp) {
  SpinLockGuard l(sched.lock);
  gp->schedlink = sched.gfree;
  sched.gfree = gp;
}

//===-- run queues (gc's runqput, runqget, globrunqput, globrunqget) -------===//

void globrunqput(G *gp) {
  SpinLockGuard l(sched.lock);
  gp->schedlink = nullptr;
  if (sched.runqtail)
    sched.runqtail->schedlink = gp;
  else
    sched.runqhead = gp;
  sched.runqtail = gp;
  ++sched.runqsize;
}

G *globrunqget() {
  SpinLockGuard l(sched.lock);
  G *gp = sched.runqhead;
  if (!gp)
    return nullptr;
  sched.runqhead = gp->schedlink;
  if (!sched.runqhead)
    sched.runqtail = nullptr;
  --sched.runqsize;
  return gp;
}

constexpr uint32_t RunqSize = 256;

/// A full ring: half of it and gp go to the global queue (gc's runqputslow).
void runqputslow(P *pp, G *gp, uint32_t h, uint32_t t) {
  G *batch[RunqSize / 2 + 1];
  uint32_t n = (t - h) / 2;
  for (uint32_t i = 0; i < n; ++i)
    batch[i] = pp->runq[(h + i) % RunqSize];
  __atomic_store_n(&pp->runqhead, h + n, __ATOMIC_RELEASE);
  batch[n] = gp;
  for (uint32_t i = 0; i <= n; ++i)
    globrunqput(batch[i]);
}

void runqput(P *pp, G *gp, bool next) {
  if (next) {
    G *old = pp->runnext;
    pp->runnext = gp;
    if (!old)
      return;
    gp = old; // the old runnext goes to the tail
  }
  uint32_t h = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
  uint32_t t = pp->runqtail;
  if (t - h < RunqSize) {
    pp->runq[t % RunqSize] = gp;
    __atomic_store_n(&pp->runqtail, t + 1, __ATOMIC_RELEASE);
    return;
  }
  runqputslow(pp, gp, h, t);
}

G *runqget(P *pp) {
  if (G *next = pp->runnext) {
    pp->runnext = nullptr;
    return next;
  }
  uint32_t h = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
  if (h == pp->runqtail)
    return nullptr;
  G *gp = pp->runq[h % RunqSize];
  __atomic_store_n(&pp->runqhead, h + 1, __ATOMIC_RELEASE);
  return gp;
}

//===-- schedule, execute, mcall -------------------------------------------===//

/// gc's checkdead with one M: nothing can run and nothing can wake anyone.
[[noreturn]] void checkdead() {
  startDying();
  printCString("fatal error: all goroutines are asleep - deadlock!\n");
  for (G *gp = sched.allg; gp; gp = gp->alllink) {
    if (gp->status == Gdead || gp->goid == 0)
      continue;
    printCString("\ngoroutine ");
    printUint(gp->goid);
    printCString(" [");
    printCString(gp->waitreason ? gp->waitreason : "runnable");
    printCString("]:\n");
    printGoroutineTraceback(gp, gp->ctx.fp);
  }
  exitProcess(2);
}

/// gc's findRunnable with one P.
G *findRunnable(P *pp) {
  if (++schedtick % 61 == 0 && sched.runqsize > 0)
    if (G *gp = globrunqget())
      return gp;
  if (G *gp = runqget(pp))
    return gp;
  if (G *gp = globrunqget())
    return gp;
  checkdead();
}

[[noreturn]] void schedule() {
  M *mp = tlsM;
  G *gp = nullptr;
  for (;;) {
    if (!gp)
      gp = findRunnable(mp->p);
    // execute: switch to gp until it switches back with mcall.
    gp->status = Grunning;
    gp->waitreason = nullptr;
    gp->m = mp;
    mp->curg = gp;
    origo_curg = gp;
    origo_swapcontext(&mp->g0->ctx, &gp->ctx);
    origo_curg = mp->g0;
    G *prev = mp->curg;
    mp->curg = nullptr;
    prev->m = nullptr;
    G *(*fn)(G *) = mp->mcallFn;
    mp->mcallFn = nullptr;
    gp = fn(prev);
  }
}

/// Switches to g0, which runs fn(current G) (gc's mcall); returns when the
/// G is scheduled again.
void mcall(G *(*fn)(G *)) {
  M *mp = tlsM;
  G *gp = origo_curg;
  mp->mcallFn = fn;
  origo_swapcontext(&gp->ctx, &mp->g0->ctx);
}

G *park_m(G *gp) {
  M *mp = tlsM;
  gp->status = Gwaiting;
  bool (*unlockf)(G *, void *) = mp->waitunlockf;
  void *lock = mp->waitlock;
  mp->waitunlockf = nullptr;
  mp->waitlock = nullptr;
  if (unlockf && !unlockf(gp, lock)) {
    gp->status = Grunnable;
    return gp; // runs again at once
  }
  return nullptr;
}

G *gosched_m(G *gp) {
  gp->status = Grunnable;
  globrunqput(gp);
  return nullptr;
}

G *goexit0(G *gp) {
  stackReset(gp);
  gp->status = Gdead;
  gp->fn = nullptr;
  gp->panic = nullptr;
  gp->waitreason = nullptr;
  gp->gopc = 0;
  __atomic_fetch_sub(&sched.nlive, 1, __ATOMIC_RELAXED);
  gfput(gp);
  return nullptr;
}

/// runtime.main: what goroutine 1 runs.
void runtimeMain(void *) {
  mainFunction();
  exitProcess(0);
}

void *const mainClosure[1] = {reinterpret_cast<void *>(&runtimeMain)};

} // namespace

/// g0 of the main thread: its stackguard0 of 0 lets Go code run on any
/// system stack. (Until the scheduler starts, runtime.curg points to it.)
G g0;

G *getg() { return origo_curg; }
M *getm() { return tlsM; }

uintptr_t stackTop() {
  G *gp = origo_curg;
  return gp ? gp->stack.hi : mainFrameAddress();
}

void schedMain(void (*mainFn)()) {
  mainFunction = mainFn;
  m0.id = 0;
  m0.g0 = &g0;
  g0.m = &m0;
  g0.status = Grunning;
  g0.stack.hi = mainFrameAddress(); // the thread's stack, above our frames
  tlsM = &m0;
  origo_curg = &g0;
  p0.id = 0;
  m0.p = &p0;
  sched.allm = &m0;
  sched.allp = &p0;
  G *g1 = newG();
  initContext(g1, const_cast<void **>(mainClosure));
  g1->goid = ++sched.goidgen; // 1
  g1->status = Grunnable;
  sched.nlive = 1;
  sched.goidgen = 4; // gc's forcegc, bgsweep and bgscavenge goroutines
  runqput(&p0, g1, true);
  schedule();
}

G *newproc1(void *fn, uintptr_t gopc) {
  G *gp = gfget();
  if (!gp)
    gp = newG();
  initContext(gp, fn);
  gp->gopc = gopc;
  gp->goid = __atomic_add_fetch(&sched.goidgen, 1, __ATOMIC_RELAXED);
  gp->status = Grunnable;
  __atomic_fetch_add(&sched.nlive, 1, __ATOMIC_RELAXED);
  runqput(tlsM->p, gp, true);
  return gp;
}

void gosched() { mcall(gosched_m); }

void gopark(bool (*unlockf)(G *, void *), void *lock, const char *reason) {
  M *mp = tlsM;
  G *gp = origo_curg;
  gp->waitreason = reason;
  mp->waitunlockf = unlockf;
  mp->waitlock = lock;
  mcall(park_m);
}

void goready(G *gp) {
  if (gp->status != Gwaiting)
    fatal("bad g->status in ready");
  gp->status = Grunnable;
  runqput(tlsM->p, gp, true);
}

void goexit1() {
  mcall(goexit0);
  __builtin_unreachable();
}

int64_t gcount() { return __atomic_load_n(&sched.nlive, __ATOMIC_RELAXED) - sched.ngsys; }

//===-- notes: futex sleep and wake-up for Ms -----------------------------===//

void noteclear(Note *n) { __atomic_store_n(&n->key, 0, __ATOMIC_RELAXED); }

void notesleep(Note *n) {
  while (__atomic_load_n(&n->key, __ATOMIC_ACQUIRE) == 0)
    syscall(SYS_futex, &n->key, FUTEX_WAIT_PRIVATE, 0, nullptr, nullptr, 0);
}

void notewakeup(Note *n) {
  if (__atomic_exchange_n(&n->key, 1, __ATOMIC_RELEASE) != 0)
    fatal("notewakeup - double wakeup");
  syscall(SYS_futex, &n->key, FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
}

} // namespace origo::rt

using namespace origo::rt;

extern "C" {

__thread G *origo_curg __attribute__((tls_model("initial-exec"))) = &g0;

void origo_goexit0() { goexit1(); }

void goNewproc(void *fn) {
  newproc1(fn, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
}

void goGosched() { gosched(); }

int64_t goNumGoroutine() { return gcount(); }

} // extern "C"
