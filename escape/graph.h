//===- escape/graph.h - the escape graph (private to escape/) ---*- C++ -*-===//
/// \file
/// The data-flow graph of one batch of functions (a strongly connected
/// component of the static call graph, with the function literals inside
/// it), as gc's escape analysis builds it: locations (variables,
/// parameters, results, allocation sites, temporaries and the heap) and
/// edges "src flows to dst with derefs", where derefs is -1 for an
/// address (&x), 0 for a copy and +k for k indirections (*p).
/// flows.cpp adds the edges from the typed tree, solve.cpp finds which
/// locations outlive their frame, escape.cpp runs the batches bottom-up.
//===----------------------------------------------------------------------===//
#pragma once

#include "escape/escape.h"

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace origo::escape {

struct Location;

/// One incoming edge: src's value, dereferenced derefs times, flows here.
struct Edge {
  Location *src;
  int derefs;
};

/// What a parameter leaks to: the fewest dereferences on a path to the
/// heap or to each result; None when there is no such path.
struct Leaks {
  static constexpr int None = -1;
  int heap = None;
  std::vector<int> results;
  bool empty() const {
    if (heap != None) return false;
    for (int r : results)
      if (r != None) return false;
    return true;
  }
  void add(int &slot, int derefs) {
    if (slot == None || derefs < slot) slot = derefs;
  }
  /// Drops leaks to results that the heap leak subsumes (gc's Optimize).
  void optimize() {
    if (heap == None) return;
    for (int &r : results)
      if (r != None && r >= heap) r = None;
  }
};

/// A function body of the batch: a declared function or a literal.
struct Fn {
  const types::Object *obj = nullptr; ///< the declared function (null for literals)
  const syntax::Tree *tree = nullptr;
  syntax::NodeId node; ///< FuncDecl or FuncLit
  Fn *outer = nullptr; ///< the function a literal is written in
  bool calledDirectly = false; ///< a literal only called where it is written: func(){...}()
  std::vector<Location *> params;  ///< receiver first; null for blank or unnamed ones
  std::vector<Location *> results; ///< in order (unnamed ones too)
  /// Whether this function is f or a literal nested in f, at any depth.
  bool within(const Fn *f) const {
    for (const Fn *c = this; c; c = c->outer)
      if (c == f) return true;
    return false;
  }
};

struct Location {
  enum Kind : uint8_t { Heap, Var, Alloc, Temp } kind = Temp;
  const types::Object *var = nullptr; ///< Var
  AllocSite site;                     ///< Alloc
  std::string what;                   ///< Alloc: as gc's messages name it
  Fn *fn = nullptr;                   ///< the function it belongs to (null: heap)
  int loopDepth = 0;
  int paramIndex = -1;  ///< a parameter of fn (receiver 0 for methods)
  int resultIndex = -1; ///< a result of fn
  std::vector<Edge> edges;
  bool escapes = false;
  // Variables: for capture by value (gc: never reassigned after its
  // definition, address never taken, at most 128 bytes).
  bool addrTaken = false;
  bool reassigned = false;
  bool captured = false;
  Leaks leaks; ///< parameters
  // Walk state (solve.cpp).
  bool queued = false;
  uint32_t walkgen = 0;
  int derefs = 0;
};

/// Where an expression's value goes: dst (null: nowhere) receiving it
/// dereferenced derefs times.
/// addrTaken: the last shift took an address (kept for discarded values
/// too: a variable whose address is taken is not captured by value).
struct Hole {
  Location *dst = nullptr;
  int derefs = 0;
  bool addrTaken = false;
  Hole shift(int d) const {
    Hole h = *this;
    h.derefs = std::max(-1, derefs + d);
    h.addrTaken = d < 0;
    return h;
  }
  Hole addr() const { return shift(-1); }
  Hole deref() const { return shift(1); }
};

/// A closure and the variables it captures (edges added once capture
/// modes are known).
struct ClosureFlow {
  Location *closure;
  std::vector<const types::Object *> vars;
};

/// The graph of one batch.
struct Batch {
  std::deque<Location> locs; ///< stable addresses
  Location heap;
  std::vector<std::unique_ptr<Fn>> fns;
  std::map<const types::Object *, Location *> vars;
  std::vector<ClosureFlow> closures;
  std::set<const types::Object *> byValue; ///< captured by value

  Batch() { heap.kind = Location::Heap; heap.escapes = true; }
  Location *newLoc(Location::Kind k, Fn *fn, int depth) {
    locs.emplace_back();
    Location &l = locs.back();
    l.kind = k;
    l.fn = fn;
    l.loopDepth = depth;
    return &l;
  }
  /// dst.dst receives src (dereferenced as the hole says).
  void flow(Hole dst, Location *src) {
    if (dst.addrTaken) src->addrTaken = true;
    if (!dst.dst || (dst.dst == src && dst.derefs == 0)) return;
    dst.dst->edges.push_back({src, dst.derefs});
  }
  /// Finds which locations escape and what parameters leak to (solve.cpp).
  void solve();
};

/// Parameter tags of the functions analyzed so far, receiver first.
using Tags = std::map<const types::Object *, std::vector<Leaks>>;

/// Adds to b the functions decls (one batch: declared, non-generic
/// functions with bodies), the literals inside them, and their flows;
/// calls of functions outside the batch use tags.
void buildFlows(Batch &b, const types::Package &pkg, const std::vector<const types::Object *> &decls, const Tags &tags);

} // namespace origo::escape
