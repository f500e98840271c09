//===- types/object.h - named language entities -----------------*- C++ -*-===//
/// \file
/// Objects (constants, variables, type names, functions, built-ins, package
/// names, labels), the scopes that map names to them, and the result of
/// type-checking a package: the types and values of expressions and the
/// object each identifier denotes.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/ast.h"
#include "types/constant.h"
#include "types/type.h"

#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace origo::types {

enum class ObjKind : uint8_t { Const, Var, TypeName, Func, Builtin, PkgName, Nil, Label };

/// The built-in functions (spec "Built-in functions").
enum class Builtin : uint8_t {
  Append, Cap, Close, Complex, Copy, Delete, Imag, Len, Make, New, Panic, Print, Println,
  Real, Recover,
  // package unsafe
  Sizeof, Alignof, Offsetof, Add, Slice,
};

struct Package;

struct Object {
  ObjKind kind;
  std::string name;
  Pos pos;
  const Type *type = nullptr;
  Package *pkg = nullptr;        ///< nullptr for universe objects
  std::optional<Constant> value; ///< Const
  Builtin builtin{};             ///< Builtin
  bool used = false;             ///< Var, PkgName, Label
  bool isGlobal = false;         ///< Var at package level
  bool isParam = false;          ///< Var that is a parameter or named result
  bool isField = false;          ///< Var that is a struct field
  bool ptrRecv = false;          ///< Func: a method with a pointer receiver
  Package *imported = nullptr;   ///< PkgName: the package it denotes
  std::string importPath;        ///< PkgName
  bool renamed = false;          ///< PkgName: import with an explicit name
  bool isMethod = false;         ///< Func declared with a receiver
  const Type *recvType = nullptr;///< method: its receiver's base (named) type
  const syntax::Tree *tree = nullptr; ///< file declaring it (package-level objects)
  syntax::NodeId decl;           ///< FuncDecl or ValueSpec/TypeSpec, for package-level objects
  int iota = 0;                  ///< Const: the value of iota in its spec
  /// Package-level func or var named by a `//go:linkname name target` of
  /// its file: its symbol is target (defined here, or provided elsewhere
  /// when a func has no body).
  std::string linkname;
  enum class Color : uint8_t { White, Grey, Black } color = Color::White; ///< decl resolution

  /// The symbol name used by later stages: "main.f" (or its linkname).
  std::string linkName() const;
  /// Method: the name of its pointer-receiver form, "pkg.(*T).m", which is
  /// the method itself for a pointer receiver and else the wrapper that
  /// calls pkg.T.m with *p (gc's name for it).
  std::string ptrLinkName() const;
};

class Scope {
public:
  explicit Scope(Scope *parent, bool isFunc = false) : parent(parent), isFunc(isFunc) {}
  Object *lookupLocal(const std::string &name) const {
    auto it = names_.find(name);
    return it == names_.end() ? nullptr : it->second;
  }
  /// Looks up through enclosing scopes.
  Object *lookup(const std::string &name) const;
  /// Inserts obj; returns the existing object with that name, if any.
  Object *insert(Object *obj);
  /// Objects in declaration order.
  const std::vector<Object *> &objects() const { return order_; }

  Scope *parent;
  bool isFunc;
  std::vector<std::unique_ptr<Scope>> children;

private:
  std::map<std::string, Object *> names_;
  std::vector<Object *> order_;
};

/// Operand modes (types2's operandMode), recorded per expression.
/// (MapIndex: assignable, not addressable; CommaOk: may yield a second,
/// untyped bool result in assignments.)
enum class Mode : uint8_t { Invalid, NoValue, Builtin, TypeExpr, Constant, Variable, Value, MapIndex, CommaOk };

/// What the checker knows about one expression.
struct TypeAndValue {
  Mode mode = Mode::Invalid;
  const Type *type = nullptr;
  std::optional<Constant> value;
};

/// Checker results for one file, indexed by NodeId.
struct FileInfo {
  const syntax::Tree *tree = nullptr;
  std::vector<TypeAndValue> types;  ///< every expression
  std::vector<Object *> uses;       ///< identifiers: the object denoted
  std::vector<Object *> defs;       ///< identifiers: the object declared
  /// Type switch clauses: the variable implicitly declared in each.
  std::map<uint32_t, Object *> implicits;
  /// FuncDecl nodes: the function's scope-level parameter/result objects.
  std::map<uint32_t, std::vector<Object *>> params;
  /// FuncDecl nodes of methods: the receiver's object (named or not).
  std::map<uint32_t, Object *> receivers;
  /// Uses of generic functions (calls, instantiations): their type arguments,
  /// for monomorphization.
  std::map<uint32_t, std::vector<const Type *>> instances;
};

/// A type-checked package.
struct Package {
  std::string path;  ///< import path ("main" for the main package)
  std::string name;
  std::vector<const syntax::Tree *> files;
  std::vector<FileInfo> info; ///< parallel to files
  Scope *scope = nullptr;
  std::vector<Object *> funcs;    ///< package-level functions in source order
  std::vector<Object *> globals;  ///< package-level variables in source order
  /// Package-level variables in initialization order, each with the
  /// ValueSpec that initializes it (one entry per spec for multi-value
  /// specs `a, b = f()`, whose lhs are listed together; one entry per
  /// variable for `a, b = x, y`, which are initialized separately).
  struct Init {
    std::vector<Object *> lhs;
    const syntax::Tree *tree;
    syntax::NodeId rhs; ///< ExprList
    int index = -1;     ///< >= 0: lhs[0] is initialized by rhs's index-th value only
  };
  std::vector<Init> initOrder;
  /// Directly imported packages, in first-import order (unsafe included).
  std::vector<Package *> imports;
  /// Package names that more than one package reachable through imports
  /// bears: messages of this package print those packages' types with the
  /// quoted path ("test/a".T), as types2's qualifier does. Set by the
  /// checker before its first message that names a type.
  std::set<std::string> ambiguousNames;

  const FileInfo &infoFor(const syntax::Tree *t) const;
};

} // namespace origo::types
