//===- escape/flows.cpp - the escape graph of a batch of functions --------===//
/// \file
/// Walks the typed tree of each function of a batch and adds gc's flows:
/// every expression is evaluated into a hole (where its value goes, with
/// how many dereferences), assignments give holes of their left sides,
/// calls route arguments to the callee's parameters (same batch) or
/// through its leak tags (earlier batches), and anything the analysis
/// cannot follow (calls of func values and interface methods, functions
/// without bodies, stores through pointers, channels, maps) goes to the
/// heap. Loops raise the loop depth of what is declared inside them, and
/// so do labels that a later goto jumps back to.
//===----------------------------------------------------------------------===//
#include "escape/graph.h"

#include "types/layout.h"

#include <functional>

namespace origo::escape {

using syntax::NodeId;
using syntax::NodeKind;
using syntax::Tok;
using types::Object;
using types::ObjKind;
using types::Type;
using types::TypeKind;

namespace {

/// gc's limits: larger implicit allocations (new, &T{}, make, literals)
/// and variables go to the heap.
constexpr int64_t MaxImplicitStackSize = 64 * 1024;
constexpr int64_t MaxStackVarSize = 10 * 1024 * 1024;
/// Captured variables up to this size may be captured by value.
constexpr int64_t MaxByValueSize = 128;

class Flows {
public:
  Flows(Batch &b, const types::Package &pkg, const Tags &tags) : b_(b), pkg_(pkg), tags_(tags) {}

  void declared(const std::vector<const Object *> &decls) {
    // Every function of the batch gets its parameters first: calls
    // between them flow straight into those.
    for (const Object *fn : decls) {
      auto f = std::make_unique<Fn>();
      f->obj = fn;
      f->tree = fn->tree;
      f->node = fn->decl;
      byObj_[fn] = f.get();
      b_.fns.push_back(std::move(f));
    }
    for (const Object *fn : decls) {
      Fn *f = byObj_[fn];
      setTree(f->tree);
      const types::Object *recv = nullptr;
      if (fn->isMethod) {
        auto rit = info_->receivers.find(fn->decl.index);
        recv = rit != info_->receivers.end() ? rit->second : nullptr;
      }
      signature(f, fn->type, recv);
    }
    for (const Object *fn : decls) {
      Fn *f = byObj_[fn];
      setTree(f->tree);
      body(f, tree_->kid(fn->decl, syntax::FuncBody));
    }
    captures();
  }

private:
  Batch &b_;
  const types::Package &pkg_;
  const Tags &tags_;
  std::map<const Object *, Fn *> byObj_;
  const syntax::Tree *tree_ = nullptr;
  const types::FileInfo *info_ = nullptr;
  Fn *fn_ = nullptr;
  int depth_ = 0;
  std::set<std::string> looping_; ///< labels of the current function a later goto jumps back to
  enum class CallMode { Normal, Heap, Later } mode_ = CallMode::Normal;

  void setTree(const syntax::Tree *t) {
    tree_ = t;
    info_ = &pkg_.infoFor(t);
  }
  const syntax::Tree &t() const { return *tree_; }
  const types::TypeAndValue &tv(NodeId e) const { return info_->types[e.index]; }
  const Type *typeOf(NodeId e) const { return tv(e).type; }
  NodeKind kind(NodeId e) const { return t().kind(e); }
  NodeId kid(NodeId e, size_t i) const { return t().kid(e, i); }
  size_t numKids(NodeId e) const { return t().numKids(e); }
  NodeId unparen(NodeId e) const {
    while (e.valid() && kind(e) == NodeKind::ParenExpr) e = kid(e, 0);
    return e;
  }
  Hole discard() const { return Hole{}; }
  Hole heapHole() { return Hole{&b_.heap, 0}; }
  static Hole holeOf(Location *l) { return Hole{l, 0}; }
  static bool isPointer(const Type *t) { return t && types::under(t) && types::under(t)->kind == TypeKind::Pointer; }
  static TypeKind kindOf(const Type *t) {
    const Type *u = t ? types::under(t) : nullptr;
    return u ? u->kind : TypeKind::Basic;
  }

  // --- locations

