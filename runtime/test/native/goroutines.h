//===- runtime/test/native/goroutines.h - goroutines for native tests -*- C++ -*-===//
/// \file
/// Starting goroutines from native tests as compiled code does: a closure
/// whose first word is its code, handed to runtime.newproc.
//===----------------------------------------------------------------------===//
#ifndef ORIGO_RUNTIME_TEST_NATIVE_GOROUTINES_H
#define ORIGO_RUNTIME_TEST_NATIVE_GOROUTINES_H

#include "native_test.h"
#include "runtime/sched.h"
#include "runtime/stack.h"

namespace native_test {

/// A closure as compiled code lays it out: the code pointer first.
struct Closure {
  void (*code)(Closure *);
  int64_t arg;
  void (*body)(Closure *); ///< what code runs, on a stack with room
};

/// C++ test code needs more stack than a goroutine's first segment has
/// (compiled Go code checks its stack; this does not).
inline void onOwnStack(Closure *c) {
  origo::rt::onBigStack(origo::rt::BigStackNeed, [c] { c->body(c); });
}

inline Closure *closure(void (*code)(Closure *), int64_t arg = 0) {
  Closure *c = alloc<Closure>();
  c->code = onOwnStack;
  c->arg = arg;
  c->body = code;
  return c;
}

/// `go code(arg)`.
inline void go(void (*code)(Closure *), int64_t arg = 0) { goNewproc(closure(code, arg)); }

} // namespace native_test

#endif // ORIGO_RUNTIME_TEST_NATIVE_GOROUTINES_H
