//===- runtime/defer.h - Panics on the unwinder, recover --------*- C++ -*-===//
///
/// \file
/// The entry points compiled code calls for defer, panic and recover
/// (README.md, "Contract with codegen"; the mechanism is in defer.cpp).
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_DEFER_H
#define ORIGO_RUNTIME_DEFER_H

#include "runtime/abi.h"
#include "runtime/traceback.h"

#include <unwind.h>

namespace origo::rt {
/// The calling goroutine's Go frames \p in (newest first) as gc's stack
/// has them while deferred calls run for a panic: gc runs them on top of
/// the panicking frames, which origo's unwinder has already left. Before
/// each frame running a panic's deferred calls, the frames the panic
/// started in above it are put back (runtime.Caller and Callers from a
/// deferred call see where the panic happened). Returns the frames stored
/// in \p out, at most \p max.
int withPanickingFrames(const Frame *in, int n, Frame *out, int max);
} // namespace origo::rt

extern "C" {
/// The personality routine of every Go function with deferred calls: its
/// landing pad takes every Go panic.
_Unwind_Reason_Code goPersonality(int version, _Unwind_Action actions, uint64_t cls,
                                  _Unwind_Exception *exc, _Unwind_Context *ctx)
    ORIGO_GO_NAME("runtime.personality");
/// recover(), called with the frame pointer of the function calling it: the
/// current panic's value if that function was called directly by the frame
/// running the panic's deferred calls and nothing recovered it yet, else
/// nil.
origo::abi::Eface goGorecover(uintptr_t fp) ORIGO_GO_NAME("runtime.gorecover");
/// After each deferred call a landing pad makes: true if the panic it runs
/// for was recovered, which ends the panic (the frame then returns
/// normally after its remaining deferred calls).
bool goDeferrecovered() ORIGO_GO_NAME("runtime.deferrecovered");
/// After a landing pad ran all its frame's deferred calls and none
/// recovered: raises the current panic again from the caller's frame.
[[noreturn]] void goPanicresume() ORIGO_GO_NAME("runtime.panicresume");
/// runtime.Goexit's work: raises a goexit panic that runs every deferred
/// call of the goroutine (recover returns nil for it), then ends it.
[[noreturn]] void goexitPanic();
/// A zeroed record of size bytes for a defer in a loop, and its release.
void *goNewdefer(int64_t size) ORIGO_GO_NAME("runtime.newdefer");
void goFreedefer(void *d, int64_t size) ORIGO_GO_NAME("runtime.freedefer");
} // extern "C"

#endif // ORIGO_RUNTIME_DEFER_H
