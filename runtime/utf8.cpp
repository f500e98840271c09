//===- runtime/utf8.cpp - UTF-8 for range loops and conversions -----------===//
///
/// \file
/// UTF-8 decoding and encoding with Go's rules for invalid input (gc's
/// runtime/utf8.go), and the entry points compiled range loops call.
///
//===----------------------------------------------------------------------===//

#include "runtime/utf8.h"

namespace origo::rt {
namespace {

// Continuation bytes are 10xxxxxx; lead bytes of 2-, 3- and 4-byte
// sequences are 110xxxxx, 1110xxxx and 11110xxx.
bool isCont(uint8_t b) { return (b & 0xC0) == 0x80; }

constexpr int32_t SurrogateMin = 0xD800;
constexpr int32_t SurrogateMax = 0xDFFF;

} // namespace

abi::DecodeRuneResult decodeRune(const uint8_t *s, int64_t n, int64_t k) {
  if (k >= n)
    return {RuneError, k + 1};
  const uint8_t *p = s + k;
  int64_t left = n - k;
  uint8_t b0 = p[0];
  if (b0 < 0x80)
    return {b0, k + 1};
  // Each form must be the shortest encoding of its value (so the value
  // must exceed the previous form's maximum) and may not be a surrogate.
  if (b0 >= 0xC0 && b0 < 0xE0) {
    if (left > 1 && isCont(p[1])) {
      int32_t r = int32_t(b0 & 0x1F) << 6 | int32_t(p[1] & 0x3F);
      if (r > 0x7F)
        return {r, k + 2};
    }
  } else if (b0 >= 0xE0 && b0 < 0xF0) {
    if (left > 2 && isCont(p[1]) && isCont(p[2])) {
      int32_t r = int32_t(b0 & 0x0F) << 12 | int32_t(p[1] & 0x3F) << 6 |
                  int32_t(p[2] & 0x3F);
      if (r > 0x7FF && !(r >= SurrogateMin && r <= SurrogateMax))
        return {r, k + 3};
    }
  } else if (b0 >= 0xF0 && b0 < 0xF8) {
    if (left > 3 && isCont(p[1]) && isCont(p[2]) && isCont(p[3])) {
      int32_t r = int32_t(b0 & 0x07) << 18 | int32_t(p[1] & 0x3F) << 12 |
                  int32_t(p[2] & 0x3F) << 6 | int32_t(p[3] & 0x3F);
      if (r > 0xFFFF && r <= MaxRune)
        return {r, k + 4};
    }
  }
  return {RuneError, k + 1};
}

int runeLen(int32_t r) {
  uint32_t u = uint32_t(r); // negative runes are invalid: huge when unsigned
  if (u <= 0x7F)
    return 1;
  if (u <= 0x7FF)
    return 2;
  if (u > uint32_t(MaxRune) || (u >= uint32_t(SurrogateMin) && u <= uint32_t(SurrogateMax)))
    return 3; // RuneError
  if (u <= 0xFFFF)
    return 3;
  return 4;
}

int encodeRune(uint8_t *p, int32_t r) {
  uint32_t u = uint32_t(r);
  switch (runeLen(r)) {
  case 1:
    p[0] = uint8_t(u);
    return 1;
  case 2:
    p[0] = uint8_t(0xC0 | u >> 6);
    p[1] = uint8_t(0x80 | (u & 0x3F));
    return 2;
  case 3:
    if (u > uint32_t(MaxRune) || (u >= uint32_t(SurrogateMin) && u <= uint32_t(SurrogateMax)))
      u = RuneError;
    p[0] = uint8_t(0xE0 | u >> 12);
    p[1] = uint8_t(0x80 | (u >> 6 & 0x3F));
    p[2] = uint8_t(0x80 | (u & 0x3F));
    return 3;
  default:
    p[0] = uint8_t(0xF0 | u >> 18);
    p[1] = uint8_t(0x80 | (u >> 12 & 0x3F));
    p[2] = uint8_t(0x80 | (u >> 6 & 0x3F));
    p[3] = uint8_t(0x80 | (u & 0x3F));
    return 4;
  }
}

int64_t countRunes(const uint8_t *s, int64_t n) {
  int64_t count = 0;
  for (int64_t k = 0; k < n; ++count)
    k = s[k] < 0x80 ? k + 1 : decodeRune(s, n, k).next;
  return count;
}

} // namespace origo::rt

using namespace origo;
using namespace origo::rt;

extern "C" {

// `for i, r := range s` when s[i] >= 0x80 (compiled code handles ASCII
// bytes itself): the rune at index k of the string (ptr, len) and the
// index of the next rune.
abi::DecodeRuneResult goDecoderune(const uint8_t *p, int64_t len, int64_t k)
    ORIGO_GO_NAME("runtime.decoderune");
abi::DecodeRuneResult goDecoderune(const uint8_t *p, int64_t len, int64_t k) {
  return decodeRune(p, len, k);
}

// len([]rune(s)) and utf8.RuneCountInString's intrinsic form.
int64_t goCountrunes(const uint8_t *p, int64_t len)
    ORIGO_GO_NAME("runtime.countrunes");
int64_t goCountrunes(const uint8_t *p, int64_t len) { return countRunes(p, len); }

} // extern "C"
