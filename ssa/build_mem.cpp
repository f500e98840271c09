//===- ssa/build_mem.cpp - variables in memory, structs and arrays --------===//
/// \file
/// Values that live in memory (ssa/README.md): structs and arrays are
/// never SSA values; an expression of such a type yields the address of
/// the value, assignments copy with Move, literals fill a temporary.
/// Addressable expressions (spec "Address operators": variables, pointer
/// indirections, field selectors of addressable structs, elements of
/// addressable arrays and of slices) have an address, computed with gc's
/// nil and bounds checks.
//===----------------------------------------------------------------------===//
#include "ssa/builder.h"

#include <cassert>

namespace origo::ssa {

void Builder::storeValue(Value *addr, Value *v, const Type *t, Pos p) {
  if (isAggregate(t)) {
    Value *mv = value(Op::Move, tt_.tuple({}), {addr, v}, p);
    mv->auxType = t;
    mv->aux = types::typeString(t);
    return;
  }
  value(Op::Store, tt_.tuple({}), {addr, conv(v, t, p)}, p);
}

void Builder::storeGlobal(const Object *g, Value *v, Pos p) {
  if (isAggregate(g->type)) {
    Value *a = value(Op::GlobalAddr, tt_.pointer(g->type), {}, p);
    a->aux = g->linkName();
    storeValue(a, v, g->type, p);
    return;
  }
  Value *st = value(Op::StoreGlobal, tt_.tuple({}), {conv(v, g->type, p)}, p);
  st->aux = g->linkName();
}

const Object *Builder::rootVar(NodeId e) {
  const syntax::Tree &t = *tree_;
  for (;;) {
    while (t.kind(e) == NodeKind::ParenExpr) e = t.kid(e, 0);
    NodeKind k = t.kind(e);
    if (k == NodeKind::Ident) {
      const Object *o = info_->uses[e.index];
      return o && o->kind == ObjKind::Var && !o->isGlobal ? o : nullptr;
    }
    if (isQualified(e)) return nullptr; // pkg.V: a global
    // x.f and x[i] are part of x only when x is a struct or an array
    // (through a pointer or a slice they are elsewhere).
    if ((k == NodeKind::SelectorExpr || k == NodeKind::IndexExpr) && isAggregate(typeOf(t.kid(e, 0)))) {
      e = t.kid(e, 0);
      continue;
    }
    return nullptr;
  }
}

Value *Builder::fieldPath(Value *base, const Type *&ty, const std::vector<int> &path, size_t n, Pos p) {
  for (size_t k = 0; k < n; ++k) {
    const Type *st = types::under(ty);
    if (st->kind == types::TypeKind::Pointer) {
      // An embedded pointer on the way (or the operand itself): follow it.
      base = nilChecked(base, p);
      st = types::under(st->elem);
    }
    assert(st->kind == types::TypeKind::Struct && "field path through a non-struct");
    std::vector<int64_t> offs = types::fieldOffsets(st);
    const types::Field &f = st->fields[size_t(path[k])];
    base = value(Op::AddPtr, tt_.pointer(f.type), {base, intConst(offs[size_t(path[k])], p)}, p);
    ty = f.type;
    // Further steps go through this field: load it if it is a pointer.
    if (k + 1 < n && types::under(ty)->kind == types::TypeKind::Pointer) base = value(Op::Load, ty, {base}, p);
  }
  return base;
}

Value *Builder::fieldAddr(NodeId e) {
  const syntax::Tree &t = *tree_;
  NodeId x = t.kid(e, 0);
  Pos p = pos(e);
  const Type *xt = typeOf(x);
  if (!xt) {
    // pkg.V: a variable of an imported package.
    const Object *o = info_->uses[t.kid(e, 1).index];
    assert(o && o->kind == ObjKind::Var && o->isGlobal && "qualified operand that is not a variable");
    Value *a = value(Op::GlobalAddr, tt_.pointer(o->type), {}, p);
    a->aux = o->linkName();
    return a;
  }
  types::LookupResult r = types::lookupFieldOrMethod(xt, std::string(t[t.kid(e, 1)].text), treePkg_);
  assert(r.field && "field selector without a field");
  // The operand: a struct's address, or a pointer to follow.
  Value *base = expr(x);
  return fieldPath(base, xt, r.path, r.path.size(), p);
}

Value *Builder::arrayElemAddr(NodeId e) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  NodeId x = t.kid(e, 0);
  const Type *at = types::under(typeOf(x));
  Value *base = expr(x);
  if (at->kind == types::TypeKind::Pointer) {
    base = nilChecked(base, p);
    at = types::under(at->elem);
  }
  bool uns;
  Value *i = indexValue(t.kid(e, 1), uns);
  // Constant indices were checked by the type checker.
  if (!tv(t.kid(e, 1)).value) indexCheck(i, intConst(at->len, p), uns, p);
  return elemAddr(base, i, at->elem, p);
}

