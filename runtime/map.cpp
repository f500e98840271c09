//===- runtime/map.cpp - Go maps: a hash table with incremental growth ----===//
///
/// \file
/// Go's map, following the design of gc 1.19's runtime/map.go.
///
/// A map is an array of 2^B buckets. A bucket holds 8 entries: 8 "tophash"
/// bytes (the high byte of each entry's hash, or a state below minTopHash),
/// then the 8 keys, then the 8 elements, then a pointer to an overflow
/// bucket; keys or elements over 128 bytes are stored as pointers to heap
/// copies. The low B bits of a hash choose the bucket, its top byte is the
/// tophash that filters slots before a full key comparison.
///
/// When the average load passes 6.5 entries per bucket the table doubles;
/// when there are about as many overflow buckets as buckets (after many
/// deletions) it is rebuilt at the same size. Either way the old array is
/// kept and entries move ("evacuate") a bucket or two at a time, during
/// later writes, so no single insertion pays for the whole copy. An old
/// bucket i splits into new buckets i ("X") and i + 2^(B-1) ("Y"); its
/// tophash slots record where each entry went.
///
/// Iteration starts at a random bucket and a random slot offset, so programs
/// cannot depend on an order. It must see every entry present for the whole
/// loop exactly once, whatever the loop inserts and deletes (Go spec, "For
/// statements with range clause"); that is why growth is incremental and
/// why the iterator, mid-growth, walks old buckets but only returns the
/// entries that belong to the new bucket it is visiting, and looks entries
/// up again when they have moved since (to see updates and deletions).
///
/// Lookup, insertion and deletion are written once over a key policy, for
/// keys by pointer through the type's hasher and equal function and for
/// keys by value (4 and 8 bytes, strings: gc's map_fast*.go), hashed
/// inline with the same hash and compared without a call.
///
/// Keys that are not equal to themselves (NaN, or interfaces holding NaN)
/// hash randomly: each insertion adds an entry that no lookup finds, and
/// evacuation sends them X or Y by the low bit of their tophash.
///
/// Memory comes from mallocgc and is never freed before the GC exists.
/// Maps are not safe for concurrent writes; the hashWriting flag detects
/// some misuse and stops the program with gc's fatal errors.
///
//===----------------------------------------------------------------------===//

#include "runtime/map.h"
#include "runtime/hash.h"
#include "runtime/malloc.h"
#include "runtime/panic.h"
#include "runtime/stack.h"

#include <string.h>

using origo::abi::GoString;
using origo::abi::Hiter;
using origo::abi::Hmap;
using origo::abi::MapAccess2Result;
using origo::abi::MapType;
using origo::abi::Type;

alignas(16) uint8_t goZeroVal[origo::abi::MapMaxZero];

