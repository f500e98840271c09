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

#include <string.h>

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
    h->extra = mallocgc(sizeof(MapExtra), true);
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
    auto **items = static_cast<Bucket **>(mallocgc(cap * sizeof(Bucket *), true));
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
    x->overflow = static_cast<BucketList *>(mallocgc(sizeof(BucketList), true));
  if (!x->oldoverflow)
    x->oldoverflow = static_cast<BucketList *>(mallocgc(sizeof(BucketList), true));
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
    array = mallocgc(n * t->bucketsize, true);
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
    ovf = static_cast<Bucket *>(mallocgc(t->bucketsize, true));
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

/// Finds \p key; returns its slot's bucket and index, or null.
Bucket *findSlot(const MapType *t, Hmap *h, const void *key, uintptr_t *index) {
  if (!h || h->count == 0) {
    // The key's hash must still panic if it would for a non-empty map.
    if (hashMightPanic(t))
      t->hasher(key, 0);
    return nullptr;
  }
  if (h->flags & kHashWriting)
    fatal("concurrent map read and map write");
  uintptr_t hash = t->hasher(key, h->hash0);
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
      if (t->key->equal(key, keyOf(t, keySlot(t, b, i)))) {
        *index = i;
        return b;
      }
    }
  }
  return nullptr;
}

