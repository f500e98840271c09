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

Value *Builder::newLocal(const Type *t, Pos p, bool zeroed) {
  // Slots are made in the entry block, ahead of everything, so that they
  // dominate every use: the returns and Func::unwind included.
  Block *entry = f_->entry();
  Value *v = f_->newValue(nullptr, Op::LocalAddr, tt_.pointer(t), {}, p);
  v->block = entry;
  v->auxType = t;
  v->aux = types::typeString(t);
  std::vector<Value *> vs{v};
  if (zeroed) {
    Value *z = f_->newValue(nullptr, Op::Zero, tt_.tuple({}), {v}, p);
    z->block = entry;
    z->auxType = t;
    z->aux = v->aux;
    vs.push_back(z);
  }
  entry->values.insert(entry->values.begin(), vs.begin(), vs.end());
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
  if (defers_->open) defers_->bits = newLocal(basic(BasicKind::Uint8), p, true);
  else defers_->head = newLocal(basic(BasicKind::UnsafePointer), p, true);
}

void Builder::deferResultCells() {
  if (!defers_) return;
  // Results of a function with defers live in memory (inMemory): their
  // cells, made at the entry, serve every return and Func::unwind.
  // A heap cell (a result captured by reference) is made by a call, which
  // the landing pad cannot see the value of: its address is kept in a
  // slot of the frame.
  for (const Object *r : results_) {
    Value *cell = readVar(r, cur_);
    bool indirect = cell->op != Op::LocalAddr;
    if (indirect) {
      Value *slot = newLocal(cell->type, r->pos, true);
      value(Op::Store, tt_.tuple({}), {slot, cell}, r->pos);
      cell = slot;
    }
    defers_->resultCells.push_back(cell);
    defers_->resultIndirect.push_back(indirect);
  }
}

Value *Builder::deferResultCell(size_t i, Pos p) {
  Defers &d = *defers_;
  if (!d.resultIndirect[i]) return d.resultCells[i];
  return value(Op::Load, tt_.pointer(objType(results_[i])), {d.resultCells[i]}, p);
}

void Builder::deferCall(Op op, const std::string &callee, const Type *sig, const Type *result,
                        const std::vector<Value *> &args) {
  DeferSite &site = deferring_->site;
  deferring_->done = true;
  site.result = result;
  deferring_->vals = args;
  if (op == Op::ClosureCall && args[0]->op == Op::FuncAddr) {
    // A function name or a capture-free literal: call it directly.
    site.kind = DeferSite::Static;
    site.callee = args[0]->aux;
    deferring_->vals.erase(deferring_->vals.begin());
    return;
  }
  site.kind = op == Op::StaticCall ? DeferSite::Static : DeferSite::Closure;
  site.callee = callee;
  site.sig = sig;
}

void Builder::deferIfaceCall(int64_t index, const std::string &name, const Type *calleeSig, const Type *result,
                             const std::vector<Value *> &args) {
  DeferSite &site = deferring_->site;
  deferring_->done = true;
  site.kind = DeferSite::Iface;
  site.method = index;
  site.callee = name;
  site.sig = calleeSig;
  site.result = result;
  deferring_->vals = args;
}