namespace origo::rt {
namespace {

constexpr uintptr_t kBucketCnt = abi::MapBucketCount;

// Load factor 6.5 as a fraction, for integer arithmetic.
constexpr uintptr_t kLoadFactorNum = 13;
constexpr uintptr_t kLoadFactorDen = 2;

/// Start of the keys in a bucket: after the tophash bytes.
constexpr uintptr_t kDataOffset = 8;

// tophash values below kMinTopHash are slot states.
constexpr uint8_t kEmptyRest = 0;     // empty, and so is every later slot and overflow
constexpr uint8_t kEmptyOne = 1;      // empty
constexpr uint8_t kEvacuatedX = 2;    // moved to the first half of the new array
constexpr uint8_t kEvacuatedY = 3;    // moved to the second half
constexpr uint8_t kEvacuatedEmpty = 4; // empty, and the bucket is evacuated
constexpr uint8_t kMinTopHash = 5;    // the smallest tophash of a full slot

// Hmap::flags.
constexpr uint8_t kIterator = 1;     // an iterator may be using buckets
constexpr uint8_t kOldIterator = 2;  // an iterator may be using oldbuckets
constexpr uint8_t kHashWriting = 4;  // a write is in progress
constexpr uint8_t kSameSizeGrow = 8; // the current growth keeps B

/// Hiter::checkBucket when no filtering is needed.
constexpr uintptr_t kNoCheck = ~uintptr_t(0);

struct Bucket {
  uint8_t tophash[kBucketCnt];
  // keys, elements, overflow pointer follow; sizes from the MapType.
};

/// A growable array of bucket pointers, allocated from the heap.
struct BucketList {
  Bucket **items;
  uintptr_t len, cap;
};

/// Hmap::extra. When buckets hold no pointers, the GC will not scan them,
/// so the overflow buckets are kept alive by these lists instead (and
/// iterators keep the lists alive by holding them). nextOverflow is the
/// next unused overflow bucket preallocated after the bucket array.
struct MapExtra {
  BucketList *overflow;
  BucketList *oldoverflow;
  Bucket *nextOverflow;
};

inline uintptr_t bucketShift(uint8_t b) { return uintptr_t(1) << (b & 63); }
inline uintptr_t bucketMask(uint8_t b) { return bucketShift(b) - 1; }

inline uint8_t topHash(uintptr_t hash) {
  uint8_t top = uint8_t(hash >> 56);
  return top < kMinTopHash ? top + kMinTopHash : top;
}

inline bool isEmpty(uint8_t x) { return x <= kEmptyOne; }

inline bool evacuated(const Bucket *b) {
  uint8_t h = b->tophash[0];
  return h > kEmptyOne && h < kMinTopHash;
}

inline bool indirectKey(const MapType *t) { return t->flags & abi::MapIndirectKey; }
inline bool indirectElem(const MapType *t) { return t->flags & abi::MapIndirectElem; }
inline bool reflexiveKey(const MapType *t) { return t->flags & abi::MapReflexiveKey; }
inline bool needKeyUpdate(const MapType *t) { return t->flags & abi::MapNeedKeyUpdate; }
inline bool hashMightPanic(const MapType *t) { return t->flags & abi::MapHashMightPanic; }

inline uint8_t *addr(const void *p, uintptr_t off) {
  return const_cast<uint8_t *>(static_cast<const uint8_t *>(p)) + off;
}

inline Bucket *bucketAt(const MapType *t, void *array, uintptr_t i) {
  return reinterpret_cast<Bucket *>(addr(array, i * t->bucketsize));
}

inline Bucket **overflowSlot(const MapType *t, Bucket *b) {
  return reinterpret_cast<Bucket **>(addr(b, t->bucketsize - sizeof(void *)));
}
inline Bucket *overflowOf(const MapType *t, Bucket *b) { return *overflowSlot(t, b); }

/// Slot i's key and element storage (holding a pointer when indirect).
inline uint8_t *keySlot(const MapType *t, Bucket *b, uintptr_t i) {
  return addr(b, kDataOffset + i * t->keysize);
}
inline uint8_t *elemSlot(const MapType *t, Bucket *b, uintptr_t i) {
  return addr(b, kDataOffset + kBucketCnt * t->keysize + i * t->elemsize);
}
/// The key or element itself.
inline void *keyOf(const MapType *t, uint8_t *slot) {
  return indirectKey(t) ? *reinterpret_cast<void **>(slot) : slot;
}
inline void *elemOf(const MapType *t, uint8_t *slot) {
  return indirectElem(t) ? *reinterpret_cast<void **>(slot) : slot;
}

inline MapExtra *extraOf(Hmap *h) { return static_cast<MapExtra *>(h->extra); }

MapExtra *ensureExtra(Hmap *h) {
  if (!h->extra)
    h->extra = mallocgc(sizeof(MapExtra), &runtimePointers, true);
  return extraOf(h);
}

inline bool growing(const Hmap *h) { return h->oldbuckets != nullptr; }
inline bool sameSizeGrow(const Hmap *h) { return h->flags & kSameSizeGrow; }

/// Number of buckets before the current growth started.
inline uintptr_t oldBucketCount(const Hmap *h) {
  return bucketShift(sameSizeGrow(h) ? h->B : h->B - 1);
}
inline uintptr_t oldBucketMask(const Hmap *h) { return oldBucketCount(h) - 1; }

/// Whether \p count entries in 2^B buckets exceed the load factor.
inline bool overLoadFactor(int64_t count, uint8_t B) {
  return count > int64_t(kBucketCnt) &&
         uintptr_t(count) > kLoadFactorNum * (bucketShift(B) / kLoadFactorDen);
}

/// Whether there are about as many overflow buckets as buckets: time to
/// rebuild at the same size.
inline bool tooManyOverflowBuckets(uint16_t noverflow, uint8_t B) {
  if (B > 15)
    B = 15;
  return noverflow >= uint16_t(1u << B);
}

/// Counts a new overflow bucket. noverflow is 16 bits, so beyond 2^16
/// buckets it counts 1 in 2^(B-15) at random: the same threshold of "about
/// as many overflow buckets as buckets" in expectation.
void incrNoverflow(Hmap *h) {
  if (h->B < 16) {
    ++h->noverflow;
    return;
  }
  unsigned shift = h->B - 15;
  uint32_t mask = shift >= 32 ? ~uint32_t(0) : (uint32_t(1) << shift) - 1;
  if ((fastrand() & mask) == 0)
    ++h->noverflow;
}

void appendBucket(BucketList *list, Bucket *b) {
  if (list->len == list->cap) {
    uintptr_t cap = list->cap ? 2 * list->cap : 8;
    auto **items = static_cast<Bucket **>(mallocgc(cap * sizeof(Bucket *), &runtimePointers, true));
    if (list->len)
      memcpy(items, list->items, list->len * sizeof(Bucket *));
    list->items = items;
    list->cap = cap;
  }
  list->items[list->len++] = b;
}

/// Makes sure both overflow lists exist (iterators hold on to them).
void createOverflowLists(Hmap *h) {
  MapExtra *x = ensureExtra(h);
  if (!x->overflow)
    x->overflow = static_cast<BucketList *>(mallocgc(sizeof(BucketList), &runtimePointers, true));
  if (!x->oldoverflow)
    x->oldoverflow = static_cast<BucketList *>(mallocgc(sizeof(BucketList), &runtimePointers, true));
}

/// Returns an array of at least 2^b buckets, and the first of the extra
/// ones preallocated as overflow buckets (or null). With \p dirty (an array
/// from an earlier call with the same t and b) clears and reuses it.
/// The last preallocated bucket's overflow pointer is set to a non-null
/// sentinel (the array itself), which newOverflow uses to find the end.
void *makeBucketArray(const MapType *t, uint8_t b, void *dirty,
                      Bucket **nextOverflow) {
  uintptr_t base = bucketShift(b);
  uintptr_t n = base;
  if (b >= 4)
    n += bucketShift(b - 4); // overflow buckets are likely; allocate 1/16 more
  void *array;
  if (dirty) {
    array = dirty;
    memset(array, 0, n * t->bucketsize);
  } else {
    array = mallocgc(n * t->bucketsize, t->bucket, true);
  }
  *nextOverflow = nullptr;
  if (n != base) {
    *nextOverflow = bucketAt(t, array, base);
    *overflowSlot(t, bucketAt(t, array, n - 1)) = static_cast<Bucket *>(array);
  }
  return array;
}

/// Links a new overflow bucket after \p b and returns it.
Bucket *newOverflow(const MapType *t, Hmap *h, Bucket *b) {
  Bucket *ovf;
  MapExtra *x = extraOf(h);
  if (x && x->nextOverflow) {
    ovf = x->nextOverflow;
    if (!overflowOf(t, ovf)) {
      x->nextOverflow = reinterpret_cast<Bucket *>(addr(ovf, t->bucketsize));
    } else { // the last preallocated one: clear the sentinel
      *overflowSlot(t, ovf) = nullptr;
      x->nextOverflow = nullptr;
    }
  } else {
    ovf = static_cast<Bucket *>(mallocgc(t->bucketsize, t->bucket, true));
  }
  incrNoverflow(h);
  if (t->bucket->ptrdata == 0) {
    createOverflowLists(h);
    appendBucket(extraOf(h)->overflow, ovf);
  }
  *overflowSlot(t, b) = ovf;
  return ovf;
}

void beginWrite(Hmap *h) {
  if (h->flags & kHashWriting)
    fatal("concurrent map writes");
  h->flags ^= kHashWriting;
}

void endWrite(Hmap *h) {
  if (!(h->flags & kHashWriting))
    fatal("concurrent map writes");
  h->flags &= uint8_t(~kHashWriting);
}

// Keys. Lookup, insertion and deletion are written once, over a key
// policy: GenericKey takes the key by pointer and goes through the map
// type's hasher and the key type's equal function (gc's map.go); the
// others take it by value (gc's map_fast32.go, map_fast64.go,
// map_faststr.go), hash it inline with the byte hash the map type's hasher
// uses (memhash32, memhash64, strhash: the same hash, so generic and
// by-value entry points work on one map) and compare without a call.
// By-value keys are never indirect; their entry points send maps with
// indirect elements to the generic path, so their elements are in place.

/// Whether n bytes at a and b are equal; short runs without a call.
inline bool bytesEqual(const uint8_t *a, const uint8_t *b, uintptr_t n) {
  if (n >= 8) {
    if (n > 16)
      return memcmp(a, b, n) == 0;
    // Two overlapping 8-byte reads from each end.
    return ((read8(a) ^ read8(b)) | (read8(a + n - 8) ^ read8(b + n - 8))) == 0;
  }
  if (n >= 4)
    return ((read4(a) ^ read4(b)) | (read4(a + n - 4) ^ read4(b + n - 4))) == 0;
  if (n == 0)
    return true;
  return a[0] == b[0] && a[n >> 1] == b[n >> 1] && a[n - 1] == b[n - 1];
}

struct GenericKey {
  using T = const void *;
  static constexpr bool kGeneric = true;
  static uintptr_t hash(const MapType *t, T k, uintptr_t seed) {
    return t->hasher(k, seed);
  }
  static uintptr_t keySize(const MapType *t) { return t->keysize; }
  /// The key in a slot.
  static T load(const MapType *t, uint8_t *slot) { return keyOf(t, slot); }
  static bool equal(const MapType *t, uint8_t *slot, T k) {
    return t->key->equal(k, keyOf(t, slot));
  }
  /// Found: overwrite the key too when equal keys can differ in bits.
  static void update(const MapType *t, uint8_t *slot, T k) {
    if (needKeyUpdate(t))
      memcpy(keyOf(t, slot), k, t->key->size);
  }
  static void insert(const MapType *t, uint8_t *slot, T k) {
    if (indirectKey(t)) {
      void *p = mallocgc(t->key->size, t->key, true);
      *reinterpret_cast<void **>(slot) = p;
      slot = static_cast<uint8_t *>(p);
    }
    memcpy(slot, k, t->key->size);
  }
  /// Drops the key's pointers (for the GC).
  static void clear(const MapType *t, uint8_t *slot) {
    if (indirectKey(t))
      *reinterpret_cast<void **>(slot) = nullptr;
    else if (t->key->ptrdata != 0)
      memset(slot, 0, t->key->size);
  }
};

/// 4- and 8-byte keys of regular memory (integers, pointers, small arrays
/// and structs), as the bits of a U.
template <typename U> struct WordKey {
  using T = U;
  static constexpr bool kGeneric = false;
  [[gnu::always_inline]] static uintptr_t hash(const MapType *, T k, uintptr_t seed) {
    return hashBytes(reinterpret_cast<const uint8_t *>(&k), seed, sizeof(T));
  }
  static constexpr uintptr_t keySize(const MapType *) { return sizeof(T); }
  static T load(const MapType *, uint8_t *slot) {
    T v;
    memcpy(&v, slot, sizeof v);
    return v;
  }
  static bool equal(const MapType *, uint8_t *slot, T k) {
    T v;
    memcpy(&v, slot, sizeof v);
    return v == k;
  }
  static void update(const MapType *, uint8_t *, T) {}
  static void insert(const MapType *, uint8_t *slot, T k) { memcpy(slot, &k, sizeof k); }
  static void clear(const MapType *t, uint8_t *slot) {
    if (t->key->ptrdata != 0)
      memset(slot, 0, sizeof(T));
  }
};
using Key32 = WordKey<uint32_t>;
using Key64 = WordKey<uint64_t>;

/// String keys: lengths first, then the pointers, then the bytes.
struct StringKey {
  using T = GoString;
  static constexpr bool kGeneric = false;
  [[gnu::always_inline]] static uintptr_t hash(const MapType *, T k, uintptr_t seed) {
    return hashBytes(k.ptr, seed, uintptr_t(k.len));
  }
  static constexpr uintptr_t keySize(const MapType *) { return sizeof(GoString); }
  static T load(const MapType *, uint8_t *slot) {
    T v;
    memcpy(&v, slot, sizeof v);
    return v;
  }
  static bool equal(const MapType *, uint8_t *slot, T k) {
    auto *s = reinterpret_cast<const GoString *>(slot);
    return s->len == k.len &&
           (s->ptr == k.ptr || bytesEqual(s->ptr, k.ptr, uintptr_t(k.len)));
  }
  /// Found: the map keeps the new string, as gc does, so that the old one
  /// can be freed.
  static void update(const MapType *, uint8_t *slot, T k) {
    reinterpret_cast<GoString *>(slot)->ptr = k.ptr;
  }
  static void insert(const MapType *, uint8_t *slot, T k) { memcpy(slot, &k, sizeof k); }
  static void clear(const MapType *, uint8_t *slot) { memset(slot, 0, sizeof(GoString)); }
};

/// A string key whose bytes are borrowed (m[string(b)]++ with a byte
/// slice b): the map keeps a heap copy, made only when the key is new.
struct BorrowedStringKey : StringKey {
  static void update(const MapType *, uint8_t *, T) {}
  static void insert(const MapType *, uint8_t *slot, T k) {
    if (k.len != 0) {
      auto *p = static_cast<uint8_t *>(mallocgc(uintptr_t(k.len), nullptr, false));
      memcpy(p, k.ptr, uintptr_t(k.len));
      k.ptr = p;
    } else {
      k.ptr = nullptr;
    }
    memcpy(slot, &k, sizeof k);
  }
};

template <typename K> inline uint8_t *keyAt(const MapType *t, Bucket *b, uintptr_t i) {
  return addr(b, kDataOffset + i * K::keySize(t));
}
/// The element of slot i itself.
template <typename K> inline void *elemAt(const MapType *t, Bucket *b, uintptr_t i) {
  uint8_t *slot = addr(b, kDataOffset + kBucketCnt * K::keySize(t) + i * t->elemsize);
  if constexpr (K::kGeneric)
    return elemOf(t, slot);
  return slot;
}

/// A string lookup in a map of one bucket (gc's faststr): no hash, the
/// lengths and bytes of the (at most 8) keys decide. Returns false when
/// the map is not of one bucket or the key too long for this to pay; else
/// sets *found (null when missing) and *index.
bool findStringInOneBucket(const MapType *t, Hmap *h, GoString key,
                           Bucket **found, uintptr_t *index) {
  if (h->B != 0 || key.len >= 32 || h->oldbuckets)
    return false;
  auto *b = static_cast<Bucket *>(h->buckets);
  if (overflowOf(t, b))
    return false;
  *found = nullptr;
  for (uintptr_t i = 0; i < kBucketCnt; ++i) {
    uint8_t top = b->tophash[i];
    if (isEmpty(top)) {
      if (top == kEmptyRest)
        break;
      continue;
    }
    if (StringKey::equal(t, keyAt<StringKey>(t, b, i), key)) {
      *found = b;
      *index = i;
      break;
    }
  }
  return true;
}

/// Finds \p key; returns its slot's bucket and index, or null.
template <typename K>
Bucket *findSlot(const MapType *t, Hmap *h, typename K::T key, uintptr_t *index) {
  if (!h || h->count == 0) {
    // The key's hash must still panic if it would for a non-empty map.
    if constexpr (K::kGeneric)
      if (hashMightPanic(t))
        t->hasher(key, 0);
    return nullptr;
  }
  if (h->flags & kHashWriting)
    fatal("concurrent map read and map write");
  if constexpr (__is_same(K, StringKey)) {
    Bucket *found;
    if (findStringInOneBucket(t, h, key, &found, index))
      return found;
  }
  uintptr_t hash = K::hash(t, key, h->hash0);
  uintptr_t mask = bucketMask(h->B);
  Bucket *b = bucketAt(t, h->buckets, hash & mask);
  if (void *old = h->oldbuckets) {
    if (!sameSizeGrow(h))
      mask >>= 1; // the old array had half as many buckets
    Bucket *ob = bucketAt(t, old, hash & mask);
    if (!evacuated(ob))
      b = ob; // the entry has not moved yet
  }
  uint8_t top = topHash(hash);
  for (; b; b = overflowOf(t, b)) {
    for (uintptr_t i = 0; i < kBucketCnt; ++i) {
      if (b->tophash[i] != top) {
        if (b->tophash[i] == kEmptyRest)
          return nullptr;
        continue;
      }
      if (K::equal(t, keyAt<K>(t, b, i), key)) {
        *index = i;
        return b;
      }
    }
  }
  return nullptr;
}

/// The element of \p key, or null when missing.
template <typename K> void *lookup(const MapType *t, Hmap *h, typename K::T key) {
  uintptr_t i;
  Bucket *b = findSlot<K>(t, h, key, &i);
  return b ? elemAt<K>(t, b, i) : nullptr;
}

/// Stack growth work may take (onBigStack): more than runtime code may
/// use of a goroutine's stack (stack.h).
constexpr size_t GrowStack = 4096;

// Growth (numbered as it happens: hashGrow starts it, each write to a
// growing map evacuates the old bucket it touches plus one more, and the
// old array is dropped when the last bucket has moved).

/// 1. Starts growing: doubles the bucket array when the map is over the load
/// factor, else rebuilds it at the same size (too many overflow buckets).
void hashGrow(const MapType *t, Hmap *h) {
  uint8_t bigger = 1;
  if (!overLoadFactor(h->count + 1, h->B)) {
    bigger = 0;
    h->flags |= kSameSizeGrow;
  }
  void *oldbuckets = h->buckets;
  Bucket *nextOverflow;
  void *newbuckets = makeBucketArray(t, h->B + bigger, nullptr, &nextOverflow);

  // Iterators of the current array now iterate the old one.
  uint8_t flags = h->flags & uint8_t(~(kIterator | kOldIterator));
  if (h->flags & kIterator)
    flags |= kOldIterator;
  h->B += bigger;
  h->flags = flags;
  h->oldbuckets = oldbuckets;
  h->buckets = newbuckets;
  h->nevacuate = 0;
  h->noverflow = 0;

  if (MapExtra *x = extraOf(h); x && x->overflow) {
    // The current overflow buckets become the old generation's. The old
    // list is empty: growth only starts once the previous one finished.
    x->oldoverflow = x->overflow;
    x->overflow = nullptr;
  }
  if (nextOverflow)
    ensureExtra(h)->nextOverflow = nextOverflow;
}

/// An evacuation destination: a bucket and the next free slot in it.
struct EvacDst {
  Bucket *b;
  uintptr_t i;
};

bool bucketEvacuated(const MapType *t, Hmap *h, uintptr_t bucket) {
  return evacuated(bucketAt(t, h->oldbuckets, bucket));
}

/// 3. Moves the evacuation mark past evacuated buckets; ends the growth
/// when all have moved.
void advanceEvacuationMark(const MapType *t, Hmap *h, uintptr_t newbit) {
  ++h->nevacuate;
  // Bounded, to keep every write O(1).
  uintptr_t stop = h->nevacuate + 1024;
  if (stop > newbit)
    stop = newbit;
  while (h->nevacuate != stop && bucketEvacuated(t, h, h->nevacuate))
    ++h->nevacuate;
  if (h->nevacuate == newbit) {
    h->oldbuckets = nullptr;
    if (MapExtra *x = extraOf(h))
      x->oldoverflow = nullptr;
    h->flags &= uint8_t(~kSameSizeGrow);
  }
}

/// 2. Moves the entries of old bucket \p oldbucket (and its overflow chain)
/// to the new array. K: how to hash the keys (by value: inline).
template <typename K> void evacuate(const MapType *t, Hmap *h, uintptr_t oldbucket) {
  Bucket *b = bucketAt(t, h->oldbuckets, oldbucket);
  uintptr_t newbit = oldBucketCount(h);
  if (!evacuated(b)) {
    EvacDst xy[2] = {{bucketAt(t, h->buckets, oldbucket), 0}, {nullptr, 0}};
    if (!sameSizeGrow(h))
      xy[1].b = bucketAt(t, h->buckets, oldbucket + newbit);
    for (; b; b = overflowOf(t, b)) {
      for (uintptr_t i = 0; i < kBucketCnt; ++i) {
        uint8_t top = b->tophash[i];
        if (isEmpty(top)) {
          b->tophash[i] = kEvacuatedEmpty;
          continue;
        }
        if (top < kMinTopHash)
          fatal("bad map state");
        uint8_t *kslot = keySlot(t, b, i);
        uint8_t useY = 0;
        if (!sameSizeGrow(h)) {
          uintptr_t hash = K::hash(t, K::load(t, kslot), h->hash0);
          if (K::kGeneric && (h->flags & kIterator) && !reflexiveKey(t) &&
              !t->key->equal(keyOf(t, kslot), keyOf(t, kslot))) {
            // k != k (NaN): its hash is random, so it cannot decide the
            // destination the way an iterator would reproduce. The low bit
            // of the old tophash decides instead (the iterator uses the
            // same rule), and a fresh random tophash spreads such keys
            // over buckets in later growths.
            useY = top & 1;
            top = topHash(hash);
          } else if (hash & newbit) {
            useY = 1;
          }
        }
        b->tophash[i] = kEvacuatedX + useY;
        EvacDst &dst = xy[useY];
        if (dst.i == kBucketCnt) {
          dst.b = newOverflow(t, h, dst.b);
          dst.i = 0;
        }
        dst.b->tophash[dst.i] = top;
        // Indirect keys and elements move as pointers.
        memcpy(keySlot(t, dst.b, dst.i), kslot, t->keysize);
        memcpy(elemSlot(t, dst.b, dst.i), elemSlot(t, b, i), t->elemsize);
        ++dst.i;
      }
    }
    // Without iterators on the old array, drop its references so the GC
    // can free what only it kept alive (the tophash states stay).
    if (!(h->flags & kOldIterator) && t->bucket->ptrdata != 0) {
      Bucket *ob = bucketAt(t, h->oldbuckets, oldbucket);
      *overflowSlot(t, ob) = nullptr;
      memset(addr(ob, kDataOffset), 0, t->bucketsize - kDataOffset);
    }
  }
  if (oldbucket == h->nevacuate)
    advanceEvacuationMark(t, h, newbit);
}

/// Evacuates the old bucket that \p bucket (in the new array) draws from,
/// and one more, so growth finishes after a bounded number of writes.
template <typename K> void growWork(const MapType *t, Hmap *h, uintptr_t bucket) {
  onBigStack(GrowStack, [&] {
    evacuate<K>(t, h, bucket & oldBucketMask(h));
    if (growing(h))
      evacuate<K>(t, h, h->nevacuate);
  });
}

/// Marks every slot of every bucket (overflow chains included) of \p array
/// empty, so that iterators still walking it see nothing.
void markBucketsEmpty(const MapType *t, void *array, uintptr_t nbuckets) {
  for (uintptr_t i = 0; i < nbuckets; ++i)
    for (Bucket *b = bucketAt(t, array, i); b; b = overflowOf(t, b))
      memset(b->tophash, kEmptyRest, kBucketCnt);
}

void mapiternext(Hiter *it);

Hmap *makemap(const MapType *t, int64_t hint, Hmap *h) {
  if (hint < 0 || uint64_t(hint) > (uint64_t(1) << 48) / t->bucket->size)
    hint = 0; // make() itself will fail to allocate if the map really grows
  if (!h)
    h = static_cast<Hmap *>(mallocgc(sizeof(Hmap), &runtimePointers, true));
  h->hash0 = fastrand();
  uint8_t B = 0;
  while (overLoadFactor(hint, B))
    ++B;
  h->B = B;
  // With B == 0 the bucket is allocated by the first insertion.
  if (B != 0) {
    Bucket *nextOverflow;
    h->buckets = makeBucketArray(t, B, nullptr, &nextOverflow);
    if (nextOverflow)
      ensureExtra(h)->nextOverflow = nextOverflow;
  }
  return h;
}

/// The element slot of \p key, inserted (zeroed) if missing.
// Not inlined: the entry points calling two instances would add their
// frames up (stack.h's share of runtime code).
template <typename K>
__attribute__((noinline)) void *mapassign(const MapType *t, Hmap *h, typename K::T key) {
  if (!h)
    panicPlainError("assignment to entry in nil map");
  if (h->flags & kHashWriting)
    fatal("concurrent map writes");
  uintptr_t hash = K::hash(t, key, h->hash0); // may panic: not writing yet
  beginWrite(h);
  if (!h->buckets)
    h->buckets = mallocgc(t->bucketsize, t->bucket, true);

  for (;;) {
    uintptr_t bucket = hash & bucketMask(h->B);
    if (growing(h))
      growWork<K>(t, h, bucket);
    Bucket *b = bucketAt(t, h->buckets, bucket);
    uint8_t top = topHash(hash);

    Bucket *insertb = nullptr;
    uintptr_t inserti = 0;
    for (;;) {
      for (uintptr_t i = 0; i < kBucketCnt; ++i) {
        if (b->tophash[i] != top) {
          if (isEmpty(b->tophash[i]) && !insertb) {
            insertb = b;
            inserti = i;
          }
          if (b->tophash[i] == kEmptyRest)
            goto notFound;
          continue;
        }
        uint8_t *kslot = keyAt<K>(t, b, i);
        if (!K::equal(t, kslot, key))
          continue;
        K::update(t, kslot, key);
        void *e = elemAt<K>(t, b, i);
        endWrite(h);
        return e;
      }
      Bucket *next = overflowOf(t, b);
      if (!next)
        break; // b is the last bucket of the chain
      b = next;
    }
  notFound:
    // A new entry. Grow first if that is due; growing moves everything,
    // so start over in the new array.
    if (!growing(h) && (overLoadFactor(h->count + 1, h->B) ||
                        tooManyOverflowBuckets(h->noverflow, h->B))) {
      onBigStack(GrowStack, [&] { hashGrow(t, h); });
      continue;
    }
    if (!insertb) { // all full: b is the last bucket, chain a new one
      insertb = newOverflow(t, h, b);
      inserti = 0;
    }
    if constexpr (K::kGeneric) {
      if (indirectElem(t))
        *reinterpret_cast<void **>(elemSlot(t, insertb, inserti)) =
            mallocgc(t->elem->size, t->elem, true);
    }
    K::insert(t, keyAt<K>(t, insertb, inserti), key);
    insertb->tophash[inserti] = top;
    ++h->count;
    void *e = elemAt<K>(t, insertb, inserti);
    endWrite(h);
    return e; // zero: deletions and clears zero the slots they free
  }
}

/// Empties slot \p i of bucket \p b, in the chain starting at \p first.
template <typename K>
void removeSlot(const MapType *t, Hmap *h, Bucket *first, Bucket *b, uintptr_t i) {
  // Clear the slot: pointers (for the GC), and the element always, as
  // mapassign hands out free slots' elements as zero.
  K::clear(t, keyAt<K>(t, b, i));
  uint8_t *eslot = elemSlot(t, b, i);
  if (indirectElem(t))
    *reinterpret_cast<void **>(eslot) = nullptr;
  else
    memset(eslot, 0, t->elemsize);
  b->tophash[i] = kEmptyOne;
  // If the slot is now the last full one of the chain, turn it and the
  // empty slots before it into emptyRest, so lookups stop early.
  bool lastFull = i == kBucketCnt - 1
                      ? !overflowOf(t, b) || overflowOf(t, b)->tophash[0] == kEmptyRest
                      : b->tophash[i + 1] == kEmptyRest;
  if (lastFull) {
    for (;;) {
      b->tophash[i] = kEmptyRest;
      if (i == 0) {
        if (b == first)
          break;
        Bucket *c = b; // step back to the bucket before c
        for (b = first; overflowOf(t, b) != c; b = overflowOf(t, b)) {
        }
        i = kBucketCnt - 1;
      } else {
        --i;
      }
      if (b->tophash[i] != kEmptyOne)
        break;
    }
  }
  --h->count;
  if (h->count == 0)
    h->hash0 = fastrand(); // fresh seed: harder to attack with collisions
}

template <typename K> void mapdelete(const MapType *t, Hmap *h, typename K::T key) {
  if (!h || h->count == 0) {
    if constexpr (K::kGeneric)
      if (hashMightPanic(t))
        t->hasher(key, 0);
    return;
  }
  if (h->flags & kHashWriting)
    fatal("concurrent map writes");
  uintptr_t hash = K::hash(t, key, h->hash0);
  beginWrite(h);
  uintptr_t bucket = hash & bucketMask(h->B);
  if (growing(h))
    growWork<K>(t, h, bucket);
  Bucket *first = bucketAt(t, h->buckets, bucket);
  uint8_t top = topHash(hash);
  for (Bucket *b = first; b; b = overflowOf(t, b)) {
    for (uintptr_t i = 0; i < kBucketCnt; ++i) {
      if (b->tophash[i] != top) {
        if (b->tophash[i] == kEmptyRest)
          goto done;
        continue;
      }
      if (!K::equal(t, keyAt<K>(t, b, i), key))
        continue;
      removeSlot<K>(t, h, first, b, i);
      goto done;
    }
  }
done:
  endWrite(h);
}

void mapclear(const MapType *t, Hmap *h) {
  if (!h || h->count == 0)
    return;
  beginWrite(h);
  // Iterators may still walk either array; make sure they find nothing.
  markBucketsEmpty(t, h->buckets, bucketShift(h->B));
  if (h->oldbuckets)
    markBucketsEmpty(t, h->oldbuckets, oldBucketCount(h));
  h->flags &= uint8_t(~kSameSizeGrow);
  h->oldbuckets = nullptr;
  h->nevacuate = 0;
  h->noverflow = 0;
  h->count = 0;
  h->hash0 = fastrand();
  if (MapExtra *x = extraOf(h))
    *x = MapExtra{};
  Bucket *nextOverflow;
  makeBucketArray(t, h->B, h->buckets, &nextOverflow);
  if (nextOverflow)
    extraOf(h)->nextOverflow = nextOverflow; // extra exists: it had them before
  endWrite(h);
}

void mapiterinit(const MapType *t, Hmap *h, Hiter *it) {
  it->t = t;
  if (!h || h->count == 0) {
    it->key = it->elem = nullptr;
    return;
  }
  it->h = h;
  it->B = h->B;
  it->buckets = h->buckets;
  if (t->bucket->ptrdata == 0) {
    // Hold the overflow lists: they keep overflow buckets alive for the
    // GC even if the map grows while we iterate.
    createOverflowLists(h);
    it->overflow = extraOf(h)->overflow;
    it->oldoverflow = extraOf(h)->oldoverflow;
  }
  uint64_t r = fastrand64();
  it->startBucket = r & bucketMask(h->B);
  it->offset = uint8_t((r >> h->B) & (kBucketCnt - 1));
  it->bucket = it->startBucket;
  __atomic_or_fetch(&h->flags, kIterator | kOldIterator, __ATOMIC_RELAXED);
  mapiternext(it);
}

void mapiternext(Hiter *it) {
  Hmap *h = it->h;
  if (h->flags & kHashWriting)
    fatal("concurrent map iteration and map write");
  const MapType *t = it->t;
  uintptr_t bucket = it->bucket;
  auto *b = static_cast<Bucket *>(it->bptr);
  uintptr_t i = it->i;
  uintptr_t checkBucket = it->checkBucket;

  for (;; b = overflowOf(t, b), i = 0) {
    if (!b) {
      // Next bucket of the iteration's array (of size 2^it->B).
      if (bucket == it->startBucket && it->wrapped) {
        it->key = it->elem = nullptr; // done
        return;
      }
      if (growing(h) && it->B == h->B) {
        // The iteration started during this growth. If the old bucket
        // feeding `bucket` has not moved yet, walk it instead, keeping only
        // the entries that will land in `bucket`.
        b = bucketAt(t, h->oldbuckets, bucket & oldBucketMask(h));
        if (!evacuated(b)) {
          checkBucket = bucket;
        } else {
          b = bucketAt(t, it->buckets, bucket);
          checkBucket = kNoCheck;
        }
      } else {
        b = bucketAt(t, it->buckets, bucket);
        checkBucket = kNoCheck;
      }
      if (++bucket == bucketShift(it->B)) {
        bucket = 0;
        it->wrapped = 1;
      }
      i = 0;
    }
    for (; i < kBucketCnt; ++i) {
      uintptr_t slot = (i + it->offset) & (kBucketCnt - 1);
      uint8_t top = b->tophash[slot];
      if (isEmpty(top) || top == kEvacuatedEmpty)
        continue;
      void *k = keyOf(t, keySlot(t, b, slot));
      bool selfEqual = reflexiveKey(t) || t->key->equal(k, k);
      if (checkBucket != kNoCheck && !sameSizeGrow(h)) {
        // Walking an old bucket of a doubling growth: skip the entries
        // bound for the other half. k != k keys go by the low tophash bit,
        // as evacuate sends them.
        if (selfEqual) {
          uintptr_t hash = t->hasher(k, h->hash0);
          if ((hash & bucketMask(it->B)) != checkBucket)
            continue;
        } else if ((checkBucket >> (it->B - 1)) != uintptr_t(top & 1)) {
          continue;
        }
      }
      if ((top != kEvacuatedX && top != kEvacuatedY) || !selfEqual) {
        // Still where we look (or k != k, which can be neither updated
        // nor deleted): this slot has the current data.
        it->key = k;
        it->elem = elemOf(t, elemSlot(t, b, slot));
      } else {
        // The map grew since the iteration started and the entry moved:
        // look it up in the current table, which also tells whether it
        // was deleted or updated meanwhile.
        uintptr_t j;
        Bucket *nb = findSlot<GenericKey>(t, h, k, &j);
        if (!nb)
          continue; // deleted
        it->key = keyOf(t, keySlot(t, nb, j));
        it->elem = elemOf(t, elemSlot(t, nb, j));
      }
      it->bucket = bucket;
      it->bptr = b;
      it->i = uint8_t(i + 1);
      it->checkBucket = checkBucket;
      return;
    }
  }
}


// The key-by-value entry points' bodies. A map with indirect elements
// (over 128 bytes, which codegen never sends here) takes the generic path.

template <typename K> void *access1(const MapType *t, Hmap *h, typename K::T key) {
  void *e = indirectElem(t) ? lookup<GenericKey>(t, h, &key) : lookup<K>(t, h, key);
  return e ? e : goZeroVal;
}

template <typename K>
MapAccess2Result access2(const MapType *t, Hmap *h, typename K::T key) {
  void *e = indirectElem(t) ? lookup<GenericKey>(t, h, &key) : lookup<K>(t, h, key);
  return e ? MapAccess2Result{e, true} : MapAccess2Result{goZeroVal, false};
}

template <typename K>
void *assignByValue(const MapType *t, Hmap *h, typename K::T key) {
  if (indirectElem(t)) {
    // A borrowed key becomes the map's own first (the generic insertion
    // copies it as it is).
    if constexpr (__is_same(K, BorrowedStringKey))
      K::insert(t, reinterpret_cast<uint8_t *>(&key), key);
    return mapassign<GenericKey>(t, h, &key);
  }
  return mapassign<K>(t, h, key);
}

template <typename K> void deleteByValue(const MapType *t, Hmap *h, typename K::T key) {
  if (indirectElem(t))
    mapdelete<GenericKey>(t, h, &key);
  else
    mapdelete<K>(t, h, key);
}

} // namespace
} // namespace origo::rt

