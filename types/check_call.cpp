//===- types/check_call.cpp - calls, conversions and built-ins ------------===//
/// \file
/// Function calls (spec "Calls"), conversions (spec "Conversions") and the
/// built-in functions origo supports so far, with types2's messages.
//===----------------------------------------------------------------------===//
#include "types/checker.h"
#include "types/layout.h"

#include <algorithm>

namespace origo::types {

/// types2's typesSummary: "(int, string)", untyped numbers as "number".
static std::string typesSummary(const std::vector<const Type *> &list, bool variadic) {
  std::string s = "(";
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) s += ", ";
    const Type *t = list[i];
    if (!t || t->isBasic(BasicKind::Invalid)) s += "<T>";
    else if (isUntyped(t)) {
      if (isNumeric(t)) s += "number";
      else {
        std::string n = typeString(t);
        s += n.rfind("untyped ", 0) == 0 ? n.substr(8) : n;
      }
    } else if (variadic && i + 1 == list.size() && t->kind == TypeKind::Slice)
      s += "..." + typeString(t->elem);
    else
      s += typeString(t);
  }
  return s + ")";
}

/// Whether values of t have a size that depends on type parameters
/// (go/types' hasVarSize): a type parameter, or an array or struct
/// holding one by value.
static bool hasVarSize(const Type *t) {
  if (!t) return false;
  if (isTypeParam(t)) return true;
  const Type *u = under(t);
  if (u->kind == TypeKind::Array) return hasVarSize(u->elem);
  if (u->kind == TypeKind::Struct)
    for (const Field &f : u->fields)
      if (hasVarSize(f.type)) return true;
  return false;
}

void Checker::call(Operand &x, NodeId e) {
  const Tree &t = *tree_;
  NodeId fun = t.kid(e, 0);
  NodeId savedCallee = callee_;
  callee_ = fun;
  rawExpr(x, fun);
  callee_ = savedCallee;
  std::vector<NodeId> argNodes;
  for (size_t i = 1; i < t.numKids(e); ++i) argNodes.push_back(t.kid(e, i));
  bool dots = t[e].op == Tok::Ellipsis;

  switch (x.mode) {
  case Mode::Invalid:
    for (NodeId a : argNodes) { Operand y; rawExpr(y, a); }
    x.expr = e;
    return;
  case Mode::TypeExpr: {
    const Type *T = x.type;
    x.expr = e;
    if (argNodes.size() != 1 || dots) {
      if (argNodes.empty()) errorAt(e, "missing argument in conversion to " + typeString(T));
      else if (dots) errorAt(argNodes[0], "invalid use of ... in type conversion to " + typeString(T));
      else errorAt(argNodes[1], "too many arguments in conversion to " + typeString(T));
      for (NodeId a : argNodes) { Operand y; rawExpr(y, a); }
      x.mode = Mode::Invalid;
      return;
    }
    expr(x, argNodes[0]);
    if (!x.invalid()) conversion(x, T, e);
    x.expr = e;
    return;
  }
  case Mode::Builtin:
    builtinCall(x, e, x.builtin);
    x.expr = e;
    return;
  default:
    break;
  }
  const Type *sig = coreOrUnder(x.type);
  if (x.type == tt_.invalid()) { // already reported
    for (NodeId a : argNodes) { Operand y; rawExpr(y, a); }
    x.mode = Mode::Invalid;
    x.expr = e;
    return;
  }
  if (sig->kind != TypeKind::Signature) {
    errorAt(e, "invalid operation: cannot call non-function " + operandStr(x));
    for (NodeId a : argNodes) { Operand y; rawExpr(y, a); }
    x.mode = Mode::Invalid;
    x.expr = e;
    return;
  }
  std::vector<Operand> args;
  exprList(args, argNodes);
  if (!sig->typeParams.empty()) {
    // A generic function: infer the type arguments not given explicitly.
    std::vector<const Type *> targs;
    if (auto it = partialTargs_.find(fun.index); it != partialTargs_.end()) targs = it->second;
    for (const Operand &a : args)
      if (a.invalid()) { x.mode = Mode::Invalid; x.expr = e; return; }
    targs = inferTypeArgs(e, sig, targs, args);
    const Type *inst = targs.empty() ? nullptr : instantiateSignature(e, sig, targs, {e});
    if (!inst) {
      x.mode = Mode::Invalid;
      x.expr = e;
      return;
    }
    sig = inst;
  }
  if (dots) {
    // f(xs...): xs is the variadic parameter itself.
    if (!sig->variadic) {
      errorAt(e, "cannot use ... in call to non-variadic " + exprStr(tree_->kid(e, 0)));
      x.mode = Mode::Invalid;
      return;
    }
    auto params = sig->params();
    bool bad = false;
    for (const Operand &a : args) bad |= a.invalid();
    // f()... where f() yields several values.
    if (!bad && argNodes.size() == 1 && args.size() > 1) {
      errorAt(e, "cannot use ... with " + std::to_string(args.size()) + "-valued " + exprStr(argNodes[0]));
      x.mode = Mode::Invalid;
      return;
    }
    if (!bad && args.size() != params.size()) {
      errorAt(e, std::string(args.size() < params.size() ? "not enough" : "too many") + " arguments in call to " +
                     exprStr(tree_->kid(e, 0)));
    } else if (!bad) {
      std::string context = "argument to " + exprStr(tree_->kid(e, 0));
      for (size_t i = 0; i < args.size(); ++i) assignment(args[i], params[i], context);
    }
  } else {
    arguments(e, sig, args);
  }
  auto results = sig->results();
  x.expr = e;
  x.val.reset();
  if (results.empty()) {
    x.mode = Mode::NoValue;
    x.type = tt_.tuple({});
  } else if (results.size() == 1) {
    x.mode = Mode::Value;
    x.type = results[0];
  } else {
    x.mode = Mode::Value;
    x.type = tt_.tuple(results);
  }
}

