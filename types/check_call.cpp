//===- types/check_call.cpp - calls, conversions and built-ins ------------===//
/// \file
/// Function calls (spec "Calls"), conversions (spec "Conversions") and the
/// built-in functions origo supports so far, with types2's messages.
//===----------------------------------------------------------------------===//
#include "types/checker.h"

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

void Checker::call(Operand &x, NodeId e) {
  const Tree &t = *tree_;
  NodeId fun = t.kid(e, 0);
  rawExpr(x, fun);
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
      else if (dots) errorAt(argNodes[0], "invalid use of ... in conversion to " + typeString(T));
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
  const Type *sig = under(x.type);
  if (sig->kind != TypeKind::Signature) {
    errorAt(e, "invalid operation: cannot call non-function " + operandStr(x));
    for (NodeId a : argNodes) { Operand y; rawExpr(y, a); }
    x.mode = Mode::Invalid;
    x.expr = e;
    return;
  }
  std::vector<Operand> args;
  if (dots) {
    unsupported(e, "variadic call with ...");
    x.mode = Mode::Invalid;
    return;
  }
  exprList(args, argNodes);
  arguments(e, sig, args);
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

void Checker::conversion(Operand &x, const Type *T, NodeId e) {
  bool constArg = x.mode == Mode::Constant;
  bool ok = false;
  const Type *tu = under(T), *xu = under(x.type);
  if (constArg && isConstType(T)) {
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
      ok = representable(y, T, false) || (isNumeric(x.type) && isFloat(tu));
      if (ok) {
        Constant v = *x.val;
        if (isFloat(tu) && v.kind() == Constant::Kind::Int) v = v.toFloat();
        if (isInteger(tu)) {
          auto iv = v.toInt();
          if (iv) v = *iv;
        }
        x.val = v;
      }
    }
  } else {
    bool numeric = (isInteger(xu) || isFloat(xu)) && (isInteger(tu) || isFloat(tu));
    ok = assignableTo(x, T) || identical(xu, tu) || numeric || (isComplex(xu) && isComplex(tu)) ||
         (isInteger(xu) && isString(tu) && isTyped(x.type));
    if (isUntyped(x.type) && !constArg && (isNumeric(x.type) || isBoolean(x.type)) &&
        (isNumeric(tu) || isBoolean(tu)))
      ok = isNumeric(x.type) == isNumeric(tu);
    if (ok) x.mode = Mode::Value;
  }
  if (!ok) {
    errorAt(x.expr, "cannot convert " + operandStr(x) + " to type " + typeString(T));
    x.mode = Mode::Invalid;
    return;
  }
  if (isUntyped(x.type)) {
    const Type *final = T;
    updateExprType(x.expr, final, true);
  }
  x.type = T;
  x.expr = e;
}

void Checker::builtinCall(Operand &x, NodeId e, Builtin b) {
  const Tree &t = *tree_;
  std::vector<NodeId> argNodes;
  for (size_t i = 1; i < t.numKids(e); ++i) argNodes.push_back(t.kid(e, i));
  std::string name = exprStr(t.kid(e, 0));
  if (t[e].op == Tok::Ellipsis && b != Builtin::Append) {
    errorAt(e, "invalid operation: invalid use of ... with built-in " + name);
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
  case Builtin::Len: {
    if (argNodes.size() != 1) {
      errorAt(argNodes.empty() ? e : argNodes[1],
              std::string(argNodes.empty() ? "not enough" : "too many") + " arguments for " + exprStr(e) +
                  " (expected 1, found " + std::to_string(argNodes.size()) + ")");
      x.mode = Mode::Invalid;
      return;
    }
    Operand a;
    expr(a, argNodes[0]);
    if (a.invalid()) { x.mode = Mode::Invalid; return; }
    if (!isString(a.type)) {
      errorAt(argNodes[0], "invalid argument: " + operandStr(a) + " for len");
      x.mode = Mode::Invalid;
      return;
    }
    if (a.mode == Mode::Constant) {
      x.mode = Mode::Constant;
      x.val = Constant::makeInt64(int64_t(a.val->stringVal().size()));
    } else {
      x.mode = Mode::Value;
      x.val.reset();
      if (isUntyped(a.type)) assignment(a, nullptr, "argument to len");
    }
    x.type = tt_.basic(BasicKind::Int);
    return;
  }
  default:
    unsupported(e, "built-in " + name);
    for (NodeId a : argNodes) { Operand y; rawExpr(y, a); }
    x.mode = Mode::Invalid;
  }
}

} // namespace origo::types
