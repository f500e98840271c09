//===- runtime/sched.cpp - The goroutine scheduler ------------------------===//
///
/// \file
/// gc's proc.go in gc's shape (see sched.h): GOMAXPROCS Ps, an M (OS
/// thread, pthread) per running P plus idle ones parked on futex Notes.
///
///  - schedule() runs on the M's system stack (g0) and picks the next G
///    (findRunnable): every 61st tick the global queue first, then runnext
///    and the P's ring, the global queue, expired timers (timer.cpp), then
///    stealing half of another P's ring (or its runnext) in random order;
///    execute() switches to it. A G gives the CPU back with mcall, which
///    switches to g0 and runs a function there on its behalf (park_m,
///    gosched_m, goexit0, preempt_m), as gc's mcall does.
///  - Spinning Ms (gc's nmspinning protocol): making a G runnable wakes an
///    idle P's M (wakep) only if no M is spinning already; a spinning M
///    that finds work stops spinning and wakes another (resetspinning); one
///    that finds none gives its P back, then looks once more at every queue
///    before sleeping, so no work is left with every M asleep.
///  - An M with nothing to do sleeps (stopm). While timers are pending one
///    idle M sleeps with a timeout until the earliest (gc has its netpoller
///    do this); adding an earlier timer wakes it.
///  - checkdead is exact as gc's: when the last M goes idle and no timer is
///    pending, every goroutine is blocked for good.
///  - sysmon (a thread without a P) retakes Ps: a G running for more than
///    10 ms is asked to yield (its stackguard0 poisoned: the next stack
///    check or loop poll calls into the scheduler); it also prints
///    GODEBUG=schedtrace lines.
///
/// Goroutine 1 runs runtime.main (the package inits, then main.main) on a
/// G stack of its own; when it returns the process exits, whatever other
/// goroutines and threads are doing. Ids 2-4 are those of gc's runtime
/// goroutines (forcegc, bgsweep, bgscavenge), so the first `go` statement's
/// goroutine is 5, as in gc's reports.
///
//===----------------------------------------------------------------------===//

#include "runtime/sched.h"
#include "runtime/defer.h"
#include "runtime/panic.h"
#include "runtime/persistent_alloc.h"
#include "runtime/print.h"
#include "runtime/spinlock.h"
#include "runtime/stack.h"
#include "runtime/start.h"
#include "runtime/timer.h"
#include "runtime/traceback.h"

#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

extern "C" {
void origo_swapcontext(origo::rt::Context *from, const origo::rt::Context *to);
void origo_gostart();
[[noreturn]] void origo_goexit0();
}

