//===- runtime/traceback.h - Printing the Go frames of a stack --*- C++ -*-===//
///
/// \file
/// gc-style stack traces for panic and fatal error reports.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_TRACEBACK_H
#define ORIGO_RUNTIME_TRACEBACK_H

#include <stdint.h>

namespace origo::rt {

/// Prints "goroutine 1 [running]:" for the current goroutine.
void printGoroutineHeader();

/// Walks the frame-pointer chain starting at frame pointer \p fp (normally
/// __builtin_frame_address(0) of the runtime function reporting) and prints
/// each Go frame as gc does:
///   main.f(...)
///   \t/path/x.go:3 +0x1c
/// Frames of non-Go code (the runtime, libc) are skipped; the walk ends after
/// main.main, at the runtime's main(), or after 100 frames.
void printTraceback(uintptr_t fp);

} // namespace origo::rt

#endif // ORIGO_RUNTIME_TRACEBACK_H
