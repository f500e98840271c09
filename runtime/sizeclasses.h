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
extern const uint16_t classToSize[NumSizeClasses];

/// The smallest size class holding \p size bytes, or \p size rounded up to
/// a multiple of PageSize from MaxSmallSize on (unchanged if that would
/// overflow), as gc's roundupsize.
uintptr_t roundupsize(uintptr_t size);

} // namespace origo::rt

#endif // ORIGO_RUNTIME_SIZECLASSES_H
