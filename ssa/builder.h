//===- ssa/builder.h - SSA construction state (private to ssa/) -*- C++ -*-===//
/// \file
/// The Builder that turns one package's typed tree into SSA. Its parts
/// live in build*.cpp by topic: variables and functions (build.cpp),
/// statements (build_stmt.cpp), expressions (build_expr.cpp), strings and
/// slices (build_slice.cpp), calls and built-ins (build_call.cpp),
/// interfaces (build_iface.cpp), method wrappers (wrappers.cpp), defer
/// and recover (build_defer.cpp).
//===----------------------------------------------------------------------===//
#pragma once

#include "ssa/ssa.h"

#include <algorithm>
#include <functional>
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

/// The wrapper "pkg.(*T).m" of value method m: loads *p, calls pkg.T.m.
std::unique_ptr<Func> ptrWrapper(const Object *m, types::TypeTable &tt);
/// The same for method `method` of signature msig (no receiver) of type
/// T: the function `name` calling `target` with *p.
std::unique_ptr<Func> ptrWrapper(const std::string &name, const std::string &target, const Type *T, const Type *msig,
                                 const std::string &method, types::TypeTable &tt);
/// A weak definition of fn, a function declared without a body and
/// provided by nothing origo compiles (gc's assembly): it panics, saying
/// so. The runtime's or another package's definition of the same symbol,
/// when there is one, takes precedence at link time.
std::unique_ptr<Func> asmStub(const Object *fn, types::TypeTable &tt);
/// The pkg.(*S).m wrapper of method entry e promoted to struct type S.
/// For a generic instance S, the method reached may be an instance too:
/// sig is its signature with the type arguments substituted, callee its
/// instance's name, name the wrapper's (null/"": e.method's own).
std::unique_ptr<Func> promotedWrapper(const Type *S, const types::MethodSetEntry &e, types::TypeTable &tt,
                                      const Type *sig = nullptr, const std::string &callee = "",
                                      const std::string &name = "");

class Builder {
public:
  Builder(const types::Package &pkg, const escape::Facts &facts, types::Program &prog, const SourceManager &sm,
          Diagnostics &diags)
      : pkg_(pkg), facts_(facts), prog_(prog), tt_(prog.types()), sm_(sm), diags_(diags) {}

