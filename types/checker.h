//===- types/checker.h - the type checker (private) -------------*- C++ -*-===//
/// \file
/// The Checker walks one package's syntax trees: it collects package-level
/// declarations, resolves them on demand (so declaration order does not
/// matter and cycles are found), then checks function bodies. Its design
/// follows gc's types2 (operands with modes, untyped constants converted
/// at their use); its messages are types2's with CompilerErrorMessages on.
/// Private to types/.
//===----------------------------------------------------------------------===//
#pragma once

#include "types/types.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace origo::types {

using syntax::NodeId;
using syntax::NodeKind;
using syntax::Tok;
using syntax::Tree;

/// An evaluated expression (types2's operand).
struct Operand {
  Mode mode = Mode::Invalid;
  NodeId expr;
  const Type *type = nullptr;
  std::optional<Constant> val;
  Builtin builtin{};
  bool invalid() const { return mode == Mode::Invalid; }
};

class Checker {
public:
  Checker(Program &prog, Package &pkg, const SourceManager &sm, Diagnostics &diags, const CheckConfig &cfg)
      : prog_(prog), tt_(prog.types()), pkg_(pkg), sm_(sm), diags_(diags), cfg_(cfg) {}
  void run(const std::vector<const Tree *> &files);

  /// Types in messages are qualified by package name unless declared in
  /// this package (types2's qualifier); these hide the free function, so
  /// every message written inside the checker qualifies.
  std::string typeString(const Type *t) const {
    markImports();
    return types::typeString(t, &pkg_);
  }
  /// Sets pkg_.ambiguousNames, once (types2's markImports).
  void markImports() const;
  mutable bool importsMarked_ = false;
  std::string typeString(const Type *t, const Package *from) const { return types::typeString(t, from); }

  // --- errors (check_decl.cpp)
  void error(Pos pos, std::string msg);
  bool reported_ = false; ///< an error was reported (follow-on errors are dropped)
  /// Whether -lang allows go1.minor features; if not, reports what needs them.
  bool allowVersion(int minor, Pos pos, const std::string &what, bool namesLang = true);
  void errorAt(NodeId n, std::string msg);
  /// "x redeclared in this block", pointing at the other declaration.
  void redeclared(Pos pos, const std::string &name, Pos prev);
  void unsupported(NodeId n, const std::string &what);
  std::string exprStr(NodeId n) const;
  std::string operandStr(const Operand &x) const;

  // --- declarations (check_decl.cpp)
  void collectObjects();
  /// The checks gc's noder makes of a function's directives and body.
  void checkFuncDirectives(const Tree &tr, NodeId decl, const std::string &name);
  void objDecl(Object *obj);
  void constDecl(Object *obj);
  void varDecl(Object *obj);
  void typeDecl(Object *obj);
  void funcDecl(Object *obj);
  /// Methods declared with typeName as their receiver's base type.
  std::vector<Object *> methodsOf(Object *typeName);
  /// Declares a generic receiver's type parameter names; returns the scope.
  Scope *receiverTypeParams(Object *obj, Scope *ts);
  void funcBody(Object *fn, const Type *sig, NodeId body);
  /// Checks a function body (declared function or literal) in a new scope.
  void funcLitBody(NodeId owner, NodeId ft, NodeId recv, const Type *sig, NodeId body);
  std::vector<Object *> *curParams_ = nullptr; ///< parameters and results of the current function
  const Type *funcType(NodeId ft, NodeId declNode, std::vector<Object *> *paramObjs, Scope *scope);
  void declareLocalConsts(NodeId spec, NodeId typeNode, NodeId values, int iota);
  void usage(Scope *scope);
  void unusedImports();
  void computeInitOrder();
  /// Reports an initialization cycle given as {x, ..., first step of x}.
  void reportInitCycle(const std::vector<Object *> &cycle);
  /// Records that the object being declared or checked refers to obj
  /// (types2's addDeclDep), for the initialization order.
  void addDeclDep(Object *obj);