Value *Builder::addrOf(NodeId e) {
  const syntax::Tree &t = *tree_;
  while (t.kind(e) == NodeKind::ParenExpr) e = t.kid(e, 0);
  Pos p = pos(e);
  switch (t.kind(e)) {
  case NodeKind::Ident: {
    const Object *o = info_->uses[e.index];
    if (o && o->kind == ObjKind::Var && o->isGlobal) {
      Value *a = value(Op::GlobalAddr, tt_.pointer(o->type), {}, p);
      a->aux = o->linkName();
      return a;
    }
    if (o && inMemory(o)) return readVar(o, cur_);
    break;
  }
  case NodeKind::StarExpr:
    return nilChecked(expr(t.kid(e, 0)), p);
  case NodeKind::SelectorExpr:
    return fieldAddr(e);
  case NodeKind::IndexExpr: {
    const Type *xt = types::under(typeOf(t.kid(e, 0)));
    if (xt->kind == types::TypeKind::Slice) return sliceElemAddr(e);
    if (xt->kind == types::TypeKind::Array || xt->kind == types::TypeKind::Pointer) return arrayElemAddr(e);
    if (xt->kind == types::TypeKind::Map) return mapIndex(e, true);
    break;
  }
  case NodeKind::CompositeLit:
    return compositeLit(e);
  default:
    break;
  }
  unsupported(p, "the address of " + std::string(syntax::nodeKindName(t.kind(e))));
  return value(Op::ConstInt, tt_.pointer(typeOf(e)), {}, p);
}

Value *Builder::compositeLit(NodeId e) {
  const Type *lt = typeOf(e);
  Pos p = pos(e);
  if (types::under(lt)->kind == types::TypeKind::Slice) {
    // []T{...}: a new backing array of the literal's length, filled.
    const Type *et = types::under(lt)->elem;
    int64_t n = literalLength(literalElements(e, types::under(lt)));
    Value *len = intConst(n, p);
    Value *arr;
    if (!facts_.escapes(tree_, e)) {
      const Type *at = tt_.array(et, n);
      arr = allocate(e, tt_.pointer(at), at, p, true);
    } else {
      arr = value(Op::RuntimeCall, basic(BasicKind::UnsafePointer), {typeDesc(et, p), len, len}, p);
      arr->aux = "runtime.makeslice";
    }
    fillComposite(e, arr);
    return value(Op::SliceMake, lt, {arr, len, len}, p);
  }
  if (types::under(lt)->kind == types::TypeKind::Pointer) {
    // An element {...} of a []*T literal stands for &T{...}.
    const Type *et = types::under(lt)->elem;
    Value *obj = allocate(e, lt, et, p, true);
    if (isAggregate(et)) fillComposite(e, obj);
    else unsupported(p, "a composite literal of type " + types::typeString(lt));
    return obj;
  }
  Value *tmp = temp(lt, p);
  zero(tmp, lt, p);
  fillComposite(e, tmp);
  fresh_.insert(tmp);
  return tmp;
}

std::vector<Builder::LiteralElement> Builder::literalElements(NodeId e, const Type *u) {
  // Spec "Composite literals": struct elements name their field or come
  // in field order; array and slice positions count on from the last key.
  const syntax::Tree &t = *tree_;
  std::vector<LiteralElement> out;
  int64_t next = 0;
  for (size_t i = 1; i < t.numKids(e); ++i) {
    NodeId el = t.kid(e, i);
    if (u->kind == types::TypeKind::Struct) {
      next = int64_t(i - 1);
      if (t.kind(el) == NodeKind::KeyValueExpr) {
        std::string name(t[t.kid(el, 0)].text);
        for (size_t k = 0; k < u->fields.size(); ++k)
          if (u->fields[k].name == name) next = int64_t(k);
        el = t.kid(el, 1);
      }
      out.push_back({next, el});
      continue;
    }
    if (t.kind(el) == NodeKind::KeyValueExpr) {
      next = tv(t.kid(el, 0)).value->toInt()->int64Val(); // a constant (checked)
      el = t.kid(el, 1);
    }
    out.push_back({next++, el});
  }
  return out;
}

