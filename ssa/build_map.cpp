//===- ssa/build_map.cpp - maps -------------------------------------------===//
/// \file
/// Map operations as calls of the runtime's map (runtime/map.cpp, gc's
/// design): make and literals (makemap), m[k] (mapaccess1, the element's
/// zero value for a missing key), v, ok := m[k] (mapaccess2), m[k] = v
/// (mapassign returns the element's slot; a nil map panics there), delete,
/// len, and for range with the runtime's randomized iterator. Keys are
/// passed by value to the runtime's key-by-value variants where gc's
/// mapfast would (mapKeyPass), else by address, from a stack slot; a
/// string(b) key of a byte slice lends b's bytes where the runtime does
/// not keep them (gc's slicebytetostringtmp, and beyond gc m[string(b)]++,
/// which copies them only to insert a new key).
//===----------------------------------------------------------------------===//
#include "ssa/builder.h"

#include <cstring>

namespace origo::ssa {

Builder::MapKeyPass Builder::mapKeyPass(const Type *mt) {
  // gc's walk.mapfast: elements up to 128 bytes (stored in the buckets),
  // string keys, and keys of 4 or 8 bytes that compare as memory.
  const Type *u = types::under(mt), *kt = u->key;
  if (types::layoutOf(u->elem).size > 128) return MapKeyPass::Slot;
  if (types::isString(kt)) return MapKeyPass::String;
  if (!types::isRegularMemory(kt)) return MapKeyPass::Slot;
  int64_t size = types::layoutOf(kt).size;
  if (size == 4 && !types::hasPointers(kt)) return MapKeyPass::Word32;
  if (size == 8) return types::hasPointers(kt) ? MapKeyPass::Word64Ptr : MapKeyPass::Word64;
  return MapKeyPass::Slot;
}

bool Builder::isBytesToString(NodeId k) {
  const syntax::Tree &t = *tree_;
  while (t.kind(k) == NodeKind::ParenExpr) k = t.kid(k, 0);
  if (t.kind(k) != NodeKind::CallExpr || t.numKids(k) != 2 || tv(t.kid(k, 0)).mode != types::Mode::TypeExpr ||
      !types::isString(typeOf(k)))
    return false;
  const Type *from = types::under(typeOf(t.kid(k, 1)));
  return from->kind == types::TypeKind::Slice && types::under(from->elem)->isBasic(BasicKind::Uint8);
}

Builder::MapRef Builder::mapRef(NodeId e, Borrow borrow) {
  const syntax::Tree &t = *tree_;
  while (t.kind(e) == NodeKind::ParenExpr) e = t.kid(e, 0);
  const Type *mt = typeOf(t.kid(e, 0));
  Value *m = expr(t.kid(e, 0));
  return mapRef(mt, m, t.kid(e, 1), borrow, pos(e));
}

Builder::MapRef Builder::mapRef(const Type *mt, Value *m, NodeId k, Borrow borrow, Pos p) {
  const syntax::Tree &t = *tree_;
  MapRef r{mt, m, nullptr, mapKeyPass(mt), false, p};
  const Type *kt = types::under(mt)->key;
  if ((borrow == Borrow::Lookup || (borrow == Borrow::Insert && r.pass == MapKeyPass::String)) &&
      types::isString(kt) && isBytesToString(k)) {
    while (t.kind(k) == NodeKind::ParenExpr) k = t.kid(k, 0);
    Value *b = expr(t.kid(k, 1));
    Value *s = value(Op::StringMake, kt, {value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {b}, p),
                                          value(Op::SliceLen, basic(BasicKind::Int), {b}, p)}, p);
    r.key = mapKeyOf(mt, r.pass, s, p);
    r.borrowed = true;
    return r;
  }
  r.key = mapKey(mt, r.pass, k);
  return r;
}

Value *Builder::mapKey(const Type *mt, MapKeyPass pass, NodeId k) {
  const Type *kt = types::under(mt)->key;
  if (pass != MapKeyPass::Slot && !isAggregate(kt)) return mapKeyOf(mt, pass, conv(expr(k), kt, pos(k)), pos(k));
  Value *slot = temp(kt, pos(k));
  // A literal key is built in place, over zeroed memory.
  if (isAggregate(kt)) zero(slot, kt, pos(k));
  elementInto(slot, k, kt);
  return pass == MapKeyPass::Slot ? slot : mapKeyOf(mt, pass, slot, pos(k));
}

Value *Builder::mapKeyOf(const Type *mt, MapKeyPass pass, Value *k, Pos p) {
  const Type *kt = types::under(mt)->key;
  switch (pass) {
  case MapKeyPass::Slot: {
    Value *slot = temp(kt, p);
    storeValue(slot, k, kt, p);
    return slot;
  }
  case MapKeyPass::String:
    return k;
  case MapKeyPass::Word32:
  case MapKeyPass::Word64:
  case MapKeyPass::Word64Ptr: {
    // The key's bits as one word: scalars as they are, a small array or
    // struct loaded from its memory.
    if (!isAggregate(kt)) return k;
    const Type *wt = basic(pass == MapKeyPass::Word32 ? BasicKind::Uint32
                           : pass == MapKeyPass::Word64 ? BasicKind::Uint64 : BasicKind::UnsafePointer);
    return value(Op::Load, wt, {k}, p);
  }
  }
  return k;
}

