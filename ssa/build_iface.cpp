//===- ssa/build_iface.cpp - interfaces -----------------------------------===//
/// \file
/// Interface values (spec "Interface types", "Type assertions", "Type
/// switches", "Comparison operators"): conversions to interfaces, method
/// calls through the itab, assertions to concrete and interface types,
/// type switches, and == / !=. An interface is two words as in gc: the
/// dynamic type's descriptor (empty interfaces) or the itab, and the data
/// word, which holds pointer-shaped values themselves and points at a copy
/// of the others (types::isPointerShaped). Assertions to concrete types
/// compare the first word with the descriptor or the static itab inline;
/// assertions to interface types ask the runtime (runtime/iface.h).
//===----------------------------------------------------------------------===//
#include "ssa/builder.h"

#include <cassert>

namespace origo::ssa {

namespace {

bool isEmptyIface(const Type *t) { return types::interfaceMethods(t).empty(); }

} // namespace

Value *Builder::ptrConst(const Type *t, Pos p) { return value(Op::ConstInt, t, {}, p); }

void Builder::instanceMethods(const Type *t) {
  // A generic instance (or a pointer to one) in an interface: its methods
  // are compiled now, under gc's names (types::instanceMethodName), with
  // the (*T).m wrappers of value methods that itabs call. Likewise the
  // promoted-method wrappers of a struct literal type.
  const Type *base = t->kind == types::TypeKind::Pointer ? t->elem : t;
  if (base->kind == types::TypeKind::Struct) {
    // A struct literal type: the wrappers of the methods its embedded
    // fields promote, which its method table lists.
    if (!instancesDone_.insert(base).second) return;
    for (const types::MethodSetEntry &e : types::methodSetOf(tt_.pointer(base))) {
      if (!needsPromotedWrapper(base, e)) continue;
      std::unique_ptr<Func> f = promotedWrapper(base, e, tt_);
      if (generatedNames_.insert(f->name).second) generated_.push_back(std::move(f));
    }
    return;
  }
  if (base->kind != types::TypeKind::Named || !base->origin || !instancesDone_.insert(base).second) return;
  const Type *origin = base->origin;
  types::TypeMap tm;
  for (size_t i = 0; i < origin->typeParams.size() && i < base->typeArgs.size(); ++i)
    tm[origin->typeParams[i]] = base->typeArgs[i];
  for (const Object *m : origin->methods) {
    std::string name = instance(m, base, tm);
    base->instanceMethodSigs[m->name] = types::under(types::substitute(prog_, m->type, tm));
    if (m->ptrRecv || types::isPointerShaped(base)) continue;
    std::string wname = types::instanceMethodName(base, m->name, true);
    if (generatedNames_.insert(wname).second)
      generated_.push_back(ptrWrapper(wname, name, base, types::under(types::substitute(prog_, m->type, tm)), m->name, tt_));
  }
  // Methods its embedded fields promote: (*S[...]).m wrappers, which call
  // the method of the field's type (an instance itself, maybe).
  if (types::isPointerShaped(base) || types::under(base)->kind != types::TypeKind::Struct) return;
  for (const types::MethodSetEntry &e : types::methodSetOf(tt_.pointer(base))) {
    if (e.path.empty()) continue;
    std::string wname = types::instanceMethodName(base, e.method->name, true);
    if (!generatedNames_.insert(wname).second) continue;
    generated_.push_back(promotedWrapperFor(base, e, wname));
  }
}

Value *Builder::toIface(Value *v, const Type *to, Pos p) {
  auto agg = aggType_.find(v);
  const Type *from = agg != aggType_.end() ? agg->second : v->type;
  if (from->isBasic(BasicKind::UntypedNil)) return value(Op::ConstInt, to, {}, p);
  if (types::isInterface(from)) {
    // Identical types (and empty interfaces, whose first word is the
    // dynamic type) keep the first word; other interface types, even with
    // the same methods, have itabs of their own, as in gc.
    if (types::identical(from, to) || (isEmptyIface(from) && isEmptyIface(to))) return value(Op::Copy, to, {v}, p);
    Value *data = value(Op::IfaceData, basic(BasicKind::UnsafePointer), {v}, p);
    if (isEmptyIface(to))
      return value(Op::IfaceMake, to, {value(Op::IfaceType, basic(BasicKind::UnsafePointer), {v}, p), data}, p);
    // Between non-empty interfaces: the runtime finds the new itab.
    Value *tab = value(Op::RuntimeCall, basic(BasicKind::UnsafePointer),
                       {typeDesc(to, p), value(Op::IfaceTab, basic(BasicKind::UnsafePointer), {v}, p)}, p);
    tab->aux = "runtime.convI2I";
    return value(Op::IfaceMake, to, {tab, data}, p);
  }
  instanceMethods(from);
  Value *data = value(Op::Box, basic(BasicKind::UnsafePointer), {v}, p);
  if (isAggregate(from)) {
    data->auxType = from; // v is its address
    data->aux = types::typeString(from);
  }
  Value *mi = value(Op::MakeIface, to, {data}, p);
  mi->auxType = from;
  mi->aux = types::typeString(from);
  return mi;
}

Value *Builder::staticTab(const Type *iface, const Type *concrete, Pos p) {
  instanceMethods(concrete);
  if (isEmptyIface(iface)) return typeDesc(concrete, p);
  Value *mi = value(Op::MakeIface, iface, {ptrConst(basic(BasicKind::UnsafePointer), p)}, p);
  mi->auxType = concrete;
  mi->aux = types::typeString(concrete);
  return value(Op::IfaceTab, basic(BasicKind::UnsafePointer), {mi}, p);
}

Value *Builder::unbox(Value *data, const Type *t, Pos p) {
  if (types::isPointerShaped(t)) return value(Op::Copy, t, {data}, p);
  if (isAggregate(t)) {
    // The boxed copy never changes: its address is the value.
    Value *a = value(Op::Copy, tt_.pointer(t), {data}, p);
    aggType_[a] = t;
    return a;
  }
  return value(Op::Load, t, {data}, p);
}

Value *Builder::typeAssert(NodeId e, std::vector<Value *> *results) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  Value *x = expr(t.kid(e, 0));
  const Type *T = subst(tv(e).type); // the asserted type (also in the comma-ok form)
  const Type *xt = x->type;
  const Type *ptrT = basic(BasicKind::UnsafePointer), *boolT = basic(BasicKind::Bool);
  bool commaOk = results != nullptr;
  if (!lowerable(T)) {
    unsupported(p, "a value of type " + types::typeString(T));
    return value(Op::ConstInt, basic(BasicKind::Int), {}, p);
  }
  Value *tab = value(Op::IfaceTab, ptrT, {x}, p);
  Value *data = value(Op::IfaceData, ptrT, {x}, p);
  Value *result, *ok;
  if (types::isInterface(T)) {
    if (isEmptyIface(T)) {
      // Any non-nil value is an interface{}.
      Value *dyn = value(Op::IfaceType, ptrT, {x}, p);
      ok = value(Op::Neq, boolT, {dyn, ptrConst(ptrT, p)}, p);
      if (!commaOk) panicIf(value(Op::Not, boolT, {ok}, p), "runtime.panicnildottype", p, {typeDesc(T, p)});
      result = value(Op::IfaceMake, T, {dyn, data}, p);
    } else {
      Value *itab = value(Op::RuntimeCall, ptrT, {typeDesc(T, p), tab}, p);
      itab->aux = std::string(isEmptyIface(xt) ? "runtime.assertE2I" : "runtime.assertI2I") + (commaOk ? "2" : "");
      ok = value(Op::Neq, boolT, {itab, ptrConst(ptrT, p)}, p);
      if (commaOk) data = value(Op::CondSelect, ptrT, {ok, data, ptrConst(ptrT, p)}, p);
      result = value(Op::IfaceMake, T, {itab, data}, p);
    }
  } else {
    ok = value(Op::Eq, boolT, {tab, staticTab(xt, T, p)}, p);
    if (!commaOk) {
      panicIf(value(Op::Not, boolT, {ok}, p), isEmptyIface(xt) ? "runtime.panicdottypeE" : "runtime.panicdottypeI", p,
              {tab, typeDesc(T, p), typeDesc(xt, p)});
      result = unbox(data, T, p);
    } else if (types::isPointerShaped(T)) {
      result = value(Op::CondSelect, T, {ok, unbox(data, T, p), ptrConst(T, p)}, p);
    } else if (isAggregate(T)) {
      // A new temporary: the boxed value, or zero.
      Value *tmp = temp(T, p);
      Block *yes = newBlock(), *no = newBlock(), *join = newBlock();
      branch(ok, yes, no);
      seal(yes);
      seal(no);
      startBlock(yes);
      storeValue(tmp, unbox(data, T, p), T, p);
      jump(join);
      startBlock(no);
      zero(tmp, T, p);
      jump(join);
      seal(join);
      startBlock(join);
      fresh_.insert(tmp);
      aggType_[tmp] = T;
      result = tmp;
    } else {
      // The data word is read only when the type matched.
      Block *yes = newBlock(), *no = newBlock(), *join = newBlock();
      branch(ok, yes, no);
      seal(yes);
      seal(no);
      startBlock(yes);
      Value *got = unbox(data, T, p);
      jump(join);
      startBlock(no);
      Value *zero = zeroValue(T, cur_, p);
      jump(join);
      seal(join);
      startBlock(join);
      result = value(Op::Phi, T, {got, zero}, p);
    }
  }
  if (results) {
    results->push_back(result);
    results->push_back(ok);
  }
  return result;
}

