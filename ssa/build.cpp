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
#include "ssa/ssa.h"

#include <cassert>
#include <cstring>
#include <map>
#include <set>

namespace origo::ssa {

using syntax::NodeId;
using syntax::NodeKind;
using syntax::Tok;
using types::BasicKind;
using types::Object;
using types::ObjKind;
using types::Type;

namespace {

class Builder {
public:
  Builder(const types::Package &pkg, types::Program &prog, const SourceManager &sm, Diagnostics &diags)
      : pkg_(pkg), prog_(prog), tt_(prog.types()), sm_(sm), diags_(diags) {}

  std::unique_ptr<Func> function(const Object *fn);
  /// A function literal to compile once the function containing it is done.
  struct PendingLiteral {
    const syntax::Tree *tree;
    NodeId node;
    std::string name;
  };
  std::vector<PendingLiteral> pendingLiterals_;
  std::unique_ptr<Func> literal(const PendingLiteral &lit);
  std::unique_ptr<Func> initFunction(const std::string &name);

private:
  // --- variables (Braun et al.)
  void writeVar(const Object *var, Block *b, Value *v) { defs_[b][var] = v; }
  /// The type of a variable's SSA value: its cell's for heap variables.
  const Type *ssaType(const Object *var) { return heapVars_.count(var) ? tt_.pointer(var->type) : var->type; }
  Value *readVar(const Object *var, Block *b);
  Value *readVarRecursive(const Object *var, Block *b);
  Value *addPhiOperands(const Object *var, Value *phi);
  Value *tryRemoveTrivialPhi(Value *phi);
  void seal(Block *b);

  // --- blocks
  Block *newBlock(BlockKind k = BlockKind::Plain) { return f_->newBlock(k); }
  /// Ends the current block with a jump to target (if still reachable).
  void jump(Block *target);
  void startBlock(Block *b) { cur_ = b; }
  /// After return/break/continue: later statements go to a fresh,
  /// unreachable block that deadcode removes.
  void startDeadBlock() {
    cur_ = newBlock();
    sealed_.insert(cur_);
  }
  Value *value(Op op, const Type *t, std::vector<Value *> args, Pos pos) {
    return f_->newValue(cur_, op, t, std::move(args), pos);
  }

  // --- statements and expressions
  void stmtList(NodeId block);
  void stmt(NodeId s);
  void assign(NodeId lhs, Value *v);
  void returnStmt(NodeId s);
  void switchStmt(NodeId s);
  std::unique_ptr<Func> body(const std::string &name, const Type *sig, NodeId owner, const Object *recv,
                             NodeId bodyNode, Pos fpos);
  Value *funcLit(NodeId e);
  int literalCount_ = 0;
  Value *expr(NodeId e);
  Value *constant(const types::TypeAndValue &tv, Pos pos);
  Value *binary(NodeId e);
  Value *call(NodeId e, std::vector<Value *> *results);
  Value *closureCall(NodeId e, std::vector<Value *> *results);
  /// The arguments of a call of sig written at e, with a variadic tail
  /// packed into a new slice (none: a nil slice) unless passed as s...;
  /// first: how many leading arguments (a receiver) are already in args.
  void callArgs(NodeId e, const Type *sig, std::vector<Value *> &args, size_t first);
  void printCall(NodeId e, bool ln);
  Value *conv(Value *v, const Type *to, Pos pos);
  /// Branches to a block that panics via runtime function fn when cond holds.
  void panicIf(Value *cond, const char *fn, Pos pos, std::vector<Value *> args = {});
  /// An index as an int for a bounds check, and whether it was unsigned
  /// (gc's panicIndexU family prints it as such).
  Value *indexValue(NodeId e, bool &isUnsigned);
  Value *stringIndex(NodeId e);
  /// Branches to gc's index panic unless 0 <= i < n (one unsigned compare).
  void indexCheck(Value *i, Value *n, bool isUnsigned, Pos p);
  /// The address of element i of the array at base (no check).
  Value *elemAddr(Value *base, Value *i, const Type *et, Pos p) {
    Value *off = value(Op::Mul, basic(BasicKind::Int), {i, intConst(types::layoutOf(et).size, p)}, p);
    return value(Op::AddPtr, tt_.pointer(et), {base, off}, p);
  }
  /// A range loop's body and its continue block (where post starts):
  /// continue and break go to post and exit.
  void rangeBody(NodeId s, Block *exit, Block *post);
  /// The address of s[i] after gc's bounds check.
  Value *sliceElemAddr(NodeId e);
  Value *sliceSlice(NodeId e);
  Value *appendCall(NodeId e);
  void rangeSlice(NodeId s);
  Value *typeDesc(const Type *t, Pos p) {
    Value *td = value(Op::TypeDesc, basic(BasicKind::UnsafePointer), {}, p);
    td->auxType = t;
    td->aux = types::typeString(t);
    return td;
  }
  /// A new slice holding xs (of the slice type's element type), as
  /// []T{x0, x1, ...} makes it.
  Value *sliceOf(const Type *st, const std::vector<Value *> &xs, Pos p) {
    const Type *et = types::under(st)->elem;
    Value *n = intConst(int64_t(xs.size()), p);
    Value *arr = value(Op::RuntimeCall, basic(BasicKind::UnsafePointer), {typeDesc(et, p), n, n}, p);
    arr->aux = "runtime.makeslice";
    for (size_t k = 0; k < xs.size(); ++k)
      value(Op::Store, tt_.tuple({}), {elemAddr(arr, intConst(int64_t(k), p), et, p), conv(xs[k], et, p)}, p);
    return value(Op::SliceMake, st, {arr, n, n}, p);
  }
  /// Binds a range clause's key or value: a new variable (:=) or an
  /// assignment (=); absent clauses bind nothing.
  void bindRange(NodeId lhs, Value *v, bool isDefine, Pos p) {
    if (!lhs.valid()) return;
    if (!isDefine) {
      assign(lhs, v);
      return;
    }
    const Object *o = info_->defs[lhs.index];
    if (o && o->name != "_") define(o, conv(v, o->type, p));
  }
  Value *intConst(int64_t n, Pos p) {
    Value *v = value(Op::ConstInt, basic(BasicKind::Int), {}, p);
    v->auxInt = n;
    return v;
  }
  Value *stringSlice(NodeId e);
  void rangeString(NodeId s);
  void condBranch(NodeId cond, Block *yes, Block *no);

  /// The zero value of a type the back end lowers, in block b.
  Value *zeroValue(const Type *t, Block *b, Pos p) {
    Op op = types::isString(t) ? Op::ConstString : types::isBoolean(t) ? Op::ConstBool
          : types::isFloat(t) ? Op::ConstFloat : Op::ConstInt;
    return f_->newValue(b, op, t, {}, p);
  }
  const types::TypeAndValue &tv(NodeId e) const { return info_->types[e.index]; }
  const Type *typeOf(NodeId e) const {
    const Type *t = tv(e).type;
    return types::isUntyped(t) ? types::defaultType(tt_, t) : t;
  }
  Pos pos(NodeId n) const { return (*tree_)[n].pos; }
  const Type *basic(BasicKind k) const { return tt_.basic(k); }

