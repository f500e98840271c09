//===- types/type.h - Go types ----------------------------------*- C++ -*-===//
/// \file
/// Go's types (spec "Types"). Structural types are interned by TypeTable,
/// so two identical types are the same pointer; every defined (named) type
/// is unique. Types print as gc prints them in diagnostics.
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace origo::types {

enum class TypeKind : uint8_t {
  Basic,
  Pointer,
  Slice,
  Array,
  Map,
  Chan,
  Signature,
  Struct,
  Interface,
  Named,
  Tuple,
  TypeParam, ///< a type parameter (unique, not interned)
  Union,     ///< a union of terms in a constraint: A | ~B
};

enum class BasicKind : uint8_t {
  Invalid,
  Bool,
  Int, Int8, Int16, Int32, Int64,
  Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
  Float32, Float64,
  Complex64, Complex128,
  String,
  UnsafePointer,
  UntypedBool, UntypedInt, UntypedRune, UntypedFloat, UntypedComplex, UntypedString,
  UntypedNil,
};

struct Object;
struct Package;
struct Type;

/// A struct field.
struct Field {
  std::string name;
  const Type *type = nullptr;
  bool embedded = false;
  std::string tag;
  const Package *pkg = nullptr; ///< for unexported names: the declaring package
  Object *obj = nullptr;        ///< the field's Var object (uses record it)
};

enum class ChanDir : uint8_t { Both, Send, Recv };

/// A Go type. Fields are meaningful per kind as commented.
struct Type {
  explicit Type(TypeKind k) : kind(k) {}
  TypeKind kind;
  BasicKind basic = BasicKind::Invalid; ///< Basic
  const Type *elem = nullptr;           ///< Pointer, Slice, Array, Map (value), Chan
  const Type *key = nullptr;            ///< Map
  int64_t len = 0;                      ///< Array
  std::vector<const Type *> list;       ///< Tuple elements; Signature params then results
  uint32_t numParams = 0;               ///< Signature
  bool variadic = false;                ///< Signature
  Object *obj = nullptr;                ///< Named: its type name
  const Type *underlying = nullptr;     ///< Named (set once resolved); others: this
  std::vector<Field> fields;            ///< Struct
  /// Named: declared methods; Interface: explicit methods (Func objects
  /// whose types are signatures with receivers left out).
  std::vector<Object *> methods;
  std::vector<const Type *> embeddeds;  ///< Interface: embedded interfaces
  ChanDir dir = ChanDir::Both;          ///< Chan
  mutable bool complete = false;        ///< Interface: method set computed
  mutable std::vector<Object *> allMethods; ///< Interface: full method set, sorted by name
  mutable int64_t layoutSize = -1, layoutAlign = 0; ///< layoutOf's cache (layout.h)
  /// Named generic instance: the signatures (type arguments substituted)
  /// of the methods in its method set, by name, recorded by ssa/ when it
  /// compiles the instance's methods; type descriptors list these.
  mutable std::map<std::string, const Type *> instanceMethodSigs;
  /// Named (generic): its type parameters; Signature: those of a generic function.
  std::vector<const Type *> typeParams;
  const Type *origin = nullptr;         ///< Named instance: the generic type
  std::vector<const Type *> typeArgs;   ///< Named instance: its type arguments
  const Type *constraint = nullptr;     ///< TypeParam: its constraint (an interface)
  std::string boundText;                ///< TypeParam: the constraint as types2 prints it ("any", "~int")
  int index = 0;                        ///< TypeParam: position in its list
  std::vector<bool> tildes;             ///< Union: ~ on each term (terms in list)
  bool comparableIface = false;         ///< Interface: the predeclared comparable
  bool notInHeapDecl = false;           ///< Named: declared after //go:notinheap

  bool isBasic(BasicKind k) const { return kind == TypeKind::Basic && basic == k; }
  /// Params and results of a Signature.
  std::vector<const Type *> params() const {
    return {list.begin(), list.begin() + numParams};
  }
  std::vector<const Type *> results() const {
    return {list.begin() + numParams, list.end()};
  }
};

/// Owns and interns types.
class TypeTable {
public:
  TypeTable();
  const Type *basic(BasicKind k) const { return basics_[size_t(k)]; }
  const Type *invalid() const { return basic(BasicKind::Invalid); }
  const Type *pointer(const Type *elem);
  const Type *slice(const Type *elem);
  const Type *array(const Type *elem, int64_t len);
  const Type *map(const Type *key, const Type *elem);
  const Type *chan(const Type *elem, ChanDir dir);
  const Type *structType(std::vector<Field> fields);
  const Type *interfaceType(std::vector<Object *> methods, std::vector<const Type *> embeddeds);
  const Type *tuple(const std::vector<const Type *> &elems);
  const Type *signature(const std::vector<const Type *> &params,
                        const std::vector<const Type *> &results, bool variadic);
  /// A new defined type; its underlying type is set later (setUnderlying).
  Type *named(Object *obj);
  /// A new type parameter; its constraint is set later.
  Type *typeParam(Object *obj, int index);
  const Type *unionType(const std::vector<const Type *> &terms, const std::vector<bool> &tildes);
  /// The interface `comparable` stands for.
  const Type *comparableInterface();
  /// A generic function's signature.
  const Type *genericSignature(const Type *sig, const std::vector<const Type *> &typeParams);
  /// The instance origin[args], made once per argument list (so identical
  /// instances are the same pointer); `created` tells whether it is new
  /// (its underlying type is then still to be computed by the checker).
  Type *instance(const Type *origin, const std::vector<const Type *> &args, bool &created);

private:
  const Type *intern(Type t);
  std::deque<Type> store_;
  std::vector<const Type *> basics_;
  std::map<std::string, const Type *> interned_;
  std::map<std::vector<const Type *>, Type *> instances_; ///< keyed by origin then args
};

/// A type set (spec "Interface types"): all types, or the union of terms,
/// further restricted to comparable types by `comparable`.
struct TypeSet {
  bool all = true;
  std::vector<std::pair<const Type *, bool>> terms; ///< type, tilde
  bool comparable = false;
};
/// The type set of an interface (methods are interfaceMethods()).
TypeSet typeSetOf(const Type *iface);
/// The single underlying type of all types of t's type set (t itself for
/// an ordinary type's underlying type), or nullptr (spec "Core types").
const Type *coreType(const Type *t);
/// For type parameters: whether pred holds for every type of its type set
/// (false for an empty or unrestricted set); otherwise pred(t).
bool allTypes(const Type *t, bool (*pred)(const Type *));
bool isTypeParam(const Type *t);
/// Spec "Exported identifiers": the first character is a Unicode upper
/// case letter.
bool isExportedName(const std::string &name);
/// The underlying types an operation on t must handle: {under(t)} for an
/// ordinary type; for a type parameter the underlying type of each term of
/// its type set (types2's underIs), empty when the set is unrestricted.
std::vector<const Type *> termUnders(const Type *t);
/// gc's NotInHeap: the type was declared //go:notinheap, or its underlying
/// type, an array's element or a struct's field is such a type.
bool notInHeap(const Type *t);
/// The underlying type, or for a type parameter its core type (itself
/// when it has none): what operations like len, range or indexing use.
const Type *coreOrUnder(const Type *t);

// Classification (spec "Properties of types and values"), on underlying types.
const Type *under(const Type *t);
bool isUntyped(const Type *t);
bool isTyped(const Type *t);
bool isBoolean(const Type *t);
bool isString(const Type *t);
bool isInteger(const Type *t);
bool isUnsigned(const Type *t);
bool isFloat(const Type *t);
bool isComplex(const Type *t);
bool isNumeric(const Type *t);
bool isConstType(const Type *t);
bool isOrdered(const Type *t);
bool isComparable(const Type *t);
bool identical(const Type *a, const Type *b);
/// The default type of an untyped type (int for untyped int, ...).
const Type *defaultType(const TypeTable &tt, const Type *t);
/// Size in bits of a sized integer or float type (int/uint/uintptr: 64).
unsigned bitSize(const Type *t);

/// The type as gc prints it ("int", "untyped int", "func(int) string");
/// named types of packages other than `from` are qualified by package name.
std::string typeString(const Type *t, const Package *from = nullptr);
/// A struct tag as a double-quoted Go string (as types print them).
std::string quotedTag(const std::string &tag);
/// The name of a basic kind as Go writes it ("int", "unsafe.Pointer",
/// "untyped int").
const char *basicName(BasicKind k);

/// The complete method set of an interface (embedded ones included).
const std::vector<Object *> &interfaceMethods(const Type *iface);
bool isInterface(const Type *t);

} // namespace origo::types
