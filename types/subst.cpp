//===- types/subst.cpp - substitution of type parameters -------------------===//
/// \file
/// Replaces type parameters by type arguments throughout a type (types2's
/// subst): the checker uses it to instantiate generic signatures and
/// types, the back end to monomorphize generic function bodies once the
/// package is checked.
//===----------------------------------------------------------------------===//
#include "types/types.h"

namespace origo::types {

const Type *substitute(Program &prog, const Type *t, const TypeMap &m, const InstanceFn &instance, int depth) {
  TypeTable &tt_ = prog.types();
  if (!t || m.empty() || depth > 100) return t;
  auto S = [&](const Type *x) { return substitute(prog, x, m, instance, depth + 1); };
  switch (t->kind) {
  case TypeKind::Basic:
    return t;
  case TypeKind::TypeParam: {
    auto it = m.find(t);
    return it == m.end() ? t : it->second;
  }
  case TypeKind::Pointer: {
    const Type *e = S(t->elem);
    return e == t->elem ? t : tt_.pointer(e);
  }
  case TypeKind::Slice: {
    const Type *e = S(t->elem);
    return e == t->elem ? t : tt_.slice(e);
  }
  case TypeKind::Array: {
    const Type *e = S(t->elem);
    return e == t->elem ? t : tt_.array(e, t->len);
  }
  case TypeKind::Map: {
    const Type *k = S(t->key), *e = S(t->elem);
    return k == t->key && e == t->elem ? t : tt_.map(k, e);
  }
  case TypeKind::Chan: {
    const Type *e = S(t->elem);
    return e == t->elem ? t : tt_.chan(e, t->dir);
  }
  case TypeKind::Tuple: {
    std::vector<const Type *> l;
    bool changed = false;
    for (const Type *x : t->list) {
      l.push_back(S(x));
      changed |= l.back() != x;
    }
    return changed ? tt_.tuple(l) : t;
  }
  case TypeKind::Signature: {
    std::vector<const Type *> ps, rs;
    bool changed = false;
    for (const Type *x : t->params()) { ps.push_back(S(x)); changed |= ps.back() != x; }
    for (const Type *x : t->results()) { rs.push_back(S(x)); changed |= rs.back() != x; }
    if (!changed) return t;
    return tt_.genericSignature(tt_.signature(ps, rs, t->variadic), t->typeParams);
  }
  case TypeKind::Struct: {
    std::vector<Field> fs = t->fields;
    bool changed = false;
    for (Field &f : fs) {
      const Type *nt = S(f.type);
      changed |= nt != f.type;
      f.type = nt;
    }
    return changed ? tt_.structType(std::move(fs)) : t;
  }
  case TypeKind::Union: {
    std::vector<const Type *> l;
    bool changed = false;
    for (const Type *x : t->list) { l.push_back(S(x)); changed |= l.back() != x; }
    return changed ? tt_.unionType(l, t->tildes) : t;
  }
  case TypeKind::Interface: {
    std::vector<Object *> ms;
    std::vector<const Type *> es;
    bool changed = false;
    for (Object *mo : t->methods) {
      const Type *nt = S(mo->type);
      if (nt == mo->type) { ms.push_back(mo); continue; }
      changed = true;
      Object *n = prog.newObject(ObjKind::Func, mo->name, mo->pos, nt);
      n->pkg = mo->pkg;
      ms.push_back(n);
    }
    for (const Type *e : t->embeddeds) { es.push_back(S(e)); changed |= es.back() != e; }
    if (!changed) return t;
    if (t->comparableIface) es.push_back(tt_.comparableInterface());
    return tt_.interfaceType(std::move(ms), std::move(es));
  }
  case TypeKind::Named: {
    if (!t->origin) return t;
    // An instance with the wrong number of arguments (reported where it
    // is written) substitutes to an invalid type, as in types2.
    if (t->typeArgs.size() != t->origin->typeParams.size()) return tt_.invalid();
    std::vector<const Type *> args;
    bool changed = false;
    for (const Type *a : t->typeArgs) { args.push_back(S(a)); changed |= args.back() != a; }
    return changed ? instance(t->origin, args) : t;
  }
  }
  return t;
}

const Type *substitute(Program &prog, const Type *t, const TypeMap &m) {
  // After checking every generic type is resolved: an instance made here
  // gets its underlying type at once (recursive references find the
  // instance already interned).
  InstanceFn make = [&prog, &make](const Type *origin, const std::vector<const Type *> &args) -> const Type * {
    bool created;
    Type *inst = prog.types().instance(origin, args, created);
    if (created) {
      TypeMap om;
      for (size_t i = 0; i < origin->typeParams.size() && i < args.size(); ++i) om[origin->typeParams[i]] = args[i];
      const Type *u = args.size() == origin->typeParams.size() ? substitute(prog, under(origin), om, make) : nullptr;
      inst->underlying = u && u->kind != TypeKind::Named ? u : prog.types().invalid();
    }
    return inst;
  };
  return substitute(prog, t, m, make);
}

} // namespace origo::types