using namespace origo::rt;

extern "C" {

Hmap *goMakemap(const MapType *t, int64_t hint, Hmap *h) {
  return makemap(t, hint, h);
}

Hmap *goMakemapSmall() {
  auto *h = static_cast<Hmap *>(mallocgc(sizeof(Hmap), &runtimePointers, true));
  h->hash0 = fastrand();
  return h;
}

void *goMapaccess1(const MapType *t, Hmap *h, const void *key) {
  void *e = lookup<GenericKey>(t, h, key);
  return e ? e : goZeroVal;
}

MapAccess2Result goMapaccess2(const MapType *t, Hmap *h, const void *key) {
  void *e = lookup<GenericKey>(t, h, key);
  return e ? MapAccess2Result{e, true} : MapAccess2Result{goZeroVal, false};
}

void *goMapaccess1Fat(const MapType *t, Hmap *h, const void *key,
                      const void *zero) {
  void *e = lookup<GenericKey>(t, h, key);
  return e ? e : const_cast<void *>(zero);
}

MapAccess2Result goMapaccess2Fat(const MapType *t, Hmap *h, const void *key,
                                 const void *zero) {
  void *e = lookup<GenericKey>(t, h, key);
  return e ? MapAccess2Result{e, true}
           : MapAccess2Result{const_cast<void *>(zero), false};
}

void *goMapassign(const MapType *t, Hmap *h, const void *key) {
  return mapassign<GenericKey>(t, h, key);
}

void goMapdelete(const MapType *t, Hmap *h, const void *key) {
  mapdelete<GenericKey>(t, h, key);
}

void goMapclear(const MapType *t, Hmap *h) { mapclear(t, h); }

int64_t goMaplen(Hmap *h) { return h ? h->count : 0; }

void goMapiterinit(const MapType *t, Hmap *h, Hiter *it) {
  mapiterinit(t, h, it);
}

void goMapiternext(Hiter *it) { mapiternext(it); }

// The key-by-value entry points.
#define ORIGO_MAP_BY_VALUE(Suffix, K)                                          \
  void *goMapaccess1##Suffix(const MapType *t, Hmap *h, K::T key) {            \
    return access1<K>(t, h, key);                                              \
  }                                                                            \
  MapAccess2Result goMapaccess2##Suffix(const MapType *t, Hmap *h, K::T key) { \
    return access2<K>(t, h, key);                                              \
  }                                                                            \
  void *goMapassign##Suffix(const MapType *t, Hmap *h, K::T key) {             \
    return assignByValue<K>(t, h, key);                                        \
  }                                                                            \
  void goMapdelete##Suffix(const MapType *t, Hmap *h, K::T key) {              \
    deleteByValue<K>(t, h, key);                                               \
  }
