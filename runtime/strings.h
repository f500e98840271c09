//===- runtime/strings.h - Strings ------------------------------*- C++ -*-===//
///
/// \file
/// The string entry points compiled code calls, with gc's names (see
/// strings.cpp): comparison, concatenation and the conversions between
/// strings, byte slices, rune slices and integers. Strings are passed as
/// (ptr, len) and returned by value; slice results are written through the
/// first argument (abi.h). An empty string result is {null, 0} and never
/// allocates.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_STRINGS_H
#define ORIGO_RUNTIME_STRINGS_H

#include "runtime/abi.h"

#include <stdint.h>

extern "C" {

/// a < b: -1, a == b: 0, a > b: 1, comparing bytes as unsigned.
int64_t goCmpString(const uint8_t *a, int64_t na, const uint8_t *b, int64_t nb)
    ORIGO_GO_NAME("runtime.cmpstring");

/// a + b (+ c ...). When all operands but one are empty the result is that
/// operand itself, with no copy.
origo::abi::GoString goConcatString2(const uint8_t *a, int64_t na,
                                     const uint8_t *b, int64_t nb)
    ORIGO_GO_NAME("runtime.concatstring2");
origo::abi::GoString goConcatString3(const uint8_t *a, int64_t na,
                                     const uint8_t *b, int64_t nb,
                                     const uint8_t *c, int64_t nc)
    ORIGO_GO_NAME("runtime.concatstring3");
origo::abi::GoString goConcatString4(const uint8_t *a, int64_t na,
                                     const uint8_t *b, int64_t nb,
                                     const uint8_t *c, int64_t nc,
                                     const uint8_t *d, int64_t nd)
    ORIGO_GO_NAME("runtime.concatstring4");
origo::abi::GoString goConcatString5(const uint8_t *a, int64_t na,
                                     const uint8_t *b, int64_t nb,
                                     const uint8_t *c, int64_t nc,
                                     const uint8_t *d, int64_t nd,
                                     const uint8_t *e, int64_t ne)
    ORIGO_GO_NAME("runtime.concatstring5");
/// The concatenation of the \p n strings in the array at \p a (for more
/// operands than concatstring5 takes).
origo::abi::GoString goConcatStrings(const origo::abi::GoString *a, int64_t n)
    ORIGO_GO_NAME("runtime.concatstrings");

/// string(b) for a []byte (ptr, n): a copy.
origo::abi::GoString goSlicebytetostring(const uint8_t *p, int64_t n)
    ORIGO_GO_NAME("runtime.slicebytetostring");
/// []byte(s): a fresh array with cap rounded up to gc's size classes
/// (cap([]byte("abc")) == 8), non-nil even when empty.
void goStringtoslicebyte(origo::abi::GoSlice *out, const uint8_t *p, int64_t n)
    ORIGO_GO_NAME("runtime.stringtoslicebyte");
/// []rune(s): one rune per range-loop step (invalid bytes become U+FFFD),
/// cap rounded up as above.
void goStringtoslicerune(origo::abi::GoSlice *out, const uint8_t *p, int64_t n)
    ORIGO_GO_NAME("runtime.stringtoslicerune");
/// string(r) for a []rune (ptr, n); invalid runes become U+FFFD.
origo::abi::GoString goSlicerunetostring(const int32_t *p, int64_t n)
    ORIGO_GO_NAME("runtime.slicerunetostring");
/// string(rune(v)) for an integer v of any type (sign- or zero-extended to
/// 64 bits); U+FFFD when v is not a valid code point.
origo::abi::GoString goIntstring(int64_t v) ORIGO_GO_NAME("runtime.intstring");

} // extern "C"

#endif // ORIGO_RUNTIME_STRINGS_H