  /// Reports a construct the back end cannot compile yet (once per line).
  void unsupported(Pos pos, const std::string &what) {
    if (pos.line == lastUnsupportedLine_) return;
    lastUnsupportedLine_ = pos.line;
    diags_.error(pos, what + " is not supported by origo yet");
  }
  /// Types the back end can lower today: integers, bools, strings.
  static bool lowerable(const Type *t) {
    if (!t) return false;
    const Type *u = types::under(t);
    if (u->kind == types::TypeKind::Tuple) {
      for (const Type *e : u->list)
        if (!lowerable(e)) return false;
      return true;
    }
    if (u->kind == types::TypeKind::Signature) return true; // func values
    if (u->kind == types::TypeKind::Slice) {
      // Slices of the basic kinds (whose descriptors exist) for now.
      const Type *e = u->elem, *eu = types::under(e);
      return eu->kind == types::TypeKind::Basic && !types::isComplex(eu) && !eu->isBasic(BasicKind::UnsafePointer) &&
             !(e->kind == types::TypeKind::Named && !e->methods.empty()) && lowerable(e);
    }
    if (u->kind == types::TypeKind::Pointer) {
      // Pointers to the basic kinds (whose descriptors exist) for now.
      const Type *e = u->elem, *eu = types::under(e);
      return eu->kind == types::TypeKind::Basic && !types::isComplex(eu) && !eu->isBasic(BasicKind::UnsafePointer) &&
             !(e->kind == types::TypeKind::Named && !e->methods.empty()) && lowerable(e);
    }
    return u->kind == types::TypeKind::Basic &&
           (types::isInteger(u) || types::isBoolean(u) || types::isString(u) || types::isFloat(u));
  }