  // --- declaration cycles (cycles.cpp)
  /// Whether the cycle objPath_[start:] closed by a reference to its first
  /// object is allowed; reports it if not (types2's validCycle).
  bool validCycle(size_t start);
  bool inTParamList_ = false; ///< checking a type parameter list
  /// Reports an invalid cycle, starting with the object first in source.
  void cycleError(const std::vector<Object *> &cycle);
  /// One step of a reported cycle: a declared name, or an instance where
  /// it is written ("a.A" for an imported one).
  struct CycleStep {
    std::string name;
    Pos pos;
    const Type *type = nullptr;
  };
  void cycleError(const std::vector<CycleStep> &cycle, bool isType);
  /// Reports a defined type that contains itself (types2's validType).
  void validType(const Type *named);
  bool validType0(const Type *t, std::vector<const Type *> &nest, std::vector<CycleStep> &path);
  /// Where each instance of a generic type was first written.
  std::map<const Type *, Pos> instPos_;
  /// Named types checked by validType and found valid.
  std::set<const Type *> validTypes_;
  /// Package-level defined types, checked by validType once all are declared.
  std::vector<const Type *> pendingValidTypes_;
  /// Package-level `type T U` with U still being declared: T's underlying
  /// type waits for U's (resolveDeferred).
  struct DeferredUnder {
    Object *obj;
    Type *named;
    const Type *u;
  };
  std::vector<DeferredUnder> deferredUnder_;
  void resolveDeferred();
  /// What follows a defined type's underlying type being known: pending
  /// instances expanded, receivers of its methods checked.
  void finishUnderlying(Object *obj, Type *named);
  void checkPendingValidTypes();
  /// Whether some defined type is being declared (its underlying type,
  /// or one it refers to, may still be unknown).
  bool declaringType() const;
  int localTypeDecls_ = 0; ///< local type declarations in progress
  /// Map key types checked for comparability once complete.
  struct LaterKey {
    const Tree *tree;
    NodeId node;
    const Type *key;
  };
  std::vector<LaterKey> mapKeysLater_;
  void checkMapKey(const LaterKey &k);
  /// Interface literals with embedded elements, checked for clashing
  /// methods once complete.
  struct LaterIface {
    const Tree *tree;
    std::vector<std::pair<NodeId, const Type *>> embedded;
    std::vector<Object *> declared; ///< its own methods
  };
  std::vector<LaterIface> ifacesLater_;
  /// Embedded struct fields (type in LaterKey::key), checked once complete.
  std::vector<LaterKey> embeddedLater_;
  void checkEmbeddedField(const LaterKey &k);
  void checkEmbeddedMethods(const LaterIface &li);
  void duplicateMethod(Pos pos, const std::string &name, Pos prev);
  /// Named types: the type their declaration names (another named type
  /// or a type literal), the path validType follows.
  std::map<const Type *, const Type *> fromRHS_;

