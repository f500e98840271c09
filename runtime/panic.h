//===- runtime/panic.h - Runtime panics and fatal errors --------*- C++ -*-===//
///
/// \file
/// How runtime code reports a failure. panicRuntimeError is a Go panic with a
/// runtime.Error value (what gc's panicdivide, panicIndex, ... raise), which
/// Go code will be able to recover once defer/recover exists; fatal is gc's
/// throw: an unrecoverable "fatal error: ...". Both print gc's report and
/// exit with status 2 when nothing recovers.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_PANIC_H
#define ORIGO_RUNTIME_PANIC_H

#include "runtime/abi.h"

namespace origo::rt {

/// Panics with the runtime error whose Error() is "runtime error: " + \p msg,
/// e.g. panicRuntimeError("integer divide by zero"). Unrecovered, it prints
///   panic: runtime error: <msg>
///   <blank line>
///   goroutine 1 [running]:
///   <Go frames of the panicking goroutine>
/// and exits with status 2. \p msg must stay valid (a literal or persistent).
[[noreturn]] void panicRuntimeError(const char *msg);

/// The same with a message built at run time: "runtime error: " + \p prefix
/// + \p detail, e.g. ("hash of unhashable type ", t->str). The message is
/// copied, so \p detail need not outlive the call.
[[noreturn]] void panicRuntimeError(const char *prefix, abi::GoString detail);

/// Panics with gc's plainError: a runtime.Error whose Error() is \p msg with
/// no "runtime error: " prefix, e.g. "assignment to entry in nil map".
/// Unrecovered, it prints "panic: <msg>" and the rest of the report as above.
[[noreturn]] void panicPlainError(const char *msg);

/// The same with a message built at run time (it must stay valid, e.g. be
/// allocated with mallocgc): gc's TypeAssertionError prints this way too.
[[noreturn]] void panicPlainError(abi::GoString msg);

/// gc's gopanic: panic(v) with a Go value. Unrecovered, the report's first
/// line is "panic: " followed by the value as gc's printpanicval prints it:
/// the result of its Error() or String() method when it has one, basic
/// kinds by value (`42`, `hello`, `main.S("x")`), others as
/// `(TYPE) 0xDATA`, and `nil` for panic(nil).
[[noreturn]] void panicValue(abi::Eface v);

/// Prints \p v as the first line of a panic report shows it (after
/// "panic: "), calling its Error or String method first if it has one.
void printPanicValue(abi::Eface v);

/// What a panic carries (gc's _panic.arg). The runtime's own errors are
/// not Go values yet (gc's errorString, plainError, boundsError and
/// TypeAssertionError are Go types), so they travel as their message; a
/// user's panic(v) carries v.
struct PanicArg {
  enum Kind : uint8_t {
    RuntimeError, ///< gc's errorString: Error() is "runtime error: " + msg
    PlainError,   ///< gc's plainError and TypeAssertionError: Error() is msg
    Value,        ///< panic(value)
  };
  Kind kind;
  abi::GoString msg;
  abi::Eface value;
};

/// gc's printpanicval for one panic: what follows "panic: ".
void printPanicArg(const PanicArg &p);

/// The one way a panic starts (defer.cpp): raises it through the unwinder,
/// which runs the deferred calls of the frames it leaves; prints gc's
/// report and exits with status 2 when none recovers.
[[noreturn]] void startPanic(const PanicArg &p);

/// True for the first caller only: the one that prints the report. Later
/// failures on the same thread (a fault while printing it) print less, as
/// gc's dopanic_m does; on another thread they block forever while the
/// first report finishes and exits the process (gc's freezetheworld).
bool startDying();
/// Whether some thread has started dying.
bool panicking();

/// gc's throw: prints "fatal error: <msg>", a blank line and the goroutine's
/// traceback, then exits with status 2. Nothing can recover it. A fatal
/// error while already dying prints only the message.
[[noreturn]] void fatal(const char *msg);

} // namespace origo::rt

// Panic entry points compiled code calls (README.md, "Contract with
// codegen"). They never return.
extern "C" {
/// panic(v), with v's two interface words.
[[noreturn]] void goGopanic(const origo::abi::Type *type, void *data)
    ORIGO_GO_NAME("runtime.gopanic");
/// A failed explicit nil check.
[[noreturn]] void goPanicMem() ORIGO_GO_NAME("runtime.panicmem");
[[noreturn]] void goPanicDivide() ORIGO_GO_NAME("runtime.panicdivide");
[[noreturn]] void goPanicShift() ORIGO_GO_NAME("runtime.panicshift");
[[noreturn]] void goPanicOverflow() ORIGO_GO_NAME("runtime.panicoverflow");
[[noreturn]] void goPanicFloat() ORIGO_GO_NAME("runtime.panicfloat");
} // extern "C"

#endif // ORIGO_RUNTIME_PANIC_H