  Location *declare(const Object *o) {
    Location *l = b_.newLoc(Location::Var, fn_, depth_);
    l->var = o;
    b_.vars[o] = l;
    if (o->type && !types::isTypeParam(o->type) && types::layoutOf(o->type).size > MaxStackVarSize)
      b_.flow(heapHole().addr(), l);
    return l;
  }
  Location *varLoc(const Object *o) {
    auto it = b_.vars.find(o);
    return it != b_.vars.end() ? it->second : declare(o);
  }
  bool isLocal(const Object *o) const {
    return o && o->kind == ObjKind::Var && !o->isGlobal && !o->isField;
  }
  /// A new allocation site at node n holding size bytes: the heap's if
  /// too large or of a size known only at run time.
  Location *alloc(NodeId n, std::string what, int64_t size, bool constSize = true) {
    Location *l = b_.newLoc(Location::Alloc, fn_, depth_);
    l->site = AllocSite{tree_, n};
    l->what = std::move(what);
    if (!constSize || size > MaxImplicitStackSize) b_.flow(heapHole().addr(), l);
    return l;
  }
  /// The value of an allocation (its address) flows to k; its contents
  /// are what the returned hole receives.
  Hole spill(Hole k, Location *a) {
    b_.flow(k.addr(), a);
    return holeOf(a);
  }
  /// A temporary receiving what each of ks receives.
  Hole tee(const std::vector<Hole> &ks) {
    std::vector<Hole> live;
    for (const Hole &k : ks)
      if (k.dst) live.push_back(k);
    if (live.empty()) return discard();
    if (live.size() == 1 && live[0].derefs == 0) return live[0];
    Location *tmp = b_.newLoc(Location::Temp, fn_, depth_);
    for (const Hole &k : live) b_.flow(k, tmp);
    return holeOf(tmp);
  }
  Hole later(Hole k) {
    // Kept until the function returns (a deferred call's values).
    Location *tmp = b_.newLoc(Location::Temp, fn_, depth_);
    b_.flow(k, tmp);
    return holeOf(tmp);
  }

  // --- functions

  void signature(Fn *f, const Type *sig, const Object *recv) {
    auto pit = info_->params.find(f->node.index);
    std::vector<Object *> objs = pit != info_->params.end() ? pit->second : std::vector<Object *>{};
    size_t np = types::under(sig)->params().size();
    Fn *saved = fn_;
    fn_ = f;
    depth_ = 1;
    if (f->obj && f->obj->isMethod) {
      Location *l = recv ? declare(recv) : nullptr;
      if (l) l->paramIndex = 0;
      f->params.push_back(l);
    }
    size_t base = f->params.size();
    for (size_t i = 0; i < objs.size(); ++i) {
      Location *l = objs[i] ? declare(objs[i]) : b_.newLoc(Location::Temp, fn_, depth_);
      if (i < np) {
        l->paramIndex = int(base + i);
        f->params.push_back(l);
      } else {
        l->resultIndex = int(i - np);
        // A named result is assigned by every return statement.
        l->reassigned = true;
        f->results.push_back(l);
      }
    }
    // Parameters missing from the list (unnamed ones have no object).
    while (f->params.size() < base + np) f->params.push_back(nullptr);
    fn_ = saved;
  }

  void body(Fn *f, NodeId block) {
    Fn *savedFn = fn_;
    int savedDepth = depth_;
    std::set<std::string> savedLooping = std::move(looping_);
    fn_ = f;
    depth_ = 1;
    looping_.clear();
    findLoopingLabels(block);
    stmt(block);
    fn_ = savedFn;
    depth_ = savedDepth;
    looping_ = std::move(savedLooping);
  }

  void findLoopingLabels(NodeId block) {
    // A label is a loop head when a goto after it jumps back to it (gc's
    // "looping" labels): what is declared after it may run many times.
    std::map<std::string, Pos> labels;
    std::vector<NodeId> work{block};
    std::vector<std::pair<std::string, Pos>> gotos;
    while (!work.empty()) {
      NodeId n = work.back();
      work.pop_back();
      if (!n.valid() || kind(n) == NodeKind::FuncLit) continue;
      if (kind(n) == NodeKind::LabeledStmt) labels[std::string(t()[kid(n, 0)].text)] = t()[n].pos;
      if (kind(n) == NodeKind::BranchStmt && t()[n].op == Tok::Goto && kid(n, 0).valid())
        gotos.push_back({std::string(t()[kid(n, 0)].text), t()[n].pos});
      for (size_t i = 0; i < numKids(n); ++i) work.push_back(kid(n, i));
    }
    for (auto &[name, pos] : gotos) {
      auto it = labels.find(name);
      if (it != labels.end() && it->second < pos) looping_.insert(name);
    }
  }

  std::vector<const Object *> captured(NodeId lit) {
    // The variables of enclosing functions the literal refers to, in
    // order of first reference (as ssa/ lays out the closure).
    Pos lo = t()[lit].pos, hi = t()[kid(lit, 1)].end;
    std::vector<const Object *> out;
    std::set<const Object *> seen;
    std::vector<NodeId> work{kid(lit, 1)};
    while (!work.empty()) {
      NodeId n = work.back();
      work.pop_back();
      if (!n.valid()) continue;
      if (kind(n) == NodeKind::Ident) {
        const Object *o = info_->uses[n.index];
        if (isLocal(o) && (o->pos < lo || hi < o->pos) && seen.insert(o).second) out.push_back(o);
      }
      for (size_t i = numKids(n); i-- > 0;) work.push_back(kid(n, i));
    }
    return out;
  }

