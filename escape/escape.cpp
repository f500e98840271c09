//===- escape/escape.cpp - conservative escape analysis -------------------===//
/// \file
/// Every variable that could outlive its frame goes to the heap: those whose
/// address is taken (&x) and those referenced from a function literal. This
/// is sound and simple; gc's flow-based analysis replaces it later.
//===----------------------------------------------------------------------===//
#include "escape/escape.h"

namespace origo::escape {

using syntax::NodeId;
using syntax::NodeKind;

/// Walks n; inClosure is true below a function literal.
static void walk(const syntax::Tree &t, const types::FileInfo &fi, NodeId n, bool inClosure,
                 std::set<const types::Object *> &heap) {
  if (!n.valid()) return;
  const syntax::Node &node = t[n];
  if (node.kind == NodeKind::UnaryExpr && node.op == syntax::Tok::And) {
    NodeId x = t.kid(n, 0);
    while (t.kind(x) == NodeKind::ParenExpr) x = t.kid(x, 0);
    if (t.kind(x) == NodeKind::Ident)
      if (const types::Object *o = fi.uses[x.index])
        if (o->kind == types::ObjKind::Var && !o->isGlobal) heap.insert(o);
  }
  if (node.kind == NodeKind::Ident && inClosure) {
    // Conservatively: any local variable named inside a closure.
    if (const types::Object *o = fi.uses[n.index])
      if (o->kind == types::ObjKind::Var && !o->isGlobal) heap.insert(o);
  }
  bool closure = inClosure || node.kind == NodeKind::FuncLit;
  for (size_t i = 0; i < t.numKids(n); ++i) walk(t, fi, t.kid(n, i), closure, heap);
}

Facts analyze(const types::Package &pkg) {
  Facts f;
  for (const types::Object *fn : pkg.funcs) {
    if (!fn->tree) continue;
    walk(*fn->tree, pkg.infoFor(fn->tree), fn->tree->kid(fn->decl, syntax::FuncBody), false, f.heap_);
  }
  return f;
}

std::string dump(const Facts &facts, const types::Package &pkg, const SourceManager &sm) {
  std::string out;
  for (const types::Object *v : facts.heapVars())
    out += Diagnostics::formatPos(sm, v->pos, DiagOptions{}) + ": moved to heap: " + v->name + "\n";
  if (out.empty()) out = "# " + pkg.path + ": no variable escapes\n";
  return out;
}

} // namespace origo::escape
