//===- ssa/dom.cpp - dominator tree ---------------------------------------===//
/// \file
/// Immediate dominators by Cooper, Harvey and Kennedy's iterative
/// algorithm ("A Simple, Fast Dominance Algorithm") over the reverse
/// postorder of the reachable blocks; the passes that reason about what
/// holds in a block (cse, nilcheckelim, prove) walk the tree it gives.
//===----------------------------------------------------------------------===//
#include "ssa/passes.h"

#include <map>

namespace origo::ssa {

DomTree::DomTree(Func &f) {
  // 1. Reverse postorder of the blocks reachable from the entry.
  std::map<Block *, int> state;
  std::vector<std::pair<Block *, size_t>> stack{{f.entry(), 0}};
  std::vector<Block *> post;
  state[f.entry()] = 1;
  while (!stack.empty()) {
    auto &[b, i] = stack.back();
    if (i < b->succs.size()) {
      Block *s = b->succs[i++];
      if (!state[s]) {
        state[s] = 1;
        stack.push_back({s, 0});
      }
      continue;
    }
    post.push_back(b);
    stack.pop_back();
  }
  rpo.assign(post.rbegin(), post.rend());
  for (size_t i = 0; i < rpo.size(); ++i) order[rpo[i]] = int(i);
  // 2. Iterate to the fixed point: idom(b) = the common dominator of its
  // processed predecessors.
  idom[f.entry()] = f.entry();
  auto intersect = [&](Block *a, Block *b) {
    while (a != b) {
      while (order[a] > order[b]) a = idom[a];
      while (order[b] > order[a]) b = idom[b];
    }
    return a;
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 1; i < rpo.size(); ++i) {
      Block *b = rpo[i], *d = nullptr;
      for (Block *p : b->preds) {
        if (!idom.count(p) || !order.count(p)) continue;
        d = d ? intersect(p, d) : p;
      }
      if (d && idom[b] != d) {
        idom[b] = d;
        changed = true;
      }
    }
  }
  for (size_t i = 1; i < rpo.size(); ++i) children[idom[rpo[i]]].push_back(rpo[i]);
}

void DomTree::walk(const std::function<void(Block *)> &enter, const std::function<void(Block *)> &leave) {
  if (rpo.empty()) return;
  std::vector<std::pair<Block *, size_t>> stack{{rpo[0], 0}};
  enter(rpo[0]);
  while (!stack.empty()) {
    auto &[b, next] = stack.back();
    const std::vector<Block *> &kids = children[b];
    if (next < kids.size()) {
      Block *k = kids[next++];
      stack.push_back({k, 0});
      enter(k);
      continue;
    }
    leave(b);
    stack.pop_back();
  }
}

bool DomTree::dominates(Block *a, Block *b) const {
  for (;;) {
    if (a == b) return true;
    auto it = idom.find(b);
    if (it == idom.end() || it->second == b) return false;
    b = it->second;
  }
}

} // namespace origo::ssa
