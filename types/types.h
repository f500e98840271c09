//===- types/types.h - public interface of types/ ---------------*- C++ -*-===//
/// \file
/// The type checker: turns parsed files of one package into a typed
/// package (types.h), reporting errors in gc 1.19's words.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/frontend.h"
#include "types/constant.h"
#include "types/object.h"
#include "types/layout.h"
#include "types/type.h"

#include <functional>
#include <map>
#include <memory>

namespace origo::types {

/// Owns everything the checker creates: types, objects, scopes, packages.
class Universe;

struct CheckConfig {
  std::string arch = "amd64"; ///< sizes are the same for amd64 and arm64
  /// Resolves an import path to an already checked package; returns
  /// nullptr with a reason in err when it cannot (gc then reports
  /// `could not import PATH (REASON)`). Unset: imports are not supported.
  std::function<Package *(const std::string &path, std::string &err)> importer;
  /// gc's -complete: the package has no non-Go parts, so every function
  /// needs a body (or a //go:linkname naming its implementation).
  bool complete = false;
  /// gc's -lang: the language version the package is written in ("go1.N");
  /// newer features are errors.
  std::string lang = "go1.19";
};

/// What x.f found (types2's lookupFieldOrMethod); the back end follows
/// path to reach promoted fields and methods.
struct LookupResult {
  Object *method = nullptr;
  const Field *field = nullptr;
  std::vector<int> path;     ///< field indices through embedded fields
  bool indirect = false;     ///< a pointer was followed on the way
  bool interfaceMethod = false;
  bool ambiguous = false;
  const Type *owner = nullptr; ///< the named type declaring the method
};
/// Whether nil is a value of t (pointer, func, slice, map, chan, interface,
/// unsafe.Pointer).
bool hasNil(const Type *t);
LookupResult lookupFieldOrMethod(const Type *T, const std::string &name, const Package *from);

/// One method of a method set (spec "Method sets"): declared on the type
/// (empty path) or promoted through embedded fields.
struct MethodSetEntry {
  Object *method = nullptr;
  std::vector<int> path;       ///< field indices through embedded fields
  bool indirect = false;       ///< an embedded pointer is followed (or t is *T)
  bool interfaceMethod = false; ///< the method of an embedded interface field
};
/// The method set of a defined type T or of *T (T not an interface),
/// sorted by name then package path: T's value methods and the methods
/// promoted to T (those with pointer receivers only through embedded
/// pointers); for *T, all of them.
std::vector<MethodSetEntry> methodSetOf(const Type *t);

/// The name later stages give a defined type: "pkg.T"; types declared in
/// functions, which may share a name, get "·file.line.col" of their
/// declaration appended.
std::string typeLinkName(const Type *named);
/// "pkg.(*T).m": the pointer-receiver form of method m of defined type T
/// (the method itself, or a wrapper the compiler makes).
std::string ptrMethodName(const Type *named, const std::string &m);
/// gc's symbol of method m of an instance of a generic type,
/// "main.List[int].Len", or with ptr its pointer form
/// "main.(*List[int]).Len" (ssa compiles instance methods under these).
std::string instanceMethodName(const Type *inst, const std::string &m, bool ptr);

class Program;

/// Type arguments by type parameter.
using TypeMap = std::map<const Type *, const Type *>;
/// Makes (or finds) the instance origin[args].
using InstanceFn = std::function<const Type *(const Type *origin, const std::vector<const Type *> &args)>;
/// t with the type parameters of m replaced by their arguments; instances
/// of generic types are made by instance.
const Type *substitute(Program &prog, const Type *t, const TypeMap &m, const InstanceFn &instance, int depth = 0);
/// The same after checking: new instances get their underlying type at once.
const Type *substitute(Program &prog, const Type *t, const TypeMap &m);

/// The world of a compilation: the universe scope and all packages.
class Program {
public:
  Program();
  ~Program();
  TypeTable &types() { return *types_; }
  Scope &universe() { return *universe_; }
  /// Allocates an object owned by the program.
  Object *newObject(ObjKind kind, std::string name, Pos pos, const Type *type);
  Scope *newScope(Scope *parent, bool isFunc = false);
  Package *newPackage(std::string path);
  /// The built-in package unsafe (Pointer, Sizeof, Alignof, Offsetof, Add, Slice).
  Package *unsafePackage();

private:
  std::unique_ptr<TypeTable> types_;
  std::unique_ptr<Scope> universe_;
  std::vector<std::unique_ptr<Object>> objects_;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::vector<std::unique_ptr<Package>> packages_;
  Package *unsafe_ = nullptr;
};

/// Type-checks the files of one package. Errors go to diags; the package
/// is returned even when there are errors.
Package *checkPackage(Program &prog, const std::string &path,
                      const std::vector<const syntax::Tree *> &files, const SourceManager &sm,
                      Diagnostics &diags, const CheckConfig &cfg);

/// The text dump of `-stop-after=types`: per function, every expression
/// with its type (and constant value) and every identifier's object.
std::string dumpTypes(const Package &pkg, const SourceManager &sm);

} // namespace origo::types
