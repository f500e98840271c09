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

#endif // ORIGO_RUNTIME_ERROR_H
