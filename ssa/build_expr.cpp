//===- ssa/build_expr.cpp - expressions -----------------------------------===//
/// \file
/// Expressions: constants, conversions (spec "Conversions"), operands,
/// unary and binary operators with Go's runtime checks.
//===----------------------------------------------------------------------===//
#include "ssa/builder.h"

#include <cassert>
#include <cstring>

namespace origo::ssa {

Value *Builder::constant(const types::TypeAndValue &tv, Pos p) {
  const Type *t = types::isUntyped(tv.type) ? types::defaultType(tt_, tv.type) : subst(tv.type);
  const types::Constant &c = *tv.value;
  switch (c.kind()) {
  case types::Constant::Kind::Bool: {
    Value *v = value(Op::ConstBool, t, {}, p);
    v->auxInt = c.boolVal();
    return v;
  }
  case types::Constant::Kind::String: {
    Value *v = value(Op::ConstString, t, {}, p);
    v->aux = c.stringVal();
    return v;
  }
  default: {
    if (types::isComplex(t)) {
      // Both parts as float constants of the component type.
      const Type *ft = basic(types::under(t)->basic == BasicKind::Complex64 ? BasicKind::Float32 : BasicKind::Float64);
      auto part = [&](double d) {
        if (ft->basic == BasicKind::Float32) d = double(float(d));
        Value *v = value(Op::ConstFloat, ft, {}, p);
        std::memcpy(&v->auxInt, &d, sizeof d);
        return v;
      };
      return value(Op::ComplexMake, t, {part(c.real().toDouble()), part(c.imag().toDouble())}, p);
    }
    if (types::isFloat(t)) {
      // Rounded to the type first: a float32 constant is the float32
      // nearest the exact value.
      double d = c.toDouble();
      if (types::under(t)->basic == BasicKind::Float32) d = double(float(d));
      Value *v = value(Op::ConstFloat, t, {}, p);
      std::memcpy(&v->auxInt, &d, sizeof d);
      return v;
    }
    Value *v = value(Op::ConstInt, t, {}, p);
    auto iv = c.toInt();
    v->auxInt = iv ? iv->int64Val() : 0;
    return v;
  }
  }
}

Value *Builder::conv(Value *v, const Type *to, Pos p) {
  if (!to || !v->type || v->type == to) return v; // no type: an unsupported operand (reported)
  if (v->type->isBasic(BasicKind::UntypedNil)) return value(Op::ConstInt, to, {}, p);
  const Type *fu = types::under(v->type), *tu = types::under(to);
  if (isAggregate(to)) return v; // aggregates: the same memory
  if (v->op == Op::ConstInt && v->type->isBasic(BasicKind::UntypedNil)) return value(Op::ConstInt, to, {}, p);
  // The same representation: a copy that carries the new type.
  auto retype = [&] { return value(Op::Copy, to, {v}, p); };
  if (tu->kind == types::TypeKind::Interface) return toIface(v, to, p); // (a new itab, also between alike interfaces)
  if (fu == tu) return retype();
  bool fromNum = types::isInteger(fu) || types::isFloat(fu), toNum = types::isInteger(tu) || types::isFloat(tu);
  if (fromNum && toNum) return value(Op::Conv, to, {v}, p);
  if (types::isComplex(fu) && types::isComplex(tu)) {
    // complex64 <-> complex128: each part converted.
    const Type *ft = basic(tu->basic == BasicKind::Complex64 ? BasicKind::Float32 : BasicKind::Float64);
    return value(Op::ComplexMake, to, {conv(value(Op::Real, componentType(v->type), {v}, p), ft, p),
                                       conv(value(Op::Imag, componentType(v->type), {v}, p), ft, p)}, p);
  }
  if (types::isInteger(fu) && types::isString(tu)) {
    // string(rune): the UTF-8 encoding, "\uFFFD" when not a valid code point
    // (any integer type; values beyond int64 are invalid either way).
    Value *c = value(Op::RuntimeCall, to, {value(Op::Conv, basic(BasicKind::Int64), {v}, p)}, p);
    c->aux = "runtime.intstring";
    return c;
  }
  if ((types::isString(fu) && types::isString(tu)) || (types::isBoolean(fu) && types::isBoolean(tu))) return retype();
  auto byteSlice = [](const Type *u) {
    return u->kind == types::TypeKind::Slice && types::under(u->elem)->isBasic(BasicKind::Uint8);
  };
  auto runeSlice = [](const Type *u) {
    return u->kind == types::TypeKind::Slice && types::under(u->elem)->isBasic(BasicKind::Int32);
  };
  if (types::isString(fu) && (byteSlice(tu) || runeSlice(tu))) {
    Value *c = value(Op::RuntimeCall, to, {v}, p);
    c->aux = byteSlice(tu) ? "runtime.stringtoslicebyte" : "runtime.stringtoslicerune";
    return c;
  }
  if ((byteSlice(fu) || runeSlice(fu)) && types::isString(tu)) {
    Value *c = value(Op::RuntimeCall, to, {value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {v}, p),
                                            value(Op::SliceLen, basic(BasicKind::Int), {v}, p)}, p);
    c->aux = byteSlice(fu) ? "runtime.slicebytetostring" : "runtime.slicerunetostring";
    return c;
  }
  // Conversions the checker allowed between reference types of one kind
  // (identical underlying types up to names) keep the representation, as
  // do those between pointers and unsafe.Pointer.
  if (fu->kind == types::TypeKind::Slice && tu->kind == types::TypeKind::Pointer &&
      types::under(tu->elem)->kind == types::TypeKind::Array) {
    // (*[N]T)(s): s's array, after gc's check that len(s) >= N.
    int64_t n = types::under(tu->elem)->len;
    Value *len = value(Op::SliceLen, basic(BasicKind::Int), {v}, p);
    panicIf(value(Op::Less, basic(BasicKind::Bool), {len, intConst(n, p)}, p), "runtime.panicSliceConvert", p,
            {intConst(n, p), len});
    return value(Op::SlicePtr, to, {v}, p);
  }
  auto isPtr = [](const Type *u) { return u->kind == types::TypeKind::Pointer || u->isBasic(BasicKind::UnsafePointer); };
  if (isPtr(fu) && isPtr(tu)) return retype();
  if (fu->kind == tu->kind && (fu->kind == types::TypeKind::Slice || fu->kind == types::TypeKind::Signature ||
                               fu->kind == types::TypeKind::Map || fu->kind == types::TypeKind::Chan))
    return retype();
  if ((fu->isBasic(BasicKind::UnsafePointer) && types::isInteger(tu)) ||
      (types::isInteger(fu) && tu->isBasic(BasicKind::UnsafePointer)))
    return value(Op::Conv, to, {v}, p);
  unsupported(p, "conversion from " + types::typeString(v->type) + " to " + types::typeString(to));
  return v;
}

