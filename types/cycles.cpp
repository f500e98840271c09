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
  // Start at the object first in source; that is where gc reports.
  size_t i = 0;
  for (size_t k = 1; k < cycle.size(); ++k)
    if (cycle[k]->pos < cycle[i]->pos) i = k;
  Object *obj = cycle[i];
  std::string msg = obj->kind == ObjKind::TypeName ? "invalid recursive type " + obj->name
                                                   : "illegal cycle in declaration of " + obj->name;
  Pos at = obj->pos;
  for (size_t k = 0; k < cycle.size(); ++k) {
    msg += "\n\t" + Diagnostics::formatPos(sm_, obj->pos, DiagOptions{}) + ": " + obj->name + " refers to";
    i = (i + 1) % cycle.size();
    obj = cycle[i];
  }
  msg += "\n\t" + Diagnostics::formatPos(sm_, obj->pos, DiagOptions{}) + ": " + obj->name;
  error(at, msg);
}

void Checker::validType(const Type *named) {
  std::vector<const Type *> path;
  validType0(named, path);
}

bool Checker::validType0(const Type *t, std::vector<const Type *> &path) {
  if (!t) return true;
  switch (t->kind) {
  case TypeKind::Array:
    return validType0(t->elem, path);
  case TypeKind::Struct:
    for (const Field &f : t->fields)
      if (!validType0(f.type, path)) return false;
    return true;
  case TypeKind::Interface:
    for (const Type *e : t->embeddeds)
      if (!validType0(e, path)) return false;
    return true;
  case TypeKind::Union:
    for (const Type *e : t->list)
      if (!validType0(e, path)) return false;
    return true;
  case TypeKind::Named: {
    if (validTypes_.count(t)) return true;
    if (t->underlying == tt_.invalid()) return false;
    auto onPath = std::find(path.begin(), path.end(), t);
    if (onPath != path.end()) {
      // t contains itself: every type on the cycle is in this package.
      const_cast<Type *>(t)->underlying = tt_.invalid();
      std::vector<Object *> cycle;
      for (auto it = onPath; it != path.end(); ++it) cycle.push_back((*it)->obj);
      cycleError(cycle);
      return false;
    }
    // Follow the declaration's right-hand side (an instance's type is
    // already substituted into its underlying type).
    auto rhs = fromRHS_.find(t->origin ? t->origin : t);
    const Type *next = t->origin || rhs == fromRHS_.end() ? t->underlying : rhs->second;
    if (!next || !t->obj || t->obj->pkg != &pkg_) return true; // imported types are valid
    path.push_back(t);
    bool ok = validType0(next, path);
    path.pop_back();
    if (ok) validTypes_.insert(t);
    return ok;
  }
  default:
    return true;
  }
}

} // namespace origo::types