namespace origo::rt {

__thread M *tlsM __attribute__((tls_model("initial-exec"))) = nullptr;

namespace {

M m0;
/// The most Ps GOMAXPROCS may ask for (gc's _MaxGomaxprocs is 1024).
constexpr int32_t MaxProcs = 1024;

/// gc's sched: the global run queue, idle Ms and Ps, free Gs. Fields read
/// without the lock are accessed atomically.
struct Sched {
  SpinLock lock;
  G *runqhead = nullptr;
  G *runqtail = nullptr;
  int64_t runqsize = 0;
  M *midle = nullptr;      ///< idle Ms, parked on their Notes
  int32_t nmidle = 0;
  int32_t nmidlelocked = 0; ///< Ms parked while locked to a G (LockOSThread)
  int64_t mnext = 1;       ///< Ms created so far (m0 included), the next id
  P *pidle = nullptr;
  int32_t npidle = 0;
  int32_t nmspinning = 0;
  M *allm = nullptr;
  int32_t gomaxprocs = 1;
  bool mainExited = false; ///< goroutine 1 ended by runtime.Goexit
  bool stopping = false;   ///< GOMAXPROCS waits for every other P to idle
  // Timer sleeper: at most one idle M sleeps until the next timer.
  int32_t timerSleeping = 0;
  uint32_t timerWake = 0;  ///< futex word the sleeper waits on
} sched;

SpinLock gLock; ///< allg and the free list of Gs
G *gfree = nullptr;
G *allg = nullptr;
G *allgTail = nullptr;
uint64_t goidgen = 0;
int64_t nlive = 0;
int64_t ngsys = 0;

P *allp[MaxProcs];
int32_t nallp = 0; ///< Ps made so far (allp[0..nallp))
int32_t ncpu = 1;
bool mainStarted = false;

void (*mainFunction)() = nullptr;

int64_t debugSchedtrace = 0; ///< GODEBUG=schedtrace=X: every X ms
bool debugScheddetail = false;

//===-- small helpers -------------------------------------------------------===//

/// Withdraws gp's preemption request (it yielded, stopped running, or is
/// about to run afresh).
void clearPreempt(G *gp) {
  // Every switch calls this: the plain load keeps the usual case (no
  // request) free of a locked instruction.
  if (__atomic_load_n(&gp->preempt, __ATOMIC_SEQ_CST) &&
      __atomic_exchange_n(&gp->preempt, false, __ATOMIC_SEQ_CST))
    __atomic_sub_fetch(&origo_preempt_pending, 1, __ATOMIC_SEQ_CST);
}

/// Asks gp, which \p mp was seen running, to yield at its next stack
/// check or loop poll. runtime.preemptPending counts the Gs with a request:
/// loops call in only while there is one, and a G that stops running
/// withdraws its request (schedule), so that no request outlives the run
/// it was for (loops in other goroutines would keep calling in for it).
void requestPreempt(G *gp, M *mp) {
  if (!__atomic_exchange_n(&gp->preempt, true, __ATOMIC_SEQ_CST))
    __atomic_add_fetch(&origo_preempt_pending, 1, __ATOMIC_SEQ_CST);
  __atomic_store_n(&gp->stackguard0, StackPreempt, __ATOMIC_RELAXED);
  // gp may have stopped running since mp->curg was read. schedule clears
  // curg before it looks at the request; if it looked before the request
  // was made, curg no longer shows gp here, and the request goes.
  if (__atomic_load_n(&mp->curg, __ATOMIC_SEQ_CST) != gp)
    clearPreempt(gp);
}

uint32_t cheaprand() {
  static __thread uint32_t state = 0;
  if (state == 0)
    state = uint32_t(reinterpret_cast<uintptr_t>(&state) >> 4) * 2654435761u | 1;
  state ^= state << 13;
  state ^= state >> 17;
  state ^= state << 5;
  return state;
}

//===-- Gs --------------------------------------------------------------------===//

G *newG() {
  auto *gp = static_cast<G *>(persistentAlloc(sizeof(G), alignof(G)));
  stackInit(gp);
  gp->status = Gdead;
  SpinLockGuard l(gLock);
  // In creation order, as gc's allgs (the deadlock report's order).
  gp->alllink = nullptr;
  if (allgTail)
    allgTail->alllink = gp;
  else
    allg = gp;
  allgTail = gp;
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
  SpinLockGuard l(gLock);
  G *gp = gfree;
  if (gp)
    gfree = gp->schedlink;
  return gp;
}

void gfput(G *gp) {
  SpinLockGuard l(gLock);
  gp->schedlink = gfree;
  gfree = gp;
}

//===-- the global run queue (sched.lock held) ---------------------------===//

void globrunqput(G *gp) {
  gp->schedlink = nullptr;
  if (sched.runqtail)
    sched.runqtail->schedlink = gp;
  else
    sched.runqhead = gp;
  sched.runqtail = gp;
  __atomic_store_n(&sched.runqsize, sched.runqsize + 1, __ATOMIC_RELAXED);
}

G *globrunqpop() {
  G *gp = sched.runqhead;
  if (!gp)
    return nullptr;
  sched.runqhead = gp->schedlink;
  if (!sched.runqhead)
    sched.runqtail = nullptr;
  __atomic_store_n(&sched.runqsize, sched.runqsize - 1, __ATOMIC_RELAXED);
  return gp;
}

constexpr uint32_t RunqSize = 256;
void runqput(P *pp, G *gp, bool next);

/// gc's globrunqget: one G to run and, with max 0, a fair share of the
/// rest moved to pp's ring.
G *globrunqget(P *pp, int64_t max) {
  int64_t size = sched.runqsize;
  if (size == 0)
    return nullptr;
  int64_t n = size / sched.gomaxprocs + 1;
  if (n > size)
    n = size;
  if (max > 0 && n > max)
    n = max;
  if (n > int64_t(RunqSize / 2))
    n = RunqSize / 2;
  G *gp = globrunqpop();
  for (--n; n > 0; --n)
    runqput(pp, globrunqpop(), false);
  return gp;
}

//===-- P run queues (gc's runqput, runqget, runqgrab, runqsteal) -----------===//
//
// The owner P pushes at the tail and pops at the head; thieves pop at the
// head too, so the head moves by compare-and-swap.

/// A full ring: half of it and gp go to the global queue (gc's runqputslow).
/// The half is taken first, then read: only this P writes the ring, at its
/// tail, so the slots taken keep their Gs. (No batch array on the stack:
/// this runs on goroutine stacks, within the runtime's share, stack.h.)
bool runqputslow(P *pp, G *gp, uint32_t h, uint32_t t) {
  uint32_t n = (t - h) / 2;
  if (!__atomic_compare_exchange_n(&pp->runqhead, &h, h + n, false, __ATOMIC_ACQ_REL,
                                   __ATOMIC_RELAXED))
    return false;
  SpinLockGuard l(sched.lock);
  for (uint32_t i = 0; i < n; ++i)
    globrunqput(pp->runq[(h + i) % RunqSize]);
  globrunqput(gp);
  return true;
}

void runqput(P *pp, G *gp, bool next) {
  if (next) {
    G *old = __atomic_exchange_n(&pp->runnext, gp, __ATOMIC_ACQ_REL);
    if (!old)
      return;
    gp = old; // the old runnext goes to the tail
  }
  for (;;) {
    uint32_t h = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
    uint32_t t = pp->runqtail;
    if (t - h < RunqSize) {
      pp->runq[t % RunqSize] = gp;
      __atomic_store_n(&pp->runqtail, t + 1, __ATOMIC_RELEASE);
      return;
    }
    if (runqputslow(pp, gp, h, t))
      return;
  }
}

/// The next G of pp's own queue; \p inherit: it was runnext (gc lets it
/// use the rest of the current time slice).
G *runqget(P *pp, bool *inherit) {
  G *next = __atomic_load_n(&pp->runnext, __ATOMIC_ACQUIRE);
  if (next && __atomic_compare_exchange_n(&pp->runnext, &next, nullptr, false, __ATOMIC_ACQ_REL,
                                          __ATOMIC_RELAXED)) {
    *inherit = true;
    return next;
  }
  *inherit = false;
  for (;;) {
    uint32_t h = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
    uint32_t t = pp->runqtail;
    if (t == h)
      return nullptr;
    G *gp = pp->runq[h % RunqSize];
    if (__atomic_compare_exchange_n(&pp->runqhead, &h, h + 1, false, __ATOMIC_RELEASE,
                                    __ATOMIC_RELAXED))
      return gp;
  }
}

bool runqempty(P *pp) {
  // gc's runqempty: runnext read between two reads of the tail, so that a
  // G moving from runnext to the ring is not missed.
  for (;;) {
    uint32_t head = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
    uint32_t tail = __atomic_load_n(&pp->runqtail, __ATOMIC_ACQUIRE);
    G *next = __atomic_load_n(&pp->runnext, __ATOMIC_ACQUIRE);
    if (tail == __atomic_load_n(&pp->runqtail, __ATOMIC_ACQUIRE))
      return head == tail && !next;
  }
}

/// Takes half of pp's Gs into batch[batchHead...]; with stealRunNext, its
/// runnext too when the ring is empty (gc's runqgrab).
uint32_t runqgrab(P *pp, G **batch, uint32_t batchHead, bool stealRunNext) {
  for (;;) {
    uint32_t h = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
    uint32_t t = __atomic_load_n(&pp->runqtail, __ATOMIC_ACQUIRE);
    uint32_t n = t - h;
    n -= n / 2;
    if (n == 0) {
      if (stealRunNext) {
        G *next = __atomic_load_n(&pp->runnext, __ATOMIC_ACQUIRE);
        if (next) {
          if (__atomic_load_n(&pp->status, __ATOMIC_RELAXED) == Prunning) {
            // The P's G likely readies runnext and blocks right away
            // (a channel hand-off): give it a moment, as gc does.
            usleep(3);
          }
          if (!__atomic_compare_exchange_n(&pp->runnext, &next, nullptr, false, __ATOMIC_ACQ_REL,
                                           __ATOMIC_RELAXED))
            continue;
          batch[batchHead % RunqSize] = next;
          return 1;
        }
      }
      return 0;
    }
    if (n > RunqSize / 2)
      continue; // inconsistent h and t: read again
    for (uint32_t i = 0; i < n; ++i)
      batch[(batchHead + i) % RunqSize] = pp->runq[(h + i) % RunqSize];
    if (__atomic_compare_exchange_n(&pp->runqhead, &h, h + n, false, __ATOMIC_RELEASE,
                                    __ATOMIC_RELAXED))
      return n;
  }
}

/// Steals half of p2's Gs into pp's ring and returns one to run.
G *runqsteal(P *pp, P *p2, bool stealRunNext) {
  uint32_t t = pp->runqtail;
  uint32_t n = runqgrab(p2, pp->runq, t, stealRunNext);
  if (n == 0)
    return nullptr;
  --n;
  G *gp = pp->runq[(t + n) % RunqSize];
  if (n == 0)
    return gp;
  __atomic_store_n(&pp->runqtail, t + n, __ATOMIC_RELEASE);
  return gp;
}

//===-- idle Ms and Ps (sched.lock held) -----------------------------------===//

[[noreturn]] void checkdeadFail();
void checkdead();

void mput(M *mp) {
  mp->schedlink = sched.midle;
  sched.midle = mp;
  ++sched.nmidle;
  checkdead();
}

M *mget() {
  M *mp = sched.midle;
  if (mp) {
    sched.midle = mp->schedlink;
    --sched.nmidle;
  }
  return mp;
}

void pidleput(P *pp) {
  pp->status = Pidle;
  pp->link = sched.pidle;
  sched.pidle = pp;
  __atomic_add_fetch(&sched.npidle, 1, __ATOMIC_SEQ_CST);
}

P *pidleget() {
  P *pp = sched.pidle;
  if (pp) {
    sched.pidle = pp->link;
    __atomic_sub_fetch(&sched.npidle, 1, __ATOMIC_SEQ_CST);
  }
  return pp;
}

void acquirep(M *mp, P *pp) {
  mp->p = pp;
  pp->m = mp;
  __atomic_store_n(&pp->status, uint32_t(Prunning), __ATOMIC_RELEASE);
}

P *releasep(M *mp) {
  P *pp = mp->p;
  pp->m = nullptr;
  mp->p = nullptr;
  __atomic_store_n(&pp->status, uint32_t(Pidle), __ATOMIC_RELEASE);
  return pp;
}

//===-- Ms: threads -----------------------------------------------------------===//

[[noreturn]] void schedule();

void *mstart(void *arg) {
  M *mp = static_cast<M *>(arg);
  tlsM = mp;
  origo_curg = mp->g0;
  mp->g0->stack.hi = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  mp->g0->stack.lo = mp->g0->stack.hi - (64 << 10);
  if (mp->nextp) {
    acquirep(mp, mp->nextp);
    mp->nextp = nullptr;
  }
  schedule();
}

void startThread(void *(*fn)(void *), void *arg) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 << 10);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t th;
  int err = pthread_create(&th, &attr, fn, arg);
  pthread_attr_destroy(&attr);
  if (err != 0) {
    printCString("runtime: failed to create new OS thread (have ");
    printInt(sched.mnext);
    printCString(" already; errno=");
    printInt(err);
    printCString(")\n");
    fatal("newosproc");
  }
}

