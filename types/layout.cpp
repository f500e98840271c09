//===- types/layout.cpp - sizes, alignments and offsets of Go types -------===//
/// \file
/// gc's layout rules for 64-bit targets (see the header).
//===----------------------------------------------------------------------===//
#include "types/layout.h"

#include <algorithm>

namespace origo::types {

static int64_t roundUp(int64_t n, int64_t a) { return (n + a - 1) / a * a; }

static Layout compute(const Type *t, int depth);

static Layout cached(const Type *t, int depth) {
  if (!t || depth > 100) return {}; // invalid recursive types were reported
  if (t->layoutSize >= 0) return {t->layoutSize, t->layoutAlign};
  Layout l = compute(t, depth);
  t->layoutSize = l.size;
  t->layoutAlign = l.align;
  return l;
}

static Layout compute(const Type *t, int depth) {
  const Type *u = under(t);
  switch (u->kind) {
  case TypeKind::Basic:
    switch (u->basic) {
    case BasicKind::Bool: case BasicKind::Int8: case BasicKind::Uint8: return {1, 1};
    case BasicKind::Int16: case BasicKind::Uint16: return {2, 2};
    case BasicKind::Int32: case BasicKind::Uint32: case BasicKind::Float32: return {4, 4};
    case BasicKind::Complex64: return {8, 4};
    case BasicKind::Complex128: return {16, 8};
    case BasicKind::String: return {16, 8};
    default: return {8, 8};
    }
  case TypeKind::Array: {
    Layout e = cached(u->elem, depth + 1);
    return {e.size * u->len, e.align};
  }
  case TypeKind::Slice: return {24, 8};
  case TypeKind::Interface: return {16, 8};
  case TypeKind::Struct: {
    int64_t off = 0, maxAlign = 1;
    Layout last;
    for (const Field &f : u->fields) {
      last = cached(f.type, depth + 1);
      off = roundUp(off, last.align) + last.size;
      maxAlign = std::max(maxAlign, last.align);
    }
    if (!u->fields.empty() && last.size == 0 && off > 0) ++off;
    return {roundUp(off, maxAlign), maxAlign};
  }
  default: // pointers, maps, channels, functions, unsafe.Pointer
    return {8, 8};
  }
}

Layout layoutOf(const Type *t) { return cached(t, 0); }

std::vector<int64_t> fieldOffsets(const Type *t) {
  std::vector<int64_t> offs;
  const Type *u = under(t);
  int64_t off = 0;
  for (const Field &f : u->fields) {
    Layout l = layoutOf(f.type);
    off = roundUp(off, l.align);
    offs.push_back(off);
    off += l.size;
  }
  return offs;
}

bool isPointerShaped(const Type *t) {
  const Type *u = under(t);
  switch (u->kind) {
  case TypeKind::Pointer: case TypeKind::Map: case TypeKind::Chan: case TypeKind::Signature:
    return true;
  case TypeKind::Basic:
    return u->basic == BasicKind::UnsafePointer;
  default:
    return false;
  }
}

bool isRegularMemory(const Type *t) {
  const Type *u = under(t);
  switch (u->kind) {
  case TypeKind::Basic:
    return isInteger(u) || isBoolean(u) || u->basic == BasicKind::UnsafePointer;
  case TypeKind::Pointer:
  case TypeKind::Chan:
    return true;
  case TypeKind::Array:
    return isRegularMemory(u->elem);
  case TypeKind::Struct: {
    std::vector<int64_t> offs = fieldOffsets(u);
    int64_t end = 0;
    for (size_t i = 0; i < u->fields.size(); ++i) {
      if (offs[i] != end || u->fields[i].name == "_" || !isRegularMemory(u->fields[i].type)) return false;
      end = offs[i] + layoutOf(u->fields[i].type).size;
    }
    return end == layoutOf(u).size;
  }
  default:
    return false;
  }
}

static bool hasPointers(const Type *t, int depth) {
  // A type parameter may be anything; so may an invalid (or invalidly
  // recursive) type, which the checker has reported.
  if (!t || t->kind == TypeKind::TypeParam || depth > 100) return true;
  const Type *u = under(t);
  if (!u) return true;
  switch (u->kind) {
  case TypeKind::Basic:
    return u->basic == BasicKind::String || u->basic == BasicKind::UnsafePointer;
  case TypeKind::Array:
    return u->len > 0 && hasPointers(u->elem, depth + 1);
  case TypeKind::Struct:
    for (const Field &f : u->fields)
      if (hasPointers(f.type, depth + 1)) return true;
    return false;
  case TypeKind::Tuple:
    for (const Type *e : u->list)
      if (hasPointers(e, depth + 1)) return true;
    return false;
  default: // pointers, slices, maps, channels, funcs, interfaces
    return true;
  }
}

bool hasPointers(const Type *t) { return hasPointers(t, 0); }

} // namespace origo::types
