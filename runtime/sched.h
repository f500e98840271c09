//===- runtime/sched.h - Goroutines: G, M, P and the scheduler --*- C++ -*-===//
///
/// \file
/// gc's scheduler model (runtime/runtime2.go, proc.go): a G is a goroutine
/// (its stack, saved registers, status, panics), an M an OS thread with its
/// own system stack (g0) on which the scheduler runs, a P the right to run
/// Go code with a local run queue (a bounded ring of 256 plus `runnext`).
/// Idle Gs wait in the global run queue or a P's ring; finished Gs go to a
/// free list and are reused with their stacks.
///
/// GOMAXPROCS Ps run on as many Ms (OS threads) at a time; idle Ms sleep
/// on futex Notes, an idle P's M steals half of another P's queue, and at
/// most one spinning M looks for work per newly readied G (sched.cpp).
///
/// Stacks start small and grow by segments (stack.h): compiled code
/// compares its stack pointer with the running G's `stackguard0`, reached
/// through the initial-exec thread-local `runtime.curg`.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_SCHED_H
#define ORIGO_RUNTIME_SCHED_H

#include "runtime/malloc.h"

#include <stddef.h>
#include <stdint.h>

namespace origo::rt {

/// gc's G status values (runtime2.go).
enum GStatus : uint32_t {
  Gidle = 0,
  Grunnable = 1,
  Grunning = 2,
  Gsyscall = 3,
  Gwaiting = 4,
  Gdead = 6,
};

/// gc's P status values.
enum PStatus : uint32_t {
  Pidle = 0,
  Prunning = 1,
  Psyscall = 2,
  Pdead = 4,
};

/// gc's stackPreempt: a stackguard0 no stack pointer is above, so the next
/// stack check (or loop poll) of the G calls into the runtime.
constexpr uintptr_t StackPreempt = uintptr_t(-1314);

/// Registers a context switch keeps: the stack pointer, where to continue,
/// the frame pointer, then the callee-saved registers of the target
/// (x86-64: rbx r12 r13 r14 r15; AArch64: x19..x28, d8..d15). The layout is
/// read by the assembly in context_switch.cpp.
struct Context {
  uintptr_t sp;
  uintptr_t pc;
  uintptr_t fp;
  uintptr_t regs[18];
};
static_assert(offsetof(Context, regs) == 24, "context_switch.cpp reads these offsets");

/// A goroutine stack's bounds: [lo, hi).
struct Stack {
  uintptr_t lo;
  uintptr_t hi;
};

struct M;
struct P;
struct Panic;
struct StackSegment;
struct Sudog;

/// gc's g. stack and stackguard0 come first so that compiled prologues can
/// find them at fixed offsets.
struct alignas(64) G {
  Stack stack;            ///< offset 0: bounds of the stack
  uintptr_t stackguard0;  ///< offset 16: the IR prologue's limit (stack.lo + guard, or StackPreempt)
  Context ctx;            ///< where the G continues when switched to
  uint64_t goid;
  GStatus status;
  bool preempt;           ///< preemption requested (gc's g.preempt): stackguard0 poisoned
  bool goexiting;         ///< runtime.Goexit is running its deferred calls
  const char *waitreason; ///< gc's waitReason while Gwaiting
  M *m;                   ///< the M running it, or null
  M *lockedm;             ///< LockOSThread: the only M that runs it
  void *fn;               ///< the Go closure the goroutine runs
  uintptr_t gopc;         ///< return address of the go statement's newproc call
  Panic *panic;           ///< gc's g._panic: panics in progress, newest first
  G *schedlink;           ///< next in a queue or free list
  G *alllink;             ///< next in the list of every G ever made
  StackSegment *segment;  ///< the segment running now (stack.h)
  size_t stackInUse;      ///< usable bytes of all its segments (the 1 GB limit)
  // Channels (chan.cpp), as gc's g.param, g.waiting, g.selectDone:
  void *param;            ///< the sudog that completed the G's wait, set by its waker
  Sudog *waiting;         ///< sudogs the G waits on (a select's, in lock order)
  uint32_t selectDone;    ///< set by the waker that won a select's race
  uint32_t lockedExt;     ///< LockOSThread calls not yet undone
};
static_assert(offsetof(G, stackguard0) == 16, "the stack-check prologue reads it here");

/// sysmon's last view of a P (gc's sysmontick).
struct SysmonTick {
  uint32_t schedtick;
  int64_t schedwhen;
  uint32_t syscalltick;
  int64_t syscallwhen;
};

struct Timer;

/// A P: the right to run Go code, with its local run queue (gc's p).
struct alignas(64) P {
  int32_t id;
  uint32_t status;          ///< PStatus
  uint32_t schedtick;       ///< incremented by every schedule
  uint32_t syscalltick;     ///< incremented by every system call
  M *m;                     ///< the M holding it
  P *link;                  ///< next in the idle list
  uint32_t runqhead;
  uint32_t runqtail;
  G *runq[256];
  G *runnext; ///< runs next, ahead of runq: the G just made ready
  StackSegment *stackcache; ///< segments given back, for reuse (stack.cpp)
  int32_t nstackcache;
  Sudog *sudogcache;        ///< free sudogs (chan.cpp), linked by next
  int32_t nsudogcache;
  MCache mcache;            ///< what the P allocates from (malloc.cpp)
  SysmonTick sysmontick;
  // Timers (timer.cpp): a 4-ary heap ordered by `when`, under timersLock.
  uint32_t timersLock;
  Timer **timers;
  int64_t ntimers;
  int64_t timersCap;
  int64_t timer0When;       ///< when of the first timer, 0 if none (read without the lock)
};

/// A sleeping/waking point for one M (gc's note, futex-based).
struct Note {
  uint32_t key;
};
void notesleep(Note *n);
/// Sleeps at most \p ns nanoseconds; returns whether woken up.
bool notetsleep(Note *n, int64_t ns);
void notewakeup(Note *n);
void noteclear(Note *n);

/// An OS thread (gc's m).
struct alignas(64) M {
  int64_t id;
  G *g0;    ///< its system stack: the scheduler runs here
  G *curg;  ///< the G running on it, or null
  P *p;     ///< its P while running Go code
  P *nextp; ///< the P to take when woken (startm)
  P *oldp;  ///< the P it had before a system call, to take back after
  bool spinning; ///< looking for work without any (gc's m.spinning)
  /// What the G that just switched to g0 asked for, run on g0 (gc's
  /// mcall); a G it returns runs next, at once.
  G *(*mcallFn)(G *);
  bool (*waitunlockf)(G *, void *); ///< gopark's arguments, for park_m
  void *waitlock;
  G *lockedg;  ///< the G locked to this thread (LockOSThread)
  int32_t locks; ///< procPin depth: no preemption while > 0
  Note park;
  M *alllink;
  M *schedlink; ///< next in the idle list
};

/// The running G (the main thread's g0 before the scheduler starts).
G *getg();
/// The running G, read by every compiled function's stack check.
extern "C" __thread G *origo_curg __asm__("runtime.curg");
/// How many running Gs have a preemption request: what compiled loops poll
/// on their back edges (one load of a global, not the G's stackguard0
/// through the thread pointer), calling runtime.loopPreempt when it is not
/// 0. A request is withdrawn when its G yields or stops running.
extern "C" int32_t origo_preempt_pending __asm__("runtime.preemptPending");
/// The running M. (Not inlined: code that may have switched threads,
/// after a gopark say, must read the thread pointer again.)
M *getm();
/// The running M's thread-local, for code that cannot change threads
/// between its reads (the allocator).
extern __thread M *tlsM;

/// Sets up the scheduler on the main thread, makes goroutine 1 run
/// \p mainFn (a plain C++ function, called on G1's stack), and runs the
/// scheduler; never returns (the program ends by exitProcess).
[[noreturn]] void schedMain(void (*mainFn)());

/// Starts a goroutine running the Go closure \p fn (`go` statements).
/// Before calling, the code pointer at fn[0] receives the closure both in
/// the target's nest register and as its first argument (so C++ entry
/// points can take it as a parameter). \p gopc is the go statement's
/// return address, for "created by" in tracebacks.
G *newproc1(void *fn, uintptr_t gopc);

/// Yields the processor: the current G goes to the global run queue.
void gosched();
/// gc's goyield: yields to the Gs of the caller's P, going behind them on
/// its queue (gosched goes to the global queue).
void goyield();
/// Parks the current G (status Gwaiting with \p reason). \p unlockf, if
/// non-null, runs on g0 after the switch with \p lock; returning false puts
/// the G straight back to running (gc's gopark).
void gopark(bool (*unlockf)(G *, void *), void *lock, const char *reason);
/// Makes a parked G runnable; it runs next on this P (gc's goready).
void goready(G *gp);
/// Ends the current goroutine; never returns (gc's goexit1).
[[noreturn]] void goexit1();
/// Goroutines that exist (gc's gcount: not dead, not system goroutines).
int64_t gcount();
/// If the running G was asked to give up its P (preempt), does so: it
/// goes to the global queue (gc's gopreempt_m). Restores stackguard0.
void preemptPoint();
/// Nanoseconds of the monotonic clock (gc's nanotime).
int64_t nanotime();
/// The number of Ps (gc's gomaxprocs).
int32_t gomaxprocs();
/// Wakes an idle P to run work just made ready, if none is spinning.
void wakep();
/// Disables preemption of the running G and returns its P's id (gc's
/// procPin); procUnpin undoes it.
int64_t procPin();
void procUnpin();
/// Whether another P than the caller's runs Go code (sync's canSpin).
bool othersRunning();
/// Whether the caller's P has nothing queued.
bool localRunqEmpty();

/// The top of the stack the caller runs on: frame-pointer walks end there.
uintptr_t stackTop();


} // namespace origo::rt

