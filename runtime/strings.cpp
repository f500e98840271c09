//===- runtime/strings.cpp - string operations called by compiled code ----===//
/// \file
/// String comparison (Go compares strings bytewise, as unsigned bytes, with
/// the shorter string first when one is a prefix of the other; runtime's
/// cmpstring in Go's internal/bytealg).
//===----------------------------------------------------------------------===//
#include "runtime/abi.h"

#include <stdint.h>
#include <string.h>

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
