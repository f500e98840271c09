//===- ssa/build_defer.cpp - defer statements and recover -----------------===//
/// \file
/// defer (spec "Defer statements") the way gc compiles it, on origo's
/// unwinder-based panics (runtime/defer.cpp):
///
/// - The function value and arguments are evaluated at the defer statement
///   and kept until the function exits. Open-coded (gc's default: no defer
///   in a loop or in a function with goto, at most 8): each statement has
///   stack slots for its values and a bit in a byte slot that says it ran;
///   nothing is allocated. Otherwise every statement pushes a record (from
///   runtime.newdefer) on a chain whose head is a slot of the frame.
/// - Every return stores its results in their slots (results of such a
///   function always live in memory, so deferred closures can change named
///   results), then makes the pending deferred calls, newest first, each
///   cleared before it is called, and returns the slots' values (gc too
///   expands the calls at each return).
/// - Func::unwind, where a panic lands: the same calls, asking
///   runtime.deferrecovered after each; recovered: the remaining calls run
///   as on a return, then the current results are returned; none
///   recovered: runtime.panicresume raises it further.
///   Codegen makes every call of the function an invoke to that landing
///   pad, so a deferred call that panics lands here again and the rest
///   still run, as in gc.
//===----------------------------------------------------------------------===//
#include "ssa/builder.h"

