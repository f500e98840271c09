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
  auto rt = [&](const char *fn, std::vector<Value *> args) {
    Value *c = value(Op::RuntimeCall, tt_.tuple({}), std::move(args), p);
    c->aux = fn;
  };
  // Arguments are evaluated before anything is printed.
  std::vector<Value *> args;
  for (size_t i = 1; i < t.numKids(e); ++i) args.push_back(expr(t.kid(e, i)));
  rt("runtime.printlock", {});
  for (size_t i = 0; i < args.size(); ++i) {
    if (ln && i > 0) rt("runtime.printsp", {});
    Value *a = args[i];
    const Type *u = types::under(typeOf(t.kid(e, i + 1)));
    if (types::isBoolean(u)) rt("runtime.printbool", {a});
    else if (types::isString(u)) rt("runtime.printstring", {a});
    else if (types::isFloat(u)) rt("runtime.printfloat", {conv(a, basic(BasicKind::Float64), p)});
    else if (u->kind == types::TypeKind::Slice) rt("runtime.printslice", {a});
    else if (u->kind == types::TypeKind::Interface)
      rt(types::interfaceMethods(u).empty() ? "runtime.printeface" : "runtime.printiface", {a});
    else if (u->kind == types::TypeKind::Pointer || u->kind == types::TypeKind::Signature || u->isBasic(BasicKind::UnsafePointer))
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

Value *Builder::receiver(NodeId sel, const Object *m) {
  // x.m(...): x, or the embedded field the selector promotes m from
  // (spec "Selectors"), as the receiver m wants: a pointer (taking the
  // address of an addressable value) or a value (a copy for aggregates,
  // through a pointer with a nil check).
  const syntax::Tree &t = *tree_;
  NodeId x = t.kid(sel, 0);
  Pos p = pos(sel);
  const Type *bt = typeOf(x);
  types::LookupResult r = types::lookupFieldOrMethod(bt, std::string(t[t.kid(sel, 1)].text), &pkg_);
  if (r.interfaceMethod || !r.method) {
    unsupported(p, "a call of an interface method");
    return nullptr;
  }
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
  const Type *recvT = m->recvType;
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
  Value *fv = nilChecked(expr(fun), p);
  const Type *sig = types::under(typeOf(fun));
  std::vector<Value *> args{fv};
  callArgs(e, sig, args, 1);
  auto res = sig->results();
  const Type *rt = res.size() == 1 ? res[0] : tt_.tuple(res);
  Value *c = value(Op::ClosureCall, rt, args, p);
  c->auxType = sig;
  c->aux = types::typeString(sig);
  callResults(c, res, results);
  return res.empty() ? nullptr : c;
}

Value *Builder::call(NodeId e, std::vector<Value *> *results) {
  const syntax::Tree &t = *tree_;
  if (t.kind(e) == NodeKind::TypeAssertExpr) return typeAssert(e, results); // v, ok := x.(T)
  NodeId fun = t.kid(e, 0);
  while (t.kind(fun) == NodeKind::ParenExpr) fun = t.kid(fun, 0);
  const types::TypeAndValue &ftv = tv(fun);
  Pos p = pos(e);
  if (t.kind(fun) == NodeKind::SelectorExpr && types::isInterface(typeOf(t.kid(fun, 0))))
    return ifaceCall(e, results); // x.m(...) and I.m(x, ...)
  if (ftv.mode == types::Mode::TypeExpr) {
    Value *x = expr(t.kid(e, 1));
    return conv(x, typeOf(e), p);
  }
  const Object *callee = t.kind(fun) == NodeKind::Ident ? info_->uses[fun.index] : nullptr;
  if (callee && callee->kind == ObjKind::Builtin) {
    switch (callee->builtin) {
    case types::Builtin::Print: printCall(e, false); return nullptr;
    case types::Builtin::Println: printCall(e, true); return nullptr;
    case types::Builtin::Len:
    case types::Builtin::Cap: {
      Value *x = expr(t.kid(e, 1));
      if (types::isString(x->type)) return value(Op::StringLen, basic(BasicKind::Int), {x}, p);
      if (types::under(typeOf(t.kid(e, 1)))->kind == types::TypeKind::Slice)
        return value(callee->builtin == types::Builtin::Len ? Op::SliceLen : Op::SliceCap, basic(BasicKind::Int), {x}, p);
      unsupported(p, "built-in " + callee->name + " of " + types::typeString(x->type));
      return nullptr;
    }
    case types::Builtin::Make: {
      const Type *st = typeOf(e);
      if (types::under(st)->kind != types::TypeKind::Slice) {
        unsupported(p, "make of " + types::typeString(st));
        return nullptr;
      }
      // make([]T, n[, c]): runtime.makeslice checks the sizes (gc's
      // "makeslice: len out of range" panics) and zeroes the array.
      bool lenU, capU;
      Value *n = indexValue(t.kid(e, 2), lenU);
      Value *c = t.numKids(e) > 3 ? indexValue(t.kid(e, 3), capU) : n;
      Value *arr = value(Op::RuntimeCall, basic(BasicKind::UnsafePointer), {typeDesc(types::under(st)->elem, p), n, c}, p);
      arr->aux = "runtime.makeslice";
      return value(Op::SliceMake, st, {arr, n, c}, p);
    }
    case types::Builtin::Append:
      return appendCall(e);
    case types::Builtin::Copy: {
      Value *dst = expr(t.kid(e, 1)), *src = expr(t.kid(e, 2));
      const Type *dstT = typeOf(t.kid(e, 1));
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
    case types::Builtin::New: {
      const Type *et = typeOf(e);
      Value *v = value(Op::New, et, {}, p);
      v->auxType = types::under(et)->elem;
      v->aux = types::typeString(v->auxType);
      return v;
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
    default:
      unsupported(p, "built-in " + callee->name);
      return nullptr;
    }
  }
  std::vector<Value *> args;
  bool viaPtrWrapper = false; // (*T).m for a value method m: gc's wrapper pkg.(*T).m
  if (t.kind(fun) == NodeKind::SelectorExpr) {
    callee = info_->uses[t.kid(fun, 1).index];
    if (callee && callee->isMethod) {
      NodeId x = t.kid(fun, 0);
      if (tv(x).mode == types::Mode::TypeExpr) {
        // T.m(x, ...) and (*T).m(p, ...): the receiver is the first
        // argument, as the method expression's signature says.
        const Type *rt = types::under(ftv.type)->params().empty() ? nullptr : types::under(ftv.type)->params()[0];
        bool ptrType = rt && types::under(rt)->kind == types::TypeKind::Pointer;
        viaPtrWrapper = ptrType && !callee->ptrRecv && needsPtrWrapper(callee);
        if (ptrType != callee->ptrRecv && !viaPtrWrapper) {
          unsupported(p, "a method expression of a value method through a pointer type");
          return nullptr;
        }
      } else {
        Value *recv = receiver(fun, callee);
        if (!recv) return nullptr;
        args.push_back(recv);
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
  if (callee->pkg != &pkg_) {
    unsupported(p, "calling " + callee->linkName() + " (compiling imported packages)");
    return nullptr;
  }
  const Type *sig = types::under(ftv.type);
  callArgs(e, sig, args, args.size()); // after the receiver, if any
  auto res = sig->results();
  const Type *rt = res.size() == 1 ? res[0] : tt_.tuple(res);
  Value *c = value(Op::StaticCall, rt, args, p);
  c->aux = viaPtrWrapper ? callee->ptrLinkName() : callee->linkName();
  callResults(c, res, results);
  return c;
}

} // namespace origo::ssa