void Checker::arguments(NodeId call, const Type *sig, std::vector<Operand> &args) {
  for (const Operand &a : args)
    if (a.invalid()) return;
  auto params = sig->params();
  size_t npars = params.size(), nargs = args.size();
  if (sig->variadic) {
    if (nargs >= npars - 1) {
      // Extra arguments are checked against the element type.
      const Type *elem = params.back()->elem;
      params.pop_back();
      while (params.size() < nargs) params.push_back(elem);
      npars = params.size();
    } else {
      npars = params.size() - 1;
      params.pop_back();
    }
  }
  if (nargs != npars && !(sig->variadic && nargs >= npars)) {
    NodeId at = call;
    std::string qualifier = "not enough";
    if (nargs > npars) {
      at = args[npars].expr;
      qualifier = "too many";
    } else if (nargs > 0) {
      at = args[nargs - 1].expr;
    }
    std::vector<const Type *> have;
    for (const Operand &a : args) have.push_back(a.type);
    errorAt(at, qualifier + " arguments in call to " + exprStr(tree_->kid(call, 0)) + "\n\thave " +
                    typesSummary(have, false) + "\n\twant " + typesSummary(sig->params(), sig->variadic));
    return;
  }
  std::string context = "argument to " + exprStr(tree_->kid(call, 0));
  for (size_t i = 0; i < nargs; ++i)
    assignment(args[i], params[i], context);
}

/// Byte or rune slices (for string conversions).
static bool isBytesOrRunes(const Type *t) {
  const Type *u = under(t);
  if (u->kind != TypeKind::Slice) return false;
  const Type *e = under(u->elem);
  return e->isBasic(BasicKind::Uint8) || e->isBasic(BasicKind::Int32);
}

/// Identical types ignoring struct tags (spec "Conversions").
static bool identicalIgnoreTags(const Type *a, const Type *b) {
  if (a == b) return true;
  if (a->kind != b->kind) return false;
  if (a->kind == TypeKind::Struct) {
    if (a->fields.size() != b->fields.size()) return false;
    for (size_t i = 0; i < a->fields.size(); ++i) {
      const Field &x = a->fields[i], &y = b->fields[i];
      if (x.name != y.name || x.embedded != y.embedded || !identicalIgnoreTags(x.type, y.type)) return false;
    }
    return true;
  }
  auto lists = [](const std::vector<const Type *> &x, const std::vector<const Type *> &y) {
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (!identicalIgnoreTags(x[i], y[i])) return false;
    return true;
  };
  switch (a->kind) {
  case TypeKind::Pointer:
  case TypeKind::Slice:
    return identicalIgnoreTags(a->elem, b->elem);
  case TypeKind::Array:
    return a->len == b->len && identicalIgnoreTags(a->elem, b->elem);
  case TypeKind::Chan:
    return a->dir == b->dir && identicalIgnoreTags(a->elem, b->elem);
  case TypeKind::Map:
    return identicalIgnoreTags(a->key, b->key) && identicalIgnoreTags(a->elem, b->elem);
  case TypeKind::Signature:
    return a->variadic == b->variadic && a->typeParams.empty() && b->typeParams.empty() &&
           lists(a->params(), b->params()) && lists(a->results(), b->results());
  default:
    return false;
  }
}