  /// The function (or method) fn; for an instance of a generic function
  /// or of a method of a generic type, name and the type arguments m.
  std::unique_ptr<Func> function(const Object *fn, const std::string &name = "", const types::TypeMap &m = {});
  /// Instances of generic functions and methods to compile (generics are
  /// compiled by monomorphization: one body per type-argument list).
  struct PendingInstance {
    const Object *fn;
    types::TypeMap m;
    std::string name;
  };
  std::vector<PendingInstance> pendingInstances_;
  std::set<std::string> instanced_;
  /// A function literal to compile once the function containing it is done.
  struct PendingLiteral {
    const syntax::Tree *tree;
    NodeId node;
    std::string name;
    /// Variables of enclosing functions it refers to, in closure order.
    std::vector<const Object *> captures;
    /// The type arguments of the instance it is part of.
    types::TypeMap subst;
  };
  std::vector<PendingLiteral> pendingLiterals_;
  /// Functions the builder made for method values of interfaces
  /// (build_iface.cpp), each once per package; build() adds them.
  std::vector<std::unique_ptr<Func>> generated_;
  std::set<std::string> generatedNames_;
  std::unique_ptr<Func> literal(const PendingLiteral &lit);
  std::unique_ptr<Func> initFunction(const std::string &name);
  /// The "pkg.(*S).m" wrappers of the methods promoted to the package's
  /// struct types (needsPromotedWrapper).
  std::vector<std::unique_ptr<Func>> promotedWrappers();
  /// The wrapper of method entry e promoted to base (named name, or gc's
  /// pkg.(*S).m), calling the method's instance when the embedded type
  /// it comes from is a generic instance.
  std::unique_ptr<Func> promotedWrapperFor(const Type *base, const types::MethodSetEntry &e, const std::string &name);
  /// Functions of other packages called directly, in the order met: the
  /// candidates for inlineBodies.
  std::vector<const Object *> foreignCallees_;
  std::set<const Object *> foreignCalleeSet_;
  /// Variables initFunction found constant initializers for, by link name.
  std::map<std::string, std::shared_ptr<StaticData>> staticInits_;
  /// Compiles the literals and instances met so far (and those they
  /// meet) into out, literals right after the function holding them.
  void flushPending(Package &out) {
    for (;;) {
      // What an instance holds is named after it, and made with it.
      auto add = [&](std::unique_ptr<Func> f, bool dupOK) {
        f->dupOK = dupOK || f->name.find('[') != std::string::npos;
        out.funcs.push_back(std::move(f));
      };
      for (size_t i = 0; i < pendingLiterals_.size(); ++i) add(literal(pendingLiterals_[i]), false);
      pendingLiterals_.clear();
      for (size_t i = 0; i < pendingWrappers_.size(); ++i) add(methodValueWrapper(pendingWrappers_[i]), true);
      pendingWrappers_.clear();
      for (size_t i = 0; i < pendingGos_.size(); ++i) add(goWrapper(pendingGos_[i]), false);
      pendingGos_.clear();
      if (pendingInstances_.empty()) return;
      PendingInstance in = pendingInstances_.front();
      pendingInstances_.erase(pendingInstances_.begin());
      add(function(in.fn, in.name, in.m), true);
    }
  }

private:
  // --- variables (Braun et al.)
  void writeVar(const Object *var, Block *b, Value *v) { defs_[b][var] = v; }
  /// The type of a variable's SSA value: its cell's for variables in memory.
  const Type *ssaType(const Object *var) { return inMemory(var) ? tt_.pointer(objType(var)) : objType(var); }
  /// Structs and arrays live in memory (ssa/README.md): an expression of
  /// such a type yields the address of the value, valid until the next
  /// store to that memory; whoever keeps the value copies it (Move).
  static bool isAggregate(const Type *t) {
    types::TypeKind k = types::under(t)->kind;
    return k == types::TypeKind::Struct || k == types::TypeKind::Array;
  }
  /// Variables with a cell: address taken or captured by reference (on
  /// the heap if escape analysis says so: New; else LocalAddr) and
  /// aggregates.
  bool inMemory(const Object *var) {
    return heapVars_.count(var) || isAggregate(objType(var)) || isDeferResult(var);
  }
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
  /// Ends the current block with a branch on cond.
  void branch(Value *cond, Block *yes, Block *no) {
    cur_->kind = BlockKind::If;
    cur_->control = cond;
    Func::addEdge(cur_, yes);
    Func::addEdge(cur_, no);
  }
  /// Branches to yes when cond holds; otherwise building goes on in a new
  /// block.
  void branchOr(Value *cond, Block *yes) {
    Block *next = newBlock();
    branch(cond, yes, next);
    seal(next);
    startBlock(next);
  }
  /// The head of a range loop over indices: hidden variable iv starts at
  /// 0, the header tests iv < n, and building continues in the body with
  /// i the index; the caller sets iv's next value in post and ends the
  /// loop with endLoop(header, exit).
  struct IndexLoop {
    Value *i;
    Block *header, *post, *exit;
  };
  IndexLoop indexLoop(const Object *iv, Value *n, Pos p) {
    writeVar(iv, cur_, intConst(0, p));
    IndexLoop l{nullptr, newBlock(), newBlock(), newBlock()};
    Block *body = newBlock();
    l.header->pos = p;
    jump(l.header);
    startBlock(l.header);
    l.i = readVar(iv, l.header);
    branch(value(Op::Less, basic(BasicKind::Bool), {l.i, n}, p), body, l.exit);
    seal(body);
    startBlock(body);
    return l;
  }
  /// The end of a loop body: back to the header (now complete), then on
  /// after the loop.
  void endLoop(Block *header, Block *exit) {
    jump(header);
    seal(header);
    seal(exit);
    startBlock(exit);
  }
  /// After return/break/continue: later statements go to a fresh,
  /// unreachable block that deadcode removes.
  void startDeadBlock() {
    cur_ = newBlock();
    sealed_.insert(cur_);
  }
  Value *value(Op op, const Type *t, std::vector<Value *> args, Pos pos) {
    return f_->newValue(cur_, op, t, std::move(args), pos);
  }

  // --- interfaces (build_iface.cpp)
  /// v converted to interface type `to` (from a concrete type, nil or
  /// another interface type).
  Value *toIface(Value *v, const Type *to, Pos p);
  /// The first word of an interface of type iface holding a `concrete`:
  /// its descriptor or the static itab.
  Value *staticTab(const Type *iface, const Type *concrete, Pos p);
  /// The value of type t an interface's data word holds.
  Value *unbox(Value *data, const Type *t, Pos p);
  /// x.(T); with results, the comma-ok form (value, ok).
  Value *typeAssert(NodeId e, std::vector<Value *> *results);
  /// x.m(...) for x of interface type.
  Value *ifaceCall(NodeId e, std::vector<Value *> *results);
  /// x == y (eq) or x != y where at least one operand is an interface.
  Value *ifaceCompare(bool eq, Value *x, Value *y, Pos p);
  void typeSwitch(NodeId s);
  /// x.m and I.m as func values, for x of interface type I.
  Value *ifaceMethodValue(NodeId e);
  /// Compiles the methods of generic instance t (or *t) that interfaces
  /// may call, once per program instance.
  void instanceMethods(const Type *t);
  std::set<const Type *> instancesDone_;
  /// The zero pointer-like constant (nil) of type t.
  Value *ptrConst(const Type *t, Pos p);
  const Type *emptyIface() { return tt_.interfaceType({}, {}); }