M *allocm(int64_t id) {
  auto *mp = static_cast<M *>(persistentAlloc(sizeof(M), alignof(M)));
  auto *g0 = static_cast<G *>(persistentAlloc(sizeof(G), alignof(G)));
  mp->id = id;
  mp->g0 = g0;
  g0->m = mp;
  g0->status = Grunning;
  return mp;
}

/// A new M (thread) that starts by taking \p pp (gc's newm). \p id was
/// reserved under sched.lock, so the M already counts for checkdead.
void newm(P *pp, bool spinning, int64_t id) {
  M *mp = allocm(id);
  mp->nextp = pp;
  mp->spinning = spinning;
  {
    SpinLockGuard l(sched.lock);
    mp->alllink = sched.allm;
    __atomic_store_n(&sched.allm, mp, __ATOMIC_RELEASE);
  }
  startThread(mstart, mp);
}

/// Runs some M on \p pp (an idle P when null; nothing when there is none)
/// (gc's startm).
void startm(P *pp, bool spinning) {
  sched.lock.lock();
  if (!pp) {
    pp = pidleget();
    if (!pp) {
      sched.lock.unlock();
      if (spinning)
        __atomic_sub_fetch(&sched.nmspinning, 1, __ATOMIC_SEQ_CST);
      return;
    }
  }
  M *nmp = mget();
  if (!nmp) {
    int64_t id = sched.mnext++;
    sched.lock.unlock();
    newm(pp, spinning, id);
    return;
  }
  sched.lock.unlock();
  nmp->spinning = spinning;
  nmp->nextp = pp;
  notewakeup(&nmp->park);
}

/// Parks the M until startm gives it a P (gc's stopm).
void stopm(M *mp) {
  sched.lock.lock();
  mput(mp);
  sched.lock.unlock();
  notesleep(&mp->park);
  noteclear(&mp->park);
  acquirep(mp, mp->nextp);
  mp->nextp = nullptr;
}

/// Gives pp to another M if there is work for it, else to the idle list
/// (gc's handoffp; used by LockOSThread's M and GOMAXPROCS).
void handoffp(P *pp) {
  if (!runqempty(pp) || __atomic_load_n(&sched.runqsize, __ATOMIC_RELAXED) != 0 ||
      pp->timer0When != 0) {
    startm(pp, false);
    return;
  }
  int32_t zero = 0;
  if (__atomic_load_n(&sched.nmspinning, __ATOMIC_SEQ_CST) == 0 &&
      __atomic_compare_exchange_n(&sched.nmspinning, &zero, 1, false, __ATOMIC_SEQ_CST,
                                  __ATOMIC_SEQ_CST)) {
    startm(pp, true);
    return;
  }
  SpinLockGuard l(sched.lock);
  if (sched.runqsize != 0) {
    sched.lock.unlock();
    startm(pp, false);
    sched.lock.lock();
    return;
  }
  pidleput(pp);
}

