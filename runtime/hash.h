//===- runtime/hash.h - Hashing, equality and cheap randomness --*- C++ -*-===//
///
/// \file
/// The runtime's side of gc's runtime/alg.go: hashing and comparing values
/// through their type descriptors (for maps and interface comparison), and
/// the per-process randomness that seeds map hashing and iteration order.
/// The entry points compiled code calls (runtime.memhash, runtime.efaceeq,
/// ...) are listed in README.md and defined in hash.cpp.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_HASH_H
#define ORIGO_RUNTIME_HASH_H

#include "runtime/abi.h"

#include <stdint.h>

namespace origo::rt {

/// Seeds the hash keys and the random source from the kernel. main() calls
/// it before any Go code runs; until then hashing works with fixed keys.
void algInit();

/// A fast, non-cryptographic random number (gc's fastrand/fastrand64):
/// per-thread wyrand state seeded by algInit.
uint64_t fastrand64();
inline uint32_t fastrand() { return uint32_t(fastrand64() >> 32); }

/// The byte hash's four keys (per-process random after algInit).
extern uint64_t hashKey[4];

/// The wyhash mixing step: the 128-bit product of a and b, halves xor'ed.
inline uint64_t mix(uint64_t a, uint64_t b) {
  __uint128_t r = static_cast<__uint128_t>(a) * b;
  return uint64_t(r) ^ uint64_t(r >> 64);
}

inline uint64_t read8(const uint8_t *p) {
  uint64_t v;
  __builtin_memcpy(&v, p, 8);
  return v;
}

inline uint64_t read4(const uint8_t *p) {
  uint32_t v;
  __builtin_memcpy(&v, p, 4);
  return v;
}

/// The byte hash (memhash), wyhash-style: 64x64->128-bit multiplies folded
/// with xor, keyed by hashKey. Inline so that the fixed-size entry points
/// and the maps' key-by-value paths fold all but one path away; whatever
/// calls it, a hash depends only on the bytes, the seed and the size.
[[gnu::always_inline]] inline uintptr_t hashBytes(const uint8_t *p,
                                                  uint64_t seed, uintptr_t s) {
  uint64_t a, b;
  seed ^= hashKey[0];
  if (s <= 16) {
    if (s >= 4) {
      // Two overlapping 4-byte reads from each end cover 4..16 bytes.
      uintptr_t q = (s >> 3) << 2;
      a = (read4(p) << 32) | read4(p + q);
      b = (read4(p + s - 4) << 32) | read4(p + s - 4 - q);
    } else if (s > 0) {
      a = (uint64_t(p[0]) << 16) | (uint64_t(p[s >> 1]) << 8) | p[s - 1];
      b = 0;
    } else {
      a = b = 0;
    }
  } else {
    uintptr_t i = s;
    if (i > 48) {
      // Three independent lanes over 48-byte blocks.
      uint64_t seed1 = seed, seed2 = seed;
      do {
        seed = mix(read8(p) ^ hashKey[1], read8(p + 8) ^ seed);
        seed1 = mix(read8(p + 16) ^ hashKey[2], read8(p + 24) ^ seed1);
        seed2 = mix(read8(p + 32) ^ hashKey[3], read8(p + 40) ^ seed2);
        p += 48;
        i -= 48;
      } while (i > 48);
      seed ^= seed1 ^ seed2;
    }
    for (; i > 16; i -= 16, p += 16)
      seed = mix(read8(p) ^ hashKey[1], read8(p + 8) ^ seed);
    // The last 16 bytes, overlapping what came before when i < 16.
    a = read8(p + i - 16);
    b = read8(p + i - 8);
  }
  return mix(hashKey[1] ^ s, mix(a ^ hashKey[1], b ^ seed));
}

/// Hash of \p size bytes at \p p with \p seed (gc's memhash).
uintptr_t memhash(const void *p, uintptr_t seed, uintptr_t size);

/// Hash of the value of type \p t at \p p (gc's typehash): regular memory
/// as bytes, floats so that +0 == -0 and NaNs hash randomly, strings by
/// contents, interfaces through their dynamic type, arrays and structs
/// element by element (skipping blank fields). Panics with "hash of
/// unhashable type T" when t (or an interface's dynamic type inside it)
/// is not comparable.
uintptr_t typehash(const abi::Type *t, const void *p, uintptr_t seed);

/// Panics with the runtime error "hash of unhashable type " + t's string.
[[noreturn]] void panicUnhashable(const abi::Type *t);

} // namespace origo::rt