Value *Builder::ifaceCall(NodeId e, std::vector<Value *> *results) {
  // x.m(args): fun[i] of x's itab with x's data word as the receiver; a
  // nil x faults as gc's load from the nil itab does.
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  NodeId fun = t.kid(e, 0);
  while (t.kind(fun) == NodeKind::ParenExpr) fun = t.kid(fun, 0);
  // The method expression I.m(x, ...) takes x as its first argument.
  bool methodExpr = tv(t.kid(fun, 0)).mode == types::Mode::TypeExpr;
  const Type *it = typeOf(t.kid(fun, 0));
  std::vector<Value *> args;
  if (methodExpr) {
    callArgs(e, types::under(subst(tv(fun).type)), args, 0);
    if (args.empty()) return nullptr;
  } else if (!types::isInterface(it)) {
    // s.m(...) with m promoted from an interface embedded in struct s:
    // the interface field, reached through s (or *s) and the embedded
    // fields on the way.
    types::LookupResult r = types::lookupFieldOrMethod(it, std::string(t[t.kid(fun, 1)].text), treePkg_);
    Value *field = fieldPath(expr(t.kid(fun, 0)), it, r.path, r.path.size(), p);
    args.push_back(value(Op::Load, it, {field}, p));
  } else {
    args.push_back(expr(t.kid(fun, 0)));
  }
  Value *x = args[0];
  std::string name(t[t.kid(fun, 1)].text);
  if (!types::isInterface(x->type)) return nullptr; // x was not supported (reported)
  const auto &ms = types::interfaceMethods(it);
  size_t index = 0;
  while (index < ms.size() && ms[index]->name != name) ++index;
  if (index == ms.size()) {
    unsupported(p, "a method of " + types::typeString(x->type));
    return nullptr;
  }
  const Type *sig = ms[index]->type;
  nilChecked(value(Op::IfaceTab, basic(BasicKind::UnsafePointer), {x}, p), p);
  if (!methodExpr) callArgs(e, sig, args, 1);
  auto res = sig->results();
  for (const Type *r : res)
    if (!lowerable(r)) {
      unsupported(p, "a value of type " + types::typeString(r));
      return nullptr;
    }
  const Type *rt = res.size() == 1 ? res[0] : tt_.tuple(res);
  // The callee's signature: the data word, then the method's parameters.
  std::vector<const Type *> ps{basic(BasicKind::UnsafePointer)};
  for (const Type *q : sig->params()) ps.push_back(q);
  const Type *calleeSig = tt_.signature(ps, res, sig->variadic);
  if (isDeferredCall(e)) {
    deferIfaceCall(int64_t(index), name, calleeSig, rt, args);
    return nullptr;
  }
  Value *c = value(Op::IfaceCall, rt, args, p);
  c->auxInt = int64_t(index);
  c->aux = name;
  c->auxType = calleeSig;
  callResults(c, res, results);
  return res.empty() ? nullptr : c;
}