bool Checker::convertible(const Operand &x, const Type *T) {
  if (assignableTo(x, T)) return true;
  if (isTypeParam(x.type) || isTypeParam(T)) {
    // Every type of one type set must convert to every type of the other.
    auto terms = [](const Type *t, std::vector<const Type *> &out) {
      if (!isTypeParam(t)) { out.push_back(t); return true; }
      TypeSet ts = t->constraint ? typeSetOf(t->constraint) : TypeSet{};
      if (ts.all || ts.terms.empty()) return false;
      for (auto [term, tilde] : ts.terms) out.push_back(term);
      return true;
    };
    std::vector<const Type *> vs, ts;
    if (!terms(x.type, vs) || !terms(T, ts)) return false;
    for (const Type *v : vs)
      for (const Type *t : ts) {
        Operand y = x;
        y.type = v;
        if (y.mode == Mode::Constant && isTypeParam(x.type)) y.mode = Mode::Value;
        if (!convertible(y, t)) return false;
      }
    return true;
  }
  const Type *V = x.type, *vu = under(V), *tu = under(T);
  if (identicalIgnoreTags(vu, tu)) return true;
  if (V->kind == TypeKind::Pointer && T->kind == TypeKind::Pointer &&
      identicalIgnoreTags(under(V->elem), under(T->elem)))
    return true;
  if ((isInteger(vu) || isFloat(vu)) && (isInteger(tu) || isFloat(tu))) return true;
  if (isComplex(vu) && isComplex(tu)) return true;
  if ((isInteger(vu) || isBytesOrRunes(vu)) && isString(tu)) return true;
  if (isString(vu) && isBytesOrRunes(tu)) return true;
  bool vp = vu->kind == TypeKind::Pointer || vu->isBasic(BasicKind::Uintptr);
  bool tp = tu->kind == TypeKind::Pointer || tu->isBasic(BasicKind::Uintptr);
  if ((vp && tu->isBasic(BasicKind::UnsafePointer)) || (tp && vu->isBasic(BasicKind::UnsafePointer))) return true;
  // A slice to an array pointer with the same element type.
  if (vu->kind == TypeKind::Slice && tu->kind == TypeKind::Pointer && under(tu->elem)->kind == TypeKind::Array &&
      under(tu->elem)->elem == vu->elem)
    return true;
  return false;
}

void Checker::conversion(Operand &x, const Type *T, NodeId e) {
  bool constArg = x.mode == Mode::Constant;
  bool ok = false;
  const Type *tu = under(T);
  if (constArg && isTypeParam(T)) {
    // Valid when valid for every type of the type set; the result is a
    // value of type T, not a constant.
    TypeSet ts = T->constraint ? typeSetOf(T->constraint) : TypeSet{};
    ok = !ts.all && !ts.terms.empty();
    for (auto [term, tilde] : ts.terms) {
      Operand y = x;
      if (!isConstType(term)) { ok = ok && convertible(y, term); continue; }
      ok = ok && (isInteger(y.type) && isString(term) ? true : representable(y, term, false));
    }
    if (ok) {
      x.mode = Mode::Value;
      x.val.reset();
    }
  } else if (constArg && isConstType(T)) {
    // Constant conversion: the value must be representable, except that
    // integers convert to strings (as runes).
    if (isInteger(x.type) && isString(tu)) {
      auto iv = x.val->toInt();
      std::string s;
      uint32_t r = 0xFFFD;
      if (iv && iv->fitsInt64() && iv->int64Val() >= 0 && iv->int64Val() <= 0x10FFFF) r = uint32_t(iv->int64Val());
      syntax::appendUTF8(s, r);
      x.val = Constant::makeString(s);
      ok = true;
    } else {
      Operand y = x;
      ok = representable(y, T, false);
      if (ok) {
        Constant v = *y.val; // rounded to T
        if (isFloat(tu) && v.kind() == Constant::Kind::Int) v = v.toFloat();
        if (isInteger(tu)) {
          auto iv = v.toInt();
          if (iv) v = *iv;
        }
        x.val = v;
      }
    }
  } else {
    ok = convertible(x, T);
    if (isUntyped(x.type) && !constArg && (isNumeric(x.type) || isBoolean(x.type)) &&
        (isNumeric(tu) || isBoolean(tu)))
      ok = isNumeric(x.type) == isNumeric(tu);
    if (ok) x.mode = Mode::Value;
  }
  if (!ok) {
    std::string why = constArg && isConstType(T) ? "" : assignCause(x, T);
    errorAt(x.expr, "cannot convert " + operandStr(x) + " to type " + typeString(T) + (why.empty() ? "" : ":\n\t" + why));
    x.mode = Mode::Invalid;
    return;
  }
  if (isUntyped(x.type)) {
    // As types2: the conversion gives an untyped argument its type, except
    // that conversions to interfaces and of constants to non-constant
    // types ([]byte("foo")) use the default type, nil stays untyped nil,
    // and a constant integer converted to a string keeps its type.
    const Type *final = T;
    if ((isInterface(T) && !isTypeParam(T)) || (constArg && !isConstType(T)) || x.type->isBasic(BasicKind::UntypedNil))
      final = defaultType(tt_, x.type);
    else if (constArg && isInteger(x.type) && allTypes(T, [](const Type *u) { return isString(u); }))
      final = x.type;
    updateExprType(x.expr, final, true);
  }
  notInHeapConversion(x, T, e);
  x.type = T;
  x.expr = e;
}

