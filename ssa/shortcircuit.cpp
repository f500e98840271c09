//===- ssa/shortcircuit.cpp - branches on constant-fed phis ---------------===//
/// \file
/// requires: nothing; leaves unreachable blocks and trivial phis
/// (deadcode, phielim). A block that only branches on a phi of its own
/// (the value of `a && b` materialized by the builder and then tested)
/// is bypassed from each predecessor whose phi argument is a constant:
/// that predecessor jumps straight to the successor the constant selects,
/// as gc's shortcircuit pass does. Successors with phis are left alone.
//===----------------------------------------------------------------------===//
#include "ssa/passes.h"

#include <algorithm>

namespace origo::ssa {

void shortcircuit(Func &f) {
  for (auto &bp : f.blocks) {
    Block *b = bp.get();
    if (b->kind != BlockKind::If || b->values.size() != 1 || b->control != b->values[0]) continue;
    Value *phi = b->control;
    if (phi->op != Op::Phi || phi->args.size() != b->preds.size()) continue;
    bool targetsPlain = true;
    for (Block *s : b->succs)
      for (Value *v : s->values) targetsPlain &= v->op != Op::Phi;
    if (!targetsPlain || b->succs[0] == b->succs[1]) continue;
    for (size_t i = b->preds.size(); i-- > 0;) {
      Value *a = phi->args[i];
      Block *p = b->preds[i];
      if (a->op != Op::ConstBool || std::count(p->succs.begin(), p->succs.end(), b) != 1) continue;
      Block *target = b->succs[a->auxInt ? 0 : 1];
      if (std::count(p->succs.begin(), p->succs.end(), target)) continue; // keep edges distinct
      *std::find(p->succs.begin(), p->succs.end(), b) = target;
      target->preds.push_back(p);
      b->preds.erase(b->preds.begin() + long(i));
      phi->args.erase(phi->args.begin() + long(i));
    }
  }
}

} // namespace origo::ssa