  const types::Package &pkg_;
  types::Program &prog_;
  types::TypeTable &tt_;
  const SourceManager &sm_;
  Diagnostics &diags_;
  uint32_t lastUnsupportedLine_ = 0;
  const syntax::Tree *tree_ = nullptr;
  const types::FileInfo *info_ = nullptr;
  std::unique_ptr<Func> f_;
  Block *cur_ = nullptr;
  std::map<Block *, std::map<const Object *, Value *>> defs_;
  std::set<Block *> sealed_;
  std::map<Block *, std::vector<std::pair<const Object *, Value *>>> incomplete_;
  std::vector<const Object *> results_; ///< result variables (named or not)
  struct Loop { Block *brk, *cont; std::string label; };
  std::string pendingLabel_; ///< label of the loop statement being built
  std::vector<Loop> loops_;     ///< enclosing loops and switches (cont null)
  Block *fallthrough_ = nullptr; ///< the next clause's body, in a switch clause
  std::set<const Object *> heapVars_; ///< locals whose address is taken: they live in cells
  /// A local variable's definition (declaration, :=, parameter): heap
  /// variables get a new cell each time, as each execution of a
  /// declaration makes a new variable.
  void define(const Object *o, Value *v);
  /// The value of a local variable (loaded from its cell if it has one).
  Value *load(const Object *o, Pos p);
  /// Marks the locals of a body whose address is taken.
  void findHeapVars(NodeId body);
  /// *p with gc's nil check: the checked pointer.
  Value *nilChecked(Value *ptr, Pos p);
  std::map<std::string, Block *> labels_; ///< label blocks of the function
  Block *labelBlock(const std::string &name) {
    Block *&b = labels_[name];
    if (!b) b = newBlock();
    return b;
  }
};

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

std::unique_ptr<Func> Builder::function(const Object *fn) {
  tree_ = fn->tree;
  info_ = &pkg_.infoFor(tree_);
  // A method is a function whose first parameter is the receiver.
  const Object *recv = nullptr;
  const Type *sig = fn->type;
  if (fn->isMethod) {
    auto rit = info_->receivers.find(fn->decl.index);
    recv = rit != info_->receivers.end() ? rit->second : nullptr;
    if (recv) {
      std::vector<const Type *> ps{recv->type};
      for (const Type *p : fn->type->params()) ps.push_back(p);
      sig = tt_.signature(ps, fn->type->results(), fn->type->variadic);
    }
  }
  return body(fn->linkName(), sig, fn->decl, recv, tree_->kid(fn->decl, syntax::FuncBody), fn->pos);
}

std::unique_ptr<Func> Builder::literal(const PendingLiteral &lit) {
  tree_ = lit.tree;
  info_ = &pkg_.infoFor(tree_);
  NodeId e = lit.node;
  return body(lit.name, tv(e).type, e, nullptr, tree_->kid(e, 1), pos(e));
}

std::unique_ptr<Func> Builder::body(const std::string &name, const Type *sig, NodeId owner, const Object *recv,
                                    NodeId bodyNode, Pos fpos) {
  f_ = std::make_unique<Func>(name, sig);
  f_->file = sm_.file(tree_->file).absPath;
  f_->pos = fpos;
  f_->hasParams = !sig->params().empty();
  literalCount_ = 0;
  defs_.clear();
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
    if (!lowerable(recv->type)) unsupported(recv->pos, "a value of type " + types::typeString(recv->type));
    params.insert(params.begin(), const_cast<Object *>(recv));
  }
  size_t np = sig->params().size();
  heapVars_.clear();
  findHeapVars(bodyNode);
  for (size_t i = 0; i < params.size(); ++i) {
    const Object *p = params[i];
    if (i < np) {
      Value *a = value(Op::Arg, p->type, {}, p->pos);
      a->auxInt = int64_t(i);
      a->aux = p->name;
      define(p, a);
    } else {
      // Results start as zero values.
      results_.push_back(p);
      define(p, zeroValue(p->type, cur_, p->pos));
    }
  }
  labels_.clear();
  stmtList(bodyNode);
  for (auto &[l, lb] : labels_) seal(lb);
  // Falling off the end: only possible without results.
  cur_->kind = BlockKind::Ret;
  cur_->control = value(Op::Return, tt_.tuple({}), {}, (*tree_)[bodyNode].end);
  return std::move(f_);
}

Value *Builder::funcLit(NodeId e) {
  // A function literal that captures no variable of the functions around
  // it is compiled as a function of its own ("main.f.func1", nested ones
  // "main.f.func1.1", as gc names them); its value is a static closure.
  const syntax::Tree &t = *tree_;
  Pos lo = pos(e), hi = (*tree_)[t.kid(e, 1)].end;
  std::vector<NodeId> work{t.kid(e, 1)};
  while (!work.empty()) {
    NodeId n = work.back();
    work.pop_back();
    if (!n.valid()) continue;
    if (t.kind(n) == NodeKind::Ident) {
      const Object *o = info_->uses[n.index];
      if (o && o->kind == ObjKind::Var && !o->isGlobal && (o->pos < lo || hi < o->pos)) {
        unsupported(pos(n), "a closure capturing a variable");
        return value(Op::ConstInt, typeOf(e), {}, pos(e));
      }
    }
    for (size_t i = 0; i < t.numKids(n); ++i) work.push_back(t.kid(n, i));
  }
  bool nested = f_->name.find(".func") != std::string::npos;
  std::string name = f_->name + (nested ? "." : ".func") + std::to_string(++literalCount_);
  pendingLiterals_.push_back({tree_, e, name});
  Value *v = value(Op::FuncAddr, typeOf(e), {}, pos(e));
  v->aux = name;
  return v;
}

std::unique_ptr<Func> Builder::initFunction(const std::string &name) {
  f_ = std::make_unique<Func>(name, tt_.signature({}, {}, false));
  defs_.clear();
  sealed_.clear();
  incomplete_.clear();
  results_.clear();
  Block *entry = newBlock();
  sealed_.insert(entry);
  startBlock(entry);
  for (const auto &init : pkg_.initOrder) {
    tree_ = init.tree;
    info_ = &pkg_.infoFor(tree_);
    if (f_->file.empty()) f_->file = sm_.file(tree_->file).absPath;
    std::vector<NodeId> rhs = tree_->kids(init.rhs);
    std::vector<Value *> vals;
    if (init.index >= 0) {
      vals.push_back(expr(rhs[size_t(init.index)]));
    } else if (rhs.size() == 1 && init.lhs.size() > 1) {
      call(rhs[0], &vals);
    } else {
      for (NodeId e : rhs) vals.push_back(expr(e));
    }
    for (size_t i = 0; i < init.lhs.size() && i < vals.size(); ++i) {
      const Object *g = init.lhs[i];
      if (g->name == "_") continue;
      Value *st = value(Op::StoreGlobal, tt_.tuple({}), {conv(vals[i], g->type, vals[i]->pos)}, g->pos);
      st->aux = g->linkName();
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
    if (t.kind(n) == NodeKind::UnaryExpr && t[n].op == Tok::And) {
      NodeId x = t.kid(n, 0);
      while (t.kind(x) == NodeKind::ParenExpr) x = t.kid(x, 0);
      if (t.kind(x) == NodeKind::Ident) {
        const Object *o = info_->uses[x.index];
        if (o && o->kind == ObjKind::Var && !o->isGlobal) heapVars_.insert(o);
      }
    }
    if (t.kind(n) == NodeKind::FuncLit) continue; // its own function
    for (size_t i = 0; i < t.numKids(n); ++i) work.push_back(t.kid(n, i));
  }
}

void Builder::define(const Object *o, Value *v) {
  if (!heapVars_.count(o)) {
    writeVar(o, cur_, v);
    return;
  }
  Value *cell = value(Op::New, tt_.pointer(o->type), {}, o->pos);
  cell->auxType = o->type;
  cell->aux = types::typeString(o->type);
  value(Op::Store, tt_.tuple({}), {cell, v}, o->pos);
  writeVar(o, cur_, cell);
}

Value *Builder::load(const Object *o, Pos p) {
  Value *v = readVar(o, cur_);
  if (!heapVars_.count(o)) return v;
  return value(Op::Load, o->type, {v}, p);
}

Value *Builder::nilChecked(Value *ptr, Pos p) {
  Value *nil = value(Op::ConstInt, ptr->type, {}, p);
  panicIf(value(Op::Eq, basic(BasicKind::Bool), {ptr, nil}, p), "runtime.panicmem", p);
  return ptr;
}

void Builder::stmtList(NodeId block) {
  for (NodeId s : tree_->kids(block)) stmt(s);
}

void Builder::assign(NodeId lhs, Value *v) {
  const syntax::Tree &t = *tree_;
  while (t.kind(lhs) == NodeKind::ParenExpr) lhs = t.kid(lhs, 0);
  if (t.kind(lhs) == NodeKind::StarExpr) {
    // *p = v: p is evaluated (and checked) before the store.
    Value *ptr = nilChecked(expr(t.kid(lhs, 0)), pos(lhs));
    value(Op::Store, tt_.tuple({}), {ptr, conv(v, types::under(ptr->type)->elem, v->pos)}, pos(lhs));
    return;
  }
  if (t.kind(lhs) == NodeKind::IndexExpr && types::under(typeOf(t.kid(lhs, 0)))->kind == types::TypeKind::Slice) {
    Value *addr = sliceElemAddr(lhs);
    value(Op::Store, tt_.tuple({}), {addr, conv(v, typeOf(lhs), v->pos)}, pos(lhs));
    return;
  }
  if (t.kind(lhs) != NodeKind::Ident) {
    unsupported(pos(lhs), "assignment to " + std::string(syntax::nodeKindName(t.kind(lhs))));
    return;
  }
  if (t[lhs].text == "_") return;
  const Object *o = info_->defs[lhs.index] ? info_->defs[lhs.index] : info_->uses[lhs.index];
  if (!o) return;
  v = conv(v, o->type, v->pos);
  if (o->isGlobal) {
    Value *st = value(Op::StoreGlobal, tt_.tuple({}), {v}, pos(lhs));
    st->aux = o->linkName();
    return;
  }
  if (info_->defs[lhs.index]) define(o, v); // :=
  else if (heapVars_.count(o)) value(Op::Store, tt_.tuple({}), {readVar(o, cur_), v}, pos(lhs));
  else writeVar(o, cur_, v);
}

void Builder::stmt(NodeId s) {
  const syntax::Tree &t = *tree_;
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
        if (rhs.size() == 1 && names.size() > 1) call(rhs[0], &vals);
        else for (NodeId e : rhs) vals.push_back(expr(e));
      }
      for (size_t i = 0; i < names.size(); ++i) {
        const Object *o = info_->defs[names[i].index];
        if (!o) continue;
        Value *v = i < vals.size() ? vals[i] : nullptr;
        if (!v) v = zeroValue(o->type, cur_, o->pos);
        if (o->name != "_") define(o, conv(v, o->type, o->pos));
      }
    }
    return;
  }
  case NodeKind::AssignStmt: {
    std::vector<NodeId> lhs = t.kids(t.kid(s, 0)), rhs = t.kids(t.kid(s, 1));
    Tok op = t[s].op;
    if (op != Tok::Assign && op != Tok::Define) {
      // x op= y is x = x op y with the binary node being the statement.
      Value *v = binary(s);
      assign(lhs[0], v);
      return;
    }
    std::vector<Value *> vals;
    if (rhs.size() == 1 && lhs.size() > 1) call(rhs[0], &vals);
    else for (NodeId e : rhs) vals.push_back(expr(e));
    for (size_t i = 0; i < lhs.size() && i < vals.size(); ++i) assign(lhs[i], vals[i]);
    return;
  }
  case NodeKind::IncDecStmt: {
    NodeId x = t.kid(s, 0);
    Value *v = expr(x);
    Value *one = value(Op::ConstInt, v->type, {}, pos(s));
    one->auxInt = 1;
    assign(x, value(t[s].op == Tok::Inc ? Op::Add : Op::Sub, v->type, {v, one}, pos(s)));
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
    unsupported(pos(s), "range over " + types::typeString(typeOf(t.kid(s, 2))));
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
                          t.kind(inner) == NodeKind::RangeStmt))
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
    unsupported(pos(s), "type switch");
    return;
  }
  Pos p = pos(s);
  Value *tag = nullptr;
  if (tagNode.valid()) tag = expr(tagNode);
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
      if (tag) {
        Value *cv = conv(expr(c), tag->type, pos(c));
        cond = value(Op::Eq, basic(BasicKind::Bool), {tag, cv}, pos(c));
      } else {
        cond = expr(c);
      }
      Block *next = newBlock();
      cur_->kind = BlockKind::If;
      cur_->control = cond;
      Func::addEdge(cur_, bodies[i]);
      Func::addEdge(cur_, next);
      seal(next);
      startBlock(next);
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
  (void)p;
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
  cur_->kind = BlockKind::Ret;
  cur_->control = value(Op::Return, tt_.tuple(want), vals, pos(s));
}

