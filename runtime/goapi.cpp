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
