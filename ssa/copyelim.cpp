//===- ssa/copyelim.cpp - copy elimination --------------------------------===//
/// \file
/// requires: nothing; leaves copies unused (deadcode removes them). Every
/// argument and control that is a copy (or a chain of copies) refers to
/// the original value instead.
//===----------------------------------------------------------------------===//
#include "ssa/passes.h"

namespace origo::ssa {

static Value *source(Value *v) {
  // Copy cycles only arise in unreachable code; stop after a bound.
  for (int i = 0; v->op == Op::Copy && i < 1000; ++i) v = v->args[0];
  return v;
}

void copyelim(Func &f) {
  for (auto &b : f.blocks) {
    for (Value *v : b->values)
      for (Value *&a : v->args) a = source(a);
    if (b->control) b->control = source(b->control);
  }
}

} // namespace origo::ssa