//===-- expressions --------------------------------------------------------===//

Value *Builder::constant(const types::TypeAndValue &tv, Pos p) {
  const Type *t = types::isUntyped(tv.type) ? types::defaultType(tt_, tv.type) : tv.type;
  const types::Constant &c = *tv.value;
  switch (c.kind()) {
  case types::Constant::Kind::Bool: {
    Value *v = value(Op::ConstBool, t, {}, p);
    v->auxInt = c.boolVal();
    return v;
  }
  case types::Constant::Kind::String: {
    Value *v = value(Op::ConstString, t, {}, p);
    v->aux = c.stringVal();
    return v;
  }
  default: {
    if (types::isFloat(t)) {
      // Rounded to the type first: a float32 constant is the float32
      // nearest the exact value.
      double d = c.toDouble();
      if (types::under(t)->basic == BasicKind::Float32) d = double(float(d));
      Value *v = value(Op::ConstFloat, t, {}, p);
      std::memcpy(&v->auxInt, &d, sizeof d);
      return v;
    }
    Value *v = value(Op::ConstInt, t, {}, p);
    auto iv = c.toInt();
    v->auxInt = iv ? iv->int64Val() : 0;
    return v;
  }
  }
}

Value *Builder::conv(Value *v, const Type *to, Pos p) {
  if (!to || v->type == to) return v;
  const Type *fu = types::under(v->type), *tu = types::under(to);
  if (fu == tu) return v;
  bool fromNum = types::isInteger(fu) || types::isFloat(fu), toNum = types::isInteger(tu) || types::isFloat(tu);
  if (fromNum && toNum) return value(Op::Conv, to, {v}, p);
  if (types::isInteger(fu) && types::isString(tu)) {
    // string(rune): the UTF-8 encoding, "\uFFFD" when not a valid code point
    // (any integer type; values beyond int64 are invalid either way).
    Value *c = value(Op::RuntimeCall, to, {value(Op::Conv, basic(BasicKind::Int64), {v}, p)}, p);
    c->aux = "runtime.intstring";
    return c;
  }
  if ((types::isString(fu) && types::isString(tu)) || (types::isBoolean(fu) && types::isBoolean(tu))) return v;
  auto byteSlice = [](const Type *u) {
    return u->kind == types::TypeKind::Slice && types::under(u->elem)->isBasic(BasicKind::Uint8);
  };
  auto runeSlice = [](const Type *u) {
    return u->kind == types::TypeKind::Slice && types::under(u->elem)->isBasic(BasicKind::Int32);
  };
  if (types::isString(fu) && (byteSlice(tu) || runeSlice(tu))) {
    Value *c = value(Op::RuntimeCall, to, {v}, p);
    c->aux = byteSlice(tu) ? "runtime.stringtoslicebyte" : "runtime.stringtoslicerune";
    return c;
  }
  if ((byteSlice(fu) || runeSlice(fu)) && types::isString(tu)) {
    Value *c = value(Op::RuntimeCall, to, {value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {v}, p),
                                            value(Op::SliceLen, basic(BasicKind::Int), {v}, p)}, p);
    c->aux = byteSlice(fu) ? "runtime.slicebytetostring" : "runtime.slicerunetostring";
    return c;
  }
  if (fu->kind == types::TypeKind::Slice && tu->kind == types::TypeKind::Slice && fu->elem == tu->elem) return v;
  unsupported(p, "conversion from " + types::typeString(v->type) + " to " + types::typeString(to));
  return v;
}

void Builder::panicIf(Value *cond, const char *fn, Pos p, std::vector<Value *> args) {
  Block *panic = newBlock(BlockKind::Exit), *ok = newBlock();
  cur_->kind = BlockKind::If;
  cur_->control = cond;
  Func::addEdge(cur_, panic);
  Func::addEdge(cur_, ok);
  seal(panic);
  seal(ok);
  startBlock(panic);
  Value *c = value(Op::RuntimeCall, tt_.tuple({}), std::move(args), p);
  c->aux = fn;
  panic->control = c;
  startBlock(ok);
}

Value *Builder::indexValue(NodeId e, bool &isUnsigned) {
  Value *v = expr(e);
  isUnsigned = types::isUnsigned(v->type);
  // Indices wider than int (or unsigned ones at least as wide) convert
  // with a check of their own in gc; on 64-bit targets only uint64/uint/
  // uintptr values above MaxInt64 differ, and they are out of range as
  // unsigned anyway.
  return conv(v, basic(BasicKind::Int), pos(e));
}

