//===- runtime/print.h - Unbuffered printing to standard error --*- C++ -*-===//
///
/// \file
/// The runtime's own output: what Go's print/println builtins and the panic
/// and traceback reports write. Everything goes straight to fd 2 with
/// write(2), unbuffered, as in gc's runtime, so output survives a crash
/// right after it. The formats are byte-for-byte those of gc 1.19's
/// runtime/print.go.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_PRINT_H
#define ORIGO_RUNTIME_PRINT_H

#include "runtime/abi.h"

#include <stddef.h>
#include <stdint.h>

namespace origo::rt {

/// Writes \p n bytes to standard error, retrying short writes and EINTR,
/// or to the buffer a PrintToBuffer on this thread has set.
void writeErr(const void *p, size_t n);

/// While it lives, what this thread prints goes into [buf, buf+cap) instead
/// of standard error, cut off at the end (gc's g.writebuf, which
/// runtime.Stack sets). Whatever runs meanwhile must not park its
/// goroutine (it could resume on another thread).
class PrintToBuffer {
public:
  PrintToBuffer(uint8_t *buf, size_t cap);
  ~PrintToBuffer();
  /// Bytes written so far.
  size_t size() const { return len; }
  void append(const void *p, size_t n);

private:
  uint8_t *buf;
  size_t cap, len = 0;
  PrintToBuffer *outer;
};

/// Prints a NUL-terminated C string.
void printCString(const char *s);
/// Prints \p n bytes starting at \p p.
void printBytes(const uint8_t *p, int64_t n);
void printInt(int64_t v);
void printUint(uint64_t v);
/// Prints "0x" followed by lower-case hex digits, as gc's printhex.
void printHex(uint64_t v);
/// Prints gc's fixed float format, e.g. "+1.500000e+000", "NaN", "-Inf".
void printFloat(double v);
/// Prints gc's complex format, "(" re im "i)", e.g. "(+1.000000e+000-2.000000e+000i)".
void printComplex(double re, double im);
/// Prints a pointer as gc's printpointer does: printHex of its address.
void printPointer(const void *p);

} // namespace origo::rt

// print/println of slices and interfaces (the other runtime.print* entry
// points are listed in README.md).
extern "C" {
/// "[len/cap]0xPTR".
void goPrintSlice(const void *p, int64_t len, int64_t cap)
    ORIGO_GO_NAME("runtime.printslice");
/// "(0xTYPE,0xDATA)" for an interface{} value.
void goPrintEface(const void *type, const void *data)
    ORIGO_GO_NAME("runtime.printeface");
/// "(0xITAB,0xDATA)" for a non-empty interface value.
void goPrintIface(const void *itab, const void *data)
    ORIGO_GO_NAME("runtime.printiface");
} // extern "C"

#endif // ORIGO_RUNTIME_PRINT_H
