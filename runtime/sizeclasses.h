//===- runtime/sizeclasses.h - gc's malloc size classes ---------*- C++ -*-===//
///
/// \file
/// gc 1.19's allocation size classes (runtime/sizeclasses.go) and
/// roundupsize (runtime/msize.go): the size of the block mallocgc really
/// allocates for a request. append's growth is observable through cap(),
/// which growslice rounds up to these sizes, so origo reproduces the table
/// whatever its own allocator does.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_SIZECLASSES_H
#define ORIGO_RUNTIME_SIZECLASSES_H

#include <stdint.h>

namespace origo::rt {

/// gc's _MaxSmallSize: requests below this are served from a size class.
constexpr uintptr_t MaxSmallSize = 32768;
/// gc's _PageSize: larger requests are rounded up to whole pages.
constexpr uintptr_t PageSize = 8192;
/// gc's _NumSizeClasses (class 0 is "large").
constexpr int NumSizeClasses = 68;
/// gc's class_to_size.
inline constexpr uint16_t classToSize[NumSizeClasses] = {
    0,     8,     16,    24,    32,    48,    64,    80,    96,    112,
    128,   144,   160,   176,   192,   208,   224,   240,   256,   288,
    320,   352,   384,   416,   448,   480,   512,   576,   640,   704,
    768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304,
    2688,  3072,  3200,  3456,  4096,  4864,  5376,  6144,  6528,  6784,
    6912,  8192,  9472,  9728,  10240, 10880, 12288, 13568, 14336, 16384,
    18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};
/// gc's class_to_allocnpages: the pages of one span of the class.
extern const uint8_t classToNPages[NumSizeClasses];

/// The size class of a request of 1..MaxSmallSize bytes: the smallest
/// class it fits in (gc's size_to_class8/size_to_class128 lookup).
uint8_t sizeToClass(uintptr_t size);

/// The smallest size class holding \p size bytes, or \p size rounded up to
/// a multiple of PageSize from MaxSmallSize on (unchanged if that would
/// overflow), as gc's roundupsize.
uintptr_t roundupsize(uintptr_t size);

} // namespace origo::rt

#endif // ORIGO_RUNTIME_SIZECLASSES_H