void resetspinning(M *mp) {
  mp->spinning = false;
  if (__atomic_sub_fetch(&sched.nmspinning, 1, __ATOMIC_SEQ_CST) < 0)
    fatal("findrunnable: negative nmspinning");
  // The M stops spinning and runs a G: another one should look for the
  // rest of the work.
  wakep();
}

//===-- the timer sleeper ---------------------------------------------------===//

/// The earliest timer of any P, 0 if none.
int64_t earliestTimer() {
  int64_t next = 0;
  for (int32_t i = 0; i < sched.gomaxprocs; ++i) {
    int64_t w = __atomic_load_n(&allp[i]->timer0When, __ATOMIC_SEQ_CST);
    if (w != 0 && (next == 0 || w < next))
      next = w;
  }
  return next;
}

/// Sleeps without a P until the earliest timer (or a wakeTimerSleeper),
/// then tries to get a P; returns it (or null). The caller won the
/// timerSleeping flag; the timers are read after it was set, so a timer
/// added meanwhile either is seen here or sees the flag and wakes us.
P *timerSleep() {
  __atomic_store_n(&sched.timerWake, 0, __ATOMIC_SEQ_CST);
  int64_t until = earliestTimer();
  while (until != 0) {
    int64_t left = until - nanotime();
    if (left <= 0 || __atomic_load_n(&sched.timerWake, __ATOMIC_SEQ_CST))
      break;
    futexsleep(&sched.timerWake, 0, left);
  }
  __atomic_store_n(&sched.timerSleeping, 0, __ATOMIC_SEQ_CST);
  SpinLockGuard l(sched.lock);
  return pidleget();
}

//===-- finding work ----------------------------------------------------------===//

/// Tries every other P's queue (and, on the last attempt, runnexts and
/// timers), in random order (gc's stealWork). \p newWork: timers ran on
/// another P... so look at the own queue again.
G *stealWork(P *pp, bool *inherit) {
  int32_t n = sched.gomaxprocs;
  for (int attempt = 0; attempt < 4; ++attempt) {
    bool last = attempt == 3;
    uint32_t start = cheaprand() % uint32_t(n);
    for (int32_t i = 0; i < n; ++i) {
      P *p2 = allp[(start + uint32_t(i)) % uint32_t(n)];
      if (p2 == pp)
        continue;
      if (last && p2->timer0When != 0 && p2->timer0When <= nanotime()) {
        // Run p2's expired timers here: they ready Gs onto pp.
        runTimers(p2, nanotime());
        bool dummy;
        if (G *gp = runqget(pp, &dummy)) {
          *inherit = false;
          return gp;
        }
      }
      if (__atomic_load_n(&p2->status, __ATOMIC_ACQUIRE) == Pidle)
        continue;
      if (G *gp = runqsteal(pp, p2, last)) {
        *inherit = false;
        return gp;
      }
    }
  }
  return nullptr;
}

/// gc's findRunnable: blocks until there is a G to run on mp's P.
G *findRunnable(M *mp, bool *inherit) {
top:
  P *pp = mp->p;
  if (__atomic_load_n(&sched.stopping, __ATOMIC_ACQUIRE)) {
    // GOMAXPROCS is resizing: give the P back and wait (gc's gcstopm).
    if (mp->spinning) {
      mp->spinning = false;
      __atomic_sub_fetch(&sched.nmspinning, 1, __ATOMIC_SEQ_CST);
    }
    sched.lock.lock();
    releasep(mp);
    pidleput(pp);
    sched.lock.unlock();
    stopm(mp);
    goto top;
  }
  if (pp->timer0When != 0 && pp->timer0When <= nanotime())
    runTimers(pp, nanotime());
  if (pp->schedtick % 61 == 0 && __atomic_load_n(&sched.runqsize, __ATOMIC_RELAXED) > 0) {
    SpinLockGuard l(sched.lock);
    if (G *gp = globrunqget(pp, 1)) {
      *inherit = false;
      return gp;
    }
  }
  if (G *gp = runqget(pp, inherit))
    return gp;
  if (__atomic_load_n(&sched.runqsize, __ATOMIC_RELAXED) != 0) {
    SpinLockGuard l(sched.lock);
    if (G *gp = globrunqget(pp, 0)) {
      *inherit = false;
      return gp;
    }
  }
  // Steal, unless half the busy Ps already have spinning Ms doing that.
  if (mp->spinning || 2 * __atomic_load_n(&sched.nmspinning, __ATOMIC_RELAXED) <
                          sched.gomaxprocs - __atomic_load_n(&sched.npidle, __ATOMIC_RELAXED)) {
    if (!mp->spinning) {
      mp->spinning = true;
      __atomic_add_fetch(&sched.nmspinning, 1, __ATOMIC_SEQ_CST);
    }
    if (G *gp = stealWork(pp, inherit))
      return gp;
  }
  // Nothing: give the P back.
  sched.lock.lock();
  if (sched.runqsize != 0) {
    G *gp = globrunqget(pp, 0);
    sched.lock.unlock();
    *inherit = false;
    return gp;
  }
  releasep(mp);
  pidleput(pp);
  sched.lock.unlock();
  // gc's delicate dance: stop spinning first, then look at every queue
  // once more; a G readied meanwhile saw nmspinning > 0 and woke nobody.
  if (mp->spinning) {
    mp->spinning = false;
    if (__atomic_sub_fetch(&sched.nmspinning, 1, __ATOMIC_SEQ_CST) < 0)
      fatal("findrunnable: negative nmspinning");
    for (int32_t i = 0; i < sched.gomaxprocs; ++i) {
      if (!runqempty(allp[i])) {
        sched.lock.lock();
        P *p2 = pidleget();
        sched.lock.unlock();
        if (p2) {
          acquirep(mp, p2);
          mp->spinning = true;
          __atomic_add_fetch(&sched.nmspinning, 1, __ATOMIC_SEQ_CST);
          goto top;
        }
        break;
      }
    }
  }
  // Timers pending: one M sleeps until the earliest (gc's netpoll(delay)).
  if (earliestTimer() != 0) {
    int32_t zero = 0;
    if (__atomic_compare_exchange_n(&sched.timerSleeping, &zero, 1, false, __ATOMIC_SEQ_CST,
                                    __ATOMIC_SEQ_CST)) {
      if (P *p2 = timerSleep()) {
        acquirep(mp, p2);
        goto top;
      }
    }
  }
  stopm(mp);
  goto top;
}

