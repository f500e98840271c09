//===- runtime/hash.cpp - Hash and equality functions of Go values --------===//
///
/// \file
/// gc's runtime/alg.go for origo: the hash functions map types use as their
/// hasher (memhash and its fixed-size shortcuts, strhash, float, complex and
/// interface hashes), the generic typehash that hashes a value through its
/// type descriptor, the equality functions type descriptors point at, and
/// interface comparison (efaceeq/ifaceeq).
///
/// The byte hash (hashBytes, inline in hash.h so that map.cpp's key-by-value
/// paths share it) is a wyhash-style design: 64x64->128-bit multiplies
/// folded with xor, keyed by four per-process random words, so hash flooding needs
/// the keys and map iteration order differs from run to run. Its contract,
/// relied on by compiled hashers: memhashN(p, seed) == memhash(p, seed, N),
/// and a hash depends only on the bytes, the seed and the size.
///
/// Floats hash so that == values hash alike: +0 and -0 hash as +0, and each
/// hash of a NaN is random (NaN != NaN, so a NaN key can never be found
/// again, and random hashes keep a map with many NaN keys from degrading
/// into one long chain).
///
//===----------------------------------------------------------------------===//

#include "runtime/hash.h"
#include "runtime/panic.h"
#include "runtime/type.h"

#include <string.h>
#include <sys/auxv.h>
#include <sys/random.h>

