//===- types/layout.h - sizes, alignments and offsets of Go types -*- C++ -*-===//
/// \file
/// The memory layout of Go types on origo's targets (linux/amd64 and
/// linux/arm64, both 64-bit with gc's layout): what unsafe.Sizeof,
/// Alignof and Offsetof report and what code generation lays out, from
/// one definition (spec "Size and alignment guarantees"; gc's
/// types.CalcSize). Results are cached on the types.
//===----------------------------------------------------------------------===//
#pragma once

#include "types/type.h"

#include <cstdint>
#include <vector>

namespace origo::types {

struct Layout {
  int64_t size = 0;
  int64_t align = 1;
};

/// Size and alignment of t. A struct's fields are laid out in order, each
/// at its alignment; a struct ending in a zero-size field gets one byte of
/// padding so that a pointer to that field does not point past the
/// struct (gc).
Layout layoutOf(const Type *t);

/// The offset of each field of a struct type (t or its underlying type).
std::vector<int64_t> fieldOffsets(const Type *t);

/// Whether an interface holds a value of type t in its data word itself
/// (runtime/abi.h KindDirectIface): pointers, unsafe.Pointer, maps,
/// channels and funcs. Unlike gc, never structs or arrays, which origo
/// passes by pointer to a copy: those are boxed like other values.
bool isPointerShaped(const Type *t);

/// Whether equality and hashing may read a value of type t as its bytes
/// (gc's IsRegularMemory; runtime/abi.h TFlagRegularMemory): no floats,
/// strings, interfaces, padding or blank fields inside.
bool isRegularMemory(const Type *t);

/// Whether a value of type t holds pointers the GC must see (gc's
/// HasPointers): pointers, strings, slices, maps, channels, funcs and
/// interfaces, also inside arrays of nonzero length, structs and tuples.
/// Type parameters are assumed to.
bool hasPointers(const Type *t);

} // namespace origo::types
