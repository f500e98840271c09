//===- runtime/type.h - Reading type descriptors ----------------*- C++ -*-===//
///
/// \file
/// Small accessors over the type descriptors of abi.h, in the spirit of gc's
/// runtime/type.go methods: the kind of a type, whether interfaces hold it
/// directly, and checked downcasts to the kind-specific descriptors.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_TYPE_H
#define ORIGO_RUNTIME_TYPE_H

#include "runtime/abi.h"

namespace origo::rt {

/// The reflect.Kind of \p t, without the flag bits.
inline abi::Kind kindOf(const abi::Type *t) {
  return abi::Kind(t->kind & abi::KindMask);
}

/// Whether an interface holding a \p t stores the value itself in its data
/// word (rather than a pointer to it).
inline bool isDirectIface(const abi::Type *t) {
  return (t->kind & abi::KindDirectIface) != 0;
}

/// The descriptor of kind K viewed as its kind-specific struct. The caller
/// has checked the kind.
inline const abi::ArrayType *asArray(const abi::Type *t) {
  return reinterpret_cast<const abi::ArrayType *>(t);
}
inline const abi::StructType *asStruct(const abi::Type *t) {
  return reinterpret_cast<const abi::StructType *>(t);
}
inline const abi::InterfaceType *asInterface(const abi::Type *t) {
  return reinterpret_cast<const abi::InterfaceType *>(t);
}

inline const abi::FuncType *asFunc(const abi::Type *t) {
  return reinterpret_cast<const abi::FuncType *>(t);
}

/// Whether two Go strings hold the same bytes.
inline bool sameString(abi::GoString a, abi::GoString b) {
  if (a.len != b.len)
    return false;
  for (int64_t i = 0; i < a.len; ++i)
    if (a.ptr[i] != b.ptr[i])
      return false;
  return true;
}

/// The package path of \p t as gc's _type.pkgpath() gives it: its
/// uncommon block's for defined types, else a struct's or interface's own,
/// else "".
inline abi::GoString pkgpathOf(const abi::Type *t) {
  if (t->uncommon)
    return t->uncommon->pkgpath;
  switch (kindOf(t)) {
  case abi::KindStruct:
    return asStruct(t)->pkgpath;
  case abi::KindInterface:
    return asInterface(t)->pkgpath;
  default:
    return {nullptr, 0};
  }
}

/// Whether \p t is one of the predeclared basic types (bool, the numeric
/// types, string). Types are unique, but the runtime has no descriptors of
/// its own to compare with, so it goes by the type's string: every other
/// type of a basic kind is a defined type, printed qualified ("main.T").
inline bool isPredeclaredBasic(const abi::Type *t) {
  static constexpr const char *names[] = {
      nullptr,   "bool",    "int",       "int8",       "int16",  "int32",
      "int64",   "uint",    "uint8",     "uint16",     "uint32", "uint64",
      "uintptr", "float32", "float64",   "complex64",  "complex128"};
  unsigned k = kindOf(t);
  if (k == abi::KindString)
    return sameString(t->str, {reinterpret_cast<const uint8_t *>("string"), 6});
  if (k == 0 || k >= sizeof names / sizeof names[0])
    return false;
  const char *n = names[k];
  int64_t len = 0;
  while (n[len])
    ++len;
  return sameString(t->str, {reinterpret_cast<const uint8_t *>(n), len});
}

/// The exported method \p name of \p t's method set when its signature is
/// `func() string` (the shape of error's Error and fmt.Stringer's String),
/// else null.
inline const abi::Method *findStringMethod(const abi::Type *t, const char *name) {
  const abi::UncommonType *u = t->uncommon;
  if (!u)
    return nullptr;
  int64_t n = 0;
  while (name[n])
    ++n;
  abi::GoString want{reinterpret_cast<const uint8_t *>(name), n};
  for (uint16_t i = 0; i < u->xcount; ++i) {
    const abi::Method &m = u->methods[i];
    if (!sameString(m.name, want) || m.pkgpath.len != 0 || !m.mtyp)
      continue;
    const abi::FuncType *f = m.mtyp;
    if (f->inCount == 0 && f->outCount == 1 &&
        kindOf(f->params[0]) == abi::KindString && isPredeclaredBasic(f->params[0]))
      return &m;
    return nullptr;
  }
  return nullptr;
}

/// Whether a struct field name is the blank identifier "_". Blank fields
/// take no part in equality or hashing.
inline bool isBlankName(abi::GoString name) {
  return name.len == 1 && name.ptr[0] == '_';
}

} // namespace origo::rt

#endif // ORIGO_RUNTIME_TYPE_H