Value *Builder::comparand(Value *v, Pos p) {
  // A slice compares only with nil: its array pointer does.
  if (types::under(v->type)->kind != types::TypeKind::Slice) return v;
  return value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {v}, p);
}

bool Builder::isQualified(NodeId e) const {
  const syntax::Tree &t = *tree_;
  if (t.kind(e) != NodeKind::SelectorExpr || t.kind(t.kid(e, 0)) != NodeKind::Ident) return false;
  const Object *x = info_->uses[t.kid(e, 0).index];
  return x && x->kind == ObjKind::PkgName;
}

Value *Builder::objectValue(NodeId e, const Object *o) {
  assert(o && "identifier without object after type checking");
  if (o->kind == ObjKind::Var) {
    if (o->isGlobal && isAggregate(o->type)) return addrOf(e);
    if (o->isGlobal) {
      Value *l = value(Op::LoadGlobal, o->type, {}, pos(e));
      l->aux = o->linkName();
      return l;
    }
    return load(o, pos(e));
  }
  if (o->kind == ObjKind::Func && !o->isMethod) {
    Value *v = value(Op::FuncAddr, typeOf(e), {}, pos(e));
    v->aux = o->type->typeParams.empty() ? o->linkName() : genericInstance(o, e, tree_->kind(e) == NodeKind::SelectorExpr ? tree_->kid(e, 1) : e);
    return v;
  }
  if (o->kind == ObjKind::Nil) return value(Op::ConstInt, typeOf(e), {}, pos(e));
  unsupported(pos(e), "a function value");
  return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
}

