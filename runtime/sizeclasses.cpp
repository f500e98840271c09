//===- runtime/sizeclasses.cpp - gc's malloc size classes -----------------===//
///
/// \file
/// The class sizes of gc 1.19 (generated there by mksizeclasses.go), and
/// roundupsize over them. gc looks the class up through two index tables
/// (size_to_class8/128); a binary search over the sorted sizes picks the
/// same class, since every class size is a multiple of the tables' steps.
///
//===----------------------------------------------------------------------===//

#include "runtime/sizeclasses.h"

#include <algorithm>

namespace origo::rt {

const uint16_t classToSize[NumSizeClasses] = {
    0,     8,     16,    24,    32,    48,    64,    80,    96,    112,
    128,   144,   160,   176,   192,   208,   224,   240,   256,   288,
    320,   352,   384,   416,   448,   480,   512,   576,   640,   704,
    768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304,
    2688,  3072,  3200,  3456,  4096,  4864,  5376,  6144,  6528,  6784,
    6912,  8192,  9472,  9728,  10240, 10880, 12288, 13568, 14336, 16384,
    18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

static_assert(NumSizeClasses == sizeof classToSize / sizeof classToSize[0]);

uintptr_t roundupsize(uintptr_t size) {
  if (size < MaxSmallSize)
    return *std::lower_bound(classToSize, classToSize + NumSizeClasses, size);
  if (size + PageSize < size)
    return size;
  return (size + PageSize - 1) & ~(PageSize - 1);
}

} // namespace origo::rt
