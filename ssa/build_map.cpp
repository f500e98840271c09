//===- ssa/build_map.cpp - maps -------------------------------------------===//
/// \file
/// Map operations as calls of the runtime's map (runtime/map.cpp, gc's
/// design): make and literals (makemap), m[k] (mapaccess1, the element's
/// zero value for a missing key), v, ok := m[k] (mapaccess2), m[k] = v
/// (mapassign returns the element's slot; a nil map panics there), delete,
/// len, and for range with the runtime's randomized iterator. Keys are
/// passed by address, from a stack slot.
//===----------------------------------------------------------------------===//
#include "ssa/builder.h"

namespace origo::ssa {

Value *Builder::mapKey(NodeId k, const Type *kt) {
  Value *slot = temp(kt, pos(k));
  // A literal key is built in place, over zeroed memory.
  if (isAggregate(kt)) zero(slot, kt, pos(k));
  elementInto(slot, k, kt);
  return slot;
}

Value *Builder::mapCall(const char *fn, const Type *rt, std::vector<Value *> args, Pos p) {
  Value *c = value(Op::RuntimeCall, rt, std::move(args), p);
  c->aux = fn;
  return c;
}

Value *Builder::mapIndex(NodeId e, bool forAssign) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  const Type *mt = typeOf(t.kid(e, 0));
  Value *m = expr(t.kid(e, 0));
  Value *key = mapKey(t.kid(e, 1), types::under(mt)->key);
  const Type *ptrT = basic(BasicKind::UnsafePointer);
  if (forAssign) return mapCall("runtime.mapassign", ptrT, {typeDesc(mt, p), m, key}, p);
  const Type *et = types::under(mt)->elem;
  if (types::layoutOf(et).size > 1024) unsupported(p, "a map element larger than 1024 bytes");
  Value *slot = mapCall("runtime.mapaccess1", ptrT, {typeDesc(mt, p), m, key}, p);
  // The element is read now: later map writes may move it.
  return isAggregate(et) ? copyAggregate(slot, et, p) : value(Op::Load, et, {slot}, p);
}

void Builder::mapIndexOk(NodeId e, std::vector<Value *> &out) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  const Type *mt = typeOf(t.kid(e, 0));
  Value *m = expr(t.kid(e, 0));
  Value *key = mapKey(t.kid(e, 1), types::under(mt)->key);
  const Type *ptrT = basic(BasicKind::UnsafePointer), *boolT = basic(BasicKind::Bool);
  const Type *et = types::under(mt)->elem;
  Value *r = mapCall("runtime.mapaccess2", tt_.tuple({ptrT, boolT}), {typeDesc(mt, p), m, key}, p);
  Value *slot = value(Op::Select, ptrT, {r}, p);
  Value *ok = value(Op::Select, boolT, {r}, p);
  ok->auxInt = 1;
  out.push_back(isAggregate(et) ? copyAggregate(slot, et, p) : value(Op::Load, et, {slot}, p));
  out.push_back(ok);
}

Value *Builder::makeMap(const Type *mt, Value *hint, Pos p) {
  Value *nilH = value(Op::ConstInt, basic(BasicKind::UnsafePointer), {}, p);
  Value *h = mapCall("runtime.makemap", mt, {typeDesc(mt, p), conv(hint, basic(BasicKind::Int), p), nilH}, p);
  return h;
}

Value *Builder::mapLit(NodeId e) {
  // map[K]V{k: v, ...}: a map sized for the elements, filled in order.
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  const Type *mt = typeOf(e), *u = types::under(mt);
  Value *m = makeMap(mt, intConst(int64_t(t.numKids(e) - 1), p), p);
  for (size_t i = 1; i < t.numKids(e); ++i) {
    NodeId kv = t.kid(e, i);
    Value *key = mapKey(t.kid(kv, 0), u->key);
    Value *slot = mapCall("runtime.mapassign", basic(BasicKind::UnsafePointer), {typeDesc(mt, p), m, key}, pos(kv));
    elementInto(slot, t.kid(kv, 1), u->elem);
  }
  return m;
}

void Builder::rangeMap(NodeId s) {
  // for k, v := range m: the runtime's iterator (a 96-byte Hiter in a
  // stack slot) yields each entry's key and element slots until the key
  // slot is nil; the order is randomized, as gc's.
  const syntax::Tree &t = *tree_;
  Pos p = pos(s);
  NodeId keyN = t.kid(s, 0), valN = t.kid(s, 1);
  bool isDefine = t[s].op == Tok::Define;
  const Type *mt = typeOf(t.kid(s, 2)), *u = types::under(mt);
  const Type *ptrT = basic(BasicKind::UnsafePointer), *boolT = basic(BasicKind::Bool);
  Value *m = expr(t.kid(s, 2));
  defineRangeVars(s);
  const Type *hiterT = tt_.array(basic(BasicKind::Uintptr), 12);
  Value *it = temp(hiterT, p);
  zero(it, hiterT, p);
  mapCall("runtime.mapiterinit", tt_.tuple({}), {typeDesc(mt, p), m, it}, p);
  Block *header = newBlock(), *body = newBlock(), *post = newBlock(), *exit = newBlock();
  header->pos = p;
  jump(header);
  startBlock(header);
  Value *kp = value(Op::Load, ptrT, {it}, p);
  branch(value(Op::Neq, boolT, {kp, value(Op::ConstInt, ptrT, {}, p)}, p), body, exit);
  seal(body);
  startBlock(body);
  bindRange(keyN, deref(kp, u->key, p), isDefine, p);
  if (valN.valid()) {
    Value *ep = value(Op::Load, ptrT, {value(Op::AddPtr, ptrT, {it, intConst(8, p)}, p)}, p);
    bindRange(valN, deref(ep, u->elem, p), isDefine, p);
  }
  rangeBody(s, exit, post);
  mapCall("runtime.mapiternext", tt_.tuple({}), {it}, p);
  endLoop(header, exit);
}

void Builder::multiValue(NodeId e, std::vector<Value *> &out) {
  // The right side of a, b = x: a call, or a comma-ok form.
  const syntax::Tree &t = *tree_;
  while (t.kind(e) == NodeKind::ParenExpr) e = t.kid(e, 0);
  if (t.kind(e) == NodeKind::IndexExpr && types::under(typeOf(t.kid(e, 0)))->kind == types::TypeKind::Map) {
    mapIndexOk(e, out);
    return;
  }
  if (t.kind(e) == NodeKind::TypeAssertExpr) {
    typeAssert(e, &out);
    return;
  }
  if (t.kind(e) != NodeKind::CallExpr) {
    unsupported(pos(e), "the comma-ok form of " + std::string(syntax::nodeKindName(t.kind(e))));
    return;
  }
  call(e, &out);
}

} // namespace origo::ssa