Value *Builder::expr(NodeId e) {
  Value *v = exprValue(e);
  if (v && tv(e).type && isAggregate(typeOf(e))) {
    // An aggregate's value is its address, the same SSA value as &x: a
    // copy of its own records that this one is the aggregate.
    Value *c = value(Op::Copy, v->type, {v}, pos(e));
    if (fresh_.count(v)) fresh_.insert(c);
    aggType_[c] = typeOf(e);
    return c;
  }
  return v;
}

Value *Builder::exprValue(NodeId e) {
  const syntax::Tree &t = *tree_;
  const types::TypeAndValue &v = tv(e);
  lastPos_ = pos(e);
  if (t.kind(e) == NodeKind::Ident && info_->uses[e.index] && info_->uses[e.index]->kind == ObjKind::Nil)
    return value(Op::ConstInt, v.type ? v.type : basic(BasicKind::UntypedNil), {}, pos(e)); // typed by conv
  if (!lowerable(typeOf(e))) {
    unsupported(pos(e), "a value of type " + types::typeString(typeOf(e)));
    return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
  }
  if (v.value) return constant(v, pos(e));
  switch (t.kind(e)) {
  case NodeKind::ParenExpr:
    return expr(t.kid(e, 0));
  case NodeKind::Ident:
    return objectValue(e, info_->uses[e.index]);
  case NodeKind::FuncLit:
    return funcLit(e);
  case NodeKind::CompositeLit: {
    types::TypeKind k = types::under(typeOf(e))->kind;
    if (k == types::TypeKind::Slice || k == types::TypeKind::Struct || k == types::TypeKind::Array ||
        k == types::TypeKind::Pointer)
      return compositeLit(e);
    if (k == types::TypeKind::Map) return mapLit(e);
    unsupported(pos(e), "a composite literal of type " + types::typeString(typeOf(e)));
    return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
  }
  case NodeKind::StarExpr:
    return deref(addrOf(e), typeOf(e), pos(e));
  case NodeKind::SelectorExpr: {
    const Object *sel = info_->uses[t.kid(e, 1).index];
    if (sel && sel->kind == ObjKind::Var && sel->isField) return deref(fieldAddr(e), typeOf(e), pos(e));
    if (types::isInterface(typeOf(t.kid(e, 0)))) return ifaceMethodValue(e);
    if (sel && sel->kind == ObjKind::Func && !sel->recvType && tv(t.kid(e, 0)).mode == types::Mode::TypeExpr &&
        !types::isInterface(typeOf(t.kid(e, 0)))) {
      // T.m with T a type parameter (m a method of its constraint): m of
      // the type argument.
      types::LookupResult r = types::lookupFieldOrMethod(typeOf(t.kid(e, 0)), sel->name, sel->pkg);
      if (r.method && (!r.interfaceMethod || !r.path.empty())) return methodValue(e, r.method);
    }
    if (sel && sel->kind == ObjKind::Func && sel->isMethod) return methodValue(e, sel);
    types::Mode xm = tv(t.kid(e, 0)).mode;
    if (sel && sel->kind == ObjKind::Func && !sel->recvType && xm != types::Mode::Invalid &&
        xm != types::Mode::NoValue && xm != types::Mode::TypeExpr && typeOf(t.kid(e, 0)))
      return ifaceMethodValue(e); // promoted from an interface (not pkg.F)
    if (isQualified(e)) return objectValue(e, sel);
    unsupported(pos(e), "a qualified identifier");
    return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
  }
  case NodeKind::UnaryExpr: {
    if (t[e].op == Tok::And) {
      // &x: the cell of a local (findHeapVars put it on the heap), a
      // global, a field or element of one; &T{...}: a new heap object.
      NodeId x = t.kid(e, 0);
      while (t.kind(x) == NodeKind::ParenExpr) x = t.kid(x, 0);
      if (t.kind(x) == NodeKind::CompositeLit) {
        const Type *lt = typeOf(x);
        Value *obj = allocate(e, typeOf(e), lt, pos(e), true);
        if (isAggregate(lt)) fillComposite(x, obj);
        else storeValue(obj, compositeLit(x), lt, pos(e));
        return obj;
      }
      return addrOf(x);
    }
    if (t[e].op == Tok::Arrow) return chanRecv(e, nullptr);
    Value *x = expr(t.kid(e, 0));
    switch (t[e].op) {
    case Tok::Sub: return value(Op::Neg, typeOf(e), {x}, pos(e));
    case Tok::Xor: return value(Op::Com, typeOf(e), {x}, pos(e));
    case Tok::Not: return value(Op::Not, typeOf(e), {x}, pos(e));
    default: return x;
    }
  }
  case NodeKind::BinaryExpr: {
    Tok op = t[e].op;
    if (op == Tok::LAnd || op == Tok::LOr) {
      // Materialize a short-circuit condition as a phi of constants.
      Block *yes = newBlock(), *no = newBlock(), *join = newBlock();
      condBranch(e, yes, no);
      seal(yes);
      seal(no);
      startBlock(yes);
      Value *tv1 = value(Op::ConstBool, typeOf(e), {}, pos(e));
      tv1->auxInt = 1;
      jump(join);
      startBlock(no);
      Value *fv = value(Op::ConstBool, typeOf(e), {}, pos(e));
      jump(join);
      seal(join);
      startBlock(join);
      Value *phi = value(Op::Phi, typeOf(e), {tv1, fv}, pos(e));
      return phi;
    }
    return binary(e);
  }
  case NodeKind::IndexExpr:
    if (t.kind(t.kid(e, 0)) == NodeKind::Ident || isQualified(t.kid(e, 0))) {
      // F[int] and pkg.F[int] as values: the instance's static closure.
      NodeId fn = t.kid(e, 0);
      const Object *g = info_->uses[(t.kind(fn) == NodeKind::Ident ? fn : t.kid(fn, 1)).index];
      if (g && g->kind == ObjKind::Func && !g->type->typeParams.empty()) {
        Value *v = value(Op::FuncAddr, typeOf(e), {}, pos(e));
        v->aux = genericInstance(g, e, t.kid(e, 0));
        return v;
      }
    }
    if (types::isString(typeOf(t.kid(e, 0)))) return stringIndex(e);
    switch (types::under(typeOf(t.kid(e, 0)))->kind) {
    case types::TypeKind::Slice:
      return deref(sliceElemAddr(e), typeOf(e), pos(e));
    case types::TypeKind::Array:
    case types::TypeKind::Pointer:
      return deref(arrayElemAddr(e), typeOf(e), pos(e));
    case types::TypeKind::Map:
      return mapIndex(e, false);
    default:
      unsupported(pos(e), "expression IndexExpr");
      return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
    }
  case NodeKind::SliceExpr:
    if (types::isString(typeOf(t.kid(e, 0)))) return stringSlice(e);
    switch (types::under(typeOf(t.kid(e, 0)))->kind) {
    case types::TypeKind::Slice:
      return sliceSlice(e, expr(t.kid(e, 0)));
    case types::TypeKind::Array:
    case types::TypeKind::Pointer: {
      // a[lo:hi] of an addressable array (on the heap) or through *[N]T:
      // the array's elements as a slice, then sliced.
      const Type *at = types::under(typeOf(t.kid(e, 0)));
      Value *base;
      if (at->kind == types::TypeKind::Pointer) {
        base = nilChecked(expr(t.kid(e, 0)), pos(e));
        at = types::under(at->elem);
      } else {
        base = addrOf(t.kid(e, 0));
      }
      Value *n = intConst(at->len, pos(e));
      return sliceSlice(e, value(Op::SliceMake, typeOf(e), {base, n, n}, pos(e)));
    }
    default:
      unsupported(pos(e), "expression SliceExpr");
      return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
    }
  case NodeKind::TypeAssertExpr:
    return typeAssert(e, nullptr);
  case NodeKind::CallExpr: {
    Value *c = call(e, nullptr);
    if (!c) {
      unsupported(pos(e), "a call used as a value");
      return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
    }
    return c;
  }
  default:
    unsupported(pos(e), "expression " + std::string(syntax::nodeKindName(t.kind(e))));
    return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
  }
}