namespace origo::rt {

/// Fixed odd constants until algInit replaces them with random ones
/// (hashing before main() works, it is merely predictable).
uint64_t hashKey[4] = {0xa0761d6478bd642full, 0xe7037ed1a0b428dbull,
                       0x8ebc6af09c88c6e3ull, 0x589965cc75374cc3ull};

namespace {

using abi::Eface;
using abi::GoString;
using abi::Iface;
using abi::Type;

/// Seed of the per-thread random streams; each thread's stream starts from
/// a distinct value taken from it.
uint64_t randSeed = 0x9e3779b97f4a7c15ull;
__thread uint64_t randState = 0;

/// A hash that depends on nothing but randomness and the seed: what NaNs
/// hash to.
inline uintptr_t randomHash(uintptr_t seed) {
  return mix(seed ^ hashKey[2], fastrand64() | 1);
}

uintptr_t f32hash(const void *p, uintptr_t seed) {
  float f;
  memcpy(&f, p, 4);
  if (f == 0) {
    uint32_t zero = 0; // -0 hashes as +0
    return hashBytes(reinterpret_cast<const uint8_t *>(&zero), seed, 4);
  }
  if (f != f)
    return randomHash(seed);
  return hashBytes(static_cast<const uint8_t *>(p), seed, 4);
}

uintptr_t f64hash(const void *p, uintptr_t seed) {
  double f;
  memcpy(&f, p, 8);
  if (f == 0) {
    uint64_t zero = 0;
    return hashBytes(reinterpret_cast<const uint8_t *>(&zero), seed, 8);
  }
  if (f != f)
    return randomHash(seed);
  return hashBytes(static_cast<const uint8_t *>(p), seed, 8);
}

uintptr_t c64hash(const void *p, uintptr_t seed) {
  return f32hash(static_cast<const uint8_t *>(p) + 4, f32hash(p, seed));
}

uintptr_t c128hash(const void *p, uintptr_t seed) {
  return f64hash(static_cast<const uint8_t *>(p) + 8, f64hash(p, seed));
}

uintptr_t strhash(const void *p, uintptr_t seed) {
  auto *s = static_cast<const GoString *>(p);
  return hashBytes(s->ptr, seed, uintptr_t(s->len));
}

/// Hash of an interface holding a \p t in \p data (the dynamic type is
/// checked here, so the panic names the outermost unhashable type: for a
/// struct with a slice field, the struct).
uintptr_t dynamicHash(const Type *t, void *const *data, uintptr_t seed) {
  if (!t->equal)
    panicUnhashable(t);
  const void *v = isDirectIface(t) ? static_cast<const void *>(data) : *data;
  return mix(typehash(t, v, seed ^ hashKey[3]), hashKey[2] | 1);
}

uintptr_t nilinterhash(const void *p, uintptr_t seed) {
  auto *e = static_cast<const Eface *>(p);
  return e->type ? dynamicHash(e->type, &e->data, seed) : seed;
}

uintptr_t interhash(const void *p, uintptr_t seed) {
  auto *i = static_cast<const Iface *>(p);
  return i->tab ? dynamicHash(i->tab->type, &i->data, seed) : seed;
}

[[noreturn]] void panicUncomparable(const Type *t) {
  panicRuntimeError("comparing uncomparable type ", t->str);
}

/// Equality of two interfaces' data words holding a \p t (gc's efaceeq).
bool dataEqual(const Type *t, void *x, void *y) {
  if (!t)
    return true;
  if (!t->equal)
    panicUncomparable(t);
  if (isDirectIface(t))
    return x == y; // the value is the pointer itself
  return t->equal(x, y);
}

} // namespace

void algInit() {
  uint64_t seed[5];
  if (getrandom(seed, sizeof seed, GRND_NONBLOCK) != ssize_t(sizeof seed)) {
    // No getrandom (old kernel, seccomp): the kernel's 16 random bytes.
    auto *r = reinterpret_cast<const uint8_t *>(getauxval(AT_RANDOM));
    uint64_t x = 0, y = 0;
    if (r) {
      memcpy(&x, r, 8);
      memcpy(&y, r + 8, 8);
    }
    for (uint64_t &s : seed) { // splitmix64 expansion
      x += 0x9e3779b97f4a7c15ull;
      s = mix(x ^ y, 0xbf58476d1ce4e5b9ull);
    }
  }
  for (int i = 0; i < 4; ++i)
    hashKey[i] = seed[i] | 1;
  randSeed = seed[4];
}

uint64_t fastrand64() {
  // wyrand: a Weyl sequence through the mixing step.
  if (randState == 0)
    randState = mix(__atomic_add_fetch(&randSeed, 0x9e3779b97f4a7c15ull,
                                       __ATOMIC_RELAXED),
                    0xd1b54a32d192ed03ull) | 1;
  randState += 0xa0761d6478bd642full;
  return mix(randState, randState ^ 0xe7037ed1a0b428dbull);
}

uintptr_t memhash(const void *p, uintptr_t seed, uintptr_t size) {
  return hashBytes(static_cast<const uint8_t *>(p), seed, size);
}

void panicUnhashable(const Type *t) {
  panicRuntimeError("hash of unhashable type ", t->str);
}

uintptr_t typehash(const Type *t, const void *p, uintptr_t seed) {
  if (t->tflag & abi::TFlagRegularMemory)
    return memhash(p, seed, t->size);
  auto *bytes = static_cast<const uint8_t *>(p);
  switch (kindOf(t)) {
  case abi::KindFloat32:
    return f32hash(p, seed);
  case abi::KindFloat64:
    return f64hash(p, seed);
  case abi::KindComplex64:
    return c64hash(p, seed);
  case abi::KindComplex128:
    return c128hash(p, seed);
  case abi::KindString:
    return strhash(p, seed);
  case abi::KindInterface:
    return asInterface(t)->mcount == 0 ? nilinterhash(p, seed)
                                       : interhash(p, seed);
  case abi::KindArray: {
    const abi::ArrayType *a = asArray(t);
    for (uintptr_t i = 0; i < a->len; ++i)
      seed = typehash(a->elem, bytes + i * a->elem->size, seed);
    return seed;
  }
  case abi::KindStruct: {
    const abi::StructType *s = asStruct(t);
    for (uintptr_t i = 0; i < s->nfields; ++i) {
      const abi::StructField &f = s->fields[i];
      if (!isBlankName(f.name))
        seed = typehash(f.typ, bytes + f.offset, seed);
    }
    return seed;
  }
  default:
    // Every other comparable kind is regular memory; what reaches here is
    // not comparable at all.
    panicUnhashable(t);
  }
}

} // namespace origo::rt

using namespace origo::rt;
using origo::abi::Eface;
using origo::abi::GoString;
using origo::abi::Iface;
using origo::abi::Itab;
using origo::abi::Type;

