//===- ssa/build_call.cpp - calls and built-ins ---------------------------===//
/// \file
/// Calls of functions, methods and func values (arguments, variadic
/// packing, results), and the built-in functions.
//===----------------------------------------------------------------------===//
#include "ssa/builder.h"

#include <cassert>
#include <cstring>

namespace origo::ssa {

void Builder::printCall(NodeId e, bool ln) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  // Arguments are evaluated before anything is printed.
  std::vector<Value *> args;
  std::vector<const Type *> types;
  if (t.numKids(e) == 2 && tv(t.kid(e, 1)).type && tv(t.kid(e, 1)).type->kind == types::TypeKind::Tuple) {
    // print(f()) with f returning several values.
    call(t.kid(e, 1), &args);
    types = subst(tv(t.kid(e, 1)).type)->list;
  } else {
    for (size_t i = 1; i < t.numKids(e); ++i) {
      args.push_back(expr(t.kid(e, i)));
      types.push_back(typeOf(t.kid(e, i)));
    }
  }
  printValues(args, types, ln, p);
}

void Builder::printValues(const std::vector<Value *> &args, const std::vector<const Type *> &types, bool ln,
                          Pos p) {
  auto rt = [&](const char *fn, std::vector<Value *> args) {
    Value *c = value(Op::RuntimeCall, tt_.tuple({}), std::move(args), p);
    c->aux = fn;
  };
  rt("runtime.printlock", {});
  for (size_t i = 0; i < args.size() && i < types.size(); ++i) {
    if (ln && i > 0) rt("runtime.printsp", {});
    Value *a = args[i];
    const Type *u = types::under(types[i]);
    if (types::isBoolean(u)) rt("runtime.printbool", {a});
    else if (types::isString(u)) rt("runtime.printstring", {a});
    else if (types::isFloat(u)) rt("runtime.printfloat", {conv(a, basic(BasicKind::Float64), p)});
    else if (types::isComplex(u)) {
      const Type *f64 = basic(BasicKind::Float64), *ct = componentType(u);
      rt("runtime.printcomplex", {conv(value(Op::Real, ct, {a}, p), f64, p), conv(value(Op::Imag, ct, {a}, p), f64, p)});
    }
    else if (u->kind == types::TypeKind::Slice) rt("runtime.printslice", {a});
    else if (u->kind == types::TypeKind::Interface)
      rt(types::interfaceMethods(u).empty() ? "runtime.printeface" : "runtime.printiface", {a});
    else if (u->kind == types::TypeKind::Pointer || u->kind == types::TypeKind::Signature ||
             u->kind == types::TypeKind::Map || u->kind == types::TypeKind::Chan || u->isBasic(BasicKind::UnsafePointer))
      rt("runtime.printpointer", {a});
    else if (types::isUnsigned(u)) rt("runtime.printuint", {conv(a, basic(BasicKind::Uint64), p)});
    else if (types::isInteger(u)) rt("runtime.printint", {conv(a, basic(BasicKind::Int64), p)});
  }
  if (ln) rt("runtime.printnl", {});
  rt("runtime.printunlock", {});
}

void Builder::callArgs(NodeId e, const Type *sig, std::vector<Value *> &args, size_t first) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  auto params = sig->params();
  size_t np = params.size();
  if (t.numKids(e) == 2 && np > 1 && !sig->variadic) {
    call(t.kid(e, 1), &args); // f(g()) with g returning several values
  } else if (t.numKids(e) == 2 && sig->variadic && np > 1 && tv(t.kid(e, 1)).type &&
             tv(t.kid(e, 1)).type->kind == types::TypeKind::Tuple) {
    unsupported(p, "a multi-value call as the arguments of a variadic function");
    return;
  } else {
    for (size_t i = 1; i < t.numKids(e); ++i) args.push_back(expr(t.kid(e, i)));
  }
  if (sig->variadic && t[e].op != Tok::Ellipsis) {
    // f(a, b, c) for f(x int, ys ...int): ys = []int{b, c}.
    size_t fixed = first + np - 1;
    const Type *st = params.back();
    std::vector<Value *> extra(args.begin() + long(std::min(fixed, args.size())), args.end());
    args.resize(std::min(fixed, args.size()));
    if (extra.empty()) {
      args.push_back(value(Op::ConstInt, st, {}, p)); // nil
    } else if (!lowerable(st)) {
      unsupported(p, "a variadic parameter of type " + types::typeString(st));
      return;
    } else {
      args.push_back(sliceOf(st, extra, p));
    }
  }
  for (size_t i = first; i < args.size() && i - first < np; ++i) {
    const Type *pt = params[i - first];
    args[i] = conv(args[i], pt, p);
    // The callee owns its aggregate arguments: pass a copy.
    if (isAggregate(pt)) args[i] = copyAggregate(args[i], pt, p);
  }
}

