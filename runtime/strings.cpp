//===- runtime/strings.cpp - string operations called by compiled code ----===//
/// \file
/// String comparison (Go compares strings bytewise, as unsigned bytes, with
/// the shorter string first when one is a prefix of the other; runtime's
/// cmpstring in Go's internal/bytealg).
//===----------------------------------------------------------------------===//
#include "runtime/abi.h"

#include <stdint.h>
#include <string.h>
#include <stddef.h>

extern "C" {

int64_t goCmpString(const uint8_t *a, int64_t na, const uint8_t *b, int64_t nb)
    ORIGO_GO_NAME("runtime.cmpstring");
int64_t goCmpString(const uint8_t *a, int64_t na, const uint8_t *b, int64_t nb) {
  int64_t n = na < nb ? na : nb;
  if (n > 0 && a != b) {
    int c = memcmp(a, b, size_t(n));
    if (c != 0) return c < 0 ? -1 : 1;
  }
  if (na == nb) return 0;
  return na < nb ? -1 : 1;
}

} // extern "C"

namespace origo::rt {
void *mallocgc(size_t size, bool needzero);
}

extern "C" {

/// a + b. Like gc, returns an operand unchanged when the other is empty.
origo::abi::GoString goConcatString2(const uint8_t *a, int64_t na, const uint8_t *b, int64_t nb)
    ORIGO_GO_NAME("runtime.concatstring2");
origo::abi::GoString goConcatString2(const uint8_t *a, int64_t na, const uint8_t *b, int64_t nb) {
  if (na == 0) return {b, nb};
  if (nb == 0) return {a, na};
  uint8_t *p = static_cast<uint8_t *>(origo::rt::mallocgc(size_t(na + nb), false));
  memcpy(p, a, size_t(na));
  memcpy(p + na, b, size_t(nb));
  return {p, na + nb};
}

} // extern "C"
