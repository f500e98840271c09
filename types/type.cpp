//===- types/type.cpp - Go types ------------------------------------------===//
/// \file
/// Interning of structural types, the type predicates of the spec, and
/// gc's spelling of types in diagnostics.
//===----------------------------------------------------------------------===//
#include "types/type.h"

#include "types/object.h"

#include <cassert>

namespace origo::types {

static const char *basicName(BasicKind k) {
  switch (k) {
  case BasicKind::Invalid: return "invalid type";
  case BasicKind::Bool: return "bool";
  case BasicKind::Int: return "int";
  case BasicKind::Int8: return "int8";
  case BasicKind::Int16: return "int16";
  case BasicKind::Int32: return "int32";
  case BasicKind::Int64: return "int64";
  case BasicKind::Uint: return "uint";
  case BasicKind::Uint8: return "uint8";
  case BasicKind::Uint16: return "uint16";
  case BasicKind::Uint32: return "uint32";
  case BasicKind::Uint64: return "uint64";
  case BasicKind::Uintptr: return "uintptr";
  case BasicKind::Float32: return "float32";
  case BasicKind::Float64: return "float64";
  case BasicKind::Complex64: return "complex64";
  case BasicKind::Complex128: return "complex128";
  case BasicKind::String: return "string";
  case BasicKind::UnsafePointer: return "unsafe.Pointer";
  case BasicKind::UntypedBool: return "untyped bool";
  case BasicKind::UntypedInt: return "untyped int";
  case BasicKind::UntypedRune: return "untyped rune";
  case BasicKind::UntypedFloat: return "untyped float";
  case BasicKind::UntypedComplex: return "untyped complex";
  case BasicKind::UntypedString: return "untyped string";
  case BasicKind::UntypedNil: return "untyped nil";
  }
  return "?";
}

TypeTable::TypeTable() {
  for (int k = 0; k <= int(BasicKind::UntypedNil); ++k) {
    Type t{TypeKind::Basic};
    t.basic = BasicKind(k);
    store_.push_back(t);
    store_.back().underlying = &store_.back();
    basics_.push_back(&store_.back());
  }
}

/// A key that is equal exactly for identical structural types: element
/// types are identified by their (unique) addresses.
static std::string keyOf(const Type &t) {
  std::string k = std::to_string(int(t.kind)) + ":" + std::to_string(t.len) + ":" +
                  std::to_string(t.numParams) + ":" + (t.variadic ? "v" : "") + ":";
  auto addr = [&](const Type *p) { k += std::to_string(reinterpret_cast<uintptr_t>(p)) + ","; };
  addr(t.elem);
  addr(t.key);
  for (const Type *e : t.list) addr(e);
  return k;
}

const Type *TypeTable::intern(Type t) {
  std::string k = keyOf(t);
  auto it = interned_.find(k);
  if (it != interned_.end()) return it->second;
  store_.push_back(std::move(t));
  Type *p = &store_.back();
  p->underlying = p;
  interned_.emplace(std::move(k), p);
  return p;
}

const Type *TypeTable::pointer(const Type *elem) {
  Type t{TypeKind::Pointer};
  t.elem = elem;
  return intern(std::move(t));
}

const Type *TypeTable::slice(const Type *elem) {
  Type t{TypeKind::Slice};
  t.elem = elem;
  return intern(std::move(t));
}

const Type *TypeTable::tuple(const std::vector<const Type *> &elems) {
  Type t{TypeKind::Tuple};
  t.list = elems;
  return intern(std::move(t));
}

const Type *TypeTable::signature(const std::vector<const Type *> &params,
                                 const std::vector<const Type *> &results, bool variadic) {
  Type t{TypeKind::Signature};
  t.list = params;
  t.list.insert(t.list.end(), results.begin(), results.end());
  t.numParams = uint32_t(params.size());
  t.variadic = variadic;
  return intern(std::move(t));
}

Type *TypeTable::named(Object *obj) {
  store_.push_back(Type{TypeKind::Named});
  Type *t = &store_.back();
  t->obj = obj;
  return t;
}

const Type *under(const Type *t) {
  if (!t) return nullptr;
  if (t->kind == TypeKind::Named)
    return t->underlying ? t->underlying : t;
  return t;
}

static BasicKind bk(const Type *t) {
  t = under(t);
  return t && t->kind == TypeKind::Basic ? t->basic : BasicKind::Invalid;
}

bool isUntyped(const Type *t) {
  return t && t->kind == TypeKind::Basic && t->basic >= BasicKind::UntypedBool;
}
bool isTyped(const Type *t) { return !isUntyped(t); }
bool isBoolean(const Type *t) {
  BasicKind k = bk(t);
  return k == BasicKind::Bool || k == BasicKind::UntypedBool;
}
bool isString(const Type *t) {
  BasicKind k = bk(t);
  return k == BasicKind::String || k == BasicKind::UntypedString;
}
bool isInteger(const Type *t) {
  BasicKind k = bk(t);
  return (k >= BasicKind::Int && k <= BasicKind::Uintptr) || k == BasicKind::UntypedInt ||
         k == BasicKind::UntypedRune;
}
bool isUnsigned(const Type *t) {
  BasicKind k = bk(t);
  return k >= BasicKind::Uint && k <= BasicKind::Uintptr;
}
bool isFloat(const Type *t) {
  BasicKind k = bk(t);
  return k == BasicKind::Float32 || k == BasicKind::Float64 || k == BasicKind::UntypedFloat;
}
bool isComplex(const Type *t) {
  BasicKind k = bk(t);
  return k == BasicKind::Complex64 || k == BasicKind::Complex128 ||
         k == BasicKind::UntypedComplex;
}
bool isNumeric(const Type *t) { return isInteger(t) || isFloat(t) || isComplex(t); }
bool isConstType(const Type *t) {
  return isBoolean(t) || isString(t) || isNumeric(t);
}
bool isOrdered(const Type *t) { return isInteger(t) || isFloat(t) || isString(t); }

bool isComparable(const Type *t) {
  const Type *u = under(t);
  switch (u->kind) {
  case TypeKind::Basic: return u->basic != BasicKind::UntypedNil;
  case TypeKind::Pointer: case TypeKind::Chan: case TypeKind::Interface: return true;
  case TypeKind::Array: return isComparable(u->elem);
  case TypeKind::Struct:
    for (const Type *f : u->list)
      if (!isComparable(f)) return false;
    return true;
  default: return false;
  }
}

bool identical(const Type *a, const Type *b) { return a == b; }

const Type *defaultType(const TypeTable &tt, const Type *t) {
  if (!isUntyped(t)) return t;
  switch (t->basic) {
  case BasicKind::UntypedBool: return tt.basic(BasicKind::Bool);
  case BasicKind::UntypedInt: return tt.basic(BasicKind::Int);
  case BasicKind::UntypedRune: return tt.basic(BasicKind::Int32);
  case BasicKind::UntypedFloat: return tt.basic(BasicKind::Float64);
  case BasicKind::UntypedComplex: return tt.basic(BasicKind::Complex128);
  case BasicKind::UntypedString: return tt.basic(BasicKind::String);
  default: return t;
  }
}

unsigned bitSize(const Type *t) {
  switch (bk(t)) {
  case BasicKind::Int8: case BasicKind::Uint8: return 8;
  case BasicKind::Int16: case BasicKind::Uint16: return 16;
  case BasicKind::Int32: case BasicKind::Uint32: case BasicKind::Float32: return 32;
  case BasicKind::Complex64: return 64;
  case BasicKind::Complex128: return 128;
  case BasicKind::Bool: return 1;
  default: return 64;
  }
}

static void writeTuple(std::string &s, const std::vector<const Type *> &list, bool variadic) {
  s += "(";
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) s += ", ";
    if (variadic && i + 1 == list.size() && list[i]->kind == TypeKind::Slice)
      s += "..." + typeString(list[i]->elem);
    else
      s += typeString(list[i]);
  }
  s += ")";
}

std::string typeString(const Type *t) {
  if (!t) return "<nil>";
  switch (t->kind) {
  case TypeKind::Basic: return basicName(t->basic);
  case TypeKind::Pointer: return "*" + typeString(t->elem);
  case TypeKind::Slice: return "[]" + typeString(t->elem);
  case TypeKind::Array: return "[" + std::to_string(t->len) + "]" + typeString(t->elem);
  case TypeKind::Map: return "map[" + typeString(t->key) + "]" + typeString(t->elem);
  case TypeKind::Chan: return "chan " + typeString(t->elem);
  case TypeKind::Tuple: {
    std::string s;
    writeTuple(s, t->list, false);
    return s;
  }
  case TypeKind::Signature: {
    std::string s = "func";
    writeTuple(s, t->params(), t->variadic);
    auto res = t->results();
    if (res.size() == 1) s += " " + typeString(res[0]);
    else if (res.size() > 1) { s += " "; writeTuple(s, res, false); }
    return s;
  }
  case TypeKind::Struct: return "struct{...}";
  case TypeKind::Interface: return "interface{...}";
  case TypeKind::Named: return t->obj ? t->obj->name : "?";
  }
  return "?";
}

} // namespace origo::types