//===-- schedule, execute, mcall -------------------------------------------===//

[[noreturn]] void schedule() {
  M *mp = tlsM;
  G *gp = nullptr;
  bool inherit = false;
  for (;;) {
    if (mp->lockedg && !gp) {
      // A locked M runs only its G (gc's stoplockedm): it gives its P
      // away and sleeps until an M that finds the G runnable hands it a P
      // (startlockedm, below), which also undoes nmidlelocked for us.
      P *pp = releasep(mp);
      handoffp(pp);
      sched.lock.lock();
      ++sched.nmidlelocked;
      checkdead();
      sched.lock.unlock();
      notesleep(&mp->park);
      noteclear(&mp->park);
      acquirep(mp, mp->nextp);
      mp->nextp = nullptr;
      gp = mp->lockedg;
      inherit = false;
    }
    if (!gp) {
      gp = findRunnable(mp, &inherit);
      if (mp->spinning)
        resetspinning(mp);
      if (gp->lockedm && gp->lockedm != mp) {
        // Hand our P to the G's own M, then wait for work ourselves.
        M *owner = gp->lockedm;
        P *pp = releasep(mp);
        sched.lock.lock();
        --sched.nmidlelocked;
        sched.lock.unlock();
        owner->nextp = pp;
        notewakeup(&owner->park);
        gp = nullptr;
        stopm(mp);
        continue;
      }
    }
    // execute: switch to gp until it switches back with mcall.
    P *pp = mp->p;
    if (!inherit)
      ++pp->schedtick;
    inherit = false;
    gp->status = Grunning;
    gp->waitreason = nullptr;
    clearPreempt(gp);
    gp->stackguard0 = gp->stack.lo + StackGuard;
    gp->m = mp;
    __atomic_store_n(&mp->curg, gp, __ATOMIC_RELEASE);
    origo_curg = gp;
    origo_swapcontext(&mp->g0->ctx, &gp->ctx);
    origo_curg = mp->g0;
    G *prev = mp->curg;
    __atomic_store_n(&mp->curg, nullptr, __ATOMIC_SEQ_CST);
    // prev stopped running: its preemption request, if any, is served.
    clearPreempt(prev);
    prev->m = nullptr;
    G *(*fn)(G *) = mp->mcallFn;
    mp->mcallFn = nullptr;
    gp = fn(prev);
  }
}

/// Switches to g0, which runs fn(current G) (gc's mcall); returns when the
/// G is scheduled again, maybe on another M.
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
  {
    SpinLockGuard l(sched.lock);
    globrunqput(gp);
  }
  wakep();
  return nullptr;
}

/// gc's goyield_m: like gosched_m, but the G waits on its own P's queue,
/// behind what is there (the G just readied runs first).
G *goyield_m(G *gp) {
  gp->status = Grunnable;
  runqput(tlsM->p, gp, false);
  return nullptr;
}

G *goexit0(G *gp) {
  M *mp = tlsM;
  stackReset(gp, mp->p);
  gp->status = Gdead;
  gp->fn = nullptr;
  gp->panic = nullptr;
  gp->waitreason = nullptr;
  gp->gopc = 0;
  gp->goexiting = false;
  clearPreempt(gp);
  if (gp->lockedm) {
    // gc ends a thread whose G exits locked; this one unlocks and stays.
    gp->lockedm->lockedg = nullptr;
    gp->lockedm = nullptr;
    gp->lockedExt = 0;
  }
  if (gp->goid == 1) {
    SpinLockGuard l(sched.lock);
    sched.mainExited = true; // runtime.Goexit on the main goroutine
  }
  __atomic_fetch_sub(&nlive, 1, __ATOMIC_RELAXED);
  gfput(gp);
  return nullptr;
}

/// runtime.main: what goroutine 1 runs.
void runtimeMain(void *) {
  mainFunction();
  // gc's main: a panic on another goroutine is printing its report; let
  // it finish and exit 2.
  if (panicking())
    for (;;)
      pause();
  exitProcess(0);
}

void *const mainClosure[1] = {reinterpret_cast<void *>(&runtimeMain)};

//===-- checkdead -----------------------------------------------------------===//

void printAllGoroutines() {
  for (G *gp = allg; gp; gp = gp->alllink) {
    if (gp->status == Gdead || gp->goid == 0)
      continue;
    printCString("\ngoroutine ");
    printUint(gp->goid);
    printCString(" [");
    printCString(gp->waitreason ? gp->waitreason : "runnable");
    printCString("]:\n");
    printGoroutineTraceback(gp, gp->ctx.fp);
  }
}

/// gc's checkdead, sched.lock held: no M runs and none can be woken by a
/// timer, so every goroutine waits for good.
void checkdead() {
  int64_t run = sched.mnext - sched.nmidle - sched.nmidlelocked;
  if (run > 0)
    return;
  if (run < 0) {
    printCString("runtime: checkdead: nmidle=");
    printInt(sched.nmidle);
    printCString(" nmidlelocked=");
    printInt(sched.nmidlelocked);
    printCString(" mcount=");
    printInt(sched.mnext);
    printCString("\n");
    fatal("checkdead: inconsistent counts");
  }
  if (panicking())
    return; // another thread is printing a report
  int64_t waiting = 0;
  for (G *gp = allg; gp; gp = gp->alllink) {
    if (gp->status == Gwaiting)
      ++waiting;
    else if (gp->status == Grunnable || gp->status == Grunning || gp->status == Gsyscall)
      fatal("checkdead: runnable g");
  }
  if (waiting == 0 && sched.mainExited) {
    startDying();
    printCString("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
    exitProcess(2);
  }
  if (earliestTimer() != 0)
    return; // the timer sleeper will wake
  checkdeadFail();
}

void checkdeadFail() {
  startDying();
  printCString("fatal error: all goroutines are asleep - deadlock!\n");
  printAllGoroutines();
  exitProcess(2);
}

//===-- GOMAXPROCS --------------------------------------------------------===//

int32_t getproccount() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0)
    return 1;
  int n = CPU_COUNT(&set);
  return n > 0 ? n : 1;
}

