//===- runtime/test/native/maps_test.cpp - Go maps ------------------------===//
///
/// \file
/// Checks runtime/map.cpp through its Go-named entry points, with map types
/// built as codegen will emit them: int64, string, float64, struct, big
/// (indirect) and interface keys, small and big (indirect, "fat") elements.
/// Covers bulk insert/lookup/delete, growth (doubling and same-size) in the
/// middle of iterations, the range-loop guarantees under insertion and
/// deletion, NaN and ±0 keys, clearing, randomized iteration order, and the
/// panics of nil maps and unhashable keys (one mode per panic; run.sh
/// compares them with gc's reports).
///
//===----------------------------------------------------------------------===//

#include "native_test.h"
#include "runtime/map.h"

#include <math.h>

using namespace native_test;

namespace {

/// map.cpp's private Hmap::flags bit for a same-size growth in progress;
/// white-box checks read it to know the case they exercise happened.
constexpr uint8_t kSameSizeGrowFlag = 8;

int64_t get64(const MapType *t, Hmap *h, int64_t k) {
  return *static_cast<int64_t *>(goMapaccess1(t, h, &k));
}
bool has64(const MapType *t, Hmap *h, int64_t k) {
  return goMapaccess2(t, h, &k).ok;
}
void set64(const MapType *t, Hmap *h, int64_t k, int64_t v) {
  *static_cast<int64_t *>(goMapassign(t, h, &k)) = v;
}
void del64(const MapType *t, Hmap *h, int64_t k) { goMapdelete(t, h, &k); }

/// Calls f(key, elem) for each entry, as a range loop does.
template <typename F> void forRange(const MapType *t, Hmap *h, F f) {
  Hiter it{};
  for (goMapiterinit(t, h, &it); it.key; goMapiternext(&it))
    f(it.key, it.elem);
}

struct Fixture {
  Types ty;
  MapType *i64i64;   // map[int64]int64
  MapType *strI64;   // map[string]int64
  MapType *f64I64;   // map[float64]int64
  MapType *efaceI64; // map[interface{}]int64
};

void checkNilAndEmpty(const Fixture &f) {
  EXPECT(goMaplen(nullptr) == 0);
  int64_t k = 5;
  EXPECT(*static_cast<int64_t *>(goMapaccess1(f.i64i64, nullptr, &k)) == 0);
  MapAccess2Result r = goMapaccess2(f.i64i64, nullptr, &k);
  EXPECT(!r.ok && r.elem == goZeroVal);
  goMapdelete(f.i64i64, nullptr, &k); // no-op
  Hiter it{};
  goMapiterinit(f.i64i64, nullptr, &it);
  EXPECT(it.key == nullptr);
  goMapclear(f.i64i64, nullptr);

  Hmap *h = goMakemapSmall();
  EXPECT(goMaplen(h) == 0 && h->buckets == nullptr);
  EXPECT(!has64(f.i64i64, h, 1));
  set64(f.i64i64, h, 1, 10);
  EXPECT(goMaplen(h) == 1 && get64(f.i64i64, h, 1) == 10);

  // A map made in caller-provided storage, with a hint that sizes it.
  Hmap *own = alloc<Hmap>();
  Hmap *m = goMakemap(f.i64i64, 1000, own);
  EXPECT(m == own);
  EXPECT(m->B == 8); // 1000 <= 6.5 * 2^8
  EXPECT(m->buckets != nullptr);
  EXPECT(goMakemap(f.i64i64, -5, nullptr)->B == 0);

  // The 4-byte key-by-value entry points.
  MapType *t32 = newMapType("map[int32]int32", f.ty.int32, f.ty.int32,
                            goMemhash32, MapReflexiveKey);
  EXPECT(t32->bucketsize == 8 + 32 + 32 + 8);
  Hmap *h32 = goMakemap(t32, 0, nullptr);
  for (uint32_t k = 0; k < 3000; ++k)
    *static_cast<int32_t *>(goMapassignFast32(t32, h32, k)) = int32_t(k) + 1;
  goMapdeleteFast32(t32, h32, 7);
  int bad = 0;
  for (uint32_t k = 0; k < 3000; ++k) {
    int32_t want = k == 7 ? 0 : int32_t(k) + 1;
    bad += *static_cast<int32_t *>(goMapaccess1Fast32(t32, h32, k)) != want;
    bad += goMapaccess2Fast32(t32, h32, k).ok != (k != 7);
  }
  EXPECT(bad == 0);
  EXPECT(goMaplen(h32) == 2999);
}

void checkBulk(const Fixture &f) {
  const int64_t n = 100000;
  const MapType *t = f.i64i64;
  Hmap *h = goMakemap(t, 0, nullptr);
  for (int64_t k = 0; k < n; ++k)
    set64(t, h, k * 7919, k * 3);
  EXPECT(goMaplen(h) == n);
  EXPECT(h->count == n);
  int bad = 0;
  for (int64_t k = 0; k < n; ++k) {
    MapAccess2Result r = goMapaccess2Fast64(t, h, uint64_t(k * 7919));
    bad += !r.ok || *static_cast<int64_t *>(r.elem) != k * 3;
    bad += has64(t, h, k * 7919 + 1); // never inserted
  }
  EXPECT(bad == 0);
  EXPECT(get64(t, h, -1) == 0);

  // Overwrite: the count stays, the value changes.
  set64(t, h, 0, 99);
  EXPECT(goMaplen(h) == n && get64(t, h, 0) == 99);
  set64(t, h, 0, 0);

  // Every entry once in an iteration, with its value.
  uint8_t *seen = alloc<uint8_t>(n);
  int64_t visits = 0;
  bad = 0;
  forRange(t, h, [&](void *k, void *e) {
    int64_t key = *static_cast<int64_t *>(k);
    bad += key % 7919 != 0 || *static_cast<int64_t *>(e) != key / 7919 * 3;
    if (key % 7919 == 0 && key / 7919 < n)
      ++seen[key / 7919];
    ++visits;
  });
  EXPECT(bad == 0);
  EXPECT(visits == n);
  for (int64_t k = 0; k < n; ++k)
    bad += seen[k] != 1;
  EXPECT(bad == 0);

  // Delete the odd ones.
  for (int64_t k = 1; k < n; k += 2)
    del64(t, h, k * 7919);
  EXPECT(goMaplen(h) == n / 2);
  del64(t, h, 1); // missing: no-op
  EXPECT(goMaplen(h) == n / 2);
  bad = 0;
  for (int64_t k = 0; k < n; ++k)
    bad += has64(t, h, k * 7919) != (k % 2 == 0);
  EXPECT(bad == 0);
  visits = 0;
  forRange(t, h, [&](void *k, void *) {
    bad += *static_cast<int64_t *>(k) / 7919 % 2 != 0;
    ++visits;
  });
  EXPECT(bad == 0 && visits == n / 2);

  // Freed slots are reused and read as zero through mapassign.
  for (int64_t k = 1; k < n; k += 2) {
    int64_t key = k * 7919;
    bad += *static_cast<int64_t *>(goMapassign(t, h, &key)) != 0;
    set64(t, h, key, k * 3);
  }
  EXPECT(bad == 0);
  EXPECT(goMaplen(h) == n);
  for (int64_t k = 0; k < n; ++k)
    bad += get64(t, h, k * 7919) != k * 3;
  EXPECT(bad == 0);

  // Delete everything: the map is empty and works again.
  for (int64_t k = 0; k < n; ++k)
    goMapdeleteFast64(t, h, uint64_t(k * 7919));
  EXPECT(goMaplen(h) == 0);
  visits = 0;
  forRange(t, h, [&](void *, void *) { ++visits; });
  EXPECT(visits == 0);
  set64(t, h, 3, 4);
  EXPECT(goMaplen(h) == 1 && get64(t, h, 3) == 4);
}

void checkStringKeys(const Fixture &f) {
  const int n = 100000;
  const MapType *t = f.strI64;
  Hmap *h = goMakemap(t, 0, nullptr);
  char buf[32];
  for (int i = 0; i < n; ++i) {
    int len = snprintf(buf, sizeof buf, "key%d", i);
    char *s = static_cast<char *>(malloc(size_t(len)));
    memcpy(s, buf, size_t(len));
    *static_cast<int64_t *>(goMapassignFaststr(
        t, h, reinterpret_cast<uint8_t *>(s), len)) = i;
  }
  EXPECT(goMaplen(h) == n);
  int bad = 0;
  for (int i = 0; i < n; ++i) {
    // Looked up through a different copy of the bytes.
    GoString k = {reinterpret_cast<uint8_t *>(buf), snprintf(buf, sizeof buf, "key%d", i)};
    MapAccess2Result r = goMapaccess2(t, h, &k);
    bad += !r.ok || *static_cast<int64_t *>(r.elem) != i;
  }
  EXPECT(bad == 0);
  GoString missing = gostr("key-1"), empty = gostr("");
  EXPECT(!goMapaccess2(t, h, &missing).ok);
  EXPECT(!goMapaccess2(t, h, &empty).ok);
  *static_cast<int64_t *>(goMapassign(t, h, &empty)) = -7;
  EXPECT(*static_cast<int64_t *>(goMapaccess1Faststr(t, h, nullptr, 0)) == -7);
  for (int i = 0; i < n; i += 3) {
    int len = snprintf(buf, sizeof buf, "key%d", i);
    goMapdeleteFaststr(t, h, reinterpret_cast<uint8_t *>(buf), len);
  }
  EXPECT(goMaplen(h) == n - (n + 2) / 3 + 1);
  for (int i = 0; i < n; ++i) {
    GoString k = {reinterpret_cast<uint8_t *>(buf), snprintf(buf, sizeof buf, "key%d", i)};
    bad += goMapaccess2(t, h, &k).ok != (i % 3 != 0);
  }
  EXPECT(bad == 0);
}

/// The key of checkStructKeys: struct { s string; n int32 } (24 bytes with
/// padding, so not regular memory).
struct SKey {
  GoString s;
  int32_t n;
  int32_t pad;
};

/// What codegen generates for the struct: field-wise == and hash.
bool skeyEqual(const void *p, const void *q) {
  auto *a = static_cast<const SKey *>(p), *b = static_cast<const SKey *>(q);
  return goStrequal(&a->s, &b->s) && a->n == b->n;
}
uintptr_t skeyHash(const void *p, uintptr_t seed) {
  auto *k = static_cast<const SKey *>(p);
  return goMemhash32(&k->n, goStrhash(&k->s, seed));
}

void checkStructKeys(const Fixture &f) {
  StructField *fs = alloc<StructField>(2);
  fs[0] = {gostr("s"), {}, f.ty.string, 0, 0, {}};
  fs[1] = {gostr("n"), {}, f.ty.int32, 16, 0, {}};
  auto *st = newKindType<StructType>("main.K", 24, KindStruct, skeyEqual,
                                     TFlagNamed, 8);
  st->fields = fs;
  st->nfields = 2;
  MapType *t = newMapType("map[main.K]int64", &st->typ, f.ty.int64, skeyHash,
                          MapNeedKeyUpdate);
  Hmap *h = goMakemap(t, 0, nullptr);
  const char *names[] = {"a", "b", "c", "dd", "eee"};
  for (int i = 0; i < 5000; ++i) {
    SKey k = {gostr(names[i % 5]), i / 5, 0x5555};
    *static_cast<int64_t *>(goMapassign(t, h, &k)) = i;
  }
  EXPECT(goMaplen(h) == 5000);
  int bad = 0;
  for (int i = 0; i < 5000; ++i) {
    SKey k = {gostr(names[i % 5]), i / 5, 0}; // padding differs: still equal
    bad += *static_cast<int64_t *>(goMapaccess1(t, h, &k)) != i;
    bad += skeyHash(&k, 77) != goTypehash(&st->typ, &k, 77);
  }
  EXPECT(bad == 0);
  SKey other = {gostr("a"), 1000, 0};
  EXPECT(!goMapaccess2(t, h, &other).ok);
}

/// map[[20]int64][300]byte: both indirect; and a 2000-byte element read
/// through the _fat entry points.
void checkBigKeysAndElems(const Fixture &f) {
  auto *keyArr = newKindType<ArrayType>("[20]int64", 160, KindArray,
                                        [](const void *p, const void *q) {
                                          return memcmp(p, q, 160) == 0;
                                        },
                                        TFlagRegularMemory);
  keyArr->elem = f.ty.int64;
  keyArr->len = 20;
  auto *elemArr = newKindType<ArrayType>("[300]uint8", 300, KindArray,
                                         nullptr, TFlagRegularMemory);
  elemArr->len = 300;
  MapType *t = newMapType("map[[20]int64][300]uint8", &keyArr->typ,
                          &elemArr->typ,
                          [](const void *p, uintptr_t seed) {
                            return goMemhash(p, seed, 160);
                          },
                          MapReflexiveKey);
  EXPECT(t->flags & MapIndirectKey);
  EXPECT(t->flags & MapIndirectElem);
  EXPECT(t->bucketsize == 8 + 64 + 64 + 8);
  Hmap *h = goMakemap(t, 0, nullptr);
  int64_t key[20];
  for (int i = 0; i < 2000; ++i) {
    for (int j = 0; j < 20; ++j)
      key[j] = i * 31 + j;
    auto *e = static_cast<uint8_t *>(goMapassign(t, h, key));
    bool zero = true;
    for (int j = 0; j < 300; ++j)
      zero &= e[j] == 0;
    EXPECT(zero);
    memset(e, i & 0xff, 300);
  }
  EXPECT(goMaplen(h) == 2000);
  int bad = 0;
  for (int i = 0; i < 2000; ++i) {
    for (int j = 0; j < 20; ++j)
      key[j] = i * 31 + j;
    auto *e = static_cast<uint8_t *>(goMapaccess1(t, h, key));
    bad += e[0] != (i & 0xff) || e[299] != (i & 0xff);
  }
  EXPECT(bad == 0);
  key[0] = -1;
  EXPECT(goMapaccess1(t, h, key) == goZeroVal);
  int visits = 0;
  forRange(t, h, [&](void *k, void *e) {
    int64_t i = static_cast<int64_t *>(k)[0] / 31;
    bad += static_cast<int64_t *>(k)[19] != i * 31 + 19 ||
           static_cast<uint8_t *>(e)[150] != (i & 0xff);
    ++visits;
  });
  EXPECT(bad == 0 && visits == 2000);

  // An element bigger than zeroVal: the caller's zero area comes back.
  auto *fat = newKindType<ArrayType>("[2000]uint8", 2000, KindArray, nullptr,
                                     TFlagRegularMemory);
  fat->len = 2000;
  MapType *ft = newMapType("map[int64][2000]uint8", f.ty.int64, &fat->typ,
                           goMemhash64, MapReflexiveKey);
  Hmap *fh = goMakemap(ft, 0, nullptr);
  static uint8_t zero[2000];
  int64_t k = 1;
  EXPECT(goMapaccess1Fat(ft, fh, &k, zero) == zero);
  static_cast<uint8_t *>(goMapassign(ft, fh, &k))[1999] = 9;
  EXPECT(static_cast<uint8_t *>(goMapaccess1Fat(ft, fh, &k, zero))[1999] == 9);
  MapAccess2Result r = goMapaccess2Fat(ft, fh, &k, zero);
  EXPECT(r.ok && r.elem != zero);
  k = 2;
  r = goMapaccess2Fat(ft, fh, &k, zero);
  EXPECT(!r.ok && r.elem == zero);
}

/// Range-loop guarantees while the loop body inserts and deletes: entries
/// present from the start and never deleted come exactly once, deleted ones
/// never after their deletion, and nothing twice. \p midGrowth starts the
/// loop while a growth is in progress (the iterator then filters old
/// buckets). Returns whether growth happened during the loop.
bool iterateWhileMutating(const Fixture &f, bool midGrowth) {
  const MapType *t = f.i64i64;
  const int64_t maxKey = 40000;
  Hmap *h = goMakemap(t, 0, nullptr);
  int64_t next = 0;
  for (; next < 1000; ++next)
    set64(t, h, next, next * 3);
  if (midGrowth) {
    // Insert until an insertion has just started a growth.
    while (h->oldbuckets == nullptr)
      set64(t, h, next, next * 3), ++next;
    EXPECT(h->oldbuckets != nullptr);
  }
  int64_t initial = next;
  uint8_t B0 = h->B;
  uint8_t *present = alloc<uint8_t>(maxKey), *seen = alloc<uint8_t>(maxKey),
          *deleted = alloc<uint8_t>(maxKey);
  for (int64_t k = 0; k < initial; ++k)
    present[k] = 1;
  int bad = 0, steps = 0, stepsGrowing = 0;
  Hiter it{};
  goMapiterinit(t, h, &it);
  if (midGrowth)
    EXPECT(it.B == h->B && h->oldbuckets != nullptr);
  for (; it.key; goMapiternext(&it)) {
    int64_t k = *static_cast<int64_t *>(it.key);
    ++steps;
    stepsGrowing += h->oldbuckets != nullptr;
    if (k < 0 || k >= maxKey) {
      ++bad;
      continue;
    }
    bad += seen[k]++ != 0;                             // never twice
    bad += deleted[k];                                 // never after delete
    bad += *static_cast<int64_t *>(it.elem) != k * 3;  // current value
    // Insert new keys (forcing growth), and delete an initial key that
    // has not been seen yet.
    for (int j = 0; j < 4 && next < maxKey; ++j, ++next)
      set64(t, h, next, next * 3);
    int64_t victim = (k * 7 + 13) % initial;
    if (!seen[victim] && !deleted[victim]) {
      del64(t, h, victim);
      deleted[victim] = 1;
    }
  }
  for (int64_t k = 0; k < initial; ++k)
    bad += !deleted[k] && seen[k] != 1; // every survivor exactly once
  EXPECT(bad == 0);
  EXPECT(steps >= initial / 2);
  EXPECT(stepsGrowing > 0);
  // The map itself is intact.
  int64_t live = 0;
  for (int64_t k = 0; k < next; ++k) {
    bool want = !deleted[k];
    bad += has64(t, h, k) != want;
    live += want;
  }
  EXPECT(bad == 0);
  EXPECT(goMaplen(h) == live);
  return h->B > B0;
}

void checkIterationUnderMutation(const Fixture &f) {
  EXPECT(iterateWhileMutating(f, false));
  EXPECT(iterateWhileMutating(f, true));
}

/// A hasher that puts key k in bucket k & 0xff (for B <= 8), with a random
/// top byte: lets the test pile keys into chosen buckets.
uintptr_t bucketPickingHash(const void *p, uintptr_t seed) {
  int64_t k;
  memcpy(&k, p, 8);
  return (goMemhash64(p, seed) << 8) | uintptr_t(k & 0xff);
}

/// Overflow chains built and emptied again trigger a same-size growth;
/// it keeps every entry, also for an iteration running across it.
void checkSameSizeGrowth(const Fixture &f) {
  MapType *t = newMapType("map[int64]int64", f.ty.int64, f.ty.int64,
                          bucketPickingHash, MapReflexiveKey);
  Hmap *h = goMakemap(t, 100, nullptr);
  EXPECT(h->B == 4);
  // A chain of 9 buckets in bucket 0, then emptied.
  for (int64_t i = 0; i < 72; ++i)
    set64(t, h, i << 8, i);
  for (int64_t i = 0; i < 72; ++i)
    del64(t, h, i << 8);
  EXPECT(goMaplen(h) == 0);
  // Spread entries for the iteration to see, then pile into bucket 1
  // until the overflow count triggers the growth.
  for (int64_t i = 0; i < 16; ++i)
    set64(t, h, (i << 8) | 2 | (i & 12), i);
  Hiter it{};
  goMapiterinit(t, h, &it);
  int64_t first = *static_cast<int64_t *>(it.key);
  bool sameSize = false;
  int64_t i = 0;
  for (; i < 100 && !sameSize; ++i) {
    set64(t, h, (i << 8) | 1, i);
    sameSize = h->flags & kSameSizeGrowFlag;
  }
  EXPECT(sameSize);
  EXPECT(h->B == 4);
  EXPECT(h->oldbuckets != nullptr);
  int64_t inBucket1 = i;
  // Finish the iteration: each of the 16 spread keys exactly once.
  int count[16] = {};
  int bad = 0;
  count[(first >> 8) & 15]++;
  for (goMapiternext(&it); it.key; goMapiternext(&it)) {
    int64_t k = *static_cast<int64_t *>(it.key);
    if ((k & 1) == 0)
      count[(k >> 8) & 15]++;
    else
      bad += *static_cast<int64_t *>(it.elem) != k >> 8;
  }
  for (int c : count)
    bad += c != 1;
  EXPECT(bad == 0);
  // Writes finish the growth; all entries survive it.
  for (int64_t j = 0; j < 20; ++j) // few enough not to start another growth
    set64(t, h, (j << 8) | 3, j);
  EXPECT(h->oldbuckets == nullptr);
  EXPECT(h->B == 4);
  for (int64_t j = 0; j < 16; ++j)
    bad += get64(t, h, (j << 8) | 2 | (j & 12)) != j;
  for (int64_t j = 0; j < inBucket1; ++j)
    bad += get64(t, h, (j << 8) | 1) != j;
  for (int64_t j = 0; j < 20; ++j)
    bad += get64(t, h, (j << 8) | 3) != j;
  EXPECT(bad == 0);
  EXPECT(goMaplen(h) == 16 + inBucket1 + 20);
}

void checkFloatKeys(const Fixture &f) {
  const MapType *t = f.f64I64;
  Hmap *h = goMakemap(t, 0, nullptr);
  double nan = NAN, pz = 0.0, nz = -0.0;
  // Each NaN insertion is a new entry, never found again.
  for (int i = 0; i < 3; ++i)
    *static_cast<int64_t *>(goMapassign(t, h, &nan)) = i;
  EXPECT(goMaplen(h) == 3);
  EXPECT(!goMapaccess2(t, h, &nan).ok);
  goMapdelete(t, h, &nan);
  EXPECT(goMaplen(h) == 3);
  int nans = 0, bad = 0;
  forRange(t, h, [&](void *k, void *) { nans += isnan(*static_cast<double *>(k)); });
  EXPECT(nans == 3);

  // +0 and -0 are one key; the stored key is the last one assigned.
  *static_cast<int64_t *>(goMapassign(t, h, &pz)) = 1;
  *static_cast<int64_t *>(goMapassign(t, h, &nz)) = 2;
  EXPECT(goMaplen(h) == 4);
  EXPECT(*static_cast<int64_t *>(goMapaccess1(t, h, &pz)) == 2);
  int zeros = 0;
  forRange(t, h, [&](void *k, void *) {
    double d = *static_cast<double *>(k);
    if (d == 0) {
      ++zeros;
      bad += !signbit(d);
    }
  });
  EXPECT(zeros == 1 && bad == 0);
  goMapdelete(t, h, &pz); // deletes the -0 entry
  EXPECT(goMaplen(h) == 3 && !goMapaccess2(t, h, &nz).ok);

  // Many NaNs through growths, also while iterating (evacuation sends
  // them by tophash bit; the iterator must agree).
  Hmap *g = goMakemap(t, 0, nullptr);
  for (int i = 0; i < 500; ++i) {
    *static_cast<int64_t *>(goMapassign(t, g, &nan)) = i;
    double d = i + 0.5;
    *static_cast<int64_t *>(goMapassign(t, g, &d)) = 500 + i;
  }
  EXPECT(goMaplen(g) == 1000);
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) { // start the second pass in the middle of a growth
      double d = 5000;
      while (!g->oldbuckets)
        *static_cast<int64_t *>(goMapassign(t, g, &d)) = -1, d += 1;
    }
    uint8_t seen[1000] = {};
    bad = 0;
    double next = 100000;
    forRange(t, g, [&](void *k, void *e) {
      int64_t v = *static_cast<int64_t *>(e);
      if (v >= 0 && v < 1000)
        bad += seen[v]++ != 0;
      bad += isnan(*static_cast<double *>(k)) != (v < 500 && v >= 0);
      for (int j = 0; j < 3; ++j, next += 1) // grow meanwhile
        *static_cast<int64_t *>(goMapassign(t, g, &next)) = -1;
    });
    for (uint8_t s : seen)
      bad += s != 1;
    EXPECT(bad == 0);
  }
}

