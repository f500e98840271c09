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

struct G;

/// Prints "goroutine N [running]:" for the current goroutine.
void printGoroutineHeader();

/// gc's "created by F\n\tFILE:LINE +0xOFF" for a goroutine started by a go
/// statement (nothing for goroutine 1); without argument, the current one.
void printCreatedBy(const G *gp);
void printCreatedBy();

/// gc's _TracebackMaxFrames: frames printed before "...additional frames
/// elided...".
constexpr int MaxFrames = 100;

/// One Go frame of a captured stack: the frame pointer of the function and
/// the return address it will continue at.
struct Frame {
  uintptr_t fp;
  uintptr_t pc;
};

/// Walks the frame-pointer chain from \p fp (a runtime function's
/// __builtin_frame_address(0)) and stores up to \p max Go frames, innermost
/// first, ending with main.main; returns how many. A panic keeps its stack
/// this way, so the report printed after the deferred calls ran (and the
/// unwinder removed frames) still shows where it started.
int captureFrames(uintptr_t fp, Frame *out, int max);
/// captureFrames on a stack whose top is \p base (another goroutine's).
int captureFramesBelow(uintptr_t fp, uintptr_t base, Frame *out, int max);

/// The frames of \p gp from frame pointer \p fp and its "created by" line.
void printGoroutineTraceback(const G *gp, uintptr_t fp);

/// Prints frames as gc does (see printTraceback), counting them in
/// \p printed; false once the MaxFrames limit cut the listing short.
bool printFrames(const Frame *frames, int n, int &printed);

/// Walks the frame-pointer chain starting at frame pointer \p fp (normally
/// __builtin_frame_address(0) of the runtime function reporting) and prints
/// each Go frame as gc does, then the goroutine's "created by" line:
///   main.f(...)
///   \t/path/x.go:3 +0x1c
/// Frames of non-Go code (the runtime, libc) are skipped; the walk ends after
/// main.main, at the runtime's main(), or after 100 frames. With
/// \p skipFirst the first Go frame is left out (that of a Go function that
/// called the reporting one, which gc does not show).
void printTraceback(uintptr_t fp, bool skipFirst = false);

} // namespace origo::rt

#endif // ORIGO_RUNTIME_TRACEBACK_H
