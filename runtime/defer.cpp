//===- runtime/defer.cpp - Panics on the Itanium unwinder, recover --------===//
///
/// \file
/// How a panic travels (ARCHITECTURE.md, "defer / panic / recover"). gc
/// runs deferred calls from inside gopanic, on top of the panicking stack;
/// origo raises an exception through libgcc's unwinder instead, and every
/// Go function with defers has one landing pad that runs its pending
/// deferred calls (codegen emits `invoke` for all its calls):
///
///   1. startPanic pushes a Panic record on the goroutine's list (gc's
///      g._panic), keeps the stack it started on (for the report) and calls
///      _Unwind_RaiseException. Phase 1 stops at the first Go frame with a
///      landing pad at its call site (runtime.personality reads the LSDA
///      LLVM emits); none: the report, exactly as gc prints it.
///   2. Phase 2 unwinds to that frame; its landing pad runs the frame's
///      deferred calls, newest first, asking runtime.deferrecovered after
///      each. A deferred function that calls recover() directly (checked by
///      frame pointer: its caller's frame is the one the panic landed in,
///      gc's argp check) marks the panic recovered; the frame then runs its
///      remaining deferred calls as on a normal return and returns its
///      current results.
///   3. If none recovers, runtime.panicresume raises the same panic again
///      from that frame (a plain call: the frame's own landing pad does not
///      cover it), on to the next frame with defers.
///
/// A panic raised while another one's deferred calls run lands in a frame
/// at or above the older panic's: the older one is then aborted but stays
/// on the list, so the report prints every panic oldest first ("panic: A
/// [recovered]", "\tpanic: B"), as gc's printpanics does. The report's
/// traceback is spliced the way gc's stack looks: the newest panic's frames
/// down to the frame where the older one was running deferred calls, a
/// `panic(...)` frame, then the older panic's stack.
///
/// runtime.Goexit is a Panic with goexit set: the same landing pads run
/// every deferred call, recover ignores it, and the end of the stack ends
/// the goroutine (goexit1) instead of printing a report.
///
/// Defers inside loops are records chained from a slot of their frame (the
/// code that runs them is the frame's own), allocated here from a pool.
///
//===----------------------------------------------------------------------===//

#include "runtime/defer.h"
#include "runtime/malloc.h"
#include "runtime/panic.h"
#include "runtime/persistent_alloc.h"
#include "runtime/print.h"
#include "runtime/sched.h"
#include "runtime/stack.h"
#include "runtime/start.h"
#include "runtime/traceback.h"

#include <string.h>
#include <unwind.h>

