//===- types/cycles.cpp - invalid declaration cycles ----------------------===//
/// \file
/// Declarations that refer back to themselves, after types2's validCycle,
/// cycleError (decl.go) and validType (validtype.go). A cycle found while
/// resolving declarations is allowed when it holds only constants and
/// variables (the initialization order reports those) or only types with
/// at least one type definition (`type T *T`); any other is reported. A
/// defined type must also not contain itself other than through an
/// indirection (pointer, slice, map, channel, function, interface method).
//===----------------------------------------------------------------------===//
#include "types/checker.h"

#include <algorithm>

namespace origo::types {

/// Whether a package-level type name is declared as an alias (`type A = B`).
static bool isAliasDecl(const Object *obj) {
  return obj->tree && obj->decl.valid() && (*obj->tree)[obj->decl].op == Tok::Assign;
}

/// Whether a package-level type name is declared with type parameters.
static bool isGenericDecl(const Object *obj) {
  return obj->tree && obj->decl.valid() && obj->tree->kind(obj->decl) == NodeKind::TypeSpec &&
         obj->tree->kid(obj->decl, syntax::TypeSpecParams).valid();
}

bool Checker::validCycle(size_t start) {
  size_t nval = 0, ndef = 0, n = objPath_.size() - start;
  bool tparCycle = false; // through a generic type's own type parameter list
  for (size_t i = start; i < objPath_.size() && !tparCycle; ++i) {
    Object *o = objPath_[i];
    if (o->kind == ObjKind::Const || o->kind == ObjKind::Var) ++nval;
    else if (o->kind == ObjKind::TypeName && inTParamList_ && isGenericDecl(o)) tparCycle = true;
    else if (o->kind == ObjKind::TypeName && !isAliasDecl(o)) ++ndef;
  }
  if (!tparCycle && nval == n) return true;
  if (!tparCycle && nval == 0 && ndef > 0) return true;
  cycleError(std::vector<Object *>(objPath_.begin() + long(start), objPath_.end()));
  return false;
}

void Checker::cycleError(const std::vector<Object *> &cycle) {
  std::vector<CycleStep> steps;
  for (Object *o : cycle) steps.push_back({o->name, o->pos});
  cycleError(steps, !cycle.empty() && cycle[0]->kind == ObjKind::TypeName);
}

void Checker::cycleError(const std::vector<CycleStep> &cycle, bool isType) {
  // Start at the step first in source; that is where gc reports.
  size_t i = 0;
  for (size_t k = 1; k < cycle.size(); ++k)
    if (cycle[k].pos < cycle[i].pos) i = k;
  const CycleStep *s = &cycle[i];
  std::string msg = isType ? "invalid recursive type " + s->name : "illegal cycle in declaration of " + s->name;
  Pos at = s->pos;
  for (size_t k = 0; k < cycle.size(); ++k) {
    msg += "\n\t" + Diagnostics::formatPos(sm_, s->pos, DiagOptions{}) + ": " + s->name + " refers to";
    i = (i + 1) % cycle.size();
    s = &cycle[i];
  }
  msg += "\n\t" + Diagnostics::formatPos(sm_, s->pos, DiagOptions{}) + ": " + s->name;
  error(at, msg);
}

void Checker::validType(const Type *named) {
  std::vector<const Type *> nest;
  std::vector<CycleStep> path;
  validType0(named, nest, path);
}

/// types2's validType0: nest holds the named types (instances included)
/// whose memory encloses t, path the same with where each is written; a
/// type parameter stands for its argument in the innermost instance.
bool Checker::validType0(const Type *t, std::vector<const Type *> &nest, std::vector<CycleStep> &path) {
  if (!t) return true;
  switch (t->kind) {
  case TypeKind::Array:
    return validType0(t->elem, nest, path);
  case TypeKind::Struct:
    for (const Field &f : t->fields)
      if (!validType0(f.type, nest, path)) return false;
    return true;
  case TypeKind::Interface:
    for (const Type *e : t->embeddeds)
      if (!validType0(e, nest, path)) return false;
    return true;
  case TypeKind::Union:
    for (const Type *e : t->list)
      if (!validType0(e, nest, path)) return false;
    return true;
  case TypeKind::Named: {
    if (validTypes_.count(t)) return true;
    if (t->underlying == tt_.invalid()) return false;
    if (std::find(nest.begin(), nest.end(), t) != nest.end()) {
      // t contains itself. (An imported type cannot: its package would
      // have been rejected.)
      const_cast<Type *>(t)->underlying = tt_.invalid();
      auto it = std::find_if(path.begin(), path.end(), [&](const CycleStep &s) { return s.type == t; });
      cycleError(std::vector<CycleStep>(it, path.end()), true);
      return false;
    }
    const Type *origin = t->origin ? t->origin : t;
    if (!t->obj) return true;
    const Type *rhs;
    if (origin->obj && origin->obj->pkg == &pkg_) {
      auto r = fromRHS_.find(origin);
      rhs = r != fromRHS_.end() ? r->second : origin->underlying;
    } else if (t->origin) {
      rhs = origin->underlying; // an imported generic type, with its parameters
    } else {
      return true; // an imported type refers to no type of this package
    }
    if (!rhs) return true;
    CycleStep step{t->obj->name, t->obj->pos, t};
    if (t->obj->pkg && t->obj->pkg != &pkg_) step.name = t->obj->pkg->name + "." + step.name;
    if (auto p = instPos_.find(t); p != instPos_.end()) step.pos = p->second;
    nest.push_back(t);
    path.push_back(step);
    bool ok = validType0(rhs, nest, path);
    nest.pop_back();
    path.pop_back();
    if (ok) validTypes_.insert(t);
    return ok;
  }
  case TypeKind::TypeParam: {
    if (nest.empty()) return true;
    const Type *inst = nest.back();
    if (!inst->origin) return true;
    const auto &tps = inst->origin->typeParams;
    for (size_t i = 0; i < tps.size() && i < inst->typeArgs.size(); ++i)
      if (tps[i] == t) {
        // The argument must be valid where the instance is written.
        std::vector<const Type *> outer(nest.begin(), nest.end() - 1);
        return validType0(inst->typeArgs[i], outer, path);
      }
    return true;
  }
  default:
    return true;
  }
}

} // namespace origo::types