Value *Builder::mapOp(const char *op, const MapRef &r, const Type *rt) {
  std::string fn = std::string("runtime.") + op;
  bool assign = std::strcmp(op, "mapassign") == 0;
  Value *key = r.key;
  switch (r.pass) {
  case MapKeyPass::Slot: break;
  case MapKeyPass::String: fn += assign && r.borrowed ? "_faststr_borrowed" : "_faststr"; break;
  case MapKeyPass::Word32: fn += "_fast32"; break;
  case MapKeyPass::Word64: fn += "_fast64"; break;
  case MapKeyPass::Word64Ptr:
    // Stored as a pointer by mapassign_fast64ptr; otherwise only its bits
    // matter.
    if (assign) {
      fn += "_fast64ptr";
    } else {
      fn += "_fast64";
      key = value(Op::Conv, basic(BasicKind::Uintptr), {key}, r.p);
    }
    break;
  }
  Value *c = value(Op::RuntimeCall, rt, {typeDesc(r.mt, r.p), r.m, key}, r.p);
  c->aux = fn;
  return c;
}

Value *Builder::mapSlot(const MapRef &r) { return mapOp("mapassign", r, basic(BasicKind::UnsafePointer)); }

Value *Builder::mapRead(const MapRef &r) {
  const Type *et = types::under(r.mt)->elem;
  if (types::layoutOf(et).size > 1024) unsupported(r.p, "a map element larger than 1024 bytes");
  Value *slot = mapOp("mapaccess1", r, basic(BasicKind::UnsafePointer));
  // The element is read now: later map writes may move it.
  return isAggregate(et) ? copyAggregate(slot, et, r.p) : value(Op::Load, et, {slot}, r.p);
}

Value *Builder::mapCall(const char *fn, const Type *rt, std::vector<Value *> args, Pos p) {
  Value *c = value(Op::RuntimeCall, rt, std::move(args), p);
  c->aux = fn;
  return c;
}

Value *Builder::mapIndex(NodeId e, bool forAssign) {
  // For assignment, the slot is taken right after the key is evaluated
  // (the right side was evaluated before).
  MapRef r = mapRef(e, forAssign ? Borrow::Insert : Borrow::Lookup);
  return forAssign ? mapSlot(r) : mapRead(r);
}

void Builder::mapIndexOk(NodeId e, std::vector<Value *> &out) {
  MapRef r = mapRef(e, Borrow::Lookup);
  const Type *ptrT = basic(BasicKind::UnsafePointer), *boolT = basic(BasicKind::Bool);
  const Type *et = types::under(r.mt)->elem;
  Value *res = mapOp("mapaccess2", r, tt_.tuple({ptrT, boolT}));
  Value *slot = value(Op::Select, ptrT, {res}, r.p);
  Value *ok = value(Op::Select, boolT, {res}, r.p);
  ok->auxInt = 1;
  out.push_back(isAggregate(et) ? copyAggregate(slot, et, r.p) : value(Op::Load, et, {slot}, r.p));
  out.push_back(ok);
}

void Builder::mapOpAssign(NodeId s, NodeId lhs) {
  // m[k] op= y (gc's order.go): m, k, then y, then one mapassign whose
  // slot is read and written, so a panic in y inserts nothing. Division
  // and remainder read the element first (mapaccess1) and insert after
  // their zero check, so m[k] /= 0 inserts nothing either.
  const syntax::Tree &t = *tree_;
  NodeId rhs = t.kid(t.kid(s, 1), 0);
  Pos p = pos(s);
  // A string(b) key lends its bytes to the insertion after y, which may
  // change them: as with gc, which converts it there, the insertion sees
  // the bytes as they are then (the spec leaves the order of a conversion
  // and a call unspecified).
  MapRef r = mapRef(lhs, Borrow::Insert);
  Value *y = expr(rhs);
  const Type *et = types::under(r.mt)->elem;
  Tok op = syntax::assignOpBinary(t[s].op);
  if (op == Tok::Quo || op == Tok::Rem) {
    Value *v = binary(s, mapRead(r), y);
    storeValue(mapSlot(r), conv(v, et, p), et, p);
    return;
  }
  Value *slot = mapSlot(r);
  Value *v = binary(s, deref(slot, et, p), y);
  storeValue(slot, conv(v, et, p), et, p);
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
    MapRef r = mapRef(mt, m, t.kid(kv, 0), Borrow::No, pos(kv));
    elementInto(mapSlot(r), t.kid(kv, 1), u->elem);
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
  bindRange2(keyN, deref(kp, u->key, p), valN, [&] {
    Value *ep = value(Op::Load, ptrT, {value(Op::AddPtr, ptrT, {it, intConst(8, p)}, p)}, p);
    return deref(ep, u->elem, p);
  }, isDefine, p);
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
  if (isRecv(e)) {
    chanRecv(e, &out);
    return;
  }
  if (t.kind(e) != NodeKind::CallExpr) {
    unsupported(pos(e), "the comma-ok form of " + std::string(syntax::nodeKindName(t.kind(e))));
    return;
  }
  call(e, &out);
}

} // namespace origo::ssa