P *newP(int32_t id) {
  auto *pp = static_cast<P *>(persistentAlloc(sizeof(P), alignof(P)));
  pp->id = id;
  pp->status = Pidle;
  return pp;
}

/// gc's procresize with the world stopped (sched.lock held, every other P
/// idle and empty or the caller's): Ps beyond \p n give their Gs to the
/// global queue and their timers to the caller's P; new Ps are made idle.
void procresize(M *mp, int32_t n) {
  int32_t old = sched.gomaxprocs;
  while (nallp < n) {
    allp[nallp] = newP(nallp);
    ++nallp;
  }
  // Rebuild the idle list from scratch.
  sched.pidle = nullptr;
  __atomic_store_n(&sched.npidle, 0, __ATOMIC_SEQ_CST);
  // The other Ps' Gs go to the global queue, where any M finds them.
  for (int32_t i = 0; i < old; ++i) {
    P *pp = allp[i];
    if (pp == mp->p)
      continue;
    bool dummy;
    while (G *gp = runqget(pp, &dummy))
      globrunqput(gp);
  }
  for (int32_t i = n; i < old; ++i) {
    P *pp = allp[i];
    moveTimers(pp, mp->p && mp->p->id < n ? mp->p : allp[0]);
    pp->status = Pdead;
  }
  __atomic_store_n(&sched.gomaxprocs, n, __ATOMIC_RELEASE);
  if (mp->p && mp->p->id >= n) {
    // Our P goes away: take P 0 (idle, as every other).
    P *pp = mp->p;
    pp->m = nullptr;
    mp->p = nullptr;
    pp->status = Pdead;
    acquirep(mp, allp[0]);
  }
  for (int32_t i = n - 1; i >= 0; --i) {
    P *pp = allp[i];
    if (pp == mp->p)
      continue;
    pp->status = Pidle;
    pp->m = nullptr;
    pidleput(pp);
  }
}

/// Whether every P but the caller's is idle (sched.lock held); asks the
/// Gs running on the others to yield (GOMAXPROCS's stop-the-world).
bool othersIdle(M *mp) {
  // In the idle list, not just Pidle: startm may hold a P it took from
  // the list (still Pidle) to hand it to an M.
  if (sched.npidle == sched.gomaxprocs - 1)
    return true;
  for (int32_t i = 0; i < sched.gomaxprocs; ++i) {
    P *pp = allp[i];
    if (pp == mp->p || __atomic_load_n(&pp->status, __ATOMIC_ACQUIRE) == Pidle)
      continue;
    if (M *m2 = pp->m)
      if (G *g2 = m2->curg)
        requestPreempt(g2, m2);
  }
  return false;
}

} // namespace

/// g0 of the main thread: its stackguard0 of 0 lets Go code run on any
/// system stack. (Until the scheduler starts, runtime.curg points to it.)
G g0;

__attribute__((noinline)) G *getg() { return origo_curg; }
__attribute__((noinline)) M *getm() { return tlsM; }

uintptr_t stackTop() {
  // A goroutine's chain of frames ends with a zero frame pointer, on any
  // of its segments (the caller may run on a newer one: onBigStack).
  G *gp = origo_curg;
  if (gp && gp->segment)
    return UINTPTR_MAX;
  return gp ? gp->stack.hi : mainFrameAddress();
}

int32_t gomaxprocs() { return __atomic_load_n(&sched.gomaxprocs, __ATOMIC_ACQUIRE); }

int64_t nanotime() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
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
  sched.allm = &m0;
  ncpu = getproccount();
  int32_t procs = ncpu;
  if (const char *env = getenv("GOMAXPROCS")) {
    int n = atoi(env);
    if (n > 0)
      procs = n;
  }
  if (procs > MaxProcs)
    procs = MaxProcs;
  if (const char *dbg = getenv("GODEBUG")) {
    // Comma-separated name=value pairs (gc's parsedebugvars).
    for (const char *p = dbg; *p;) {
      const char *end = strchr(p, ',');
      size_t len = end ? size_t(end - p) : strlen(p);
      if (len > 11 && strncmp(p, "schedtrace=", 11) == 0)
        debugSchedtrace = atoll(p + 11);
      else if (len > 12 && strncmp(p, "scheddetail=", 12) == 0)
        debugScheddetail = atoll(p + 12) != 0;
      p += len;
      if (*p == ',')
        ++p;
    }
  }
  sched.gomaxprocs = 0;
  sched.lock.lock();
  procresize(&m0, procs);
  sched.lock.unlock();
  {
    SpinLockGuard l(sched.lock);
    P *pp = pidleget();
    acquirep(&m0, pp);
  }
  G *g1 = newG();
  initContext(g1, const_cast<void **>(mainClosure));
  g1->goid = ++goidgen; // 1
  g1->status = Grunnable;
  nlive = 1;
  goidgen = 4; // gc's forcegc, bgsweep and bgscavenge goroutines
  // In the ring, not runnext: its run starts a time slice (schedtick 1),
  // as main's does in gc after the runtime's own goroutines ran.
  runqput(m0.p, g1, false);
  mainStarted = true;
  startSysmon();
  schedule();
}

G *newproc1(void *fn, uintptr_t gopc) {
  G *gp = gfget();
  if (!gp)
    gp = newG();
  initContext(gp, fn);
  gp->gopc = gopc;
  gp->goid = __atomic_add_fetch(&goidgen, 1, __ATOMIC_RELAXED);
  gp->status = Grunnable;
  __atomic_fetch_add(&nlive, 1, __ATOMIC_RELAXED);
  runqput(tlsM->p, gp, true);
  if (mainStarted)
    wakep();
  return gp;
}

void wakep() {
  if (__atomic_load_n(&sched.npidle, __ATOMIC_SEQ_CST) == 0)
    return;
  int32_t zero = 0;
  if (__atomic_load_n(&sched.nmspinning, __ATOMIC_SEQ_CST) != 0 ||
      !__atomic_compare_exchange_n(&sched.nmspinning, &zero, 1, false, __ATOMIC_SEQ_CST,
                                   __ATOMIC_SEQ_CST))
    return;
  startm(nullptr, true);
}

