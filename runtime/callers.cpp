//===- runtime/callers.cpp - runtime.Caller, Callers and FuncForPC --------===//
/// \file
/// The primitives under stdlib/runtime's extern.go (gc's runtime.Callers,
/// CallersFrames, Caller, FuncForPC): the return addresses of the calling
/// goroutine's Go frames, by the same frame-pointer walk tracebacks use,
/// runtime.Stack, and the logical frames of one return address — the
/// functions LLVM inlined at that call site, innermost first, then the
/// physical function (its FuncMeta and the call site's stack map record,
/// as tracebacks print them).
//===----------------------------------------------------------------------===//
#include "runtime/defer.h"
#include "runtime/functab.h"
#include "runtime/print.h"
#include "runtime/stack.h"
#include "runtime/stackmap.h"
#include "runtime/traceback.h"

#include <stdint.h>

using namespace origo::rt;
namespace abi = origo::abi;

namespace {

/// What stdlib/runtime's pcframe reads (its Go struct has this layout).
struct LogicalFrame {
  const char *name;
  const char *file;
  int64_t line;
  uintptr_t entry; ///< the physical function's first instruction
};

} // namespace

extern "C" {

int64_t goCallers(int64_t skip, uintptr_t *buf, int64_t n) __asm__("runtime.callers");
int64_t goStack(uint8_t *buf, int64_t n) __asm__("runtime.stack");
bool goPcFrame(uintptr_t pc, int64_t depth, LogicalFrame *out) __asm__("runtime.pcframe");

/// runtime.Stack for the calling goroutine: its traceback, as a panic's
/// report prints it, from the caller of runtime.Stack (the Go function
/// that calls this), written into buf[:n]; returns the bytes written.
__attribute__((noinline)) int64_t goStack(uint8_t *buf, int64_t n) {
  uintptr_t fp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  int64_t written = 0;
  onBigStack(BigStackNeed, [&] {
    PrintToBuffer out(buf, size_t(n));
    printGoroutineHeader();
    printTraceback(fp, /*skipFirst=*/true); // gc starts at runtime.Stack's caller
    written = int64_t(out.size());
  });
  return written;
}

/// Stores the return addresses of the Go frames above the caller's, after
/// skipping \p skip of them, into buf (at most n); returns how many.
__attribute__((noinline)) int64_t goCallers(int64_t skip, uintptr_t *buf, int64_t n) {
  uintptr_t fp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  int64_t k = 0;
  // The frames take 16 KiB: more than runtime code may use of a goroutine's
  // stack (stack.h).
  onBigStack(BigStackNeed, [&] {
    constexpr int Max = 512;
    Frame live[Max], frames[Max];
    int got = withPanickingFrames(live, captureFrames(fp, live, Max), frames, Max);
    for (int i = int(skip < 0 ? 0 : skip); i < got && k < n; ++i) buf[k++] = frames[i].pc;
  });
  return k;
}

/// The logical frame \p depth (0: innermost) of the call returning to pc;
/// false when there is none (pc is not a Go call site, or depth is past
/// the physical function).
bool goPcFrame(uintptr_t pc, int64_t depth, LogicalFrame *out) {
  const abi::FuncMeta *fn = findFunc(pc - 1);
  if (!fn) return false;
  uintptr_t entry = reinterpret_cast<uintptr_t>(fn->entry);
  const CallSite *site = findCallSiteAtOrAfter(entry, pc);
  if (!site) return false;
  uint64_t inl = site->id >> abi::StackMapInlineShift;
  int64_t d = 0;
  if (inl != 0 && inl <= fn->ninl) {
    for (int64_t i = int64_t(inl) - 1; i >= 0 && uint64_t(i) < fn->ninl; i = fn->inl[i].parent, ++d) {
      if (d != depth) continue;
      const abi::InlineFrame &f = fn->inl[i];
      *out = {f.name, f.file, int64_t(f.line), entry};
      return true;
    }
  }
  if (d != depth) return false;
  *out = {fn->name, fn->file, int64_t(site->line()), entry};
  return true;
}

} // extern "C"

extern "C" {

bool goFuncAt(uintptr_t pc, LogicalFrame *out) __asm__("runtime.funcat");

/// The physical function containing pc (any address in it, such as its
/// entry), with the line of the call site at or after pc (0 if none).
bool goFuncAt(uintptr_t pc, LogicalFrame *out) {
  const abi::FuncMeta *fn = findFunc(pc);
  if (!fn) return false;
  uintptr_t entry = reinterpret_cast<uintptr_t>(fn->entry);
  *out = {fn->name, fn->file, int64_t(lineForPC(entry, pc)), entry};
  return true;
}

} // extern "C"
