//===- ssa/build.cpp - SSA construction from the typed tree ---------------===//
/// \file
/// Builds SSA directly from the syntax tree and the checker's facts with
/// the on-the-fly algorithm of Braun et al. ("Simple and Efficient
/// Construction of Static Single Assignment Form", CC 2013): variables are
/// read and written per block, blocks are sealed once all predecessors are
/// known, and trivial phis are removed as they appear. Runtime checks that
/// Go requires (zero divisors, negative shift counts) become branches to
/// Exit blocks that call the runtime's panic functions, as in gc.
//===----------------------------------------------------------------------===//
#include "ssa/builder.h"

#include <cassert>
#include <cstring>

namespace origo::ssa {

Value *Builder::readVar(const Object *var, Block *b) {
  auto &m = defs_[b];
  auto it = m.find(var);
  if (it != m.end()) return it->second;
  return readVarRecursive(var, b);
}

Value *Builder::readVarRecursive(const Object *var, Block *b) {
  Value *v;
  if (!sealed_.count(b)) {
    v = f_->newValue(nullptr, Op::Phi, ssaType(var), {}, b->pos);
    v->block = b;
    b->values.insert(b->values.begin(), v);
    incomplete_[b].push_back({var, v});
  } else if (b->preds.size() == 1) {
    v = readVar(var, b->preds[0]);
  } else if (b->preds.empty()) {
    // Unreachable (or the entry): the variable's zero value.
    Block *saved = cur_;
    cur_ = b;
    v = zeroValue(ssaType(var), nullptr, b->pos);
    v->block = b;
    b->values.insert(b->values.begin(), v);
    cur_ = saved;
  } else {
    v = f_->newValue(nullptr, Op::Phi, ssaType(var), {}, b->pos);
    v->block = b;
    b->values.insert(b->values.begin(), v);
    writeVar(var, b, v);
    v = addPhiOperands(var, v);
  }
  writeVar(var, b, v);
  return v;
}

Value *Builder::addPhiOperands(const Object *var, Value *phi) {
  for (Block *p : phi->block->preds) phi->args.push_back(readVar(var, p));
  return tryRemoveTrivialPhi(phi);
}

Value *Builder::tryRemoveTrivialPhi(Value *phi) {
  Value *same = nullptr;
  for (Value *a : phi->args) {
    if (a == same || a == phi) continue;
    if (same) return phi; // merges at least two values
    same = a;
  }
  if (!same) return phi; // unreachable or only self-references; leave it
  // Turn the phi into a copy; copyelim removes it. Phis that used this
  // one may now be trivial too, but phielim handles those later.
  phi->op = Op::Copy;
  phi->args = {same};
  // Keep phis first in their block: move the copy after them.
  Block *b = phi->block;
  auto &vs = b->values;
  vs.erase(std::find(vs.begin(), vs.end(), phi));
  auto it = vs.begin();
  while (it != vs.end() && (*it)->op == Op::Phi) ++it;
  vs.insert(it, phi);
  for (auto &[blk, m] : defs_)
    for (auto &[var, v] : m)
      if (v == phi) v = same;
  return same;
}

void Builder::seal(Block *b) {
  if (sealed_.count(b)) return;
  for (auto &[var, phi] : incomplete_[b]) addPhiOperands(var, phi);
  incomplete_.erase(b);
  sealed_.insert(b);
}

void Builder::jump(Block *target) {
  cur_->kind = BlockKind::Plain;
  Func::addEdge(cur_, target);
}

//===-- functions ----------------------------------------------------------===//

void Builder::enterTree(const syntax::Tree *t, const types::Package *p) {
  tree_ = t;
  if (p) treePkgs_[t] = p;
  auto it = treePkgs_.find(t);
  treePkg_ = it != treePkgs_.end() ? it->second : &pkg_;
  info_ = &treePkg_->infoFor(t);
}

std::unique_ptr<Func> Builder::function(const Object *fn, const std::string &name, const types::TypeMap &m) {
  enterTree(fn->tree, fn->pkg);
  setSubst(m);
  // A method is a function whose first parameter is the receiver.
  const Object *recv = nullptr;
  const Type *sig = subst(fn->type);
  if (fn->isMethod) {
    auto rit = info_->receivers.find(fn->decl.index);
    recv = rit != info_->receivers.end() ? rit->second : nullptr;
    if (recv) {
      std::vector<const Type *> ps{objType(recv)};
      for (const Type *p : sig->params()) ps.push_back(p);
      sig = tt_.signature(ps, sig->results(), sig->variadic);
    }
  }
  std::unique_ptr<Func> f =
      body(name.empty() ? fn->linkName() : name, sig, fn->decl, recv, tree_->kid(fn->decl, syntax::FuncBody), fn->pos);
  if (f) f->noinline = tree_->hasDirective(fn->decl, "noinline");
  return f;
}

std::string Builder::instance(const Object *fn, const Type *owner, const types::TypeMap &m) {
  // gc's symbol shape: main.F[int,string], main.List[int].Push and
  // main.(*List[int]).Push.
  auto list = [](const std::vector<const Type *> &ts) {
    std::string s;
    for (size_t i = 0; i < ts.size(); ++i) s += (i ? "," : "") + types::typeString(ts[i]);
    return "[" + s + "]";
  };
  std::string prefix = fn->pkg ? fn->pkg->path + "." : "";
  std::string name;
  if (owner) {
    std::string tn = owner->origin->obj->name + list(owner->typeArgs);
    name = prefix + (fn->ptrRecv ? "(*" + tn + ")" : tn) + "." + fn->name;
  } else {
    std::vector<const Type *> args;
    for (const Type *tp : fn->type->typeParams) args.push_back(m.at(tp));
    name = prefix + fn->name + list(args);
  }
  if (instanced_.insert(name).second) pendingInstances_.push_back({fn, m, name});
  return name;
}

std::unique_ptr<Func> Builder::literal(const PendingLiteral &lit) {
  enterTree(lit.tree);
  NodeId e = lit.node;
  setSubst(lit.subst);
  return body(lit.name, typeOf(e), e, nullptr, tree_->kid(e, 1), pos(e), lit.captures);
}

std::unique_ptr<Func> Builder::body(const std::string &name, const Type *sig, NodeId owner, const Object *recv,
                                    NodeId bodyNode, Pos fpos, const std::vector<const Object *> &captures) {
  f_ = std::make_unique<Func>(name, sig);
  f_->file = sm_.file(tree_->file).absPath;
  f_->pos = fpos;
  f_->hasParams = !sig->params().empty();
  literalCount_ = 0;
  defs_.clear();
  aggType_.clear();
  fresh_.clear();
  sealed_.clear();
  incomplete_.clear();
  results_.clear();
  loops_.clear();

  Block *entry = newBlock();
  entry->pos = fpos;
  sealed_.insert(entry);
  startBlock(entry);
  auto pit = info_->params.find(owner.index);
  std::vector<Object *> params = pit != info_->params.end() ? pit->second : std::vector<Object *>{};
  if (recv) {
    if (!lowerable(objType(recv))) unsupported(recv->pos, "a value of type " + types::typeString(objType(recv)));
    params.insert(params.begin(), const_cast<Object *>(recv));
  }
  size_t np = sig->params().size();
  heapVars_.clear();
  beginDefers(bodyNode, fpos);
  findHeapVars(bodyNode);
  if (!captures.empty()) {
    // A closure: the cells of the captured variables (or the values of
    // those captured by value) follow the code pointer in the closure
    // object (funcLit).
    Value *ctx = value(Op::ClosurePtr, basic(BasicKind::UnsafePointer), {}, fpos);
    const Type *ct = closureType(captures);
    std::vector<int64_t> offs = types::fieldOffsets(ct);
    for (size_t k = 0; k < captures.size(); ++k) {
      const Object *o = captures[k];
      const Type *ft = types::under(ct)->fields[k + 1].type;
      Value *slot = value(Op::AddPtr, tt_.pointer(ft), {ctx, intConst(offs[k + 1], fpos)}, fpos);
      if (facts_.byValue(o)) {
        // Never assigned: the copy in the closure is the variable (an
        // aggregate's value is its address).
        writeVar(o, cur_, isAggregate(ft) ? slot : value(Op::Load, ft, {slot}, fpos));
        continue;
      }
      heapVars_.insert(o);
      writeVar(o, cur_, value(Op::Load, ft, {slot}, fpos));
    }
  }
  for (size_t i = 0; i < params.size(); ++i) {
    const Object *p = params[i];
    if (i < np) {
      Value *a = value(Op::Arg, objType(p), {}, p->pos);
      a->auxInt = int64_t(i);
      a->aux = p->name;
      // An aggregate argument points to a copy the callee owns: it is
      // the parameter's cell unless the parameter lives on the heap.
      if (isAggregate(objType(p)) && !(heapVars_.count(p) && facts_.onHeap(p))) writeVar(p, cur_, a);
      else define(p, a);
    } else {
      // Results start as zero values.
      results_.push_back(p);
      define(p, nullptr);
    }
  }
  deferResultCells();
  labels_.clear();
  stmtList(bodyNode);
  for (auto &[l, lb] : labels_) seal(lb);
  // Falling off the end: only possible without results.
  Pos end = (*tree_)[bodyNode].end;
  if (defers_) {
    deferReturn({}, end);
    endDefers(end);
    return std::move(f_);
  }
  cur_->kind = BlockKind::Ret;
  cur_->control = value(Op::Return, tt_.tuple({}), {}, end);
  return std::move(f_);
}

std::vector<const Object *> Builder::captured(NodeId e) {
  const syntax::Tree &t = *tree_;
  Pos lo = pos(e), hi = t[t.kid(e, 1)].end;
  std::vector<const Object *> out;
  std::set<const Object *> seen;
  std::vector<NodeId> work{t.kid(e, 1)};
  while (!work.empty()) {
    NodeId n = work.back();
    work.pop_back();
    if (!n.valid()) continue;
    if (t.kind(n) == NodeKind::Ident) {
      const Object *o = info_->uses[n.index];
      if (o && o->kind == ObjKind::Var && !o->isGlobal && !o->isField && (o->pos < lo || hi < o->pos) &&
          seen.insert(o).second)
        out.push_back(o);
    }
    // Children in reverse so that the walk meets them in source order.
    for (size_t i = t.numKids(n); i-- > 0;) work.push_back(t.kid(n, i));
  }
  return out;
}

Value *Builder::funcLit(NodeId e) {
  // A function literal is compiled as a function of its own
  // ("main.f.func1", nested ones "main.f.func1.1", as gc names them).
  // Capturing nothing, its value is a static closure; otherwise a new
  // closure object {code, &v1, &v2, ...} holding the cells of the
  // variables it captures (shared by reference, as Go requires).
  // Literals of package-level initializers are gc's main.glob..func1.
  bool nested = f_->name.find(".func") != std::string::npos;
  std::string base = f_->name == pkg_.path + ".init" ? pkg_.path + ".glob." : f_->name;
  std::string name = base + (nested ? "." : ".func") + std::to_string(++literalCount_);
  std::vector<const Object *> caps = captured(e);
  pendingLiterals_.push_back({tree_, e, name, caps, subst_});
  Pos p = pos(e);
  Value *fa = value(Op::FuncAddr, typeOf(e), {}, p);
  fa->aux = name;
  if (caps.empty()) return fa;
  const Type *ptrT = basic(BasicKind::UnsafePointer);
  const Type *ct = closureType(caps);
  std::vector<int64_t> offs = types::fieldOffsets(ct);
  // On the stack when it does not outlive the frame (escape analysis):
  // every field is written, so the slot needs no zeroing.
  Value *obj = allocate(e, typeOf(e), ct, p, false);
  value(Op::Store, tt_.tuple({}), {obj, value(Op::Load, ptrT, {fa}, p)}, p);
  for (size_t k = 0; k < caps.size(); ++k) {
    const Type *ft = types::under(ct)->fields[k + 1].type;
    Value *slot = value(Op::AddPtr, tt_.pointer(ft), {obj, intConst(offs[k + 1], p)}, p);
    if (facts_.byValue(caps[k])) storeValue(slot, load(caps[k], p), ft, p);
    else value(Op::Store, tt_.tuple({}), {slot, readVar(caps[k], cur_)}, p);
  }
  return obj;
}

std::unique_ptr<Func> Builder::initFunction(const std::string &name) {
  f_ = std::make_unique<Func>(name, tt_.signature({}, {}, false));
  defers_.reset();
  literalCount_ = 0;
  heapVars_.clear();
  setSubst({});
  defs_.clear();
  aggType_.clear();
  fresh_.clear();
  sealed_.clear();
  incomplete_.clear();
  results_.clear();
  Block *entry = newBlock();
  sealed_.insert(entry);
  startBlock(entry);
  for (const auto &init : pkg_.initOrder) {
    enterTree(init.tree, &pkg_);
    if (f_->file.empty()) f_->file = sm_.file(tree_->file).absPath;
    std::vector<NodeId> rhs = tree_->kids(init.rhs);
    if (init.lhs.size() == 1 && init.lhs[0]->name != "_" && (init.index >= 0 || rhs.size() == 1)) {
      // A constant initializer is data, not code (staticinit.cpp).
      if (auto d = staticValue(rhs[init.index >= 0 ? size_t(init.index) : 0], init.lhs[0]->type)) {
        staticInits_[init.lhs[0]->linkName()] = d;
        continue;
      }
    }
    std::vector<Value *> vals;
    if (init.index >= 0) {
      vals.push_back(expr(rhs[size_t(init.index)]));
    } else if (rhs.size() == 1 && init.lhs.size() > 1) {
      multiValue(rhs[0], vals);
    } else {
      for (NodeId e : rhs) vals.push_back(expr(e));
    }
    for (size_t i = 0; i < init.lhs.size() && i < vals.size(); ++i) {
      const Object *g = init.lhs[i];
      if (g->name == "_") continue;
      storeGlobal(g, vals[i], g->pos);
    }
  }
  for (const Object *fn : pkg_.funcs) {
    if (fn->name.rfind("init.", 0) != 0) continue;
    Value *c = value(Op::StaticCall, tt_.tuple({}), {}, fn->pos);
    c->aux = fn->linkName();
  }
  cur_->kind = BlockKind::Ret;
  cur_->control = value(Op::Return, tt_.tuple({}), {}, Pos{});
  return std::move(f_);
}

//===-- statements ---------------------------------------------------------===//

void Builder::findHeapVars(NodeId body) {
  const syntax::Tree &t = *tree_;
  std::vector<NodeId> work{body};
  while (!work.empty()) {
    NodeId n = work.back();
    work.pop_back();
    if (!n.valid()) continue;
    // &x, &x.f, &x[i]; x[i:j] of an array x; x.m() with a pointer
    // method m: the variable's address outlives the expression.
    if (t.kind(n) == NodeKind::UnaryExpr && t[n].op == Tok::And) {
      if (const Object *o = rootVar(t.kid(n, 0))) heapVars_.insert(o);
    }
    if (t.kind(n) == NodeKind::SliceExpr && types::under(typeOf(t.kid(n, 0)))->kind == types::TypeKind::Array) {
      if (const Object *o = rootVar(t.kid(n, 0))) heapVars_.insert(o);
    }
    if (t.kind(n) == NodeKind::CallExpr && t.kind(t.kid(n, 0)) == NodeKind::SelectorExpr) {
      NodeId sel = t.kid(n, 0);
      const Object *m = info_->uses[t.kid(sel, 1).index];
      if (m && m->kind == ObjKind::Func && m->isMethod && m->ptrRecv &&
          types::under(typeOf(t.kid(sel, 0)))->kind != types::TypeKind::Pointer)
        if (const Object *o = rootVar(t.kid(sel, 0))) heapVars_.insert(o);
    }
    if (t.kind(n) == NodeKind::FuncLit) {
      // Its own function; the variables it captures by reference live in
      // cells.
      for (const Object *o : captured(n))
        if (!facts_.byValue(o)) heapVars_.insert(o);
      continue;
    }
    for (size_t i = 0; i < t.numKids(n); ++i) work.push_back(t.kid(n, i));
  }
}

void Builder::define(const Object *o, Value *v) {
  if (!inMemory(o)) {
    writeVar(o, cur_, v ? v : zeroValue(objType(o), cur_, o->pos));
    return;
  }
  Value *cell;
  if (heapVars_.count(o) && facts_.onHeap(o)) {
    cell = value(Op::New, tt_.pointer(objType(o)), {}, o->pos);
    cell->auxType = objType(o);
    cell->aux = types::typeString(objType(o));
  } else {
    // A stack cell, reused by each execution of the declaration.
    cell = temp(objType(o), o->pos);
    if (!v) zero(cell, objType(o), o->pos);
  }
  if (v) storeValue(cell, v, objType(o), o->pos);
  writeVar(o, cur_, cell);
}

Value *Builder::load(const Object *o, Pos p) {
  Value *v = readVar(o, cur_);
  if (!inMemory(o)) return v;
  return deref(v, objType(o), p);
}

Value *Builder::nilChecked(Value *ptr, Pos p) {
  Value *nil = value(Op::ConstInt, ptr->type, {}, p);
  panicIf(value(Op::Eq, basic(BasicKind::Bool), {ptr, nil}, p), "runtime.panicmem", p);
  return ptr;
}

namespace {

/// gc's inlining budget, in syntax nodes of the body here.
constexpr size_t InlineBudget = 80;

/// Whether another package's fn is small and plain enough to be built
/// here for inlining (gc's "can inline" for exported bodies): a body
/// within the budget without closures, defer, go, select, labels or
/// recover, and no directive that makes its frame matter.
bool inlinableElsewhere(const Object *fn) {
  if (!fn->tree || !fn->type || !fn->type->typeParams.empty() || fn->name == "_") return false;
  if (fn->isMethod && fn->recvType && !fn->recvType->typeParams.empty()) return false;
  if (!fn->linkname.empty() || fn->tree->hasDirective(fn->decl, "noinline") ||
      fn->tree->hasDirective(fn->decl, "uintptrescapes") || fn->tree->hasDirective(fn->decl, "norace"))
    return false;
  // The runtime's Go half works hand in hand with the C++ runtime.
  if (fn->pkg && (fn->pkg->path == "runtime" || fn->pkg->path == "unsafe")) return false;
  const syntax::Tree &t = *fn->tree;
  NodeId body = t.kid(fn->decl, syntax::FuncBody);
  if (!body.valid()) return false;
  size_t count = 0;
  std::vector<NodeId> work{body};
  while (!work.empty()) {
    NodeId n = work.back();
    work.pop_back();
    if (!n.valid()) continue;
    if (++count > InlineBudget) return false;
    switch (t.kind(n)) {
    case syntax::NodeKind::FuncLit:
    case syntax::NodeKind::DeferStmt:
    case syntax::NodeKind::GoStmt:
    case syntax::NodeKind::SelectStmt:
    case syntax::NodeKind::LabeledStmt:
      return false;
    case syntax::NodeKind::CallExpr: {
      NodeId fun = t.kid(n, 0);
      if (fun.valid() && t.kind(fun) == syntax::NodeKind::Ident && t[fun].text == "recover") return false;
      break;
    }
    default:
      break;
    }
    for (size_t i = 0; i < t.numKids(n); ++i) work.push_back(t.kid(n, i));
  }
  return true;
}

/// Whether f allocates what its own package's escape analysis may have
/// kept on the stack: built here without those facts, every such
/// variable would be a heap object.
bool allocatesByFacts(const Func &f) {
  for (const auto &b : f.blocks)
    for (const Value *v : b->values)
      if (v->op == Op::New || v->op == Op::Box) return true;
  return false;
}

} // namespace

std::unique_ptr<Package> build(const types::Package &pkg, const escape::Facts &facts,
                               types::Program &prog, const SourceManager &sm, Diagnostics &diags,
                               bool inlineBodies) {
  auto out = std::make_unique<Package>();
  out->path = pkg.path;
  out->types = &prog;
  for (const Object *g : pkg.globals) {
    // A variable linknamed to another package's is that one (declared).
    bool elsewhere = !g->linkname.empty() && g->linkname.rfind(pkg.path + ".", 0) != 0;
    if (g->name != "_" && !elsewhere) out->globals.push_back({g->linkName(), g->type, nullptr});
  }
  Builder b(pkg, facts, prog, sm, diags);
  for (const Object *fn : pkg.funcs) {
    // A body-less function of this package's own symbol (not linknamed to
    // another package's) that nothing else defines is assembly.
    if (fn->tree && fn->type && !fn->isMethod && fn->name != "_" && fn->type->typeParams.empty() &&
        !fn->tree->kid(fn->decl, syntax::FuncBody).valid() && fn->linkName().rfind(pkg.path + ".", 0) == 0) {
      out->funcs.push_back(asmStub(fn, prog.types()));
      continue;
    }
    if (!fn->tree || !fn->type || !fn->tree->kid(fn->decl, syntax::FuncBody).valid()) continue;
    // Blank functions and methods cannot be called (and may repeat).
    if (fn->name == "_") continue;
    // Generic functions and methods of generic types are compiled per
    // instance, when used.
    if (!fn->type->typeParams.empty() || (fn->isMethod && fn->recvType && !fn->recvType->typeParams.empty()))
      continue;
    out->funcs.push_back(b.function(fn));
    if (needsPtrWrapper(fn)) out->funcs.push_back(ptrWrapper(fn, prog.types()));
    b.flushPending(*out);
  }
  for (auto &g : b.generated_) {
    g->dupOK = true;
    out->funcs.push_back(std::move(g));
  }
  for (auto &w : b.promotedWrappers()) out->funcs.push_back(std::move(w));
  b.flushPending(*out);
  // Small functions of other packages this one calls, for inlining.
  for (size_t i = 0; inlineBodies && i < b.foreignCallees_.size(); ++i) {
    const Object *fn = b.foreignCallees_[i];
    if (!inlinableElsewhere(fn)) continue;
    std::unique_ptr<Func> f = b.function(fn);
    if (!f || f->unwind || allocatesByFacts(*f)) continue;
    f->inlineOnly = true;
    out->funcs.push_back(std::move(f));
  }
  b.flushPending(*out);
  out->initFunc = pkg.path + ".init";
  out->funcs.push_back(b.initFunction(out->initFunc));
  for (Global &g : out->globals)
    if (auto it = b.staticInits_.find(g.name); it != b.staticInits_.end()) g.init = it->second;
  b.flushPending(*out);
  return out;
}

} // namespace origo::ssa
