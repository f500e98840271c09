//===- runtime/persistent_alloc.h - Never-freed runtime memory --*- C++ -*-===//
///
/// \file
/// Memory for runtime tables that live until exit (function and stack map
/// indexes, later type and itab tables), taken straight from mmap. It is
/// outside the Go heap, so the GC never scans or frees it, and it does not
/// use malloc, so it is safe in any runtime context. Named after gc's
/// persistentalloc, which plays the same role.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_PERSISTENT_ALLOC_H
#define ORIGO_RUNTIME_PERSISTENT_ALLOC_H

#include <stddef.h>

namespace origo::rt {

/// Returns \p size zeroed bytes aligned to \p align (a power of two, at most
/// the page size). Never fails: exhausting memory is a fatal error.
void *persistentAlloc(size_t size, size_t align);

/// Typed convenience: room for \p n zeroed objects of type T.
template <typename T> T *persistentAllocArray(size_t n) {
  return static_cast<T *>(persistentAlloc(n * sizeof(T), alignof(T)));
}

} // namespace origo::rt

#endif // ORIGO_RUNTIME_PERSISTENT_ALLOC_H
