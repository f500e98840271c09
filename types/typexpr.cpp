//===- types/typexpr.cpp - type expressions -------------------------------===//
/// \file
/// Types written in source (spec "Types"): names (qualified too), pointer,
/// array (constant length), slice, map (comparable keys), channel, function,
/// struct (embedded fields, tags) and interface types, after types2's
/// typexpr.go.
//===----------------------------------------------------------------------===//
#include "types/checker.h"

namespace origo::types {

static bool isExported(const std::string &name) {
  return !name.empty() && name[0] >= 'A' && name[0] <= 'Z';
}

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
    return tt_.pointer(typExpr(t.kid(e, 0)));
  case NodeKind::SliceType:
    return tt_.slice(typExpr(t.kid(e, 0)));
  case NodeKind::ArrayType: {
    if (!t.kid(e, 0).valid()) {
      errorAt(e, "invalid use of [...] array (outside a composite literal)");
      typExpr(t.kid(e, 1));
      return tt_.invalid();
    }
    int64_t n = arrayLength(t.kid(e, 0));
    const Type *elem = typExpr(t.kid(e, 1));
    if (n < 0) return tt_.invalid();
    return tt_.array(elem, n);
  }
  case NodeKind::MapType: {
    const Type *k = typExpr(t.kid(e, 0));
    const Type *v = typExpr(t.kid(e, 1));
    // Key comparability is checked once the key type is complete.
    if (isTypeParam(k)) {
      // Its constraint may not be known yet (later parameters of the list).
      verifyLater_.push_back({{}, {k}, {t.kid(e, 0)}, scope_, tree_});
    } else if (k != tt_.invalid() && k->kind != TypeKind::Named && !isComparable(k))
      errorAt(t.kid(e, 0), "invalid map key type " + typeString(k, &pkg_));
    return tt_.map(k, v);
  }
  case NodeKind::ChanType: {
    ChanDir d = t[e].op == Tok::Arrow ? ChanDir::Recv : t[e].op == Tok::Assign ? ChanDir::Send : ChanDir::Both;
    return tt_.chan(typExpr(t.kid(e, 0)), d);
  }
  case NodeKind::FuncType:
    return funcType(e, syntax::None, nullptr, nullptr);
  case NodeKind::StructType:
    return structType(e);
  case NodeKind::InterfaceType:
    return interfaceType(e);
  case NodeKind::IndexExpr: {
    NodeId gn = t.kid(e, 0);
    while (t.kind(gn) == NodeKind::ParenExpr) gn = t.kid(gn, 0);
    genericOk_ = t.kind(gn) == NodeKind::Ident || t.kind(gn) == NodeKind::SelectorExpr;
    const Type *g = typExpr(gn);
    genericOk_ = false;
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

int64_t Checker::arrayLength(NodeId e) {
  Operand x;
  expr(x, e);
  if (x.invalid()) return -1;
  if (x.mode != Mode::Constant) {
    errorAt(e, "array length " + exprStr(e) + " (" + (x.mode == Mode::Variable ? "variable" : "value") +
                   " of type " + typeString(x.type, &pkg_) + ") must be constant");
    return -1;
  }
  if (isUntyped(x.type) || isInteger(x.type)) {
    auto iv = x.val->toInt();
    if (iv && iv->fitsInt64() && iv->int64Val() >= 0) {
      if (isUntyped(x.type)) updateExprType(e, tt_.basic(BasicKind::Int), true);
      return iv->int64Val();
    }
    if (iv && iv->sign() < 0) {
      errorAt(e, "invalid array length " + exprStr(e) + " (untyped int constant " + x.val->str() + ")");
      return -1;
    }
  }
  errorAt(e, "array length " + operandStr(x) + " must be integer");
  return -1;
}

const Type *Checker::structType(NodeId e) {
  const Tree &t = *tree_;
  std::vector<Field> fields;
  std::set<std::string> seen;
  for (NodeId f : t.kids(e)) {
    NodeId nameId = t.kid(f, 0), typeNode = t.kid(f, 1), tagNode = t.numKids(f) > 2 ? t.kid(f, 2) : syntax::None;
    Field fd;
    fd.type = typExpr(typeNode);
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
      const Type *u = fd.type;
      if (u->kind == TypeKind::Pointer) u = u->elem;
      if (u->kind == TypeKind::Pointer || (u->kind != TypeKind::Named && u->kind == TypeKind::Basic &&
                                           u->basic == BasicKind::UnsafePointer))
        errorAt(typeNode, "embedded field type cannot be a pointer");
    }
    Object *o = prog_.newObject(ObjKind::Var, fd.name, pos, fd.type);
    o->pkg = &pkg_;
    o->isField = true;
    if (nameId.valid()) info_->defs[nameId.index] = o;
    fd.obj = o;
    if (fd.name != "_" && !seen.insert(fd.name).second) error(pos, fd.name + " redeclared");
    fields.push_back(std::move(fd));
  }
  return tt_.structType(std::move(fields));
}

const Type *Checker::interfaceType(NodeId e) {
  const Tree &t = *tree_;
  std::vector<Object *> methods;
  std::vector<const Type *> embeddeds;
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
    embeddeds.push_back(et);
  }
  return tt_.interfaceType(std::move(methods), std::move(embeddeds));
}

bool Checker::exported(const std::string &name) { return isExported(name); }

} // namespace origo::types