  Fn *funcLit(Hole k, NodeId lit) {
    std::vector<const Object *> caps = captured(lit);
    Location *a = alloc(lit, "func literal", int64_t(8 * (caps.size() + 1)));
    spill(k, a);
    for (const Object *o : caps) varLoc(o)->captured = true;
    b_.closures.push_back({a, caps});
    auto f = std::make_unique<Fn>();
    f->tree = tree_;
    f->node = lit;
    f->outer = fn_;
    Fn *fp = f.get();
    b_.fns.push_back(std::move(f));
    int savedDepth = depth_;
    signature(fp, typeOf(lit), nullptr);
    depth_ = savedDepth;
    body(fp, kid(lit, 1));
    return fp;
  }

  /// Decides how closures capture each variable, then adds their flows.
  void captures() {
    for (ClosureFlow &c : b_.closures)
      for (const Object *o : c.vars) {
        Location *l = varLoc(o);
        bool byValue = !l->addrTaken && !l->reassigned && o->type && !types::isTypeParam(o->type) &&
                       types::layoutOf(o->type).size <= MaxByValueSize;
        if (byValue) byValue_.insert(o);
      }
    for (ClosureFlow &c : b_.closures)
      for (const Object *o : c.vars) {
        Location *l = varLoc(o);
        if (byValue_.count(o)) b_.flow(holeOf(c.closure), l);
        else b_.flow(holeOf(c.closure).addr(), l);
      }
    b_.byValue = byValue_;
  }
  std::set<const Object *> byValue_;

  // --- statements

  void stmts(NodeId block) {
    for (size_t i = 0; i < numKids(block); ++i) stmt(kid(block, i));
  }

  void stmt(NodeId s) {
    if (!s.valid()) return;
    switch (kind(s)) {
    case NodeKind::Block: stmts(s); return;
    case NodeKind::EmptyStmt: case NodeKind::BranchStmt: return;
    case NodeKind::ExprStmt: expr(discard(), kid(s, 0)); return;
    case NodeKind::DeclStmt: decl(kid(s, 0)); return;
    case NodeKind::AssignStmt: assignStmt(s); return;
    case NodeKind::IncDecStmt: reassigned(addrHole(kid(s, 0))); return;
    case NodeKind::SendStmt:
      expr(discard(), kid(s, 0));
      expr(heapHole(), kid(s, 1));
      return;
    case NodeKind::GoStmt:
      mode_ = CallMode::Heap;
      expr(discard(), kid(s, 0));
      mode_ = CallMode::Normal;
      return;
    case NodeKind::DeferStmt:
      // In a loop, each execution needs its own record (gc: the heap);
      // otherwise what it keeps lives until the function returns.
      mode_ = depth_ > 1 ? CallMode::Heap : CallMode::Later;
      expr(discard(), kid(s, 0));
      mode_ = CallMode::Normal;
      return;
    case NodeKind::ReturnStmt: returnStmt(s); return;
    case NodeKind::IfStmt:
      stmt(kid(s, 0));
      expr(discard(), kid(s, 1));
      stmt(kid(s, 2));
      stmt(kid(s, 3));
      return;
    case NodeKind::ForStmt:
      stmt(kid(s, 0));
      ++depth_;
      if (kid(s, 1).valid()) expr(discard(), kid(s, 1));
      stmt(kid(s, 2));
      stmt(kid(s, 3));
      --depth_;
      return;
    case NodeKind::RangeStmt: rangeStmt(s); return;
    case NodeKind::SwitchStmt: switchStmt(s); return;
    case NodeKind::SelectStmt:
      for (size_t i = 0; i < numKids(s); ++i) {
        NodeId cc = kid(s, i);
        NodeId comm = kid(cc, 0);
        if (comm.valid()) {
          if (kind(comm) == NodeKind::AssignStmt) {
            // v, ok := <-c: received values come from the heap.
            NodeId lhs = kid(comm, 0);
            std::vector<Hole> ks = lhsHoles(lhs, t()[comm].op == Tok::Define);
            reassigned(ks, t()[comm].op == Tok::Define ? lhs : NodeId{});
            expr(discard(), kid(comm, 1));
          } else {
            stmt(comm);
          }
        }
        stmt(kid(cc, 1));
      }
      return;
    case NodeKind::LabeledStmt:
      if (looping_.count(std::string(t()[kid(s, 0)].text))) ++depth_; // until the function ends, as gc
      stmt(kid(s, 1));
      return;
    default:
      // Anything else (declarations of types and constants) has no flows.
      return;
    }
  }

  void decl(NodeId d) {
    if (kind(d) != NodeKind::VarDecl) return;
    for (size_t i = 0; i < numKids(d); ++i) {
      NodeId spec = kid(d, i);
      NodeId names = kid(spec, 0), values = kid(spec, 2);
      std::vector<Hole> ks;
      for (size_t j = 0; j < numKids(names); ++j) {
        const Object *o = info_->defs[kid(names, j).index];
        ks.push_back(o && o->name != "_" ? holeOf(declare(o)) : discard());
      }
      if (values.valid()) assignList(ks, values);
    }
  }

