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

} // extern "C"
