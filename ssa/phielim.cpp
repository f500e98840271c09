//===- ssa/phielim.cpp - trivial phi elimination --------------------------===//
/// \file
/// requires: nothing; produces: copies. A phi whose arguments are all the
/// same value (ignoring itself) is replaced by a copy of that value.
//===----------------------------------------------------------------------===//
#include "ssa/passes.h"

namespace origo::ssa {

void phielim(Func &f) {
  for (bool changed = true; changed;) {
    changed = false;
    for (auto &b : f.blocks) {
      for (Value *v : b->values) {
        if (v->op != Op::Phi) continue;
        Value *same = nullptr;
        bool trivial = true;
        for (Value *a : v->args) {
          while (a->op == Op::Copy) a = a->args[0];
          if (a == v || a == same) continue;
          if (same) { trivial = false; break; }
          same = a;
        }
        if (!trivial || !same) continue;
        v->op = Op::Copy;
        v->args = {same};
        changed = true;
      }
    }
  }
  // Copies must not sit among phis: move them after the last phi.
  for (auto &b : f.blocks) {
    std::vector<Value *> phis, rest;
    for (Value *v : b->values) (v->op == Op::Phi ? phis : rest).push_back(v);
    phis.insert(phis.end(), rest.begin(), rest.end());
    b->values = std::move(phis);
  }
}

} // namespace origo::ssa
