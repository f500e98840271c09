//===- escape/escape.h - public interface of escape/ ------------*- C++ -*-===//
/// \file
/// Escape analysis, as gc's: a data-flow graph of locations per batch of
/// functions (bottom-up over the static call graph) decides which
/// variables and allocations (new, &T{}, slice literals, make([]T, n),
/// closures, method values) outlive their frame and must live on the
/// heap, which variables closures capture by value, and what each
/// parameter leaks to (README.md). Later stages ask only through Facts;
/// what the analysis did not see (generic code, package initializers)
/// answers "heap", so every answer is safe.
//===----------------------------------------------------------------------===//
#pragma once

#include "types/types.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace origo::escape {

/// An allocation site: the node of `new(T)` (CallExpr), `&T{...}`
/// (UnaryExpr), a slice literal or an elided `{...}` standing for &T{...}
/// (CompositeLit), `make([]T, n)` (CallExpr), a function literal
/// (FuncLit) or a method value `x.m` (SelectorExpr).
struct AllocSite {
  const syntax::Tree *tree = nullptr;
  syntax::NodeId node;
  friend bool operator<(const AllocSite &a, const AllocSite &b) {
    return a.tree != b.tree ? std::less<const syntax::Tree *>()(a.tree, b.tree) : a.node.index < b.node.index;
  }
};

/// What the rest of the compiler needs to know about escapes.
class Facts {
public:
  /// Whether variable v, when it lives in memory (address taken, captured
  /// by reference), needs a heap cell; otherwise a stack slot will do.
  bool onHeap(const types::Object *v) const { return stackVars_.count(v) == 0; }
  /// Whether the allocation at node n of tree t must be on the heap.
  bool escapes(const syntax::Tree *t, syntax::NodeId n) const { return stackAllocs_.count({t, n}) == 0; }
  /// Whether closures capture v by value: a copy in the closure object
  /// instead of the address of a shared cell (v is never assigned after
  /// its definition, its address is never taken, it has at most 128 bytes).
  bool byValue(const types::Object *v) const { return byValue_.count(v) != 0; }

  /// A gc `-m` line: `moved to heap: x`, `new(int) does not escape`, ...
  struct Message {
    Pos pos;
    std::string text;
  };
  /// The decisions in gc's words, sorted by position.
  const std::vector<Message> &messages() const { return messages_; }

private:
  friend class Analysis;
  std::set<const types::Object *> stackVars_;
  std::set<AllocSite> stackAllocs_;
  std::set<const types::Object *> byValue_;
  std::vector<Message> messages_;
};

/// Analyzes a type-checked package.
Facts analyze(const types::Package &pkg);

/// The `-stop-after=escape` dump: gc's `-m` lines (`x.go:3:2: moved to
/// heap: x`), sorted by position, or a note that there are none.
std::string dump(const Facts &facts, const types::Package &pkg, const SourceManager &sm);

} // namespace origo::escape