/// gc's runtime-specific conversion rules (typecheck's convertop, after
/// types2): no *T to *U where only U is //go:notinheap, and no string to
/// []U for a //go:notinheap byte or rune type U.
void Checker::notInHeapConversion(const Operand &x, const Type *T, NodeId e) {
  const Type *src = under(x.type), *dst = under(T);
  if (!src || !dst) return;
  std::string why;
  if (src->kind == TypeKind::Pointer && dst->kind == TypeKind::Pointer && notInHeap(dst->elem) &&
      !notInHeap(src->elem))
    why = typeString(dst->elem, &pkg_) + " is incomplete (or unallocatable), but " + typeString(src->elem, &pkg_) +
          " is not";
  else if (isString(src) && dst->kind == TypeKind::Slice && notInHeap(dst->elem) &&
           (under(dst->elem)->isBasic(BasicKind::Uint8) || under(dst->elem)->isBasic(BasicKind::Int32)))
    why = typeString(dst->elem, &pkg_) + " is incomplete (or unallocatable)";
  if (why.empty()) return;
  // gc's typecheck sees untyped constants with their default types, and
  // reports at the conversion's parenthesis.
  lateErrors_.push_back({(*tree_)[e].pos, "cannot convert " + exprStr(x.expr) + " (type " +
                                              typeString(defaultType(tt_, x.type), &pkg_) + ") to type " +
                                                          typeString(T, &pkg_) + ":\n\t" + why});
}

void Checker::builtinCall(Operand &x, NodeId e, Builtin b) {
  const Tree &t = *tree_;
  std::vector<NodeId> argNodes;
  for (size_t i = 1; i < t.numKids(e); ++i) argNodes.push_back(t.kid(e, i));
  std::string name = exprStr(t.kid(e, 0));
  if (t[e].op == Tok::Ellipsis && b != Builtin::Append) {
    // Named without its package (unsafe.Sizeof is "Sizeof"); the
    // arguments still count as used.
    std::string bare = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
    errorAt(e, "invalid operation: invalid use of ... with built-in " + bare);
    for (NodeId a : argNodes) {
      Operand y;
      rawExpr(y, a);
    }
    x.mode = Mode::Invalid;
    return;
  }
  switch (b) {
  case Builtin::Print:
  case Builtin::Println: {
    std::vector<Operand> args;
    exprList(args, argNodes);
    for (Operand &a : args) {
      if (a.invalid()) continue;
      assignment(a, nullptr, "argument to built-in " + name);
    }
    x.mode = Mode::NoValue;
    x.type = tt_.tuple({});
    x.val.reset();
    return;
  }
  default:
    otherBuiltin(x, e, b, argNodes, name);
  }
}

/// Whether expression e contains a function call or a channel receive
/// (spec "Length and capacity": len and cap of such an array expression
/// are not constant). Conversions and constant built-in calls do not
/// count; function literal bodies are not looked into.
static bool hasCallOrRecv(const Tree &t, const FileInfo &info, NodeId e) {
  if (!e.valid()) return false;
  switch (t.kind(e)) {
  case NodeKind::FuncLit:
    return false;
  case NodeKind::CallExpr: {
    NodeId fun = t.kid(e, 0);
    bool conversion = fun.valid() && info.types[fun.index].mode == Mode::TypeExpr;
    if (!conversion && info.types[e.index].mode != Mode::Constant) return true;
    break;
  }
  case NodeKind::UnaryExpr:
    if (t[e].op == Tok::Arrow) return true;
    break;
  default:
    break;
  }
  for (size_t i = 0; i < t.numKids(e); ++i)
    if (hasCallOrRecv(t, info, t.kid(e, i))) return true;
  return false;
}

