//===- types/operand.cpp - index, slice, literal and pointer expressions --===//
/// \file
/// Index and slice expressions, composite literals (with elided types in
/// nested literals), function literals, type assertions, address-of,
/// indirection and receive (spec "Index expressions", "Slice expressions",
/// "Composite literals", "Type assertions", "Address operators", "Receive
/// operator"), with types2's messages.
//===----------------------------------------------------------------------===//
#include "types/checker.h"

#include <map>

namespace origo::types {

bool Checker::validIndex(Operand &x, const std::string &what) {
  // An untyped constant index is given type int first, so that 0.5 is
  // "truncated to int" and -1 reads as a constant of type int.
  convertUntyped(x, tt_.basic(BasicKind::Int));
  if (x.invalid()) return false;
  if (!allTypes(x.type, isInteger)) {
    errorAt(x.expr, "invalid argument: " + what + " " + operandStr(x) + " must be integer");
    return false;
  }
  if (x.mode == Mode::Constant) {
    auto iv = x.val->toInt();
    if (iv && iv->sign() < 0) {
      errorAt(x.expr, "invalid argument: " + what + " " + operandStr(x) + " must not be negative");
      return false;
    }
    Operand y = x;
    if (!representable(y, tt_.basic(BasicKind::Int), false)) {
      errorAt(x.expr, "invalid argument: " + what + " " + operandStr(x) + " overflows int");
      return false;
    }
  }
  return true;
}

int64_t Checker::index(NodeId e, int64_t length) {
  Operand x;
  expr(x, e);
  if (x.invalid() || !validIndex(x, "index") || x.mode != Mode::Constant) return -1;
  auto iv = x.val->toInt();
  if (!iv || !iv->fitsInt64()) return -1;
  int64_t v = iv->int64Val();
  if (length >= 0 && v >= length) {
    errorAt(e, "invalid argument: index " + x.val->str() + " out of bounds [0:" + std::to_string(length) + "]");
    return -1;
  }
  return v;
}

void Checker::indexExpr(Operand &x, NodeId e) {
  const Tree &t = *tree_;
  rawExpr(x, t.kid(e, 0));
  x.expr = e;
  if (x.invalid()) {
    for (size_t i = 1; i < t.numKids(e); ++i) { Operand y; rawExpr(y, t.kid(e, i)); }
    return;
  }
  if (x.mode == Mode::TypeExpr) {
    // T[A, B]: an instance of a generic type.
    x.type = typExpr(e);
    x.mode = x.type == tt_.invalid() ? Mode::Invalid : Mode::TypeExpr;
    x.expr = e;
    return;
  }
  if (x.mode == Mode::Value && x.type->kind == TypeKind::Signature && !x.type->typeParams.empty()) {
    // f[A, B]: explicit type arguments, maybe only the first ones (the
    // call infers the rest).
    const Type *sig = x.type;
    std::vector<const Type *> targs;
    std::vector<NodeId> argNodes;
    for (size_t i = 1; i < t.numKids(e); ++i) {
      argNodes.push_back(t.kid(e, i));
      targs.push_back(typExpr(t.kid(e, i)));
      if (targs.back() == tt_.invalid()) x.mode = Mode::Invalid;
    }
    if (x.invalid()) return;
    if (targs.size() > sig->typeParams.size()) {
      errorAt(argNodes[sig->typeParams.size()], "got " + std::to_string(targs.size()) + " type arguments but " +
                                                    exprStr(t.kid(e, 0)) + " has " +
                                                    std::to_string(sig->typeParams.size()) + " type parameters");
      x.mode = Mode::Invalid;
      return;
    }
    if (targs.size() < sig->typeParams.size()) {
      partialTargs_[e.index] = targs;
      // Not called: the rest must follow from the constraints.
      if (!callee_.valid() || callee_ != e) {
        targs = inferTypeArgs(e, sig, targs, {});
        const Type *inst = targs.empty() ? nullptr : instantiateSignature(e, sig, targs, argNodes);
        if (!inst) x.mode = Mode::Invalid;
        else x.type = inst;
      }
      return;
    }
    const Type *inst = instantiateSignature(e, sig, targs, argNodes);
    if (!inst) x.mode = Mode::Invalid;
    else x.type = inst;
    return;
  }
  if (t.numKids(e) != 2) {
    errorAt(t.kid(e, 2), "unexpected comma; expecting ]");
    x.mode = Mode::Invalid;
    return;
  }
  NodeId ix = t.kid(e, 1);
  if (isTypeParam(x.type) && !coreType(x.type)) {
    typeParamIndex(x, e);
    return;
  }
  const Type *u = coreOrUnder(x.type);
  switch (u->kind) {
  case TypeKind::Basic:
    if (isString(u)) {
      int64_t len = x.mode == Mode::Constant ? int64_t(x.val->stringVal().size()) : -1;
      index(ix, len);
      x.mode = Mode::Value;
      x.val.reset();
      x.type = tt_.basic(BasicKind::Uint8);
      return;
    }
    break;
  case TypeKind::Array:
    index(ix, u->len);
    x.mode = x.mode == Mode::Variable ? Mode::Variable : Mode::Value;
    x.type = u->elem;
    return;
  case TypeKind::Pointer:
    if (under(u->elem)->kind == TypeKind::Array) {
      index(ix, under(u->elem)->len);
      x.mode = Mode::Variable;
      x.type = under(u->elem)->elem;
      return;
    }
    break;
  case TypeKind::Slice:
    index(ix, -1);
    x.mode = Mode::Variable;
    x.type = u->elem;
    return;
  case TypeKind::Map: {
    Operand k;
    expr(k, ix);
    assignment(k, u->key, "map index");
    x.mode = Mode::MapIndex;
    x.type = u->elem;
    return;
  }
  default:
    break;
  }
  Operand y = x;
  y.expr = t.kid(e, 0);
  errorAt(t.kid(e, 0), "invalid operation: cannot index " + operandStr(y));
  { Operand z; rawExpr(z, ix); }
  x.mode = Mode::Invalid;
}

/// Indexes a type parameter without a core type (types2's index of an
/// interface): every type of its set must be indexable with the same
/// element type, and either all are maps with identical keys or none is.
/// The result is a variable unless a string or a non-variable array is
/// among them.
void Checker::typeParamIndex(Operand &x, NodeId e) {
  const Tree &t = *tree_;
  NodeId ix = t.kid(e, 1);
  const Type *key = nullptr, *elem = nullptr;
  int64_t length = -1;
  Mode mode = Mode::Variable;
  bool ok = true;
  std::vector<const Type *> us = termUnders(x.type);
  for (size_t i = 0; ok && i < us.size(); ++i) {
    const Type *u = us[i], *k = nullptr, *el = nullptr;
    int64_t l = -1;
    switch (u->kind) {
    case TypeKind::Basic:
      if (isString(u)) {
        el = tt_.basic(BasicKind::Uint8);
        mode = Mode::Value;
      }
      break;
    case TypeKind::Array:
      l = u->len;
      el = u->elem;
      if (x.mode != Mode::Variable) mode = Mode::Value;
      break;
    case TypeKind::Pointer:
      if (under(u->elem)->kind == TypeKind::Array) {
        l = under(u->elem)->len;
        el = under(u->elem)->elem;
      }
      break;
    case TypeKind::Slice:
      el = u->elem;
      break;
    case TypeKind::Map:
      k = u->key;
      el = u->elem;
      break;
    default:
      break;
    }
    if (!el) { ok = false; break; }
    if (i == 0) {
      length = l;
      key = k;
      elem = el;
      continue;
    }
    if ((key == nullptr) != (k == nullptr) || (key && !identical(key, k)) || !identical(elem, el)) ok = false;
    else if (l >= 0 && l < length) length = l;
  }
  if (us.empty() || !ok) {
    Operand y = x;
    y.expr = t.kid(e, 0);
    // (At the "[", unlike the core type case: types2 reports this one
    // through the whole index expression.)
    error(t[e].pos, "invalid operation: cannot index " + operandStr(y));
    { Operand z; rawExpr(z, ix); }
    x.mode = Mode::Invalid;
    return;
  }
  if (key) {
    Operand k;
    expr(k, ix);
    assignment(k, key, "map index");
    x.mode = Mode::MapIndex;
    x.type = elem;
    return;
  }
  index(ix, length);
  x.mode = mode;
  x.val.reset();
  x.type = elem;
}

void Checker::sliceExpr(Operand &x, NodeId e) {
  const Tree &t = *tree_;
  expr(x, t.kid(e, 0));
  NodeId base = t.kid(e, 0);
  bool three = t[e].op == Tok::Colon;
  x.expr = e;
  auto indices = [&](int64_t len) {
    int64_t prev = -1;
    for (size_t i = 1; i < 4; ++i) {
      NodeId ix = t.kid(e, i);
      if (!ix.valid()) continue;
      int64_t v = index(ix, len >= 0 ? len + 1 : -1);
      if (v >= 0 && prev >= 0 && v < prev)
        errorAt(ix, "invalid slice indices: " + std::to_string(v) + " < " + std::to_string(prev));
      if (v >= 0) prev = v;
    }
  };
  if (x.invalid()) {
    indices(-1);
    return;
  }
  const Type *u = coreOrUnder(x.type);
  switch (u->kind) {
  case TypeKind::Basic:
    if (isString(u)) {
      if (three) {
        errorAt(e, "invalid operation: 3-index slice of string");
        x.mode = Mode::Invalid;
        return;
      }
      indices(x.mode == Mode::Constant ? int64_t(x.val->stringVal().size()) : -1);
      if (isUntyped(x.type)) x.type = tt_.basic(BasicKind::String);
      x.mode = Mode::Value;
      x.val.reset();
      return;
    }
    break;
  case TypeKind::Array:
    if (x.mode != Mode::Variable) {
      Operand y = x;
      y.expr = base;
      errorAt(base, "invalid operation: " + operandStr(y) + " (slice of unaddressable value)");
      x.mode = Mode::Invalid;
      return;
    }
    indices(u->len);
    x.mode = Mode::Value;
    x.type = tt_.slice(u->elem);
    return;
  case TypeKind::Pointer:
    if (coreOrUnder(u->elem)->kind == TypeKind::Array) {
      indices(coreOrUnder(u->elem)->len);
      x.mode = Mode::Value;
      x.type = tt_.slice(coreOrUnder(u->elem)->elem);
      return;
    }
    break;
  case TypeKind::Slice:
    indices(-1);
    x.mode = Mode::Value;
    return;
  default:
    break;
  }
  Operand y = x;
  y.expr = base;
  errorAt(base, "invalid operation: cannot slice " + operandStr(y));
  x.mode = Mode::Invalid;
}

void Checker::starExpr(Operand &x, NodeId e) {
  const Tree &t = *tree_;
  rawExpr(x, t.kid(e, 0));
  x.expr = e;
  if (x.invalid()) return;
  if (x.mode == Mode::TypeExpr) {
    x.type = tt_.pointer(x.type);
    return;
  }
  if (x.type->isBasic(BasicKind::UntypedNil)) {
    errorAt(e, "invalid operation: cannot indirect nil");
    x.mode = Mode::Invalid;
    return;
  }
  const Type *u = coreOrUnder(x.type);
  if (u->kind != TypeKind::Pointer) {
    Operand y = x;
    y.expr = t.kid(e, 0);
    errorAt(e, "invalid operation: cannot indirect " + operandStr(y));
    x.mode = Mode::Invalid;
    return;
  }
  x.mode = Mode::Variable;
  x.type = u->elem;
  x.val.reset();
}

void Checker::addressOf(Operand &x, NodeId e) {
  const Tree &t = *tree_;
  NodeId inner = t.kid(e, 0);
  NodeId bare = inner;
  while (t.kind(bare) == NodeKind::ParenExpr) bare = t.kid(bare, 0);
  rawExpr(x, inner);
  x.expr = e;
  if (x.invalid()) return;
  if (x.mode == Mode::TypeExpr) {
    errorAt(e, exprStr(inner) + " (type) is not an expression");
    x.mode = Mode::Invalid;
    return;
  }
  if (x.mode != Mode::Variable && t.kind(bare) != NodeKind::CompositeLit) {
    Operand y = x;
    y.expr = inner;
    errorAt(e, "invalid operation: cannot take address of " + operandStr(y));
    x.mode = Mode::Invalid;
    return;
  }
  x.mode = Mode::Value;
  x.type = tt_.pointer(x.type);
  x.val.reset();
}

void Checker::receive(Operand &x, NodeId e) {
  const Tree &t = *tree_;
  const Type *u = coreOrUnder(x.type);
  Operand y = x;
  y.expr = t.kid(e, 0);
  if (u->kind != TypeKind::Chan) {
    errorAt(e, "invalid operation: cannot receive from non-channel " + operandStr(y));
    x.mode = Mode::Invalid;
    return;
  }
  if (u->dir == ChanDir::Send) {
    errorAt(e, "invalid operation: cannot receive from send-only channel " + operandStr(y));
    x.mode = Mode::Invalid;
    return;
  }
  x.mode = Mode::CommaOk;
  x.type = u->elem;
  x.val.reset();
}

void Checker::funcLit(Operand &x, NodeId e) {
  const Tree &t = *tree_;
  NodeId ft = t.kid(e, 0), body = t.kid(e, 1);
  const Type *sig = funcType(ft, syntax::None, nullptr, nullptr);
  // The body sees the enclosing scopes (closures capture by reference).
  int savedIota = iota_;
  iota_ = -1;
  funcLitBody(e, ft, syntax::None, sig, body);
  iota_ = savedIota;
  x.mode = Mode::Value;
  x.type = sig;
  x.expr = e;
}

void Checker::typeAssert(Operand &x, NodeId e) {
  const Tree &t = *tree_;
  expr(x, t.kid(e, 0));
  NodeId typeNode = t.kid(e, 1);
  x.expr = e;
  if (x.invalid()) {
    if (typeNode.valid()) typExpr(typeNode);
    return;
  }
  if (!typeNode.valid()) {
    errorAt(e, "invalid syntax tree: use of .(type) outside type switch");
    x.mode = Mode::Invalid;
    return;
  }
  if (!isInterface(x.type)) {
    Operand y = x;
    y.expr = t.kid(e, 0);
    errorAt(t.kid(e, 0), "invalid operation: " + exprStr(t.kid(e, 0)) + " (" +
                             (x.mode == Mode::Variable ? "variable" : "value") + " of type " +
                             typeString(x.type, &pkg_) + ") is not an interface");
    typExpr(typeNode);
    x.mode = Mode::Invalid;
    return;
  }
  const Type *T = typExpr(typeNode);
  if (T == tt_.invalid()) {
    x.mode = Mode::Invalid;
    return;
  }
  if (!isInterface(T) && !isTypeParam(T)) {
    std::string why;
    if (missingMethod(T, x.type, why))
      errorAt(e, "impossible type assertion: " + exprStr(e) + "\n\t" + typeString(T, &pkg_) +
                            " does not implement " + typeString(x.type, &pkg_) + " " + why);
  }
  x.mode = Mode::CommaOk;
  x.type = T;
}

void Checker::compositeLit(Operand &x, NodeId e, const Type *hint) {
  const Tree &t = *tree_;
  NodeId typeNode = t.kid(e, 0);
  const Type *T = nullptr;
  x.expr = e;
  bool openArray = false;
  if (typeNode.valid()) {
    if (t.kind(typeNode) == NodeKind::ArrayType && !t.kid(typeNode, 0).valid()) {
      // [...]T{...}: the length comes from the elements.
      openArray = true;
      T = typExpr(t.kid(typeNode, 1));
    } else {
      T = typExpr(typeNode);
    }
  } else if (hint) {
    T = hint;
    // &T elided: {...} for a *T element (or a type parameter whose core
    // type is one).
    if (coreOrUnder(T)->kind == TypeKind::Pointer) T = coreOrUnder(T)->elem;
  } else {
    errorAt(e, "missing type in composite literal");
    x.mode = Mode::Invalid;
    return;
  }
  if (T == tt_.invalid()) {
    // Check the elements for their own errors only: elided types in
    // nested literals stay unknown without a complaint.
    for (size_t i = 1; i < t.numKids(e); ++i) {
      NodeId el = t.kid(e, i);
      Operand y;
      if (t.kind(el) == NodeKind::KeyValueExpr) el = t.kid(el, 1);
      if (t.kind(el) == NodeKind::CompositeLit && !t.kid(el, 0).valid()) compositeLit(y, el, tt_.invalid());
      else rawExpr(y, el);
    }
    x.mode = Mode::Invalid;
    return;
  }
  std::vector<NodeId> elems;
  for (size_t i = 1; i < t.numKids(e); ++i) elems.push_back(t.kid(e, i));
  // Element types may be elided in array, slice and map literals only.
  auto value = [&](NodeId v, const Type *elemType, const char *context) {
    Operand y;
    const Type *hint = std::string_view(context) == "struct literal" ? nullptr : elemType;
    if (t.kind(v) == NodeKind::CompositeLit && !t.kid(v, 0).valid()) compositeLit(y, v, hint);
    else rawExpr(y, v, hint);
    if (y.mode == Mode::CommaOk) y.mode = Mode::Value;
    record(y);
    if (!y.invalid()) {
      if (y.mode == Mode::NoValue || y.mode == Mode::TypeExpr || y.mode == Mode::Builtin) {
        assignment(y, elemType, context);
        return;
      }
      assignment(y, elemType, context);
    }
  };
  const Type *u = openArray ? nullptr : coreOrUnder(T);
  if (openArray || u->kind == TypeKind::Array || u->kind == TypeKind::Slice) {
    const Type *elem = openArray ? T : u->elem;
    int64_t maxIndex = -1, idx = 0;
    std::set<int64_t> seen;
    int64_t limit = (!openArray && u->kind == TypeKind::Array) ? u->len : -1;
    for (NodeId el : elems) {
      NodeId v = el;
      if (t.kind(el) == NodeKind::KeyValueExpr) {
        int64_t k = index(t.kid(el, 0), limit);
        if (k >= 0) idx = k;
        else {
          // index() reported a problem, or the key is not constant.
          if (!info_->types[t.kid(el, 0).index].value && info_->types[t.kid(el, 0).index].mode != Mode::Invalid)
            errorAt(t.kid(el, 0), "index " + exprStr(t.kid(el, 0)) + " must be integer constant");
        }
        v = t.kid(el, 1);
      } else if (limit >= 0 && idx >= limit) {
        errorAt(el, "array index " + std::to_string(idx) + " out of bounds [0:" + std::to_string(limit) + "]");
      }
      if (!seen.insert(idx).second) errorAt(el, "duplicate index " + std::to_string(idx) + " in array or slice literal");
      value(v, elem, "array or slice literal");
      maxIndex = std::max(maxIndex, idx);
      ++idx;
    }
    if (openArray) T = tt_.array(elem, maxIndex + 1);
  } else if (u->kind == TypeKind::Struct) {
    if (!elems.empty() && t.kind(elems[0]) == NodeKind::KeyValueExpr) {
      std::set<std::string> seen;
      for (NodeId el : elems) {
        if (t.kind(el) != NodeKind::KeyValueExpr) {
          errorAt(el, "mixture of field:value and value elements in struct literal");
          continue;
        }
        NodeId key = t.kid(el, 0);
        if (t.kind(key) != NodeKind::Ident) {
          errorAt(el, "invalid field name " + exprStr(key) + " in struct literal");
          Operand y;
          rawExpr(y, t.kid(el, 1));
          continue;
        }
        std::string name(t[key].text);
        const Field *f = nullptr;
        // Another package's unexported fields cannot be named.
        for (const Field &fd : u->fields)
          if (fd.name == name && (exported(name) || !fd.pkg || fd.pkg == &pkg_)) f = &fd;
        if (!f) {
          Operand y;
          rawExpr(y, t.kid(el, 1));
          errorAt(key, "unknown field '" + name + "' in struct literal of type " + typeString(T, &pkg_));
          continue;
        }
        info_->uses[key.index] = f->obj;
        if (!seen.insert(name).second) errorAt(key, "duplicate field name " + name + " in struct literal");
        value(t.kid(el, 1), f->type, "struct literal");
      }
    } else {
      size_t i = 0;
      for (NodeId el : elems) {
        if (t.kind(el) == NodeKind::KeyValueExpr) {
          errorAt(el, "mixture of field:value and value elements in struct literal");
          continue;
        }
        if (i >= u->fields.size()) {
          Operand y;
          rawExpr(y, el);
          errorAt(el, "too many values in " + typeString(T, &pkg_) + "{…}");
          break;
        }
        const Field &fd = u->fields[i++];
        if (!exported(fd.name) && fd.pkg && fd.pkg != &pkg_) {
          Operand y;
          rawExpr(y, el);
          errorAt(el, "implicit assignment to unexported field " + fd.name + " in " + typeString(T, &pkg_) +
                          " literal");
          continue;
        }
        value(el, fd.type, "struct literal");
      }
      if (!elems.empty() && i < u->fields.size())
        error(t[e].end.valid() ? t[e].end : t[e].pos, "too few values in " + typeString(T, &pkg_) + "{…}");
    }
  } else if (u->kind == TypeKind::Map) {
    for (NodeId el : elems) {
      if (t.kind(el) != NodeKind::KeyValueExpr) {
        errorAt(el, "missing key in map literal");
        continue;
      }
      value(t.kid(el, 0), u->key, "map literal");
      value(t.kid(el, 1), u->elem, "map literal");
    }
  } else {
    for (NodeId el : elems) {
      Operand y;
      if (t.kind(el) == NodeKind::KeyValueExpr) el = t.kid(el, 1);
      if (t.kind(el) == NodeKind::CompositeLit && !t.kid(el, 0).valid()) compositeLit(y, el, tt_.invalid());
      else rawExpr(y, el);
    }
    if (u != tt_.invalid()) { // else reported where the type is declared
      errorAt(e, "invalid composite literal type " + typeString(T, &pkg_));
      x.mode = Mode::Invalid;
      return;
    }
    // As types2: a literal of a named type whose declaration failed is
    // still a value of that type.
  }
  x.mode = Mode::Value;
  x.type = hint && !typeNode.valid() && coreOrUnder(hint)->kind == TypeKind::Pointer ? hint : T;
  x.val.reset();
}

} // namespace origo::types