void Builder::callResults(Value *c, const std::vector<const Type *> &res, std::vector<Value *> *results) {
  // Aggregate results are in slots of the call, which nothing else uses.
  if (res.size() == 1) {
    if (isAggregate(res[0])) fresh_.insert(c);
    if (results) results->push_back(c);
    return;
  }
  if (!results) return;
  for (size_t i = 0; i < res.size(); ++i) {
    Value *s = value(Op::Select, res[i], {c}, c->pos);
    s->auxInt = int64_t(i);
    if (isAggregate(res[i])) fresh_.insert(s);
    results->push_back(s);
  }
}

std::string Builder::genericInstance(const Object *g, NodeId at, NodeId alt, types::TypeMap *mOut) {
  // The type arguments the checker recorded where g is used (a call, or
  // the instantiation F[...]), in terms of the instance being built.
  auto it = info_->instances.find(at.index);
  if (it == info_->instances.end()) it = info_->instances.find(alt.index);
  if (it == info_->instances.end()) {
    unsupported(pos(at), "a generic function without known type arguments");
    return "";
  }
  types::TypeMap m;
  for (size_t i = 0; i < g->type->typeParams.size() && i < it->second.size(); ++i)
    m[g->type->typeParams[i]] = subst(it->second[i]);
  if (mOut) *mOut = m;
  return instance(g, nullptr, m);
}

std::string Builder::methodName(const Object *m) {
  if (!m->recvType || m->recvType->typeParams.empty()) return m->linkName();
  const Type *owner = methodOwner_;
  types::TypeMap tm;
  for (size_t i = 0; i < owner->origin->typeParams.size() && i < owner->typeArgs.size(); ++i)
    tm[owner->origin->typeParams[i]] = owner->typeArgs[i];
  return instance(m, owner, tm);
}