  // --- statements and expressions
  void stmtList(NodeId block);
  void stmt(NodeId s);
  /// lhs = v; addr: lhs's address if already computed.
  void assign(NodeId lhs, Value *v, Value *addr = nullptr);
  void returnStmt(NodeId s);
  void switchStmt(NodeId s);
  std::unique_ptr<Func> body(const std::string &name, const Type *sig, NodeId owner, const Object *recv,
                             NodeId bodyNode, Pos fpos, const std::vector<const Object *> &captures = {});
  /// The local variables of enclosing functions that literal e refers to,
  /// in order of first reference.
  std::vector<const Object *> captured(NodeId e);
  Value *funcLit(NodeId e);
  int literalCount_ = 0;
  Value *expr(NodeId e);
  Value *exprValue(NodeId e); ///< expr without the bookkeeping of aggType_
  /// The Go types of aggregate values made by expr (whose SSA value is an
  /// address, typed *T or T, and a Copy of its own so that it differs from
  /// a pointer to the same memory): conversions to interfaces box by them.
  std::map<const Value *, const Type *> aggType_;
  Value *constant(const types::TypeAndValue &tv, Pos pos);
  /// A binary expression, or x op= y (then x0, if set, is x's value, and
  /// y0, if set, y's).
  Value *binary(NodeId e, Value *x0 = nullptr, Value *y0 = nullptr);
  /// The float type of a complex type's parts.
  const Type *componentType(const Type *complexT) {
    return basic(types::under(complexT)->basic == BasicKind::Complex64 ? BasicKind::Float32 : BasicKind::Float64);
  }
  /// Whether e (parentheses aside) is a plain identifier.
  bool isPlainIdent(NodeId e) const {
    while (tree_->kind(e) == NodeKind::ParenExpr) e = tree_->kid(e, 0);
    return tree_->kind(e) == NodeKind::Ident;
  }
  Value *call(NodeId e, std::vector<Value *> *results);
  Value *closureCall(NodeId e, std::vector<Value *> *results);
  /// The arguments of a call of sig written at e, with a variadic tail
  /// packed into a new slice (none: a nil slice) unless passed as s...;
  /// first: how many leading arguments (a receiver) are already in args.
  void callArgs(NodeId e, const Type *sig, std::vector<Value *> &args, size_t first);
  void printCall(NodeId e, bool ln);
  /// Built-in calls written f(g()) with g returning several values: g's
  /// results, which builtinArg hands out in place of the arguments.
  NodeId spreadCall_;
  std::vector<Value *> spread_;
  std::vector<const Type *> spreadTypes_;
  /// Argument i (from 1) of built-in call e, its type, and their number.
  Value *builtinArg(NodeId e, size_t i) {
    if (spreadCall_ == e) return spread_[i - 1];
    return expr(tree_->kid(e, i));
  }
  const Type *builtinArgType(NodeId e, size_t i) {
    if (spreadCall_ == e) return spreadTypes_[i - 1];
    return typeOf(tree_->kid(e, i));
  }
  size_t builtinArgs(NodeId e) {
    if (spreadCall_ == e) return spread_.size() + 1;
    return tree_->numKids(e);
  }
  /// print/println of values already evaluated (of the given Go types).
  void printValues(const std::vector<Value *> &args, const std::vector<const Type *> &types, bool ln, Pos p);
  /// The results of call c (of result types res) into results, if wanted;
  /// aggregate results are fresh temporaries.
  void callResults(Value *c, const std::vector<const Type *> &res, std::vector<Value *> *results);
  /// The named type (an instance, for generic types) declaring the method
  /// whose receiver receiver() computed last.
  const Type *methodOwner_ = nullptr;
  const Object *methodFound_ = nullptr; ///< and the method itself
  /// x.m as a func value (a closure binding the receiver, gc's
  /// main.T.m-fm), or T.m / (*T).m as a function taking the receiver first.
  Value *methodValue(NodeId sel, const Object *m);
  /// The link name of method m as called with receiver selector sel (an
  /// instance for methods of generic types).
  std::string methodName(const Object *m);
  /// The instance of generic function g used at node at (or alt, where
  /// the checker may have recorded it); its type arguments into mOut.
  std::string genericInstance(const Object *g, NodeId at, NodeId alt, types::TypeMap *mOut = nullptr);
  /// Method value wrappers to generate: name, method, its link name and
  /// the receiver's type as the closure holds it.
  struct PendingWrapper {
    std::string name, target;
    const Object *m;
    const Type *sig;  ///< the method value's signature
    const Type *recv; ///< the bound receiver's type
  };
  std::vector<PendingWrapper> pendingWrappers_;
  std::unique_ptr<Func> methodValueWrapper(const PendingWrapper &w);
  /// The receiver argument of a call of method m written as sel (x.m).
  Value *receiver(NodeId sel, const Object *m);
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
  /// s[lo:hi:max] of the slice sl (a slice expression, or an array's
  /// elements as a slice).
  Value *sliceSlice(NodeId e, Value *sl);
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
      storeValue(elemAddr(arr, intConst(int64_t(k), p), et, p), conv(xs[k], et, p), et, p);
    return value(Op::SliceMake, st, {arr, n, n}, p);
  }
  /// Binds a range clause's key or value: a new variable (:=) or an
  /// assignment (=); absent clauses bind nothing.
  /// Range variables declared with := are one variable each for the
  /// whole loop (Go 1.19): made before the loop, assigned per iteration.
  void defineRangeVars(NodeId s) {
    if ((*tree_)[s].op != Tok::Define) return;
    for (int k = 0; k < 2; ++k) {
      NodeId lhs = tree_->kid(s, size_t(k));
      const Object *o = lhs.valid() ? info_->defs[lhs.index] : nullptr;
      if (o && o->name != "_") define(o, nullptr);
    }
  }
  /// Both range variables: with `=`, as a tuple assignment (spec
  /// "Assignment statements"): the index and pointer operands of both
  /// left-hand sides are evaluated before either is assigned
  /// (`for i, x[i] = range y` stores into x at the old i). val(), when
  /// given, computes the second value (after the first is bound, for :=).
  void bindRange2(NodeId keyN, Value *k, NodeId valN, const std::function<Value *()> &val, bool isDefine, Pos p) {
    if (isDefine || !valN.valid()) {
      bindRange(keyN, k, isDefine, p);
      if (valN.valid()) bindRange(valN, val(), isDefine, p);
      return;
    }
    auto addrFor = [&](NodeId n) -> Value * {
      if (!n.valid()) return nullptr;
      NodeId x = n;
      while (tree_->kind(x) == syntax::NodeKind::ParenExpr) x = tree_->kid(x, 0);
      return tree_->kind(x) == syntax::NodeKind::Ident ? nullptr : addrOf(x);
    };
    Value *ka = addrFor(keyN), *va = addrFor(valN);
    Value *v = val();
    if (keyN.valid()) assign(keyN, k, ka);
    assign(valN, v, va);
  }
  void bindRange(NodeId lhs, Value *v, bool isDefine, Pos p) {
    if (!lhs.valid()) return;
    if (!isDefine) {
      assign(lhs, v);
      return;
    }
    const Object *o = info_->defs[lhs.index];
    if (!o || o->name == "_") return;
    v = conv(v, objType(o), p);
    if (inMemory(o)) storeValue(readVar(o, cur_), v, objType(o), p);
    else writeVar(o, cur_, v);
  }
  Value *intConst(int64_t n, Pos p, const Type *t = nullptr) {
    Value *v = value(Op::ConstInt, t ? t : basic(BasicKind::Int), {}, p);
    v->auxInt = n;
    return v;
  }
  Value *stringSlice(NodeId e);
  /// copy(dst, src) of evaluated operands (dstT: dst's type).
  Value *copySlice(Value *dst, const Type *dstT, Value *src, Pos p);
  void rangeString(NodeId s);
  void condBranch(NodeId cond, Block *yes, Block *no);

  /// The zero value of a type the back end lowers, in block b (not
  /// aggregates: their variables are zeroed in memory).
  Value *zeroValue(const Type *t, Block *b, Pos p) {
    Op op = types::isString(t) ? Op::ConstString : types::isBoolean(t) ? Op::ConstBool
          : types::isFloat(t) ? Op::ConstFloat : Op::ConstInt;
    return f_->newValue(b, op, t, {}, p);
  }
  const types::TypeAndValue &tv(NodeId e) const { return info_->types[e.index]; }
  const Type *typeOf(NodeId e) {
    const Type *t = subst(tv(e).type);
    return types::isUntyped(t) ? types::defaultType(tt_, t) : t;
  }
  /// Type arguments of the instance being built (empty outside generics).
  types::TypeMap subst_;
  /// Types already substituted for the current instance (typeOf asks for
  /// the same types again and again).
  std::map<const Type *, const Type *> substituted_;
  void setSubst(const types::TypeMap &m) {
    subst_ = m;
    substituted_.clear();
  }
  const Type *subst(const Type *t) {
    if (subst_.empty() || !t) return t;
    auto [it, added] = substituted_.emplace(t, nullptr);
    if (added) it->second = types::substitute(prog_, t, subst_);
    return it->second;
  }
  /// A variable's type in the instance being built.
  const Type *objType(const Object *o) { return subst(o->type); }
  /// The link name of the instance of generic function fn (or method of
  /// generic type owner) for type arguments m, queued for compilation.
  std::string instance(const Object *fn, const Type *owner, const types::TypeMap &m);
  Pos pos(NodeId n) const { return (*tree_)[n].pos; }
  const Type *basic(BasicKind k) const { return tt_.basic(k); }

  /// Reports a construct the back end cannot compile yet (once per line).
  void unsupported(Pos pos, const std::string &what) {
    if (!pos.line) pos = lastPos_; // a value made for no one place (a conversion of a copy)
    if (pos.line == lastUnsupportedLine_) return;
    lastUnsupportedLine_ = pos.line;
    diags_.error(pos, what + " is not supported by origo yet");
  }
  /// Types the back end can lower today: integers, bools, strings.
  static bool lowerable(const Type *t) {
    std::set<const Type *> seen;
    return lowerable(t, seen);
  }
  static bool lowerable(const Type *t, std::set<const Type *> &seen) {
    if (!t) return false;
    if (t->isBasic(BasicKind::UntypedNil)) return true; // converted where used
    if (!seen.insert(t).second) return true; // recursive through a pointer or slice
    const Type *u = types::under(t);
    if (u->kind == types::TypeKind::Struct) {
      for (const types::Field &f : u->fields)
        if (!lowerable(f.type, seen)) return false;
      return true;
    }
    if (u->kind == types::TypeKind::Array) return lowerable(u->elem, seen);
    if (u->kind == types::TypeKind::Tuple) {
      for (const Type *e : u->list)
        if (!lowerable(e, seen)) return false;
      return true;
    }
    if (u->kind == types::TypeKind::Signature) return true; // func values
    if (u->kind == types::TypeKind::Interface) return !u->comparableIface && types::typeSetOf(u).all;
    if (u->kind == types::TypeKind::Slice || u->kind == types::TypeKind::Pointer || u->kind == types::TypeKind::Chan)
      return lowerable(u->elem, seen);
    if (u->kind == types::TypeKind::Map) // (codegen/typedesc.cpp hashes every comparable key type)
      return lowerable(u->key, seen) && lowerable(u->elem, seen);
    return u->kind == types::TypeKind::Basic &&
           (types::isInteger(u) || types::isBoolean(u) || types::isString(u) || types::isFloat(u) || types::isComplex(u) ||
            u->isBasic(BasicKind::UnsafePointer));
  }

  const types::Package &pkg_;
  const escape::Facts &facts_;
  types::Program &prog_;
  types::TypeTable &tt_;
  const SourceManager &sm_;
  Diagnostics &diags_;
  uint32_t lastUnsupportedLine_ = 0;
  Pos lastPos_; ///< of the expression or statement being built
  const syntax::Tree *tree_ = nullptr;
  const types::FileInfo *info_ = nullptr;
  /// The package whose file tree_ is (a generic function instantiated
  /// here may come from another package); lookups of unexported names use it.
  const types::Package *treePkg_ = nullptr;
  std::map<const syntax::Tree *, const types::Package *> treePkgs_;
  /// Points tree_, info_ and treePkg_ at t (of package p, or of a package
  /// seen with t before).
  void enterTree(const syntax::Tree *t, const types::Package *p = nullptr);
  /// The elements of composite literal e of underlying type u, in source
  /// order, each with its field index (structs) or element index
  /// (arrays, slices).
  struct LiteralElement {
    int64_t index;
    NodeId value;
  };
  std::vector<LiteralElement> literalElements(NodeId e, const Type *u);
  /// A slice literal's length: one past its largest index.
  static int64_t literalLength(const std::vector<LiteralElement> &elems);
  /// The memory image of e as a value of type t, or null when e is not a
  /// constant expression (staticinit.cpp).
  std::shared_ptr<StaticData> staticValue(NodeId e, const Type *t);
  bool staticInto(NodeId e, const Type *t, StaticData &d, size_t off);
  /// What stands for v in ==/!=: a slice's array pointer (slices compare
  /// only with nil), else v.
  Value *comparand(Value *v, Pos p);
  /// pkg.X: a selector whose operand names an imported package.
  bool isQualified(NodeId e) const;
  /// The value of identifier (or qualified identifier) e denoting o: a
  /// variable, a function (its static closure) or nil.
  Value *objectValue(NodeId e, const Object *o);
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
  std::set<const Object *> heapVars_; ///< locals whose address is taken or captured by reference: they live in cells
  /// A new object of type t for allocation site n (new, &T{}, closures,
  /// ...): on the stack unless escape analysis says it escapes (a slot
  /// per site, zeroed here when asked: each execution makes a new object,
  /// and one that does not escape is dead by the next execution).
  Value *allocate(NodeId n, const Type *ptrT, const Type *t, Pos p, bool zeroed) {
    if (!facts_.escapes(tree_, n)) {
      Value *tmp = temp(t, p);
      if (zeroed) zero(tmp, t, p);
      // A closure's slot stands for a func value.
      return ptrT == tmp->type ? tmp : value(Op::Copy, ptrT, {tmp}, p);
    }
    Value *obj = value(Op::New, ptrT, {}, p);
    obj->auxType = t;
    obj->aux = types::typeString(t);
    return obj;
  }
  /// The layout of the closure object of a literal capturing caps:
  /// {code, &v1 or v1, ...} (by value for what escape analysis allows).
  const Type *closureType(const std::vector<const Object *> &caps) {
    auto field = [](std::string name, const Type *ft) {
      types::Field f;
      f.name = std::move(name);
      f.type = ft;
      return f;
    };
    std::vector<types::Field> fields{field(".F", basic(BasicKind::UnsafePointer))};
    for (const Object *o : caps)
      fields.push_back(field(o->name, facts_.byValue(o) ? objType(o) : tt_.pointer(objType(o))));
    return tt_.structType(fields);
  }
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
  // --- defer and recover (build_defer.cpp)
  /// One defer statement: what it evaluated, kept in stack slots (open-coded,
  /// as gc: a bit per statement says it ran) or in a heap record chained
  /// from a slot of the frame (defers in loops).
  struct DeferSite {
    enum Kind { Static, Closure, Iface, Print, Println, Panic, Delete, Close, Copy, Nothing } kind = Nothing;
    int64_t method = 0;              ///< Iface: the method's number (callee: its name)
    std::string callee;              ///< Static: the function's link name
    const Type *result = nullptr;    ///< Static, Closure: the call's result type
    const Type *sig = nullptr;       ///< Closure: the func value's signature; Delete: the map type
    std::vector<const Type *> types; ///< the saved values (Closure: the func value first)
    std::vector<Value *> slots;      ///< open-coded: one LocalAddr per saved value
    std::vector<int64_t> offsets;    ///< record: where each saved value is
    int64_t recordSize = 0;
  };
  struct Defers {
    bool open = true;          ///< open-coded (no defer in a loop, at most 8)
    Value *bits = nullptr;     ///< open: uint8 slot, bit k set once statement k ran
    Value *head = nullptr;     ///< records: slot holding the newest record
    std::vector<DeferSite> sites;
    std::vector<Value *> resultCells; ///< the results live in these slots
    std::vector<bool> resultIndirect; ///< ... or in cells these slots point to
  };
  std::unique_ptr<Defers> defers_; ///< null in a function without defer statements
  /// Called by body() before the parameters are defined: sets defers_ up if
  /// the body has a defer statement (results then live in memory).
  void beginDefers(NodeId body, Pos p);
  /// Called by body() once the results are defined: their cells.
  void deferResultCells();
  /// The cell of result i, for a return or the landing pad.
  Value *deferResultCell(size_t i, Pos p);
  bool isDeferResult(const Object *var) const {
    return defers_ && std::find(results_.begin(), results_.end(), var) != results_.end();
  }
  /// Set while a defer statement's call (node) is evaluated: call() and
  /// closureCall() then describe that call in site (the values to keep in
  /// vals) instead of making it, and return null.
  struct Deferring {
    NodeId node;
    DeferSite site;
    std::vector<Value *> vals;
    bool done = false;
  };
  Deferring *deferring_ = nullptr;
  bool isDeferredCall(NodeId e) const { return deferring_ && deferring_->node == e; }
  /// The hook in call()/closureCall(): records a call of op (StaticCall of
  /// callee, or ClosureCall of a func value of signature sig, args[0]).
  void deferCall(Op op, const std::string &callee, const Type *sig, const Type *result,
                 const std::vector<Value *> &args);
  /// The same hook in ifaceCall(): method number index (name) of args[0]
  /// (nil-checked already, as gc does at the defer statement).
  void deferIfaceCall(int64_t index, const std::string &name, const Type *calleeSig, const Type *result,
                      const std::vector<Value *> &args);
  void deferStmt(NodeId s);
  /// Step 1 of a defer or go statement s: evaluates the call's function
  /// value and arguments into dfr (false: reported as unsupported).
  bool deferredCall(NodeId s, Deferring &dfr);
  /// go f(args): a closure over the evaluated values, to runtime.newproc.
  void goStmt(NodeId s);
  /// A go statement's wrapper: calls site with the values kept in its
  /// closure object (type closure: {code, values...}).
  struct PendingGo {
    std::string name, file;
    Pos pos;
    DeferSite site;
    const Type *closure = nullptr;
  };
  std::vector<PendingGo> pendingGos_;
  int goWrapCount_ = 0;
  std::unique_ptr<Func> goWrapper(const PendingGo &w);
  /// Ends the current block as a return of vals (empty: the results as
  /// they are) in a function with defers.
  void deferReturn(const std::vector<Value *> &vals, Pos p);
  /// The pending deferred calls, then a return of the result slots.
  void exitWithDefers(Pos p);
  /// Builds Func::unwind once the body is done.
  void endDefers(Pos p);
  /// Emits the deferred calls still pending, newest first; when panicking,
  /// asks the runtime after each whether it recovered (then to recovered).
  void runDefers(bool panicking, Block *recovered, Pos p);
  void callDeferred(const DeferSite &site, const std::vector<Value *> &vals, bool panicking, Pos p);
  /// A stack slot made at the function's entry (zeroed there if asked).
  Value *newLocal(const Type *t, Pos p, bool zeroed);


  // --- memory (build_mem.cpp): aggregates, fields, arrays, literals
  /// The address of an addressable expression (variable, *p, field,
  /// array or slice element).
  Value *addrOf(NodeId e);
  /// The value at addr: a load, or addr itself for an aggregate.
  Value *deref(Value *addr, const Type *t, Pos p) {
    if (isAggregate(t)) return addr;
    return value(Op::Load, t, {addr}, p);
  }
  /// Package variable g = v.
  void storeGlobal(const Object *g, Value *v, Pos p);
  /// *addr = v (a Move for aggregates).
  void storeValue(Value *addr, Value *v, const Type *t, Pos p);
  /// A new stack slot for a value of type t (contents undefined).
  Value *temp(const Type *t, Pos p) {
    Value *a = value(Op::LocalAddr, tt_.pointer(t), {}, p);
    a->auxType = t;
    a->aux = types::typeString(t);
    return a;
  }
  /// A copy of aggregate v in a new slot, unless v is already a temporary
  /// no one else refers to.
  Value *copyAggregate(Value *v, const Type *t, Pos p) {
    if (fresh_.count(v)) return v;
    Value *tmp = temp(t, p);
    Value *mv = value(Op::Move, tt_.tuple({}), {tmp, v}, p);
    mv->auxType = t;
    mv->aux = types::typeString(t);
    fresh_.insert(tmp); // a copy only the callee (or a deferred call's record) sees
    return tmp;
  }
  void zero(Value *addr, const Type *t, Pos p) {
    Value *z = value(Op::Zero, tt_.tuple({}), {addr}, p);
    z->auxType = t;
    z->aux = types::typeString(t);
  }
  /// Aggregate temporaries made by literals and calls, not yet shared.
  std::set<const Value *> fresh_;
  /// Follows the field indices of path from the struct at base (an address
  /// of a value of type t), through embedded pointers with nil checks; t
  /// becomes the type reached.
  Value *fieldPath(Value *base, const Type *&t, const std::vector<int> &path, size_t n, Pos p);
  /// The address of the selected field of x.f (x a struct or a pointer to one).
  Value *fieldAddr(NodeId e);
  /// The address of a[i] for an array (or pointer to array) operand, after
  /// gc's bounds check.
  Value *arrayElemAddr(NodeId e);
  /// Writes the composite literal e into dst (already zeroed).
  void fillComposite(NodeId e, Value *dst);
  /// Writes the value of element el (of type et) to addr; nested literals
  /// are built in place.
  void elementInto(Value *addr, NodeId el, const Type *et);
  /// A composite literal's value: a new temporary for structs and arrays.
  Value *compositeLit(NodeId e);
  /// x == y for values of aggregate type t.
  Value *equalAggregate(Value *x, Value *y, const Type *t, Pos p);
  /// The variable an addressable expression is part of, if a local one
  /// (x for x, x.f, x[i] with an array x).
  const Object *rootVar(NodeId e);
  // --- maps (build_map.cpp)
  /// How the runtime's map functions take the key of a map type (gc's
  /// mapfast): in a stack slot (the generic runtime.mapaccess1 etc.), or
  /// by value: a string (the _faststr functions), 4 or 8 bytes of regular
  /// memory (_fast32, _fast64; with pointers, mapassign_fast64ptr).
  enum class MapKeyPass { Slot, String, Word32, Word64, Word64Ptr };
  MapKeyPass mapKeyPass(const Type *mt);
  /// A map and a key, evaluated, ready for runtime calls. borrowed: the key
  /// is string(b) of a byte slice b without a copy, valid until b changes.
  struct MapRef {
    const Type *mt;
    Value *m, *key; ///< key: as pass says (a slot, a string, a word)
    MapKeyPass pass;
    bool borrowed;
    Pos p;
  };
  /// Whether a string(b) key may lend b's bytes to the runtime calls on a
  /// MapRef instead of copying them (gc's slicebytetostringtmp): for
  /// lookups and deletions, which do not keep the key, and insertions by
  /// mapassign_faststr_borrowed, which copies the key when it is new.
  /// Only where the calls come before the program can change b.
  enum class Borrow { No, Lookup, Insert };
  /// The map and key of index expression e (m[k]), evaluated in order.
  MapRef mapRef(NodeId e, Borrow borrow);
  MapRef mapRef(const Type *mt, Value *m, NodeId k, Borrow borrow, Pos p);
  /// Whether expression k is string(b) of a byte slice b.
  bool isBytesToString(NodeId k);
  /// Key expression k of map type mt as pass wants it.
  Value *mapKey(const Type *mt, MapKeyPass pass, NodeId k);
  /// The key value k (of mt's key type) as pass wants it.
  Value *mapKeyOf(const Type *mt, MapKeyPass pass, Value *k, Pos p);
  /// runtime.<op> ("mapaccess1", "mapassign", ...), or its variant for r's
  /// key, on r; rt: the result type.
  Value *mapOp(const char *op, const MapRef &r, const Type *rt);
  /// m[k] as an rvalue: the element (a copy).
  Value *mapRead(const MapRef &r);
  /// The element slot of m[k] to store to (inserted if missing).
  Value *mapSlot(const MapRef &r);
  Value *mapCall(const char *fn, const Type *rt, std::vector<Value *> args, Pos p);
  /// m[k]: the element (a copy), or for assignment the slot to store to.
  Value *mapIndex(NodeId e, bool forAssign);
  /// m[k] op= y, statement s with lhs m[k].
  void mapOpAssign(NodeId s, NodeId lhs);
  /// Whether e (parentheses aside) is an index expression on a map.
  bool isMapIndex(NodeId e) {
    while (tree_->kind(e) == NodeKind::ParenExpr) e = tree_->kid(e, 0);
    return tree_->kind(e) == NodeKind::IndexExpr &&
           types::under(typeOf(tree_->kid(e, 0)))->kind == types::TypeKind::Map;
  }
  /// v, ok := m[k].
  void mapIndexOk(NodeId e, std::vector<Value *> &out);
  Value *makeMap(const Type *mt, Value *hint, Pos p);
  Value *mapLit(NodeId e);
  void rangeMap(NodeId s);
  // --- channels and select (build_chan.cpp)
  /// A stack slot the runtime receives an element of type et into.
  Value *chanElemSlot(const Type *et, Pos p);
  /// A stack slot holding the value of expression v converted to et, for
  /// a send.
  Value *chanSendSlot(NodeId v, const Type *et);
  Value *chanCall(const char *fn, const Type *rt, std::vector<Value *> args, Pos p);
  /// make(chan T, size).
  Value *makeChan(const Type *ct, Value *size, Pos p);
  void sendStmt(NodeId s);
  /// <-c (e is the receive expression); with out, v, ok := <-c into out.
  Value *chanRecv(NodeId e, std::vector<Value *> *out);
  void rangeChan(NodeId s);
  void selectStmt(NodeId s);
  /// Whether e (parentheses aside) is a receive <-c.
  bool isRecv(NodeId e) {
    while (tree_->kind(e) == NodeKind::ParenExpr) e = tree_->kid(e, 0);
    return tree_->kind(e) == NodeKind::UnaryExpr && (*tree_)[e].op == Tok::Arrow;
  }
  /// The values of the right side of a multi-value assignment x (a call
  /// or a comma-ok form).
  void multiValue(NodeId x, std::vector<Value *> &out);
  /// for range over an array or a pointer to one.
  void rangeArray(NodeId s);
  /// The loop of a range over n elements of type et at base (slices and
  /// arrays).
  void rangeIndexed(NodeId s, Value *base, Value *n, const Type *et);
  std::map<std::string, Block *> labels_; ///< label blocks of the function
  Block *labelBlock(const std::string &name) {
    Block *&b = labels_[name];
    if (!b) b = newBlock();
    return b;
  }
};

} // namespace origo::ssa