  /// The holes of an assignment's left sides; new variables for := .
  std::vector<Hole> lhsHoles(NodeId lhs, bool define) {
    std::vector<Hole> ks;
    for (size_t j = 0; j < numKids(lhs); ++j) {
      NodeId x = kid(lhs, j);
      const Object *o = define && kind(x) == NodeKind::Ident ? info_->defs[x.index] : nullptr;
      if (o) ks.push_back(o->name == "_" ? discard() : holeOf(declare(o)));
      else ks.push_back(addrHole(x));
    }
    return ks;
  }
  /// Marks the variables ks assign as reassigned, except those a := in
  /// lhs declares here.
  void reassigned(const std::vector<Hole> &ks, NodeId lhs = NodeId{}) {
    for (size_t j = 0; j < ks.size(); ++j) {
      if (lhs.valid() && kind(kid(lhs, j)) == NodeKind::Ident && info_->defs[kid(lhs, j).index]) continue;
      reassigned(ks[j]);
    }
  }
  void reassigned(const Hole &k) {
    if (k.dst && k.dst->kind == Location::Var) k.dst->reassigned = true;
  }

  void assignStmt(NodeId s) {
    NodeId lhs = kid(s, 0), rhs = kid(s, 1);
    Tok op = t()[s].op;
    if (op != Tok::Assign && op != Tok::Define) {
      // x op= y: numbers and strings (a new string) only.
      reassigned(addrHole(kid(lhs, 0)));
      expr(discard(), kid(rhs, 0));
      return;
    }
    std::vector<Hole> ks = lhsHoles(lhs, op == Tok::Define);
    assignList(ks, rhs);
    reassigned(ks, op == Tok::Define ? lhs : NodeId{});
  }

  /// ks = values (an ExprList): pairwise, or the results of one
  /// multi-value expression.
  void assignList(const std::vector<Hole> &ks, NodeId values) {
    if (numKids(values) == 1 && ks.size() > 1) {
      NodeId x = unparen(kid(values, 0));
      switch (kind(x)) {
      case NodeKind::CallExpr: call(ks, x); return;
      case NodeKind::TypeAssertExpr: expr(ks[0], kid(x, 0)); return;
      case NodeKind::IndexExpr: // v, ok := m[k]: map elements come from the heap
      case NodeKind::UnaryExpr: // v, ok := <-c
      default: expr(discard(), x); return;
      }
    }
    for (size_t i = 0; i < numKids(values); ++i) expr(i < ks.size() ? ks[i] : discard(), kid(values, i));
  }

  void returnStmt(NodeId s) {
    std::vector<Hole> ks;
    for (Location *r : fn_->results) ks.push_back(holeOf(r));
    if (numKids(s) == 1 && ks.size() > 1) {
      call(ks, unparen(kid(s, 0)));
      return;
    }
    for (size_t i = 0; i < numKids(s); ++i) expr(i < ks.size() ? ks[i] : heapHole(), kid(s, i));
  }

  void rangeStmt(NodeId s) {
    // The range expression is evaluated once, outside the loop; the
    // iteration variables (one per loop in Go 1.19) are assigned on every
    // iteration.
    NodeId x = kid(s, 2);
    Location *tmp = b_.newLoc(Location::Temp, fn_, depth_);
    expr(holeOf(tmp), x);
    Tok op = t()[s].op;
    std::vector<Hole> ks;
    for (int k = 0; k < 2; ++k) {
      NodeId v = kid(s, size_t(k));
      if (!v.valid()) {
        ks.push_back(discard());
        continue;
      }
      const Object *o = op == Tok::Define ? info_->defs[v.index] : nullptr;
      Hole h = o ? (o->name == "_" ? discard() : holeOf(declare(o))) : addrHole(v);
      reassigned(h);
      ks.push_back(h);
    }
    ++depth_;
    TypeKind xk = kindOf(typeOf(x));
    if (xk == TypeKind::Array) b_.flow(ks[1], tmp);
    else if (xk == TypeKind::Slice || xk == TypeKind::Pointer) b_.flow(ks[1].deref(), tmp);
    // Strings, maps, channels: the values are not pointers into x, or
    // come from the heap.
    stmt(kid(s, 3));
    --depth_;
  }

  void switchStmt(NodeId s) {
    stmt(kid(s, 0));
    NodeId tag = kid(s, 1);
    Location *guard = nullptr;
    if (tag.valid() && kind(tag) == NodeKind::TypeSwitchGuard) {
      guard = b_.newLoc(Location::Temp, fn_, depth_);
      expr(holeOf(guard), kid(tag, 1));
    } else if (tag.valid()) {
      expr(discard(), tag);
    }
    for (size_t i = 2; i < numKids(s); ++i) {
      NodeId cc = kid(s, i);
      if (kid(cc, 0).valid())
        for (size_t j = 0; j < numKids(kid(cc, 0)); ++j)
          if (!guard) expr(discard(), kid(kid(cc, 0), j));
      if (guard) {
        auto it = info_->implicits.find(cc.index);
        if (it != info_->implicits.end() && it->second) b_.flow(holeOf(declare(it->second)), guard);
      }
      stmt(kid(cc, 1));
    }
  }

  // --- assignable expressions