// Entry points for compiled code, with gc's names and signatures
// (runtime/alg.go); C calling convention. Hashers have the HashFn shape
// (hash of the value at p, with seed) and equality functions the EqualFn
// shape, so type descriptors and map types can point at them directly.
extern "C" {

/// Hash of \p size bytes at \p p (regular-memory keys of other sizes).
uintptr_t goMemhash(const void *p, uintptr_t seed, uintptr_t size)
    ORIGO_GO_NAME("runtime.memhash");
/// memhash of 0, 1, 2, 4, 8 and 16 bytes; equal to memhash with that size.
uintptr_t goMemhash0(const void *p, uintptr_t seed) ORIGO_GO_NAME("runtime.memhash0");
uintptr_t goMemhash8(const void *p, uintptr_t seed) ORIGO_GO_NAME("runtime.memhash8");
uintptr_t goMemhash16(const void *p, uintptr_t seed) ORIGO_GO_NAME("runtime.memhash16");
uintptr_t goMemhash32(const void *p, uintptr_t seed) ORIGO_GO_NAME("runtime.memhash32");
uintptr_t goMemhash64(const void *p, uintptr_t seed) ORIGO_GO_NAME("runtime.memhash64");
uintptr_t goMemhash128(const void *p, uintptr_t seed) ORIGO_GO_NAME("runtime.memhash128");
/// Hash of the string (a GoString) at p: of its bytes.
uintptr_t goStrhash(const void *p, uintptr_t seed) ORIGO_GO_NAME("runtime.strhash");
/// Float and complex hashes: +0 and -0 alike, NaNs random.
uintptr_t goF32hash(const void *p, uintptr_t seed) ORIGO_GO_NAME("runtime.f32hash");
uintptr_t goF64hash(const void *p, uintptr_t seed) ORIGO_GO_NAME("runtime.f64hash");
uintptr_t goC64hash(const void *p, uintptr_t seed) ORIGO_GO_NAME("runtime.c64hash");
uintptr_t goC128hash(const void *p, uintptr_t seed) ORIGO_GO_NAME("runtime.c128hash");
/// Hash of the Iface / Eface at p through its dynamic type (the nil
/// interface hashes to seed); panics "hash of unhashable type T" when the
/// dynamic type T is not comparable.
uintptr_t goInterhash(const void *p, uintptr_t seed) ORIGO_GO_NAME("runtime.interhash");
uintptr_t goNilinterhash(const void *p, uintptr_t seed)
    ORIGO_GO_NAME("runtime.nilinterhash");
/// Hash of the value of type t at p (see origo::rt::typehash).
uintptr_t goTypehash(const origo::abi::Type *t, const void *p, uintptr_t seed)
    ORIGO_GO_NAME("runtime.typehash");

/// Whether \p size bytes at p and q are equal.
bool goMemequal(const void *p, const void *q, uintptr_t size)
    ORIGO_GO_NAME("runtime.memequal");
/// memequal of 0, 1, 2, 4, 8 and 16 bytes, usable as Type::equal.
bool goMemequal0(const void *p, const void *q) ORIGO_GO_NAME("runtime.memequal0");
bool goMemequal8(const void *p, const void *q) ORIGO_GO_NAME("runtime.memequal8");
bool goMemequal16(const void *p, const void *q) ORIGO_GO_NAME("runtime.memequal16");
bool goMemequal32(const void *p, const void *q) ORIGO_GO_NAME("runtime.memequal32");
bool goMemequal64(const void *p, const void *q) ORIGO_GO_NAME("runtime.memequal64");
bool goMemequal128(const void *p, const void *q) ORIGO_GO_NAME("runtime.memequal128");
/// Float and complex ==: NaN != NaN, +0 == -0.
bool goF32equal(const void *p, const void *q) ORIGO_GO_NAME("runtime.f32equal");
bool goF64equal(const void *p, const void *q) ORIGO_GO_NAME("runtime.f64equal");
bool goC64equal(const void *p, const void *q) ORIGO_GO_NAME("runtime.c64equal");
bool goC128equal(const void *p, const void *q) ORIGO_GO_NAME("runtime.c128equal");
/// == of two GoStrings.
bool goStrequal(const void *p, const void *q) ORIGO_GO_NAME("runtime.strequal");
/// x == y for the data words of two interfaces whose type words compiled
/// code has already found equal: \p t is that dynamic type (null: both
/// nil). Panics "comparing uncomparable type T" when T is not comparable.
bool goEfaceeq(const origo::abi::Type *t, void *x, void *y)
    ORIGO_GO_NAME("runtime.efaceeq");
/// The same for non-empty interfaces, given their (equal) itab.
bool goIfaceeq(const origo::abi::Itab *tab, void *x, void *y)
    ORIGO_GO_NAME("runtime.ifaceeq");
/// Type::equal of empty interface types: == of the Efaces at p and q.
bool goNilinterequal(const void *p, const void *q)
    ORIGO_GO_NAME("runtime.nilinterequal");
/// Type::equal of non-empty interface types: == of the Ifaces at p and q.
bool goInterequal(const void *p, const void *q) ORIGO_GO_NAME("runtime.interequal");

} // extern "C"

#endif // ORIGO_RUNTIME_HASH_H