void Builder::rangeString(NodeId s) {
  // for i, r := range str (spec "For statements with range clause"): i
  // steps over the UTF-8 encoding, r is the rune there (U+FFFD and width
  // 1 for an invalid byte, as runtime.decoderune); ASCII is decoded inline.
  const syntax::Tree &t = *tree_;
  Pos p = pos(s);
  NodeId keyN = t.kid(s, 0), valN = t.kid(s, 1);
  bool isDefine = t[s].op == Tok::Define;
  const Type *intT = basic(BasicKind::Int), *runeT = basic(BasicKind::Int32), *boolT = basic(BasicKind::Bool);
  Value *str = expr(t.kid(s, 2));
  Value *n = value(Op::StringLen, intT, {str}, p);
  Value *base = value(Op::StringPtr, basic(BasicKind::UnsafePointer), {str}, p);
  // Hidden variables: the index, the next index and the rune.
  const Object *iv = prog_.newObject(ObjKind::Var, ".i", p, intT);
  const Object *nextv = prog_.newObject(ObjKind::Var, ".next", p, intT);
  const Object *rv = prog_.newObject(ObjKind::Var, ".r", p, runeT);
  writeVar(iv, cur_, value(Op::ConstInt, intT, {}, p));
  Block *header = newBlock(), *body = newBlock(), *post = newBlock(), *exit = newBlock();
  Block *ascii = newBlock(), *multi = newBlock(), *decoded = newBlock();
  header->pos = p;
  jump(header);
  startBlock(header);
  Value *i = readVar(iv, header);
  cur_->kind = BlockKind::If;
  cur_->control = value(Op::Less, boolT, {i, n}, p);
  Func::addEdge(cur_, body);
  Func::addEdge(cur_, exit);
  seal(body);
  startBlock(body);
  Value *b = value(Op::LoadByte, basic(BasicKind::Uint8), {value(Op::AddPtr, basic(BasicKind::UnsafePointer), {base, i}, p)}, p);
  Value *lim = value(Op::ConstInt, basic(BasicKind::Uint8), {}, p);
  lim->auxInt = 0x80;
  cur_->kind = BlockKind::If;
  cur_->control = value(Op::Less, boolT, {b, lim}, p);
  Func::addEdge(cur_, ascii);
  Func::addEdge(cur_, multi);
  seal(ascii);
  seal(multi);
  startBlock(ascii);
  Value *one = value(Op::ConstInt, intT, {}, p);
  one->auxInt = 1;
  writeVar(rv, ascii, conv(b, runeT, p));
  writeVar(nextv, ascii, value(Op::Add, intT, {i, one}, p));
  jump(decoded);
  startBlock(multi);
  Value *d = value(Op::RuntimeCall, tt_.tuple({runeT, intT}), {str, i}, p);
  d->aux = "runtime.decoderune";
  Value *r = value(Op::Select, runeT, {d}, p);
  Value *nx = value(Op::Select, intT, {d}, p);
  nx->auxInt = 1;
  writeVar(rv, multi, r);
  writeVar(nextv, multi, nx);
  jump(decoded);
  seal(decoded);
  startBlock(decoded);
  bindRange(keyN, i, isDefine, p);
  bindRange(valN, readVar(rv, cur_), isDefine, p);
  rangeBody(s, exit, post);
  writeVar(iv, post, readVar(nextv, post));
  jump(header);
  seal(header);
  seal(exit);
  startBlock(exit);
}

Value *Builder::sliceElemAddr(NodeId e) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  Value *sl = expr(t.kid(e, 0));
  bool uns;
  Value *i = indexValue(t.kid(e, 1), uns);
  indexCheck(i, value(Op::SliceLen, basic(BasicKind::Int), {sl}, p), uns, p);
  return elemAddr(value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {sl}, p), i, types::under(sl->type)->elem, p);
}

void Builder::indexCheck(Value *i, Value *n, bool isUnsigned, Pos p) {
  const Type *uintT = basic(BasicKind::Uint);
  Value *ok = value(Op::Less, basic(BasicKind::Bool), {conv(i, uintT, p), conv(n, uintT, p)}, p);
  panicIf(value(Op::Not, basic(BasicKind::Bool), {ok}, p), isUnsigned ? "runtime.panicIndexU" : "runtime.panicIndex",
          p, {i, n});
}

void Builder::rangeBody(NodeId s, Block *exit, Block *post) {
  loops_.push_back({exit, post, std::move(pendingLabel_)});
  pendingLabel_.clear();
  stmt(tree_->kid(s, 3));
  loops_.pop_back();
  jump(post);
  seal(post);
  startBlock(post);
}

Value *Builder::sliceSlice(NodeId e) {
  // s[lo:hi:max] with gc's checks, outermost first: max <= cap, hi <= max,
  // lo <= hi; an empty result keeps the base pointer.
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  Value *sl = expr(t.kid(e, 0));
  const Type *intT = basic(BasicKind::Int), *uintT = basic(BasicKind::Uint), *boolT = basic(BasicKind::Bool);
  bool loU = false, hiU = false, maxU = false, three = t[e].op == Tok::Colon;
  Value *lo = t.kid(e, 1).valid() ? indexValue(t.kid(e, 1), loU) : nullptr;
  Value *hi = t.kid(e, 2).valid() ? indexValue(t.kid(e, 2), hiU) : nullptr;
  Value *mx = three && t.kid(e, 3).valid() ? indexValue(t.kid(e, 3), maxU) : nullptr;
  Value *cap = value(Op::SliceCap, intT, {sl}, p);
  auto check = [&](Value *a, Value *b, bool u, const char *fn, const char *fnU) {
    panicIf(value(Op::Greater, boolT, {conv(a, uintT, p), conv(b, uintT, p)}, p), u ? fnU : fn, p, {a, b});
  };
  if (mx) check(mx, cap, maxU, "runtime.panicSlice3Acap", "runtime.panicSlice3AcapU");
  else mx = cap;
  if (hi) {
    if (three) check(hi, mx, hiU, "runtime.panicSlice3B", "runtime.panicSlice3BU");
    else check(hi, cap, hiU, "runtime.panicSliceAcap", "runtime.panicSliceAcapU");
  } else {
    hi = value(Op::SliceLen, intT, {sl}, p);
  }
  if (lo) {
    if (three) check(lo, hi, loU, "runtime.panicSlice3C", "runtime.panicSlice3CU");
    else check(lo, hi, loU, "runtime.panicSliceB", "runtime.panicSliceBU");
  } else {
    lo = intConst(0, p);
  }
  Value *len = value(Op::Sub, intT, {hi, lo}, p), *ncap = value(Op::Sub, intT, {mx, lo}, p);
  int64_t w = types::layoutOf(types::under(sl->type)->elem).size;
  Value *zero = intConst(0, p);
  Value *delta = value(Op::CondSelect, intT,
                       {value(Op::Eq, boolT, {ncap, zero}, p), zero, value(Op::Mul, intT, {lo, intConst(w, p)}, p)}, p);
  Value *ptr = value(Op::AddPtr, basic(BasicKind::UnsafePointer), {value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {sl}, p), delta}, p);
  return value(Op::SliceMake, typeOf(e), {ptr, len, ncap}, p);
}

