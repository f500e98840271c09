//===- tools/parsecheck/tree_diff.cpp - structural tree comparison --------===//
/// \file
/// Preorder walk over pairs of nodes with an explicit stack; each entry
/// remembers its parent entry so the path to a difference can be printed.
//===----------------------------------------------------------------------===//
#include "tools/parsecheck/tree_diff.h"

#include <vector>

namespace origo::parsecheck {

using syntax::NodeId;
using syntax::Tree;

namespace {

struct Entry {
  NodeId a, b;
  size_t parent; ///< index into the visited list, SIZE_MAX at the root
  size_t index;  ///< child index within the parent
};

std::string describe(const Tree &t, NodeId n) {
  if (!n.valid()) return "none";
  std::string s(syntax::nodeKindName(t.kind(n)));
  if (!t[n].text.empty()) s += " " + std::string(t[n].text);
  return s;
}

std::string pathOf(const Tree &a, const Tree &b, const std::vector<Entry> &visited, size_t at) {
  std::vector<size_t> chain;
  for (size_t i = at; i != SIZE_MAX; i = visited[i].parent) chain.push_back(i);
  std::string out;
  for (size_t k = chain.size(); k-- > 0;) {
    const Entry &e = visited[chain[k]];
    if (!out.empty()) out += '/';
    out += e.a.valid()   ? std::string(syntax::nodeKindName(a.kind(e.a)))
           : e.b.valid() ? std::string(syntax::nodeKindName(b.kind(e.b)))
                         : "none";
    if (e.parent != SIZE_MAX) out += "[" + std::to_string(e.index) + "]";
  }
  return out;
}

} // namespace

TreeDiff diffTrees(const Tree &a, const Tree &b) {
  std::vector<Entry> visited; // every pair compared so far, for paths
  std::vector<size_t> work;   // indices into visited, still to compare
  visited.push_back({a.root, b.root, SIZE_MAX, 0});
  work.push_back(0);
  while (!work.empty()) {
    size_t at = work.back();
    work.pop_back();
    Entry e = visited[at];
    TreeDiff d;
    if (e.a.valid() != e.b.valid()) {
      d.what = describe(a, e.a) + " vs " + describe(b, e.b);
    } else if (!e.a.valid()) {
      continue;
    } else if (a.kind(e.a) != b.kind(e.b)) {
      d.what = "kind " + describe(a, e.a) + " vs " + describe(b, e.b);
    } else if (a[e.a].op != b[e.b].op) {
      d.what = "operator " + std::string(syntax::tokSpelling(a[e.a].op)) + " vs " +
               std::string(syntax::tokSpelling(b[e.b].op));
    } else if (a[e.a].text != b[e.b].text) {
      d.what = "text " + std::string(a[e.a].text) + " vs " + std::string(b[e.b].text);
    } else if (a.numKids(e.a) != b.numKids(e.b)) {
      d.what = std::to_string(a.numKids(e.a)) + " children vs " +
               std::to_string(b.numKids(e.b));
    }
    if (!d.what.empty()) {
      d.same = false;
      d.a = e.a;
      d.b = e.b;
      d.path = pathOf(a, b, visited, at);
      return d;
    }
    // Push children last-first so they are compared in source order.
    for (size_t i = a.numKids(e.a); i-- > 0;) {
      visited.push_back({a.kid(e.a, i), b.kid(e.b, i), at, i});
      work.push_back(visited.size() - 1);
    }
  }
  if (a.directives.size() != b.directives.size()) {
    TreeDiff d;
    d.same = false;
    d.what = std::to_string(a.directives.size()) + " directives vs " +
             std::to_string(b.directives.size());
    return d;
  }
  for (size_t i = 0; i < a.directives.size(); ++i)
    if (a.directives[i].text != b.directives[i].text) {
      TreeDiff d;
      d.same = false;
      d.what = "directive //" + a.directives[i].text + " vs //" + b.directives[i].text;
      return d;
    }
  return {};
}

} // namespace origo::parsecheck
