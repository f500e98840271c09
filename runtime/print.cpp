//===- runtime/print.cpp - Go's print and println builtins ----------------===//
///
/// \file
/// The runtime.print* entry points that codegen emits for print/println, and
/// the formatting behind them. The formats follow gc 1.19's runtime/print.go
/// exactly (tests compare output byte for byte with gc); the float formatting
/// in particular repeats its arithmetic step by step, which is why this file
/// is compiled with -ffp-contract=off.
///
//===----------------------------------------------------------------------===//

#include "runtime/print.h"
#include "runtime/spinlock.h"
#include "runtime/abi.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

namespace origo::rt {

namespace {
__thread PrintToBuffer *printBuffer = nullptr;
} // namespace

PrintToBuffer::PrintToBuffer(uint8_t *buf, size_t cap) : buf(buf), cap(cap), outer(printBuffer) {
  printBuffer = this;
}

PrintToBuffer::~PrintToBuffer() { printBuffer = outer; }

void PrintToBuffer::append(const void *p, size_t n) {
  size_t room = cap - len;
  if (n > room)
    n = room;
  memcpy(buf + len, p, n);
  len += n;
}

void writeErr(const void *p, size_t n) {
  if (printBuffer) {
    printBuffer->append(p, n);
    return;
  }
  const char *c = static_cast<const char *>(p);
  while (n > 0) {
    ssize_t w = ::write(2, c, n);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      return; // Nowhere left to report the failure.
    }
    c += w;
    n -= static_cast<size_t>(w);
  }
}

void printCString(const char *s) {
  size_t n = 0;
  while (s[n])
    ++n;
  writeErr(s, n);
}

void printBytes(const uint8_t *p, int64_t n) {
  if (n > 0)
    writeErr(p, static_cast<size_t>(n));
}

void printUint(uint64_t v) {
  char buf[24];
  size_t i = sizeof buf;
  do {
    buf[--i] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  writeErr(buf + i, sizeof buf - i);
}

void printInt(int64_t v) {
  if (v < 0) {
    writeErr("-", 1);
    // Negate in unsigned arithmetic so that the most negative value works.
    printUint(0 - static_cast<uint64_t>(v));
    return;
  }
  printUint(static_cast<uint64_t>(v));
}

void printHex(uint64_t v) {
  static const char digits[] = "0123456789abcdef";
  char buf[20];
  size_t i = sizeof buf;
  do {
    buf[--i] = digits[v % 16];
    v /= 16;
  } while (v != 0);
  buf[--i] = 'x';
  buf[--i] = '0';
  writeErr(buf + i, sizeof buf - i);
}

void printFloat(double v) {
  if (v != v) {
    printCString("NaN");
    return;
  }
  if (v + v == v && v > 0) {
    printCString("+Inf");
    return;
  }
  if (v + v == v && v < 0) {
    printCString("-Inf");
    return;
  }

  // "+d.dddddde+ddd": sign, 7 significant digits, 3-digit exponent.
  constexpr int n = 7;
  char buf[n + 7];
  buf[0] = '+';
  int e = 0;
  if (v == 0) {
    if (1 / v < 0)
      buf[0] = '-';
  } else {
    if (v < 0) {
      v = -v;
      buf[0] = '-';
    }
    // Normalise to [1, 10) by repeated division, as gc does, so that the
    // rounding errors (and hence the digits) are the same.
    while (v >= 10) {
      ++e;
      v /= 10;
    }
    while (v < 1) {
      --e;
      v *= 10;
    }
    double h = 5.0;
    for (int i = 0; i < n; ++i)
      h /= 10;
    v += h;
    if (v >= 10) {
      ++e;
      v /= 10;
    }
  }

  for (int i = 0; i < n; ++i) {
    int s = static_cast<int>(v);
    buf[i + 2] = static_cast<char>(s + '0');
    v -= static_cast<double>(s);
    v *= 10;
  }
  buf[1] = buf[2];
  buf[2] = '.';

  buf[n + 2] = 'e';
  buf[n + 3] = '+';
  if (e < 0) {
    e = -e;
    buf[n + 3] = '-';
  }
  // gc converts to byte before the final digit arithmetic; exponents stay
  // below 400, so plain int arithmetic gives the same digits.
  buf[n + 4] = static_cast<char>(e / 100 + '0');
  buf[n + 5] = static_cast<char>(e / 10 % 10 + '0');
  buf[n + 6] = static_cast<char>(e % 10 + '0');
  writeErr(buf, sizeof buf);
}

void printComplex(double re, double im) {
  writeErr("(", 1);
  printFloat(re);
  printFloat(im);
  writeErr("i)", 2);
}

void printPointer(const void *p) { printHex(reinterpret_cast<uintptr_t>(p)); }

} // namespace origo::rt