Value *Builder::methodValue(NodeId sel, const Object *m) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(sel);
  NodeId x = t.kid(sel, 0);
  const Type *ft = typeOf(sel);
  if (tv(x).mode == types::Mode::TypeExpr) {
    // T.m, (*T).m: the method itself when its receiver is what the
    // expression's first parameter is.
    const Type *first = types::under(ft)->params()[0];
    bool ptrType = types::under(first)->kind == types::TypeKind::Pointer;
    const Type *base = ptrType ? types::under(first)->elem : first;
    // (*T).m of a value method and S.m, (*S).m of promoted ones: the
    // pkg.(*T).m wrappers (wrappers.cpp; an aggregate S is passed by
    // pointer to a copy, which they read the same way).
    std::string wrapper;
    if (base == m->recvType && ptrType && !m->ptrRecv && needsPtrWrapper(m)) wrapper = m->ptrLinkName();
    if (base->kind == types::TypeKind::Struct) instanceMethods(base); // struct{ T }.m: its wrappers
    if (base != m->recvType && (base->kind == types::TypeKind::Named || base->kind == types::TypeKind::Struct) &&
        (ptrType || isAggregate(base)))
      for (const types::MethodSetEntry &me : types::methodSetOf(tt_.pointer(base)))
        if (me.method == m && needsPromotedWrapper(base, me)) wrapper = types::ptrMethodName(base, m->name);
    if (!wrapper.empty()) {
      Value *fa = value(Op::FuncAddr, ft, {}, p);
      fa->aux = wrapper;
      return fa;
    }
    if (ptrType != m->ptrRecv || base != m->recvType || (m->recvType && !m->recvType->typeParams.empty())) {
      unsupported(p, "this method expression");
      return value(Op::ConstInt, ft, {}, p);
    }
    Value *fa = value(Op::FuncAddr, ft, {}, p);
    fa->aux = m->linkName();
    return fa;
  }
  // x.m: the receiver is evaluated (and copied) now; the closure is
  // {wrapper, receiver}.
  Value *recv = receiver(sel, m);
  if (!recv) return value(Op::ConstInt, ft, {}, p);
  const Type *recvT = m->ptrRecv ? tt_.pointer(methodOwner_) : methodOwner_;
  std::string target = methodName(m);
  std::string name = target + "-fm";
  if (instanced_.insert(name).second) pendingWrappers_.push_back({name, target, m, ft, recvT});
  Value *fa = value(Op::FuncAddr, ft, {}, p);
  fa->aux = name;
  types::Field code, rf;
  code.name = ".F";
  code.type = basic(BasicKind::UnsafePointer);
  rf.name = ".R";
  rf.type = recvT;
  const Type *ct = tt_.structType({code, rf});
  Value *obj = allocate(sel, ft, ct, p, false);
  value(Op::Store, tt_.tuple({}), {obj, value(Op::Load, code.type, {fa}, p)}, p);
  storeValue(value(Op::AddPtr, tt_.pointer(recvT), {obj, intConst(types::fieldOffsets(ct)[1], p)}, p), recv, recvT, p);
  return obj;
}

std::unique_ptr<Func> Builder::methodValueWrapper(const PendingWrapper &w) {
  // func(args) results { return recv.m(args) } with recv from the closure.
  setSubst({});
  f_ = std::make_unique<Func>(w.name, w.sig);
  f_->hasParams = !w.sig->params().empty();
  f_->file = w.m->tree ? sm_.file(w.m->tree->file).absPath : "";
  f_->pos = w.m->pos;
  defs_.clear();
  fresh_.clear();
  sealed_.clear();
  incomplete_.clear();
  heapVars_.clear();
  Block *entry = newBlock();
  sealed_.insert(entry);
  startBlock(entry);
  Pos p = w.m->pos;
  const Type *ct = nullptr;
  {
    types::Field code, rf;
    code.name = ".F";
    code.type = basic(BasicKind::UnsafePointer);
    rf.name = ".R";
    rf.type = w.recv;
    ct = tt_.structType({code, rf});
  }
  Value *ctx = value(Op::ClosurePtr, basic(BasicKind::UnsafePointer), {}, p);
  Value *slot = value(Op::AddPtr, tt_.pointer(w.recv), {ctx, intConst(types::fieldOffsets(ct)[1], p)}, p);
  std::vector<Value *> args{isAggregate(w.recv) ? copyAggregate(slot, w.recv, p) : value(Op::Load, w.recv, {slot}, p)};
  auto params = types::under(w.sig)->params();
  for (size_t i = 0; i < params.size(); ++i) {
    Value *a = value(Op::Arg, params[i], {}, p);
    a->auxInt = int64_t(i);
    a->aux = "a" + std::to_string(i);
    args.push_back(isAggregate(params[i]) ? copyAggregate(a, params[i], p) : a);
  }
  auto res = types::under(w.sig)->results();
  const Type *rt = res.size() == 1 ? res[0] : tt_.tuple(res);
  Value *c = value(Op::StaticCall, rt, args, p);
  c->aux = w.target;
  std::vector<Value *> rs;
  if (res.size() == 1) rs.push_back(c);
  else
    for (size_t i = 0; i < res.size(); ++i) {
      Value *s = value(Op::Select, res[i], {c}, p);
      s->auxInt = int64_t(i);
      rs.push_back(s);
    }
  cur_->kind = BlockKind::Ret;
  cur_->control = value(Op::Return, tt_.tuple(res), rs, p);
  return std::move(f_);
}