  /// Where a value stored to the addressable expression e goes.
  Hole addrHole(NodeId e) {
    e = unparen(e);
    switch (kind(e)) {
    case NodeKind::Ident: {
      if (t()[e].text == "_") return discard();
      const Object *o = info_->uses[e.index];
      if (isLocal(o)) return holeOf(varLoc(o));
      return heapHole(); // a package variable
    }
    case NodeKind::SelectorExpr: {
      NodeId x = kid(e, 0);
      const Object *sel = info_->uses[kid(e, 1).index];
      if (sel && sel->isField && tv(x).mode != types::Mode::TypeExpr && !isPointer(typeOf(x)) &&
          !types::lookupFieldOrMethod(typeOf(x), sel->name, &pkg_).indirect)
        return addrHole(x); // a field of a variable's struct value
      expr(discard(), x);
      return heapHole();
    }
    case NodeKind::IndexExpr: {
      NodeId x = kid(e, 0);
      TypeKind xk = kindOf(typeOf(x));
      if (xk == TypeKind::Array) {
        expr(discard(), kid(e, 1));
        return addrHole(x);
      }
      expr(discard(), x);
      // Map keys are stored in the map.
      expr(xk == TypeKind::Map ? heapHole() : discard(), kid(e, 1));
      return heapHole();
    }
    default:
      // *p = v and anything else: a store through a pointer.
      expr(discard(), e);
      return heapHole();
    }
  }

  // --- expressions

  void expr(Hole k, NodeId e) {
    if (!e.valid()) return;
    const types::TypeAndValue &v = tv(e);
    if (v.value) return; // a constant
    if (v.mode == types::Mode::TypeExpr) return;
    if (k.derefs >= 0 && v.type && !hasPointers(v.type) && kind(e) != NodeKind::FuncLit) k.dst = nullptr;
    switch (kind(e)) {
    case NodeKind::ParenExpr: expr(k, kid(e, 0)); return;
    case NodeKind::Ident: {
      const Object *o = info_->uses[e.index];
      if (isLocal(o)) b_.flow(k, varLoc(o));
      return;
    }
    case NodeKind::BasicLit: return;
    case NodeKind::FuncLit: funcLit(k, e); return;
    case NodeKind::CompositeLit: compositeLit(k, e); return;
    case NodeKind::SelectorExpr: selector(k, e); return;
    case NodeKind::IndexExpr: {
      NodeId x = kid(e, 0);
      if (tv(x).mode == types::Mode::Value && kindOf(typeOf(x)) == TypeKind::Signature && numKids(e) >= 2 &&
          tv(kid(e, 1)).mode == types::Mode::TypeExpr)
        return; // F[int]: a generic function instance
      TypeKind xk = kindOf(typeOf(x));
      for (size_t i = 1; i < numKids(e); ++i) expr(discard(), kid(e, i));
      if (xk == TypeKind::Array) expr(k, x);
      else if (xk == TypeKind::Slice || xk == TypeKind::Pointer) expr(k.deref(), x);
      else expr(discard(), x); // strings, maps (elements come from the heap)
      return;
    }
    case NodeKind::SliceExpr: {
      NodeId x = kid(e, 0);
      for (size_t i = 1; i < numKids(e); ++i) expr(discard(), kid(e, i));
      if (kindOf(typeOf(x)) == TypeKind::Array) expr(k.addr(), x); // a[i:j] takes a's address
      else expr(k, x);
      return;
    }
    case NodeKind::StarExpr: expr(k.deref(), kid(e, 0)); return;
    case NodeKind::UnaryExpr: {
      NodeId x = unparen(kid(e, 0));
      if (t()[e].op == Tok::And) {
        if (kind(x) == NodeKind::CompositeLit) {
          const Type *lt = typeOf(x);
          Location *a = alloc(e, "&" + litString(x, lt), sizeOf(lt));
          compositeContents(spill(k, a), x);
          return;
        }
        expr(k.addr(), x);
        return;
      }
      expr(discard(), x); // <-c gives a value from the heap; the rest are numbers
      return;
    }
    case NodeKind::BinaryExpr:
      expr(discard(), kid(e, 0));
      expr(discard(), kid(e, 1));
      return;
    case NodeKind::TypeAssertExpr: expr(k, kid(e, 0)); return;
    case NodeKind::CallExpr: call({k}, e); return;
    case NodeKind::KeyValueExpr: expr(k, kid(e, 1)); return;
    default: return;
    }
  }

  int64_t sizeOf(const Type *t) const {
    if (!t || types::isTypeParam(t)) return MaxImplicitStackSize + 1;
    return types::layoutOf(t).size;
  }
  /// A composite literal as gc's messages print it: `T{...}`, or `T{}`
  /// without elements.
  std::string litString(NodeId lit, const Type *lt) const {
    return types::typeString(lt, &pkg_) + (numKids(lit) > 1 ? "{...}" : "{}");
  }

