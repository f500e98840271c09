//===- types/check_stmt.cpp - statements ----------------------------------===//
/// \file
/// Statements (spec "Statements"), scopes of blocks, short variable
/// declarations, assignments, returns and terminating statements, with
/// types2's diagnostics.
//===----------------------------------------------------------------------===//
#include "types/checker.h"

#include <algorithm>

namespace origo::types {

void Checker::openScope() { scope_ = prog_.newScope(scope_); }
void Checker::closeScope() { scope_ = scope_->parent; }

void Checker::stmtList(const std::vector<NodeId> &stmts) {
  for (NodeId s : stmts) stmt(s);
}

/// Declares a new local variable (or constant) in the current scope.
static void declareLocal(Checker &c, Object *obj, NodeId ident) {
  if (ident.valid()) c.info_->defs[ident.index] = obj;
  if (obj->kind == ObjKind::Var) c.funcVars_.push_back(obj);
  if (obj->name == "_") return;
  if (Object *prev = c.scope_->insert(obj)) c.redeclared(obj->pos, obj->name, prev->pos);
}

/// The built-in a call's function expression names (f or unsafe.F), if any.
static Object *calledBuiltin(const Checker &c, NodeId fun) {
  const Tree &t = *c.tree_;
  while (t.kind(fun) == NodeKind::ParenExpr) fun = t.kid(fun, 0);
  if (t.kind(fun) == NodeKind::SelectorExpr) fun = t.kid(fun, 1);
  Object *o = t.kind(fun) == NodeKind::Ident ? c.info_->uses[fun.index] : nullptr;
  return o && o->kind == ObjKind::Builtin ? o : nullptr;
}

/// Whether a call of built-in b may stand as a statement (spec "Expression
/// statements": not the ones that only compute a value).
static bool statementBuiltin(Builtin b) {
  return b == Builtin::Copy || b == Builtin::Recover || b == Builtin::Panic || b == Builtin::Print ||
         b == Builtin::Println || b == Builtin::Close || b == Builtin::Delete;
}

void Checker::stmt(NodeId s) {
  const Tree &t = *tree_;
  switch (t.kind(s)) {
  case NodeKind::EmptyStmt:
  case NodeKind::Bad:
    return;
  case NodeKind::ExprStmt: {
    NodeId e = t.kid(s, 0);
    Operand x;
    rawExpr(x, e);
    if (x.invalid()) return;
    NodeId inner = e;
    while (t.kind(inner) == NodeKind::ParenExpr) inner = t.kid(inner, 0);
    std::string msg = "is not used";
    if (t.kind(inner) == NodeKind::UnaryExpr && t[inner].op == Tok::Arrow) return; // a receive
    if (t.kind(inner) == NodeKind::CallExpr) {
      const TypeAndValue &fun = info_->types[t.kid(inner, 0).index];
      if (fun.mode != Mode::TypeExpr) {
        // A call: only some built-ins may not appear as statements.
        Object *o = calledBuiltin(*this, t.kid(inner, 0));
        if (!o || statementBuiltin(o->builtin)) return;
      }
    }
    if (x.mode == Mode::Builtin) msg = "must be called";
    else if (x.mode == Mode::TypeExpr) msg = "is not an expression";
    errorAt(e, operandStr(x) + " " + msg);
    return;
  }
  case NodeKind::DeclStmt:
    declStmt(t.kid(s, 0));
    return;
  case NodeKind::AssignStmt:
    if (t[s].op == Tok::Define) shortVarDecl(s);
    else assignStmt(s);
    return;
  case NodeKind::IncDecStmt: {
    Operand x;
    NodeId lhs = t.kid(s, 0);
    expr(x, lhs);
    if (x.invalid()) return;
    if (!isNumeric(x.type)) {
      errorAt(lhs, "invalid operation: " + exprStr(lhs) + std::string(syntax::tokSpelling(t[s].op)) +
                       " (non-numeric type " + typeString(x.type) + ")");
      return;
    }
    x.mode = Mode::Value;
    assignVar(lhs, x);
    return;
  }
  case NodeKind::Block:
    openScope();
    stmtList(t.kids(s));
    closeScope();
    return;
  case NodeKind::IfStmt: {
    openScope();
    if (t.kid(s, 0).valid()) stmt(t.kid(s, 0));
    Operand x;
    NodeId cond = t.kid(s, 1);
    expr(x, cond);
    if (!x.invalid() && !isBoolean(x.type)) errorAt(cond, "non-boolean condition in if statement");
    else if (!x.invalid()) assignment(x, nullptr, "if statement");
    stmt(t.kid(s, 2));
    if (t.kid(s, 3).valid()) stmt(t.kid(s, 3));
    closeScope();
    return;
  }
  case NodeKind::ForStmt: {
    openScope();
    if (t.kid(s, 0).valid()) stmt(t.kid(s, 0));
    NodeId cond = t.kid(s, 1);
    if (cond.valid()) {
      Operand x;
      expr(x, cond);
      if (!x.invalid() && !isBoolean(x.type)) errorAt(cond, "non-boolean condition in for statement");
      else if (!x.invalid()) assignment(x, nullptr, "for statement");
    }
    NodeId post = t.kid(s, 2);
    if (post.valid()) {
      if (t.kind(post) == NodeKind::AssignStmt && t[post].op == Tok::Define)
        error(t[post].pos, "cannot declare in post statement of for loop");
      else
        stmt(post);
    }
    stmt(t.kid(s, 3));
    closeScope();
    return;
  }
  case NodeKind::ReturnStmt:
    returnStmt(s);
    return;
  case NodeKind::BranchStmt:
    // Labels and branches are checked by the parser (frontend/branches.cpp), as in gc.
    return;
  case NodeKind::LabeledStmt:
    if (NodeId inner = t.kid(s, 1); inner.valid()) stmt(inner);
    return;
  case NodeKind::RangeStmt:
    rangeStmt(s);
    return;
  case NodeKind::SwitchStmt:
    switchStmt(s);
    return;
  case NodeKind::SelectStmt:
    selectStmt(s);
    return;
  case NodeKind::GoStmt:
  case NodeKind::DeferStmt: {
    NodeId call = t.kid(s, 0);
    NodeId inner = call;
    while (t.kind(inner) == NodeKind::ParenExpr) inner = t.kid(inner, 0);
    const char *kw = t.kind(s) == NodeKind::GoStmt ? "go" : "defer";
    Operand x;
    rawExpr(x, call);
    if (t.kind(inner) != NodeKind::CallExpr) return; // reported by the parser
    Object *bo = calledBuiltin(*this, t.kid(inner, 0));
    if (bo && !statementBuiltin(bo->builtin) && x.mode != Mode::Invalid && x.mode != Mode::NoValue) {
      // Built-ins with results cannot be deferred or started.
      errorAt(call, std::string(kw) + " discards result of " + operandStr(x));
      return;
    }
    if (x.mode == Mode::TypeExpr || info_->types[t.kid(inner, 0).index].mode == Mode::TypeExpr)
      errorAt(call, std::string(kw) + " requires function call, not conversion " + operandStr(x));
    return;
  }
  case NodeKind::SendStmt: {
    Operand ch, v;
    expr(ch, t.kid(s, 0));
    expr(v, t.kid(s, 1));
    if (ch.invalid() || v.invalid()) return;
    const Type *u = coreOrUnder(ch.type);
    if (u->kind != TypeKind::Chan) {
      errorAt(s, "invalid operation: cannot send to non-channel " + operandStr(ch));
      return;
    }
    if (u->dir == ChanDir::Recv) {
      errorAt(s, "invalid operation: cannot send to receive-only channel " + operandStr(ch));
      return;
    }
    assignment(v, u->elem, "send");
    return;
  }
  default:
    unsupported(s, "statement " + std::string(syntax::nodeKindName(t.kind(s))));
  }
}

void Checker::declStmt(NodeId d) {
  const Tree &t = *tree_;
  switch (t.kind(d)) {
  case NodeKind::VarDecl:
    for (NodeId spec : t.kids(d)) {
      NodeId names = t.kid(spec, 0), typeNode = t.kid(spec, 1), values = t.kid(spec, 2);
      std::vector<Object *> lhs;
      for (NodeId id : t.kids(names)) {
        Object *o = prog_.newObject(ObjKind::Var, std::string(t[id].text), t[id].pos, nullptr);
        o->pkg = &pkg_;
        lhs.push_back(o);
      }
      const Type *T = typeNode.valid() ? varType(typeNode) : nullptr;
      for (Object *o : lhs) o->type = T;
      if (values.valid()) {
        std::vector<Operand> xs;
        exprList(xs, t.kids(values), lhs.size() == 2);
        bool bad = std::any_of(xs.begin(), xs.end(), [](const Operand &x) { return x.invalid(); });
        if (xs.size() != lhs.size()) {
          if (!bad) {
            assignMismatch(lhs.size(), xs.size(), t.kids(values));
          }
          for (Object *o : lhs) {
            if (!o->type) o->type = tt_.invalid();
            o->used = true;
          }
        } else {
          for (size_t i = 0; i < lhs.size(); ++i) {
            assignment(xs[i], T, "variable declaration");
            if (!T) lhs[i]->type = xs[i].invalid() ? tt_.invalid() : xs[i].type;
            if (xs[i].invalid()) lhs[i]->used = true; // avoid follow-on errors
          }
        }
      } else if (!T) {
        for (Object *o : lhs) o->type = tt_.invalid();
      }
      // The scope of a local variable begins after its declaration.
      size_t i = 0;
      for (NodeId id : t.kids(names)) declareLocal(*this, lhs[i++], id);
    }
    return;
  case NodeKind::ConstDecl: {
    NodeId lastType = syntax::None, lastValues = syntax::None;
    int iota = 0;
    for (NodeId spec : t.kids(d)) {
      NodeId typeNode = t.kid(spec, 1), values = t.kid(spec, 2);
      if (typeNode.valid() || values.valid()) {
        lastType = typeNode;
        lastValues = values;
      }
      declareLocalConsts(spec, lastType, lastValues, iota++);
    }
    return;
  }
  case NodeKind::TypeDecl:
    for (NodeId spec : t.kids(d)) {
      NodeId id = t.kid(spec, 0);
      // gc 1.19 cannot compile them (its noder says so; the types are
      // still declared, so uses do not fail too).
      if (inGenericFunc_) error(t[d].pos, "type declarations inside generic functions are not currently supported");
      Object *obj = prog_.newObject(ObjKind::TypeName, std::string(t[id].text), t[id].pos, nullptr);
      obj->pkg = &pkg_;
      info_->defs[id.index] = obj;
      // The scope of a local type begins at its name (it may refer to itself).
      if (obj->name != "_")
        if (Object *prev = scope_->insert(obj)) redeclared(obj->pos, obj->name, prev->pos);
      obj->decl = spec;
      obj->color = Object::Color::Grey;
      typeDecl(obj);
      obj->color = Object::Color::Black;
    }
    return;
  default:
    unsupported(d, "declaration");
  }
}

void Checker::declareLocalConsts(NodeId spec, NodeId typeNode, NodeId values, int iota) {
  const Tree &t = *tree_;
  int savedIota = iota_;
  iota_ = iota;
  const Type *T = typeNode.valid() ? typExpr(typeNode) : nullptr;
  std::vector<NodeId> names = t.kids(t.kid(spec, 0));
  std::vector<Object *> objs;
  size_t nvals = values.valid() ? t.numKids(values) : 0;
  for (size_t i = 0; i < names.size(); ++i) {
    NodeId id = names[i];
    Object *o = prog_.newObject(ObjKind::Const, std::string(t[id].text), t[id].pos, tt_.invalid());
    o->pkg = &pkg_;
    objs.push_back(o);
    if (i >= nvals) {
      if (i == nvals) error(t[id].pos, "missing init expr for const declaration");
      continue;
    }
    Operand x;
    expr(x, t.kid(values, i));
    if (x.invalid()) continue;
    if (x.mode != Mode::Constant) {
      errorAt(x.expr, operandStr(x) + " is not constant");
      continue;
    }
    if (T) assignment(x, T, "constant declaration");
    if (x.invalid()) continue;
    o->type = x.type;
    o->value = x.val;
  }
  if (nvals > names.size() && t.kid(spec, 2).valid())
    errorAt(t.kid(values, names.size()), "extra init expr");
  for (size_t i = 0; i < names.size(); ++i) declareLocal(*this, objs[i], names[i]);
  iota_ = savedIota;
}

void Checker::assignMismatch(size_t nvars, size_t nvals, const std::vector<NodeId> &rhs) {
  // types2's assignError, in the compiler's words.
  std::string vars = std::to_string(nvars) + (nvars == 1 ? " variable" : " variables");
  std::string vals = std::to_string(nvals) + (nvals == 1 ? " value" : " values");
  const Tree &t = *tree_;
  if (rhs.size() == 1 && t.kind(rhs[0]) == NodeKind::CallExpr)
    errorAt(rhs[0], "assignment mismatch: " + vars + " but " + exprStr(t.kid(rhs[0], 0)) + " returns " + vals);
  else
    errorAt(rhs[0], "assignment mismatch: " + vars + " but " + vals);
}

bool Checker::assignVar(NodeId lhs, Operand &x) {
  const Tree &t = *tree_;
  if (x.invalid()) return false;
  // The blank identifier takes any value (untyped ones get their default type).
  if (t.kind(lhs) == NodeKind::Ident && t[lhs].text == "_") {
    info_->defs[lhs.index] = nullptr;
    assignment(x, nullptr, "assignment to _ identifier");
    return !x.invalid();
  }
  // Assigning to a local variable does not count as a use.
  Object *local = nullptr;
  bool wasUsed = false;
  if (t.kind(lhs) == NodeKind::Ident) {
    local = scope_->lookup(std::string(t[lhs].text));
    if (local && local->kind == ObjKind::Var) wasUsed = local->used;
    else local = nullptr;
  }
  Operand z;
  expr(z, lhs);
  if (local) local->used = wasUsed;
  if (z.invalid()) return false;
  if (z.mode != Mode::Variable && z.mode != Mode::MapIndex) {
    NodeId bare = lhs;
    while (t.kind(bare) == NodeKind::ParenExpr) bare = t.kid(bare, 0);
    if (t.kind(bare) == NodeKind::SelectorExpr && info_->types[t.kid(bare, 0).index].mode == Mode::MapIndex) {
      errorAt(lhs, "cannot assign to struct field " + exprStr(bare) + " in map");
      return false;
    }
    errorAt(lhs, "cannot assign to " + operandStr(z));
    return false;
  }
  assignment(x, z.type, "assignment");
  return !x.invalid();
}

void Checker::useLHS(const std::vector<NodeId> &lhs) {
  // After a failed assignment, its variables count as used (types2 does
  // this to avoid follow-on "declared but not used" errors).
  for (NodeId l : lhs) {
    while (tree_->kind(l) == NodeKind::ParenExpr) l = tree_->kid(l, 0);
    if (tree_->kind(l) != NodeKind::Ident || tree_->operator[](l).text == "_") continue;
    if (Object *o = scope_->lookup(std::string(tree_->operator[](l).text)))
      if (o->kind == ObjKind::Var) o->used = true;
  }
}

void Checker::assignStmt(NodeId s) {
  const Tree &t = *tree_;
  std::vector<NodeId> lhs = t.kids(t.kid(s, 0)), rhs = t.kids(t.kid(s, 1));
  Tok op = t[s].op;
  if (op != Tok::Assign) {
    // x op= y
    if (lhs.size() != 1 || rhs.size() != 1) {
      error(t[s].pos, "assignment operation " + std::string(syntax::tokSpelling(op)) + " requires single-valued expressions");
      return;
    }
    Tok bop = syntax::assignOpBinary(op);
    Operand x;
    binary(x, s, lhs[0], rhs[0], bop);
    if (x.invalid()) return;
    x.expr = rhs[0];
    if (!assignVar(lhs[0], x)) useLHS(lhs);
    return;
  }
  std::vector<Operand> xs;
  exprList(xs, rhs, lhs.size() == 2);
  if (xs.size() != lhs.size()) {
    bool bad = std::any_of(xs.begin(), xs.end(), [](const Operand &x) { return x.invalid(); });
    if (!bad) {
      assignMismatch(lhs.size(), xs.size(), rhs);
    }
    useLHS(lhs);
    return;
  }
  bool ok = true;
  for (size_t i = 0; i < lhs.size(); ++i)
    if (!assignVar(lhs[i], xs[i])) ok = false;
  if (!ok) useLHS(lhs);
}

void Checker::shortVarDecl(NodeId s) {
  const Tree &t = *tree_;
  std::vector<NodeId> lhs = t.kids(t.kid(s, 0)), rhs = t.kids(t.kid(s, 1));
  std::vector<Object *> objs(lhs.size(), nullptr);
  std::vector<bool> isNew(lhs.size(), false);
  bool anyNew = false, bad = false;
  std::vector<std::string> seen;
  for (size_t i = 0; i < lhs.size(); ++i) {
    NodeId l = lhs[i];
    if (t.kind(l) != NodeKind::Ident) {
      errorAt(l, "non-name " + exprStr(l) + " on left side of :=");
      bad = true;
      continue;
    }
    std::string name(t[l].text);
    if (name != "_" && std::find(seen.begin(), seen.end(), name) != seen.end()) {
      errorAt(l, name + " repeated on left side of :=");
      bad = true;
      continue;
    }
    seen.push_back(name);
    Object *prev = name == "_" ? nullptr : scope_->lookupLocal(name);
    if (prev) {
      info_->uses[l.index] = prev;
      if (prev->kind != ObjKind::Var) {
        errorAt(l, "cannot assign to " + name);
        bad = true;
      }
      objs[i] = prev;
      continue;
    }
    Object *o = prog_.newObject(ObjKind::Var, name, t[l].pos, nullptr);
    o->pkg = &pkg_;
    objs[i] = o;
    isNew[i] = true;
    if (name != "_") anyNew = true;
    info_->defs[l.index] = o;
  }
  std::vector<Operand> xs;
  exprList(xs, rhs, lhs.size() == 2);
  bool rhsBad = std::any_of(xs.begin(), xs.end(), [](const Operand &x) { return x.invalid(); });
  if (xs.size() != lhs.size()) {
    if (!rhsBad) {
      assignMismatch(lhs.size(), xs.size(), rhs);
    }
    rhsBad = true;
  }
  for (size_t i = 0; i < lhs.size(); ++i) {
    Object *o = objs[i];
    if (!o) continue;
    if (rhsBad) {
      if (isNew[i]) { o->type = tt_.invalid(); o->used = true; }
      continue;
    }
    Operand &x = xs[i];
    if (isNew[i]) {
      if (x.type && x.type->isBasic(BasicKind::UntypedNil)) {
        errorAt(x.expr, "use of untyped nil in assignment");
        x.mode = Mode::Invalid;
      } else {
        assignment(x, nullptr, "assignment");
      }
      o->type = x.invalid() ? tt_.invalid() : x.type;
      if (x.invalid()) o->used = true;
    } else if (o->kind == ObjKind::Var) {
      bool wasUsed = o->used;
      assignment(x, o->type, "assignment");
      o->used = wasUsed;
    }
  }
  if (!anyNew && !bad) error(t[s].pos, "no new variables on left side of :=");
  for (size_t i = 0; i < lhs.size(); ++i)
    if (isNew[i] && objs[i]) declareLocal(*this, objs[i], syntax::None);
}

void Checker::returnStmt(NodeId s) {
  const Tree &t = *tree_;
  std::vector<NodeId> results = t.kids(s);
  auto want = sig_->results();
  if (results.empty()) {
    if (want.empty()) return;
    // A bare return is fine with named results.
    static const std::vector<Object *> none;
    const auto &params = curParams_ ? *curParams_ : none;
    bool named = !params.empty() && !params.back()->name.empty();
    if (named) return;
    error(t[s].pos, "not enough return values\n\thave ()\n\twant " + [&] {
      std::string w = "(";
      for (size_t i = 0; i < want.size(); ++i) w += (i ? ", " : "") + typeString(want[i]);
      return w + ")";
    }());
    return;
  }
  std::vector<Operand> xs;
  exprList(xs, results);
  if (std::any_of(xs.begin(), xs.end(), [](const Operand &x) { return x.invalid(); })) return;
  if (xs.size() != want.size()) {
    NodeId at = s;
    std::string qualifier = "not enough";
    if (xs.size() > want.size()) {
      at = xs[want.size()].expr;
      qualifier = "too many";
    } else if (!xs.empty()) {
      at = xs.back().expr;
    }
    auto summary = [this](const std::vector<const Type *> &ts) {
      std::string r = "(";
      for (size_t i = 0; i < ts.size(); ++i) {
        if (i) r += ", ";
        const Type *ty = ts[i];
        if (isUntyped(ty)) {
          if (isNumeric(ty)) r += "number";
          else { std::string n = typeString(ty); r += n.rfind("untyped ", 0) == 0 ? n.substr(8) : n; }
        } else r += typeString(ty);
      }
      return r + ")";
    };
    std::vector<const Type *> have;
    for (const Operand &x : xs) have.push_back(x.type);
    Pos pos = at == s ? t[s].pos : syntax::startPos(t, at);
    error(pos, qualifier + " return values\n\thave " + summary(have) + "\n\twant " + summary(want));
    return;
  }
  for (size_t i = 0; i < xs.size(); ++i) assignment(xs[i], want[i], "return statement");
}

/// Whether s contains a break that targets the statement labeled `label`
/// (or, when implicit, the enclosing statement): unlabeled breaks in
/// nested loops, switches and selects target those instead.
static bool hasBreak(const Tree &t, NodeId s, const std::string &label, bool implicit) {
  if (!s.valid()) return false;
  switch (t.kind(s)) {
  case NodeKind::BranchStmt:
    if (t[s].op != Tok::Break) return false;
    if (!t.kid(s, 0).valid()) return implicit;
    return !label.empty() && t[t.kid(s, 0)].text == label;
  case NodeKind::Block:
    for (NodeId k : t.kids(s))
      if (hasBreak(t, k, label, implicit)) return true;
    return false;
  case NodeKind::IfStmt:
    return hasBreak(t, t.kid(s, 2), label, implicit) || hasBreak(t, t.kid(s, 3), label, implicit);
  case NodeKind::LabeledStmt:
    return hasBreak(t, t.kid(s, 1), label, implicit);
  case NodeKind::CaseClause:
  case NodeKind::CommClause:
    return hasBreak(t, t.kid(s, 1), label, implicit);
  case NodeKind::ForStmt:
  case NodeKind::RangeStmt:
    return hasBreak(t, t.kids(s).back(), label, false);
  case NodeKind::SwitchStmt:
    for (size_t i = 2; i < t.numKids(s); ++i)
      if (hasBreak(t, t.kid(s, i), label, false)) return true;
    return false;
  case NodeKind::SelectStmt:
    for (NodeId k : t.kids(s))
      if (hasBreak(t, k, label, false)) return true;
    return false;
  default:
    return false;
  }
}

bool Checker::isTerminating(NodeId s, const std::string &label) {
  const Tree &t = *tree_;
  if (!s.valid()) return false;
  switch (t.kind(s)) {
  case NodeKind::ReturnStmt:
    return true;
  case NodeKind::BranchStmt:
    return t[s].op == Tok::Goto || t[s].op == Tok::Fallthrough;
  case NodeKind::ExprStmt: {
    NodeId e = t.kid(s, 0);
    while (t.kind(e) == NodeKind::ParenExpr) e = t.kid(e, 0);
    if (t.kind(e) != NodeKind::CallExpr) return false;
    NodeId f = t.kid(e, 0);
    Object *o = t.kind(f) == NodeKind::Ident ? info_->uses[f.index] : nullptr;
    return o && o->kind == ObjKind::Builtin && o->builtin == Builtin::Panic;
  }
  case NodeKind::Block: {
    size_t n = t.numKids(s);
    return n > 0 && isTerminating(t.kid(s, n - 1), "");
  }
  case NodeKind::IfStmt:
    return t.kid(s, 3).valid() && isTerminating(t.kid(s, 2), "") && isTerminating(t.kid(s, 3), "");
  case NodeKind::ForStmt:
    return !t.kid(s, 1).valid() && !hasBreak(t, t.kid(s, 3), label, true);
  case NodeKind::LabeledStmt:
    return isTerminating(t.kid(s, 1), std::string(t[t.kid(s, 0)].text));
  case NodeKind::SwitchStmt: {
    bool hasDefault = false;
    for (size_t i = 2; i < t.numKids(s); ++i) {
      NodeId c = t.kid(s, i);
      if (!t.kid(c, 0).valid()) hasDefault = true;
      NodeId body = t.kid(c, 1);
      size_t n = t.numKids(body);
      if (n == 0) return false;
      NodeId last = t.kid(body, n - 1);
      bool ft = t.kind(last) == NodeKind::BranchStmt && t[last].op == Tok::Fallthrough;
      if (!ft && !isTerminating(last, "")) return false;
      if (hasBreak(t, c, label, true)) return false;
    }
    return hasDefault;
  }
  case NodeKind::SelectStmt:
    for (NodeId c : t.kids(s)) {
      NodeId body = t.kid(c, 1);
      size_t n = t.numKids(body);
      if (n == 0 || !isTerminating(t.kid(body, n - 1), "")) return false;
      if (hasBreak(t, c, label, true)) return false;
    }
    return true;
  default:
    return false;
  }
}

} // namespace origo::types