bool Builder::deferredCall(NodeId s, Deferring &dfr) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(s);
  const char *kw = t.kind(s) == NodeKind::GoStmt ? "go" : "defer";
  NodeId e = t.kid(s, 0);
  while (t.kind(e) == NodeKind::ParenExpr) e = t.kid(e, 0);
  NodeId fun = t.kid(e, 0);
  while (t.kind(fun) == NodeKind::ParenExpr) fun = t.kid(fun, 0);
  dfr.node = e;
  DeferSite &site = dfr.site;
  std::vector<Value *> &vals = dfr.vals;
  // 1. Evaluate what the call needs, now.
  const Object *callee = t.kind(fun) == NodeKind::Ident ? info_->uses[fun.index] : nullptr;
  if (callee && callee->kind == ObjKind::Builtin) {
    switch (callee->builtin) {
    case types::Builtin::Print:
    case types::Builtin::Println:
      site.kind = callee->builtin == types::Builtin::Print ? DeferSite::Print : DeferSite::Println;
      for (size_t i = 1; i < t.numKids(e); ++i) {
        vals.push_back(expr(t.kid(e, i)));
        site.types.push_back(typeOf(t.kid(e, i)));
      }
      break;
    case types::Builtin::Panic:
      // The value converted to interface{} now.
      site.kind = DeferSite::Panic;
      vals.push_back(conv(expr(t.kid(e, 1)), emptyIface(), p));
      site.types.push_back(emptyIface());
      break;
    case types::Builtin::Recover:
      // recover() is then not called by a deferred function: it returns
      // nil and stops nothing.
      site.kind = DeferSite::Nothing;
      break;
    case types::Builtin::Delete: {
      // The map and the key now; the key's address when deleting.
      site.kind = DeferSite::Delete;
      site.sig = typeOf(t.kid(e, 1));
      const Type *kt = types::under(site.sig)->key;
      vals.push_back(expr(t.kid(e, 1)));
      vals.push_back(conv(expr(t.kid(e, 2)), kt, p));
      site.types = {site.sig, kt};
      break;
    }
    case types::Builtin::Copy:
      // Both operands now.
      site.kind = DeferSite::Copy;
      vals.push_back(expr(t.kid(e, 1)));
      vals.push_back(expr(t.kid(e, 2)));
      site.types = {typeOf(t.kid(e, 1)), typeOf(t.kid(e, 2))};
      break;
    case types::Builtin::Close:
      // The channel now.
      site.kind = DeferSite::Close;
      vals.push_back(expr(t.kid(e, 1)));
      site.types.push_back(typeOf(t.kid(e, 1)));
      break;
    default:
      unsupported(p, std::string(kw) + " of built-in " + callee->name);
      return false;
    }
  } else {
    // The function value (or receiver) and the arguments, as call()
    // evaluates them; it hands the call back through deferCall.
    deferring_ = &dfr;
    call(e, nullptr);
    deferring_ = nullptr;
    if (!dfr.done) {
      // A call the hooks do not see (reported already, or a kind of call
      // not handed over yet): never make it now instead.
      unsupported(p, std::string(kw) == "go" ? "this go statement's call" : "this deferred call");
      return false;
    }
  }
  if (site.types.empty())
    for (Value *v : vals) {
      // Aggregate arguments are copies (callArgs) the slot or record takes
      // over by value; the call gets the address of the kept copy.
      const Type *vt = v->type, *u = types::under(vt);
      if (fresh_.count(v) && u->kind == types::TypeKind::Pointer && isAggregate(u->elem)) vt = u->elem;
      site.types.push_back(vt);
    }
  return true;
}