int64_t Builder::literalLength(const std::vector<LiteralElement> &elems) {
  int64_t n = 0;
  for (const LiteralElement &el : elems) n = std::max(n, el.index + 1);
  return n;
}

void Builder::fillComposite(NodeId e, Value *dst) {
  // Elements in source order; omitted ones keep the zero value dst
  // already holds.
  const Type *u = types::under(typeOf(e));
  if (u->kind == types::TypeKind::Pointer) u = types::under(u->elem); // {...} for &T{...}, elided
  Pos p = pos(e);
  if (u->kind == types::TypeKind::Struct) {
    std::vector<int64_t> offs = types::fieldOffsets(u);
    for (const LiteralElement &el : literalElements(e, u)) {
      const Type *ft = u->fields[size_t(el.index)].type;
      Value *a = value(Op::AddPtr, tt_.pointer(ft), {dst, intConst(offs[size_t(el.index)], p)}, p);
      elementInto(a, el.value, ft);
    }
    return;
  }
  for (const LiteralElement &el : literalElements(e, u))
    elementInto(elemAddr(dst, intConst(el.index, p), u->elem, p), el.value, u->elem);
}

void Builder::elementInto(Value *addr, NodeId el, const Type *et) {
  // A nested literal of aggregate type is built in place.
  const syntax::Tree &t = *tree_;
  NodeId x = el;
  while (t.kind(x) == NodeKind::ParenExpr) x = t.kid(x, 0);
  if (t.kind(x) == NodeKind::CompositeLit && isAggregate(typeOf(x)) && types::under(typeOf(x)) == types::under(et)) {
    fillComposite(x, addr);
    return;
  }
  storeValue(addr, conv(expr(el), et, pos(el)), et, pos(el));
}

Value *Builder::equalAggregate(Value *x, Value *y, const Type *t, Pos p) {
  // Field by field (blank fields excluded) or element by element, as the
  // spec defines struct and array equality; the comparisons are combined
  // without short circuit (every load is of valid memory).
  const Type *u = types::under(t);
  const Type *boolT = basic(BasicKind::Bool);
  Value *all = nullptr;
  auto combine = [&](Value *c) { all = all ? value(Op::And, boolT, {all, c}, p) : c; };
  auto one = [&](Value *xa, Value *ya, const Type *et) {
    if (isAggregate(et)) {
      combine(equalAggregate(xa, ya, et, p));
      return;
    }
    if (types::isInterface(et)) {
      combine(ifaceCompare(true, value(Op::Load, et, {xa}, p), value(Op::Load, et, {ya}, p), p));
      return;
    }
    combine(value(Op::Eq, boolT, {value(Op::Load, et, {xa}, p), value(Op::Load, et, {ya}, p)}, p));
  };
  if (u->kind == types::TypeKind::Struct) {
    std::vector<int64_t> offs = types::fieldOffsets(u);
    for (size_t i = 0; i < u->fields.size(); ++i) {
      const types::Field &f = u->fields[i];
      if (f.name == "_") continue;
      const Type *pt = tt_.pointer(f.type);
      one(value(Op::AddPtr, pt, {x, intConst(offs[i], p)}, p), value(Op::AddPtr, pt, {y, intConst(offs[i], p)}, p),
          f.type);
    }
  } else {
    for (int64_t i = 0; i < u->len; ++i)
      one(elemAddr(x, intConst(i, p), u->elem, p), elemAddr(y, intConst(i, p), u->elem, p), u->elem);
  }
  if (!all) {
    all = value(Op::ConstBool, boolT, {}, p);
    all->auxInt = 1;
  }
  return all;
}

void Builder::rangeArray(NodeId s) {
  // for i, v := range a: the array is copied first when v is used (the
  // range expression is evaluated once); through a pointer it is not.
  const syntax::Tree &t = *tree_;
  Pos p = pos(s);
  NodeId x = t.kid(s, 2);
  const Type *at = types::under(typeOf(x));
  bool valueUsed = t.kid(s, 1).valid() && !(t.kind(t.kid(s, 1)) == NodeKind::Ident && t[t.kid(s, 1)].text == "_");
  Value *base;
  if (at->kind == types::TypeKind::Pointer) {
    base = expr(x);
    at = types::under(at->elem);
    if (valueUsed) base = nilChecked(base, p);
  } else {
    base = expr(x);
    if (valueUsed) base = copyAggregate(base, at, p);
  }
  rangeIndexed(s, base, intConst(at->len, p), at->elem);
}

} // namespace origo::ssa