/// The element of \p key, or null when missing.
void *lookup(const MapType *t, Hmap *h, const void *key) {
  uintptr_t i;
  Bucket *b = findSlot(t, h, key, &i);
  return b ? elemOf(t, elemSlot(t, b, i)) : nullptr;
}

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
/// to the new array.
void evacuate(const MapType *t, Hmap *h, uintptr_t oldbucket) {
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
        void *k = keyOf(t, kslot);
        uint8_t useY = 0;
        if (!sameSizeGrow(h)) {
          uintptr_t hash = t->hasher(k, h->hash0);
          if ((h->flags & kIterator) && !reflexiveKey(t) && !t->key->equal(k, k)) {
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
void growWork(const MapType *t, Hmap *h, uintptr_t bucket) {
  evacuate(t, h, bucket & oldBucketMask(h));
  if (growing(h))
    evacuate(t, h, h->nevacuate);
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
    h = static_cast<Hmap *>(mallocgc(sizeof(Hmap), true));
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

void *mapassign(const MapType *t, Hmap *h, const void *key) {
  if (!h)
    panicPlainError("assignment to entry in nil map");
  if (h->flags & kHashWriting)
    fatal("concurrent map writes");
  uintptr_t hash = t->hasher(key, h->hash0); // may panic: not writing yet
  beginWrite(h);
  if (!h->buckets)
    h->buckets = mallocgc(t->bucketsize, true);

  for (;;) {
    uintptr_t bucket = hash & bucketMask(h->B);
    if (growing(h))
      growWork(t, h, bucket);
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
        void *k = keyOf(t, keySlot(t, b, i));
        if (!t->key->equal(key, k))
          continue;
        // Found: overwrite the key too when equal keys can differ in bits.
        if (needKeyUpdate(t))
          memcpy(k, key, t->key->size);
        void *e = elemOf(t, elemSlot(t, b, i));
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
      hashGrow(t, h);
      continue;
    }
    if (!insertb) { // all full: b is the last bucket, chain a new one
      insertb = newOverflow(t, h, b);
      inserti = 0;
    }
    uint8_t *kslot = keySlot(t, insertb, inserti);
    uint8_t *eslot = elemSlot(t, insertb, inserti);
    if (indirectKey(t)) {
      void *k = mallocgc(t->key->size, true);
      *reinterpret_cast<void **>(kslot) = k;
      kslot = static_cast<uint8_t *>(k);
    }
    if (indirectElem(t)) {
      void *e = mallocgc(t->elem->size, true);
      *reinterpret_cast<void **>(eslot) = e;
      eslot = static_cast<uint8_t *>(e);
    }
    memcpy(kslot, key, t->key->size);
    insertb->tophash[inserti] = top;
    ++h->count;
    endWrite(h);
    return eslot; // zero: deletions and clears zero the slots they free
  }
}

void mapdelete(const MapType *t, Hmap *h, const void *key) {
  if (!h || h->count == 0) {
    if (hashMightPanic(t))
      t->hasher(key, 0);
    return;
  }
  if (h->flags & kHashWriting)
    fatal("concurrent map writes");
  uintptr_t hash = t->hasher(key, h->hash0);
  beginWrite(h);
  uintptr_t bucket = hash & bucketMask(h->B);
  if (growing(h))
    growWork(t, h, bucket);
  Bucket *first = bucketAt(t, h->buckets, bucket);
  uint8_t top = topHash(hash);
  for (Bucket *b = first; b; b = overflowOf(t, b)) {
    for (uintptr_t i = 0; i < kBucketCnt; ++i) {
      if (b->tophash[i] != top) {
        if (b->tophash[i] == kEmptyRest)
          goto done;
        continue;
      }
      uint8_t *kslot = keySlot(t, b, i);
      if (!t->key->equal(key, keyOf(t, kslot)))
        continue;
      // Clear the slot: pointers (for the GC), and the element always, as
      // mapassign hands out free slots' elements as zero.
      if (indirectKey(t))
        *reinterpret_cast<void **>(kslot) = nullptr;
      else if (t->key->ptrdata != 0)
        memset(kslot, 0, t->key->size);
      uint8_t *eslot = elemSlot(t, b, i);
      if (indirectElem(t))
        *reinterpret_cast<void **>(eslot) = nullptr;
      else
        memset(eslot, 0, t->elem->size);
      b->tophash[i] = kEmptyOne;
      // If the slot is now the last full one of the chain, turn it and
      // the empty slots before it into emptyRest, so lookups stop early.
      bool lastFull = i == kBucketCnt - 1
                          ? !overflowOf(t, b) ||
                                overflowOf(t, b)->tophash[0] == kEmptyRest
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
        Bucket *nb = findSlot(t, h, k, &j);
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

} // namespace
} // namespace origo::rt

using namespace origo::rt;

extern "C" {

Hmap *goMakemap(const MapType *t, int64_t hint, Hmap *h) {
  return makemap(t, hint, h);
}

Hmap *goMakemapSmall() {
  auto *h = static_cast<Hmap *>(mallocgc(sizeof(Hmap), true));
  h->hash0 = fastrand();
  return h;
}

void *goMapaccess1(const MapType *t, Hmap *h, const void *key) {
  void *e = lookup(t, h, key);
  return e ? e : goZeroVal;
}

MapAccess2Result goMapaccess2(const MapType *t, Hmap *h, const void *key) {
  void *e = lookup(t, h, key);
  return e ? MapAccess2Result{e, true} : MapAccess2Result{goZeroVal, false};
}

void *goMapaccess1Fat(const MapType *t, Hmap *h, const void *key,
                      const void *zero) {
  void *e = lookup(t, h, key);
  return e ? e : const_cast<void *>(zero);
}

MapAccess2Result goMapaccess2Fat(const MapType *t, Hmap *h, const void *key,
                                 const void *zero) {
  void *e = lookup(t, h, key);
  return e ? MapAccess2Result{e, true}
           : MapAccess2Result{const_cast<void *>(zero), false};
}

void *goMapassign(const MapType *t, Hmap *h, const void *key) {
  return mapassign(t, h, key);
}

void goMapdelete(const MapType *t, Hmap *h, const void *key) {
  mapdelete(t, h, key);
}

void goMapclear(const MapType *t, Hmap *h) { mapclear(t, h); }

int64_t goMaplen(Hmap *h) { return h ? h->count : 0; }

void goMapiterinit(const MapType *t, Hmap *h, Hiter *it) {
  mapiterinit(t, h, it);
}

void goMapiternext(Hiter *it) { mapiternext(it); }

// The key-by-value variants store the key in a local and take the generic
// path; they exist so codegen can already call gc's entry points.
void *goMapaccess1Fast32(const MapType *t, Hmap *h, uint32_t key) {
  return goMapaccess1(t, h, &key);
}
MapAccess2Result goMapaccess2Fast32(const MapType *t, Hmap *h, uint32_t key) {
  return goMapaccess2(t, h, &key);
}
void *goMapassignFast32(const MapType *t, Hmap *h, uint32_t key) {
  return mapassign(t, h, &key);
}
void goMapdeleteFast32(const MapType *t, Hmap *h, uint32_t key) {
  mapdelete(t, h, &key);
}
void *goMapaccess1Fast64(const MapType *t, Hmap *h, uint64_t key) {
  return goMapaccess1(t, h, &key);
}
MapAccess2Result goMapaccess2Fast64(const MapType *t, Hmap *h, uint64_t key) {
  return goMapaccess2(t, h, &key);
}
void *goMapassignFast64(const MapType *t, Hmap *h, uint64_t key) {
  return mapassign(t, h, &key);
}
void goMapdeleteFast64(const MapType *t, Hmap *h, uint64_t key) {
  mapdelete(t, h, &key);
}
void *goMapaccess1Faststr(const MapType *t, Hmap *h, const uint8_t *kp,
                          int64_t kn) {
  origo::abi::GoString key{kp, kn};
  return goMapaccess1(t, h, &key);
}
MapAccess2Result goMapaccess2Faststr(const MapType *t, Hmap *h,
                                     const uint8_t *kp, int64_t kn) {
  origo::abi::GoString key{kp, kn};
  return goMapaccess2(t, h, &key);
}
void *goMapassignFaststr(const MapType *t, Hmap *h, const uint8_t *kp,
                         int64_t kn) {
  origo::abi::GoString key{kp, kn};
  return mapassign(t, h, &key);
}
void goMapdeleteFaststr(const MapType *t, Hmap *h, const uint8_t *kp,
                        int64_t kn) {
  origo::abi::GoString key{kp, kn};
  mapdelete(t, h, &key);
}

} // extern "C"
