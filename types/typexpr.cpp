//===- types/typexpr.cpp - type expressions -------------------------------===//
/// \file
/// Types written in source (spec "Types"): names (qualified too), pointer,
/// array (constant length), slice, map (comparable keys), channel, function,
/// struct (embedded fields, tags) and interface types, after types2's
/// typexpr.go.
//===----------------------------------------------------------------------===//
#include "types/checker.h"

#include <algorithm>

namespace origo::types {

const Type *Checker::typExpr(NodeId e) {
  const Tree &t = *tree_;
  switch (t.kind(e)) {
  case NodeKind::ParenExpr:
    return typExpr(t.kid(e, 0));
  case NodeKind::Ident:
  case NodeKind::SelectorExpr: {
    // Only the name directly under an instantiation may be generic (the
    // flag must not leak into declarations resolved on the way).
    bool genericOk = genericOk_;
    genericOk_ = false;
    Operand x;
    if (t.kind(e) == NodeKind::Ident) ident(x, e);
    else selector(x, e);
    record(x);
    if (t.kind(e) == NodeKind::Ident) {
      // A local alias naming itself (type T = T); package-level ones are
      // found on the object path.
      Object *o = info_->uses[e.index];
      if (o && o->kind == ObjKind::TypeName && !o->type && !o->tree && o->color == Object::Color::Grey) {
        cycleError({o});
        o->type = tt_.invalid();
      }
    }
    if (x.invalid()) return tt_.invalid();
    if (x.mode != Mode::TypeExpr) {
      errorAt(e, operandStr(x) + (x.mode == Mode::NoValue ? " used as type" : " is not a type"));
      return tt_.invalid();
    }
    if (x.type->kind == TypeKind::Named && !x.type->typeParams.empty() && !x.type->origin && !genericOk) {
      errorAt(e, "cannot use generic type " + typeString(x.type, &pkg_) + " without instantiation");
      return tt_.invalid();
    }
    return x.type;
  }
  case NodeKind::StarExpr:
    return tt_.pointer(varType(t.kid(e, 0)));
  case NodeKind::SliceType:
    return tt_.slice(varType(t.kid(e, 0)));
  case NodeKind::ArrayType: {
    if (!t.kid(e, 0).valid()) {
      errorAt(e, "invalid use of [...] array (outside a composite literal)");
      typExpr(t.kid(e, 1));
      return tt_.invalid();
    }
    int64_t n = arrayLength(t.kid(e, 0));
    const Type *elem = varType(t.kid(e, 1));
    if (n < 0) return tt_.invalid();
    return tt_.array(elem, n);
  }
  case NodeKind::MapType: {
    const Type *k = varType(t.kid(e, 0));
    const Type *v = varType(t.kid(e, 1));
    // Key comparability is checked once the key type is complete.
    if (isTypeParam(k)) {
      // Its constraint may not be known yet (later parameters of the list).
      verifyLater_.push_back({PendingVerify::MapKey, {}, {k}, {t.kid(e, 0)}, scope_, tree_});
    } else if (k->kind == TypeKind::Named) {
      // A defined key type may still be incomplete.
      LaterKey later{tree_, t.kid(e, 0), k};
      if (declaringType()) mapKeysLater_.push_back(later);
      else checkMapKey(later);
    } else if (k != tt_.invalid() && !isComparable(k))
      errorAt(t.kid(e, 0), "invalid map key type " + typeString(k, &pkg_));
    return tt_.map(k, v);
  }
  case NodeKind::ChanType: {
    ChanDir d = t[e].op == Tok::Arrow ? ChanDir::Recv : t[e].op == Tok::Assign ? ChanDir::Send : ChanDir::Both;
    return tt_.chan(varType(t.kid(e, 0)), d);
  }
  case NodeKind::FuncType:
    return funcType(e, syntax::None, nullptr, nullptr);
  case NodeKind::StructType:
    return structType(e);
  case NodeKind::InterfaceType:
    return interfaceType(e);
  case NodeKind::IndexExpr: {
    const Type *g = genericTypeName(t.kid(e, 0));
    if (g == tt_.invalid()) return g;
    if (g->kind != TypeKind::Named || g->typeParams.empty() || g->origin) {
      errorAt(t.kid(e, 0), typeString(g, &pkg_) + " is not a generic type");
      return tt_.invalid();
    }
    std::vector<NodeId> args;
    for (size_t i = 1; i < t.numKids(e); ++i) args.push_back(t.kid(e, i));
    return instantiateType(e, g, args);
  }
  default:
    errorAt(e, exprStr(e) + " is not a type");
    return tt_.invalid();
  }
}

void Checker::checkEmbeddedField(const LaterKey &k) {
  const Type *t = k.key;
  bool isPtr = t->kind == TypeKind::Pointer;
  if (isPtr) t = t->elem;
  const Type *u = under(t);
  if (!u || u == tt_.invalid()) return;
  Pos pos = syntax::startPos(*k.tree, k.node);
  if (u->isBasic(BasicKind::UnsafePointer))
    error(pos, "embedded field type cannot be unsafe.Pointer");
  else if (u->kind == TypeKind::Pointer)
    error(pos, "embedded field type cannot be a pointer");
  else if (isTypeParam(t))
    error(pos, "embedded field type cannot be a (pointer to a) type parameter");
  else if (u->kind == TypeKind::Interface && isPtr)
    error(pos, "embedded field type cannot be a pointer to an interface");
}

void Checker::duplicateMethod(Pos pos, const std::string &name, Pos prev) {
  error(pos, "duplicate method " + name + "\n\t" + Diagnostics::formatPos(sm_, prev, DiagOptions{}) +
                 ": other declaration of " + name);
}

void Checker::checkEmbeddedMethods(const LaterIface &li) {
  // Explicit methods first, then each embedded interface's at the position
  // of the embedding (as types2 collects them).
  std::map<std::string, std::pair<Object *, Pos>> seen;
  for (Object *m : li.declared) seen.emplace(m->name, std::make_pair(m, m->pos));
  for (auto &[node, et] : li.embedded) {
    if (!isInterface(et)) continue;
    Pos pos = syntax::startPos(*li.tree, node);
    for (Object *m : interfaceMethods(et)) {
      auto [it, fresh] = seen.emplace(m->name, std::make_pair(m, pos));
      if (!fresh && !identical(m->type, it->second.first->type)) duplicateMethod(pos, m->name, it->second.second);
    }
  }
}

int64_t Checker::arrayLength(NodeId e) {
  // A lone name may be a generic type declaration missing its constraint
  // (type T[P] ...): say it is about an array length.
  if (tree_->kind(e) == NodeKind::Ident) {
    std::string name(tree_->operator[](e).text);
    Object *obj = scope_ ? scope_->lookup(name) : prog_.universe().lookup(name);
    if (!obj) {
      errorAt(e, "undeclared name " + name + " for array length");
      return -1;
    }
    if (obj->kind != ObjKind::Const) {
      errorAt(e, "invalid array length " + name);
      return -1;
    }
  }
  Operand x;
  expr(x, e);
  if (x.invalid()) return -1;
  if (x.mode != Mode::Constant) {
    errorAt(e, "array length " + operandStr(x) + " must be constant");
    return -1;
  }
  if (isUntyped(x.type) || isInteger(x.type)) {
    auto iv = x.val->toInt();
    if (iv && iv->fitsInt64()) {
      if (iv->int64Val() >= 0) {
        if (isUntyped(x.type)) updateExprType(e, tt_.basic(BasicKind::Int), true);
        return iv->int64Val();
      }
      errorAt(e, "invalid array length " + operandStr(x));
      return -1;
    }
  }
  errorAt(e, "array length " + operandStr(x) + " must be integer");
  return -1;
}

const Type *Checker::structType(NodeId e) {
  const Tree &t = *tree_;
  std::vector<Field> fields;
  std::map<std::string, Pos> seen;
  for (NodeId f : t.kids(e)) {
    NodeId nameId = t.kid(f, 0), typeNode = t.kid(f, 1), tagNode = t.numKids(f) > 2 ? t.kid(f, 2) : syntax::None;
    Field fd;
    fd.type = varType(typeNode);
    fd.pkg = &pkg_;
    if (tagNode.valid()) fd.tag = syntax::unquote(t[tagNode].text);
    Pos pos;
    if (nameId.valid()) {
      fd.name = std::string(t[nameId].text);
      pos = t[nameId].pos;
    } else {
      // Embedded: T, *T, p.T, *p.T; the field is named after the type name.
      fd.embedded = true;
      NodeId n = typeNode;
      if (t.kind(n) == NodeKind::StarExpr) n = t.kid(n, 0);
      if (t.kind(n) == NodeKind::IndexExpr) n = t.kid(n, 0);
      if (t.kind(n) == NodeKind::SelectorExpr) n = t.kid(n, 1);
      fd.name = t.kind(n) == NodeKind::Ident ? std::string(t[n].text) : "?";
      pos = t[n].pos;
      // The embedded type may still be incomplete.
      LaterKey later{tree_, typeNode, fd.type};
      if (declaringType()) embeddedLater_.push_back(later);
      else checkEmbeddedField(later);
    }
    Object *o = prog_.newObject(ObjKind::Var, fd.name, pos, fd.type);
    o->pkg = &pkg_;
    o->isField = true;
    if (nameId.valid()) info_->defs[nameId.index] = o;
    fd.obj = o;
    if (fd.name != "_" && !seen.emplace(fd.name, pos).second) {
      // Not a field (as in types2): selectors find the first one only.
      error(pos, fd.name + " redeclared\n\t" + Diagnostics::formatPos(sm_, seen[fd.name], DiagOptions{}) +
                     ": other declaration of " + fd.name);
      continue;
    }
    fields.push_back(std::move(fd));
  }
  return tt_.structType(std::move(fields));
}

const Type *Checker::interfaceType(NodeId e) {
  const Tree &t = *tree_;
  std::vector<Object *> methods;
  std::vector<const Type *> embeddeds;
  LaterIface later{tree_, {}, {}};
  for (NodeId f : t.kids(e)) {
    NodeId nameId = t.kid(f, 0), typeNode = t.kid(f, 1);
    if (nameId.valid()) {
      std::string name(t[nameId].text);
      if (name == "_") {
        error(t[nameId].pos, "methods must have a unique non-blank name");
        funcType(typeNode, syntax::None, nullptr, nullptr);
        continue;
      }
      Object *m = prog_.newObject(ObjKind::Func, name, t[nameId].pos, funcType(typeNode, syntax::None, nullptr, nullptr));
      m->pkg = &pkg_;
      info_->defs[nameId.index] = m;
      auto prev = std::find_if(methods.begin(), methods.end(), [&](Object *o) { return o->name == name; });
      if (name != "_" && prev != methods.end()) {
        duplicateMethod(m->pos, name, (*prev)->pos);
        continue;
      }
      methods.push_back(m);
      continue;
    }
    // An embedded interface, or a type term or union (constraints only).
    const Type *et = termType(typeNode);
    if (et == tt_.invalid()) continue;
    if (isTypeParam(et)) {
      errorAt(typeNode, "cannot embed a type parameter");
      continue;
    }
    if (!isInterface(et) && et->kind != TypeKind::Union &&
        !allowVersion(18, syntax::startPos(t, typeNode), "embedding non-interface type " + typeString(et, &pkg_)))
      continue;
    embeddeds.push_back(et);
    later.embedded.push_back({typeNode, et});
  }
  later.declared = methods;
  if (!later.embedded.empty()) {
    // Methods of embedded interfaces may clash (with different signatures)
    // once those interfaces are complete.
    if (declaringType()) ifacesLater_.push_back(std::move(later));
    else checkEmbeddedMethods(later);
  }
  return tt_.interfaceType(std::move(methods), std::move(embeddeds));
}

bool Checker::exported(const std::string &name) { return isExportedName(name); }

} // namespace origo::types
