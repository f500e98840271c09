//===- types/mono.cpp - unbounded instantiation cycles --------------------===//
/// \file
/// Generic code is compiled by monomorphization, so a generic function
/// that instantiates itself with ever larger type arguments
/// (f[T] calling f[[]T]) has no finite set of instances. As types2's
/// mono.go does, every instantiation inside the package adds edges to a
/// graph whose vertices are the package's type parameters: from each type
/// parameter mentioned in a type argument to the parameter it instantiates,
/// of weight 0 when the argument is that type parameter itself and 1 when
/// it is a larger type containing it. A cycle of positive weight is an
/// instantiation cycle; a longest-path variant of Bellman-Ford finds it.
//===----------------------------------------------------------------------===//
#include "types/checker.h"

#include <set>

namespace origo::types {

int Checker::monoVertex(const Type *tp) {
  auto [it, added] = monoIndex_.try_emplace(tp, int(monoVertices_.size()));
  if (added) monoVertices_.push_back({tp});
  return it->second;
}

void Checker::recordInstance(const std::vector<const Type *> &params, const std::vector<const Type *> &args,
                             const std::vector<Pos> &at) {
  for (size_t i = 0; i < params.size() && i < args.size(); ++i) {
    const Type *tpar = params[i];
    if (!tpar->obj || tpar->obj->pkg != &pkg_ || !args[i]) continue;
    const Type *targ = args[i];
    Pos pos = i < at.size() ? at[i] : (at.empty() ? Pos{} : at.back());
    // Every type parameter of this package that targ mentions flows into tpar.
    std::set<const Type *> seen;
    auto walk = [&](auto &self, const Type *t, int depth) -> void {
      if (!t || depth > 100 || !seen.insert(t).second) return;
      switch (t->kind) {
      case TypeKind::TypeParam:
        if (t->obj && t->obj->pkg == &pkg_)
          monoEdges_.push_back({monoVertex(t), monoVertex(tpar), t == targ ? 0 : 1, pos, targ});
        return;
      case TypeKind::Named:
        for (const Type *a : t->typeArgs) self(self, a, depth + 1);
        return;
      case TypeKind::Struct:
        for (const Field &f : t->fields) self(self, f.type, depth + 1);
        return;
      case TypeKind::Interface:
        for (const Object *m : t->methods) self(self, m->type, depth + 1);
        for (const Type *e : t->embeddeds) self(self, e, depth + 1);
        return;
      case TypeKind::Union:
      case TypeKind::Tuple:
      case TypeKind::Signature:
        for (const Type *e : t->list) self(self, e, depth + 1);
        return;
      default:
        self(self, t->key, depth + 1);
        self(self, t->elem, depth + 1);
        return;
      }
    };
    walk(walk, targ, 0);
  }
}

void Checker::monomorph() {
  // Longest paths; a path as long as the number of vertices contains a
  // cycle, and relaxing only ever lengthens paths along positive cycles.
  size_t n = monoVertices_.size();
  for (bool again = true; again;) {
    again = false;
    for (size_t i = 0; i < monoEdges_.size(); ++i) {
      const MonoEdge &e = monoEdges_[i];
      MonoVertex &src = monoVertices_[e.src], &dst = monoVertices_[e.dst];
      int w = src.weight + e.weight;
      if (w <= dst.weight) continue;
      dst.pre = int(i);
      dst.len = src.len + 1;
      if (size_t(dst.len) == n) {
        reportInstanceLoop(e.dst);
        return;
      }
      dst.weight = w;
      again = true;
    }
  }
}

void Checker::reportInstanceLoop(int v) {
  // v ends a path that contains a cycle; walk back to the first vertex
  // seen twice, then keep only the cycle.
  std::vector<int> stack;
  std::vector<bool> seen(monoVertices_.size());
  while (!seen[size_t(v)]) {
    stack.push_back(v);
    seen[size_t(v)] = true;
    v = monoEdges_[size_t(monoVertices_[size_t(v)].pre)].src;
  }
  while (stack.front() != v) stack.erase(stack.begin());
  std::string msg = "instantiation cycle:";
  for (int u : stack) {
    const MonoEdge &e = monoEdges_[size_t(monoVertices_[size_t(u)].pre)];
    msg += "\n\t" + Diagnostics::formatPos(sm_, e.pos, DiagOptions{}) + ": " + monoVertices_[size_t(e.dst)].tp->obj->name +
           " instantiated as " + typeString(e.typ, &pkg_);
  }
  error(monoVertices_[size_t(v)].tp->obj->pos, msg);
}

} // namespace origo::types