  void compositeLit(Hole k, NodeId e) {
    const Type *lt = typeOf(e);
    const Type *u = lt ? types::under(lt) : nullptr;
    if (!u) return;
    if (u->kind == TypeKind::Slice) {
      int64_t n = 0, next = 0;
      for (size_t i = 1; i < numKids(e); ++i) {
        NodeId el = kid(e, i);
        if (kind(el) == NodeKind::KeyValueExpr && tv(kid(el, 0)).value)
          next = tv(kid(el, 0)).value->toInt()->int64Val();
        n = std::max(n, ++next);
      }
      Location *a = alloc(e, litString(e, lt), n * sizeOf(u->elem));
      compositeContents(spill(k, a), e);
      return;
    }
    if (u->kind == TypeKind::Pointer) {
      // {...} standing for &T{...} in a literal of pointers.
      Location *a = alloc(e, "&" + litString(e, u->elem), sizeOf(u->elem));
      compositeContents(spill(k, a), e);
      return;
    }
    if (u->kind == TypeKind::Map) {
      for (size_t i = 1; i < numKids(e); ++i) {
        NodeId el = kid(e, i);
        if (kind(el) == NodeKind::KeyValueExpr) {
          expr(heapHole(), kid(el, 0));
          expr(heapHole(), kid(el, 1));
        } else {
          expr(heapHole(), el);
        }
      }
      return;
    }
    compositeContents(k, e); // a struct or array value holds its elements
  }
  void compositeContents(Hole k, NodeId e) {
    for (size_t i = 1; i < numKids(e); ++i) {
      NodeId el = kid(e, i);
      if (kind(el) == NodeKind::KeyValueExpr) el = kid(el, 1);
      expr(k, el);
    }
  }

  void selector(Hole k, NodeId e) {
    NodeId x = kid(e, 0);
    const Object *sel = info_->uses[kid(e, 1).index];
    if (tv(x).mode == types::Mode::TypeExpr || !tv(x).type) return; // T.m, pkg.X
    if (sel && sel->kind == ObjKind::Var && sel->isField) {
      types::LookupResult r = types::lookupFieldOrMethod(typeOf(x), sel->name, &pkg_);
      if (isPointer(typeOf(x)) || r.indirect) expr(k.deref(), x);
      else expr(k, x);
      return;
    }
    if (types::isInterface(typeOf(x))) {
      // x.m of an interface: a closure holding x.
      Location *a = alloc(e, syntax::exprString(t(), e), 24);
      expr(tee({spill(k, a), heapHole()}), x);
      return;
    }
    if (sel && sel->kind == ObjKind::Func && sel->isMethod) {
      // A method value: a closure {wrapper, receiver}; the receiver flows
      // into it and, as the call will use it, per the method's tags.
      Location *a = alloc(e, syntax::exprString(t(), e), 8 + 8 + sizeOf(typeOf(x)));
      Hole c = spill(k, a);
      std::vector<Hole> res;
      for (size_t i = 0; i < types::under(sel->type)->results().size(); ++i) res.push_back(heapHole());
      Hole rk = tee({c, paramHoles(sel, res, true)[0]});
      receiverArg(rk, x, sel);
      return;
    }
    expr(discard(), x);
  }

  /// Evaluates the receiver x of method m into k (the receiver parameter's
  /// hole): &x for pointer methods of addressable values, *x for value
  /// methods through pointers.
  void receiverArg(Hole k, NodeId x, const Object *m) {
    types::LookupResult r = types::lookupFieldOrMethod(typeOf(x), m->name, &pkg_);
    bool ptrX = isPointer(typeOf(x));
    if (!r.path.empty()) {
      // Promoted through embedded fields: the address of x's part, or a
      // value read at some depth.
      if (m->ptrRecv && !ptrX && !r.indirect) expr(k.addr(), x);
      else expr(k, x);
      return;
    }
    if (m->ptrRecv && !ptrX) expr(k.addr(), x);
    else if (!m->ptrRecv && ptrX) expr(k.deref(), x);
    else expr(k, x);
  }

  // --- calls

  /// The holes of callee's parameters (receiver first for methods): its
  /// parameters if in this batch, else per its tags, else the heap. ks
  /// are the holes of the call's results.
  std::vector<Hole> paramHoles(const Object *callee, const std::vector<Hole> &ks, bool withRecv) {
    const Type *sig = types::under(callee->type);
    size_t n = sig->params().size() + (withRecv ? 1 : 0);
    std::vector<Hole> out;
    if (mode_ == CallMode::Heap) return std::vector<Hole>(n, heapHole());
    auto fit = byObj_.find(callee);
    if (fit != byObj_.end()) {
      Fn *f = fit->second;
      for (size_t i = 0; i < n && i < f->params.size(); ++i) out.push_back(f->params[i] ? holeOf(f->params[i]) : discard());
      for (size_t j = 0; j < f->results.size() && j < ks.size(); ++j) b_.flow(ks[j], f->results[j]);
      out.resize(n, heapHole());
      return out;
    }
    auto tit = tags_.find(callee);
    if (tit == tags_.end() || tit->second.size() != n) return std::vector<Hole>(n, heapHole());
    for (const Leaks &l : tit->second) {
      std::vector<Hole> hs;
      if (l.heap != Leaks::None) hs.push_back(heapHole().shift(l.heap));
      for (size_t j = 0; j < l.results.size(); ++j)
        if (l.results[j] != Leaks::None && j < ks.size()) hs.push_back(ks[j].shift(l.results[j]));
      out.push_back(tee(hs));
    }
    return out;
  }