void gosched() { mcall(gosched_m); }

void goyield() { mcall(goyield_m); }

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
  M *mp = tlsM;
  if (!mp->p) {
    // No P (a timer run by an M without one): the global queue.
    SpinLockGuard l(sched.lock);
    globrunqput(gp);
  } else {
    runqput(mp->p, gp, true);
  }
  wakep();
}

void goexit1() {
  mcall(goexit0);
  __builtin_unreachable();
}

int64_t gcount() { return __atomic_load_n(&nlive, __ATOMIC_RELAXED) - ngsys; }

void preemptPoint() {
  G *gp = origo_curg;
  if (!gp->preempt && gp->stackguard0 != StackPreempt)
    return;
  clearPreempt(gp);
  gp->stackguard0 = gp->stack.lo + StackGuard;
  if (tlsM->lockedg == gp || tlsM->locks > 0)
    return; // a locked G keeps its M; a pinned one its P (sysmon asks again)
  gosched();
}

int64_t procPin() {
  M *mp = tlsM;
  ++mp->locks;
  return mp->p->id;
}

void procUnpin() { --tlsM->locks; }

bool othersRunning() {
  int32_t busy = gomaxprocs() - __atomic_load_n(&sched.npidle, __ATOMIC_RELAXED) -
                 __atomic_load_n(&sched.nmspinning, __ATOMIC_RELAXED);
  return busy > 1;
}

bool localRunqEmpty() { return runqempty(tlsM->p); }

//===-- notes: futex sleep and wake-up for Ms -----------------------------===//

void futexsleep(uint32_t *addr, uint32_t val, int64_t ns) {
  if (ns < 0) {
    syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, nullptr, nullptr, 0);
    return;
  }
  struct timespec ts;
  ts.tv_sec = ns / 1000000000;
  ts.tv_nsec = ns % 1000000000;
  syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, &ts, nullptr, 0);
}

void futexwakeup(uint32_t *addr, uint32_t cnt) {
  syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, cnt, nullptr, nullptr, 0);
}

void noteclear(Note *n) { __atomic_store_n(&n->key, 0, __ATOMIC_RELAXED); }

void notesleep(Note *n) {
  while (__atomic_load_n(&n->key, __ATOMIC_ACQUIRE) == 0)
    futexsleep(&n->key, 0, -1);
}

bool notetsleep(Note *n, int64_t ns) {
  int64_t deadline = nanotime() + ns;
  while (__atomic_load_n(&n->key, __ATOMIC_ACQUIRE) == 0) {
    int64_t left = deadline - nanotime();
    if (left <= 0)
      return false;
    futexsleep(&n->key, 0, left);
  }
  return true;
}

void notewakeup(Note *n) {
  if (__atomic_exchange_n(&n->key, 1, __ATOMIC_RELEASE) != 0)
    fatal("notewakeup - double wakeup");
  futexwakeup(&n->key, 1);
}

//===-- sysmon ---------------------------------------------------------------===//

namespace {

constexpr int64_t ForcePreemptNS = 10 * 1000 * 1000; // gc's forcePreemptNS

/// Asks the G running on pp to yield (gc's preemptone).
void preemptone(P *pp) {
  M *mp = pp->m;
  if (!mp)
    return;
  G *gp = __atomic_load_n(&mp->curg, __ATOMIC_SEQ_CST);
  if (!gp || gp == mp->g0)
    return;
  requestPreempt(gp, mp);
}

/// Returns how many Ps it took from Ms in system calls (gc's retake).
int retake(int64_t now) {
  int n = 0;
  for (int32_t i = 0; i < gomaxprocs(); ++i) {
    P *pp = allp[i];
    uint32_t status = __atomic_load_n(&pp->status, __ATOMIC_ACQUIRE);
    SysmonTick &pd = pp->sysmontick;
    if (status == Psyscall) {
      // gc's retake: a P whose M has been in a system call for a sysmon
      // tick goes to another M, unless it has no work and others are
      // looking for some anyway (then after 10 ms).
      uint32_t t = __atomic_load_n(&pp->syscalltick, __ATOMIC_RELAXED);
      if (pd.syscalltick != t) {
        pd.syscalltick = t;
        pd.syscallwhen = now;
        continue;
      }
      if (runqempty(pp) && pp->timer0When == 0 &&
          __atomic_load_n(&sched.nmspinning, __ATOMIC_RELAXED) +
                  __atomic_load_n(&sched.npidle, __ATOMIC_RELAXED) >
              0 &&
          pd.syscallwhen + ForcePreemptNS > now)
        continue;
      uint32_t expected = Psyscall;
      if (__atomic_compare_exchange_n(&pp->status, &expected, uint32_t(Pidle), false,
                                      __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
        ++pp->syscalltick;
        handoffp(pp);
        ++n;
      }
      continue;
    }
    if (status != Prunning)
      continue;
    uint32_t t = __atomic_load_n(&pp->schedtick, __ATOMIC_RELAXED);
    if (pd.schedtick != t) {
      pd.schedtick = t;
      pd.schedwhen = now;
    } else if (pd.schedwhen + ForcePreemptNS <= now) {
      preemptone(pp);
      pd.schedwhen = now; // ask again 10 ms later if it has not yielded
    }
  }
  return n;
}

/// gc's schedtrace line.
void schedtrace(int64_t start) {
  int64_t now = nanotime();
  SpinLockGuard l(sched.lock);
  int32_t threads = int32_t(sched.mnext);
  printCString("SCHED ");
  printInt((now - start) / 1000000);
  printCString("ms: gomaxprocs=");
  printInt(sched.gomaxprocs);
  printCString(" idleprocs=");
  printInt(sched.npidle);
  printCString(" threads=");
  printInt(threads + 1); // sysmon too, as gc counts it
  printCString(" spinningthreads=");
  printInt(sched.nmspinning);
  printCString(" idlethreads=");
  printInt(sched.nmidle);
  printCString(" runqueue=");
  printInt(sched.runqsize);
  printCString(" [");
  for (int32_t i = 0; i < sched.gomaxprocs; ++i) {
    P *pp = allp[i];
    uint32_t h = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
    uint32_t t = __atomic_load_n(&pp->runqtail, __ATOMIC_ACQUIRE);
    int64_t n = int64_t(t - h);
    if (n < 0)
      n = 0;
    if (i > 0)
      printCString(" ");
    printInt(n);
  }
  printCString("]\n");
}

void *sysmon(void *) {
  M *mp = allocm(-1);
  tlsM = mp;
  origo_curg = mp->g0;
  mp->g0->stack.hi = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  int64_t start = nanotime();
  int64_t lasttrace = 0; // the first line at once, as gc's
  int64_t idle = 0, delay = 0;
  for (;;) {
    if (idle == 0)
      delay = 20; // microseconds
    else if (idle > 50)
      delay *= 2;
    if (delay > 10 * 1000)
      delay = 10 * 1000;
    usleep(useconds_t(delay));
    int64_t now = nanotime();
    bool allIdle = __atomic_load_n(&sched.npidle, __ATOMIC_RELAXED) == gomaxprocs();
    // Timers due and nobody to run them: wake an idle P (gc's sysmon
    // startm for timers).
    int64_t next = earliestTimer();
    if (next != 0 && next <= now && allIdle &&
        !__atomic_load_n(&sched.timerSleeping, __ATOMIC_ACQUIRE))
      startm(nullptr, false);
    // As gc's sysmon: back off from 20 µs towards 10 ms while there is
    // nothing to take back (a sysmon polling every 20 µs would steal a
    // busy single core from the program).
    if (!allIdle && retake(now) != 0)
      idle = 0;
    else
      ++idle;
    if (debugSchedtrace > 0 && lasttrace + debugSchedtrace * 1000000 <= now) {
      lasttrace = now;
      schedtrace(start);
    }
  }
}

} // namespace

void startSysmon() { startThread(sysmon, nullptr); }

void wakeTimerSleeper() {
  if (__atomic_load_n(&sched.timerSleeping, __ATOMIC_SEQ_CST)) {
    __atomic_store_n(&sched.timerWake, 1, __ATOMIC_SEQ_CST);
    futexwakeup(&sched.timerWake, 1);
  } else {
    wakep();
  }
}

} // namespace origo::rt