  // --- types (typexpr.cpp)
  const Type *typExpr(NodeId e);
  int64_t arrayLength(NodeId e);
  const Type *structType(NodeId e);
  const Type *interfaceType(NodeId e);
  static bool exported(const std::string &name);
  /// Whether gc's export data of p would hold the unexported object o.
  bool inExportData(const Package *p, const Object *o);
  std::map<const Package *, std::set<const Object *>> exportedTypeNames_;
  void selector(Operand &x, NodeId e);
  // --- generics (generics.cpp)
  std::vector<const Type *> declareTypeParams(NodeId list, Scope *scope, Type *owner = nullptr);
  const Type *constraintType(NodeId e, bool *implicit = nullptr);
  /// The type named by the X of X[A, B]: a generic type is allowed there.
  const Type *genericTypeName(NodeId e);
  const Type *receiverType(NodeId e);
  /// A type for variables, fields, parameters and elements: constraint
  /// interfaces are not allowed there (checked once types are complete).
  const Type *varType(NodeId e);
  /// A type, or a union of terms (A | ~B) inside a constraint.
  const Type *termType(NodeId e);
  const Type *subst(const Type *t, const TypeMap &m, int depth = 0);
  static TypeMap typeMap(const std::vector<const Type *> &params, const std::vector<const Type *> &args);
  const Type *instance(const Type *origin, const std::vector<const Type *> &args);
  void expandInstance(Type *inst);
  void expandPending(const Type *origin);
  const Type *instantiateType(NodeId e, const Type *origin, const std::vector<NodeId> &argNodes);
  bool verifyTypeArgs(const std::vector<const Type *> &params, const std::vector<const Type *> &args,
                      const std::vector<NodeId> &nodes);
  void verifyInstances();
  /// Why V does not satisfy constraint T ("" if it does).
  std::string satisfies(const Type *V, const Type *T);
  std::vector<const Type *> inferTypeArgs(NodeId call, const Type *sig, std::vector<const Type *> targs,
                                          const std::vector<Operand> &args);
  const Type *instantiateSignature(NodeId call, const Type *sig, const std::vector<const Type *> &targs,
                                   const std::vector<NodeId> &argNodes);
  /// A method's signature as seen through its (possibly instantiated) owner.
  const Type *methodType(const LookupResult &r);
  std::map<const Type *, std::vector<Type *>> pendingInstances_;
  /// Checks that need complete types, made after all declarations.
  struct PendingVerify {
    enum Kind { TypeArgs, MapKey, VarType } kind = TypeArgs;
    std::vector<const Type *> params, args;
    std::vector<NodeId> nodes;
    Scope *scope;
    const Tree *tree;
  };
  std::vector<PendingVerify> verifyLater_;
  NodeId callee_; ///< the function expression of the call being checked
  bool genericOk_ = false;
  bool inGenericFunc_ = false; ///< checking the body of a generic function or method ///< a generic type name may appear (it is being instantiated)
  /// Type parameter scopes of generic functions and methods, by decl node.
  std::map<std::pair<const Tree *, uint32_t>, Scope *> tparamScopes_;
  /// Explicit (possibly partial) type arguments of generic function operands.
  std::map<uint32_t, std::vector<const Type *>> partialTargs_;

  // --- composite expressions (operand.cpp)
  void funcLit(Operand &x, NodeId e);
  void indexExpr(Operand &x, NodeId e);
  void sliceExpr(Operand &x, NodeId e);
  void typeParamIndex(Operand &x, NodeId e);

  // --- instantiation cycles (mono.cpp)
  struct MonoVertex {
    const Type *tp;
    int weight = 0, len = 0, pre = -1;
  };
  struct MonoEdge {
    int src, dst, weight;
    Pos pos;         ///< the type argument
    const Type *typ; ///< what dst was instantiated as
  };
  int monoVertex(const Type *tp);
  /// Adds the flows of one instantiation (params[i] as args[i], written
  /// at at[i]) to the graph.
  void recordInstance(const std::vector<const Type *> &params, const std::vector<const Type *> &args,
                      const std::vector<Pos> &at);
  /// Reports an instantiation cycle, if any (after all bodies are checked).
  void monomorph();
  void reportInstanceLoop(int v);
  std::vector<MonoVertex> monoVertices_;
  std::vector<MonoEdge> monoEdges_;
  std::map<const Type *, int> monoIndex_;
  void notInHeapConversion(const Operand &x, const Type *T, NodeId e);
  void starExpr(Operand &x, NodeId e);
  void compositeLit(Operand &x, NodeId e, const Type *hint);
  void typeAssert(Operand &x, NodeId e);
  void addressOf(Operand &x, NodeId e);
  void receive(Operand &x, NodeId e);
  /// An index checked against length (-1: unknown); returns the constant value or -1.
  int64_t index(NodeId e, int64_t length);
  /// Checks x as an index or size (what): an integer, and if constant,
  /// non-negative and representable as int (types2's isValidIndex).
  bool validIndex(Operand &x, const std::string &what);
  /// Whether V lacks a method of interface T; sets the reason.
  bool missingMethod(const Type *V, const Type *T, std::string &missing);

