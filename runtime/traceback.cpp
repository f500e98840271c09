//===- runtime/traceback.cpp - Printing the Go frames of a stack ----------===//
///
/// \file
/// Frame-pointer unwinding for tracebacks. Go code and the runtime are both
/// compiled with frame pointers, and both targets keep the same frame record
/// at the frame pointer: x86-64 [rbp] = caller's rbp, [rbp+8] = return
/// address; AArch64 [x29] = caller's x29, [x29+8] = saved lr.
///
/// A return address belongs to a Go function when the function table has a
/// function at or below it and that function has a call site (stack map
/// record) at or after it: codegen records every call, so this rejects the
/// runtime and libc code that follows the last Go function in memory.
///
//===----------------------------------------------------------------------===//

#include "runtime/traceback.h"
#include "runtime/functab.h"
#include "runtime/print.h"
#include "runtime/sched.h"
#include "runtime/stack.h"
#include "runtime/stackmap.h"
#include "runtime/start.h"

#include <string.h>

namespace origo::rt {
namespace {

/// Frames LLVM inlined into fn at this call site, innermost first, printed
/// as gc prints inlined frames: name(...) and the line, without offset.
void printInlinedFrames(const abi::FuncMeta &fn, uint64_t id) {
  uint64_t inl = id >> abi::StackMapInlineShift;
  if (inl == 0 || inl > fn.ninl)
    return;
  for (int64_t i = int64_t(inl) - 1; i >= 0 && uint64_t(i) < fn.ninl; i = fn.inl[i].parent) {
    const abi::InlineFrame &f = fn.inl[i];
    printCString(f.name);
    printCString("(...)\n\t");
    printCString(f.file);
    printCString(":");
    printUint(f.line);
    printCString("\n");
  }
}

void printFrame(const abi::FuncMeta &fn, uintptr_t pc, uint32_t line) {
  printCString(fn.name);
  printCString(fn.flags & abi::FuncHasParams ? "(...)\n\t" : "()\n\t");
  printCString(fn.file);
  printCString(":");
  printUint(line);
  printCString(" +");
  printHex(pc - reinterpret_cast<uintptr_t>(fn.entry));
  printCString("\n");
}

} // namespace

void printGoroutineHeader() {
  G *gp = getg();
  printCString("goroutine ");
  printUint(gp ? gp->goid : 1);
  printCString(" [running]:\n");
}

void printCreatedBy(const G *gp) {
  // gc's printcreatedby: the function holding the go statement and the
  // line of that statement.
  uintptr_t pc = gp ? gp->gopc : 0;
  if (pc == 0)
    return;
  const abi::FuncMeta *fn = findFunc(pc - 1);
  if (!fn)
    return;
  const CallSite *site = findCallSiteAtOrAfter(reinterpret_cast<uintptr_t>(fn->entry), pc);
  printCString("created by ");
  printCString(fn->name);
  printCString("\n\t");
  printCString(fn->file);
  printCString(":");
  printUint(site ? site->line() : 0);
  printCString(" +");
  printHex(pc - reinterpret_cast<uintptr_t>(fn->entry));
  printCString("\n");
}

void printCreatedBy() { printCreatedBy(getg()); }

void printGoroutineTraceback(const G *gp, uintptr_t fp) {
  Frame frames[MaxFrames + 1];
  int n = captureFramesBelow(fp, gp->stack.hi, frames, MaxFrames + 1);
  int printed = 0;
  printFrames(frames, n, printed);
  printCreatedBy(gp);
}

int captureFrames(uintptr_t fp, Frame *out, int max) {
  return captureFramesBelow(fp, stackTop(), out, max);
}

int captureFramesBelow(uintptr_t fp, uintptr_t base, Frame *out, int max) {
  int n = 0;
  // The top of the goroutine's stack ends the chain (the goroutine's entry
  // clears the frame pointer too); on the main thread's own stack, main()'s
  // frame: its caller is libc, built without frame pointers, so the saved
  // frame pointer there may be any value. (The depth bound is for corrupt
  // chains.)
  // A segment boundary (stack.h) shows as a return into
  // origo_morestack_switch: the frame before it (the thunk) and the relay
  // after it are not Go's frames; the chain continues on the older segment.
  uintptr_t boundary = morestackReturnPC();
  bool skipRelay = false;
  int addedAt = -1; // the depth that added the newest frame
  for (int depth = 0; fp != 0 && fp < base && depth < 10000 && n < max; ++depth) {
    const uintptr_t *frame = reinterpret_cast<const uintptr_t *>(fp);
    uintptr_t callerFP = frame[0], pc = frame[1];
    if (pc == 0)
      break;
    if (pc == boundary) {
      if (addedAt == depth - 1)
        --n;
      skipRelay = true;
      base = UINTPTR_MAX; // a goroutine's chain ends with a zero frame pointer
      fp = callerFP;
      continue;
    }
    // pc - 1: a call that does not return may end its function, making the
    // return address the next function's entry.
    const abi::FuncMeta *fn = skipRelay ? nullptr : findFunc(pc - 1);
    skipRelay = false;
    if (fn) {
      uintptr_t entry = reinterpret_cast<uintptr_t>(fn->entry);
      if (findCallSiteAtOrAfter(entry, pc)) {
        // fp is the callee's frame; the frame this pc runs in is callerFP.
        addedAt = depth;
        out[n++] = {callerFP, pc};
        if (strcmp(fn->name, "main.main") == 0)
          break;
      }
    }
    // The stack grows down, so callers' frames are at higher addresses
    // (on one segment: boundaries are crossed above).
    if (callerFP <= fp)
      break;
    fp = callerFP;
  }
  return n;
}

bool printFrames(const Frame *frames, int n, int &printed) {
  for (int i = 0; i < n; ++i) {
    uintptr_t pc = frames[i].pc;
    const abi::FuncMeta *fn = findFunc(pc - 1);
    if (!fn)
      continue;
    const CallSite *site = findCallSiteAtOrAfter(reinterpret_cast<uintptr_t>(fn->entry), pc);
    if (!site)
      continue;
    if (printed == MaxFrames) {
      printCString("...additional frames elided...\n");
      return false;
    }
    printInlinedFrames(*fn, site->id);
    // A go statement's wrapper (ssa goStmt) is hidden, as gc's wrappers.
    if (strstr(fn->name, ".gowrap"))
      continue;
    printFrame(*fn, pc, site->line());
    ++printed;
  }
  return true;
}

void printTraceback(uintptr_t fp, bool skipFirst) {
  int skip = skipFirst ? 1 : 0;
  Frame frames[MaxFrames + 2];
  int n = captureFrames(fp, frames, MaxFrames + 1 + skip);
  int printed = 0;
  if (n > skip)
    printFrames(frames + skip, n - skip, printed);
  printCreatedBy();
}

} // namespace origo::rt