void checkInterfaceKeys(const Fixture &f) {
  const MapType *t = f.efaceI64;
  Hmap *h = goMakemap(t, 0, nullptr);
  char sbuf[16];
  for (int64_t i = 0; i < 1000; ++i) {
    Eface k = box(f.ty.int64, &i);
    *static_cast<int64_t *>(goMapassign(t, h, &k)) = i;
    snprintf(sbuf, sizeof sbuf, "%d", int(i));
    GoString s = gostr(strdup(sbuf));
    Eface ks = box(f.ty.string, &s);
    *static_cast<int64_t *>(goMapassign(t, h, &ks)) = -i;
  }
  EXPECT(goMaplen(h) == 2000);
  int bad = 0;
  for (int64_t i = 0; i < 1000; ++i) {
    Eface k = box(f.ty.int64, &i);
    bad += *static_cast<int64_t *>(goMapaccess1(t, h, &k)) != i;
    int32_t i32 = int32_t(i); // same number, another type: another key
    Eface k32 = box(f.ty.int32, &i32);
    bad += goMapaccess2(t, h, &k32).ok;
    snprintf(sbuf, sizeof sbuf, "%d", int(i));
    GoString s = gostr(sbuf);
    Eface ks = box(f.ty.string, &s);
    bad += *static_cast<int64_t *>(goMapaccess1(t, h, &ks)) != -i;
  }
  EXPECT(bad == 0);
  // The nil interface is a key too.
  Eface nil = {nullptr, nullptr};
  *static_cast<int64_t *>(goMapassign(t, h, &nil)) = 42;
  EXPECT(*static_cast<int64_t *>(goMapaccess1(t, h, &nil)) == 42);
  // A NaN inside an interface behaves as a NaN key.
  double nan = NAN;
  Eface en = box(f.ty.float64, &nan);
  goMapassign(t, h, &en);
  goMapassign(t, h, &en);
  EXPECT(goMaplen(h) == 2003);
  EXPECT(!goMapaccess2(t, h, &en).ok);
}

