//===- runtime/slice.h - Slices ---------------------------------*- C++ -*-===//
///
/// \file
/// The slice entry points compiled code calls, with gc's names: make,
/// append's growth, copy and unsafe.Slice's checks (see slice.cpp). Slices
/// are passed as (ptr, len, cap); a slice result is written through the
/// first argument, as abi.h's calling convention says.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_SLICE_H
#define ORIGO_RUNTIME_SLICE_H

#include "runtime/abi.h"

#include <stdint.h>

namespace origo::rt {

/// gc's maxAlloc on 64-bit Linux: the largest allocation (2^48 bytes).
constexpr uint64_t MaxAlloc = uint64_t(1) << 48;

/// The capacity, in elements, that append gives a slice of elements of
/// \p elemSize bytes and capacity \p oldCap that must hold \p newLen
/// (newLen > oldCap): gc 1.19's growth rule rounded up to its size
/// classes. Sets \p overflow when the result would exceed MaxAlloc.
int64_t growCapacity(uintptr_t elemSize, int64_t oldCap, int64_t newLen,
                     uintptr_t *capBytes, bool *overflow);

} // namespace origo::rt

extern "C" {

/// make([]T, len, cap) (and make([]T, len) with cap == len): the zeroed
/// backing array; codegen builds {ptr, len, cap}. Panics "makeslice: len
/// out of range" or "makeslice: cap out of range" as gc does. A zero-size
/// array is &runtime.zerobase, never null.
void *goMakeslice(const origo::abi::Type *et, int64_t len, int64_t cap)
    ORIGO_GO_NAME("runtime.makeslice");

/// make([]T, tolen) followed by copy(new, from[:fromlen]): gc's
/// makeslicecopy, for the pattern `s2 := make([]T, n); copy(s2, s)`.
void *goMakeslicecopy(const origo::abi::Type *et, int64_t tolen,
                      int64_t fromlen, const void *from)
    ORIGO_GO_NAME("runtime.makeslicecopy");

/// append's slow path: the slice {oldptr, oldlen, oldcap} must grow to hold
/// \p newlen > oldcap elements. Writes the new slice to \p out: a fresh
/// array holding the old elements with gc's capacity (see growCapacity),
/// and len == newlen; the caller then stores the appended elements at
/// [oldlen, newlen). Everything past oldlen reads as zero. Panics
/// "growslice: cap out of range" when the array would exceed MaxAlloc.
void goGrowslice(origo::abi::GoSlice *out, const origo::abi::Type *et,
                 void *oldptr, int64_t oldlen, int64_t oldcap, int64_t newlen)
    ORIGO_GO_NAME("runtime.growslice");

/// copy(to, from) for \p width-byte elements (also copy([]byte, string)):
/// moves min(tolen, fromlen) elements, overlapping ranges allowed, and
/// returns that count.
int64_t goSlicecopy(void *to, int64_t tolen, const void *from,
                    int64_t fromlen, uintptr_t width)
    ORIGO_GO_NAME("runtime.slicecopy");

/// unsafe.Slice(ptr, len)'s checks (gc's unsafeslice/unsafeslice64):
/// panics "unsafe.Slice: len out of range" for a negative length or one
/// that wraps around the address space, "unsafe.Slice: ptr is nil and len
/// is not zero" for a nil ptr.
void goUnsafeslice(const origo::abi::Type *et, const void *ptr, int64_t len)
    ORIGO_GO_NAME("runtime.unsafeslice");
void goUnsafeslice64(const origo::abi::Type *et, const void *ptr, int64_t len)
    ORIGO_GO_NAME("runtime.unsafeslice64");

} // extern "C"

#endif // ORIGO_RUNTIME_SLICE_H