Value *Builder::appendCall(NodeId e) {
  // append(s, x...): grow through runtime.growslice when the capacity is
  // short (gc's growth and size classes), then store the new elements.
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  const Type *st = typeOf(e), *et = types::under(st)->elem;
  const Type *intT = basic(BasicKind::Int), *boolT = basic(BasicKind::Bool), *ptrT = basic(BasicKind::UnsafePointer);
  Value *sl = conv(expr(t.kid(e, 1)), st, p);
  if (t[e].op == Tok::Ellipsis) {
    unsupported(p, "append(s, t...)");
    return sl;
  }
  std::vector<Value *> xs;
  for (size_t i = 2; i < t.numKids(e); ++i) xs.push_back(conv(expr(t.kid(e, i)), et, p));
  if (xs.empty()) return sl;
  const Object *sv = prog_.newObject(ObjKind::Var, ".append", p, st);
  writeVar(sv, cur_, sl);
  Value *oldLen = value(Op::SliceLen, intT, {sl}, p);
  Value *newLen = value(Op::Add, intT, {oldLen, intConst(int64_t(xs.size()), p)}, p);
  Value *cap = value(Op::SliceCap, intT, {sl}, p);
  Block *grow = newBlock(), *store = newBlock();
  cur_->kind = BlockKind::If;
  cur_->control = value(Op::Greater, boolT, {newLen, cap}, p);
  Func::addEdge(cur_, grow);
  Func::addEdge(cur_, store);
  Block *from = cur_;
  seal(grow);
  startBlock(grow);
  Value *g = value(Op::RuntimeCall, st,
                   {typeDesc(et, p), value(Op::SlicePtr, ptrT, {sl}, p), oldLen, cap, newLen}, p);
  g->aux = "runtime.growslice";
  writeVar(sv, grow, g);
  jump(store);
  (void)from;
  seal(store);
  startBlock(store);
  Value *cur = readVar(sv, store);
  Value *res = value(Op::SliceMake, st, {value(Op::SlicePtr, ptrT, {cur}, p), newLen, value(Op::SliceCap, intT, {cur}, p)}, p);
  Value *base = value(Op::SlicePtr, ptrT, {res}, p);
  for (size_t k = 0; k < xs.size(); ++k) {
    Value *idx = value(Op::Add, intT, {oldLen, intConst(int64_t(k), p)}, p);
    value(Op::Store, tt_.tuple({}), {elemAddr(base, idx, et, p), xs[k]}, p);
  }
  return res;
}

void Builder::rangeSlice(NodeId s) {
  // for i, v := range sl: the slice is evaluated once; v is a copy of
  // sl[i] made at the start of each iteration.
  const syntax::Tree &t = *tree_;
  Pos p = pos(s);
  NodeId keyN = t.kid(s, 0), valN = t.kid(s, 1);
  bool isDefine = t[s].op == Tok::Define;
  const Type *intT = basic(BasicKind::Int), *boolT = basic(BasicKind::Bool);
  Value *sl = expr(t.kid(s, 2));
  const Type *et = types::under(sl->type)->elem;
  Value *n = value(Op::SliceLen, intT, {sl}, p);
  Value *base = value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {sl}, p);
  const Object *iv = prog_.newObject(ObjKind::Var, ".i", p, intT);
  writeVar(iv, cur_, intConst(0, p));
  Block *header = newBlock(), *body = newBlock(), *post = newBlock(), *exit = newBlock();
  header->pos = p;
  jump(header);
  startBlock(header);
  Value *i = readVar(iv, header);
  cur_->kind = BlockKind::If;
  cur_->control = value(Op::Less, boolT, {i, n}, p);
  Func::addEdge(cur_, body);
  Func::addEdge(cur_, exit);
  seal(body);
  startBlock(body);
  bindRange(keyN, i, isDefine, p);
  if (valN.valid()) {
    bindRange(valN, value(Op::Load, et, {elemAddr(base, i, et, p)}, p), isDefine, p);
  }
  rangeBody(s, exit, post);
  writeVar(iv, post, value(Op::Add, intT, {readVar(iv, post), intConst(1, p)}, p));
  jump(header);
  seal(header);
  seal(exit);
  startBlock(exit);
}

Value *Builder::stringIndex(NodeId e) {
  // s[i]: 0 <= i < len(s) (one unsigned comparison), else gc's
  // "index out of range [i] with length n".
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  Value *s = expr(t.kid(e, 0));
  bool uns;
  Value *i = indexValue(t.kid(e, 1), uns);
  indexCheck(i, value(Op::StringLen, basic(BasicKind::Int), {s}, p), uns, p);
  Value *addr = value(Op::AddPtr, basic(BasicKind::UnsafePointer), {value(Op::StringPtr, basic(BasicKind::UnsafePointer), {s}, p), i}, p);
  return value(Op::LoadByte, basic(BasicKind::Uint8), {addr}, p);
}

Value *Builder::stringSlice(NodeId e) {
  // s[lo:hi]: hi <= len(s), then lo <= hi (gc's order of checks and
  // messages); an empty result does not point past the data.
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  Value *s = expr(t.kid(e, 0));
  const Type *intT = basic(BasicKind::Int), *uintT = basic(BasicKind::Uint), *boolT = basic(BasicKind::Bool);
  bool loU = false, hiU = false;
  Value *lo = t.kid(e, 1).valid() ? indexValue(t.kid(e, 1), loU) : nullptr;
  Value *hi = t.kid(e, 2).valid() ? indexValue(t.kid(e, 2), hiU) : nullptr;
  Value *n = value(Op::StringLen, intT, {s}, p);
  if (hi) {
    Value *bad = value(Op::Greater, boolT, {conv(hi, uintT, p), conv(n, uintT, p)}, p);
    panicIf(bad, hiU ? "runtime.panicSliceAlenU" : "runtime.panicSliceAlen", p, {hi, n});
  } else {
    hi = n;
  }
  if (lo) {
    Value *bad = value(Op::Greater, boolT, {conv(lo, uintT, p), conv(hi, uintT, p)}, p);
    panicIf(bad, loU ? "runtime.panicSliceBU" : "runtime.panicSliceB", p, {lo, hi});
  } else {
    return value(Op::StringMake, typeOf(e), {value(Op::StringPtr, basic(BasicKind::UnsafePointer), {s}, p), hi}, p);
  }
  Value *len = value(Op::Sub, intT, {hi, lo}, p);
  Value *zero = value(Op::ConstInt, intT, {}, p);
  Value *delta = value(Op::CondSelect, intT, {value(Op::Eq, boolT, {len, zero}, p), zero, lo}, p);
  Value *ptr = value(Op::AddPtr, basic(BasicKind::UnsafePointer), {value(Op::StringPtr, basic(BasicKind::UnsafePointer), {s}, p), delta}, p);
  return value(Op::StringMake, typeOf(e), {ptr, len}, p);
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
  cur_->kind = BlockKind::If;
  cur_->control = c;
  Func::addEdge(cur_, yes);
  Func::addEdge(cur_, no);
}