// Entry points with gc's names and signatures (runtime/alg.go), declared
// in hash.h.
extern "C" {

uintptr_t goMemhash(const void *p, uintptr_t seed, uintptr_t size) {
  return memhash(p, seed, size);
}

#define ORIGO_MEMHASH_N(bits, bytes)                                           \
  uintptr_t goMemhash##bits(const void *p, uintptr_t seed) {                   \
    return memhash(p, seed, bytes);                                            \
  }
ORIGO_MEMHASH_N(0, 0)
ORIGO_MEMHASH_N(8, 1)
ORIGO_MEMHASH_N(16, 2)
ORIGO_MEMHASH_N(32, 4)
ORIGO_MEMHASH_N(64, 8)
ORIGO_MEMHASH_N(128, 16)
#undef ORIGO_MEMHASH_N

uintptr_t goStrhash(const void *p, uintptr_t seed) { return strhash(p, seed); }
uintptr_t goF32hash(const void *p, uintptr_t seed) { return f32hash(p, seed); }
uintptr_t goF64hash(const void *p, uintptr_t seed) { return f64hash(p, seed); }
uintptr_t goC64hash(const void *p, uintptr_t seed) { return c64hash(p, seed); }
uintptr_t goC128hash(const void *p, uintptr_t seed) { return c128hash(p, seed); }
uintptr_t goInterhash(const void *p, uintptr_t seed) { return interhash(p, seed); }
uintptr_t goNilinterhash(const void *p, uintptr_t seed) {
  return nilinterhash(p, seed);
}

uintptr_t goTypehash(const Type *t, const void *p, uintptr_t seed) {
  return typehash(t, p, seed);
}

bool goMemequal(const void *p, const void *q, uintptr_t size) {
  return p == q || memcmp(p, q, size) == 0;
}

#define ORIGO_MEMEQUAL_N(bits, type)                                           \
  bool goMemequal##bits(const void *p, const void *q) {                        \
    type a, b;                                                                 \
    memcpy(&a, p, sizeof a);                                                   \
    memcpy(&b, q, sizeof b);                                                   \
    return a == b;                                                             \
  }
ORIGO_MEMEQUAL_N(8, uint8_t)
ORIGO_MEMEQUAL_N(16, uint16_t)
ORIGO_MEMEQUAL_N(32, uint32_t)
ORIGO_MEMEQUAL_N(64, uint64_t)
ORIGO_MEMEQUAL_N(128, __uint128_t)
#undef ORIGO_MEMEQUAL_N

bool goMemequal0(const void *, const void *) { return true; }

bool goF32equal(const void *p, const void *q) {
  return *static_cast<const float *>(p) == *static_cast<const float *>(q);
}

bool goF64equal(const void *p, const void *q) {
  return *static_cast<const double *>(p) == *static_cast<const double *>(q);
}

bool goC64equal(const void *p, const void *q) {
  auto *x = static_cast<const float *>(p), *y = static_cast<const float *>(q);
  return x[0] == y[0] && x[1] == y[1];
}

bool goC128equal(const void *p, const void *q) {
  auto *x = static_cast<const double *>(p), *y = static_cast<const double *>(q);
  return x[0] == y[0] && x[1] == y[1];
}

bool goStrequal(const void *p, const void *q) {
  auto *x = static_cast<const GoString *>(p), *y = static_cast<const GoString *>(q);
  return x->len == y->len &&
         (x->ptr == y->ptr || x->len == 0 ||
          memcmp(x->ptr, y->ptr, size_t(x->len)) == 0);
}

bool goEfaceeq(const Type *t, void *x, void *y) { return dataEqual(t, x, y); }

bool goIfaceeq(const Itab *tab, void *x, void *y) {
  return dataEqual(tab ? tab->type : nullptr, x, y);
}

bool goNilinterequal(const void *p, const void *q) {
  auto *x = static_cast<const Eface *>(p), *y = static_cast<const Eface *>(q);
  return x->type == y->type && dataEqual(x->type, x->data, y->data);
}

bool goInterequal(const void *p, const void *q) {
  auto *x = static_cast<const Iface *>(p), *y = static_cast<const Iface *>(q);
  return x->tab == y->tab &&
         dataEqual(x->tab ? x->tab->type : nullptr, x->data, y->data);
}

} // extern "C"
