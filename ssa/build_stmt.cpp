//===- ssa/build_stmt.cpp - statements ------------------------------------===//
/// \file
/// Statements: assignments, declarations, if/for/switch, branches and
/// labels, returns; conditional branches with short circuit; checks that
/// branch to a panicking Exit block.
//===----------------------------------------------------------------------===//
#include "ssa/builder.h"

#include <cassert>
#include <cstring>

namespace origo::ssa {

void Builder::stmtList(NodeId block) {
  for (NodeId s : tree_->kids(block)) stmt(s);
}

void Builder::assign(NodeId lhs, Value *v, Value *addr) {
  const syntax::Tree &t = *tree_;
  while (t.kind(lhs) == NodeKind::ParenExpr) lhs = t.kid(lhs, 0);
  if (t.kind(lhs) != NodeKind::Ident) {
    // *p = v, x.f = v, a[i] = v: the address is computed (and checked)
    // after v unless given.
    if (!addr) addr = addrOf(lhs);
    storeValue(addr, v, typeOf(lhs), pos(lhs));
    return;
  }
  if (t[lhs].text == "_") return;
  const Object *o = info_->defs[lhs.index] ? info_->defs[lhs.index] : info_->uses[lhs.index];
  if (!o) return;
  v = conv(v, objType(o), v->pos);
  if (o->isGlobal) {
    storeGlobal(o, v, pos(lhs));
    return;
  }
  if (info_->defs[lhs.index]) define(o, v); // :=
  else if (inMemory(o)) storeValue(readVar(o, cur_), v, objType(o), pos(lhs));
  else writeVar(o, cur_, v);
}

void Builder::stmt(NodeId s) {
  const syntax::Tree &t = *tree_;
  lastPos_ = pos(s);
  switch (t.kind(s)) {
  case NodeKind::EmptyStmt:
    return;
  case NodeKind::ExprStmt: {
    NodeId e = t.kid(s, 0);
    while (t.kind(e) == NodeKind::ParenExpr) e = t.kid(e, 0);
    if (t.kind(e) == NodeKind::CallExpr) call(e, nullptr);
    else expr(e);
    return;
  }
  case NodeKind::DeclStmt: {
    NodeId d = t.kid(s, 0);
    if (t.kind(d) != NodeKind::VarDecl) return; // constants are folded at use
    for (NodeId spec : t.kids(d)) {
      std::vector<NodeId> names = t.kids(t.kid(spec, 0));
      NodeId values = t.kid(spec, 2);
      std::vector<Value *> vals;
      if (values.valid()) {
        std::vector<NodeId> rhs = t.kids(values);
        if (rhs.size() == 1 && names.size() > 1) multiValue(rhs[0], vals);
        else for (NodeId e : rhs) vals.push_back(expr(e));
      }
      for (size_t i = 0; i < names.size(); ++i) {
        const Object *o = info_->defs[names[i].index];
        if (!o) continue;
        Value *v = i < vals.size() ? vals[i] : nullptr;
        if (o->name != "_") define(o, v ? conv(v, objType(o), o->pos) : nullptr);
      }
    }
    return;
  }
  case NodeKind::AssignStmt: {
    std::vector<NodeId> lhs = t.kids(t.kid(s, 0)), rhs = t.kids(t.kid(s, 1));
    Tok op = t[s].op;
    if (op != Tok::Assign && op != Tok::Define) {
      // x op= y is x = x op y with the binary node being the statement;
      // x's address (a[f()], *p) is evaluated once.
      if (isMapIndex(lhs[0])) {
        mapOpAssign(s, lhs[0]);
        return;
      }
      Value *addr = nullptr, *old = nullptr;
      if (!isPlainIdent(lhs[0])) {
        addr = addrOf(lhs[0]);
        old = deref(addr, typeOf(lhs[0]), pos(s));
      }
      Value *v = binary(s, old);
      assign(lhs[0], v, addr);
      return;
    }
    std::vector<Value *> vals;
    if (lhs.size() == 1) {
      vals.push_back(expr(rhs[0]));
      assign(lhs[0], vals[0]);
      return;
    }
    // a, b = x, y (spec "Assignment statements"): first the index and
    // pointer operands on the left and the values on the right, then the
    // assignments left to right; aggregates on the right are copied so
    // that a swap reads the old values.
    // A map element's slot is taken only when it is assigned: taking it
    // earlier could insert before a panic on the right, and a later
    // insertion could move it.
    std::vector<Value *> addrs(lhs.size(), nullptr);
    std::map<size_t, MapRef> maps;
    for (size_t i = 0; i < lhs.size(); ++i) {
      NodeId l = lhs[i];
      while (t.kind(l) == NodeKind::ParenExpr) l = t.kid(l, 0);
      if (isMapIndex(l)) maps.emplace(i, mapRef(l, Borrow::No));
      else if (t.kind(l) != NodeKind::Ident) addrs[i] = addrOf(l);
    }
    if (rhs.size() == 1) multiValue(rhs[0], vals);
    else
      for (NodeId e : rhs) {
        Value *v = expr(e);
        if (isAggregate(typeOf(e))) v = copyAggregate(v, typeOf(e), pos(e));
        vals.push_back(v);
      }
    for (size_t i = 0; i < lhs.size() && i < vals.size(); ++i) {
      auto m = maps.find(i);
      if (m != maps.end()) addrs[i] = mapSlot(m->second);
      assign(lhs[i], vals[i], addrs[i]);
    }
    return;
  }
  case NodeKind::IncDecStmt: {
    NodeId x = t.kid(s, 0);
    Value *addr = isPlainIdent(x) ? nullptr : addrOf(x);
    Value *v = addr ? deref(addr, typeOf(x), pos(s)) : expr(x);
    Value *one;
    if (types::isComplex(v->type)) {
      // complex(1, 0) (x++ of a complex type, possible in generic code).
      const Type *ft = basic(types::under(v->type)->basic == BasicKind::Complex64 ? BasicKind::Float32 : BasicKind::Float64);
      Value *re = value(Op::ConstFloat, ft, {}, pos(s)), *im = value(Op::ConstFloat, ft, {}, pos(s));
      double d = 1;
      std::memcpy(&re->auxInt, &d, sizeof d);
      one = value(Op::ComplexMake, v->type, {re, im}, pos(s));
    } else {
      one = value(types::isFloat(v->type) ? Op::ConstFloat : Op::ConstInt, v->type, {}, pos(s));
      if (types::isFloat(v->type)) {
        double d = 1;
        std::memcpy(&one->auxInt, &d, sizeof d);
      } else {
        one->auxInt = 1;
      }
    }
    assign(x, value(t[s].op == Tok::Inc ? Op::Add : Op::Sub, v->type, {v, one}, pos(s)), addr);
    return;
  }
  case NodeKind::Block:
    stmtList(s);
    return;
  case NodeKind::IfStmt: {
    if (t.kid(s, 0).valid()) stmt(t.kid(s, 0));
    Block *then = newBlock(), *join = newBlock();
    Block *els = t.kid(s, 3).valid() ? newBlock() : join;
    condBranch(t.kid(s, 1), then, els);
    seal(then);
    startBlock(then);
    stmt(t.kid(s, 2));
    jump(join);
    if (els != join) {
      seal(els);
      startBlock(els);
      stmt(t.kid(s, 3));
      jump(join);
    }
    seal(join);
    startBlock(join);
    return;
  }
  case NodeKind::ForStmt: {
    if (t.kid(s, 0).valid()) stmt(t.kid(s, 0));
    Block *header = newBlock(), *body = newBlock(), *exit = newBlock();
    Block *post = t.kid(s, 2).valid() ? newBlock() : header;
    header->pos = pos(s);
    jump(header);
    startBlock(header);
    if (t.kid(s, 1).valid()) {
      condBranch(t.kid(s, 1), body, exit);
    } else {
      jump(body);
    }
    seal(body);
    startBlock(body);
    loops_.push_back({exit, post, std::move(pendingLabel_)});
    pendingLabel_.clear();
    stmt(t.kid(s, 3));
    loops_.pop_back();
    jump(post);
    if (post != header) {
      seal(post);
      startBlock(post);
      stmt(t.kid(s, 2));
      jump(header);
    }
    seal(header);
    seal(exit);
    startBlock(exit);
    return;
  }
  case NodeKind::BranchStmt: {
    Tok op = t[s].op;
    if (op == Tok::Fallthrough) {
      if (fallthrough_) jump(fallthrough_);
      startDeadBlock();
      return;
    }
    if (op == Tok::Goto) {
      jump(labelBlock(std::string(t[t.kid(s, 0)].text)));
      startDeadBlock();
      return;
    }
    // break: the innermost loop or switch; continue: the innermost loop
    // (switches have no continue target); or the labeled one.
    const Loop *target = nullptr;
    NodeId l = t.kid(s, 0);
    for (auto it = loops_.rbegin(); it != loops_.rend() && !target; ++it) {
      if (l.valid() ? it->label == t[l].text : (op == Tok::Break || it->cont)) target = &*it;
    }
    if (!target) return;
    jump(op == Tok::Break ? target->brk : target->cont);
    startDeadBlock();
    return;
  }
  case NodeKind::SwitchStmt:
    switchStmt(s);
    return;
  case NodeKind::RangeStmt:
    if (types::isString(typeOf(t.kid(s, 2)))) {
      rangeString(s);
      return;
    }
    if (types::under(typeOf(t.kid(s, 2)))->kind == types::TypeKind::Slice) {
      rangeSlice(s);
      return;
    }
    if (types::under(typeOf(t.kid(s, 2)))->kind == types::TypeKind::Map) {
      rangeMap(s);
      return;
    }
    if (types::under(typeOf(t.kid(s, 2)))->kind == types::TypeKind::Chan) {
      rangeChan(s);
      return;
    }
    if (isAggregate(typeOf(t.kid(s, 2))) || types::under(typeOf(t.kid(s, 2)))->kind == types::TypeKind::Pointer) {
      rangeArray(s);
      return;
    }
    unsupported(pos(s), "range over " + types::typeString(typeOf(t.kid(s, 2))));
    return;
  case NodeKind::SendStmt:
    sendStmt(s);
    return;
  case NodeKind::SelectStmt:
    selectStmt(s);
    return;
  case NodeKind::DeferStmt:
    deferStmt(s);
    return;
  case NodeKind::GoStmt:
    goStmt(s);
    return;
  case NodeKind::ReturnStmt:
    returnStmt(s);
    startDeadBlock();
    return;
  case NodeKind::LabeledStmt: {
    // Every label starts a block, which gotos anywhere in the function
    // may enter; it is sealed when the function is complete.
    Block *lb = labelBlock(std::string(t[t.kid(s, 0)].text));
    jump(lb);
    startBlock(lb);
    NodeId inner = t.kid(s, 1);
    if (inner.valid() && (t.kind(inner) == NodeKind::ForStmt || t.kind(inner) == NodeKind::SwitchStmt ||
                          t.kind(inner) == NodeKind::RangeStmt || t.kind(inner) == NodeKind::SelectStmt))
      pendingLabel_ = std::string(t[t.kid(s, 0)].text);
    if (inner.valid()) stmt(inner);
    return;
  }
  default:
    unsupported(pos(s), "statement " + std::string(syntax::nodeKindName(t.kind(s))));
    return;
  }
}

void Builder::switchStmt(NodeId s) {
  // An expression switch (spec "Switch statements"): the tag is evaluated
  // once, then the cases top to bottom, left to right, until one equals
  // it; default runs when none does, wherever it is written.
  const syntax::Tree &t = *tree_;
  if (t.kid(s, 0).valid()) stmt(t.kid(s, 0));
  NodeId tagNode = t.kid(s, 1);
  if (tagNode.valid() && t.kind(tagNode) == NodeKind::TypeSwitchGuard) {
    typeSwitch(s);
    return;
  }
  Pos p = pos(s);
  Value *tag = nullptr;
  const Type *tagT = tagNode.valid() ? typeOf(tagNode) : nullptr;
  if (tagNode.valid()) {
    tag = expr(tagNode);
    // Evaluated once: an aggregate tag is copied before the cases run.
    if (isAggregate(tagT)) tag = copyAggregate(tag, tagT, p);
  }
  std::vector<NodeId> clauses;
  for (size_t i = 2; i < t.numKids(s); ++i) clauses.push_back(t.kid(s, i));
  std::vector<Block *> bodies;
  for (size_t i = 0; i < clauses.size(); ++i) bodies.push_back(newBlock());
  Block *exit = newBlock();
  Block *dflt = exit;
  // 1. The tests, in order; each failing test falls to the next one.
  for (size_t i = 0; i < clauses.size(); ++i) {
    NodeId cases = t.kid(clauses[i], 0);
    if (!cases.valid()) {
      dflt = bodies[i];
      continue;
    }
    for (NodeId c : t.kids(cases)) {
      Value *cond;
      if (tag && (types::isInterface(tagT) || types::isInterface(typeOf(c)))) {
        cond = ifaceCompare(true, tag, expr(c), pos(c));
      } else if (tag) {
        Value *cv = conv(expr(c), tagT, pos(c));
        cond = isAggregate(tagT) ? equalAggregate(tag, cv, tagT, pos(c))
                                 : value(Op::Eq, basic(BasicKind::Bool), {comparand(tag, pos(c)), comparand(cv, pos(c))}, pos(c));
      } else {
        cond = expr(c);
        if (types::isInterface(cond->type)) { // switch { case i: } with i an interface{}: i == true
          Value *yes = value(Op::ConstBool, basic(BasicKind::Bool), {}, pos(c));
          yes->auxInt = 1;
          cond = ifaceCompare(true, cond, yes, pos(c));
        }
      }
      branchOr(cond, bodies[i]);
    }
  }
  jump(dflt);
  // 2. The bodies, in source order, so that a fallthrough edge exists
  // before the block it enters is sealed.
  loops_.push_back({exit, nullptr, std::move(pendingLabel_)});
  pendingLabel_.clear();
  Block *savedFall = fallthrough_;
  for (size_t i = 0; i < clauses.size(); ++i) {
    seal(bodies[i]);
    startBlock(bodies[i]);
    fallthrough_ = i + 1 < clauses.size() ? bodies[i + 1] : nullptr;
    stmtList(t.kid(clauses[i], 1));
    jump(exit);
  }
  fallthrough_ = savedFall;
  loops_.pop_back();
  seal(exit);
  startBlock(exit);
}

void Builder::returnStmt(NodeId s) {
  const syntax::Tree &t = *tree_;
  std::vector<NodeId> results = t.kids(s);
  std::vector<Value *> vals;
  auto want = f_->sig->results();
  if (results.empty()) {
    for (const Object *r : results_) vals.push_back(load(r, pos(s)));
  } else if (results.size() == 1 && want.size() > 1) {
    call(results[0], &vals);
  } else {
    for (NodeId e : results) vals.push_back(expr(e));
  }
  for (size_t i = 0; i < vals.size() && i < want.size(); ++i) vals[i] = conv(vals[i], want[i], vals[i]->pos);
  if (defers_) {
    deferReturn(results.empty() ? std::vector<Value *>{} : vals, pos(s));
    return;
  }
  cur_->kind = BlockKind::Ret;
  cur_->control = value(Op::Return, tt_.tuple(want), vals, pos(s));
}

void Builder::condBranch(NodeId cond, Block *yes, Block *no) {
  const syntax::Tree &t = *tree_;
  while (t.kind(cond) == NodeKind::ParenExpr) cond = t.kid(cond, 0);
  if (!tv(cond).value && t.kind(cond) == NodeKind::BinaryExpr &&
      (t[cond].op == Tok::LAnd || t[cond].op == Tok::LOr)) {
    // Short circuit: evaluate the right operand only when needed.
    Block *mid = newBlock();
    if (t[cond].op == Tok::LAnd) condBranch(t.kid(cond, 0), mid, no);
    else condBranch(t.kid(cond, 0), yes, mid);
    seal(mid);
    startBlock(mid);
    condBranch(t.kid(cond, 1), yes, no);
    return;
  }
  if (!tv(cond).value && t.kind(cond) == NodeKind::UnaryExpr && t[cond].op == Tok::Not) {
    condBranch(t.kid(cond, 0), no, yes);
    return;
  }
  Value *c = expr(cond);
  branch(c, yes, no);
}

void Builder::panicIf(Value *cond, const char *fn, Pos p, std::vector<Value *> args) {
  Block *panic = newBlock(BlockKind::Exit), *ok = newBlock();
  branch(cond, panic, ok);
  seal(panic);
  seal(ok);
  startBlock(panic);
  Value *c = value(Op::RuntimeCall, tt_.tuple({}), std::move(args), p);
  c->aux = fn;
  panic->control = c;
  startBlock(ok);
}

} // namespace origo::ssa