  /// The arguments of call e (from argument index first) into the holes
  /// of sig's parameters ps (from ps[firstParam]).
  void args(NodeId e, size_t first, const Type *sig, const std::vector<Hole> &ps, size_t firstParam) {
    size_t nargs = numKids(e) - first;
    size_t np = types::under(sig)->params().size();
    const Type *a0 = nargs == 1 ? typeOf(kid(e, first)) : nullptr;
    if (a0 && a0->kind == TypeKind::Tuple) {
      // f(g()) with g's results as the arguments.
      std::vector<Hole> ks(ps.begin() + long(firstParam), ps.end());
      call(ks, unparen(kid(e, first)));
      return;
    }
    bool variadic = types::under(sig)->variadic && t()[e].op != Tok::Ellipsis;
    for (size_t i = 0; i < nargs; ++i) {
      size_t pi = firstParam + i;
      Hole h = heapHole();
      // Arguments packed into a variadic slice: ssa/ puts it on the heap.
      if (!(variadic && i + 1 >= np) && pi < ps.size()) h = ps[pi];
      expr(h, kid(e, first + i));
    }
  }

  void allArgsTo(Hole h, NodeId e, size_t first) {
    for (size_t i = first; i < numKids(e); ++i) expr(h, kid(e, i));
  }

  /// Results of the call go to ks (as many as wanted).
  void call(const std::vector<Hole> &ksIn, NodeId e) {
    e = unparen(e);
    if (kind(e) != NodeKind::CallExpr) {
      expr(ksIn.empty() ? discard() : ksIn[0], e);
      return;
    }
    std::vector<Hole> ks = ksIn;
    CallMode mode = mode_;
    mode_ = CallMode::Normal; // the arguments' own calls are ordinary
    NodeId fun = unparen(kid(e, 0));
    const types::TypeAndValue &ftv = tv(fun);
    if (mode == CallMode::Heap) {
      // go f(x) and defer in a loop: the function value and everything
      // passed outlive the statement.
      for (Hole &k : ks) k = discard();
    }
    auto fnValue = [&](Hole k) { expr(mode == CallMode::Heap ? heapHole() : mode == CallMode::Later ? later(k) : k, fun); };
    if (ftv.mode == types::Mode::TypeExpr) {
      conversion(ks.empty() ? discard() : ks[0], typeOf(fun), kid(e, 1));
      return;
    }
    const Object *callee = nullptr;
    if (kind(fun) == NodeKind::Ident) callee = info_->uses[fun.index];
    else if (kind(fun) == NodeKind::SelectorExpr) callee = info_->uses[kid(fun, 1).index];
    if (callee && callee->kind == ObjKind::Builtin) {
      mode_ = mode;
      builtin(ks.empty() ? discard() : ks[0], e, callee);
      mode_ = CallMode::Normal;
      return;
    }
    if (kind(fun) == NodeKind::FuncLit) {
      // func(...){...}(args): the literal's parameters and results are in
      // this batch.
      Fn *f = funcLit(mode == CallMode::Heap ? heapHole() : mode == CallMode::Later ? later(discard()) : discard(), fun);
      if (mode == CallMode::Normal) f->calledDirectly = true;
      std::vector<Hole> ps;
      for (Location *p : f->params) ps.push_back(mode == CallMode::Heap ? heapHole() : p ? holeOf(p) : discard());
      for (size_t j = 0; j < f->results.size() && j < ks.size(); ++j) b_.flow(ks[j], f->results[j]);
      args(e, 1, typeOf(fun), ps, 0);
      return;
    }
    bool isStatic = callee && callee->kind == ObjKind::Func && callee->type;
    bool generic = isStatic && (!callee->type->typeParams.empty() ||
                                (callee->recvType && !callee->recvType->typeParams.empty()));
    if (kind(fun) == NodeKind::SelectorExpr && tv(kid(fun, 0)).mode != types::Mode::TypeExpr && tv(kid(fun, 0)).type) {
      NodeId x = kid(fun, 0);
      bool viaIface = types::isInterface(typeOf(x));
      if (!viaIface && isStatic && callee->isMethod) {
        types::LookupResult r = types::lookupFieldOrMethod(typeOf(x), callee->name, &pkg_);
        viaIface = r.interfaceMethod;
      }
      if (viaIface || !isStatic || generic || types::isTypeParam(typeOf(x))) {
        // x.m(...) dynamically dispatched, or of a generic type.
        expr(heapHole(), x);
        allArgsTo(heapHole(), e, 1);
        return;
      }
      if (callee->isMethod) {
        mode_ = mode;
        std::vector<Hole> ps = paramHoles(callee, ks, true);
        mode_ = CallMode::Normal;
        receiverArg(ps[0], x, callee);
        args(e, 1, callee->type, ps, 1);
        return;
      }
    }
    if (isStatic && !generic && kind(fun) == NodeKind::SelectorExpr && callee->isMethod) {
      // T.m(x, ...), (*T).m(x, ...): the receiver is the first argument.
      if (types::isInterface(typeOf(kid(fun, 0)))) {
        allArgsTo(heapHole(), e, 1);
        return;
      }
      mode_ = mode;
      std::vector<Hole> ps = paramHoles(callee, ks, true);
      mode_ = CallMode::Normal;
      args(e, 1, tv(fun).type, ps, 0);
      return;
    }
    if (isStatic && !generic && !callee->isMethod && callee->pkg == &pkg_) {
      mode_ = mode;
      std::vector<Hole> ps = paramHoles(callee, ks, false);
      mode_ = CallMode::Normal;
      args(e, 1, callee->type, ps, 0);
      return;
    }
    // A func value (the call does not keep it) or a function the
    // analysis knows nothing about.
    fnValue(discard());
    allArgsTo(heapHole(), e, 1);
  }