Value *Builder::receiver(NodeId sel, const Object *m) {
  // x.m(...): x, or the embedded field the selector promotes m from
  // (spec "Selectors"), as the receiver m wants: a pointer (taking the
  // address of an addressable value) or a value (a copy for aggregates,
  // through a pointer with a nil check).
  const syntax::Tree &t = *tree_;
  NodeId x = t.kid(sel, 0);
  Pos p = pos(sel);
  const Type *bt = typeOf(x);
  types::LookupResult r = types::lookupFieldOrMethod(bt, std::string(t[t.kid(sel, 1)].text), treePkg_);
  if (r.interfaceMethod || !r.method) {
    unsupported(p, "a call of an interface method");
    return nullptr;
  }
  methodOwner_ = r.owner ? r.owner : r.method->recvType;
  methodFound_ = r.method;
  m = r.method;
  Value *addr = nullptr, *ptr = nullptr, *val = nullptr;
  if (!r.path.empty()) {
    addr = fieldPath(expr(x), bt, r.path, r.path.size(), p);
    if (types::under(bt)->kind == types::TypeKind::Pointer) {
      ptr = value(Op::Load, bt, {addr}, p);
      addr = nullptr;
    }
  } else if (types::under(bt)->kind == types::TypeKind::Pointer) {
    ptr = expr(x);
  } else if (m->ptrRecv) {
    addr = addrOf(x);
  } else {
    val = expr(x);
  }
  // Evaluating x may have been a method call of its own (t.a().b()):
  // what the caller reads is m's.
  methodOwner_ = r.owner ? r.owner : r.method->recvType;
  methodFound_ = r.method;
  const Type *recvT = methodOwner_; // the instance, for generic types
  if (m->ptrRecv) return ptr ? ptr : addr;
  if (ptr) addr = nilChecked(ptr, p);
  if (addr) val = deref(addr, recvT, p);
  return isAggregate(recvT) ? copyAggregate(val, recvT, p) : conv(val, recvT, p);
}

Value *Builder::closureCall(NodeId e, std::vector<Value *> *results) {
  // f(...) for a func value f: nil panics as gc's call through a nil
  // pointer does; otherwise the closure is passed as the context.
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  NodeId fun = t.kid(e, 0);
  // A deferred call checks for nil when it is made.
  Value *fv = isDeferredCall(e) ? expr(fun) : nilChecked(expr(fun), p);
  const Type *sig = types::under(typeOf(fun));
  std::vector<Value *> args{fv};
  callArgs(e, sig, args, 1);
  auto res = sig->results();
  const Type *rt = res.size() == 1 ? res[0] : tt_.tuple(res);
  if (isDeferredCall(e)) {
    deferCall(Op::ClosureCall, "", sig, rt, args);
    return nullptr;
  }
  Value *c = value(Op::ClosureCall, rt, args, p);
  c->auxType = sig;
  c->aux = types::typeString(sig);
  callResults(c, res, results);
  return res.empty() ? nullptr : c;
}

Value *Builder::copySlice(Value *dst, const Type *dstT, Value *src, Pos p) {
  // copy(dst, src): runtime.slicecopy of min(len) elements.
  if (types::under(dstT)->kind != types::TypeKind::Slice) {
    unsupported(p, "copy into " + types::typeString(dst->type));
    return nullptr;
  }
  int64_t w = types::layoutOf(types::under(dstT)->elem).size;
  Value *sp, *sl;
  if (types::isString(src->type)) {
    sp = value(Op::StringPtr, basic(BasicKind::UnsafePointer), {src}, p);
    sl = value(Op::StringLen, basic(BasicKind::Int), {src}, p);
  } else {
    sp = value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {src}, p);
    sl = value(Op::SliceLen, basic(BasicKind::Int), {src}, p);
  }
  Value *c = value(Op::RuntimeCall, basic(BasicKind::Int),
                   {value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {dst}, p),
                    value(Op::SliceLen, basic(BasicKind::Int), {dst}, p), sp, sl, intConst(w, p)}, p);
  c->aux = "runtime.slicecopy";
  return c;
}