extern "C" {
/// `go f(args)`: compiled code packages the call into a closure and calls
/// this (Go name runtime.newproc).
void goNewproc(void *fn) __asm__("runtime.newproc");
/// The runtime package's scheduler API (gc's names and signatures).
void goGosched() __asm__("runtime.Gosched");
int64_t goNumGoroutine() __asm__("runtime.NumGoroutine");
int64_t goGOMAXPROCS(int64_t n) __asm__("runtime.GOMAXPROCS");
int64_t goNumCPU() __asm__("runtime.NumCPU");
void goGoexit() __asm__("runtime.Goexit");
void goLockOSThread() __asm__("runtime.LockOSThread");
void goUnlockOSThread() __asm__("runtime.UnlockOSThread");
/// Around a blocking system call (gc's entersyscall/exitsyscall, which
/// upstream syscall.Syscall calls): the P stays the M's unless sysmon
/// hands it to another M while the call blocks; exitsyscall takes it (or
/// another idle P) back, or queues the G and parks the M.
void goEntersyscall() __asm__("runtime.entersyscall");
void goExitsyscall() __asm__("runtime.exitsyscall");
/// The poll compiled loops make on their back edges when some G has a
/// preemption request (codegen/stack_check.cpp): yields if it is this one.
/// Called by loop back-edge polls with LLVM's preserve_all convention, so
/// that loops need not spill their registers around the poll.
__attribute__((preserve_all)) void goLoopPreempt() __asm__("runtime.loopPreempt");
}

#endif // ORIGO_RUNTIME_SCHED_H
