//===- ssa/deadcode.cpp - dead code elimination ---------------------------===//
/// \file
/// requires: nothing; breaks: use counts. Removes blocks not reachable from
/// the entry (with the matching phi arguments of their successors) and
/// pure values nothing uses.
//===----------------------------------------------------------------------===//
#include "ssa/passes.h"

#include <algorithm>
#include <set>

namespace origo::ssa {

void deadcode(Func &f) {
  // 1. Reachable blocks.
  std::set<Block *> reach;
  std::vector<Block *> work{f.entry()};
  if (f.unwind) work.push_back(f.unwind);
  while (!work.empty()) {
    Block *b = work.back();
    work.pop_back();
    if (!reach.insert(b).second) continue;
    for (Block *s : b->succs) work.push_back(s);
  }
  // 2. Cut edges from unreachable blocks, dropping phi arguments.
  for (auto &bp : f.blocks) {
    Block *b = bp.get();
    if (!reach.count(b)) continue;
    for (size_t i = b->preds.size(); i-- > 0;) {
      if (reach.count(b->preds[i])) continue;
      b->preds.erase(b->preds.begin() + long(i));
      for (Value *v : b->values)
        if (v->op == Op::Phi && i < v->args.size()) v->args.erase(v->args.begin() + long(i));
    }
  }
  f.blocks.erase(std::remove_if(f.blocks.begin(), f.blocks.end(),
                                [&](const std::unique_ptr<Block> &b) { return !reach.count(b.get()); }),
                 f.blocks.end());
  // 3. Live values: controls, impure values, and their arguments.
  std::set<Value *> live;
  std::vector<Value *> vwork;
  for (auto &b : f.blocks) {
    if (b->control) vwork.push_back(b->control);
    for (Value *v : b->values)
      if (!opPure(v->op)) vwork.push_back(v);
  }
  while (!vwork.empty()) {
    Value *v = vwork.back();
    vwork.pop_back();
    if (!live.insert(v).second) continue;
    for (Value *a : v->args) vwork.push_back(a);
  }
  for (auto &b : f.blocks)
    b->values.erase(std::remove_if(b->values.begin(), b->values.end(),
                                   [&](Value *v) { return !live.count(v); }),
                    b->values.end());
}

} // namespace origo::ssa
