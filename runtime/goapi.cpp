//===- runtime/goapi.cpp - primitives of origo's Go runtime package -------===//
/// \file
/// What stdlib/runtime (origo's Go `runtime` package) and the upstream
/// packages' //go:linkname hooks need from the C++ runtime, beyond the
/// scheduler's and the channels' entry points. Each has the Go symbol name
/// the Go side declares without a body, and a signature the C calling
/// convention passes like Go's (integers, pointers, at most two result
/// words); wider values are built in Go on top of these.
//===----------------------------------------------------------------------===//
#include "runtime/start.h"

#include <stdint.h>

using namespace origo::rt;

extern "C" {

int64_t goArgc() __asm__("runtime.argc");
const char *goArgv(int64_t i) __asm__("runtime.argv");
int64_t goEnvc() __asm__("runtime.envc");
const char *goEnvv(int64_t i) __asm__("runtime.envv");

int64_t goArgc() { return processArgs().argc; }

const char *goArgv(int64_t i) { return processArgs().argv[i]; }

int64_t goEnvc() {
  int64_t n = 0;
  while (processArgs().envp[n]) ++n;
  return n;
}

const char *goEnvv(int64_t i) { return processArgs().envp[i]; }

} // extern "C"

#include "runtime/hash.h"
#include "runtime/panic.h"

#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <errno.h>

extern "C" {

int64_t goNanotime() __asm__("runtime.nanotime");
struct WallTime {
  int64_t sec;
  int32_t nsec;
};
WallTime goWalltime() __asm__("runtime.walltime");
struct SyscallResult {
  uintptr_t r1;
  uintptr_t err;
};
SyscallResult goRawSyscall6(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3, uintptr_t a4, uintptr_t a5,
                            uintptr_t a6) __asm__("runtime.rawsyscall6");
void goExit(int64_t code) __asm__("runtime.exit");
void goSigpipe() __asm__("os.sigpipe");
uint32_t goFastrand() __asm__("runtime.fastrand");
void goFatalString(const char *p, int64_t n) __asm__("runtime.fatalstring");

int64_t goNanotime() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

WallTime goWalltime() {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return {int64_t(ts.tv_sec), int32_t(ts.tv_nsec)};
}

// gc's runtime/internal/syscall.Syscall6: the kernel's -errno becomes
// r1 = -1 and the error number.
SyscallResult goRawSyscall6(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3, uintptr_t a4, uintptr_t a5,
                            uintptr_t a6) {
  long r = syscall(long(trap), a1, a2, a3, a4, a5, a6);
  if (r == -1) return {uintptr_t(-1), uintptr_t(errno)};
  return {uintptr_t(r), 0};
}

void goExit(int64_t code) { exitProcess(int(code)); }

// A write to a closed pipe on standard output or error ends the program
// by SIGPIPE, as gc's os.sigpipe does.
void goSigpipe() {
  signal(SIGPIPE, SIG_DFL);
  raise(SIGPIPE);
}

uint32_t goFastrand() { return fastrand(); }

void goFatalString(const char *p, int64_t n) {
  // fatal takes a C string: copy, truncating very long messages.
  char buf[512];
  int64_t m = n < int64_t(sizeof buf) - 1 ? n : int64_t(sizeof buf) - 1;
  for (int64_t i = 0; i < m; ++i) buf[i] = p[i];
  buf[m] = 0;
  fatal(buf);
}

} // extern "C"

// The timer entry points of package time (time.Sleep, the runtimeTimer
// operations) belong to the scheduler's per-P timer heaps, which are not
// written yet. Until they are, these weak definitions stop a program
// that reaches them with a clear fatal error (the scheduler's strong
// definitions replace them), so that programs importing time for
// anything else link and run.
extern "C" {
__attribute__((weak)) void goTimeSleep() __asm__("time.Sleep");
__attribute__((weak)) void goStartTimer() __asm__("time.startTimer");
__attribute__((weak)) void goStopTimer() __asm__("time.stopTimer");
__attribute__((weak)) void goResetTimer() __asm__("time.resetTimer");
__attribute__((weak)) void goModTimer() __asm__("time.modTimer");
void goTimeSleep() { fatal("time.Sleep: timers are not implemented yet"); }
void goStartTimer() { fatal("time: timers are not implemented yet"); }
void goStopTimer() { fatal("time: timers are not implemented yet"); }
void goResetTimer() { fatal("time: timers are not implemented yet"); }
void goModTimer() { fatal("time: timers are not implemented yet"); }
}

#include <sched.h>

// runtime.NumCPU and runtime.GOMAXPROCS while one P runs every goroutine
// (weak: the scheduler's own definitions replace them once it has Ps).
extern "C" {
__attribute__((weak)) int64_t goNumCPU() __asm__("runtime.NumCPU");
__attribute__((weak)) int64_t goGOMAXPROCS(int64_t n) __asm__("runtime.GOMAXPROCS");
int64_t goNumCPU() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) != 0) return 1;
  int n = CPU_COUNT(&set);
  return n > 0 ? n : 1;
}
int64_t goGOMAXPROCS(int64_t) { return 1; }
}

// runtime.Goexit, LockOSThread and UnlockOSThread belong to the scheduler
// (sched.cpp); until it defines them, a program reaching Goexit stops
// with a clear fatal error, and locking is trivially satisfied by the one
// thread that runs Go code.
extern "C" {
__attribute__((weak)) void goGoexit() __asm__("runtime.Goexit");
__attribute__((weak)) void goLockOSThread() __asm__("runtime.LockOSThread");
__attribute__((weak)) void goUnlockOSThread() __asm__("runtime.UnlockOSThread");
void goGoexit() { fatal("runtime.Goexit is not implemented yet"); }
void goLockOSThread() {}
void goUnlockOSThread() {}
}