void checkClear(const Fixture &f) {
  const MapType *t = f.i64i64;
  Hmap *h = goMakemap(t, 0, nullptr);
  for (int64_t k = 0; k < 5000; ++k)
    set64(t, h, k, k);
  goMapclear(t, h);
  EXPECT(goMaplen(h) == 0);
  int bad = 0, visits = 0;
  for (int64_t k = 0; k < 5000; ++k)
    bad += has64(t, h, k);
  EXPECT(bad == 0);
  forRange(t, h, [&](void *, void *) { ++visits; });
  EXPECT(visits == 0);
  for (int64_t k = 0; k < 5000; ++k)
    set64(t, h, k, k + 1);
  EXPECT(goMaplen(h) == 5000);
  for (int64_t k = 0; k < 5000; ++k)
    bad += get64(t, h, k) != k + 1;
  EXPECT(bad == 0);

  // Cleared in the middle of a loop: the loop ends. (a) The loop started
  // mid-growth, so it walks old buckets; (b) the map grew since the loop
  // started, so it walks the old array, which clearing does not reuse.
  while (!h->oldbuckets)
    set64(t, h, 100000 + visits, 1), ++visits;
  Hiter it{};
  goMapiterinit(t, h, &it);
  EXPECT(it.key != nullptr);
  goMapclear(t, h);
  goMapiternext(&it);
  EXPECT(it.key == nullptr);

  for (int64_t k = 0; k < 1000; ++k)
    set64(t, h, k, k);
  while (h->oldbuckets) // finish any growth first
    set64(t, h, 0, 0);
  Hiter it2{};
  goMapiterinit(t, h, &it2);
  EXPECT(it2.key != nullptr);
  for (int64_t k = 1000; !h->oldbuckets; ++k)
    set64(t, h, k, k);
  EXPECT(it2.B != h->B);
  goMapclear(t, h);
  goMapiternext(&it2);
  EXPECT(it2.key == nullptr);
}