Value *Builder::call(NodeId e, std::vector<Value *> *results) {
  const syntax::Tree &t = *tree_;
  NodeId fun = t.kid(e, 0);
  while (t.kind(fun) == NodeKind::ParenExpr) fun = t.kid(fun, 0);
  const types::TypeAndValue &ftv = tv(fun);
  Pos p = pos(e);
  if (t.kind(fun) == NodeKind::SelectorExpr && types::isInterface(typeOf(t.kid(fun, 0))))
    return ifaceCall(e, results); // x.m(...) and I.m(x, ...)
  if (t.kind(fun) == NodeKind::SelectorExpr && tv(t.kid(fun, 0)).type && tv(t.kid(fun, 0)).mode != types::Mode::TypeExpr &&
      !types::isTypeParam(typeOf(t.kid(fun, 0)))) {
    types::LookupResult r = types::lookupFieldOrMethod(typeOf(t.kid(fun, 0)), std::string(t[t.kid(fun, 1)].text), treePkg_);
    if (r.method && r.interfaceMethod && !r.path.empty()) return ifaceCall(e, results); // promoted from an interface
  }
  if (t.kind(fun) == NodeKind::SelectorExpr && tv(t.kid(fun, 0)).mode == types::Mode::TypeExpr) {
    // T.m(x, ...) with T a type parameter (m a method of its constraint):
    // a call of the method expression's value, which names the type
    // argument's method (LLVM makes the call direct).
    const Object *sel = info_->uses[t.kid(fun, 1).index];
    if (sel && sel->kind == ObjKind::Func && !sel->recvType) return closureCall(e, results);
  }
  if (ftv.mode == types::Mode::TypeExpr) {
    NodeId a = t.kid(e, 1);
    // T(nil): the zero value of the pointer-like type T.
    if (tv(a).type && tv(a).type->isBasic(BasicKind::UntypedNil)) return value(Op::ConstInt, typeOf(e), {}, p);
    Value *x = expr(a);
    return conv(x, typeOf(e), p);
  }
  const Object *callee = t.kind(fun) == NodeKind::Ident ? info_->uses[fun.index] : nullptr;
  if (t.kind(fun) == NodeKind::SelectorExpr) {
    // unsafe.Add, unsafe.Slice: built-ins of package unsafe.
    const Object *sel = info_->uses[t.kid(fun, 1).index];
    if (sel && sel->kind == ObjKind::Builtin) callee = sel;
  }
  if (t.kind(fun) == NodeKind::IndexExpr && t.kind(t.kid(fun, 0)) == NodeKind::Ident) {
    // F[int](...): a generic function instantiated explicitly.
    const Object *g = info_->uses[t.kid(fun, 0).index];
    if (g && g->kind == ObjKind::Func && !g->type->typeParams.empty()) callee = g;
  }
  if (callee && callee->kind == ObjKind::Builtin) {
    if (t.numKids(e) == 2 && tv(t.kid(e, 1)).type && tv(t.kid(e, 1)).type->kind == types::TypeKind::Tuple &&
        callee->builtin != types::Builtin::Print && callee->builtin != types::Builtin::Println) {
      if (callee->builtin != types::Builtin::Complex && callee->builtin != types::Builtin::Append) {
        unsupported(p, "a multi-value call as the arguments of built-in " + callee->name);
        return nullptr;
      }
      // complex(f()), append(f()): f's results are the arguments.
      std::vector<Value *> vals;
      call(t.kid(e, 1), &vals);
      spreadCall_ = e;
      spread_ = vals;
      spreadTypes_ = subst(tv(t.kid(e, 1)).type)->list;
    }
    switch (callee->builtin) {
    case types::Builtin::Print: printCall(e, false); return nullptr;
    case types::Builtin::Println: printCall(e, true); return nullptr;
    case types::Builtin::Len:
    case types::Builtin::Cap: {
      Value *x = expr(t.kid(e, 1));
      if (types::isString(x->type)) return value(Op::StringLen, basic(BasicKind::Int), {x}, p);
      if (types::under(typeOf(t.kid(e, 1)))->kind == types::TypeKind::Slice)
        return value(callee->builtin == types::Builtin::Len ? Op::SliceLen : Op::SliceCap, basic(BasicKind::Int), {x}, p);
      if (types::under(typeOf(t.kid(e, 1)))->kind == types::TypeKind::Map)
        return mapCall("runtime.maplen", basic(BasicKind::Int), {x}, p);
      if (types::under(typeOf(t.kid(e, 1)))->kind == types::TypeKind::Chan)
        return chanCall(callee->builtin == types::Builtin::Len ? "runtime.chanlen" : "runtime.chancap",
                        basic(BasicKind::Int), {x}, p);
      if (isAggregate(typeOf(t.kid(e, 1))) || types::under(typeOf(t.kid(e, 1)))->kind == types::TypeKind::Pointer) {
        // len of an array (or pointer to one) with a call inside: the
        // operand is evaluated, the length is the type's.
        const Type *at = types::under(typeOf(t.kid(e, 1)));
        if (at->kind == types::TypeKind::Pointer) at = types::under(at->elem);
        return intConst(at->len, p);
      }
      unsupported(p, "built-in " + callee->name + " of " + types::typeString(x->type));
      return nullptr;
    }
    case types::Builtin::Make: {
      const Type *st = typeOf(e);
      if (types::under(st)->kind == types::TypeKind::Map)
        return makeMap(st, t.numKids(e) > 2 ? expr(t.kid(e, 2)) : intConst(0, p), p);
      if (types::under(st)->kind == types::TypeKind::Chan)
        return makeChan(st, t.numKids(e) > 2 ? expr(t.kid(e, 2)) : intConst(0, p), p);
      if (types::under(st)->kind != types::TypeKind::Slice) {
        unsupported(p, "make of " + types::typeString(st));
        return nullptr;
      }
      // make([]T, n[, c]): runtime.makeslice checks the sizes (gc's
      // "makeslice: len out of range" panics) and zeroes the array.
      bool lenU, capU;
      Value *n = indexValue(t.kid(e, 2), lenU);
      Value *c = t.numKids(e) > 3 ? indexValue(t.kid(e, 3), capU) : n;
      if (!facts_.escapes(tree_, e)) {
        // Constant sizes (escape analysis checked): a zeroed stack array.
        NodeId capN = t.kid(e, t.numKids(e) > 3 ? 3 : 2);
        const Type *at = tt_.array(types::under(st)->elem, tv(capN).value->toInt()->int64Val());
        return value(Op::SliceMake, st, {allocate(e, tt_.pointer(at), at, p, true), n, c}, p);
      }
      Value *arr = value(Op::RuntimeCall, basic(BasicKind::UnsafePointer), {typeDesc(types::under(st)->elem, p), n, c}, p);
      arr->aux = "runtime.makeslice";
      return value(Op::SliceMake, st, {arr, n, c}, p);
    }
    case types::Builtin::Append:
      return appendCall(e);
    case types::Builtin::Copy:
      return copySlice(expr(t.kid(e, 1)), typeOf(t.kid(e, 1)), expr(t.kid(e, 2)), p);
    case types::Builtin::Complex: {
      const Type *ct = typeOf(e), *ft = componentType(ct);
      Value *re = conv(builtinArg(e, 1), ft, p), *im = conv(builtinArg(e, 2), ft, p);
      return value(Op::ComplexMake, ct, {re, im}, p);
    }
    case types::Builtin::Real:
    case types::Builtin::Imag: {
      Value *c = expr(t.kid(e, 1));
      const Type *ct = typeOf(t.kid(e, 1));
      return value(callee->builtin == types::Builtin::Real ? Op::Real : Op::Imag, typeOf(e), {conv(c, ct, p)}, p);
    }
    case types::Builtin::Sizeof:
    case types::Builtin::Alignof: {
      // Of a type with a type parameter's size: the instance's (the
      // checker folded every other case).
      types::Layout l = types::layoutOf(typeOf(t.kid(e, 1)));
      return intConst(callee->builtin == types::Builtin::Sizeof ? l.size : l.align, p, typeOf(e));
    }
    case types::Builtin::Offsetof: {
      NodeId sel = t.kid(e, 1);
      while (t.kind(sel) == NodeKind::ParenExpr) sel = t.kid(sel, 0);
      const Type *st = typeOf(t.kid(sel, 0));
      types::LookupResult r = types::lookupFieldOrMethod(st, std::string(t[t.kid(sel, 1)].text), treePkg_);
      int64_t off = 0;
      const Type *cur = types::under(st)->kind == types::TypeKind::Pointer ? types::under(st)->elem : st;
      for (int i : r.path) {
        const Type *u = types::under(cur);
        off += types::fieldOffsets(u)[size_t(i)];
        cur = u->fields[size_t(i)].type;
      }
      return intConst(off, p, typeOf(e));
    }
    case types::Builtin::Add: {
      // unsafe.Add(ptr, len): ptr moved by len bytes (any integer type).
      Value *ptr = expr(t.kid(e, 1));
      Value *n = conv(expr(t.kid(e, 2)), basic(BasicKind::Int), p);
      return value(Op::AddPtr, typeOf(e), {ptr, n}, p);
    }
    case types::Builtin::Slice: {
      // unsafe.Slice(ptr, len): gc's checks in runtime.unsafeslice64, then
      // the slice {ptr, len, len}.
      const Type *st = typeOf(e);
      Value *ptr = expr(t.kid(e, 1));
      Value *n = conv(expr(t.kid(e, 2)), basic(BasicKind::Int64), p);
      Value *chk = value(Op::RuntimeCall, tt_.tuple({}), {typeDesc(types::under(st)->elem, p), ptr, n}, p);
      chk->aux = "runtime.unsafeslice64";
      Value *len = conv(n, basic(BasicKind::Int), p);
      return value(Op::SliceMake, st, {ptr, len, len}, p);
    }
    case types::Builtin::Delete: {
      const Type *mt = typeOf(t.kid(e, 1));
      Value *m = expr(t.kid(e, 1));
      mapOp("mapdelete", mapRef(mt, m, t.kid(e, 2), Borrow::Lookup, p), tt_.tuple({}));
      return nullptr;
    }
    case types::Builtin::Close:
      chanCall("runtime.closechan", tt_.tuple({}), {expr(t.kid(e, 1))}, p);
      return nullptr;
    case types::Builtin::New: {
      const Type *et = typeOf(e);
      return allocate(e, et, types::under(et)->elem, p, true);
    }
    case types::Builtin::Panic: {
      // panic(v): v as an interface{} (type descriptor and data word) to
      // runtime.gopanic, which does not return.
      Value *x = conv(expr(t.kid(e, 1)), emptyIface(), p);
      Value *c = value(Op::RuntimeCall, tt_.tuple({}), {x}, p);
      c->aux = "runtime.gopanic";
      cur_->kind = BlockKind::Exit;
      cur_->control = c;
      startDeadBlock();
      return nullptr;
    }
    case types::Builtin::Recover:
      return value(Op::Recover, typeOf(e), {}, p);
    default:
      unsupported(p, "built-in " + callee->name);
      return nullptr;
    }
  }
  std::vector<Value *> args;
  bool viaPtrWrapper = false; // (*T).m for a value method m: gc's wrapper pkg.(*T).m
  std::string promotedVia;    // S.m, (*S).m of a promoted method: its wrapper
  if (t.kind(fun) == NodeKind::SelectorExpr) {
    callee = info_->uses[t.kid(fun, 1).index];
    NodeId x0 = t.kid(fun, 0);
    const Object *qual = t.kind(x0) == NodeKind::Ident ? info_->uses[x0.index] : nullptr;
    bool viaValue = !(qual && qual->kind == ObjKind::PkgName) && tv(x0).mode != types::Mode::TypeExpr;
    if (callee && callee->kind == ObjKind::Func && (callee->isMethod || viaValue)) {
      NodeId x = t.kid(fun, 0);
      if (tv(x).mode == types::Mode::TypeExpr) {
        // T.m(x, ...) and (*T).m(p, ...): the receiver is the first
        // argument, as the method expression's signature says.
        const Type *mt = types::under(subst(ftv.type));
        const Type *rt = mt->params().empty() ? nullptr : mt->params()[0];
        bool ptrType = rt && types::under(rt)->kind == types::TypeKind::Pointer;
        viaPtrWrapper = ptrType && !callee->ptrRecv && needsPtrWrapper(callee);
        // S.m and (*S).m of a method promoted to S: the pkg.(*S).m wrapper
        // (wrappers.cpp), given *S or the address of S's copy.
        const Type *base = rt ? (ptrType ? types::under(rt)->elem : rt) : nullptr;
        if (base && base != callee->recvType && base->kind == types::TypeKind::Named) {
          for (const types::MethodSetEntry &me : types::methodSetOf(tt_.pointer(base)))
            if (me.method == callee && needsPromotedWrapper(base, me)) promotedVia = types::ptrMethodName(base, callee->name);
        }
        if (ptrType != callee->ptrRecv && !viaPtrWrapper && promotedVia.empty()) {
          unsupported(p, "a method expression of a value method through a pointer type");
          return nullptr;
        }
      } else {
        Value *recv = receiver(fun, callee);
        if (!recv) return nullptr;
        args.push_back(recv);
        // In an instance, a method of a type parameter's constraint is the
        // type argument's method.
        callee = methodFound_;
      }
    }
  }
  if (!callee || callee->kind != ObjKind::Func) {
    if (callee && callee->kind != ObjKind::Var) {
      unsupported(p, "a call of a function value or method");
      return nullptr;
    }
    return closureCall(e, results);
  }
  const Type *sig = types::under(subst(ftv.type));
  std::string calleeName = callee->linkName();
  if (!callee->type->typeParams.empty()) {
    // A generic function: the instance for the (inferred or explicit)
    // type arguments, in terms of the instance being built.
    types::TypeMap m;
    calleeName = genericInstance(callee, e, fun, &m);
    if (calleeName.empty()) return nullptr;
    sig = types::under(types::substitute(prog_, callee->type, m));
  } else if (callee->isMethod && callee->recvType && !callee->recvType->typeParams.empty()) {
    // A method of a generic type: the instance for the receiver's type
    // arguments.
    const Type *owner = methodOwner_;
    if (!owner || !owner->origin) {
      unsupported(p, "a method expression of a generic type");
      return nullptr;
    }
    types::TypeMap m;
    for (size_t i = 0; i < owner->origin->typeParams.size() && i < owner->typeArgs.size(); ++i)
      m[owner->origin->typeParams[i]] = owner->typeArgs[i];
    calleeName = instance(callee, owner, m);
    sig = types::under(types::substitute(prog_, callee->type, m));
  }
  callArgs(e, sig, args, args.size()); // after the receiver, if any
  auto res = sig->results();
  const Type *rt = res.size() == 1 ? res[0] : tt_.tuple(res);
  if (isDeferredCall(e)) {
    deferCall(Op::StaticCall, calleeName, sig, rt, args);
    return nullptr;
  }
  Value *c = value(Op::StaticCall, rt, args, p);
  c->aux = !promotedVia.empty() ? promotedVia : viaPtrWrapper ? callee->ptrLinkName() : calleeName;
  if (callee->pkg && callee->pkg != &pkg_ && calleeName == callee->linkName() && c->aux == calleeName &&
      foreignCalleeSet_.insert(callee).second)
    foreignCallees_.push_back(callee);
  callResults(c, res, results);
  return c;
}

} // namespace origo::ssa