  // --- expressions (check_expr.cpp)
  void rawExpr(Operand &x, NodeId e, const Type *hint = nullptr);
  void numericLiteralVersion(NodeId e);
  void expr(Operand &x, NodeId e);                     ///< single value required
  void exprWithHint(Operand &x, NodeId e, const Type *hint);
  /// f() may yield several values; with commaOk, so may m[k], <-ch, x.(T).
  void multiExpr(std::vector<Operand> &xs, NodeId e, bool commaOk = false);
  void exprList(std::vector<Operand> &xs, const std::vector<NodeId> &es, bool commaOk = false);
  std::set<uint32_t> commaOks_; ///< expressions used in comma-ok form
  void record(const Operand &x);
  void updateExprType(NodeId e, const Type *t, bool final);
  void convertUntyped(Operand &x, const Type *target);
  bool representable(Operand &x, const Type *t, bool report);
  void assignment(Operand &x, const Type *t, const std::string &context);
  bool assignableTo(const Operand &x, const Type *t);
  /// Why x is not assignable to t, when types2 says more ("" otherwise).
  std::string assignCause(const Operand &x, const Type *t);
  void unary(Operand &x, NodeId e);
  void binary(Operand &x, NodeId e, NodeId lhs, NodeId rhs, Tok op);
  void shift(Operand &x, Operand &y, NodeId e, Tok op);
  /// x op y for a comparison operator; with switchCase, x is a case value
  /// compared with the switch tag y.
  void comparison(Operand &x, Operand &y, Tok op, NodeId e, bool switchCase = false);
  void matchTypes(Operand &x, Operand &y);
  void ident(Operand &x, NodeId e);
  void call(Operand &x, NodeId e);
  void builtinCall(Operand &x, NodeId e, Builtin b);
  void otherBuiltin(Operand &x, NodeId e, Builtin b, const std::vector<NodeId> &args, const std::string &name);
  void conversion(Operand &x, const Type *t, NodeId e);
  bool convertible(const Operand &x, const Type *T);
  void arguments(NodeId call, const Type *sig, std::vector<Operand> &args);

  // --- statements (check_stmt.cpp)
  void stmtList(const std::vector<NodeId> &stmts);
  void stmt(NodeId s);
  void openScope();
  void closeScope();
  void assignStmt(NodeId s);
  void shortVarDecl(NodeId s);
  bool assignVar(NodeId lhs, Operand &x);
  void useLHS(const std::vector<NodeId> &lhs);
  void assignMismatch(size_t nvars, size_t nvals, const std::vector<NodeId> &rhs);
  void returnStmt(NodeId s);
  void declStmt(NodeId d);
  bool isTerminating(NodeId s, const std::string &label);
  void rangeStmt(NodeId s);
  void switchStmt(NodeId s);
  void typeSwitch(NodeId s, NodeId guard);
  void selectStmt(NodeId s);
  /// Reports a second default clause; first is the first one seen.
  void multipleDefaults(NodeId clause, NodeId &first);

  // --- state
  Program &prog_;
  TypeTable &tt_;
  Package &pkg_;
  const SourceManager &sm_;
  Diagnostics &diags_;
  /// Errors gc reports after types2, only when types2 reported none.
  std::vector<std::pair<Pos, std::string>> lateErrors_;
  const CheckConfig &cfg_;
  /// Methods by receiver base type name, attached when the type is declared.
  std::map<std::string, std::vector<Object *>> methodsByBase_;
  std::vector<Object *> pkgNames_; ///< import names, for the unused-import check
  struct DotImport {
    const Tree *tree;
    Package *pkg;
    Pos pos;
    std::string path;
  };
  std::vector<DotImport> dotImports_; ///< import . "path", for the unused-import check
  const Tree *tree_ = nullptr; ///< file being checked
  FileInfo *info_ = nullptr;
  Scope *scope_ = nullptr;
  std::vector<std::pair<const Tree *, Scope *>> fileScopes_;
  const Type *sig_ = nullptr;  ///< signature of the function being checked
  Object *funcObj_ = nullptr;  ///< package-level object whose body/initializer is checked
  int iota_ = -1;              ///< value of iota, or -1 outside constant declarations
  std::vector<Object *> objPath_; ///< objects being resolved (cycle detection)
  /// Package-level objects each package-level object refers to (init order).
  std::map<Object *, std::set<Object *>> deps_;
  /// Constants: the spec holding their type and values (implicit repetition).
  std::map<Object *, NodeId> constSrc_;
  /// Package-level objects in source order (blank ones too).
  std::vector<Object *> pkgObjects_;
  /// Local variables of the function being checked (unused-variable check).
  std::vector<Object *> funcVars_;

  void setFile(const Tree *t);
  FileInfo &infoOf(const Tree *t);
};

} // namespace origo::types