using namespace origo::rt;

namespace {
SpinLock printLock;
__thread int printDepth = 0;
} // namespace

// The entry points codegen calls. print/println lower to a printlock, one
// call per operand (with printsp/printnl for println), and a printunlock.
extern "C" {

// gc's printlock: one println's operands are not interleaved with another
// thread's. Recursive per thread (a print inside a print's argument
// evaluation, a panic while printing); nothing parks while holding it.
void goPrintLock() ORIGO_GO_NAME("runtime.printlock");
void goPrintLock() {
  if (printDepth++ == 0)
    printLock.lock();
}
void goPrintUnlock() ORIGO_GO_NAME("runtime.printunlock");
void goPrintUnlock() {
  if (--printDepth == 0)
    printLock.unlock();
}

void goPrintInt(int64_t v) ORIGO_GO_NAME("runtime.printint");
void goPrintInt(int64_t v) { printInt(v); }

void goPrintUint(uint64_t v) ORIGO_GO_NAME("runtime.printuint");
void goPrintUint(uint64_t v) { printUint(v); }

void goPrintBool(bool v) ORIGO_GO_NAME("runtime.printbool");
void goPrintBool(bool v) { printCString(v ? "true" : "false"); }

void goPrintString(const uint8_t *p, int64_t n)
    ORIGO_GO_NAME("runtime.printstring");
void goPrintString(const uint8_t *p, int64_t n) { printBytes(p, n); }

void goPrintSp() ORIGO_GO_NAME("runtime.printsp");
void goPrintSp() { writeErr(" ", 1); }

void goPrintNl() ORIGO_GO_NAME("runtime.printnl");
void goPrintNl() { writeErr("\n", 1); }

void goPrintFloat(double v) ORIGO_GO_NAME("runtime.printfloat");
void goPrintFloat(double v) { printFloat(v); }

void goPrintComplex(double re, double im) ORIGO_GO_NAME("runtime.printcomplex");
void goPrintComplex(double re, double im) { printComplex(re, im); }

void goPrintPointer(const void *p) ORIGO_GO_NAME("runtime.printpointer");
void goPrintPointer(const void *p) { printPointer(p); }

void goPrintHex(uint64_t v) ORIGO_GO_NAME("runtime.printhex");
void goPrintHex(uint64_t v) { printHex(v); }

// gc's printslice: "[len/cap]" and the array pointer.
void goPrintSlice(const void *p, int64_t len, int64_t cap) {
  writeErr("[", 1);
  printInt(len);
  writeErr("/", 1);
  printInt(cap);
  writeErr("]", 1);
  printPointer(p);
}

// gc's printeface and printiface: "(" type-or-itab "," data ")", both as
// pointers.
void goPrintEface(const void *type, const void *data) {
  writeErr("(", 1);
  printPointer(type);
  writeErr(",", 1);
  printPointer(data);
  writeErr(")", 1);
}

void goPrintIface(const void *itab, const void *data) { goPrintEface(itab, data); }

} // extern "C"
