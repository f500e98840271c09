//===- escape/escape.cpp - escape analysis of a package -------------------===//
/// \file
/// Runs gc's escape analysis over a package: the declared functions are
/// grouped into strongly connected components of the static call graph
/// (Tarjan) and analyzed callees first, one batch per component, so that
/// each call outside the batch can use the callee's parameter tags. The
/// decisions become Facts and gc's `-m` messages.
//===----------------------------------------------------------------------===//
#include "escape/escape.h"

#include "escape/graph.h"
#include "types/layout.h"

#include <algorithm>
#include <functional>

namespace origo::escape {

using syntax::NodeId;
using syntax::NodeKind;
using types::Object;

class Analysis {
public:
  Analysis(const types::Package &pkg, Facts &facts) : pkg_(pkg), facts_(facts) {}

  void run() {
    for (const Object *fn : pkg_.funcs) {
      if (!fn->tree || !fn->type || !fn->tree->kid(fn->decl, syntax::FuncBody).valid()) continue;
      // Generic code is compiled per instance, with other types: the
      // analysis leaves it alone (its answers default to the heap).
      if (!fn->type->typeParams.empty() || (fn->recvType && !fn->recvType->typeParams.empty())) continue;
      decls_.push_back(fn);
      index_[fn] = decls_.size() - 1;
    }
    for (const Object *fn : decls_) callees_.push_back(references(fn));
    for (size_t i = 0; i < decls_.size(); ++i)
      if (num_[i] == 0) strongConnect(i);
    std::stable_sort(facts_.messages_.begin(), facts_.messages_.end(),
                     [](const Facts::Message &a, const Facts::Message &b) { return a.pos < b.pos; });
  }

private:
  const types::Package &pkg_;
  Facts &facts_;
  std::vector<const Object *> decls_;
  std::map<const Object *, size_t> index_;
  std::vector<std::vector<size_t>> callees_;
  Tags tags_;
  // Tarjan's state.
  std::map<size_t, size_t> num_, low_;
  std::vector<size_t> stack_;
  std::set<size_t> onStack_;
  size_t counter_ = 0;

  /// The functions of the package fn's body (literals included) names.
  std::vector<size_t> references(const Object *fn) {
    const syntax::Tree &t = *fn->tree;
    const types::FileInfo &info = pkg_.infoFor(fn->tree);
    std::vector<size_t> out;
    std::vector<NodeId> work{t.kid(fn->decl, syntax::FuncBody)};
    while (!work.empty()) {
      NodeId n = work.back();
      work.pop_back();
      if (!n.valid()) continue;
      if (t.kind(n) == NodeKind::Ident) {
        auto it = index_.find(info.uses[n.index]);
        if (it != index_.end()) out.push_back(it->second);
      }
      for (size_t i = 0; i < t.numKids(n); ++i) work.push_back(t.kid(n, i));
    }
    return out;
  }

  void strongConnect(size_t v) {
    num_[v] = low_[v] = ++counter_;
    stack_.push_back(v);
    onStack_.insert(v);
    for (size_t w : callees_[v]) {
      if (num_[w] == 0) {
        strongConnect(w);
        low_[v] = std::min(low_[v], low_[w]);
      } else if (onStack_.count(w)) {
        low_[v] = std::min(low_[v], num_[w]);
      }
    }
    if (low_[v] != num_[v]) return;
    std::vector<const Object *> scc;
    for (;;) {
      size_t w = stack_.back();
      stack_.pop_back();
      onStack_.erase(w);
      scc.push_back(decls_[w]);
      if (w == v) break;
    }
    std::reverse(scc.begin(), scc.end());
    batch(scc);
  }

  void say(Pos p, std::string text) { facts_.messages_.push_back({p, std::move(text)}); }

  void batch(const std::vector<const Object *> &scc) {
    Batch b;
    buildFlows(b, pkg_, scc, tags_);
    b.solve();
    for (Location &l : b.locs) {
      if (l.kind == Location::Var) {
        if (l.escapes) say(l.var->pos, "moved to heap: " + l.var->name);
        else facts_.stackVars_.insert(l.var);
      } else if (l.kind == Location::Alloc) {
        const syntax::Node &n = (*l.site.tree)[l.site.node];
        if (l.escapes) {
          say(n.pos, l.what + " escapes to heap");
        } else {
          say(n.pos, l.what + " does not escape");
          facts_.stackAllocs_.insert(l.site);
        }
      }
    }
    facts_.byValue_.insert(b.byValue.begin(), b.byValue.end());
    for (auto &f : b.fns) {
      std::vector<Leaks> tags;
      for (Location *p : f->params) {
        Leaks lk = p ? p->leaks : Leaks{};
        lk.results.resize(f->results.size(), Leaks::None);
        lk.optimize();
        tags.push_back(lk);
        if (p && p->var) report(*f, *p, lk);
      }
      if (f->obj) tags_[f->obj] = tags;
    }
  }

  /// gc's messages for a parameter of pointer-holding type.
  void report(const Fn &f, const Location &p, const Leaks &lk) {
    const Object *o = p.var;
    if (p.escapes || o->name.empty() || o->name == "_" || !hasPointers(o->type)) return;
    if (lk.empty()) {
      say(o->pos, o->name + " does not escape");
      return;
    }
    if (lk.heap == 0) say(o->pos, "leaking param: " + o->name);
    else if (lk.heap > 0) say(o->pos, "leaking param content: " + o->name);
    for (size_t j = 0; j < lk.results.size(); ++j) {
      if (lk.results[j] == Leaks::None) continue;
      const Object *r = f.results[j] ? f.results[j]->var : nullptr;
      std::string rn = r && !r->name.empty() && r->name != "_" ? r->name : "~r" + std::to_string(j);
      say(o->pos, "leaking param: " + o->name + " to result " + rn + " level=" + std::to_string(lk.results[j]));
    }
  }
};

Facts analyze(const types::Package &pkg) {
  Facts f;
  Analysis(pkg, f).run();
  return f;
}

std::string dump(const Facts &facts, const types::Package &pkg, const SourceManager &sm) {
  std::string out;
  for (const Facts::Message &m : facts.messages())
    out += Diagnostics::formatPos(sm, m.pos, DiagOptions{}) + ": " + m.text + "\n";
  if (out.empty()) out = "# " + pkg.path + ": no escape decisions\n";
  return out;
}

} // namespace origo::escape
