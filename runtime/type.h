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

/// Whether a struct field name is the blank identifier "_". Blank fields
/// take no part in equality or hashing.
inline bool isBlankName(abi::GoString name) {
  return name.len == 1 && name.ptr[0] == '_';
}

} // namespace origo::rt

#endif // ORIGO_RUNTIME_TYPE_H
