//===- types/selector.cpp - selectors, field and method lookup ------------===//
/// \file
/// x.f (spec "Selectors", "Method sets"): qualified identifiers of imported
/// packages, fields and methods found through embedded fields at the
/// shallowest depth (ambiguity at equal depth is an error), method values
/// and method expressions; and the method-set test behind interface
/// assignability. After types2's lookup.go and selector handling in call.go.
//===----------------------------------------------------------------------===//
#include "types/checker.h"

#include <algorithm>
#include <cctype>

#include <map>

namespace origo::types {

/// Methods declared on a named type (not through embedding).
static Object *declaredMethod(const Type *named, const std::string &name) {
  if (named->kind != TypeKind::Named) return nullptr;
  if (named->origin) named = named->origin; // instances have their generic type's methods
  for (Object *m : named->methods)
    if (m->name == name) return m;
  return nullptr;
}

LookupResult lookupFieldOrMethod(const Type *T, const std::string &name, const Package *from) {
  if (T->kind == TypeKind::Named && !T->origin && under(T)->kind == TypeKind::Pointer) {
    // A defined pointer type (type P *S): x.f is (*x).f for a field f of
    // S, never a method (spec "Selectors").
    LookupResult f = lookupFieldOrMethod(under(T), name, from);
    return f.field ? f : LookupResult{};
  }
  LookupResult r;
  bool ptr = false;
  if (T->kind == TypeKind::Pointer && under(T->elem)->kind != TypeKind::Interface &&
      (T->elem->kind == TypeKind::Named || under(T->elem)->kind == TypeKind::Struct)) {
    T = T->elem;
    ptr = true;
  }
  auto sameName = [&](const std::string &n, const Package *pkg) {
    if (n != name) return false;
    if (!Checker::exported(n) && pkg && from && pkg != from) return false;
    return true;
  };
  struct Entry { const Type *type; std::vector<int> path; bool indirect; };
  std::vector<Entry> current{{T, {}, ptr}};
  std::set<const Type *> seen;
  while (!current.empty()) { // one embedding depth per iteration
    std::vector<Entry> next;
    int found = 0;
    LookupResult cand;
    for (const Entry &e : current) {
      const Type *t = e.type;
      if (t->kind == TypeKind::Named) {
        if (!seen.insert(t).second) continue;
        if (Object *m = declaredMethod(t, name); m && sameName(m->name, m->pkg)) {
          ++found;
          cand = LookupResult{m, nullptr, e.path, e.indirect, false};
          cand.owner = t;
          continue;
        }
      }
      const Type *u = isTypeParam(t) && t->constraint ? under(t->constraint) : under(t);
      if (u->kind == TypeKind::Struct) {
        for (size_t i = 0; i < u->fields.size(); ++i) {
          const Field &f = u->fields[i];
          if (sameName(f.name, f.pkg)) {
            ++found;
            cand = LookupResult{nullptr, &f, e.path, e.indirect, false};
            cand.path.push_back(int(i));
            continue;
          }
          if (f.embedded && found == 0) {
            const Type *ft = f.type;
            bool ind = e.indirect;
            if (ft->kind == TypeKind::Pointer) {
              ft = ft->elem;
              ind = true;
            }
            std::vector<int> p = e.path;
            p.push_back(int(i));
            next.push_back({ft, p, ind});
          }
        }
      } else if (u->kind == TypeKind::Interface) {
        for (Object *m : interfaceMethods(u))
          if (sameName(m->name, m->pkg)) {
            ++found;
            cand = LookupResult{m, nullptr, e.path, e.indirect, false};
            cand.interfaceMethod = true;
          }
      }
    }
    if (found == 1) return cand;
    if (found > 1) {
      r.ambiguous = true;
      return r;
    }
    current = std::move(next);
  }
  return r;
}

std::vector<MethodSetEntry> methodSetOf(const Type *t) {
  bool ptr = t->kind == TypeKind::Pointer;
  const Type *base = ptr ? t->elem : t;
  std::vector<MethodSetEntry> out;
  // Defined types, and struct literal types, which have the methods
  // promoted from their embedded fields.
  if ((base->kind != TypeKind::Named && base->kind != TypeKind::Struct) || isInterface(base) ||
      under(base)->kind == TypeKind::Pointer)
    return out;
  // Every method name reachable through embedded fields is a candidate;
  // lookupFieldOrMethod decides which one x.name denotes, if any.
  std::set<std::pair<std::string, const Package *>> names;
  std::set<const Type *> seen;
  std::vector<const Type *> work{base};
  while (!work.empty()) {
    const Type *x = work.back();
    work.pop_back();
    if (x->kind == TypeKind::Pointer) x = x->elem;
    if (!seen.insert(x).second) continue;
    const Type *n = x->kind == TypeKind::Named && x->origin ? x->origin : x;
    if (n->kind == TypeKind::Named)
      for (Object *m : n->methods) names.insert({m->name, m->pkg});
    const Type *u = under(x);
    if (u->kind == TypeKind::Interface && x != base)
      for (Object *m : interfaceMethods(u)) names.insert({m->name, m->pkg});
    if (u->kind == TypeKind::Struct)
      for (const Field &f : u->fields)
        if (f.embedded) work.push_back(f.type);
  }
  for (auto &[name, pkg] : names) {
    if (name == "_") continue; // blank methods are in no method set (spec "Method sets")
    LookupResult r = lookupFieldOrMethod(t, name, pkg);
    if (!r.method || r.ambiguous) continue;
    if (!ptr && r.method->ptrRecv && !r.indirect && !r.interfaceMethod) continue;
    out.push_back({r.method, r.path, r.indirect, r.interfaceMethod});
  }
  auto key = [](const MethodSetEntry &e) {
    const Object *m = e.method;
    return std::make_pair(m->name, isExportedName(m->name) || !m->pkg ? std::string() : m->pkg->path);
  };
  std::sort(out.begin(), out.end(), [&](const auto &a, const auto &b) { return key(a) < key(b); });
  return out;
}

std::string typeLinkName(const Type *t) {
  if (!t->obj) return t->kind == TypeKind::Named ? "?" : typeString(t, nullptr);
  std::string s = t->obj->name;
  const Package *p = t->obj->pkg;
  if (!p) return s;
  s = p->path + "." + s;
  if (p->scope && p->scope->lookupLocal(t->obj->name) != t->obj)
    s += "\u00b7" + std::to_string(t->obj->pos.file) + "." + std::to_string(t->obj->pos.line) + "." +
         std::to_string(t->obj->pos.col);
  return s;
}

std::string instanceMethodName(const Type *inst, const std::string &m, bool ptr) {
  std::string tn = inst->origin->obj->name + "[";
  for (size_t i = 0; i < inst->typeArgs.size(); ++i) tn += (i ? "," : "") + typeString(inst->typeArgs[i]);
  tn += "]";
  const Package *p = inst->origin->obj->pkg;
  return (p ? p->path + "." : "") + (ptr ? "(*" + tn + ")" : tn) + "." + m;
}

std::string ptrMethodName(const Type *t, const std::string &m) {
  std::string n = typeLinkName(t);
  size_t dot = t->obj && t->obj->pkg ? t->obj->pkg->path.size() : std::string::npos;
  if (dot == std::string::npos) return "(*" + n + ")." + m;
  return n.substr(0, dot) + ".(*" + n.substr(dot + 1) + ")." + m;
}

bool Checker::missingMethod(const Type *V, const Type *T, std::string &missing) {
  // The reasons read as types2's missingMethodReason with compiler error
  // messages: "(missing M method)", "(M method has pointer receiver)".
  auto isInterfacePtr = [](const Type *t) {
    return under(t)->kind == TypeKind::Pointer && isInterface(under(t)->elem);
  };
  auto funcString = [&](const std::string &name, const Type *sig) {
    std::string s = typeString(sig, &pkg_);
    return name + (s.rfind("func", 0) == 0 ? s.substr(4) : s);
  };
  for (Object *m : interfaceMethods(T)) {
    LookupResult r = lookupFieldOrMethod(V, m->name, m->pkg);
    if (r.method && !r.method->type && r.method->tree) objDecl(r.method);
    if (!r.method) {
      // A method whose name differs only in the case of its first letter
      // is shown (types2 looks up names case-insensitively for this).
      std::string other = m->name;
      if (!other.empty() && std::isalpha(static_cast<unsigned char>(other[0])))
        other[0] = std::isupper(static_cast<unsigned char>(other[0])) ? char(std::tolower(other[0]))
                                                                      : char(std::toupper(other[0]));
      LookupResult alt = other != m->name ? lookupFieldOrMethod(V, other, m->pkg) : LookupResult{};
      if (alt.method && !alt.method->type && alt.method->tree) objDecl(alt.method);
      if (isInterfacePtr(V) || isInterfacePtr(T))
        missing = "(type " + typeString(isInterfacePtr(V) ? V : T, &pkg_) + " is pointer to interface, not interface)";
      else if (alt.method && alt.method->type)
        missing = "(missing " + m->name + " method)\n\t\thave " + funcString(other, methodType(alt)) +
                  "\n\t\twant " + funcString(m->name, m->type);
      else
        missing = "(missing " + m->name + " method)";
      return true;
    }
    if (methodType(r) != m->type) {
      missing = "(wrong type for " + m->name + " method)\n\t\thave " + funcString(m->name, methodType(r)) +
                "\n\t\twant " + funcString(m->name, m->type);
      return true;
    }
    // Pointer-receiver methods are not in the method set of a value.
    if (!r.interfaceMethod && r.method->ptrRecv && V->kind != TypeKind::Pointer && !r.indirect) {
      missing = "(" + m->name + " method has pointer receiver)";
      return true;
    }
  }
  return false;
}

bool Checker::inExportData(const Package *p, const Object *o) {
  auto [it, added] = exportedTypeNames_.try_emplace(p);
  std::set<const Object *> &names = it->second;
  if (added) {
    // The type names of p that the types of its exported objects reach.
    std::set<const Type *> seen;
    auto walk = [&](auto &self, const Type *t) -> void {
      if (!t || !seen.insert(t).second) return;
      if (t->kind == TypeKind::Named) {
        if (t->obj && t->obj->pkg == p) names.insert(t->obj);
        for (const Type *a : t->typeArgs) self(self, a);
        self(self, t->underlying);
        for (const Object *m : t->methods)
          if (isExportedName(m->name)) self(self, m->type);
        return;
      }
      self(self, t->elem);
      self(self, t->key);
      for (const Type *e : t->list) self(self, e);
      for (const Field &f : t->fields) self(self, f.type);
      for (const Object *m : t->methods) self(self, m->type);
      for (const Type *e : t->embeddeds) self(self, e);
    };
    for (const Object *obj : p->scope->objects())
      if (isExportedName(obj->name)) walk(walk, obj->type);
  }
  return names.count(o) > 0;
}

void Checker::selector(Operand &x, NodeId e) {
  const Tree &t = *tree_;
  NodeId X = t.kid(e, 0), selId = t.kid(e, 1);
  std::string sel(t[selId].text);
  x = Operand{};
  x.expr = e;
  // A qualified identifier: pkg.Name.
  if (t.kind(X) == NodeKind::Ident) {
    Object *o = scope_->lookup(std::string(t[X].text));
    if (o && o->kind == ObjKind::PkgName) {
      info_->uses[X.index] = o;
      o->used = true;
      Package *p = o->imported;
      Object *m = p && p->scope ? p->scope->lookupLocal(sel) : nullptr;
      if (!m || !exported(sel)) {
        // gc reads imports from export data, which holds the unexported
        // names only where exported declarations refer to them.
        if (m && inExportData(p, m)) errorAt(selId, sel + " not exported by package " + p->name);
        else errorAt(selId, "undefined: " + std::string(t[X].text) + "." + sel);
        x.mode = Mode::Invalid;
        return;
      }
      info_->uses[selId.index] = m;
      x.type = m->type ? m->type : tt_.invalid();
      switch (m->kind) {
      case ObjKind::Const: x.mode = Mode::Constant; x.val = m->value; break;
      case ObjKind::TypeName: x.mode = Mode::TypeExpr; break;
      case ObjKind::Var: x.mode = Mode::Variable; break;
      case ObjKind::Func: x.mode = Mode::Value; break;
      case ObjKind::Builtin: x.mode = Mode::Builtin; x.builtin = m->builtin; break;
      default: x.mode = Mode::Invalid;
      }
      if (x.mode == Mode::Constant && !x.val) x.mode = Mode::Invalid;
      return;
    }
  }
  Operand base;
  rawExpr(base, X);
  if (base.invalid()) {
    x.mode = Mode::Invalid;
    return;
  }
  if (base.mode == Mode::NoValue || base.mode == Mode::Builtin) {
    errorAt(X, exprStr(X) + " (" + (base.mode == Mode::Builtin ? "built-in" : "no value") + ") is not a value");
    x.mode = Mode::Invalid;
    return;
  }
  LookupResult r = lookupFieldOrMethod(base.type, sel, &pkg_);
  // Methods are resolved on first use (their declaration may come later).
  if (r.method && !r.method->type && r.method->tree) objDecl(r.method);
  // A method value or expression depends on the method's body.
  if (r.method && !r.interfaceMethod) addDeclDep(r.method);
  if (r.method && !r.method->type) {
    x.mode = Mode::Invalid;
    return;
  }
  if (r.ambiguous) {
    errorAt(selId, "ambiguous selector " + exprStr(e));
    x.mode = Mode::Invalid;
    return;
  }
  if (!r.field && !r.method) {
    std::string what = base.mode == Mode::TypeExpr ? typeString(base.type, &pkg_) : exprStr(X);
    if (base.type->kind == TypeKind::Pointer && isInterface(base.type->elem))
      errorAt(selId, exprStr(e) + " undefined (type " + typeString(base.type, &pkg_) +
                         " is pointer to interface, not interface)");
    else {
      // Point out a field or method that differs only in the case of its
      // first letter (types2 does, with compiler messages).
      std::string why = "type " + typeString(base.type, &pkg_) + " has no field or method " + sel;
      std::string other = sel;
      if (!other.empty() && std::isalpha(static_cast<unsigned char>(other[0]))) {
        other[0] = std::isupper(static_cast<unsigned char>(other[0])) ? char(std::tolower(other[0]))
                                                                      : char(std::toupper(other[0]));
        LookupResult alt = lookupFieldOrMethod(base.type, other, &pkg_);
        if (alt.field || alt.method) why += ", but does have " + other;
      }
      errorAt(selId, exprStr(e) + " undefined (" + why + ")");
    }
    x.mode = Mode::Invalid;
    return;
  }
  if (base.mode == Mode::TypeExpr) {
    // A method expression T.m: a function taking the receiver first.
    if (!r.method) {
      errorAt(selId, exprStr(e) + " undefined (type " + typeString(base.type, &pkg_) + " has no method " + sel + ")");
      x.mode = Mode::Invalid;
      return;
    }
    // Pointer-receiver methods are not in the method set of T.
    if (!r.interfaceMethod && r.method->ptrRecv && base.type->kind != TypeKind::Pointer && !r.indirect) {
      errorAt(selId, "cannot call pointer method " + sel + " on " + typeString(base.type, &pkg_));
      x.mode = Mode::Invalid;
      return;
    }
    info_->uses[selId.index] = r.method;
    const Type *mt = methodType(r);
    std::vector<const Type *> params{base.type};
    for (const Type *p : mt->params()) params.push_back(p);
    x.mode = Mode::Value;
    x.type = tt_.signature(params, mt->results(), mt->variadic);
    return;
  }
  if (r.field) {
    info_->uses[selId.index] = r.field->obj;
    x.type = r.field->type;
    // Fields of addressable structs, and anything reached through a
    // pointer, are variables.
    x.mode = base.mode == Mode::Variable || r.indirect || base.type->kind == TypeKind::Pointer ? Mode::Variable : Mode::Value;
    return;
  }
  info_->uses[selId.index] = r.method;
  if (!r.interfaceMethod && r.method->ptrRecv && base.type->kind != TypeKind::Pointer && !r.indirect &&
      base.mode != Mode::Variable) {
    errorAt(selId, "cannot call pointer method " + sel + " on " + typeString(base.type, &pkg_));
    x.mode = Mode::Invalid;
    return;
  }
  x.mode = Mode::Value;
  x.type = methodType(r);
}

} // namespace origo::types