Value *Builder::ifaceMethodValue(NodeId e) {
  // I.m is the function pkg.I.m(x I, args...); x.m is a closure {code,
  // x} whose code pkg.I.m-fm calls m on the x it holds (gc's names). x is
  // evaluated, and a nil x faults, when the method value is made.
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  NodeId xe = t.kid(e, 0);
  const Type *it = typeOf(xe);
  bool methodExpr = tv(xe).mode == types::Mode::TypeExpr;
  std::string name(t[t.kid(e, 1)].text);
  Value *x = nullptr;
  if (!methodExpr && !types::isInterface(it)) {
    // s.m with m promoted from an interface embedded in struct s: the
    // method value of that interface field.
    types::LookupResult r = types::lookupFieldOrMethod(it, name, treePkg_);
    const Type *ft = it;
    for (int idx : r.path) {
      const Type *u = types::under(ft);
      if (u->kind == types::TypeKind::Pointer) u = types::under(u->elem);
      ft = u->fields[size_t(idx)].type;
    }
    if (!r.interfaceMethod || r.path.empty() || !types::isInterface(ft)) {
      unsupported(p, "a method value of " + types::typeString(it));
      return value(Op::ConstInt, typeOf(e), {}, p);
    }
    x = value(Op::Load, ft, {fieldPath(expr(xe), it, r.path, r.path.size(), p)}, p);
    it = ft;
  }
  const auto &ms = types::interfaceMethods(it);
  size_t index = 0;
  while (index < ms.size() && ms[index]->name != name) ++index;
  if (index == ms.size()) {
    unsupported(p, "a method value of " + types::typeString(it));
    return value(Op::ConstInt, typeOf(e), {}, p);
  }
  const Type *msig = ms[index]->type;
  const Type *ptrT = basic(BasicKind::UnsafePointer);
  std::string fname = types::typeLinkName(it) + "." + name + (methodExpr ? "" : "-fm");
  if (generatedNames_.insert(fname).second) {
    std::vector<const Type *> ps;
    if (methodExpr) ps.push_back(it);
    for (const Type *q : msig->params()) ps.push_back(q);
    auto res = msig->results();
    auto f = std::make_unique<Func>(fname, tt_.signature(ps, res, msig->variadic));
    f->file = "<autogenerated>";
    Pos at{0, 1, 1};
    f->pos = at;
    f->hasParams = !ps.empty();
    Block *b = f->newBlock(BlockKind::Ret);
    std::vector<Value *> args;
    for (size_t i = 0; i < ps.size(); ++i) {
      Value *a = f->newValue(b, Op::Arg, ps[i], {}, at);
      a->auxInt = int64_t(i);
      a->aux = "a" + std::to_string(i);
      args.push_back(a);
    }
    if (!methodExpr) {
      Value *ctx = f->newValue(b, Op::ClosurePtr, ptrT, {}, at);
      Value *eight = f->newValue(b, Op::ConstInt, basic(BasicKind::Int), {}, at);
      eight->auxInt = 8;
      Value *slot = f->newValue(b, Op::AddPtr, tt_.pointer(it), {ctx, eight}, at);
      args.insert(args.begin(), f->newValue(b, Op::Load, it, {slot}, at));
    }
    // (The receiver is not nil here: I.m checks it below, x.m when made.)
    const Type *rt = res.size() == 1 ? res[0] : tt_.tuple(res);
    Value *c = f->newValue(b, Op::IfaceCall, rt, args, at);
    c->auxInt = int64_t(index);
    c->aux = name;
    std::vector<const Type *> cps{ptrT};
    for (const Type *q : msig->params()) cps.push_back(q);
    c->auxType = tt_.signature(cps, res, msig->variadic);
    std::vector<Value *> rets;
    if (res.size() == 1) rets.push_back(c);
    else
      for (size_t i = 0; i < res.size(); ++i) {
        Value *sv = f->newValue(b, Op::Select, res[i], {c}, at);
        sv->auxInt = int64_t(i);
        rets.push_back(sv);
      }
    b->control = f->newValue(b, Op::Return, tt_.tuple(res), rets, at);
    generated_.push_back(std::move(f));
  }
  Value *fa = value(Op::FuncAddr, typeOf(e), {}, p);
  fa->aux = fname;
  if (methodExpr) return fa;
  if (!x) x = expr(xe);
  nilChecked(value(Op::IfaceTab, ptrT, {x}, p), p);
  types::Field code, recv;
  code.name = ".F";
  code.type = ptrT;
  recv.name = "R";
  recv.type = it;
  const Type *ct = tt_.structType({code, recv});
  Value *obj = allocate(e, typeOf(e), ct, p, false);
  value(Op::Store, tt_.tuple({}), {obj, value(Op::Load, ptrT, {fa}, p)}, p);
  value(Op::Store, tt_.tuple({}), {value(Op::AddPtr, tt_.pointer(it), {obj, intConst(8, p)}, p), x}, p);
  return obj;
}