void checkRandomOrder(const Fixture &f) {
  const MapType *t = f.i64i64;
  Hmap *h = goMakemap(t, 0, nullptr);
  for (int64_t k = 0; k < 100; ++k)
    set64(t, h, k, k);
  // The first key of 20 iterations: not always the same.
  int64_t firsts[20];
  for (int64_t &first : firsts) {
    Hiter it{};
    goMapiterinit(t, h, &it);
    first = *static_cast<int64_t *>(it.key);
  }
  int distinct = 0;
  for (int i = 1; i < 20; ++i)
    distinct += firsts[i] != firsts[0];
  EXPECT(distinct > 0);
  // Whole orders differ: one of 5 more iterations differs from the first
  // (each matches with probability 1/128: same start bucket and offset).
  int64_t a[100], b[100];
  int n = 0, differ = 0;
  forRange(t, h, [&](void *k, void *) { a[n++] = *static_cast<int64_t *>(k); });
  EXPECT(n == 100);
  for (int i = 0; i < 5; ++i) {
    int m = 0;
    forRange(t, h, [&](void *k, void *) { b[m++] = *static_cast<int64_t *>(k); });
    EXPECT(m == 100);
    differ += memcmp(a, b, sizeof a) != 0;
  }
  EXPECT(differ > 0);
}

