//===- runtime/utf8.h - UTF-8 for range loops and conversions ---*- C++ -*-===//
///
/// \file
/// gc 1.19's runtime/utf8.go: decoding for `for i, r := range s` and
/// []rune(s), encoding for string(r) and string(runes). Invalid input is
/// never an error: a byte that does not start a valid, shortest-form
/// encoding of a non-surrogate code point decodes as U+FFFD with width 1,
/// and a rune outside Unicode (or a surrogate) encodes as U+FFFD.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_UTF8_H
#define ORIGO_RUNTIME_UTF8_H

#include "runtime/abi.h"

#include <stdint.h>

namespace origo::rt {

/// U+FFFD, what invalid UTF-8 decodes as.
constexpr int32_t RuneError = 0xFFFD;
/// The largest Unicode code point.
constexpr int32_t MaxRune = 0x10FFFF;
/// The most bytes one rune encodes to.
constexpr int UTFMax = 4;

/// The rune starting at s[k] and the index just after it (k < n); for
/// k >= n, RuneError and k + 1, as gc's decoderune.
abi::DecodeRuneResult decodeRune(const uint8_t *s, int64_t n, int64_t k);

/// Writes the UTF-8 encoding of \p r (RuneError's if \p r is not a valid
/// code point) to \p p, which has room for UTFMax bytes; returns its length.
int encodeRune(uint8_t *p, int32_t r);

/// The number of bytes encodeRune writes for \p r.
int runeLen(int32_t r);

/// The number of runes a range loop over the n bytes at \p s visits.
int64_t countRunes(const uint8_t *s, int64_t n);

} // namespace origo::rt

#endif // ORIGO_RUNTIME_UTF8_H