  void conversion(Hole k, const Type *to, NodeId x) {
    const Type *from = typeOf(x);
    if (!from || !to) {
      expr(heapHole(), x);
      return;
    }
    if (types::isInterface(to)) {
      if (types::isInterface(from) || types::isPointerShaped(from)) expr(k, x);
      else expr(heapHole(), x); // boxed (ssa/ boxes on the heap)
      return;
    }
    bool toUintptr = types::under(to)->isBasic(types::BasicKind::Uintptr);
    if (toUintptr && hasPointers(from)) {
      expr(heapHole(), x); // an address hidden in an integer
      return;
    }
    // string <-> []byte/[]rune and string(rune) make new values.
    if (types::isString(to) != types::isString(from)) {
      expr(discard(), x);
      return;
    }
    expr(k, x);
  }

  void builtin(Hole k, NodeId e, const Object *b) {
    CallMode mode = mode_;
    mode_ = CallMode::Normal;
    size_t n = numKids(e);
    auto arg = [&](size_t i) { return kid(e, i); };
    bool spread = n == 2 && typeOf(arg(1)) && typeOf(arg(1))->kind == TypeKind::Tuple;
    if (spread) {
      // append(f()), complex(f()): conservatively.
      call(std::vector<Hole>(types::under(typeOf(arg(1)))->list.size(), heapHole()), unparen(arg(1)));
      return;
    }
    if (mode == CallMode::Heap) k = discard();
    switch (b->builtin) {
    case types::Builtin::Append: {
      const Type *st = typeOf(e);
      bool ptrs = hasPointers(types::under(st)->elem);
      // The appendee may come back (enough capacity) or be copied into a
      // new (heap) array.
      expr(ptrs ? tee({k, heapHole().deref()}) : k, arg(1));
      if (t()[e].op == Tok::Ellipsis) {
        expr(ptrs && kindOf(typeOf(arg(2))) == TypeKind::Slice ? heapHole().deref() : discard(), arg(2));
      } else {
        for (size_t i = 2; i < n; ++i) expr(heapHole(), arg(i));
      }
      return;
    }
    case types::Builtin::Copy:
      expr(discard(), arg(1));
      expr(kindOf(typeOf(arg(2))) == TypeKind::Slice && hasPointers(types::under(typeOf(arg(2)))->elem)
               ? heapHole().deref() : discard(), arg(2));
      return;
    case types::Builtin::Panic:
      expr(heapHole(), arg(1));
      return;
    case types::Builtin::New: {
      const Type *pt = typeOf(e);
      Location *a = alloc(e, "new(" + syntax::exprString(t(), arg(1)) + ")", pt ? sizeOf(types::under(pt)->elem) : 0);
      b_.flow(k.addr(), a);
      return;
    }
    case types::Builtin::Make: {
      const Type *mt = typeOf(e);
      for (size_t i = 2; i < n; ++i) expr(discard(), arg(i));
      if (kindOf(mt) != TypeKind::Slice) return; // maps and channels: the runtime's
      // The backing array, on the stack only with constant sizes.
      NodeId capN = n > 3 ? arg(3) : arg(2);
      bool constant = tv(capN).value.has_value() && tv(arg(2)).value.has_value();
      int64_t len = 0;
      if (constant) len = tv(capN).value->toInt()->int64Val();
      Location *a = alloc(e, syntax::exprString(t(), e), len * sizeOf(types::under(mt)->elem), constant);
      b_.flow(k.addr(), a);
      return;
    }
    case types::Builtin::Add:
    case types::Builtin::Slice:
      expr(k, arg(1));
      expr(discard(), arg(2));
      return;
    default:
      for (size_t i = 1; i < n; ++i) expr(discard(), arg(i));
      return;
    }
  }
};

} // namespace

void buildFlows(Batch &b, const types::Package &pkg, const std::vector<const types::Object *> &decls, const Tags &tags) {
  Flows f(b, pkg, tags);
  f.declared(decls);
}

} // namespace origo::escape
