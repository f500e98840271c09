//===- types/check_expr.cpp - expressions and type expressions ------------===//
/// \file
/// Typing of expressions (spec "Expressions", "Constant expressions",
/// "Conversions", "Assignability", "Representability"), after types2:
/// untyped constants stay exact until an assignment, conversion or operand
/// of another type gives them a type; then representability is checked.
//===----------------------------------------------------------------------===//
#include "types/checker.h"

namespace origo::types {

static const char *modeString(Mode m) {
  switch (m) {
  case Mode::Invalid: return "invalid operand";
  case Mode::NoValue: return "no value";
  case Mode::Builtin: return "built-in";
  case Mode::TypeExpr: return "type";
  case Mode::Constant: return "constant";
  case Mode::Variable: return "variable";
  case Mode::Value: return "value";
  case Mode::MapIndex: return "map index expression";
  case Mode::CommaOk: return "comma, ok expression";
  }
  return "?";
}

std::string Checker::operandStr(const Operand &x) const {
  if (x.mode == Mode::Value && x.type && x.type->isBasic(BasicKind::UntypedNil)) return "nil";
  std::string expr = x.expr.valid() ? exprStr(x.expr) : "";
  std::string s;
  if (!expr.empty()) s = expr + " (";
  else s = "(";
  bool hasType = false;
  if (x.mode != Mode::Invalid && x.mode != Mode::NoValue && x.mode != Mode::Builtin &&
      x.mode != Mode::TypeExpr && x.type) {
    if (isUntyped(x.type)) s += typeString(x.type) + " ";
    else hasType = true;
  }
  s += modeString(x.mode);
  if (x.mode == Mode::Constant && x.val) {
    std::string v = x.val->str();
    if (v != expr) s += " " + v;
  }
  if (hasType) {
    if (x.type != tt_.invalid()) {
      s += " of type " + typeString(x.type);
      if (isTypeParam(x.type) && x.type->constraint)
        s += " constrained by " + (x.type->boundText.empty() ? typeString(x.type->constraint) : x.type->boundText);
    } else s += " with invalid type";
  }
  return s + ")";
}

void Checker::record(const Operand &x) {
  if (!x.expr.valid()) return;
  TypeAndValue &tv = info_->types[x.expr.index];
  tv.mode = x.mode;
  tv.type = x.type;
  tv.value = x.mode == Mode::Constant ? x.val : std::nullopt;
}

//===-- type expressions ---------------------------------------------------===//

//===-- representability and untyped conversion ----------------------------===//

/// Whether constant v is representable in basic type t; rounds floats.
static bool representableConst(Constant &v, const Type *t) {
  // go/constant's rules (types2's representableConst), with rounding of
  // floats to their type.
  const Type *u = under(t);
  if (u->kind != TypeKind::Basic) return false;
  Constant rounded = v;
  if (!representable(v, u->basic, &rounded)) return false;
  v = rounded;
  return true;
}

enum class ConvError { None, Overflow, Truncated, Invalid };

/// types2's representation(): error kind when x's constant does not fit t.
static ConvError representation(Operand &x, const Type *t) {
  Constant v = *x.val;
  if (representableConst(v, t)) {
    x.val = v;
    return ConvError::None;
  }
  if (isNumeric(x.type) && isNumeric(t)) {
    if (!isInteger(x.type) && isInteger(t)) return ConvError::Truncated;
    return ConvError::Overflow;
  }
  return ConvError::Invalid;
}

bool Checker::representable(Operand &x, const Type *t, bool report) {
  ConvError e = representation(x, t);
  if (e == ConvError::None) return true;
  if (report) {
    const char *fmt = e == ConvError::Truncated ? " truncated to " : e == ConvError::Overflow ? " overflows " : nullptr;
    if (fmt) errorAt(x.expr, operandStr(x) + fmt + typeString(t));
    else errorAt(x.expr, "cannot convert " + operandStr(x) + " to " + typeString(t));
  }
  x.mode = Mode::Invalid;
  return false;
}

/// The types2 implicitTypeAndValue(): the type an untyped operand takes on
/// in the context of target, or an error.
static ConvError implicitType(Checker &c, Operand &x, const Type *target, const Type *&out) {
  out = nullptr;
  if (isTypeParam(target)) {
    // Valid only if valid for every type of the type set; the result is
    // no longer a constant (spec "Constants": type parameters are not
    // constant types).
    TypeSet ts = target->constraint ? typeSetOf(target->constraint) : TypeSet{};
    if (ts.all || ts.terms.empty()) return ConvError::Invalid;
    for (auto [term, tilde] : ts.terms) {
      Operand y = x;
      const Type *tmp;
      // Whatever failed, types2 calls it an invalid conversion here.
      if (implicitType(c, y, term, tmp) != ConvError::None) return ConvError::Invalid;
    }
    out = target;
    if (x.mode == Mode::Constant) {
      x.mode = Mode::Value;
      x.val.reset();
    }
    return ConvError::None;
  }
  const Type *u = under(target);
  if (u->kind == TypeKind::Interface && !x.type->isBasic(BasicKind::UntypedNil)) {
    // Values stored in interfaces have their default (concrete) types; an
    // interface with methods or type terms takes no untyped value (an
    // assignment converts to the default type before it gets here).
    if (!interfaceMethods(target).empty() || !typeSetOf(target).all) return ConvError::Invalid;
    out = defaultType(c.tt_, x.type);
    if (x.mode == Mode::Constant && isNumeric(x.type)) {
      Operand y = x;
      if (representation(y, out) != ConvError::None) return ConvError::Overflow;
    }
    return ConvError::None;
  }
  if (u->kind != TypeKind::Basic) {
    if (x.type->isBasic(BasicKind::UntypedNil) &&
        (u->kind == TypeKind::Pointer || u->kind == TypeKind::Slice || u->kind == TypeKind::Map ||
         u->kind == TypeKind::Chan || u->kind == TypeKind::Signature || u->kind == TypeKind::Interface)) {
      out = target;
      return ConvError::None;
    }
    return ConvError::Invalid;
  }
  if (x.mode == Mode::Constant) {
    ConvError e = representation(x, u);
    if (e != ConvError::None) return e;
    out = target;
    return ConvError::None;
  }
  // Non-constant untyped values: bools from comparisons, shifted values.
  switch (x.type->basic) {
  case BasicKind::UntypedBool:
    if (!isBoolean(u)) return ConvError::Invalid;
    break;
  case BasicKind::UntypedInt: case BasicKind::UntypedRune: case BasicKind::UntypedFloat:
  case BasicKind::UntypedComplex:
    if (!isNumeric(u)) return ConvError::Invalid;
    break;
  case BasicKind::UntypedString:
    if (!isString(u)) return ConvError::Invalid;
    break;
  case BasicKind::UntypedNil:
    if (u->basic != BasicKind::UnsafePointer) return ConvError::Invalid;
    break;
  default:
    return ConvError::Invalid;
  }
  (void)c;
  out = target;
  return ConvError::None;
}

void Checker::updateExprType(NodeId e, const Type *t, bool final) {
  if (!e.valid()) return;
  TypeAndValue &tv = info_->types[e.index];
  if (!tv.type || !isUntyped(tv.type)) return;
  const Tree &tr = *tree_;
  switch (tr.kind(e)) {
  case NodeKind::ParenExpr:
    updateExprType(tr.kid(e, 0), t, final);
    break;
  case NodeKind::UnaryExpr:
    if (!tv.value) updateExprType(tr.kid(e, 0), t, final);
    break;
  case NodeKind::BinaryExpr:
    if (!tv.value) {
      Tok op = tr[e].op;
      bool cmp = op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq ||
                 op == Tok::Gtr || op == Tok::Geq;
      if (cmp) {
        // The operands' types were settled by the comparison.
      } else if (op == Tok::Shl || op == Tok::Shr) {
        updateExprType(tr.kid(e, 0), t, final);
      } else {
        updateExprType(tr.kid(e, 0), t, final);
        updateExprType(tr.kid(e, 1), t, final);
      }
    }
    break;
  default:
    break;
  }
  if (!final && isUntyped(t)) {
    tv.type = under(t);
    return;
  }
  tv.type = t;
  if (tv.value) {
    Constant v = *tv.value;
    if (representableConst(v, t)) tv.value = v;
  }
}

void Checker::convertUntyped(Operand &x, const Type *target) {
  if (x.invalid() || !isUntyped(x.type) || !target || target == tt_.invalid()) return;
  if (isUntyped(target)) {
    // Both untyped: the larger numeric kind wins (int < rune < float < complex).
    if (isNumeric(x.type) && isNumeric(target)) {
      if (target->basic > x.type->basic) {
        x.type = target;
        if (x.val && target->basic == BasicKind::UntypedComplex) x.val = x.val->toComplex();
        else if (x.val && target->basic == BasicKind::UntypedFloat) x.val = x.val->toFloat();
        updateExprType(x.expr, target, false);
      }
    } else if (x.type != target) {
      errorAt(x.expr, "cannot convert " + operandStr(x) + " to " + typeString(target));
      x.mode = Mode::Invalid;
    }
    return;
  }
  const Type *t;
  ConvError e = implicitType(*this, x, target, t);
  if (e != ConvError::None) {
    const Type *u = under(target);
    if (e == ConvError::Overflow) errorAt(x.expr, operandStr(x) + " overflows " + typeString(u));
    else if (e == ConvError::Truncated) errorAt(x.expr, operandStr(x) + " truncated to " + typeString(u));
    else errorAt(x.expr, "cannot convert " + operandStr(x) + " to " + typeString(u));
    x.mode = Mode::Invalid;
    return;
  }
  x.type = t;
  updateExprType(x.expr, t, true);
}

std::string Checker::assignCause(const Operand &x, const Type *t) {
  // The reasons types2's assignableTo gives: a missing method of a target
  // interface (or a pointer to one), or an interface value that would need
  // a type assertion to become a type implementing it.
  auto isInterfacePtr = [](const Type *u) {
    return under(u)->kind == TypeKind::Pointer && isInterface(under(u)->elem);
  };
  std::string why;
  if (isInterfacePtr(t))
    return typeString(x.type, &pkg_) + " does not implement " + typeString(t, &pkg_) + " (type " +
           typeString(t, &pkg_) + " is pointer to interface, not interface)";
  if (isInterface(t) && !isTypeParam(t)) {
    if (missingMethod(x.type, t, why))
      return typeString(x.type, &pkg_) + " does not implement " + typeString(t, &pkg_) + " " + why;
    return "";
  }
  if (isInterface(x.type) && !isTypeParam(x.type) && !missingMethod(t, x.type, why)) return "need type assertion";
  return "";
}

bool Checker::assignableTo(const Operand &x, const Type *t) {
  if (identical(x.type, t)) return true;
  if (x.type == tt_.invalid() || t == tt_.invalid()) return true; // already reported
  const Type *vu = under(x.type), *tu = under(t);
  // A type that contains itself; not an instance with the wrong number of
  // type arguments, which types2 still compares (and reports) as a type.
  auto badInstance = [&](const Type *t, const Type *u) { return u == tt_.invalid() && t->origin; };
  if ((vu == tt_.invalid() && !badInstance(x.type, vu)) || (tu == tt_.invalid() && !badInstance(t, tu))) return true;
  // Predeclared types have names too: complex64 is not assignable to a
  // defined type Complex64 (types2's hasName).
  auto hasName = [](const Type *t) {
    return t->kind == TypeKind::Named || t->kind == TypeKind::Basic || t->kind == TypeKind::TypeParam;
  };
  bool bothNamed = hasName(x.type) && hasName(t);
  // Identical underlying types and at least one is not a named type.
  if (identical(vu, tu) && !bothNamed) return true;
  // An interface type that x implements (its type set too, for the
  // constraint interfaces that reach here only after an error).
  if (tu->kind == TypeKind::Interface && !isTypeParam(t)) {
    std::string why;
    if (!missingMethod(x.type, t, why) && (typeSetOf(t).all || satisfies(x.type, t).empty())) return true;
  }
  // A bidirectional channel to a channel type with the same element.
  if (vu->kind == TypeKind::Chan && vu->dir == ChanDir::Both && tu->kind == TypeKind::Chan &&
      vu->elem == tu->elem && !bothNamed)
    return true;
  // nil to pointer, function, slice, map, channel, interface or unsafe.Pointer
  // (for a type parameter: to each type of its type set).
  auto hasNil = [](const Type *u) {
    u = under(u);
    return u->kind == TypeKind::Pointer || u->kind == TypeKind::Signature || u->kind == TypeKind::Slice ||
           u->kind == TypeKind::Map || u->kind == TypeKind::Chan || u->kind == TypeKind::Interface ||
           u->isBasic(BasicKind::UnsafePointer);
  };
  if (x.type->isBasic(BasicKind::UntypedNil)) return isTypeParam(t) ? allTypes(t, hasNil) : hasNil(tu);
  // A value of a type literal to a type parameter: assignable to each type
  // of its type set; a type parameter's value to a type literal likewise.
  auto eachTerm = [&](const Type *tp, auto &&ok) {
    TypeSet ts = tp->constraint ? typeSetOf(tp->constraint) : TypeSet{};
    if (ts.all || ts.terms.empty()) return false;
    for (auto [term, tilde] : ts.terms)
      if (!ok(term)) return false;
    return true;
  };
  if (isTypeParam(t) && x.type->kind != TypeKind::Named && !isTypeParam(x.type))
    return eachTerm(t, [&](const Type *term) { Operand y = x; return assignableTo(y, term); });
  if (isTypeParam(x.type) && t->kind != TypeKind::Named && !isTypeParam(t))
    return eachTerm(x.type, [&](const Type *term) { Operand y = x; y.type = term; return assignableTo(y, t); });
  return false;
}

void Checker::assignment(Operand &x, const Type *t, const std::string &context) {
  switch (x.mode) {
  case Mode::Invalid: return;
  case Mode::NoValue:
    errorAt(x.expr, exprStr(x.expr) + " (no value) used as value");
    x.mode = Mode::Invalid;
    return;
  case Mode::Builtin:
    errorAt(x.expr, exprStr(x.expr) + " (built-in) must be called");
    x.mode = Mode::Invalid;
    return;
  case Mode::TypeExpr:
    errorAt(x.expr, exprStr(x.expr) + " (type) is not an expression");
    x.mode = Mode::Invalid;
    return;
  default: break;
  }
  if (t && under(t) == tt_.invalid() && !t->origin) return; // the type's error was reported
  if (x.type->kind == TypeKind::Tuple) {
    errorAt(x.expr, "multiple-value " + operandStr(x) + " in single-value context");
    x.mode = Mode::Invalid;
    return;
  }
  if (x.type->kind == TypeKind::Signature && !x.type->typeParams.empty()) {
    errorAt(x.expr, "cannot use generic function " + exprStr(x.expr) + " without instantiation in " + context);
    x.mode = Mode::Invalid;
    return;
  }
  if (isUntyped(x.type)) {
    const Type *target = t;
    if (x.type->isBasic(BasicKind::UntypedNil)) {
      if (!t) {
        errorAt(x.expr, "use of untyped nil in " + context);
        x.mode = Mode::Invalid;
        return;
      }
    } else if (!t || isInterface(t)) {
      target = defaultType(tt_, x.type);
    }
    const Type *nt;
    ConvError e = implicitType(*this, x, target, nt);
    if (e != ConvError::None) {
      std::string msg = "cannot use " + operandStr(x) + " as " + typeString(target) + " value in " + context;
      if (e == ConvError::Truncated) msg += " (truncated)";
      else if (e == ConvError::Overflow) msg += " (overflows)";
      errorAt(x.expr, msg);
      x.mode = Mode::Invalid;
      return;
    }
    x.type = nt;
    updateExprType(x.expr, nt, true);
  }
  if (!t) return;
  if (!assignableTo(x, t)) {
    std::string why = assignCause(x, t);
    if (why.empty() && isInterface(t) && !isTypeParam(t) && !typeSetOf(t).all) why = satisfies(x.type, t);
    errorAt(x.expr, "cannot use " + operandStr(x) + " as type " + typeString(t, &pkg_) + " in " + context +
                        (why.empty() ? "" : ":\n\t" + why));
    x.mode = Mode::Invalid;
  }
}

//===-- operands -----------------------------------------------------------===//

void Checker::ident(Operand &x, NodeId e) {
  x.expr = e;
  std::string name(tree_->operator[](e).text);
  if (name == "_") {
    errorAt(e, "cannot use _ as value or type");
    x.mode = Mode::Invalid;
    return;
  }
  Object *obj = scope_ ? scope_->lookup(name) : prog_.universe().lookup(name);
  if (!obj) {
    errorAt(e, "undefined: " + name);
    x.mode = Mode::Invalid;
    return;
  }
  info_->uses[e.index] = obj;
  if (obj->pkg && !obj->isParam && obj->tree && obj->kind != ObjKind::Var) objDecl(obj);
  if (obj->kind == ObjKind::Var && obj->isGlobal) objDecl(obj);
  if (funcObj_ && obj->pkg == &pkg_ && (obj->isGlobal || obj->kind == ObjKind::Func ||
                                        (obj->kind == ObjKind::Const && obj->tree)))
    deps_[funcObj_].insert(obj);
  x.type = obj->type ? obj->type : tt_.invalid();
  switch (obj->kind) {
  case ObjKind::Const:
    if (obj->name == "iota" && !obj->pkg) {
      if (iota_ < 0) {
        errorAt(e, "cannot use iota outside constant declaration");
        x.mode = Mode::Invalid;
        return;
      }
      x.val = Constant::makeInt64(iota_);
    } else {
      x.val = obj->value;
    }
    x.mode = x.val ? Mode::Constant : Mode::Invalid;
    break;
  case ObjKind::Var:
    obj->used = true;
    x.mode = Mode::Variable;
    break;
  case ObjKind::TypeName: x.mode = Mode::TypeExpr; break;
  case ObjKind::Func: x.mode = Mode::Value; break;
  case ObjKind::Builtin:
    x.mode = Mode::Builtin;
    x.builtin = obj->builtin;
    break;
  case ObjKind::Nil: x.mode = Mode::Value; break;
  case ObjKind::PkgName:
    errorAt(e, "use of package " + name + " not in selector");
    x.mode = Mode::Invalid;
    return;
  default:
    errorAt(e, "use of " + name + " not supported");
    x.mode = Mode::Invalid;
  }
  if (x.type == tt_.invalid() && x.mode != Mode::Builtin) x.mode = Mode::Invalid;
}

void Checker::numericLiteralVersion(NodeId e) {
  // Go 1.13's literal forms (types2's langCompat).
  const syntax::Node &n = (*tree_)[e];
  std::string_view s = n.text;
  if (s.size() <= 2) return;
  Pos pos = n.pos;
  if (s.find('_') != std::string_view::npos) {
    allowVersion(13, pos, "underscores in numeric literals");
    return;
  }
  if (s[0] != '0') return;
  char radix = s[1];
  if (radix == 'b' || radix == 'B') allowVersion(13, pos, "binary literals");
  else if (radix == 'o' || radix == 'O') allowVersion(13, pos, "0o/0O-style octal literals");
  else if ((radix == 'x' || radix == 'X') && n.op != Tok::Int) allowVersion(13, pos, "hexadecimal floating-point literals");
}

void Checker::rawExpr(Operand &x, NodeId e, const Type *hint) {
  (void)hint;
  const Tree &t = *tree_;
  x = Operand{};
  x.expr = e;
  switch (t.kind(e)) {
  case NodeKind::Ident:
    ident(x, e);
    break;
  case NodeKind::BasicLit: {
    const syntax::Node &n = t[e];
    switch (n.op) {
    case Tok::Int:
    case Tok::Float: {
      numericLiteralVersion(e);
      auto v = Constant::fromLiteral(n.op, n.text);
      if (!v) {
        if (!n.text.empty() && n.op == Tok::Float) errorAt(e, "malformed constant: " + std::string(n.text));
        x.mode = Mode::Invalid;
        break;
      }
      x.mode = Mode::Constant;
      x.type = tt_.basic(n.op == Tok::Int ? BasicKind::UntypedInt : BasicKind::UntypedFloat);
      x.val = *v;
      break;
    }
    case Tok::Char:
      x.mode = Mode::Constant;
      x.type = tt_.basic(BasicKind::UntypedRune);
      x.val = Constant::makeInt64(syntax::unquoteRune(n.text));
      break;
    case Tok::String:
      x.mode = Mode::Constant;
      x.type = tt_.basic(BasicKind::UntypedString);
      x.val = Constant::makeString(syntax::unquote(n.text));
      break;
    case Tok::Imag: {
      numericLiteralVersion(e);
      auto v = Constant::fromLiteral(n.op, n.text);
      if (!v) {
        errorAt(e, "malformed constant: " + std::string(n.text));
        x.mode = Mode::Invalid;
        break;
      }
      x.mode = Mode::Constant;
      x.type = tt_.basic(BasicKind::UntypedComplex);
      x.val = *v;
      break;
    }
    default:
      x.mode = Mode::Invalid;
    }
    break;
  }
  case NodeKind::ParenExpr: {
    rawExpr(x, t.kid(e, 0), hint);
    x.expr = e;
    break;
  }
  case NodeKind::UnaryExpr:
    unary(x, e);
    break;
  case NodeKind::BinaryExpr:
    binary(x, e, t.kid(e, 0), t.kid(e, 1), t[e].op);
    break;
  case NodeKind::CallExpr:
    call(x, e);
    break;
  case NodeKind::Bad:
    x.mode = Mode::Invalid;
    break;
  case NodeKind::FuncLit:
    funcLit(x, e);
    break;
  case NodeKind::SelectorExpr:
    selector(x, e);
    break;
  case NodeKind::IndexExpr:
    indexExpr(x, e);
    break;
  case NodeKind::SliceExpr:
    sliceExpr(x, e);
    break;
  case NodeKind::StarExpr:
    starExpr(x, e);
    break;
  case NodeKind::CompositeLit:
    compositeLit(x, e, hint);
    break;
  case NodeKind::TypeAssertExpr:
    typeAssert(x, e);
    break;
  default:
    if ((t.kind(e) >= NodeKind::SliceType && t.kind(e) <= NodeKind::InterfaceType) || t.kind(e) == NodeKind::FuncType) {
      x.type = typExpr(e);
      x.mode = x.type == tt_.invalid() ? Mode::Invalid : Mode::TypeExpr;
      break;
    }
    switch (t.kind(e)) {
    case NodeKind::KeyValueExpr: errorAt(e, "unexpected key:value expression"); break;
    default:
      errorAt(e, "unexpected " + std::string(syntax::nodeKindName(t.kind(e))) + " in expression");
    }
    x.mode = Mode::Invalid;
  }
  x.expr = e;
  if (!x.type && x.mode != Mode::NoValue) x.mode = Mode::Invalid; // an unresolved object (cycle)
  if (x.mode == Mode::Invalid) x.type = tt_.invalid();
  record(x);
}

void Checker::expr(Operand &x, NodeId e) {
  rawExpr(x, e);
  if (x.mode == Mode::CommaOk) x.mode = Mode::Value;
  switch (x.mode) {
  case Mode::NoValue:
    errorAt(e, exprStr(e) + " (no value) used as value");
    x.mode = Mode::Invalid;
    break;
  case Mode::Builtin:
    errorAt(e, exprStr(e) + " (built-in) must be called");
    x.mode = Mode::Invalid;
    break;
  case Mode::TypeExpr:
    errorAt(e, exprStr(e) + " (type) is not an expression");
    x.mode = Mode::Invalid;
    break;
  default:
    if (x.type && x.type->kind == TypeKind::Tuple) {
      errorAt(e, "multiple-value " + operandStr(x) + " in single-value context");
      x.mode = Mode::Invalid;
    }
  }
}

void Checker::exprWithHint(Operand &x, NodeId e, const Type *hint) {
  rawExpr(x, e, hint);
}

void Checker::multiExpr(std::vector<Operand> &xs, NodeId e, bool commaOk) {
  Operand x;
  rawExpr(x, e);
  if ((x.mode == Mode::CommaOk || x.mode == Mode::MapIndex) && commaOk) {
    // v, ok := m[k] / <-ch / x.(T): a second, untyped bool result.
    x.mode = Mode::Value;
    xs.push_back(x);
    Operand ok;
    ok.mode = Mode::Value;
    ok.expr = e;
    ok.type = tt_.basic(BasicKind::UntypedBool);
    xs.push_back(ok);
    commaOks_.insert(e.index);
    return;
  }
  if (x.mode == Mode::CommaOk) x.mode = Mode::Value;
  if (x.mode == Mode::Value && x.type && x.type->kind == TypeKind::Tuple) {
    for (const Type *t : x.type->list) {
      Operand y;
      y.mode = Mode::Value;
      y.expr = e;
      y.type = t;
      xs.push_back(y);
    }
    return;
  }
  if (x.mode == Mode::NoValue) {
    errorAt(e, exprStr(e) + " (no value) used as value");
    x.mode = Mode::Invalid;
  } else if (x.mode == Mode::TypeExpr) {
    errorAt(e, exprStr(e) + " (type) is not an expression");
    x.mode = Mode::Invalid;
  } else if (x.mode == Mode::Builtin) {
    errorAt(e, exprStr(e) + " (built-in) must be called");
    x.mode = Mode::Invalid;
  }
  xs.push_back(x);
}

void Checker::exprList(std::vector<Operand> &xs, const std::vector<NodeId> &es, bool commaOk) {
  if (es.size() == 1) {
    multiExpr(xs, es[0], commaOk);
    return;
  }
  for (NodeId e : es) {
    Operand x;
    expr(x, e);
    xs.push_back(x);
  }
}

//===-- operators ----------------------------------------------------------===//

/// types2's overflow(): typed constants must be representable after each
/// operation; untyped integers may not exceed 512 bits (reported at the
/// operator as "constant addition overflow" etc.).
static void overflow(Checker &c, Operand &x, NodeId e, Tok op, bool unaryOp) {
  if (x.invalid() || x.mode != Mode::Constant || !x.val) return;
  if (x.val->kind() == Constant::Kind::Unknown) {
    const syntax::Tree &t = *c.tree_;
    Pos at = t.kind(e) == NodeKind::BinaryExpr || t.kind(e) == NodeKind::UnaryExpr ? t[e].pos : syntax::startPos(t, e);
    c.error(at, "constant result is not representable");
    x.mode = Mode::Invalid;
    return;
  }
  if (isTyped(x.type)) {
    c.representable(x, x.type, true);
    return;
  }
  // Untyped integer values must not grow arbitrarily (types2: 512 bits).
  bool tooBig = x.val->kind() == Constant::Kind::Int && x.val->bitLen() > 512;
  if (!tooBig) return;
  std::string name;
  if (unaryOp) name = op == Tok::Xor ? "bitwise complement" : "";
  else if (op == Tok::Add) name = "addition";
  else if (op == Tok::Sub) name = "subtraction";
  else if (op == Tok::Xor) name = "bitwise XOR";
  else if (op == Tok::Mul) name = "multiplication";
  else if (op == Tok::Shl) name = "shift";
  const syntax::Tree &t = *c.tree_;
  Pos at = t.kind(e) == NodeKind::BinaryExpr || t.kind(e) == NodeKind::UnaryExpr ? t[e].pos : syntax::startPos(t, e);
  c.error(at, x.val->kind() == Constant::Kind::Int ? "constant " + name + " overflow"
                                                    : "constant result is not representable");
  x.mode = Mode::Invalid;
}

static bool isComparisonOp(Tok op) {
  return op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr ||
         op == Tok::Geq;
}

/// Whether op applies to operands of type t (types2's op predicates).
static bool isNumericOrString(const Type *t) { return isNumeric(t) || isString(t); }

static bool opAllowed(Tok op, const Type *t, bool unary) {
  switch (op) {
  case Tok::Add: return unary ? isNumeric(t) : allTypes(t, isNumericOrString);
  case Tok::Sub: case Tok::Mul: case Tok::Quo: return isNumeric(t);
  case Tok::Rem: case Tok::And: case Tok::Or: case Tok::AndNot: return isInteger(t);
  case Tok::Xor: return isInteger(t);
  case Tok::Not: case Tok::LAnd: case Tok::LOr: return isBoolean(t);
  default: return false;
  }
}

void Checker::unary(Operand &x, NodeId e) {
  const Tree &t = *tree_;
  Tok op = t[e].op;
  if (op == Tok::And) {
    addressOf(x, e);
    return;
  }
  expr(x, t.kid(e, 0));
  if (x.invalid()) return;
  x.expr = e;
  if (op == Tok::Arrow) {
    receive(x, e);
    return;
  }
  if (op == Tok::Tilde) {
    errorAt(e, "cannot use ~ outside of interface or type constraint");
    x.mode = Mode::Invalid;
    return;
  }
  if (!opAllowed(op, x.type, true)) {
    Operand y = x;
    y.expr = t.kid(e, 0);
    errorAt(e, "invalid operation: operator " + std::string(syntax::tokSpelling(op)) + " not defined on " + operandStr(y));
    x.mode = Mode::Invalid;
    return;
  }
  if (x.mode == Mode::Constant) {
    Constant v = Constant::unary(op, *x.val);
    if (op == Tok::Xor && isUnsigned(x.type)) {
      // ^x for unsigned x flips only the type's bits.
      mpz_class mask = (mpz_class(1) << bitSize(x.type)) - 1;
      v = Constant::makeInt(x.val->intVal() ^ mask);
    }
    x.val = v;
    overflow(*this, x, e, op, true);
    return;
  }
  x.mode = Mode::Value;
}

bool hasNil(const Type *t) {
  const Type *u = under(t);
  return u->kind == TypeKind::Pointer || u->kind == TypeKind::Signature || u->kind == TypeKind::Slice ||
         u->kind == TypeKind::Map || u->kind == TypeKind::Chan || u->kind == TypeKind::Interface ||
         u->isBasic(BasicKind::UnsafePointer);
}

void Checker::matchTypes(Operand &x, Operand &y) {
  // Which operand pairs convert their untyped side to the other's type
  // (go1.19 types2's canMix): an interface on either side takes the
  // other's default type; booleans, strings and nil only mix with their
  // own kind.
  auto nonTypeParamInterface = [](const Type *t) { return !isTypeParam(t) && isInterface(t); };
  auto canMix = [&](const Operand &a, const Operand &b) {
    if (nonTypeParamInterface(a.type) || nonTypeParamInterface(b.type)) return true;
    if (allTypes(a.type, isBoolean) != allTypes(b.type, isBoolean)) return false;
    if (allTypes(a.type, isString) != allTypes(b.type, isString)) return false;
    // nil stays untyped (types2 keeps it so even where it mixes).
    if (a.type->isBasic(BasicKind::UntypedNil) || b.type->isBasic(BasicKind::UntypedNil)) return false;
    return true;
  };
  if (canMix(x, y)) {
    convertUntyped(x, y.type);
    if (x.invalid()) return;
    convertUntyped(y, x.type);
  }
}

/// The kind of a type as comparison errors name it (types2's kindString).
static std::string kindString(const Type *t, const Package *pkg) {
  switch (under(t)->kind) {
  case TypeKind::Array: return "array";
  case TypeKind::Slice: return "slice";
  case TypeKind::Struct: return "struct";
  case TypeKind::Pointer: return "pointer";
  case TypeKind::Signature: return "func";
  case TypeKind::Interface: return isTypeParam(t) ? "type parameter " + typeString(t, pkg) : "interface";
  case TypeKind::Map: return "map";
  case TypeKind::Chan: return "chan";
  default: return typeString(t, pkg);
  }
}

/// Why values of type t cannot be compared, when there is more to say
/// than "operator == not defined" (types2's incomparableCause).
static std::string incomparableCause(const Type *t, const Package *pkg) {
  const Type *u = under(t);
  switch (u->kind) {
  case TypeKind::Slice: case TypeKind::Signature: case TypeKind::Map:
    return kindString(t, pkg) + " can only be compared to nil";
  case TypeKind::Struct:
    for (const Field &f : u->fields)
      if (!isComparable(f.type)) return "struct containing " + typeString(f.type, pkg) + " cannot be compared";
    return "";
  case TypeKind::Array:
    return isTypeParam(t) ? "" : typeString(u, pkg) + " cannot be compared";
  default:
    return "";
  }
}

void Checker::comparison(Operand &x, Operand &y, Tok op, NodeId e, bool switchCase) {
  if (switchCase) op = Tok::Eql;
  std::string cause;
  Operand *errOp = &x;
  bool bad = false;
  std::string opName(syntax::tokSpelling(op));
  bool xnil = x.type->isBasic(BasicKind::UntypedNil), ynil = y.type->isBasic(BasicKind::UntypedNil);
  if (!assignableTo(x, y.type) && !assignableTo(y, x.type)) {
    // Reported at the second operand: only there is the mismatch known.
    errOp = &y;
    cause = "mismatched types " + typeString(x.type, &pkg_) + " and " + typeString(y.type, &pkg_);
    bad = true;
  } else if (op == Tok::Eql || op == Tok::Neq) {
    if (xnil && ynil) {
      errOp = &y;
      cause = "operator " + opName + " not defined on untyped nil";
      bad = true;
    } else if (xnil || ynil) {
      bad = !hasNil(xnil ? y.type : x.type) && !isTypeParam(xnil ? y.type : x.type);
      errOp = &y;
    } else if (!isComparable(x.type)) {
      cause = incomparableCause(x.type, &pkg_);
      bad = true;
    } else if (!isComparable(y.type)) {
      errOp = &y;
      cause = incomparableCause(y.type, &pkg_);
      bad = true;
    }
  } else if (!isOrdered(x.type)) {
    bad = true;
  } else if (!isOrdered(y.type)) {
    errOp = &y;
    bad = true;
  }
  if (bad) {
    if (cause.empty()) {
      if (isTypeParam(x.type) || isTypeParam(y.type)) {
        if (!isTypeParam(x.type)) errOp = &y;
        cause = "type parameter " + typeString(errOp->type, &pkg_) + " is not comparable with " + opName;
      } else {
        cause = "operator " + opName + " not defined on " + kindString(errOp->type, &pkg_);
      }
    }
    if (switchCase)
      errorAt(x.expr, "invalid case " + exprStr(x.expr) + " in switch on " + exprStr(y.expr) + " (" + cause + ")");
    else
      errorAt(errOp->expr, "invalid operation: " + exprStr(x.expr) + " " + opName + " " + exprStr(y.expr) + " (" +
                               cause + ")");
    x.mode = Mode::Invalid;
    return;
  }
  if (x.mode == Mode::Constant && y.mode == Mode::Constant) {
    x.val = Constant::makeBool(Constant::compare(op, *x.val, *y.val));
  } else {
    x.mode = Mode::Value;
    x.val.reset();
    // The operands keep their (default) types.
    updateExprType(x.expr, defaultType(tt_, x.type), true);
    updateExprType(y.expr, defaultType(tt_, y.type), true);
  }
  x.type = tt_.basic(BasicKind::UntypedBool);
}

void Checker::shift(Operand &x, Operand &y, NodeId e, Tok op) {
  // The shift count: an integer, or an untyped constant representable as uint.
  if (y.mode == Mode::Constant) {
    auto iv = y.val->toInt();
    if (!iv || (isUntyped(y.type) && !isNumeric(y.type))) {
      errorAt(y.expr, "invalid operation: shift count " + operandStr(y) + " must be integer");
      x.mode = Mode::Invalid;
      return;
    }
    if (iv->sign() < 0) {
      errorAt(y.expr, "invalid operation: negative shift count " + operandStr(y));
      x.mode = Mode::Invalid;
      return;
    }
    y.val = *iv;
    if (isUntyped(y.type)) {
      Operand yy = y;
      if (!representable(yy, tt_.basic(BasicKind::Uint), false)) {
        errorAt(y.expr, "invalid operation: shift count " + operandStr(y) + " must be integer");
        x.mode = Mode::Invalid;
        return;
      }
      y.type = tt_.basic(BasicKind::Uint);
      updateExprType(y.expr, y.type, true);
    }
  } else if (!isInteger(y.type)) {
    errorAt(y.expr, "invalid operation: shift count " + operandStr(y) + " must be integer");
    x.mode = Mode::Invalid;
    return;
  } else if (!isUnsigned(y.type) &&
             !allowVersion(13, syntax::startPos(*tree_, y.expr), "invalid operation: signed shift count " + operandStr(y), false)) {
    x.mode = Mode::Invalid;
    return;
  }
  // The shifted operand: an integer (untyped constants must be integral).
  if (x.mode == Mode::Constant && isUntyped(x.type)) {
    auto iv = x.val->toInt();
    if (!iv) {
      errorAt(x.expr, "invalid operation: shifted operand " + operandStr(x) + " must be integer");
      x.mode = Mode::Invalid;
      return;
    }
    x.val = *iv;
    if (!isInteger(x.type)) x.type = tt_.basic(BasicKind::UntypedInt);
  } else if (!isInteger(x.type)) {
    errorAt(x.expr, "invalid operation: shifted operand " + operandStr(x) + " must be integer");
    x.mode = Mode::Invalid;
    return;
  }
  if (x.mode == Mode::Constant) {
    if (y.mode == Mode::Constant) {
      if (!y.val->fitsUint64() || y.val->uint64Val() > 1023 - 1 + 52) {
        errorAt(y.expr, "invalid shift count " + operandStr(y));
        x.mode = Mode::Invalid;
        return;
      }
      x.val = Constant::shift(op, *x.val, (unsigned long)y.val->uint64Val());
      x.expr = e;
      overflow(*this, x, e, op, false);
      return;
    }
    // A non-constant shift of an untyped constant: the constant takes the
    // type it would have without the shift (resolved by updateExprType).
    x.mode = Mode::Value;
    x.val.reset();
    x.expr = e;
    return;
  }
  x.mode = Mode::Value;
  x.expr = e;
}

void Checker::binary(Operand &x, NodeId e, NodeId lhs, NodeId rhs, Tok op) {
  Operand y;
  expr(x, lhs);
  expr(y, rhs);
  if (x.invalid()) return;
  if (y.invalid()) {
    x.mode = Mode::Invalid;
    x.expr = y.expr;
    return;
  }
  if (op == Tok::Shl || op == Tok::Shr) {
    shift(x, y, e, op);
    return;
  }
  matchTypes(x, y);
  if (x.invalid()) return;
  if (y.invalid()) {
    x.mode = Mode::Invalid;
    return;
  }
  if (isComparisonOp(op)) {
    comparison(x, y, op, e);
    x.expr = e;
    return;
  }
  if (!identical(x.type, y.type)) {
    if (x.type != tt_.invalid() && y.type != tt_.invalid()) {
      std::string what = exprStr(e);
      if (tree_->kind(e) != NodeKind::BinaryExpr)
        what = exprStr(lhs) + " " + std::string(syntax::tokSpelling(op)) + "= " + exprStr(rhs);
      errorAt(x.expr, "invalid operation: " + what + " (mismatched types " + typeString(x.type) + " and " + typeString(y.type) + ")");
    }
    x.mode = Mode::Invalid;
    return;
  }
  if (!opAllowed(op, x.type, false)) {
    errorAt(x.expr, "invalid operation: operator " + std::string(syntax::tokSpelling(op)) + " not defined on " + operandStr(x));
    x.mode = Mode::Invalid;
    return;
  }
  if ((op == Tok::Quo || op == Tok::Rem) && (x.mode == Mode::Constant || isInteger(x.type)) &&
      y.mode == Mode::Constant && y.val->sign() == 0) {
    errorAt(y.expr, "invalid operation: division by zero");
    x.mode = Mode::Invalid;
    return;
  }
  // A complex divisor whose squared parts underflow to zero divides by
  // zero too (go/constant's complex division uses re*re + im*im).
  if ((op == Tok::Quo || op == Tok::Rem) && x.mode == Mode::Constant && y.mode == Mode::Constant &&
      isComplex(x.type)) {
    Constant re = y.val->real(), im = y.val->imag();
    if (Constant::binary(Tok::Mul, re, re, false).sign() == 0 && Constant::binary(Tok::Mul, im, im, false).sign() == 0) {
      errorAt(y.expr, "invalid operation: division by zero");
      x.mode = Mode::Invalid;
      return;
    }
  }
  if (x.mode == Mode::Constant && y.mode == Mode::Constant) {
    bool intDiv = isInteger(x.type);
    Constant v = Constant::binary(op, *x.val, *y.val, intDiv);
    if (v.kind() == Constant::Kind::String && tree_->kind(lhs) == NodeKind::BinaryExpr) {
      // Long "a" + "b" + ... chains (generated tables): keep only the final
      // string, or the recorded prefixes take memory quadratic in the chain.
      info_->types[lhs.index].value.reset();
    }
    x.val = std::move(v);
    x.expr = e;
    overflow(*this, x, e, op, false);
    return;
  }
  x.mode = Mode::Value;
  x.val.reset();
  x.expr = e;
}

} // namespace origo::types
