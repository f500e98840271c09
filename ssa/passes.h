//===- ssa/passes.h - the SSA passes (private to ssa/) ----------*- C++ -*-===//
/// \file
/// One function per pass, each in the file of its name.
//===----------------------------------------------------------------------===//
#pragma once

#include "ssa/ssa.h"

#include <functional>
#include <map>
#include <vector>

namespace origo::ssa {

/// The dominator tree of a function's reachable blocks (dom.cpp).
struct DomTree {
  explicit DomTree(Func &f);
  std::vector<Block *> rpo;                        ///< reverse postorder
  std::map<Block *, int> order;                    ///< position in rpo
  std::map<Block *, Block *> idom;                 ///< the entry maps to itself
  std::map<Block *, std::vector<Block *>> children; ///< in rpo order
  bool dominates(Block *a, Block *b) const;
  /// Visits the tree in preorder from the entry: enter(b) on the way
  /// down, leave(b) once b's subtree is done (scoped facts come and go).
  void walk(const std::function<void(Block *)> &enter, const std::function<void(Block *)> &leave);
};

void phielim(Func &f);   ///< phis whose arguments are all one value (or itself) become copies
void copyelim(Func &f);  ///< uses of copies refer to the copied value instead
void opt(Func &f);       ///< constant folding with Go's wrap-around arithmetic
void deadcode(Func &f);  ///< unreachable blocks and unused pure values
void shortcircuit(Func &f); ///< branches on a phi of constant bools jump straight to their target
void cse(Func &f);       ///< equal pure values: the dominating one replaces the others
void nilcheckelim(Func &f); ///< nil checks of pointers known to be non-nil are removed
void prove(Func &f);     ///< bounds checks that dominating conditions prove are removed

} // namespace origo::ssa
