//===- runtime/malloc.h - heap allocation -----------------------*- C++ -*-===//
/// \file
/// The allocation interface compiled code and the runtime use. Today it is
/// a bump allocator over large mmap'd chunks with no reclamation; the GC
/// issue replaces the internals (size classes, per-P caches, sweeping)
/// behind this same interface.
//===----------------------------------------------------------------------===//
#ifndef ORIGO_RUNTIME_MALLOC_H
#define ORIGO_RUNTIME_MALLOC_H

#include "runtime/abi.h"

#include <stddef.h>
#include <stdint.h>

namespace origo::rt {

/// Allocates size bytes aligned to 8 (16 for sizes >= 16). The memory is
/// zeroed when needzero (fresh memory from the OS always is). Every
/// zero-size allocation returns &zerobase, as in gc.
void *mallocgc(size_t size, bool needzero);

} // namespace origo::rt

/// The address of every zero-size object (gc's runtime.zerobase): what
/// make([]T, 0) and new(struct{}) point at, never written.
extern "C" uintptr_t goZerobase ORIGO_GO_NAME("runtime.zerobase");

#endif // ORIGO_RUNTIME_MALLOC_H