Value *Builder::binary(NodeId e, Value *x0, Value *y0) {
  const syntax::Tree &t = *tree_;
  NodeId lhs = t.kid(e, 0), rhs = t.kid(e, 1);
  Tok op = t[e].op;
  bool isAssign = t.kind(e) == NodeKind::AssignStmt;
  if (isAssign) {
    lhs = t.kid(t.kid(e, 0), 0);
    rhs = t.kid(t.kid(e, 1), 0);
    op = syntax::assignOpBinary(op);
  }
  // x == nil and nil == x: nil takes the other operand's type.
  auto isNil = [&](NodeId n) { return tv(n).type && tv(n).type->isBasic(BasicKind::UntypedNil); };
  Value *x = x0 ? x0 : isNil(lhs) ? nullptr : expr(lhs);
  Value *y = y0 ? y0 : isNil(rhs) ? nullptr : expr(rhs);
  if (!x && y) x = value(Op::ConstInt, y->type, {}, pos(lhs));
  if (!y && x) y = value(Op::ConstInt, x->type, {}, pos(rhs));
  if (!x || !y) {
    unsupported(pos(e), "nil == nil");
    return value(Op::ConstBool, basic(BasicKind::Bool), {}, pos(e));
  }
  Pos p = pos(e);
  if ((op == Tok::Eql || op == Tok::Neq) && (types::isInterface(x->type) || types::isInterface(y->type)))
    return ifaceCompare(op == Tok::Eql, x, y, p);
  if (isAggregate(typeOf(lhs)) && isAggregate(typeOf(rhs)) && (op == Tok::Eql || op == Tok::Neq)) {
    Value *eq = equalAggregate(x, y, typeOf(lhs), p);
    return op == Tok::Eql ? eq : value(Op::Not, basic(BasicKind::Bool), {eq}, p);
  }
  x = comparand(x, p);
  y = comparand(y, p);
  const Type *rt = isAssign ? x->type : typeOf(e);
  switch (op) {
  case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq: {
    y = conv(y, x->type, p);
    Op o = op == Tok::Eql ? Op::Eq : op == Tok::Neq ? Op::Neq : op == Tok::Lss ? Op::Less
         : op == Tok::Leq ? Op::Leq : op == Tok::Gtr ? Op::Greater : Op::Geq;
    return value(o, rt, {x, y}, p);
  }
  case Tok::Shl: case Tok::Shr: {
    if (!types::isUnsigned(y->type) && !tv(rhs).value) {
      Value *zero = value(Op::ConstInt, y->type, {}, p);
      panicIf(value(Op::Less, basic(BasicKind::Bool), {y, zero}, p), "runtime.panicshift", p);
    }
    x = conv(x, rt, p);
    return value(op == Tok::Shl ? Op::Lsh : Op::Rsh, rt, {x, y}, p);
  }
  case Tok::Quo: case Tok::Rem: {
    x = conv(x, rt, p);
    y = conv(y, rt, p);
    bool nonzeroConst = tv(rhs).value && tv(rhs).value->sign() != 0;
    if (types::isInteger(rt) && !nonzeroConst) {
      Value *zero = value(Op::ConstInt, rt, {}, p);
      panicIf(value(Op::Eq, basic(BasicKind::Bool), {y, zero}, p), "runtime.panicdivide", p);
    }
    return value(op == Tok::Quo ? Op::Div : Op::Mod, rt, {x, y}, p);
  }
  default: {
    x = conv(x, rt, p);
    y = conv(y, rt, p);
    if (types::isString(rt)) {
      Value *c = value(Op::RuntimeCall, rt, {x, y}, p);
      c->aux = "runtime.concatstring2";
      return c;
    }
    Op o;
    switch (op) {
    case Tok::Add: o = Op::Add; break;
    case Tok::Sub: o = Op::Sub; break;
    case Tok::Mul: o = Op::Mul; break;
    case Tok::And: o = Op::And; break;
    case Tok::Or: o = Op::Or; break;
    case Tok::Xor: o = Op::Xor; break;
    default: o = Op::AndNot; break;
    }
    return value(o, rt, {x, y}, p);
  }
  }
}

} // namespace origo::ssa
