//===- runtime/error.h - The runtime's error values -------------*- C++ -*-===//
///
/// \file
/// The messages of gc's runtime error types (runtime/error.go): boundsError
/// for failed index, slice and slice-to-array-pointer checks, and
/// TypeAssertionError for failed type assertions and interface conversions.
/// Each function builds the message and panics with it.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_ERROR_H
#define ORIGO_RUNTIME_ERROR_H

#include "runtime/abi.h"

#include <initializer_list>

#include <stdint.h>

namespace origo::rt {

/// Which check failed (gc's boundsErrorCode); y is len(s) or cap(s) or the
/// other slice index, as in the comments.
enum class BoundsCode : uint8_t {
  Index,      ///< s[x]: 0 <= x < y (len) failed
  SliceAlen,  ///< s[?:x]: 0 <= x <= y (len) failed
  SliceAcap,  ///< s[?:x]: 0 <= x <= y (cap) failed
  SliceB,     ///< s[x:y]: 0 <= x <= y failed
  Slice3Alen, ///< s[?:?:x]: 0 <= x <= y (len) failed
  Slice3Acap, ///< s[?:?:x]: 0 <= x <= y (cap) failed
  Slice3B,    ///< s[?:x:y]: 0 <= x <= y failed
  Slice3C,    ///< s[x:y:?]: 0 <= x <= y failed
  Convert,    ///< (*[x]T)(s): x <= y (len) failed
};

/// Formats gc's boundsError message (without "runtime error: ") into
/// \p buf, which must hold 100 bytes; returns its length. \p x is read as
/// unsigned when !\p isSigned (an index of unsigned type).
int64_t formatBoundsError(char *buf, int64_t x, bool isSigned, int64_t y,
                          BoundsCode code);

/// Panics with the runtime error formatBoundsError describes.
[[noreturn]] void panicBounds(int64_t x, bool isSigned, int64_t y,
                              BoundsCode code);

/// Concatenation of \p parts into a new heap string (messages built from
/// type names of any length).
abi::GoString concat(std::initializer_list<abi::GoString> parts);
/// A NUL-terminated literal as a GoString (no copy).
abi::GoString lit(const char *s);
/// Panics with gc's TypeAssertionError{iface, concrete, asserted,
/// missingMethod}: "interface conversion: ..." (no "runtime error: "
/// prefix). \p iface (the static interface type) and \p concrete (the
/// dynamic type) may be null; \p missing is "" unless \p concrete lacks a
/// method of the asserted interface type.
[[noreturn]] void panicTypeAssertion(const abi::Type *iface,
                                     const abi::Type *concrete,
                                     const abi::Type *asserted,
                                     abi::GoString missing);

} // namespace origo::rt

// The entry points of failed checks that compiled code emits inline
// (README.md, "Contract with codegen"). They never return.
extern "C" {
#define ORIGO_DECLARE_BOUNDS_ENTRY(cname, goname)                              \
  [[noreturn]] void cname(int64_t x, int64_t y) ORIGO_GO_NAME(goname);         \
  [[noreturn]] void cname##U(int64_t x, int64_t y) ORIGO_GO_NAME(goname "U");
ORIGO_DECLARE_BOUNDS_ENTRY(goPanicIndex, "runtime.panicIndex")
ORIGO_DECLARE_BOUNDS_ENTRY(goPanicSliceAlen, "runtime.panicSliceAlen")
ORIGO_DECLARE_BOUNDS_ENTRY(goPanicSliceAcap, "runtime.panicSliceAcap")
ORIGO_DECLARE_BOUNDS_ENTRY(goPanicSliceB, "runtime.panicSliceB")
ORIGO_DECLARE_BOUNDS_ENTRY(goPanicSlice3Alen, "runtime.panicSlice3Alen")
ORIGO_DECLARE_BOUNDS_ENTRY(goPanicSlice3Acap, "runtime.panicSlice3Acap")
ORIGO_DECLARE_BOUNDS_ENTRY(goPanicSlice3B, "runtime.panicSlice3B")
ORIGO_DECLARE_BOUNDS_ENTRY(goPanicSlice3C, "runtime.panicSlice3C")
#undef ORIGO_DECLARE_BOUNDS_ENTRY
/// (*[x]T)(s) with len(s) == y < x.
[[noreturn]] void goPanicSliceConvert(int64_t x, int64_t y)
    ORIGO_GO_NAME("runtime.panicSliceConvert");
/// e.(T) failed: \p have is e's dynamic type (null: e is nil), \p want
/// is T, \p iface e's static type.
[[noreturn]] void goPanicdottypeE(const origo::abi::Type *have,
                                  const origo::abi::Type *want,
                                  const origo::abi::Type *iface)
    ORIGO_GO_NAME("runtime.panicdottypeE");
/// i.(T) failed for a non-empty interface: \p have is i's itab or null.
[[noreturn]] void goPanicdottypeI(const origo::abi::Itab *have,
                                  const origo::abi::Type *want,
                                  const origo::abi::Type *iface)
    ORIGO_GO_NAME("runtime.panicdottypeI");
/// An assertion to interface type \p want of a nil interface.
[[noreturn]] void goPanicnildottype(const origo::abi::Type *want)
    ORIGO_GO_NAME("runtime.panicnildottype");
} // extern "C"

#endif // ORIGO_RUNTIME_ERROR_H
