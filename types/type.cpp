//===- types/type.cpp - Go types ------------------------------------------===//
/// \file
/// Interning of structural types, the type predicates of the spec, and
/// gc's spelling of types in diagnostics.
//===----------------------------------------------------------------------===//
#include "types/type.h"

#include "types/object.h"

#include <algorithm>
#include <cassert>
#include <map>

namespace origo::types {

const char *basicName(BasicKind k) {
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
                  std::to_string(t.numParams) + ":" + (t.variadic ? "v" : "") + ":" +
                  std::to_string(int(t.dir)) + ":";
  auto addr = [&](const void *p) { k += std::to_string(reinterpret_cast<uintptr_t>(p)) + ","; };
  addr(t.elem);
  addr(t.key);
  for (const Type *e : t.list) addr(e);
  // Struct fields: names (with the package of unexported ones), types,
  // embedding and tags are all part of identity.
  for (const Field &f : t.fields) {
    k += "|" + f.name + (f.embedded ? "*" : "") + "`" + f.tag + "`";
    addr(f.type);
    if (!f.name.empty() && !isExportedName(f.name)) addr(f.pkg);
  }
  for (const Object *m : t.methods) {
    k += "|" + m->name;
    addr(m->type);
    if (!m->name.empty() && !isExportedName(m->name)) addr(m->pkg);
  }
  for (const Type *e : t.embeddeds) addr(e);
  k += "[";
  for (const Type *e : t.typeParams) addr(e);
  for (bool b : t.tildes) k += b ? "~" : "-";
  if (t.comparableIface) k += "C";
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

const Type *TypeTable::array(const Type *elem, int64_t len) {
  Type t{TypeKind::Array};
  t.elem = elem;
  t.len = len;
  return intern(std::move(t));
}

const Type *TypeTable::map(const Type *key, const Type *elem) {
  Type t{TypeKind::Map};
  t.key = key;
  t.elem = elem;
  return intern(std::move(t));
}

const Type *TypeTable::chan(const Type *elem, ChanDir dir) {
  Type t{TypeKind::Chan};
  t.elem = elem;
  t.dir = dir;
  return intern(std::move(t));
}

const Type *TypeTable::structType(std::vector<Field> fields) {
  Type t{TypeKind::Struct};
  t.fields = std::move(fields);
  return intern(std::move(t));
}

const Type *TypeTable::interfaceType(std::vector<Object *> methods, std::vector<const Type *> embeddeds) {
  Type t{TypeKind::Interface};
  std::sort(methods.begin(), methods.end(), [](Object *a, Object *b) { return a->name < b->name; });
  t.methods = std::move(methods);
  t.embeddeds = std::move(embeddeds);
  return intern(std::move(t));
}

bool isInterface(const Type *t) { return t && under(t)->kind == TypeKind::Interface; }

const std::vector<Object *> &interfaceMethods(const Type *iface) {
  const Type *u = under(iface);
  if (u->complete) return u->allMethods;
  u->complete = true; // also guards against embedding cycles
  std::map<std::string, Object *> set;
  for (Object *m : u->methods) set.emplace(m->name, m);
  for (const Type *e : u->embeddeds)
    if (isInterface(e))
      for (Object *m : interfaceMethods(e)) set.emplace(m->name, m);
  for (auto &[name, m] : set) u->allMethods.push_back(m);
  return u->allMethods;
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

Type *TypeTable::typeParam(Object *obj, int index) {
  store_.push_back(Type{TypeKind::TypeParam});
  Type *t = &store_.back();
  t->obj = obj;
  t->index = index;
  t->underlying = t;
  return t;
}

const Type *TypeTable::unionType(const std::vector<const Type *> &terms, const std::vector<bool> &tildes) {
  Type t{TypeKind::Union};
  t.list = terms;
  t.tildes = tildes;
  return intern(std::move(t));
}

const Type *TypeTable::comparableInterface() {
  Type t{TypeKind::Interface};
  t.comparableIface = true;
  return intern(std::move(t));
}

const Type *TypeTable::genericSignature(const Type *sig, const std::vector<const Type *> &typeParams) {
  if (typeParams.empty()) return sig;
  Type t = *sig;
  t.typeParams = typeParams;
  return intern(std::move(t));
}

Type *TypeTable::instance(const Type *origin, const std::vector<const Type *> &args, bool &created) {
  std::vector<const Type *> key{origin};
  key.insert(key.end(), args.begin(), args.end());
  auto it = instances_.find(key);
  created = it == instances_.end();
  if (!created) return it->second;
  store_.push_back(Type{TypeKind::Named});
  Type *t = &store_.back();
  t->obj = origin->obj;
  t->origin = origin;
  t->typeArgs = args;
  instances_.emplace(std::move(key), t);
  return t;
}

bool isTypeParam(const Type *t) { return t && t->kind == TypeKind::TypeParam; }

const Type *coreOrUnder(const Type *t) {
  if (!isTypeParam(t)) return under(t);
  const Type *c = coreType(t);
  return c ? c : t;
}

/// Intersection of two term lists (each term: type, tilde).
static TypeSet intersect(const TypeSet &a, const TypeSet &b) {
  TypeSet r;
  r.comparable = a.comparable || b.comparable;
  if (a.all) { r.all = b.all; r.terms = b.terms; return r; }
  if (b.all) { r.all = false; r.terms = a.terms; return r; }
  r.all = false;
  for (auto [ta, tila] : a.terms)
    for (auto [tb, tilb] : b.terms) {
      if (tila && tilb) {
        if (under(ta) == under(tb)) r.terms.push_back({ta, true});
      } else if (tila) {
        if (under(tb) == under(ta)) r.terms.push_back({tb, false});
      } else if (tilb) {
        if (under(ta) == under(tb)) r.terms.push_back({ta, false});
      } else if (ta == tb) {
        r.terms.push_back({ta, false});
      }
    }
  return r;
}

static TypeSet typeSetDepth(const Type *iface, int depth);

/// The type set of one embedded element: an interface, a union or a type.
static TypeSet elementSet(const Type *e, int depth) {
  TypeSet r;
  if (depth > 50) return r;
  if (e->kind == TypeKind::Union) {
    r.all = false;
    for (size_t i = 0; i < e->list.size(); ++i) {
      const Type *term = e->list[i];
      if (!e->tildes[i] && isInterface(term)) {
        TypeSet s = typeSetDepth(term, depth + 1);
        if (s.all) { r.all = true; r.terms.clear(); return r; }
        r.terms.insert(r.terms.end(), s.terms.begin(), s.terms.end());
      } else {
        r.terms.push_back({term, bool(e->tildes[i])});
      }
    }
    return r;
  }
  if (isInterface(e)) return typeSetDepth(e, depth + 1);
  r.all = false;
  r.terms.push_back({e, false});
  return r;
}

static TypeSet typeSetDepth(const Type *iface, int depth) {
  TypeSet r;
  const Type *u = under(iface);
  if (!u || u->kind != TypeKind::Interface || depth > 50) return r;
  r.comparable = u->comparableIface;
  for (const Type *e : u->embeddeds) r = intersect(r, elementSet(e, depth));
  return r;
}

TypeSet typeSetOf(const Type *iface) { return typeSetDepth(iface, 0); }

const Type *coreType(const Type *t) {
  if (!t) return nullptr;
  if (t->kind != TypeKind::TypeParam) return under(t);
  if (!t->constraint) return nullptr;
  TypeSet ts = typeSetOf(t->constraint);
  if (ts.all || ts.terms.empty()) return nullptr;
  // All the same underlying type; channels may differ in direction when
  // their elements agree (the core type is the restricted one).
  const Type *u = nullptr;
  for (auto [term, tilde] : ts.terms) {
    const Type *tu = under(term);
    if (!u) {
      u = tu;
    } else if (u != tu) {
      if (u->kind != TypeKind::Chan || tu->kind != TypeKind::Chan || u->elem != tu->elem) return nullptr;
      if (u->dir == ChanDir::Both) u = tu;
      else if (tu->dir != ChanDir::Both && tu->dir != u->dir) return nullptr;
    }
  }
  return u;
}

bool allTypes(const Type *t, bool (*pred)(const Type *)) {
  if (!isTypeParam(t)) return pred(t);
  if (!t->constraint) return false;
  TypeSet ts = typeSetOf(t->constraint);
  if (ts.all || ts.terms.empty()) return false;
  for (auto [term, tilde] : ts.terms)
    if (!pred(term)) return false;
  return true;
}

bool isExportedName(const std::string &name) {
  if (name.empty()) return false;
  size_t n;
  return syntax::isUpperLetter(syntax::decodeUTF8(name.data(), name.size(), n));
}

std::vector<const Type *> termUnders(const Type *t) {
  if (!isTypeParam(t)) return {under(t)};
  std::vector<const Type *> r;
  if (!t->constraint) return r;
  TypeSet ts = typeSetOf(t->constraint);
  if (ts.all) return r;
  for (auto [term, tilde] : ts.terms) r.push_back(under(term));
  return r;
}

static bool notInHeapDepth(const Type *t, int depth) {
  if (!t || depth > 100) return false;
  switch (t->kind) {
  case TypeKind::Named:
    return t->notInHeapDecl || (t->underlying != t && notInHeapDepth(t->underlying, depth + 1));
  case TypeKind::Array:
    return notInHeapDepth(t->elem, depth + 1);
  case TypeKind::Struct:
    for (const Field &f : t->fields)
      if (notInHeapDepth(f.type, depth + 1)) return true;
    return false;
  default:
    return false;
  }
}

bool notInHeap(const Type *t) { return notInHeapDepth(t, 0); }

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
  if (isTypeParam(t)) return allTypes(t, isBoolean);
  BasicKind k = bk(t);
  return k == BasicKind::Bool || k == BasicKind::UntypedBool;
}
bool isString(const Type *t) {
  if (isTypeParam(t)) return allTypes(t, isString);
  BasicKind k = bk(t);
  return k == BasicKind::String || k == BasicKind::UntypedString;
}
bool isInteger(const Type *t) {
  if (isTypeParam(t)) return allTypes(t, isInteger);
  BasicKind k = bk(t);
  return (k >= BasicKind::Int && k <= BasicKind::Uintptr) || k == BasicKind::UntypedInt ||
         k == BasicKind::UntypedRune;
}
bool isUnsigned(const Type *t) {
  if (isTypeParam(t)) return allTypes(t, isUnsigned);
  BasicKind k = bk(t);
  return k >= BasicKind::Uint && k <= BasicKind::Uintptr;
}
bool isFloat(const Type *t) {
  if (isTypeParam(t)) return allTypes(t, isFloat);
  BasicKind k = bk(t);
  return k == BasicKind::Float32 || k == BasicKind::Float64 || k == BasicKind::UntypedFloat;
}
bool isComplex(const Type *t) {
  if (isTypeParam(t)) return allTypes(t, isComplex);
  BasicKind k = bk(t);
  return k == BasicKind::Complex64 || k == BasicKind::Complex128 ||
         k == BasicKind::UntypedComplex;
}
bool isNumeric(const Type *t) {
  if (isTypeParam(t)) return allTypes(t, isNumeric);
  return isInteger(t) || isFloat(t) || isComplex(t);
}
bool isConstType(const Type *t) {
  if (isTypeParam(t)) return false; // a type parameter is never a constant type
  return isBoolean(t) || isString(t) || isNumeric(t);
}
bool isOrdered(const Type *t) {
  if (isTypeParam(t)) return allTypes(t, isOrdered);
  return isInteger(t) || isFloat(t) || isString(t);
}

bool isComparable(const Type *t) {
  if (isTypeParam(t)) {
    if (!t->constraint) return false;
    TypeSet ts = typeSetOf(t->constraint);
    return ts.comparable || allTypes(t, isComparable);
  }
  const Type *u = under(t);
  switch (u->kind) {
  case TypeKind::Basic: return u->basic != BasicKind::UntypedNil;
  case TypeKind::Pointer: case TypeKind::Chan: case TypeKind::Interface: return true;
  case TypeKind::Array: return isComparable(u->elem);
  case TypeKind::Struct:
    for (const Field &f : u->fields)
      if (!isComparable(f.type)) return false;
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

static void writeTuple(std::string &s, const std::vector<const Type *> &list, bool variadic, const Package *from) {
  s += "(";
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) s += ", ";
    if (variadic && i + 1 == list.size() && list[i]->kind == TypeKind::Slice)
      s += "..." + typeString(list[i]->elem, from);
    else
      s += typeString(list[i], from);
  }
  s += ")";
}

static void writeSignature(std::string &s, const Type *t, const Package *from) {
  writeTuple(s, t->params(), t->variadic, from);
  auto res = t->results();
  if (res.size() == 1) s += " " + typeString(res[0], from);
  else if (res.size() > 1) { s += " "; writeTuple(s, res, false, from); }
}

/// [P, Q any, R C]: consecutive parameters with the same constraint share it.
static std::string typeParamList(const std::vector<const Type *> &tps, const Package *from) {
  std::string s = "[";
  for (size_t i = 0; i < tps.size(); ++i) {
    s += tps[i]->obj ? tps[i]->obj->name : "?";
    if (i + 1 < tps.size() && tps[i + 1]->constraint == tps[i]->constraint) {
      s += ", ";
      continue;
    }
    // The empty interface is written any in type parameter lists (gc
    // prints the universe's any so; the two are one type here).
    const Type *c = tps[i]->constraint;
    bool empty = c && c->kind == TypeKind::Interface && c->methods.empty() && c->embeddeds.empty() && !c->comparableIface;
    s += " " + (empty ? std::string("any") : c ? typeString(c, from) : std::string("?"));
    if (i + 1 < tps.size()) s += ", ";
  }
  return s + "]";
}

std::string quotedTag(const std::string &tag) {
  std::string s = "\"";
  for (char c : tag) {
    if (c == '"' || c == '\\') s += '\\';
    s += c;
  }
  return s + "\"";
}

std::string typeString(const Type *t, const Package *from) {
  if (!t) return "<nil>";
  switch (t->kind) {
  case TypeKind::Basic: return basicName(t->basic);
  case TypeKind::Pointer: return "*" + typeString(t->elem, from);
  case TypeKind::Slice: return "[]" + typeString(t->elem, from);
  case TypeKind::Array: return "[" + std::to_string(t->len) + "]" + typeString(t->elem, from);
  case TypeKind::Map: return "map[" + typeString(t->key, from) + "]" + typeString(t->elem, from);
  case TypeKind::Chan: {
    const char *prefix = t->dir == ChanDir::Send ? "chan<- " : t->dir == ChanDir::Recv ? "<-chan " : "chan ";
    std::string e = typeString(t->elem, from);
    // chan (<-chan T) needs parentheses to keep its meaning.
    if (t->dir == ChanDir::Both && t->elem->kind == TypeKind::Chan && t->elem->dir == ChanDir::Recv) e = "(" + e + ")";
    return prefix + e;
  }
  case TypeKind::Tuple: {
    std::string s;
    writeTuple(s, t->list, false, from);
    return s;
  }
  case TypeKind::Signature: {
    std::string s = "func";
    if (!t->typeParams.empty()) s += typeParamList(t->typeParams, from);
    writeSignature(s, t, from);
    return s;
  }
  case TypeKind::Struct: {
    std::string s = "struct{";
    for (size_t i = 0; i < t->fields.size(); ++i) {
      const Field &f = t->fields[i];
      if (i) s += "; ";
      if (!f.embedded) s += f.name + " ";
      s += typeString(f.type, from);
      if (!f.tag.empty()) s += " " + quotedTag(f.tag);
    }
    return s + "}";
  }
  case TypeKind::TypeParam:
    return t->obj ? t->obj->name : "?";
  case TypeKind::Union: {
    std::string s;
    for (size_t i = 0; i < t->list.size(); ++i) {
      if (i) s += "|";
      if (t->tildes[i]) s += "~";
      s += typeString(t->list[i], from);
    }
    return s;
  }
  case TypeKind::Interface: {
    if (t->comparableIface) return t->methods.empty() && t->embeddeds.empty() ? "comparable" : "interface{comparable}";
    if (t->methods.empty() && t->embeddeds.empty()) return "interface{}";
    // As types2: methods first, then embedded elements.
    std::string s = "interface{";
    bool first = true;
    for (const Object *m : t->methods) {
      if (!first) s += "; ";
      first = false;
      s += m->name;
      writeSignature(s, m->type, from);
    }
    for (const Type *e : t->embeddeds) {
      if (!first) s += "; ";
      first = false;
      s += typeString(e, from);
    }
    return s + "}";
  }
  case TypeKind::Named: {
    if (!t->obj) return "?";
    std::string s = t->obj->name;
    if (t->obj->pkg && t->obj->pkg != from && from)
      s = (from->ambiguousNames.count(t->obj->pkg->name) ? "\"" + t->obj->pkg->path + "\"" : t->obj->pkg->name) + "." + s;
    if (t->origin) {
      s += "[";
      for (size_t i = 0; i < t->typeArgs.size(); ++i) s += (i ? ", " : "") + typeString(t->typeArgs[i], from);
      s += "]";
    } else if (!t->typeParams.empty()) {
      s += typeParamList(t->typeParams, from);
    }
    return s;
  }
  }
  return "?";
}

} // namespace origo::types