namespace origo::rt {

/// gc's _panic. (Outside the anonymous namespace: G points to them.)
struct Panic {
  _Unwind_Exception exc; ///< what the unwinder carries (first: same address)
  PanicArg arg;
  Panic *link;     ///< the panic that was in progress when this one started
  /// Frame pointer of the Go function whose landing pad runs deferred
  /// calls for this panic (0 until the first landing).
  uintptr_t frame;
  bool recovered;
  bool aborted; ///< a newer panic unwound past the frame running its defers
  bool goexit;
  int nframes;
  Frame frames[MaxFrames + 1]; ///< the stack where it started
  Panic *nextFree;
};

namespace {

/// "ORIG" "GO\0\0": the exception class of Go panics.
constexpr uint64_t GoExceptionClass = 0x4f524947474f0000ull;

/// The current goroutine's panics, newest first (gc's g._panic).
Panic *&currentPanics() { return getg()->panic; }
/// Finished Panic records, for reuse: a program that recovers in a loop
/// allocates nothing after the first. Per thread (gc keeps them per P): a
/// goroutine does not change threads inside newPanic or freePanic.
__thread Panic *freePanics = nullptr;

// Not inlined: a goroutine may change threads between the two (deferred
// calls run in between), and the thread pointer must be read afresh.
__attribute__((noinline)) Panic *newPanic() {
  Panic *p = freePanics;
  if (p)
    freePanics = p->nextFree;
  else
    p = static_cast<Panic *>(persistentAlloc(sizeof(Panic), alignof(Panic)));
  memset(static_cast<void *>(p), 0, offsetof(Panic, frames));
  return p;
}

__attribute__((noinline)) void freePanic(Panic *p) {
  p->nextFree = freePanics;
  freePanics = p;
}

Panic *fromException(_Unwind_Exception *e) { return reinterpret_cast<Panic *>(e); }

/// gc's printpanics: the list oldest first, one tab before each later one.
void printPanics(const Panic *p) {
  if (p->link) {
    printPanics(p->link);
    if (!p->link->goexit)
      printCString("\t");
  }
  if (p->goexit)
    return;
  printCString("panic: ");
  printPanicArg(p->arg);
  if (p->recovered)
    printCString(" [recovered]");
  printCString("\n");
}

/// The directory gc's frames of runtime code name (it prints the runtime's
/// source path of the toolchain that built the program).
constexpr const char *GoRootRuntime = "/usr/lib/go-1.19/src/runtime/";

/// p's stack as gc would show it: see the file comment.
bool printPanicFrames(const Panic *p, int &printed) {
  const Panic *older = p->link;
  if (!older || older->frame == 0)
    return printFrames(p->frames, p->nframes, printed);
  int n = 0;
  while (n < p->nframes && p->frames[n].fp != older->frame &&
         frameAtOrBelow(getg(), p->frames[n].fp, older->frame))
    ++n;
  if (!printFrames(p->frames, n, printed))
    return false;
  if (printed == MaxFrames) {
    printCString("...additional frames elided...\n");
    return false;
  }
  // gc's gopanic(e any) frame, at its line that calls deferred functions.
  printCString("panic({");
  printPointer(older->arg.kind == PanicArg::Value ? older->arg.value.type : nullptr);
  printCString(", ");
  printPointer(older->arg.kind == PanicArg::Value ? older->arg.value.data : nullptr);
  printCString("})\n\t");
  printCString(GoRootRuntime);
  printCString("panic.go:884 +0x212\n");
  ++printed;
  return printPanicFrames(older, printed);
}

/// gc's fatalpanic: the report of a panic nobody recovered, then exit(2).
[[noreturn]] void fatalPanic(Panic *p) {
  if (!startDying()) { // as fatal() when already dying
    printCString("fatal error: ");
    printPanicArg(p->arg);
    printCString("\n");
    exitProcess(2);
  }
  printPanics(p);
  printCString("\n");
  printGoroutineHeader();
  int printed = 0;
  printPanicFrames(p, printed);
  printCreatedBy();
  exitProcess(2);
}

/// raise, on a stack with room for the unwinder.
[[noreturn]] void raiseHere(Panic *p) {
  p->exc.exception_class = GoExceptionClass;
  p->exc.exception_cleanup = nullptr;
  _Unwind_RaiseException(&p->exc);
  // _URC_END_OF_STACK: no Go frame above has deferred calls left.
  if (p->goexit) {
    // runtime.Goexit ran every deferred call: the goroutine ends, and with
    // it every panic it had in progress.
    Panic *&list = currentPanics();
    while (Panic *q = list) {
      list = q->link;
      freePanic(q);
    }
    goexit1();
  }
  fatalPanic(p);
}

/// Raises p (again); returns only if nothing catches it.
[[noreturn]] void raise(Panic *p) {
  // The unwinder takes a few KiB: more than runtime code may use of a
  // goroutine's stack (stack.h).
  onBigStack(BigStackNeed, [p] { raiseHere(p); });
  __builtin_unreachable();
}

//===-- runtime errors as Go values ---------------------------------------===//
//
// recover() of a runtime error returns a runtime.Error. gc's are Go types
// (errorString, plainError, boundsError, ...); until the runtime has Go
// code, these two descriptors stand for them: string kinds whose Error
// method gives the message.

abi::GoString lit(const char *s) {
  return {reinterpret_cast<const uint8_t *>(s), int64_t(strlen(s))};
}

abi::GoString errorStringError(void *data) {
  const auto *msg = static_cast<const abi::GoString *>(data);
  const char *prefix = "runtime error: ";
  size_t n = strlen(prefix);
  auto *buf = static_cast<uint8_t *>(mallocgc(n + size_t(msg->len), nullptr, false));
  memcpy(buf, prefix, n);
  if (msg->len > 0)
    memcpy(buf + n, msg->ptr, size_t(msg->len));
  return {buf, int64_t(n) + msg->len};
}

abi::GoString plainErrorError(void *data) { return *static_cast<const abi::GoString *>(data); }

const uint8_t stringGCData = 1;
const abi::Type stringType = {16, 8, 0, abi::TFlagNamed, 8, 8, abi::KindString, nullptr,
                              &stringGCData, lit("string"), nullptr, nullptr};
const abi::Type *const errorResults[] = {&stringType};
const abi::FuncType errorFuncType = {
    {8, 8, 0, 0, 8, 8, abi::KindFunc | abi::KindDirectIface, nullptr, &stringGCData,
     lit("func() string"), nullptr, nullptr},
    0, 1, 0, {}, errorResults};
const abi::Method errorStringMethods[] = {
    {lit("Error"), {}, &errorFuncType, reinterpret_cast<const void *>(&errorStringError), nullptr}};
const abi::Method plainErrorMethods[] = {
    {lit("Error"), {}, &errorFuncType, reinterpret_cast<const void *>(&plainErrorError), nullptr}};
const abi::UncommonType errorStringUncommon = {lit("runtime"), errorStringMethods, 1, 1, 0};
const abi::UncommonType plainErrorUncommon = {lit("runtime"), plainErrorMethods, 1, 1, 0};
const abi::Type errorStringType = {16, 8, 0, abi::TFlagNamed | abi::TFlagUncommon, 8, 8,
                                   abi::KindString, nullptr, &stringGCData,
                                   lit("runtime.errorString"), nullptr, &errorStringUncommon};
const abi::Type plainErrorType = {16, 8, 0, abi::TFlagNamed | abi::TFlagUncommon, 8, 8,
                                  abi::KindString, nullptr, &stringGCData,
                                  lit("runtime.plainError"), nullptr, &plainErrorUncommon};

/// The Go value of a panic's argument (what recover returns).
abi::Eface panicValueOf(const PanicArg &a) {
  if (a.kind == PanicArg::Value)
    return a.value;
  auto *box = static_cast<abi::GoString *>(mallocgc(sizeof(abi::GoString), &runtimePointers, true));
  *box = a.msg;
  return {a.kind == PanicArg::RuntimeError ? &errorStringType : &plainErrorType, box};
}

//===-- the LSDA ----------------------------------------------------------===//
//
// The call-site table LLVM emits in .gcc_except_table for each function
// with landing pads (the Itanium C++ ABI's format; the action and type
// tables do not matter: every Go landing pad takes every panic).

constexpr uint8_t DW_EH_PE_omit = 0xff;

uint64_t readULEB(const uint8_t *&p) {
  uint64_t v = 0;
  unsigned shift = 0;
  uint8_t b;
  do {
    b = *p++;
    v |= uint64_t(b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  return v;
}

int64_t readSLEB(const uint8_t *&p) {
  int64_t v = 0;
  unsigned shift = 0;
  uint8_t b;
  do {
    b = *p++;
    v |= int64_t(b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  if (shift < 64 && (b & 0x40))
    v |= -(int64_t(1) << shift);
  return v;
}

template <typename T> T readRaw(const uint8_t *&p) {
  T v;
  memcpy(&v, p, sizeof v);
  p += sizeof v;
  return v;
}

/// A DW_EH_PE-encoded value (absolute and pc-relative forms).
uintptr_t readEncoded(const uint8_t *&p, uint8_t enc) {
  const uint8_t *start = p;
  uintptr_t v;
  switch (enc & 0x0f) {
  case 0x00: v = readRaw<uintptr_t>(p); break;
  case 0x01: v = readULEB(p); break;
  case 0x02: v = readRaw<uint16_t>(p); break;
  case 0x03: v = readRaw<uint32_t>(p); break;
  case 0x04: v = readRaw<uint64_t>(p); break;
  case 0x09: v = uintptr_t(readSLEB(p)); break;
  case 0x0a: v = uintptr_t(int64_t(readRaw<int16_t>(p))); break;
  case 0x0b: v = uintptr_t(int64_t(readRaw<int32_t>(p))); break;
  case 0x0c: v = uintptr_t(readRaw<int64_t>(p)); break;
  default: fatal("unexpected encoding in a landing pad table");
  }
  if (v != 0 && (enc & 0x70) == 0x10) // DW_EH_PE_pcrel
    v += reinterpret_cast<uintptr_t>(start);
  if (v != 0 && (enc & 0x80)) // DW_EH_PE_indirect
    v = *reinterpret_cast<const uintptr_t *>(v);
  return v;
}

/// The landing pad covering the call that returns to \p ip, or 0.
uintptr_t findLandingPad(const uint8_t *lsda, uintptr_t funcStart, uintptr_t ip) {
  const uint8_t *p = lsda;
  uint8_t lpStartEnc = *p++;
  uintptr_t lpStart = lpStartEnc == DW_EH_PE_omit ? funcStart : readEncoded(p, lpStartEnc);
  uint8_t ttypeEnc = *p++;
  if (ttypeEnc != DW_EH_PE_omit)
    readULEB(p);
  uint8_t csEnc = *p++;
  uint64_t csLen = readULEB(p);
  const uint8_t *end = p + csLen;
  while (p < end) {
    uintptr_t start = readEncoded(p, csEnc);
    uintptr_t len = readEncoded(p, csEnc);
    uintptr_t lp = readEncoded(p, csEnc);
    readULEB(p); // action
    if (ip < funcStart + start)
      return 0; // the table is sorted
    if (ip < funcStart + start + len)
      return lp == 0 ? 0 : lpStart + lp;
  }
  return 0;
}

/// The DWARF number of the frame pointer register.
#if defined(__x86_64__)
constexpr int FramePointerReg = 6; // rbp
#elif defined(__aarch64__)
constexpr int FramePointerReg = 29; // x29
#endif

} // namespace

namespace {
/// withPanickingFrames for the panics from \p panics on (older ones only:
/// the frames a panic started in can hold the frames where an older one
/// was running deferred calls, never a newer one's).
int splicePanics(const Panic *panics, const Frame *in, int n, Frame *out, int k, int max) {
  for (int i = 0; i < n && k < max; ++i) {
    bool replaced = false;
    for (const Panic *p = panics; p; p = p->link) {
      if (p->aborted || p->frame == 0 || p->frame != in[i].fp)
        continue;
      // p's deferred calls run in this frame: the frames above it where p
      // started come first, as printPanicFrames cuts them. This frame
      // itself is shown where it was when p started (the call that
      // panicked, or the panicking statement of a function inlined here),
      // not at the deferred call gc would not show.
      int m = 0;
      while (m < p->nframes && p->frames[m].fp != p->frame &&
             frameAtOrBelow(getg(), p->frames[m].fp, p->frame))
        ++m;
      replaced = m < p->nframes && p->frames[m].fp == p->frame;
      k = splicePanics(p->link, p->frames, replaced ? m + 1 : m, out, k, max);
      break;
    }
    if (!replaced && k < max)
      out[k++] = in[i];
  }
  return k;
}
} // namespace

int withPanickingFrames(const Frame *in, int n, Frame *out, int max) {
  return splicePanics(currentPanics(), in, n, out, 0, max);
}

[[noreturn]] void startPanic(const PanicArg &arg) {
  // All of it runs on a stack with room (stack.h): the frames are walked
  // from here, across the boundary.
  uintptr_t fp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  onBigStack(BigStackNeed, [&] {
    Panic *p = newPanic();
    p->arg = arg;
    Panic *&panics = currentPanics();
    p->link = panics;
    panics = p;
    p->nframes = captureFrames(fp, p->frames, MaxFrames + 1);
    raise(p);
  });
  __builtin_unreachable();
}

} // namespace origo::rt

using namespace origo;
using namespace origo::rt;

extern "C" {

_Unwind_Reason_Code goPersonality(int version, _Unwind_Action actions, uint64_t cls,
                                  _Unwind_Exception *exc, _Unwind_Context *ctx) {
  if (version != 1 || cls != GoExceptionClass || (actions & _UA_FORCE_UNWIND))
    return _URC_CONTINUE_UNWIND;
  const auto *lsda = static_cast<const uint8_t *>(_Unwind_GetLanguageSpecificData(ctx));
  if (!lsda)
    return _URC_CONTINUE_UNWIND;
  int beforeInsn = 0;
  uintptr_t ip = _Unwind_GetIPInfo(ctx, &beforeInsn);
  if (!beforeInsn)
    --ip; // inside the call instruction, not after it
  uintptr_t lp = findLandingPad(lsda, _Unwind_GetRegionStart(ctx), ip);
  if (lp == 0)
    return _URC_CONTINUE_UNWIND;
  if (actions & _UA_SEARCH_PHASE)
    return _URC_HANDLER_FOUND;
  // Landing: the panic's deferred calls now run in this frame. An older
  // panic whose deferred calls ran here or in a frame below is aborted.
  Panic *p = fromException(exc);
  uintptr_t fp = _Unwind_GetGR(ctx, FramePointerReg);
  // The frame may be on an older stack segment than the one the panic
  // started on: those it leaves are given back (no lessstack ran for them).
  stackUnwound(getg(), _Unwind_GetCFA(ctx));
  for (Panic *q = p->link; q; q = q->link)
    if (q->frame != 0 && frameAtOrBelow(getg(), q->frame, fp))
      q->aborted = true;
  p->frame = fp;
  _Unwind_SetGR(ctx, __builtin_eh_return_data_regno(0), reinterpret_cast<uintptr_t>(exc));
  _Unwind_SetGR(ctx, __builtin_eh_return_data_regno(1), 0);
  _Unwind_SetIP(ctx, lp);
  return _URC_INSTALL_CONTEXT;
}

abi::Eface goGorecover(uintptr_t fp) {
  // Only a deferred function called by the frame running the panic's
  // deferred calls may recover: its own caller's frame pointer (saved at
  // [fp]) must be that frame.
  Panic *p = currentPanics();
  if (!p || p->goexit || p->recovered || p->frame == 0 || fp == 0 || callerFrame(fp) != p->frame)
    return {};
  p->recovered = true;
  return panicValueOf(p->arg);
}

bool goDeferrecovered() {
  Panic *&panics = currentPanics();
  Panic *p = panics;
  if (!p || !p->recovered)
    return false;
  // Done with it, and with the panics it aborted (gc's recovery).
  panics = p->link;
  freePanic(p);
  while (panics && panics->aborted) {
    Panic *q = panics;
    panics = q->link;
    freePanic(q);
  }
  return true;
}

void goexitPanic() {
  getg()->goexiting = true;
  Panic *p = newPanic();
  p->goexit = true;
  p->link = currentPanics();
  currentPanics() = p;
  raise(p);
}

void goPanicresume() {
  Panic *p = currentPanics();
  if (!p)
    fatal("panicresume without a panic");
  raise(p);
}

// Records of defers in loops: pooled blocks of one size; the rare bigger
// ones come from the heap. (The GC will need their layout: the record's
// payload is laid out by the compiler.)
namespace {
constexpr int64_t DeferBlockSize = 64;
struct FreeDefer {
  FreeDefer *next;
};
__thread FreeDefer *freeDefers = nullptr; // per thread, as freePanics
} // namespace

void *goNewdefer(int64_t size) {
  if (size <= DeferBlockSize && freeDefers) {
    FreeDefer *d = freeDefers;
    freeDefers = d->next;
    memset(static_cast<void *>(d), 0, DeferBlockSize);
    return d;
  }
  return mallocgc(size_t(size <= DeferBlockSize ? DeferBlockSize : size), &runtimePointers, true);
}

void goFreedefer(void *d, int64_t size) {
  if (size > DeferBlockSize)
    return;
  auto *f = static_cast<FreeDefer *>(d);
  f->next = freeDefers;
  freeDefers = f;
}

} // extern "C"