Value *Builder::ifaceCompare(bool eq, Value *x, Value *y, Pos p) {
  // An interface against a concrete value compares as the value converted
  // to the interface; two interfaces are equal when their first words
  // are and the runtime finds the data equal (panicking for uncomparable
  // dynamic types); against nil, only the first word counts.
  const Type *ptrT = basic(BasicKind::UnsafePointer), *boolT = basic(BasicKind::Bool);
  // (x: the interface side; a nil interface constant only when both are
  // interfaces, as in switch interface{}(nil) { case i: }.)
  if (!types::isInterface(x->type) || (x->op == Op::ConstInt && types::isInterface(y->type))) std::swap(x, y);
  y = conv(y, x->type, p);
  Value *tx = value(Op::IfaceTab, ptrT, {x}, p);
  bool yNil = y->op == Op::ConstInt;
  if (yNil) return value(eq ? Op::Eq : Op::Neq, boolT, {tx, ptrConst(ptrT, p)}, p);
  Value *ty = value(Op::IfaceTab, ptrT, {y}, p);
  Value *f = value(Op::ConstBool, boolT, {}, p);
  Value *same = value(Op::Eq, boolT, {tx, ty}, p);
  Block *check = newBlock(), *join = newBlock();
  branch(same, check, join);
  seal(check);
  startBlock(check);
  Value *c = value(Op::RuntimeCall, boolT,
                   {tx, value(Op::IfaceData, ptrT, {x}, p), value(Op::IfaceData, ptrT, {y}, p)}, p);
  c->aux = isEmptyIface(x->type) ? "runtime.efaceeq" : "runtime.ifaceeq";
  Block *checked = cur_;
  jump(join);
  seal(join);
  startBlock(join);
  Value *r = value(Op::Phi, boolT, {}, p);
  for (Block *pred : join->preds) r->args.push_back(pred == checked ? c : f);
  return eq ? r : value(Op::Not, boolT, {r}, p);
}