namespace origo::types {

void Checker::rangeStmt(NodeId s) {
  const Tree &t = *tree_;
  NodeId key = t.kid(s, 0), val = t.kid(s, 1), X = t.kid(s, 2), body = t.kid(s, 3);
  openScope();
  Operand x;
  expr(x, X);
  const Type *kt = nullptr, *vt = nullptr;
  if (!x.invalid()) {
    const Type *u = coreOrUnder(x.type);
    if (u->kind == TypeKind::Pointer && under(u->elem)->kind == TypeKind::Array) u = under(u->elem);
    if (isString(u)) { kt = tt_.basic(BasicKind::Int); vt = tt_.basic(BasicKind::Int32); }
    else if (u->kind == TypeKind::Array || u->kind == TypeKind::Slice) { kt = tt_.basic(BasicKind::Int); vt = u->elem; }
    else if (u->kind == TypeKind::Map) { kt = u->key; vt = u->elem; }
    else if (u->kind == TypeKind::Chan) {
      kt = u->elem;
      if (u->dir == ChanDir::Send) errorAt(X, "invalid operation: range " + exprStr(X) + " receive from send-only channel");
      if (val.valid()) errorAt(val, "range over " + operandStr(x) + " permits only one iteration variable");
    } else {
      errorAt(X, "cannot range over " + operandStr(x));
    }
    if (isUntyped(x.type) && !x.invalid()) assignment(x, nullptr, "range");
  }
  NodeId lhs[2] = {key, val};
  const Type *types[2] = {kt, vt};
  if (t[s].op == Tok::Define) {
    std::vector<Object *> vars;
    for (int i = 0; i < 2; ++i) {
      if (!lhs[i].valid()) continue;
      if (t.kind(lhs[i]) != NodeKind::Ident) {
        errorAt(lhs[i], "non-name " + exprStr(lhs[i]) + " on left side of :=");
        continue;
      }
      Object *o = prog_.newObject(ObjKind::Var, std::string(t[lhs[i]].text), t[lhs[i]].pos,
                                  types[i] ? types[i] : tt_.invalid());
      o->pkg = &pkg_;
      if (!types[i]) o->used = true;
      info_->defs[lhs[i].index] = o;
      vars.push_back(o);
    }
    for (Object *o : vars) {
      if (o->name != "_") {
        if (Object *prev = scope_->insert(o)) {
          // Not declared, so not reported as unused either.
          error(o->pos, o->name + " redeclared in this block\n\t" +
                            Diagnostics::formatPos(sm_, prev->pos, DiagOptions{}) + ": other declaration of " +
                            o->name);
          continue;
        }
      }
      funcVars_.push_back(o);
    }
  } else if (t[s].op == Tok::Assign) {
    for (int i = 0; i < 2; ++i) {
      if (!lhs[i].valid() || !types[i]) continue;
      Operand v;
      v.mode = Mode::Value;
      v.type = types[i];
      v.expr = lhs[i];
      assignVar(lhs[i], v);
    }
  }
  stmt(body);
  closeScope();
}

void Checker::multipleDefaults(NodeId clause, NodeId &first) {
  if (!first.valid()) {
    first = clause;
    return;
  }
  error((*tree_)[clause].pos, "multiple defaults (first at " +
                                   Diagnostics::formatPos(sm_, (*tree_)[first].pos, DiagOptions{}) + ")");
}

void Checker::switchStmt(NodeId s) {
  const Tree &t = *tree_;
  openScope();
  if (t.kid(s, 0).valid()) stmt(t.kid(s, 0));
  NodeId tag = t.kid(s, 1);
  if (tag.valid() && t.kind(tag) == NodeKind::TypeSwitchGuard) {
    typeSwitch(s, tag);
    closeScope();
    return;
  }
  Operand x;
  if (tag.valid()) {
    expr(x, tag);
    if (!x.invalid()) assignment(x, nullptr, "switch expression");
    // Slices, maps and functions may still be compared with nil cases.
    if (!x.invalid() && !isComparable(x.type) && !hasNil(x.type)) {
      errorAt(tag, "cannot switch on " + operandStr(x) + " (" + typeString(x.type, &pkg_) + " is not comparable)");
      x.mode = Mode::Invalid;
    }
  } else {
    x.mode = Mode::Constant;
    x.type = tt_.basic(BasicKind::Bool);
    x.val = Constant::makeBool(true);
  }
  size_t n = t.numKids(s);
  NodeId firstDefault;
  // Constant case values seen so far, by value, with their types and
  // positions: a value may repeat only with a different type (possible
  // when the tag is an interface).
  std::map<std::string, std::vector<std::pair<const Type *, Pos>>> seen;
  auto checkDuplicate = [&](const Operand &v, NodeId c) {
    // Like types2, only numbers and strings (not booleans) count.
    if (v.mode != Mode::Constant || !v.val || isBoolean(v.type)) return;
    auto &prev = seen[v.val->str()];
    for (auto &[type, pos] : prev) {
      if (identical(type, v.type)) {
        errorAt(c, "duplicate case " + operandStr(v) + " in expression switch\n\t" +
                       Diagnostics::formatPos(sm_, pos, DiagOptions{}) + ": previous case");
        return;
      }
    }
    prev.push_back({v.type, t[c].pos});
  };
  for (size_t i = 2; i < n; ++i) {
    NodeId clause = t.kid(s, i);
    NodeId cases = t.kid(clause, 0);
    if (!cases.valid()) {
      multipleDefaults(clause, firstDefault);
    } else {
      for (NodeId c : t.kids(cases)) {
        Operand y;
        expr(y, c);
        if (y.invalid() || x.invalid()) continue;
        Operand xx = x, yy = y;
        xx.expr = tag.valid() ? tag : c;
        if (!tag.valid()) {
          // switch { case cond: } compares with true.
          // (An interface true converts to, like interface{}, is fine too.)
          if (!isBoolean(y.type) && !(isInterface(y.type) && interfaceMethods(y.type).empty())) {
            errorAt(c, "invalid case " + exprStr(c) + " in switch (mismatched types " + typeString(y.type, &pkg_) +
                           " and bool)");
            continue;
          }
          continue;
        }
        if (!yy.type->isBasic(BasicKind::UntypedNil)) convertUntyped(yy, xx.type);
        if (yy.invalid()) continue;
        // Compared as yy == xx, so that errors are at the case value.
        Operand res = yy;
        comparison(res, xx, Tok::Eql, c, true);
        if (res.invalid()) continue;
        yy.expr = c;
        checkDuplicate(yy, c);
      }
    }
    openScope();
    stmtList(t.kids(t.kid(clause, 1)));
    closeScope();
  }
  closeScope();
}

void Checker::typeSwitch(NodeId s, NodeId guard) {
  const Tree &t = *tree_;
  NodeId lhs = t.kid(guard, 0), X = t.kid(guard, 1);
  if (lhs.valid() && t[lhs].text == "_") {
    // _ := x.(type) declares nothing.
    error(t[lhs].pos, "no new variable on left side of :=");
    lhs = syntax::None;
  }
  Operand x;
  expr(x, X);
  if (!x.invalid() && !isInterface(x.type)) {
    errorAt(X, exprStr(X) + " (" + (x.mode == Mode::Variable ? "variable" : "value") + " of type " +
                   typeString(x.type, &pkg_) + ") is not an interface");
    x.mode = Mode::Invalid;
  }
  std::vector<Object *> lhsVars;
  bool anyUsed = false;
  size_t n = t.numKids(s);
  NodeId firstDefault;
  // Types of the cases so far (nullptr for nil), for duplicates.
  std::vector<std::pair<const Type *, NodeId>> seen;
  auto duplicate = [&](const Type *T, NodeId c) {
    for (auto &[prev, at] : seen) {
      if (prev == T || (prev && T && identical(prev, T))) {
        errorAt(c, "duplicate case " + (T ? typeString(T, &pkg_) : std::string("nil")) + " in type switch\n\t" +
                       Diagnostics::formatPos(sm_, t[at].pos, DiagOptions{}) + ": previous case");
        return true;
      }
    }
    seen.push_back({T, c});
    return false;
  };
  for (size_t i = 2; i < n; ++i) {
    NodeId clause = t.kid(s, i);
    NodeId cases = t.kid(clause, 0);
    const Type *single = nullptr;
    int count = 0;
    if (!cases.valid()) {
      multipleDefaults(clause, firstDefault);
    } else {
      for (NodeId c : t.kids(cases)) {
        ++count;
        if (t.kind(c) == NodeKind::Ident && t[c].text == "nil" && scope_->lookup("nil") &&
            scope_->lookup("nil")->kind == ObjKind::Nil) {
          Operand y;
          ident(y, c);
          record(y);
          single = nullptr;
          duplicate(nullptr, c);
          continue;
        }
        const Type *T = typExpr(c);
        // Recorded for every case, not only names: the back end tests
        // the dynamic type against it.
        Operand tc;
        tc.mode = Mode::TypeExpr;
        tc.expr = c;
        tc.type = T;
        record(tc);
        single = T;
        if (T == tt_.invalid()) continue;
        if (duplicate(T, c) || x.invalid()) continue;
        if (!isInterface(T) && !isTypeParam(T)) {
          std::string why;
          if (missingMethod(T, x.type, why))
            errorAt(c, "impossible type switch case: " + exprStr(c) + "\n\t" + operandStr(x) +
                           " cannot have dynamic type " + typeString(T, &pkg_) + " " + why);
        }
      }
    }
    openScope();
    if (lhs.valid()) {
      // In clauses with exactly one type, the variable has that type.
      const Type *vt = count == 1 && single ? single : x.type;
      Object *o = prog_.newObject(ObjKind::Var, std::string(t[lhs].text), t[lhs].pos, vt ? vt : tt_.invalid());
      o->pkg = &pkg_;
      info_->implicits[clause.index] = o;
      if (o->name != "_") scope_->insert(o);
      lhsVars.push_back(o);
    }
    stmtList(t.kids(t.kid(clause, 1)));
    closeScope();
  }
  if (lhs.valid()) {
    for (Object *o : lhsVars) anyUsed |= o->used;
    if (!anyUsed && t[lhs].text != "_") error(t[lhs].pos, std::string(t[lhs].text) + " declared but not used");
  }
}

void Checker::selectStmt(NodeId s) {
  const Tree &t = *tree_;
  NodeId firstDefault;
  for (NodeId clause : t.kids(s)) {
    openScope();
    NodeId comm = t.kid(clause, 0);
    if (!comm.valid()) multipleDefaults(clause, firstDefault);
    if (comm.valid()) {
      // send, receive expression, or assignment from a receive
      bool valid = false;
      if (t.kind(comm) == NodeKind::SendStmt) valid = true;
      else if (t.kind(comm) == NodeKind::ExprStmt) {
        NodeId e = t.kid(comm, 0);
        while (t.kind(e) == NodeKind::ParenExpr) e = t.kid(e, 0);
        valid = t.kind(e) == NodeKind::UnaryExpr && t[e].op == Tok::Arrow;
      } else if (t.kind(comm) == NodeKind::AssignStmt && t.numKids(t.kid(comm, 1)) == 1) {
        NodeId e = t.kid(t.kid(comm, 1), 0);
        while (t.kind(e) == NodeKind::ParenExpr) e = t.kid(e, 0);
        valid = t.kind(e) == NodeKind::UnaryExpr && t[e].op == Tok::Arrow;
      }
      if (!valid) errorAt(comm, "select case must be receive, send or assign recv");
      stmt(comm);
    }
    stmtList(t.kids(t.kid(clause, 1)));
    closeScope();
  }
}

} // namespace origo::types