Value *Builder::expr(NodeId e) {
  const syntax::Tree &t = *tree_;
  const types::TypeAndValue &v = tv(e);
  if (!lowerable(typeOf(e))) {
    unsupported(pos(e), "a value of type " + types::typeString(typeOf(e)));
    return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
  }
  if (v.value) return constant(v, pos(e));
  switch (t.kind(e)) {
  case NodeKind::ParenExpr:
    return expr(t.kid(e, 0));
  case NodeKind::Ident: {
    const Object *o = info_->uses[e.index];
    assert(o && "identifier without object after type checking");
    if (o->kind == ObjKind::Var) {
      if (o->isGlobal) {
        Value *l = value(Op::LoadGlobal, o->type, {}, pos(e));
        l->aux = o->linkName();
        return l;
      }
      return load(o, pos(e));
    }
    if (o->kind == ObjKind::Func && !o->isMethod && o->pkg == &pkg_) {
      Value *v = value(Op::FuncAddr, typeOf(e), {}, pos(e));
      v->aux = o->linkName();
      return v;
    }
    if (o->kind == ObjKind::Nil) return value(Op::ConstInt, typeOf(e), {}, pos(e));
    unsupported(pos(e), "a function value");
    return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
  }
  case NodeKind::FuncLit:
    return funcLit(e);
  case NodeKind::CompositeLit:
    if (types::under(typeOf(e))->kind == types::TypeKind::Slice) {
      // []T{a, b, c}: a new array holding the elements in order.
      const Type *st = typeOf(e), *et = types::under(st)->elem;
      std::vector<Value *> xs;
      for (size_t i = 1; i < t.numKids(e); ++i) {
        NodeId el = t.kid(e, i);
        if (t.kind(el) == NodeKind::KeyValueExpr) {
          unsupported(pos(el), "an indexed element in a slice literal");
          return value(Op::ConstInt, st, {}, pos(e));
        }
        xs.push_back(conv(expr(el), et, pos(el)));
      }
      return sliceOf(st, xs, pos(e));
    }
    unsupported(pos(e), "a composite literal of type " + types::typeString(typeOf(e)));
    return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
  case NodeKind::StarExpr: {
    Value *ptr = nilChecked(expr(t.kid(e, 0)), pos(e));
    return value(Op::Load, typeOf(e), {ptr}, pos(e));
  }
  case NodeKind::UnaryExpr: {
    if (t[e].op == Tok::And) {
      // &x: the cell of a local (findHeapVars gave it one) or the global.
      NodeId x = t.kid(e, 0);
      while (t.kind(x) == NodeKind::ParenExpr) x = t.kid(x, 0);
      const Object *o = t.kind(x) == NodeKind::Ident ? info_->uses[x.index] : nullptr;
      if (o && o->kind == ObjKind::Var && o->isGlobal) {
        Value *a = value(Op::GlobalAddr, typeOf(e), {}, pos(e));
        a->aux = o->linkName();
        return a;
      }
      if (o && heapVars_.count(o)) return readVar(o, cur_);
      unsupported(pos(e), "taking the address of " + std::string(syntax::nodeKindName(t.kind(x))));
      return value(Op::ConstInt, typeOf(e), {}, pos(e));
    }
    Value *x = expr(t.kid(e, 0));
    switch (t[e].op) {
    case Tok::Sub: return value(Op::Neg, typeOf(e), {x}, pos(e));
    case Tok::Xor: return value(Op::Com, typeOf(e), {x}, pos(e));
    case Tok::Not: return value(Op::Not, typeOf(e), {x}, pos(e));
    default: return x;
    }
  }
  case NodeKind::BinaryExpr: {
    Tok op = t[e].op;
    if (op == Tok::LAnd || op == Tok::LOr) {
      // Materialize a short-circuit condition as a phi of constants.
      Block *yes = newBlock(), *no = newBlock(), *join = newBlock();
      condBranch(e, yes, no);
      seal(yes);
      seal(no);
      startBlock(yes);
      Value *tv1 = value(Op::ConstBool, typeOf(e), {}, pos(e));
      tv1->auxInt = 1;
      jump(join);
      startBlock(no);
      Value *fv = value(Op::ConstBool, typeOf(e), {}, pos(e));
      jump(join);
      seal(join);
      startBlock(join);
      Value *phi = value(Op::Phi, typeOf(e), {tv1, fv}, pos(e));
      return phi;
    }
    return binary(e);
  }
  case NodeKind::IndexExpr:
    if (types::isString(typeOf(t.kid(e, 0)))) return stringIndex(e);
    if (types::under(typeOf(t.kid(e, 0)))->kind == types::TypeKind::Slice)
      return value(Op::Load, typeOf(e), {sliceElemAddr(e)}, pos(e));
    unsupported(pos(e), "expression IndexExpr");
    return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
  case NodeKind::SliceExpr:
    if (types::isString(typeOf(t.kid(e, 0)))) return stringSlice(e);
    if (types::under(typeOf(t.kid(e, 0)))->kind == types::TypeKind::Slice) return sliceSlice(e);
    unsupported(pos(e), "expression SliceExpr");
    return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
  case NodeKind::CallExpr: {
    Value *c = call(e, nullptr);
    if (!c) {
      unsupported(pos(e), "a call used as a value");
      return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
    }
    return c;
  }
  default:
    unsupported(pos(e), "expression " + std::string(syntax::nodeKindName(t.kind(e))));
    return value(Op::ConstInt, basic(BasicKind::Int), {}, pos(e));
  }
}

Value *Builder::binary(NodeId e) {
  const syntax::Tree &t = *tree_;
  NodeId lhs = t.kid(e, 0), rhs = t.kid(e, 1);
  Tok op = t[e].op;
  bool isAssign = t.kind(e) == NodeKind::AssignStmt;
  if (isAssign) {
    lhs = t.kid(t.kid(e, 0), 0);
    rhs = t.kid(t.kid(e, 1), 0);
    op = syntax::assignOpBinary(op);
  }
  // x == nil and nil == x: nil takes the other operand's type.
  auto isNil = [&](NodeId n) { return tv(n).type && tv(n).type->isBasic(BasicKind::UntypedNil); };
  Value *x = isNil(lhs) ? nullptr : expr(lhs);
  Value *y = isNil(rhs) ? nullptr : expr(rhs);
  if (!x && y) x = value(Op::ConstInt, y->type, {}, pos(lhs));
  if (!y && x) y = value(Op::ConstInt, x->type, {}, pos(rhs));
  if (!x || !y) {
    unsupported(pos(e), "nil == nil");
    return value(Op::ConstBool, basic(BasicKind::Bool), {}, pos(e));
  }
  Pos p = pos(e);
  if (types::under(x->type)->kind == types::TypeKind::Slice) {
    // A slice compares only with nil: its array pointer does.
    x = value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {x}, p);
    y = value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {y}, p);
  }
  const Type *rt = isAssign ? x->type : typeOf(e);
  switch (op) {
  case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq: {
    y = conv(y, x->type, p);
    Op o = op == Tok::Eql ? Op::Eq : op == Tok::Neq ? Op::Neq : op == Tok::Lss ? Op::Less
         : op == Tok::Leq ? Op::Leq : op == Tok::Gtr ? Op::Greater : Op::Geq;
    return value(o, rt, {x, y}, p);
  }
  case Tok::Shl: case Tok::Shr: {
    if (!types::isUnsigned(y->type) && !tv(rhs).value) {
      Value *zero = value(Op::ConstInt, y->type, {}, p);
      panicIf(value(Op::Less, basic(BasicKind::Bool), {y, zero}, p), "runtime.panicshift", p);
    }
    x = conv(x, rt, p);
    return value(op == Tok::Shl ? Op::Lsh : Op::Rsh, rt, {x, y}, p);
  }
  case Tok::Quo: case Tok::Rem: {
    x = conv(x, rt, p);
    y = conv(y, rt, p);
    bool nonzeroConst = tv(rhs).value && tv(rhs).value->sign() != 0;
    if (types::isInteger(rt) && !nonzeroConst) {
      Value *zero = value(Op::ConstInt, rt, {}, p);
      panicIf(value(Op::Eq, basic(BasicKind::Bool), {y, zero}, p), "runtime.panicdivide", p);
    }
    return value(op == Tok::Quo ? Op::Div : Op::Mod, rt, {x, y}, p);
  }
  default: {
    x = conv(x, rt, p);
    y = conv(y, rt, p);
    if (types::isString(rt)) {
      Value *c = value(Op::RuntimeCall, rt, {x, y}, p);
      c->aux = "runtime.concatstring2";
      return c;
    }
    Op o;
    switch (op) {
    case Tok::Add: o = Op::Add; break;
    case Tok::Sub: o = Op::Sub; break;
    case Tok::Mul: o = Op::Mul; break;
    case Tok::And: o = Op::And; break;
    case Tok::Or: o = Op::Or; break;
    case Tok::Xor: o = Op::Xor; break;
    default: o = Op::AndNot; break;
    }
    return value(o, rt, {x, y}, p);
  }
  }
}

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
    const Type *u = types::under(a->type);
    if (types::isBoolean(u)) rt("runtime.printbool", {a});
    else if (types::isString(u)) rt("runtime.printstring", {a});
    else if (types::isFloat(u)) rt("runtime.printfloat", {conv(a, basic(BasicKind::Float64), p)});
    else if (u->kind == types::TypeKind::Slice) rt("runtime.printslice", {a});
    else if (u->kind == types::TypeKind::Pointer || u->kind == types::TypeKind::Signature)
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
  for (size_t i = first; i < args.size() && i - first < np; ++i) args[i] = conv(args[i], params[i - first], p);
}