void Checker::otherBuiltin(Operand &x, NodeId e, Builtin b, const std::vector<NodeId> &args, const std::string &name) {
  // The values of a lone multi-value call passed as all the arguments.
  std::vector<Operand> spread;
  // The i-th argument's value and where it is written.
  auto arg = [&](Operand &a, size_t i) {
    if (!spread.empty()) a = spread[i];
    else expr(a, args[i]);
  };
  auto argAt = [&](size_t i) { return spread.empty() ? args[i] : args[0]; };
  auto nargs = [&](size_t min, size_t max) {
    size_t found = args.size();
    // A lone call f() passing too few arguments may yet stand for several
    // values; count them for the message.
    if (found == 1 && found < min && tree_->kind(args[0]) == NodeKind::CallExpr) {
      std::vector<Operand> xs;
      multiExpr(xs, args[0]);
      if (xs.empty() || xs[0].invalid()) return false; // reported
      found = xs.size();
      if (found >= min && found <= max) {
        // f(g()) with g's results as the arguments.
        spread = std::move(xs);
        return true;
      }
    }
    if (found < min || found > max) {
      errorAt(e, "invalid operation: " + std::string(found < min ? "not enough" : "too many") + " arguments for " +
                     exprStr(e) + " (expected " + std::to_string(found < min ? min : max) + ", found " +
                     std::to_string(found) + ")");
      return false;
    }
    return true;
  };
  auto fail = [&]() {
    x.mode = Mode::Invalid;
  };
  x.val.reset();
  switch (b) {
  case Builtin::Cap:
  case Builtin::Len: {
    if (!nargs(1, 1)) return fail();
    Operand a;
    expr(a, args[0]);
    if (a.invalid()) return fail();
    const Type *u = coreOrUnder(a.type);
    if (u->kind == TypeKind::Pointer && coreOrUnder(u->elem)->kind == TypeKind::Array) u = coreOrUnder(u->elem);
    bool ok = u->kind == TypeKind::Array || u->kind == TypeKind::Slice || u->kind == TypeKind::Chan ||
              (b == Builtin::Len && (isString(u) || u->kind == TypeKind::Map));
    if (!ok) {
      errorAt(args[0], "invalid argument: " + operandStr(a) + " for " + name);
      return fail();
    }
    x.type = tt_.basic(BasicKind::Int);
    if (u->kind == TypeKind::Array && !hasCallOrRecv(*tree_, *info_, args[0])) {
      x.mode = Mode::Constant;
      x.val = Constant::makeInt64(u->len);
    } else if (isString(u) && a.mode == Mode::Constant) {
      x.mode = Mode::Constant;
      x.val = Constant::makeInt64(int64_t(a.val->stringVal().size()));
    } else {
      x.mode = Mode::Value;
      if (isUntyped(a.type)) assignment(a, nullptr, "argument to " + name);
    }
    return;
  }
  case Builtin::Append: {
    if (args.empty()) {
      errorAt(e, "invalid operation: not enough arguments for " + exprStr(e) + " (expected 1, found 0)");
      return fail();
    }
    Operand s;
    // append(f()) spreads a multi-value f() over the parameters.
    std::vector<Operand> spread;
    bool dots = tree_->operator[](e).op == Tok::Ellipsis;
    if (args.size() == 1 && !dots && tree_->kind(args[0]) == NodeKind::CallExpr) {
      multiExpr(spread, args[0]);
      if (spread.empty()) return fail();
      s = spread[0];
    } else {
      expr(s, args[0]);
    }
    if (s.invalid()) return fail();
    if (coreOrUnder(s.type)->kind != TypeKind::Slice) {
      if (s.type->isBasic(BasicKind::UntypedNil)) errorAt(args[0], "first argument to append must be a typed slice; have untyped nil");
      else errorAt(args[0], "invalid argument: " + operandStr(s) + " (first argument to append must be a slice)");
      return fail();
    }
    const Type *elem = coreOrUnder(s.type)->elem;
    if (tree_->operator[](e).op == Tok::Ellipsis) {
      if (args.size() != 2) {
        // As any call of func(s []T, x ...T) []T with a final ...
        // argument: exactly two arguments.
        std::vector<const Type *> have{s.type};
        for (size_t i = 1; i < args.size(); ++i) {
          Operand y;
          expr(y, args[i]);
          if (y.invalid()) return fail();
          have.push_back(y.type);
        }
        errorAt(args.size() > 2 ? args[2] : args.back(),
                std::string(args.size() > 2 ? "too many" : "not enough") + " arguments in call to " + name +
                    "\n\thave " + typesSummary(have, false) + "\n\twant " +
                    typesSummary({s.type, tt_.slice(elem)}, true));
        return fail();
      }
      Operand y;
      expr(y, args[1]);
      if (!y.invalid()) {
        // append([]byte, string...) is allowed.
        // (a type parameter's value too when all its types are strings or byte slices).
        auto bytesOrString = [](const Type *t) {
          const Type *u = under(t);
          return isString(u) || (u->kind == TypeKind::Slice && under(u->elem)->isBasic(BasicKind::Uint8));
        };
        bool stringish = isString(y.type) || (isTypeParam(y.type) && allTypes(y.type, +bytesOrString));
        if (!(elem->isBasic(BasicKind::Uint8) && stringish)) assignment(y, s.type, "argument to append");
      }
    } else {
      for (size_t i = 1; i < spread.size(); ++i) assignment(spread[i], elem, "argument to append");
      for (size_t i = 1; i < args.size(); ++i) {
        Operand y;
        rawExpr(y, args[i], elem);
        if (y.mode == Mode::CommaOk) y.mode = Mode::Value;
        if (!y.invalid()) assignment(y, elem, "argument to append");
      }
    }
    x.mode = Mode::Value;
    x.type = s.type;
    return;
  }
  case Builtin::Copy: {
    if (!nargs(2, 2)) return fail();
    Operand d, s;
    arg(d, 0);
    arg(s, 1);
    if (d.invalid() || s.invalid()) return fail();
    const Type *du = coreOrUnder(d.type), *su = coreOrUnder(s.type);
    const Type *dstElem = du->kind == TypeKind::Slice ? du->elem : nullptr;
    // A string source copies its bytes.
    const Type *srcElem = su->kind == TypeKind::Slice ? su->elem : isString(su) ? tt_.basic(BasicKind::Uint8) : nullptr;
    if (!dstElem || !srcElem) {
      errorAt(args[0], "invalid argument: copy expects slice arguments; found " + operandStr(d) + " and " +
                           operandStr(s));
      return fail();
    }
    if (!identical(dstElem, srcElem)) {
      errorAt(args[0], "invalid argument: arguments to copy " + operandStr(d) + " and " + operandStr(s) +
                           " have different element types " + typeString(dstElem, &pkg_) + " and " +
                           (isString(su) ? std::string("byte") : typeString(srcElem, &pkg_)));
      return fail();
    }
    x.mode = Mode::Value;
    x.type = tt_.basic(BasicKind::Int);
    return;
  }
  case Builtin::Delete: {
    if (!nargs(2, 2)) return fail();
    Operand m, k;
    arg(m, 0);
    arg(k, 1);
    if (m.invalid() || k.invalid()) return fail();
    // Every type of a type parameter's set must be a map, all with the
    // same key type.
    const Type *key = nullptr;
    std::vector<const Type *> us = termUnders(m.type);
    if (us.empty()) {
      errorAt(args[0], "invalid argument: " + operandStr(m) + " is not a map");
      return fail();
    }
    for (const Type *u : us) {
      if (u->kind != TypeKind::Map) {
        errorAt(args[0], "invalid argument: " + operandStr(m) + " is not a map");
        return fail();
      }
      if (key && !identical(key, u->key)) {
        errorAt(args[0], "invalid argument: maps of " + operandStr(m) + " must have identical key types");
        return fail();
      }
      key = u->key;
    }
    assignment(k, key, "argument to delete");
    x.mode = Mode::NoValue;
    x.type = tt_.tuple({});
    return;
  }
  case Builtin::Make: {
    if (args.empty()) {
      errorAt(e, "invalid operation: not enough arguments for " + exprStr(e) + " (expected 1, found 0)");
      return fail();
    }
    const Type *T = typExpr(args[0]);
    if (T == tt_.invalid()) return fail();
    const Type *u = coreOrUnder(T);
    size_t min = 1;
    if (u->kind == TypeKind::Slice) min = 2;
    else if (u->kind != TypeKind::Map && u->kind != TypeKind::Chan) {
      errorAt(args[0], "invalid argument: cannot make " + exprStr(args[0]) + "; type must be slice, map, or channel");
      return fail();
    }
    if (args.size() < min) {
      errorAt(e, "invalid operation: " + exprStr(e) + " expects " + std::to_string(min) + " or " + std::to_string(min + 1) + " arguments; found " + std::to_string(args.size()));
      return fail();
    }
    if (args.size() > (u->kind == TypeKind::Slice ? 3u : 2u)) {
      errorAt(e, "invalid operation: " + exprStr(e) + " expects " + std::to_string(min) + " or " + std::to_string(min + 1) + " arguments; found " + std::to_string(args.size()));
      return fail();
    }
    int64_t sizes[2] = {-1, -1};
    for (size_t i = 1; i < args.size(); ++i) sizes[i - 1] = index(args[i], -1);
    if (sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1])
      errorAt(args[1], "invalid argument: length and capacity swapped");
    x.mode = Mode::Value;
    x.type = T;
    return;
  }
  case Builtin::New: {
    if (!nargs(1, 1)) return fail();
    const Type *T = typExpr(args[0]);
    if (T == tt_.invalid()) return fail();
    x.mode = Mode::Value;
    x.type = tt_.pointer(T);
    return;
  }
  case Builtin::Panic: {
    if (!nargs(1, 1)) return fail();
    Operand a;
    expr(a, args[0]);
    if (!a.invalid()) {
      const Type *any = tt_.interfaceType({}, {});
      assignment(a, any, "argument to panic");
    }
    x.mode = Mode::NoValue;
    x.type = tt_.tuple({});
    return;
  }
  case Builtin::Recover:
    if (!nargs(0, 0)) return fail();
    x.mode = Mode::Value;
    x.type = tt_.interfaceType({}, {});
    return;
  case Builtin::Close: {
    if (!nargs(1, 1)) return fail();
    Operand c;
    expr(c, args[0]);
    if (c.invalid()) return fail();
    // For a type parameter: every type of its set must be a channel.
    auto isChan = [](const Type *t) { return under(t)->kind == TypeKind::Chan; };
    auto isRecvOnly = [](const Type *t) { return under(t)->kind == TypeKind::Chan && under(t)->dir == ChanDir::Recv; };
    auto anyRecvOnly = [&](const Type *t) {
      if (!isTypeParam(t)) return isRecvOnly(t);
      TypeSet ts = t->constraint ? typeSetOf(t->constraint) : TypeSet{};
      for (auto [term, tilde] : ts.terms)
        if (isRecvOnly(term)) return true;
      return false;
    };
    if (!allTypes(c.type, +isChan)) {
      errorAt(args[0], "invalid operation: cannot close non-channel " + operandStr(c));
      return fail();
    }
    if (anyRecvOnly(c.type)) {
      errorAt(args[0], "invalid operation: cannot close receive-only channel " + operandStr(c));
      return fail();
    }
    x.mode = Mode::NoValue;
    x.type = tt_.tuple({});
    return;
  }
  case Builtin::Complex: {
    if (!nargs(2, 2)) return fail();
    Operand re, im;
    arg(re, 0);
    arg(im, 1);
    if (re.invalid() || im.invalid()) return fail();
    // An untyped side takes the other's type; two untyped constants
    // become untyped floats when they have no imaginary part.
    bool ure = isUntyped(re.type), uim = isUntyped(im.type);
    if (ure && !uim) {
      convertUntyped(re, im.type);
    } else if (!ure && uim) {
      convertUntyped(im, re.type);
    } else if (ure && uim) {
      if (re.mode == Mode::Constant && im.mode == Mode::Constant) {
        for (Operand *o : {&re, &im})
          if (isNumeric(o->type) && o->val->imag().sign() == 0) o->type = tt_.basic(BasicKind::UntypedFloat);
      } else {
        convertUntyped(re, tt_.basic(BasicKind::Float64));
        convertUntyped(im, tt_.basic(BasicKind::Float64));
      }
    }
    if (re.invalid() || im.invalid()) return fail();
    if (!identical(re.type, im.type)) {
      errorAt(args[0], "invalid operation: " + exprStr(e) + " (mismatched types " + typeString(re.type, &pkg_) +
                           " and " + typeString(im.type, &pkg_) + ")");
      return fail();
    }
    const Type *u = under(re.type);
    BasicKind res = u->isBasic(BasicKind::Float32)        ? BasicKind::Complex64
                    : u->isBasic(BasicKind::Float64)      ? BasicKind::Complex128
                    : u->isBasic(BasicKind::UntypedFloat) ? BasicKind::UntypedComplex
                                                          : BasicKind::Invalid;
    if (res == BasicKind::Invalid) {
      errorAt(args[0], "invalid argument: arguments have type " + typeString(re.type, &pkg_) +
                           ", expected floating-point");
      return fail();
    }
    if (re.mode == Mode::Constant && im.mode == Mode::Constant) {
      x.mode = Mode::Constant;
      x.val = Constant::makeComplex(re.val->toFloat(), im.val->toFloat());
    } else {
      x.mode = Mode::Value;
    }
    x.type = tt_.basic(res);
    return;
  }
  case Builtin::Real:
  case Builtin::Imag: {
    if (!nargs(1, 1)) return fail();
    Operand c;
    expr(c, args[0]);
    if (c.invalid()) return fail();
    if (isUntyped(c.type)) {
      // An untyped constant number is a complex constant too.
      if (c.mode == Mode::Constant) {
        if (isNumeric(c.type)) c.type = tt_.basic(BasicKind::UntypedComplex);
      } else {
        convertUntyped(c, tt_.basic(BasicKind::Complex128));
        if (c.invalid()) return fail();
      }
    }
    const Type *u = under(c.type);
    BasicKind res = u->isBasic(BasicKind::Complex64)        ? BasicKind::Float32
                    : u->isBasic(BasicKind::Complex128)     ? BasicKind::Float64
                    : u->isBasic(BasicKind::UntypedComplex) ? BasicKind::UntypedFloat
                                                            : BasicKind::Invalid;
    if (res == BasicKind::Invalid) {
      errorAt(args[0], "invalid argument: argument has type " + typeString(c.type, &pkg_) + ", expected complex type");
      return fail();
    }
    if (c.mode == Mode::Constant) {
      x.mode = Mode::Constant;
      x.val = b == Builtin::Real ? c.val->real() : c.val->imag();
    } else {
      x.mode = Mode::Value;
    }
    x.type = tt_.basic(res);
    return;
  }
  case Builtin::Sizeof:
  case Builtin::Alignof: {
    if (!nargs(1, 1)) return fail();
    Operand a;
    expr(a, args[0]);
    if (a.invalid()) return fail();
    assignment(a, nullptr, "argument to " + name);
    if (a.invalid()) return fail();
    x.type = tt_.basic(BasicKind::Uintptr);
    if (hasVarSize(a.type)) {
      // Known per instance (spec: not a constant when the size depends
      // on a type parameter).
      x.mode = Mode::Value;
      return;
    }
    Layout l = layoutOf(a.type);
    x.mode = Mode::Constant;
    x.val = Constant::makeInt64(b == Builtin::Sizeof ? l.size : l.align);
    return;
  }
  case Builtin::Offsetof: {
    if (!nargs(1, 1)) return fail();
    NodeId sel = args[0];
    while (tree_->kind(sel) == NodeKind::ParenExpr) sel = tree_->kid(sel, 0);
    if (tree_->kind(sel) != NodeKind::SelectorExpr) {
      errorAt(args[0], "invalid argument: " + exprStr(args[0]) + " is not a selector expression");
      return fail();
    }
    Operand f;
    selector(f, sel);
    record(f);
    if (f.invalid()) return fail();
    // The offset within the struct written before the selector, summed
    // along the embedding path, which must not go through a pointer.
    const Type *st = info_->types[tree_->kid(sel, 0).index].type;
    std::string fname(tree_->operator[](tree_->kid(sel, 1)).text);
    LookupResult r = lookupFieldOrMethod(st, fname, &pkg_);
    if (!r.field) {
      errorAt(args[0], "invalid argument: " + exprStr(args[0]) + " is a method value");
      return fail();
    }
    int64_t off = 0;
    bool varSize = false;
    const Type *cur = st && under(st)->kind == TypeKind::Pointer ? under(st)->elem : st;
    for (size_t i = 0; r.field && i < r.path.size(); ++i) {
      const Type *u = under(cur);
      if (u->kind == TypeKind::Pointer) {
        errorAt(args[0], "invalid argument: field " + fname + " is embedded via a pointer in " +
                             typeString(st && under(st)->kind == TypeKind::Pointer ? under(st)->elem : st));
        return fail();
      }
      if (u->kind != TypeKind::Struct || size_t(r.path[i]) >= u->fields.size()) break;
      // A field after one of variable size has a variable offset.
      for (size_t k = 0; k < size_t(r.path[i]); ++k) varSize |= hasVarSize(u->fields[k].type);
      off += fieldOffsets(u)[size_t(r.path[i])];
      cur = u->fields[size_t(r.path[i])].type;
    }
    x.type = tt_.basic(BasicKind::Uintptr);
    if (varSize) {
      x.mode = Mode::Value;
      return;
    }
    x.mode = Mode::Constant;
    x.val = Constant::makeInt64(off);
    return;
  }
  case Builtin::Add: {
    if (!allowVersion(17, syntax::startPos(*tree_, tree_->kid(e, 0)), "unsafe.Add")) return fail();
    if (!nargs(2, 2)) return fail();
    Operand p, n;
    arg(p, 0);
    arg(n, 1);
    if (!p.invalid()) assignment(p, tt_.basic(BasicKind::UnsafePointer), "argument to unsafe.Add");
    if (!n.invalid()) {
      if (!isInteger(n.type)) errorAt(argAt(1), "cannot convert " + operandStr(n) + " to type int");
      else if (isUntyped(n.type)) assignment(n, tt_.basic(BasicKind::Int), "argument to unsafe.Add");
    }
    x.mode = Mode::Value;
    x.type = tt_.basic(BasicKind::UnsafePointer);
    return;
  }
  case Builtin::Slice: {
    if (!allowVersion(17, syntax::startPos(*tree_, tree_->kid(e, 0)), "unsafe.Slice")) return fail();
    if (!nargs(2, 2)) return fail();
    Operand p, n;
    arg(p, 0);
    arg(n, 1);
    if (p.invalid()) return fail();
    if (under(p.type)->kind != TypeKind::Pointer) {
      errorAt(args[0], "invalid argument: " + operandStr(p) + " is not a pointer");
      return fail();
    }
    if (!n.invalid()) {
      if (!isInteger(n.type)) errorAt(argAt(1), "cannot convert " + operandStr(n) + " to type int");
      else if (isUntyped(n.type)) assignment(n, tt_.basic(BasicKind::Int), "argument to unsafe.Slice");
    }
    x.mode = Mode::Value;
    x.type = tt_.slice(under(p.type)->elem);
    return;
  }
  default:
    unsupported(e, "built-in " + name);
    for (NodeId a : args) { Operand y; rawExpr(y, a); }
    return fail();
  }
}

} // namespace origo::types
