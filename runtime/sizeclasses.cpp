//===- runtime/sizeclasses.cpp - gc's malloc size classes -----------------===//
///
/// \file
/// The span sizes of gc 1.19's size classes (generated there by
/// mksizeclasses.go; the class sizes are in the header), the class lookup
/// through gc's two index tables (size_to_class8/128, built here at
/// compile time from the class sizes), and roundupsize over them.
///
//===----------------------------------------------------------------------===//

#include "runtime/sizeclasses.h"

#include <stddef.h>

namespace origo::rt {

const uint8_t classToNPages[NumSizeClasses] = {
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3,
    2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8, 3, 10, 7, 4};

namespace {

// gc's smallSizeDiv, smallSizeMax and largeSizeDiv.
constexpr uintptr_t SmallSizeDiv = 8, SmallSizeMax = 1024, LargeSizeDiv = 128;

/// Index tables: entry i is the class of a request of i*step bytes
/// (rounded up to the step) from \p from on.
template <size_t N> struct ClassIndex {
  uint8_t cls[N] = {};
  constexpr ClassIndex(uintptr_t from, uintptr_t step) {
    int c = 0;
    for (size_t i = 0; i < N; ++i) {
      uintptr_t size = from + i * step;
      while (classToSize[c] < size)
        ++c;
      cls[i] = uint8_t(c);
    }
  }
};

constexpr ClassIndex<SmallSizeMax / SmallSizeDiv + 1> sizeToClass8(0, SmallSizeDiv);
constexpr ClassIndex<(MaxSmallSize - SmallSizeMax) / LargeSizeDiv + 1>
    sizeToClass128(SmallSizeMax, LargeSizeDiv);

// Spot checks against gc's tables.
static_assert(sizeToClass8.cls[3] == 3 && sizeToClass8.cls[5] == 5 && sizeToClass8.cls[6] == 5);
static_assert(sizeToClass128.cls[0] == 32 && sizeToClass128.cls[1] == 33 &&
              sizeToClass128.cls[(MaxSmallSize - SmallSizeMax) / LargeSizeDiv] == 67);

} // namespace

uint8_t sizeToClass(uintptr_t size) {
  if (size <= SmallSizeMax - 8)
    return sizeToClass8.cls[(size + SmallSizeDiv - 1) / SmallSizeDiv];
  return sizeToClass128.cls[(size - SmallSizeMax + LargeSizeDiv - 1) / LargeSizeDiv];
}

uintptr_t roundupsize(uintptr_t size) {
  if (size < MaxSmallSize)
    return classToSize[sizeToClass(size)];
  if (size + PageSize < size)
    return size;
  return (size + PageSize - 1) & ~(PageSize - 1);
}

} // namespace origo::rt