namespace origo::ssa {

namespace {

/// gc's limit on open-coded defers (the bits fit a byte).
constexpr size_t MaxOpenDefers = 8;

/// Counts the defer statements of a body (not of function literals in it)
/// and whether one is inside a loop or the body has a goto.
void scanDefers(const syntax::Tree &t, NodeId n, int loopDepth, size_t &count, bool &needRecords) {
  if (!n.valid()) return;
  switch (t.kind(n)) {
  case NodeKind::FuncLit:
    return;
  case NodeKind::DeferStmt:
    ++count;
    if (loopDepth > 0) needRecords = true;
    break;
  case NodeKind::BranchStmt:
    if (t[n].op == Tok::Goto) needRecords = true;
    break;
  case NodeKind::ForStmt:
  case NodeKind::RangeStmt:
    ++loopDepth;
    break;
  default:
    break;
  }
  for (size_t i = 0; i < t.numKids(n); ++i) scanDefers(t, t.kid(n, i), loopDepth, count, needRecords);
}

} // namespace

Value *Builder::newLocal(const Type *t, Pos p) {
  // Slots are made in the entry block, ahead of everything, so that they
  // dominate every use: the exit block and Func::unwind included.
  Block *entry = f_->entry();
  Value *v = f_->newValue(nullptr, Op::LocalAddr, tt_.pointer(t), {}, p);
  v->block = entry;
  v->auxType = t;
  v->aux = types::typeString(t);
  entry->values.insert(entry->values.begin(), v);
  return v;
}

void Builder::beginDefers(NodeId body, Pos p) {
  defers_.reset();
  size_t count = 0;
  bool needRecords = false;
  scanDefers(*tree_, body, 0, count, needRecords);
  if (count == 0) return;
  defers_ = std::make_unique<Defers>();
  defers_->open = !needRecords && count <= MaxOpenDefers;
  if (defers_->open) defers_->bits = newLocal(basic(BasicKind::Uint8), p);
  else defers_->head = newLocal(basic(BasicKind::UnsafePointer), p);
}

Value *Builder::deferResultCell(const Object *o) {
  if (!defers_ || std::find(results_.begin(), results_.end(), o) == results_.end()) return nullptr;
  Value *cell = newLocal(o->type, o->pos);
  defers_->resultCells.push_back(cell);
  return cell;
}

void Builder::deferStmt(NodeId s) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(s);
  NodeId e = t.kid(s, 0);
  while (t.kind(e) == NodeKind::ParenExpr) e = t.kid(e, 0);
  NodeId fun = t.kid(e, 0);
  while (t.kind(fun) == NodeKind::ParenExpr) fun = t.kid(fun, 0);
  DeferSite site;
  site.pos = p;
  std::vector<Value *> vals;
  // 1. Evaluate what the call needs, now.
  const Object *callee = t.kind(fun) == NodeKind::Ident ? info_->uses[fun.index] : nullptr;
  if (callee && callee->kind == ObjKind::Builtin) {
    switch (callee->builtin) {
    case types::Builtin::Print:
    case types::Builtin::Println:
      site.kind = callee->builtin == types::Builtin::Print ? DeferSite::Print : DeferSite::Println;
      for (size_t i = 1; i < t.numKids(e); ++i) vals.push_back(expr(t.kid(e, i)));
      break;
    case types::Builtin::Panic: {
      // The value converted to interface{} now: its type and data words.
      site.kind = DeferSite::Panic;
      NodeId a = t.kid(e, 1);
      const Type *at = typeOf(a);
      if (types::isInterface(at) || types::under(at)->kind != types::TypeKind::Basic || types::isComplex(at) ||
          (at->kind == types::TypeKind::Named && !at->methods.empty())) {
        unsupported(p, "defer panic with a value of type " + types::typeString(at));
        return;
      }
      Value *x = conv(expr(a), at, p);
      vals.push_back(typeDesc(at, p));
      vals.push_back(value(Op::Box, basic(BasicKind::UnsafePointer), {x}, p));
      break;
    }
    case types::Builtin::Recover:
      // recover() is then not called by a deferred function: it returns
      // nil and stops nothing.
      site.kind = DeferSite::Nothing;
      break;
    default:
      unsupported(p, "defer of built-in " + callee->name);
      return;
    }
  } else {
    const Type *sig = nullptr;
    if (t.kind(fun) == NodeKind::SelectorExpr) {
      const Object *m = info_->uses[t.kid(fun, 1).index];
      if (m && m->isMethod) {
        NodeId x = t.kid(fun, 0);
        if (m->ptrRecv || tv(x).mode == types::Mode::TypeExpr || typeOf(x) != m->recvType) {
          unsupported(p, "defer of a method through a pointer, an embedded field or a method expression");
          return;
        }
        vals.push_back(expr(x));
        callee = m;
      }
    }
    if (callee && callee->kind == ObjKind::Func) {
      if (callee->pkg != &pkg_) {
        unsupported(p, "calling " + callee->linkName() + " (compiling imported packages)");
        return;
      }
      site.kind = DeferSite::Static;
      site.callee = callee->linkName();
      sig = types::under(tv(fun).type);
    } else {
      // A func value: evaluated now, nil-checked when called (gc). A
      // capture-free literal or a function name is a static closure:
      // call its function directly.
      Value *fv = expr(fun);
      sig = types::under(fv->type);
      if (fv->op == Op::FuncAddr) {
        site.kind = DeferSite::Static;
        site.callee = fv->aux;
      } else {
        site.kind = DeferSite::Closure;
        vals.push_back(fv);
      }
    }
    callArgs(e, sig, vals, vals.size());
    auto res = sig->results();
    site.result = res.size() == 1 ? res[0] : tt_.tuple(res);
  }
  for (Value *v : vals) site.types.push_back(v->type);
  // 2. Keep the values, then mark the statement as run.
  Defers &d = *defers_;
  size_t k = d.sites.size();
  if (d.open) {
    for (Value *v : vals) {
      site.slots.push_back(newLocal(v->type, p));
      value(Op::Store, tt_.tuple({}), {site.slots.back(), v}, p);
    }
    Value *bits = value(Op::Load, basic(BasicKind::Uint8), {d.bits}, p);
    Value *bit = value(Op::ConstInt, basic(BasicKind::Uint8), {}, p);
    bit->auxInt = int64_t(1) << k;
    value(Op::Store, tt_.tuple({}), {d.bits, value(Op::Or, basic(BasicKind::Uint8), {bits, bit}, p)}, p);
  } else {
    // Record: {link, site, values...}, each value 8-byte aligned.
    int64_t off = 16;
    for (const Type *vt : site.types) {
      site.offsets.push_back(off);
      off += (types::layoutOf(vt).size + 7) & ~int64_t(7);
    }
    site.recordSize = off;
    const Type *up = basic(BasicKind::UnsafePointer);
    Value *r = value(Op::RuntimeCall, up, {intConst(off, p)}, p);
    r->aux = "runtime.newdefer";
    auto field = [&](int64_t o, const Type *ft) {
      return value(Op::AddPtr, tt_.pointer(ft), {r, intConst(o, p)}, p);
    };
    value(Op::Store, tt_.tuple({}), {field(0, up), value(Op::Load, up, {d.head}, p)}, p);
    value(Op::Store, tt_.tuple({}), {field(8, basic(BasicKind::Int)), intConst(int64_t(k), p)}, p);
    for (size_t i = 0; i < vals.size(); ++i)
      value(Op::Store, tt_.tuple({}), {field(site.offsets[i], site.types[i]), vals[i]}, p);
    value(Op::Store, tt_.tuple({}), {d.head, r}, p);
  }
  d.sites.push_back(std::move(site));
}