Value *Builder::closureCall(NodeId e, std::vector<Value *> *results) {
  // f(...) for a func value f: nil panics as gc's call through a nil
  // pointer does; otherwise the closure is passed as the context.
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  NodeId fun = t.kid(e, 0);
  Value *fv = nilChecked(expr(fun), p);
  const Type *sig = types::under(fv->type);
  std::vector<Value *> args{fv};
  callArgs(e, sig, args, 1);
  auto res = sig->results();
  const Type *rt = res.size() == 1 ? res[0] : tt_.tuple(res);
  Value *c = value(Op::ClosureCall, rt, args, p);
  if (results) {
    if (res.size() == 1) results->push_back(c);
    else
      for (size_t i = 0; i < res.size(); ++i) {
        Value *sv = value(Op::Select, res[i], {c}, p);
        sv->auxInt = int64_t(i);
        results->push_back(sv);
      }
  }
  return res.empty() ? nullptr : c;
}

Value *Builder::call(NodeId e, std::vector<Value *> *results) {
  const syntax::Tree &t = *tree_;
  NodeId fun = t.kid(e, 0);
  while (t.kind(fun) == NodeKind::ParenExpr) fun = t.kid(fun, 0);
  const types::TypeAndValue &ftv = tv(fun);
  Pos p = pos(e);
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
      if (types::under(x->type)->kind == types::TypeKind::Slice)
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
      if (types::under(dst->type)->kind != types::TypeKind::Slice) {
        unsupported(p, "copy into " + types::typeString(dst->type));
        return nullptr;
      }
      int64_t w = types::layoutOf(types::under(dst->type)->elem).size;
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
      NodeId a = t.kid(e, 1);
      const Type *at = typeOf(a);
      if (types::isInterface(at) || types::under(at)->kind != types::TypeKind::Basic ||
          types::isComplex(at) || (at->kind == types::TypeKind::Named && !at->methods.empty())) {
        unsupported(p, "panic with a value of type " + types::typeString(at));
        return nullptr;
      }
      Value *x = conv(expr(a), at, p);
      Value *td = value(Op::TypeDesc, basic(BasicKind::UnsafePointer), {}, p);
      td->auxType = at;
      td->aux = types::typeString(at);
      Value *data = value(Op::Box, basic(BasicKind::UnsafePointer), {x}, p);
      Value *c = value(Op::RuntimeCall, tt_.tuple({}), {td, data}, p);
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
  if (t.kind(fun) == NodeKind::SelectorExpr) {
    callee = info_->uses[t.kid(fun, 1).index];
    if (callee && callee->isMethod) {
      // x.m(...) with m declared on x's own named type, value receiver:
      // the receiver is the first argument.
      NodeId x = t.kid(fun, 0);
      const Type *xt = typeOf(x);
      if (callee->ptrRecv || tv(x).mode == types::Mode::TypeExpr || xt != callee->recvType) {
        unsupported(p, "a call of a method through a pointer, an embedded field or a method expression");
        return nullptr;
      }
      args.push_back(expr(x));
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
  c->aux = callee ? callee->linkName() : "?";
  if (results) {
    if (res.size() == 1) {
      results->push_back(c);
    } else {
      for (size_t i = 0; i < res.size(); ++i) {
        Value *s = value(Op::Select, res[i], {c}, p);
        s->auxInt = int64_t(i);
        results->push_back(s);
      }
    }
  }
  return c;
}

} // namespace

std::unique_ptr<Package> build(const types::Package &pkg, const escape::Facts &facts,
                               types::Program &prog, const SourceManager &sm, Diagnostics &diags) {
  (void)facts; // no variable of the thin subset lives on the heap
  auto out = std::make_unique<Package>();
  out->path = pkg.path;
  out->types = &prog;
  for (const Object *g : pkg.globals)
    if (g->name != "_") out->globals.push_back({g->linkName(), g->type});
  Builder b(pkg, prog, sm, diags);
  for (const Object *fn : pkg.funcs) {
    if (!fn->tree || !fn->type || !fn->tree->kid(fn->decl, syntax::FuncBody).valid()) continue;
    if (fn->isMethod && fn->ptrRecv) {
      diags.error(fn->pos, "method declaration with a pointer receiver is not supported by origo yet");
      continue;
    }
    if (fn->isMethod && fn->recvType && !fn->recvType->typeParams.empty()) {
      diags.error(fn->pos, "method of a generic type is not supported by origo yet");
      continue;
    }
    out->funcs.push_back(b.function(fn));
    // Literals inside it (and inside those) after it, as they were met.
    for (size_t i = 0; i < b.pendingLiterals_.size(); ++i) out->funcs.push_back(b.literal(b.pendingLiterals_[i]));
    b.pendingLiterals_.clear();
  }
  out->initFunc = pkg.path + ".init";
  out->funcs.push_back(b.initFunction(out->initFunc));
  return out;
}

} // namespace origo::ssa