// Panic modes.

void nilmap(const Fixture &f) {
  set64(f.i64i64, nullptr, 1, 2);
}

void unhashableAssign(const Fixture &f) {
  Hmap *h = goMakemap(f.efaceI64, 0, nullptr);
  int dummy[1] = {1};
  Eface k = {f.ty.sliceInt, dummy};
  goMapassign(f.efaceI64, h, &k);
}

void unhashableAccess(const Fixture &f) {
  Hmap *h = goMakemap(f.efaceI64, 0, nullptr);
  int64_t one = 1;
  Eface k1 = box(f.ty.int64, &one);
  *static_cast<int64_t *>(goMapassign(f.efaceI64, h, &k1)) = 1;
  // main.T: struct { s string; f []int }, not comparable.
  const Type *tT = newType("main.T", 40, KindStruct, nullptr, TFlagNamed, 32);
  static uint8_t zero[40];
  Eface k = {tT, zero};
  goMapaccess1(f.efaceI64, h, &k);
}

void unhashableNilmap(const Fixture &f) {
  int dummy = 0;
  Eface k = {f.ty.mapStringInt, &dummy};
  goMapaccess1(f.efaceI64, nullptr, &k);
}

void unhashableDelete(const Fixture &f) {
  Hmap *h = goMakemap(f.efaceI64, 0, nullptr);
  int dummy[1] = {1};
  Eface k = {f.ty.sliceInt, dummy};
  goMapdelete(f.efaceI64, h, &k);
}