void Builder::callDeferred(const DeferSite &site, const std::vector<Value *> &vals, bool panicking, Pos p) {
  // While panicking, the deferred function must keep its own frame: a
  // function it calls must not pass recover's check (gc never inlines a
  // deferred call either).
  int64_t noInline = panicking ? 1 : 0;
  switch (site.kind) {
  case DeferSite::Nothing:
    return;
  case DeferSite::Print:
  case DeferSite::Println:
    printValues(vals, site.kind == DeferSite::Println, p);
    return;
  case DeferSite::Panic: {
    // Not an Exit block: the unwinder brings it back to this frame.
    Value *c = value(Op::RuntimeCall, tt_.tuple({}), vals, p);
    c->aux = "runtime.gopanic";
    return;
  }
  case DeferSite::Static: {
    Value *c = value(Op::StaticCall, site.result, vals, p);
    c->aux = site.callee;
    c->auxInt = noInline;
    return;
  }
  case DeferSite::Closure: {
    std::vector<Value *> args = vals;
    args[0] = nilChecked(args[0], p);
    value(Op::ClosureCall, site.result, args, p)->auxInt = noInline;
    return;
  }
  }
}

void Builder::runDefers(bool panicking, Block *recovered, Pos p) {
  Defers &d = *defers_;
  // After a deferred call in a landing pad: recovered, or on to next.
  auto afterCall = [&](Block *next) {
    if (panicking) {
      Value *r = value(Op::RuntimeCall, basic(BasicKind::Bool), {}, p);
      r->aux = "runtime.deferrecovered";
      cur_->kind = BlockKind::If;
      cur_->control = r;
      Func::addEdge(cur_, recovered);
      Func::addEdge(cur_, next);
    } else {
      jump(next);
    }
  };
  if (d.open) {
    const Type *u8 = basic(BasicKind::Uint8);
    for (size_t k = d.sites.size(); k-- > 0;) {
      const DeferSite &site = d.sites[k];
      Block *call = newBlock(), *next = newBlock();
      Value *bits = value(Op::Load, u8, {d.bits}, p);
      Value *bit = value(Op::ConstInt, u8, {}, p);
      bit->auxInt = int64_t(1) << k;
      Value *set = value(Op::Neq, basic(BasicKind::Bool),
                         {value(Op::And, u8, {bits, bit}, p), value(Op::ConstInt, u8, {}, p)}, p);
      cur_->kind = BlockKind::If;
      cur_->control = set;
      Func::addEdge(cur_, call);
      Func::addEdge(cur_, next);
      seal(call);
      startBlock(call);
      // Cleared first: a panic in the call must not run it again.
      value(Op::Store, tt_.tuple({}), {d.bits, value(Op::AndNot, u8, {bits, bit}, p)}, p);
      std::vector<Value *> vals;
      for (size_t i = 0; i < site.slots.size(); ++i)
        vals.push_back(value(Op::Load, site.types[i], {site.slots[i]}, p));
      callDeferred(site, vals, panicking, p);
      afterCall(next);
      seal(next);
      startBlock(next);
    }
    return;
  }
  // Records, newest first: pop, read the values, free, call.
  const Type *up = basic(BasicKind::UnsafePointer);
  Block *head = newBlock(), *done = newBlock(), *pop = newBlock();
  jump(head);
  startBlock(head);
  Value *r = value(Op::Load, up, {d.head}, p);
  cur_->kind = BlockKind::If;
  cur_->control = value(Op::Eq, basic(BasicKind::Bool), {r, value(Op::ConstInt, up, {}, p)}, p);
  Func::addEdge(cur_, done);
  Func::addEdge(cur_, pop);
  seal(pop);
  startBlock(pop);
  auto field = [&](int64_t o, const Type *ft) { return value(Op::AddPtr, tt_.pointer(ft), {r, intConst(o, p)}, p); };
  value(Op::Store, tt_.tuple({}), {d.head, value(Op::Load, up, {field(0, up)}, p)}, p);
  Value *siteNo = value(Op::Load, basic(BasicKind::Int), {field(8, basic(BasicKind::Int))}, p);
  for (size_t k = 0; k < d.sites.size(); ++k) {
    const DeferSite &site = d.sites[k];
    Block *call = newBlock(), *next = newBlock();
    cur_->kind = BlockKind::If;
    cur_->control = value(Op::Eq, basic(BasicKind::Bool), {siteNo, intConst(int64_t(k), p)}, p);
    Func::addEdge(cur_, call);
    Func::addEdge(cur_, next);
    seal(call);
    startBlock(call);
    std::vector<Value *> vals;
    for (size_t i = 0; i < site.types.size(); ++i)
      vals.push_back(value(Op::Load, site.types[i], {field(site.offsets[i], site.types[i])}, p));
    Value *fr = value(Op::RuntimeCall, tt_.tuple({}), {r, intConst(site.recordSize, p)}, p);
    fr->aux = "runtime.freedefer";
    callDeferred(site, vals, panicking, p);
    afterCall(head);
    seal(next);
    startBlock(next);
  }
  jump(head); // not reached: every record has a site
  seal(head);
  seal(done);
  startBlock(done);
}

