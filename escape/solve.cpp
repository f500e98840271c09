//===- escape/solve.cpp - which locations outlive their frame -------------===//
/// \file
/// gc's solver: from every location (the root) a shortest-path walk over
/// the reversed edges finds, for each location that flows to the root,
/// the fewest dereferences on the way (Bellman-Ford; counts below zero
/// are clamped, so cycles end). A location whose address (-1) reaches a
/// root that outlives it escapes and becomes a root itself; a parameter
/// whose value reaches the heap or one of its function's results leaks
/// there. Each location changes state at most once, so the walks are
/// quadratic at worst.
//===----------------------------------------------------------------------===//
#include "escape/graph.h"

namespace origo::escape {

namespace {

/// Whether root outlives other: values of other that flow to root must be
/// on the heap if they are addresses.
bool outlives(const Location *root, const Location *other) {
  if (root->escapes) return true;
  if (root->resultIndex >= 0) {
    // Callers may keep what a function returns; only a literal called
    // where it is written returns to a frame that outlives other.
    if (root->fn->calledDirectly && other->fn != root->fn && root->fn->within(other->fn)) return false;
    return true;
  }
  // Declared outside the loop other is allocated in.
  if (root->fn == other->fn && root->loopDepth < other->loopDepth) return true;
  // Declared in a function that a literal allocating other is nested in.
  if (other->fn != root->fn && other->fn && other->fn->within(root->fn)) return true;
  return false;
}

/// Records that parameter l reaches root with derefs.
void leakTo(Location *l, const Location *root, int derefs) {
  if (!root->escapes && root->resultIndex >= 0 && root->fn == l->fn) {
    size_t i = size_t(root->resultIndex);
    if (l->leaks.results.size() <= i) l->leaks.results.resize(i + 1, Leaks::None);
    l->leaks.add(l->leaks.results[i], derefs);
    return;
  }
  l->leaks.add(l->leaks.heap, derefs);
}

} // namespace

void Batch::solve() {
  std::vector<Location *> todo;
  auto enqueue = [&](Location *l) {
    if (!l->queued) {
      todo.push_back(l);
      l->queued = true;
    }
  };
  for (Location &l : locs) enqueue(&l);
  enqueue(&heap);
  uint32_t walkgen = 0;
  while (!todo.empty()) {
    Location *root = todo.back();
    todo.pop_back();
    root->queued = false;
    ++walkgen;
    root->walkgen = walkgen;
    root->derefs = 0;
    std::vector<Location *> work{root};
    while (!work.empty()) {
      Location *l = work.back();
      work.pop_back();
      int derefs = l->derefs;
      bool addressOf = derefs < 0;
      // root = &l; l = x: l's address flows to root, x's does not.
      if (addressOf) derefs = 0;
      if (outlives(root, l)) {
        if (l->paramIndex >= 0) leakTo(l, root, derefs);
        if (addressOf && !l->escapes) {
          l->escapes = true;
          enqueue(l);
          continue;
        }
      }
      for (const Edge &e : l->edges) {
        if (e.src->escapes) continue;
        int d = derefs + e.derefs;
        if (e.src->walkgen != walkgen || e.src->derefs > d) {
          e.src->walkgen = walkgen;
          e.src->derefs = d;
          work.push_back(e.src);
        }
      }
    }
  }
}

} // namespace origo::escape