void Builder::deferStmt(NodeId s) {
  Pos p = pos(s);
  Deferring dfr;
  if (!deferredCall(s, dfr)) return;
  DeferSite &site = dfr.site;
  std::vector<Value *> &vals = dfr.vals;
  // 2. Keep the values, then mark the statement as run.
  Defers &d = *defers_;
  size_t k = d.sites.size();
  if (d.open) {
    for (size_t i = 0; i < vals.size(); ++i) {
      site.slots.push_back(newLocal(site.types[i], p, false));
      storeValue(site.slots.back(), vals[i], site.types[i], p);
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
    for (size_t i = 0; i < vals.size(); ++i) storeValue(field(site.offsets[i], site.types[i]), vals[i], site.types[i], p);
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
  case DeferSite::Delete: {
    MapKeyPass pass = mapKeyPass(site.sig);
    mapOp("mapdelete", MapRef{site.sig, vals[0], mapKeyOf(site.sig, pass, vals[1], p), pass, false, p}, tt_.tuple({}));
    return;
  }
  case DeferSite::Close:
    chanCall("runtime.closechan", tt_.tuple({}), vals, p);
    return;
  case DeferSite::Copy:
    copySlice(vals[0], site.types[0], vals[1], p);
    return;
  case DeferSite::Print:
  case DeferSite::Println:
    printValues(vals, site.types, site.kind == DeferSite::Println, p);
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
  case DeferSite::Iface: {
    // (auxInt is the method number: no noinline mark while panicking.)
    Value *c = value(Op::IfaceCall, site.result, vals, p);
    c->auxInt = site.method;
    c->aux = site.callee;
    c->auxType = site.sig;
    return;
  }
  case DeferSite::Closure: {
    std::vector<Value *> args = vals;
    args[0] = nilChecked(args[0], p);
    Value *c = value(Op::ClosureCall, site.result, args, p);
    c->auxInt = noInline;
    c->auxType = site.sig;
    c->aux = types::typeString(site.sig);
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
      branch(r, recovered, next);
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
      branch(set, call, next);
      seal(call);
      startBlock(call);
      // Cleared first: a panic in the call must not run it again.
      value(Op::Store, tt_.tuple({}), {d.bits, value(Op::AndNot, u8, {bits, bit}, p)}, p);
      std::vector<Value *> vals;
      for (size_t i = 0; i < site.slots.size(); ++i) vals.push_back(deref(site.slots[i], site.types[i], p));
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
  branch(value(Op::Eq, basic(BasicKind::Bool), {r, value(Op::ConstInt, up, {}, p)}, p), done, pop);
  seal(pop);
  startBlock(pop);
  auto field = [&](int64_t o, const Type *ft) { return value(Op::AddPtr, tt_.pointer(ft), {r, intConst(o, p)}, p); };
  value(Op::Store, tt_.tuple({}), {d.head, value(Op::Load, up, {field(0, up)}, p)}, p);
  Value *siteNo = value(Op::Load, basic(BasicKind::Int), {field(8, basic(BasicKind::Int))}, p);
  for (size_t k = 0; k < d.sites.size(); ++k) {
    const DeferSite &site = d.sites[k];
    Block *call = newBlock(), *next = newBlock();
    branch(value(Op::Eq, basic(BasicKind::Bool), {siteNo, intConst(int64_t(k), p)}, p), call, next);
    seal(call);
    startBlock(call);
    std::vector<Value *> vals;
    for (size_t i = 0; i < site.types.size(); ++i)
      vals.push_back(deref(field(site.offsets[i], site.types[i]), site.types[i], p));
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
    storeValue(deferResultCell(i, p), vals[i], objType(results_[i]), p);
  exitWithDefers(p);
}

void Builder::exitWithDefers(Pos p) {
  // The deferred calls are made at the return statement's line, as gc's
  // (tracebacks through them show it).
  Defers &d = *defers_;
  runDefers(false, nullptr, p);
  std::vector<Value *> results;
  for (size_t i = 0; i < d.resultCells.size(); ++i)
    results.push_back(deref(deferResultCell(i, p), objType(results_[i]), p));
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

namespace origo::ssa {

void Builder::goStmt(NodeId s) {
  // gc's wrapGoDefer: the call's function value and arguments, evaluated
  // now as for defer, go into a closure object {code, values...} whose
  // code (a wrapper made here, "F.gowrapN") makes the call; the runtime
  // starts a goroutine running that closure (runtime.newproc).
  Pos p = pos(s);
  Deferring dfr;
  if (!deferredCall(s, dfr)) return;
  PendingGo w;
  w.name = f_->name + ".gowrap" + std::to_string(++goWrapCount_);
  w.site = std::move(dfr.site);
  w.file = f_->file;
  w.pos = p;
  std::vector<types::Field> fields(1);
  fields[0].name = ".F";
  fields[0].type = basic(BasicKind::UnsafePointer);
  for (size_t i = 0; i < w.site.types.size(); ++i) {
    types::Field f;
    f.name = ".v" + std::to_string(i);
    f.type = w.site.types[i];
    fields.push_back(f);
  }
  w.closure = tt_.structType(fields);
  std::vector<int64_t> offs = types::fieldOffsets(w.closure);
  Value *obj = value(Op::New, tt_.pointer(w.closure), {}, p);
  obj->auxType = w.closure;
  obj->aux = types::typeString(w.closure);
  Value *fa = value(Op::FuncAddr, tt_.signature({}, {}, false), {}, p);
  fa->aux = w.name;
  value(Op::Store, tt_.tuple({}), {obj, value(Op::Load, fields[0].type, {fa}, p)}, p);
  for (size_t i = 0; i < dfr.vals.size(); ++i) {
    const Type *ft = w.site.types[i];
    Value *slot = value(Op::AddPtr, tt_.pointer(ft), {obj, intConst(offs[i + 1], p)}, p);
    storeValue(slot, dfr.vals[i], ft, p);
  }
  Value *c = value(Op::RuntimeCall, tt_.tuple({}), {obj}, p);
  c->aux = "runtime.newproc";
  pendingGos_.push_back(std::move(w));
}

std::unique_ptr<Func> Builder::goWrapper(const PendingGo &w) {
  setSubst({});
  f_ = std::make_unique<Func>(w.name, tt_.signature({}, {}, false));
  f_->hasParams = false;
  f_->file = w.file;
  f_->pos = w.pos;
  defs_.clear();
  fresh_.clear();
  sealed_.clear();
  incomplete_.clear();
  heapVars_.clear();
  defers_.reset();
  Block *entry = newBlock();
  sealed_.insert(entry);
  startBlock(entry);
  Pos p = w.pos;
  Value *ctx = value(Op::ClosurePtr, basic(BasicKind::UnsafePointer), {}, p);
  std::vector<int64_t> offs = types::fieldOffsets(w.closure);
  std::vector<Value *> vals;
  for (size_t i = 0; i < w.site.types.size(); ++i) {
    const Type *ft = w.site.types[i];
    vals.push_back(deref(value(Op::AddPtr, tt_.pointer(ft), {ctx, intConst(offs[i + 1], p)}, p), ft, p));
  }
  callDeferred(w.site, vals, false, p);
  cur_->kind = BlockKind::Ret;
  cur_->control = value(Op::Return, tt_.tuple({}), {}, p);
  return std::move(f_);
}

} // namespace origo::ssa
