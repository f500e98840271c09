//===- runtime/start.h - Process start-up state and exit --------*- C++ -*-===//
///
/// \file
/// What the runtime's main() records about the process for later use
/// (os.Args via runtime_args, syscall.runtime_envs), and how the runtime
/// ends the process.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_START_H
#define ORIGO_RUNTIME_START_H

#include <stdint.h>

namespace origo::rt {

/// The process arguments and environment exactly as main() received them.
struct ProcessArgs {
  int argc;
  char **argv; ///< argc entries, then a null pointer
  char **envp; ///< "KEY=value" entries ending with a null pointer
};
const ProcessArgs &processArgs();

/// The frame address of the runtime's main(). Frames of the main goroutine
/// (main.main, package inits) lie below it; stack walks stop there rather
/// than follow the chain into libc, which keeps no frame pointers.
uintptr_t mainFrameAddress();

/// Ends the process with \p code at once, as gc's exit does: no atexit
/// handlers, no stdio flushing (Go output is unbuffered anyway).
[[noreturn]] void exitProcess(int code);

} // namespace origo::rt

#endif // ORIGO_RUNTIME_START_H