using namespace origo::rt;

extern "C" {

__thread G *origo_curg __attribute__((tls_model("initial-exec"))) = &g0;

int32_t origo_preempt_pending = 0;

void origo_goexit0() { goexit1(); }

void goNewproc(void *fn) {
  newproc1(fn, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
}

void goGosched() { gosched(); }

int64_t goNumGoroutine() { return gcount(); }

int64_t goNumCPU() { return ncpu; }

int64_t goGOMAXPROCS(int64_t n) {
  int32_t ret = gomaxprocs();
  if (n <= 0 || n == ret)
    return ret;
  if (n > MaxProcs)
    n = MaxProcs;
  M *mp = tlsM;
  // gc stops the world; here every other P is made idle by asking the Gs
  // running on them to yield, then the Ps are rebuilt (procresize).
  static SpinLock resizeLock;
  SpinLockGuard rl(resizeLock);
  // With sched.stopping set, an M that schedules gives its P back
  // (findRunnable); the check and the resize share one hold of the lock,
  // so no P starts running in between.
  __atomic_store_n(&sched.stopping, true, __ATOMIC_RELEASE);
  for (;;) {
    sched.lock.lock();
    if (othersIdle(mp))
      break;
    sched.lock.unlock();
    usleep(20);
  }
  procresize(mp, int32_t(n));
  __atomic_store_n(&sched.stopping, false, __ATOMIC_RELEASE);
  sched.lock.unlock();
  // Work left in the rings of the remaining Ps: wake Ms for it.
  for (int32_t i = 0; i < int32_t(n); ++i)
    wakep();
  return ret;
}

void goGoexit() { goexitPanic(); }

void goLockOSThread() {
  G *gp = origo_curg;
  M *mp = tlsM;
  ++gp->lockedExt;
  gp->lockedm = mp;
  mp->lockedg = gp;
}

void goUnlockOSThread() {
  G *gp = origo_curg;
  if (gp->lockedExt == 0)
    return;
  if (--gp->lockedExt == 0) {
    tlsM->lockedg = nullptr;
    gp->lockedm = nullptr;
  }
}

__attribute__((preserve_all)) void goLoopPreempt() { preemptPoint(); }

void goEntersyscall() {
  M *mp = tlsM;
  G *gp = origo_curg;
  P *pp = mp->p;
  gp->status = Gsyscall;
  gp->waitreason = nullptr;
  ++pp->syscalltick;
  pp->m = nullptr;
  mp->oldp = pp;
  mp->p = nullptr;
  __atomic_store_n(&pp->status, uint32_t(Psyscall), __ATOMIC_RELEASE);
  if (__atomic_load_n(&sched.stopping, __ATOMIC_ACQUIRE)) {
    // GOMAXPROCS waits for this P: let it go now (gc's entersyscall_gcwait).
    uint32_t expected = Psyscall;
    if (__atomic_compare_exchange_n(&pp->status, &expected, uint32_t(Pidle), false,
                                    __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
      SpinLockGuard l(sched.lock);
      pidleput(pp);
    }
  }
}

void goExitsyscall() {
  M *mp = tlsM;
  G *gp = origo_curg;
  P *oldp = mp->oldp;
  mp->oldp = nullptr;
  // Fast path: the P is still ours (sysmon did not take it).
  uint32_t expected = Psyscall;
  if (oldp && __atomic_compare_exchange_n(&oldp->status, &expected, uint32_t(Prunning), false,
                                          __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
    mp->p = oldp;
    oldp->m = mp;
    ++oldp->syscalltick;
    gp->status = Grunning;
    return;
  }
  // Another idle P will do.
  if (!__atomic_load_n(&sched.stopping, __ATOMIC_ACQUIRE)) {
    P *pp;
    {
      SpinLockGuard l(sched.lock);
      pp = pidleget();
    }
    if (pp) {
      acquirep(mp, pp);
      gp->status = Grunning;
      return;
    }
  }
  // None: the G waits in the global queue, the M for work (gc's
  // exitsyscall0, on g0).
  mcall([](G *g) -> G * {
    g->status = Grunnable;
    {
      SpinLockGuard l(sched.lock);
      globrunqput(g);
    }
    stopm(tlsM);
    return nullptr;
  });
}

} // extern "C"