void Builder::deferReturn(const std::vector<Value *> &vals, Pos p) {
  Defers &d = *defers_;
  for (size_t i = 0; i < vals.size() && i < d.resultCells.size(); ++i)
    value(Op::Store, tt_.tuple({}), {d.resultCells[i], vals[i]}, p);
  exitWithDefers(p);
}

void Builder::exitWithDefers(Pos p) {
  // The deferred calls are made at the return statement's line, as gc's
  // (tracebacks through them show it).
  Defers &d = *defers_;
  runDefers(false, nullptr, p);
  std::vector<Value *> results;
  for (size_t i = 0; i < d.resultCells.size(); ++i)
    results.push_back(value(Op::Load, results_[i]->type, {d.resultCells[i]}, p));
  cur_->kind = BlockKind::Ret;
  cur_->control = value(Op::Return, tt_.tuple(f_->sig->results()), results, p);
}

void Builder::endDefers(Pos p) {
  // 1. Where a panic lands.
  Block *unwind = newBlock(), *recovered = newBlock();
  unwind->pos = p;
  sealed_.insert(unwind);
  f_->unwind = unwind;
  startBlock(unwind);
  runDefers(true, recovered, p);
  Value *resume = value(Op::RuntimeCall, tt_.tuple({}), {}, p);
  resume->aux = "runtime.panicresume";
  cur_->kind = BlockKind::Exit;
  cur_->control = resume;
  // 2. Recovered: the remaining deferred calls run as on a return.
  seal(recovered);
  startBlock(recovered);
  exitWithDefers(p);
}

} // namespace origo::ssa