ORIGO_MAP_BY_VALUE(Fast32, Key32)
ORIGO_MAP_BY_VALUE(Fast64, Key64)
#undef ORIGO_MAP_BY_VALUE

void *goMapassignFast64ptr(const MapType *t, Hmap *h, void *key) {
  return assignByValue<Key64>(t, h, reinterpret_cast<uintptr_t>(key));
}

// Strings come as their two words.
void *goMapaccess1Faststr(const MapType *t, Hmap *h, const uint8_t *kp,
                          int64_t kn) {
  return access1<StringKey>(t, h, GoString{kp, kn});
}
MapAccess2Result goMapaccess2Faststr(const MapType *t, Hmap *h,
                                     const uint8_t *kp, int64_t kn) {
  return access2<StringKey>(t, h, GoString{kp, kn});
}
void *goMapassignFaststr(const MapType *t, Hmap *h, const uint8_t *kp,
                         int64_t kn) {
  return assignByValue<StringKey>(t, h, GoString{kp, kn});
}
void *goMapassignFaststrBorrowed(const MapType *t, Hmap *h, const uint8_t *kp,
                                 int64_t kn) {
  return assignByValue<BorrowedStringKey>(t, h, GoString{kp, kn});
}
void goMapdeleteFaststr(const MapType *t, Hmap *h, const uint8_t *kp,
                        int64_t kn) {
  deleteByValue<StringKey>(t, h, GoString{kp, kn});
}

} // extern "C"