/// main.W: struct { n int32; x interface{} }, comparable; x holds []int.
void unhashableNested(const Fixture &f) {
  StructField *fs = alloc<StructField>(2);
  fs[0] = {gostr("n"), {}, f.ty.int32, 0, 0, {}};
  fs[1] = {gostr("x"), {}, &f.ty.eface->typ, 8, 0, {}};
  auto *w = newKindType<StructType>(
      "main.W", 24, KindStruct,
      [](const void *p, const void *q) {
        return goMemequal32(p, q) &&
               goNilinterequal(static_cast<const uint8_t *>(p) + 8,
                               static_cast<const uint8_t *>(q) + 8);
      },
      TFlagNamed, 24);
  w->fields = fs;
  w->nfields = 2;
  struct {
    int32_t n, pad;
    Eface x;
  } v = {0, 0, {f.ty.sliceInt, &v}};
  Hmap *h = goMakemap(f.efaceI64, 0, nullptr);
  Eface k = box(&w->typ, &v);
  goMapassign(f.efaceI64, h, &k);
}

using Mode = TestMode<Fixture>;
const Mode modes[] = {
    {"nilmap", nilmap},
    {"unhashable_assign", unhashableAssign},
    {"unhashable_access", unhashableAccess},
    {"unhashable_nilmap", unhashableNilmap},
    {"unhashable_delete", unhashableDelete},
    {"unhashable_nested", unhashableNested},
};

} // namespace

static void testBody() {
  setvbuf(stdout, nullptr, _IONBF, 0);
  Fixture f;
  f.ty = makeTypes();
  f.i64i64 = newMapType("map[int64]int64", f.ty.int64, f.ty.int64, goMemhash64,
                        MapReflexiveKey);
  f.strI64 = newMapType("map[string]int64", f.ty.string, f.ty.int64, goStrhash,
                        MapReflexiveKey | MapNeedKeyUpdate);
  f.f64I64 = newMapType("map[float64]int64", f.ty.float64, f.ty.int64,
                        goF64hash, MapNeedKeyUpdate);
  f.efaceI64 = newMapType("map[interface {}]int64", &f.ty.eface->typ,
                          f.ty.int64, goNilinterhash,
                          MapNeedKeyUpdate | MapHashMightPanic);
  runModeArg(modes, f);
  checkNilAndEmpty(f);
  checkBulk(f);
  checkStringKeys(f);
  checkStructKeys(f);
  checkBigKeysAndElems(f);
  checkIterationUnderMutation(f);
  checkSameSizeGrowth(f);
  checkFloatKeys(f);
  checkInterfaceKeys(f);
  checkClear(f);
  checkRandomOrder(f);
  origo::rt::exitProcess(finish("maps_test"));
}
