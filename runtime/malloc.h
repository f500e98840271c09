//===- runtime/malloc.h - heap allocation -----------------------*- C++ -*-===//
/// \file
/// The allocation interface compiled code and the runtime use, and the
/// per-P cache it allocates from. The layout is gc's (malloc.go,
/// mcache.go, mheap.go): objects of up to 32 KiB come from spans of their
/// size class, each span a run of 8 KiB pages holding objects of one size
/// and one kind (with or without pointers); small pointer-free objects are
/// packed into 16-byte blocks (the tiny allocator); larger objects get
/// pages of their own. Spans come from 64 MiB arenas, and every page knows
/// its span (spanOf), which is what the GC will find objects by.
///
/// Memory is never reused yet: there is no GC, so a span is used up once,
/// front to back. The GC issue adds mark bits, sweeping and the central
/// lists of partly free spans behind this same interface.
//===----------------------------------------------------------------------===//
#ifndef ORIGO_RUNTIME_MALLOC_H
#define ORIGO_RUNTIME_MALLOC_H

#include "runtime/abi.h"
#include "runtime/sizeclasses.h"

#include <stddef.h>
#include <stdint.h>

namespace origo::rt {

/// gc's spanClass: size class << 1 | noscan.
constexpr int NumSpanClasses = NumSizeClasses << 1;
constexpr uint8_t makeSpanClass(int sizeclass, bool noscan) {
  return uint8_t(sizeclass << 1 | (noscan ? 1 : 0));
}

/// A run of pages holding objects of one span class, or one large object
/// (class 0) (gc's mspan).
struct MSpan {
  uintptr_t base;      ///< address of the first page
  uintptr_t npages;
  uintptr_t elemsize;  ///< bytes per object
  uint32_t nelems;     ///< objects in the span
  uint32_t freeindex;  ///< the next object to hand out (all before it are in use)
  uint8_t spanclass;
};

/// A P's allocation cache (gc's mcache): the span it allocates from for
/// each span class, and the tiny allocator's current block.
struct MCache {
  MSpan *alloc[NumSpanClasses];
  uintptr_t tiny;       ///< the current 16-byte block of tiny objects, or 0
  uintptr_t tinyoffset; ///< bytes of it in use
};

/// Allocates an object of \p size bytes for values of type \p typ (size
/// may be a multiple of typ->size: an array of them); \p typ null means
/// the object holds no pointers. Objects are aligned as gc's: to 8 bytes,
/// or to their size class's power-of-two factor; tiny objects to their own
/// size's. The memory is zeroed when needzero (fresh memory from the OS
/// always is). Every zero-size allocation returns &zerobase, as in gc.
void *mallocgc(size_t size, const abi::Type *typ, bool needzero);

/// For runtime structures that hold pointers but have no Go type
/// descriptor: every word may be a pointer. (The GC issue gives each such
/// structure an exact descriptor.)
extern const abi::Type runtimePointers;

/// The span holding address \p p, or null when p is not in the heap.
MSpan *spanOf(const void *p);

} // namespace origo::rt

/// The address of every zero-size object (gc's runtime.zerobase): what
/// make([]T, 0) and new(struct{}) point at, never written.
extern "C" uintptr_t goZerobase ORIGO_GO_NAME("runtime.zerobase");

#endif // ORIGO_RUNTIME_MALLOC_H
