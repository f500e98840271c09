//===- types/initorder.cpp - package initialization order -----------------===//
/// \file
/// Orders the initialization of package-level variables (spec "Package
/// initialization") and reports initialization cycles, after types2's
/// initorder.go: the references recorded while checking (deps_) form a
/// graph of constants, variables and functions; functions are removed by
/// linking their callers to their callees; then the node with the fewest
/// outstanding dependencies (earliest in source on ties) is taken
/// repeatedly. A node taken while it still has dependencies is on a cycle,
/// reported as gc does ("initialization loop for x" and the path).
//===----------------------------------------------------------------------===//
#include "types/checker.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace origo::types {

namespace {

/// One constant, variable or function in the dependency graph.
struct InitNode {
  Object *obj;
  std::set<int> pred, succ; ///< dependents and dependencies, by node index
  int ndeps = 0;            ///< dependencies not yet initialized
  bool queued = false;
};

} // namespace

/// Finds a path of references from `from` to `to`, returned reversed
/// ({to, ..., first step}); empty if there is none.
static std::vector<int> findPath(const std::vector<std::vector<int>> &deps, int from, int to,
                                 std::vector<bool> &seen) {
  if (seen[size_t(from)]) return {};
  seen[size_t(from)] = true;
  for (int d : deps[size_t(from)]) {
    if (d == to) return {d};
    std::vector<int> p = findPath(deps, d, to, seen);
    if (!p.empty()) {
      p.push_back(d);
      return p;
    }
  }
  return {};
}

void Checker::reportInitCycle(const std::vector<Object *> &cycle) {
  // cycle is {x, ..., first step of x}: print x, then the steps in order.
  auto line = [&](Object *o, const char *suffix) {
    return "\n\t" + Diagnostics::formatPos(sm_, o->pos, DiagOptions{}) + ": " + o->name + suffix;
  };
  Object *obj = cycle.front();
  std::string msg = "initialization loop for " + obj->name;
  for (size_t i = cycle.size(); i-- > 0;) {
    msg += line(obj, " refers to");
    obj = cycle[i];
  }
  msg += line(obj, "");
  error(cycle.front()->pos, msg);
}

void Checker::computeInitOrder() {
  // 1. Nodes in source order: constants, variables, functions and methods.
  std::vector<InitNode> nodes;
  std::map<Object *, int> index;
  auto add = [&](Object *o) {
    if (index.count(o)) return;
    index[o] = int(nodes.size());
    nodes.push_back({o, {}, {}, 0, false});
  };
  for (Object *o : pkgObjects_)
    if (o->kind != ObjKind::TypeName) add(o);
  for (Object *f : pkg_.funcs) add(f);

  // 2. Edges from the recorded references, each list in source order so
  // that cycle reports are deterministic.
  std::vector<std::vector<int>> deps(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    auto it = deps_.find(nodes[i].obj);
    if (it == deps_.end()) continue;
    for (Object *d : it->second) {
      auto j = index.find(d);
      if (j == index.end()) continue;
      deps[i].push_back(j->second);
      nodes[i].succ.insert(j->second);
      nodes[size_t(j->second)].pred.insert(int(i));
    }
    std::sort(deps[i].begin(), deps[i].end());
  }

  // 3. Remove functions: each caller depends on what the function depends
  // on. Cheap functions go first, as the cost of the later ones grows.
  std::vector<int> funcs;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].obj->kind == ObjKind::Func) funcs.push_back(int(i));
  auto cost = [&](int i) { return nodes[size_t(i)].pred.size() * nodes[size_t(i)].succ.size(); };
  std::stable_sort(funcs.begin(), funcs.end(), [&](int a, int b) { return cost(a) < cost(b); });
  for (int f : funcs) {
    InitNode &n = nodes[size_t(f)];
    for (int p : n.pred) {
      if (p == f) continue; // recursion is fine
      for (int s : n.succ) {
        if (s == f) continue;
        nodes[size_t(p)].succ.insert(s);
        nodes[size_t(s)].pred.insert(p);
      }
      nodes[size_t(p)].succ.erase(f);
    }
    for (int s : n.succ)
      if (s != f) nodes[size_t(s)].pred.erase(f);
  }

  // 4. Take nodes by (outstanding dependencies, source order).
  std::set<std::pair<int, int>> queue;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].obj->kind == ObjKind::Func) continue;
    nodes[i].ndeps = int(nodes[i].succ.size());
    nodes[i].queued = true;
    queue.insert({nodes[i].ndeps, int(i)});
  }
  std::set<std::pair<const syntax::Tree *, uint32_t>> emitted;
  while (!queue.empty()) {
    auto [ndeps, i] = *queue.begin();
    queue.erase(queue.begin());
    InitNode &n = nodes[size_t(i)];
    n.queued = false;
    if (ndeps > 0) {
      // On a cycle, or depending on one; only the former is reported (the
      // cycle is broken below, so each is reported once).
      std::vector<bool> seen(nodes.size());
      std::vector<int> path = findPath(deps, i, i, seen);
      if (!path.empty()) {
        std::vector<Object *> cycle;
        for (int k : path) cycle.push_back(nodes[size_t(k)].obj);
        reportInitCycle(cycle);
      }
    }
    for (int p : n.pred) {
      InitNode &pn = nodes[size_t(p)];
      if (!pn.queued) continue;
      queue.erase({pn.ndeps, p});
      --pn.ndeps;
      queue.insert({pn.ndeps, p});
    }
    Object *v = n.obj;
    if (v->kind != ObjKind::Var || !v->tree) continue;
    NodeId values = v->tree->kid(v->decl, 2);
    if (!values.valid()) continue;
    std::vector<Object *> lhs;
    for (Object *o : pkg_.globals)
      if (o->decl == v->decl && o->tree == v->tree) lhs.push_back(o);
    size_t nvals = v->tree->numKids(values);
    if (nvals > 1 && nvals == lhs.size()) {
      // a, b = x, y: each variable by itself.
      int k = int(std::find(lhs.begin(), lhs.end(), v) - lhs.begin());
      pkg_.initOrder.push_back({{v}, v->tree, values, k});
      continue;
    }
    // a, b = f(): the spec is initialized once, for all its variables.
    if (!emitted.insert({v->tree, v->decl.index}).second) continue;
    pkg_.initOrder.push_back({lhs, v->tree, values, -1});
  }
}

} // namespace origo::types