void Builder::typeSwitch(NodeId s) {
  // switch v := x.(type) { case T1, T2: ... case nil: ... default: ... }:
  // x is evaluated once; the cases are tried in order, each type by its
  // first word (concrete types) or through the runtime (interface
  // types). In a clause with exactly one type v has that type, else x's.
  const syntax::Tree &t = *tree_;
  Pos p = pos(s);
  NodeId guard = t.kid(s, 1);
  NodeId lhs = t.kid(guard, 0), xe = t.kid(guard, 1);
  Value *x = expr(xe);
  const Type *xt = x->type;
  const Type *ptrT = basic(BasicKind::UnsafePointer), *boolT = basic(BasicKind::Bool);
  Value *tab = value(Op::IfaceTab, ptrT, {x}, p);
  Value *data = value(Op::IfaceData, ptrT, {x}, p);
  std::vector<NodeId> clauses;
  for (size_t i = 2; i < t.numKids(s); ++i) clauses.push_back(t.kid(s, i));
  std::vector<Block *> bodies;
  for (size_t i = 0; i < clauses.size(); ++i) bodies.push_back(newBlock());
  Block *exit = newBlock();
  Block *dflt = exit;
  // The value bound in each clause: per case, the converted value is
  // made in the body's entry from the words (a phi when several cases
  // lead to one body with one type: impossible, so one value per body).
  std::vector<const Type *> boundType(clauses.size(), nullptr);
  std::vector<std::vector<std::pair<Block *, Value *>>> itabs(clauses.size());
  for (size_t i = 0; i < clauses.size(); ++i) {
    NodeId cases = t.kid(clauses[i], 0);
    if (!cases.valid()) {
      dflt = bodies[i];
      continue;
    }
    std::vector<NodeId> cs = t.kids(cases);
    for (NodeId c : cs) {
      const Type *ct = subst(tv(c).type); // (in a generic instance: with its type arguments)
      Value *cond;
      Value *itab = nullptr;
      if (ct && ct->isBasic(BasicKind::UntypedNil)) {
        cond = value(Op::Eq, boolT, {tab, ptrConst(ptrT, p)}, pos(c));
      } else if (types::isInterface(ct)) {
        const Type *T = ct;
        if (isEmptyIface(T)) {
          cond = value(Op::Neq, boolT, {tab, ptrConst(ptrT, p)}, pos(c));
        } else {
          itab = value(Op::RuntimeCall, ptrT, {typeDesc(T, pos(c)), tab}, pos(c));
          itab->aux = isEmptyIface(xt) ? "runtime.assertE2I2" : "runtime.assertI2I2";
          cond = value(Op::Neq, boolT, {itab, ptrConst(ptrT, p)}, pos(c));
        }
      } else {
        if (!lowerable(ct)) {
          unsupported(pos(c), "a value of type " + types::typeString(ct));
          return;
        }
        cond = value(Op::Eq, boolT, {tab, staticTab(xt, ct, pos(c))}, pos(c));
      }
      if (cs.size() == 1 && !(ct && ct->isBasic(BasicKind::UntypedNil))) boundType[i] = ct;
      if (itab) itabs[i].push_back({cur_, itab});
      branchOr(cond, bodies[i]);
    }
  }
  jump(dflt);
  loops_.push_back({exit, nullptr, std::move(pendingLabel_)});
  pendingLabel_.clear();
  for (size_t i = 0; i < clauses.size(); ++i) {
    seal(bodies[i]);
    startBlock(bodies[i]);
    auto it = info_->implicits.find(clauses[i].index);
    const Object *v = it != info_->implicits.end() ? it->second : nullptr;
    if (lhs.valid() && v && v->name != "_") {
      const Type *T = boundType[i];
      Value *bound;
      if (!T || types::identical(T, xt)) {
        bound = conv(x, objType(v), pos(clauses[i]));
      } else if (types::isInterface(T)) {
        if (isEmptyIface(T)) {
          bound = value(Op::IfaceMake, T, {value(Op::IfaceType, ptrT, {x}, p), data}, p);
        } else {
          // The itab the case's test found (the body's only predecessor).
          Value *itab = itabs[i].empty() ? nullptr : itabs[i].front().second;
          bound = value(Op::IfaceMake, T, {itab, data}, p);
        }
      } else {
        bound = unbox(data, T, p);
      }
      define(v, bound);
    }
    stmtList(t.kid(clauses[i], 1));
    jump(exit);
  }
  loops_.pop_back();
  seal(exit);
  startBlock(exit);
}

} // namespace origo::ssa
