//===- runtime/panic.cpp - Runtime panics and fatal errors ----------------===//
///
/// \file
/// The report of a panic nobody recovers, in gc's words (runtime/panic.go:
/// printpanics, fatalpanic, dopanic_m), and the runtime.panic* entry points
/// that compiled code calls for run-time checks it emits inline.
///
/// Every panic entry point ends in startPanic (defer.cpp), which raises the
/// panic through the unwinder so that deferred calls run and recover works;
/// the report of a panic nobody recovers is printed there too.
///
//===----------------------------------------------------------------------===//

#include "runtime/panic.h"
#include "runtime/abi.h"
#include "runtime/malloc.h"
#include "runtime/print.h"
#include "runtime/sched.h"
#include "runtime/stack.h"
#include "runtime/start.h"
#include "runtime/traceback.h"
#include "runtime/type.h"

#include <string.h>
#include <unistd.h>

namespace origo::rt {
namespace {

/// Set by the first thread to start dying; a second failure (say, a corrupt
/// stack map met while printing the traceback) must not recurse.
int dying = 0;
/// The M printing the first report.
M *dyingM = nullptr;

/// Everything after the first line of a fatal error's report: the blank
/// line, the goroutine header and its frames, then exit(2).
[[noreturn]] void finishReport(uintptr_t fp) {
  printCString("\n");
  printGoroutineHeader();
  printTraceback(fp);
  exitProcess(2);
}


abi::GoString literal(const char *s) {
  return {reinterpret_cast<const uint8_t *>(s), int64_t(strlen(s))};
}

/// printany for a value whose dynamic type is not one of the predeclared
/// basic types (gc's printanycustomtype): named basic types print as
/// TYPE(value), everything else as (TYPE) and the data word.
void printCustomValue(const abi::Type *t, const void *data) {
  abi::GoString ts = t->str;
  auto open = [&] {
    printBytes(ts.ptr, ts.len);
    printCString("(");
  };
  switch (kindOf(t)) {
  case abi::KindString: {
    auto *v = static_cast<const abi::GoString *>(data);
    open();
    printCString("\"");
    printBytes(v->ptr, v->len);
    printCString("\")");
    return;
  }
  case abi::KindBool:
    open();
    printCString(*static_cast<const bool *>(data) ? "true" : "false");
    break;
  case abi::KindInt:
  case abi::KindInt64:
    open();
    printInt(*static_cast<const int64_t *>(data));
    break;
  case abi::KindInt8:
    open();
    printInt(*static_cast<const int8_t *>(data));
    break;
  case abi::KindInt16:
    open();
    printInt(*static_cast<const int16_t *>(data));
    break;
  case abi::KindInt32:
    open();
    printInt(*static_cast<const int32_t *>(data));
    break;
  case abi::KindUint:
  case abi::KindUint64:
  case abi::KindUintptr:
    open();
    printUint(*static_cast<const uint64_t *>(data));
    break;
  case abi::KindUint8:
    open();
    printUint(*static_cast<const uint8_t *>(data));
    break;
  case abi::KindUint16:
    open();
    printUint(*static_cast<const uint16_t *>(data));
    break;
  case abi::KindUint32:
    open();
    printUint(*static_cast<const uint32_t *>(data));
    break;
  case abi::KindFloat32:
    open();
    printFloat(*static_cast<const float *>(data));
    break;
  case abi::KindFloat64:
    open();
    printFloat(*static_cast<const double *>(data));
    break;
  // Complex values print their own parentheses: main.C(+1.0e+000+1.0e+000i).
  case abi::KindComplex64: {
    auto *v = static_cast<const float *>(data);
    printBytes(ts.ptr, ts.len);
    printComplex(v[0], v[1]);
    return;
  }
  case abi::KindComplex128: {
    auto *v = static_cast<const double *>(data);
    printBytes(ts.ptr, ts.len);
    printComplex(v[0], v[1]);
    return;
  }
  default:
    printCString("(");
    printBytes(ts.ptr, ts.len);
    printCString(") ");
    printPointer(data);
    return;
  }
  printCString(")");
}

/// The Error() or String() method gc's preprintpanics would call on a
/// panic value of type \p t, or null.
const abi::Method *panicStringMethod(const abi::Type *t) {
  if (const abi::Method *m = findStringMethod(t, "Error"))
    return m;
  return findStringMethod(t, "String");
}

} // namespace

bool startDying() {
  M *self = getm();
  if (__atomic_fetch_add(&dying, 1, __ATOMIC_SEQ_CST) == 0) {
    __atomic_store_n(&dyingM, self, __ATOMIC_SEQ_CST);
    return true;
  }
  M *first;
  while (!(first = __atomic_load_n(&dyingM, __ATOMIC_SEQ_CST)))
    ;
  if (first != self)
    for (;;)
      pause(); // another thread prints its report and exits the process
  return false;
}

bool panicking() { return __atomic_load_n(&dying, __ATOMIC_SEQ_CST) != 0; }

void printPanicArg(const PanicArg &p) {
  switch (p.kind) {
  case PanicArg::RuntimeError:
    printCString("runtime error: ");
    [[fallthrough]];
  case PanicArg::PlainError:
    printBytes(p.msg.ptr, p.msg.len);
    return;
  case PanicArg::Value:
    printPanicValue(p.value);
    return;
  }
}

void printPanicValue(abi::Eface v) {
  const abi::Type *t = v.type;
  if (!t) {
    printCString("nil");
    return;
  }
  if (const abi::Method *m = panicStringMethod(t)) {
    // Method::ifn takes the interface's data word as its receiver; a
    // func() string method returns the string in two registers.
    auto fn = reinterpret_cast<abi::GoString (*)(void *)>(const_cast<void *>(m->ifn));
    abi::GoString s = fn(v.data);
    printBytes(s.ptr, s.len);
    return;
  }
  // The predeclared basic types print bare (gc's printany).
  const void *d = v.data;
  bool predeclared = isPredeclaredBasic(t);
  if (predeclared) {
    switch (kindOf(t)) {
    case abi::KindString: {
      auto *s = static_cast<const abi::GoString *>(d);
      printBytes(s->ptr, s->len);
      return;
    }
    case abi::KindBool:
      printCString(*static_cast<const bool *>(d) ? "true" : "false");
      return;
    case abi::KindInt:
    case abi::KindInt64:
      printInt(*static_cast<const int64_t *>(d));
      return;
    case abi::KindInt8:
      printInt(*static_cast<const int8_t *>(d));
      return;
    case abi::KindInt16:
      printInt(*static_cast<const int16_t *>(d));
      return;
    case abi::KindInt32:
      printInt(*static_cast<const int32_t *>(d));
      return;
    case abi::KindUint:
    case abi::KindUint64:
    case abi::KindUintptr:
      printUint(*static_cast<const uint64_t *>(d));
      return;
    case abi::KindUint8:
      printUint(*static_cast<const uint8_t *>(d));
      return;
    case abi::KindUint16:
      printUint(*static_cast<const uint16_t *>(d));
      return;
    case abi::KindUint32:
      printUint(*static_cast<const uint32_t *>(d));
      return;
    case abi::KindFloat32:
      printFloat(*static_cast<const float *>(d));
      return;
    case abi::KindFloat64:
      printFloat(*static_cast<const double *>(d));
      return;
    case abi::KindComplex64: {
      auto *c = static_cast<const float *>(d);
      printComplex(c[0], c[1]);
      return;
    }
    case abi::KindComplex128: {
      auto *c = static_cast<const double *>(d);
      printComplex(c[0], c[1]);
      return;
    }
    default:
      break;
    }
  }
  printCustomValue(t, d);
}

void panicRuntimeError(const char *msg) {
  startPanic({PanicArg::RuntimeError, literal(msg), {}});
}

void panicRuntimeError(const char *prefix, abi::GoString detail) {
  size_t n = strlen(prefix);
  auto *buf = static_cast<uint8_t *>(mallocgc(n + size_t(detail.len), nullptr, false));
  memcpy(buf, prefix, n);
  if (detail.len > 0)
    memcpy(buf + n, detail.ptr, size_t(detail.len));
  startPanic({PanicArg::RuntimeError, {buf, int64_t(n) + detail.len}, {}});
}

void panicPlainError(const char *msg) {
  startPanic({PanicArg::PlainError, literal(msg), {}});
}

void panicPlainError(abi::GoString msg) {
  startPanic({PanicArg::PlainError, msg, {}});
}

void panicValue(abi::Eface v) { startPanic({PanicArg::Value, {}, v}); }

void fatal(const char *msg) {
  // The traceback starts at this frame; printing it takes more stack than
  // runtime code may use of a goroutine's (stack.h).
  uintptr_t fp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  onBigStack(BigStackNeed, [&] {
    bool first = startDying();
    printCString("fatal error: ");
    printCString(msg);
    printCString("\n");
    if (!first)
      exitProcess(2);
    finishReport(fp);
  });
  __builtin_unreachable();
}

} // namespace origo::rt

using namespace origo;
using namespace origo::rt;

// Entry points for the checks codegen emits inline. They are declared
// without `noreturn` on the codegen side (see README.md: the stack map after
// the call must survive), but they never return.
extern "C" {

void goPanicDivide() { panicRuntimeError("integer divide by zero"); }

void goPanicShift() { panicRuntimeError("negative shift amount"); }

// panic(v): the value as an interface's two words (type, data).
void goGopanic(const abi::Type *type, void *data) { panicValue({type, data}); }

// Integer overflow and floating point errors (gc's panicoverflow and
// panicfloat; used by checks some targets need).
void goPanicOverflow() { panicRuntimeError("integer overflow"); }

void goPanicFloat() { panicRuntimeError("floating point error"); }

// An explicit nil check that failed (gc's panicmem). A real fault goes
// through the signal handler, which adds gc's "[signal SIGSEGV: ...]" line.
void goPanicMem() {
  panicRuntimeError("invalid memory address or nil pointer dereference");
}

} // extern "C"
