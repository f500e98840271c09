//===- runtime/map.h - Go maps ----------------------------------*- C++ -*-===//
///
/// \file
/// The map entry points compiled code calls, with gc's names and (C calling
/// convention) signatures; see map.cpp for the hash table itself and
/// abi.h for MapType, Hmap and Hiter. Keys are passed by pointer, or by
/// value to the _fast32, _fast64 and _faststr variants; elements are
/// returned by pointer. A missing element reads as zero: mapaccess1/2
/// return a pointer to runtime.zeroVal (or to the caller's zero area in the
/// _fat variants, for elements bigger than abi::MapMaxZero).
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_MAP_H
#define ORIGO_RUNTIME_MAP_H

#include "runtime/abi.h"

#include <stdint.h>

extern "C" {

/// MapMaxZero zero bytes, 16-aligned: the value of a missing element.
extern uint8_t goZeroVal[origo::abi::MapMaxZero] ORIGO_GO_NAME("runtime.zeroVal");

/// make(map[K]V, hint). \p h is null, or a zeroed Hmap that compiled code
/// allocated itself (say, on its stack when the map does not escape), which
/// becomes the map. A negative or huge hint is treated as 0.
origo::abi::Hmap *goMakemap(const origo::abi::MapType *t, int64_t hint,
                            origo::abi::Hmap *h) ORIGO_GO_NAME("runtime.makemap");
/// make(map[K]V) and make(map[K]V, hint) with a constant hint <= 8.
origo::abi::Hmap *goMakemapSmall() ORIGO_GO_NAME("runtime.makemap_small");

/// m[k] as an rvalue: the element of \p key, or a pointer to zeroVal.
/// The pointer is valid until the next write to the map.
void *goMapaccess1(const origo::abi::MapType *t, origo::abi::Hmap *h,
                   const void *key) ORIGO_GO_NAME("runtime.mapaccess1");
/// v, ok := m[k]. LLVM result type `{ ptr, i8 }`.
origo::abi::MapAccess2Result goMapaccess2(const origo::abi::MapType *t,
                                          origo::abi::Hmap *h, const void *key)
    ORIGO_GO_NAME("runtime.mapaccess2");
/// mapaccess1/2 for elements bigger than MapMaxZero: \p zero points to
/// elem->size zero bytes, returned for a missing key.
void *goMapaccess1Fat(const origo::abi::MapType *t, origo::abi::Hmap *h,
                      const void *key, const void *zero)
    ORIGO_GO_NAME("runtime.mapaccess1_fat");
origo::abi::MapAccess2Result goMapaccess2Fat(const origo::abi::MapType *t,
                                             origo::abi::Hmap *h,
                                             const void *key, const void *zero)
    ORIGO_GO_NAME("runtime.mapaccess2_fat");

/// m[k] as an lvalue: the element slot of \p key, inserted (zeroed) if it
/// was missing; compiled code stores the value through the result. Panics
/// "assignment to entry in nil map" (a plainError) when h is null.
void *goMapassign(const origo::abi::MapType *t, origo::abi::Hmap *h,
                  const void *key) ORIGO_GO_NAME("runtime.mapassign");

/// delete(m, k). A no-op for a nil map or a missing key (but an unhashable
/// interface key still panics, as in gc).
void goMapdelete(const origo::abi::MapType *t, origo::abi::Hmap *h,
                 const void *key) ORIGO_GO_NAME("runtime.mapdelete");

/// Deletes every entry: what `for k := range m { delete(m, k) }` compiles to.
void goMapclear(const origo::abi::MapType *t, origo::abi::Hmap *h)
    ORIGO_GO_NAME("runtime.mapclear");

/// len(m) for callers that do not read Hmap::count themselves (0 for nil).
int64_t goMaplen(origo::abi::Hmap *h) ORIGO_GO_NAME("runtime.maplen");

/// Starts a range loop over \p h with the zeroed iterator \p it: on return
/// it->key/it->elem are the first entry, or it->key is null.
void goMapiterinit(const origo::abi::MapType *t, origo::abi::Hmap *h,
                   origo::abi::Hiter *it) ORIGO_GO_NAME("runtime.mapiterinit");
/// Advances \p it to the next entry (it->key null at the end).
void goMapiternext(origo::abi::Hiter *it) ORIGO_GO_NAME("runtime.mapiternext");

// Key-by-value variants for 4- and 8-byte keys of regular memory and for
// strings (gc's map_fast32.go, map_fast64.go, map_faststr.go): the key is
// hashed with the byte hash the map type's hasher uses (memhash32,
// memhash64, strhash) and compared without a call, so they work on the
// same maps as the generic entry points and behave exactly as they do.
// The map type must be the one for such a key.
void *goMapaccess1Fast32(const origo::abi::MapType *t, origo::abi::Hmap *h,
                         uint32_t key) ORIGO_GO_NAME("runtime.mapaccess1_fast32");
origo::abi::MapAccess2Result goMapaccess2Fast32(const origo::abi::MapType *t,
                                                origo::abi::Hmap *h, uint32_t key)
    ORIGO_GO_NAME("runtime.mapaccess2_fast32");
void *goMapassignFast32(const origo::abi::MapType *t, origo::abi::Hmap *h,
                        uint32_t key) ORIGO_GO_NAME("runtime.mapassign_fast32");
void goMapdeleteFast32(const origo::abi::MapType *t, origo::abi::Hmap *h,
                       uint32_t key) ORIGO_GO_NAME("runtime.mapdelete_fast32");
void *goMapaccess1Fast64(const origo::abi::MapType *t, origo::abi::Hmap *h,
                         uint64_t key) ORIGO_GO_NAME("runtime.mapaccess1_fast64");
origo::abi::MapAccess2Result goMapaccess2Fast64(const origo::abi::MapType *t,
                                                origo::abi::Hmap *h, uint64_t key)
    ORIGO_GO_NAME("runtime.mapaccess2_fast64");
void *goMapassignFast64(const origo::abi::MapType *t, origo::abi::Hmap *h,
                        uint64_t key) ORIGO_GO_NAME("runtime.mapassign_fast64");
void goMapdeleteFast64(const origo::abi::MapType *t, origo::abi::Hmap *h,
                       uint64_t key) ORIGO_GO_NAME("runtime.mapdelete_fast64");
/// mapassign_fast64 for pointer-shaped keys (gc's mapassign_fast64ptr: the
/// key is stored as a pointer).
void *goMapassignFast64ptr(const origo::abi::MapType *t, origo::abi::Hmap *h,
                           void *key) ORIGO_GO_NAME("runtime.mapassign_fast64ptr");
/// The string key is passed as its two words (pointer, length).
void *goMapaccess1Faststr(const origo::abi::MapType *t, origo::abi::Hmap *h,
                          const uint8_t *kp, int64_t kn)
    ORIGO_GO_NAME("runtime.mapaccess1_faststr");
origo::abi::MapAccess2Result goMapaccess2Faststr(const origo::abi::MapType *t,
                                                 origo::abi::Hmap *h,
                                                 const uint8_t *kp, int64_t kn)
    ORIGO_GO_NAME("runtime.mapaccess2_faststr");
void *goMapassignFaststr(const origo::abi::MapType *t, origo::abi::Hmap *h,
                         const uint8_t *kp, int64_t kn)
    ORIGO_GO_NAME("runtime.mapassign_faststr");
/// mapassign_faststr with a key whose bytes are only borrowed (gc would
/// pass string(b) of a byte slice b, allocated for the call): the map
/// copies them to the heap only when it inserts the key, so m[string(b)]++
/// allocates nothing for a key already present.
void *goMapassignFaststrBorrowed(const origo::abi::MapType *t,
                                 origo::abi::Hmap *h, const uint8_t *kp,
                                 int64_t kn)
    ORIGO_GO_NAME("runtime.mapassign_faststr_borrowed");
void goMapdeleteFaststr(const origo::abi::MapType *t, origo::abi::Hmap *h,
                        const uint8_t *kp, int64_t kn)
    ORIGO_GO_NAME("runtime.mapdelete_faststr");

} // extern "C"

#endif // ORIGO_RUNTIME_MAP_H
