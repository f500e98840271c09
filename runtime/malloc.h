//===- runtime/malloc.h - heap allocation -----------------------*- C++ -*-===//
/// \file
/// The allocation interface compiled code and the runtime use. Today it is
/// a bump allocator over large mmap'd chunks with no reclamation; the GC
/// issue replaces the internals (size classes, per-P caches, sweeping)
/// behind this same interface.
//===----------------------------------------------------------------------===//
#ifndef ORIGO_RUNTIME_MALLOC_H
#define ORIGO_RUNTIME_MALLOC_H

#include <stddef.h>

namespace origo::rt {

/// Allocates size bytes aligned to 8 (16 for sizes >= 16). The memory is
/// zeroed when needzero (fresh memory from the OS always is).
void *mallocgc(size_t size, bool needzero);

} // namespace origo::rt

#endif // ORIGO_RUNTIME_MALLOC_H
