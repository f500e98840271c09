//===- runtime/panic.cpp - Runtime panics and fatal errors ----------------===//
///
/// \file
/// The report of a panic nobody recovers, in gc's words (runtime/panic.go:
/// printpanics, fatalpanic, dopanic_m), and the runtime.panic* entry points
/// that compiled code calls for run-time checks it emits inline.
///
/// There is no recover yet, so a panic goes straight to the report; when
/// defer/recover arrives (on the Itanium unwinder) panicRuntimeError raises
/// instead and the report moves to the unwinder's end-of-stack path.
///
//===----------------------------------------------------------------------===//

#include "runtime/panic.h"
#include "runtime/abi.h"
#include "runtime/malloc.h"
#include "runtime/print.h"
#include "runtime/start.h"
#include "runtime/traceback.h"

#include <string.h>

namespace origo::rt {
namespace {

/// Set by the first thread to start dying; a second failure (say, a corrupt
/// stack map met while printing the traceback) must not recurse.
int dying = 0;

/// Everything after the first line of the report: the blank line, the
/// goroutine header and its frames, then exit(2).
[[noreturn]] void finishReport(uintptr_t fp) {
  printCString("\n");
  printGoroutineHeader();
  printTraceback(fp);
  exitProcess(2);
}

bool startDying() {
  return __atomic_fetch_add(&dying, 1, __ATOMIC_SEQ_CST) == 0;
}

/// The one way a runtime panic starts: every panic* entry point ends here,
/// so that defer/recover can replace this body alone. \p msg is what the
/// panic value's Error() returns; \p runtimeError distinguishes gc's
/// errorString ("runtime error: " + msg) from its plainError (msg alone).
[[noreturn]] void startPanic(bool runtimeError, abi::GoString msg) {
  if (!startDying()) { // as fatal() when already dying
    printCString("fatal error: ");
    if (runtimeError)
      printCString("runtime error: ");
    printBytes(msg.ptr, msg.len);
    printCString("\n");
    exitProcess(2);
  }
  printCString("panic: ");
  if (runtimeError)
    printCString("runtime error: ");
  printBytes(msg.ptr, msg.len);
  printCString("\n");
  finishReport(reinterpret_cast<uintptr_t>(__builtin_frame_address(0)));
}

abi::GoString literal(const char *s) {
  return {reinterpret_cast<const uint8_t *>(s), int64_t(strlen(s))};
}

} // namespace

void panicRuntimeError(const char *msg) { startPanic(true, literal(msg)); }

void panicRuntimeError(const char *prefix, abi::GoString detail) {
  size_t n = strlen(prefix);
  auto *buf = static_cast<uint8_t *>(mallocgc(n + size_t(detail.len), false));
  memcpy(buf, prefix, n);
  if (detail.len > 0)
    memcpy(buf + n, detail.ptr, size_t(detail.len));
  startPanic(true, {buf, int64_t(n) + detail.len});
}

void panicPlainError(const char *msg) { startPanic(false, literal(msg)); }

void fatal(const char *msg) {
  bool first = startDying();
  printCString("fatal error: ");
  printCString(msg);
  printCString("\n");
  if (!first)
    exitProcess(2);
  finishReport(reinterpret_cast<uintptr_t>(__builtin_frame_address(0)));
}

} // namespace origo::rt

using namespace origo::rt;

// Entry points for the checks codegen emits inline. They are declared
// without `noreturn` on the codegen side (see README.md: the stack map after
// the call must survive), but they never return.
extern "C" {

[[noreturn]] void goPanicDivide() ORIGO_GO_NAME("runtime.panicdivide");
void goPanicDivide() { panicRuntimeError("integer divide by zero"); }

[[noreturn]] void goPanicShift() ORIGO_GO_NAME("runtime.panicshift");
void goPanicShift() { panicRuntimeError("negative shift amount"); }

} // extern "C"
