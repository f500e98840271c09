//===- runtime/test/native/mapfast_test.cpp - key-by-value map paths ------===//
///
/// \file
/// Checks the key-by-value map entry points (runtime.mapaccess1_fast32 and
/// the rest of gc's map_fast32.go, map_fast64.go and map_faststr.go, plus
/// mapassign_fast64ptr and mapassign_faststr_borrowed) against the generic
/// ones on the same maps: both hash alike, so entries inserted by either
/// are found, updated and deleted by the other, through growth (doubling,
/// and same-size after deletions) and iteration. Covers one-bucket string
/// lookups (short and long keys), borrowed string keys (copied only when
/// inserted), pointer keys, maps with indirect elements (which the
/// by-value entry points hand to the generic path) and the nil-map panic.
///
//===----------------------------------------------------------------------===//

#include "native_test.h"
#include "runtime/map.h"

using namespace native_test;

namespace {

struct Fixture {
  Types ty;
  MapType *i32i64;  // map[int32]int64
  MapType *i64i64;  // map[int64]int64
  MapType *strI64;  // map[string]int64
  MapType *ptrI64;  // map[*int64]int64
  MapType *strBig;  // map[string][200]uint8 (indirect elements)
};

int64_t &at(void *elem) { return *static_cast<int64_t *>(elem); }

const uint8_t *bytes(const char *s) { return reinterpret_cast<const uint8_t *>(s); }

/// "k<i>" in a fresh heap string (the map may keep it).
GoString key(int64_t i, const char *prefix = "k") {
  char buf[64];
  int n = snprintf(buf, sizeof buf, "%s%lld", prefix, static_cast<long long>(i));
  char *p = static_cast<char *>(malloc(size_t(n)));
  memcpy(p, buf, size_t(n));
  return {bytes(p), n};
}

/// Generic and by-value operations alternate on one map of 4- and 8-byte
/// keys while it grows from empty: each sees the other's entries.
void checkWordKeys(const Fixture &f) {
  const int n = 50000;
  Hmap *h32 = goMakemapSmall(), *h64 = goMakemap(f.i64i64, 0, nullptr);
  for (int i = 0; i < n; ++i) {
    int32_t k32 = i * 31 - 7000;
    int64_t k64 = int64_t(i) * 0x100000001ll - 5;
    if (i % 2) {
      at(goMapassignFast32(f.i32i64, h32, uint32_t(k32))) = i;
      at(goMapassignFast64(f.i64i64, h64, uint64_t(k64))) = i;
    } else {
      at(goMapassign(f.i32i64, h32, &k32)) = i;
      at(goMapassign(f.i64i64, h64, &k64)) = i;
    }
  }
  EXPECT(goMaplen(h32) == n && goMaplen(h64) == n);
  int bad = 0;
  for (int i = 0; i < n; ++i) {
    int32_t k32 = i * 31 - 7000;
    int64_t k64 = int64_t(i) * 0x100000001ll - 5;
    bad += at(goMapaccess1Fast32(f.i32i64, h32, uint32_t(k32))) != i;
    bad += at(goMapaccess1(f.i32i64, h32, &k32)) != i;
    MapAccess2Result r = goMapaccess2Fast64(f.i64i64, h64, uint64_t(k64));
    bad += !r.ok || at(r.elem) != i;
    bad += at(goMapaccess1(f.i64i64, h64, &k64)) != i;
    bad += goMapaccess2Fast32(f.i32i64, h32, uint32_t(k32 + 1)).ok; // i*31 spacing
    bad += goMapaccess1Fast64(f.i64i64, h64, uint64_t(k64 + 1)) != goZeroVal;
  }
  EXPECT(bad == 0);
  // Updates through the by-value path keep the count; the slot is found.
  for (int i = 0; i < n; i += 5) {
    int32_t k32 = i * 31 - 7000;
    at(goMapassignFast32(f.i32i64, h32, uint32_t(k32))) += 1000000;
  }
  EXPECT(goMaplen(h32) == n);
  for (int i = 0; i < n; ++i) {
    int32_t k32 = i * 31 - 7000;
    bad += at(goMapaccess1(f.i32i64, h32, &k32)) != i + (i % 5 ? 0 : 1000000);
  }
  EXPECT(bad == 0);
  // Delete half through each path, check with the other.
  for (int i = 0; i < n; i += 2) {
    int64_t k64 = int64_t(i) * 0x100000001ll - 5;
    if (i % 4)
      goMapdeleteFast64(f.i64i64, h64, uint64_t(k64));
    else
      goMapdelete(f.i64i64, h64, &k64);
  }
  goMapdeleteFast64(f.i64i64, h64, 12345); // missing
  EXPECT(goMaplen(h64) == n / 2);
  for (int i = 0; i < n; ++i) {
    int64_t k64 = int64_t(i) * 0x100000001ll - 5;
    bad += goMapaccess2(f.i64i64, h64, &k64).ok != (i % 2 == 1);
    bad += goMapaccess2Fast64(f.i64i64, h64, uint64_t(k64)).ok != (i % 2 == 1);
  }
  EXPECT(bad == 0);
  // Freed slots come back zeroed through the by-value insertion.
  for (int i = 0; i < n; i += 2) {
    int64_t k64 = int64_t(i) * 0x100000001ll - 5;
    bad += at(goMapassignFast64(f.i64i64, h64, uint64_t(k64))) != 0;
  }
  EXPECT(bad == 0 && goMaplen(h64) == n);
  // Everything deleted by value: empty, and usable again.
  for (int i = 0; i < n; ++i)
    goMapdeleteFast64(f.i64i64, h64, uint64_t(int64_t(i) * 0x100000001ll - 5));
  EXPECT(goMaplen(h64) == 0);
  at(goMapassignFast64(f.i64i64, h64, 0)) = 9;
  EXPECT(at(goMapaccess1Fast64(f.i64i64, h64, 0)) == 9 && goMaplen(h64) == 1);
}

/// Growth triggered by by-value insertions in the middle of a range loop,
/// and a same-size growth after deletions: every entry survives, the loop
/// sees each initial one once.
void checkGrowthWhileIterating(const Fixture &f) {
  Hmap *h = goMakemap(f.i64i64, 0, nullptr);
  for (int64_t k = 0; k < 2000; ++k)
    at(goMapassignFast64(f.i64i64, h, uint64_t(k))) = k;
  uint8_t seen[2000] = {};
  int bad = 0, grewDuring = 0;
  int64_t next = 2000;
  Hiter it{};
  for (goMapiterinit(f.i64i64, h, &it); it.key; goMapiternext(&it)) {
    int64_t k = at(it.key);
    if (k < 2000)
      bad += seen[k]++ != 0 || at(it.elem) != k;
    for (int j = 0; j < 3; ++j, ++next)
      at(goMapassignFast64(f.i64i64, h, uint64_t(next))) = next;
    grewDuring += h->oldbuckets != nullptr;
  }
  for (uint8_t s : seen)
    bad += s != 1;
  EXPECT(bad == 0 && grewDuring > 0);
  for (int64_t k = 0; k < next; ++k)
    bad += at(goMapaccess1Fast64(f.i64i64, h, uint64_t(k))) != k;
  EXPECT(bad == 0 && goMaplen(h) == next);

  // Churn: insert and delete by value at a stable size until a same-size
  // growth has happened (overflow buckets pile up), then check.
  Hmap *c = goMakemap(f.i64i64, 0, nullptr);
  int64_t lo = 0, hi = 0;
  bool sameSize = false;
  for (int round = 0; round < 400000 && !sameSize; ++round) {
    at(goMapassignFast64(f.i64i64, c, uint64_t(hi * 0x9e3779b97f4a7c15ull))) = hi;
    ++hi;
    if (hi - lo > 1000) {
      goMapdeleteFast64(f.i64i64, c, uint64_t(lo * 0x9e3779b97f4a7c15ull));
      ++lo;
    }
    sameSize = (c->flags & 8) != 0; // map.cpp's kSameSizeGrow
  }
  EXPECT(sameSize);
  for (int64_t k = lo; k < hi; ++k)
    bad += at(goMapaccess1Fast64(f.i64i64, c, uint64_t(k * 0x9e3779b97f4a7c15ull))) != k;
  EXPECT(bad == 0 && goMaplen(c) == hi - lo);
}

void checkStringKeys(const Fixture &f) {
  const int n = 60000;
  const MapType *t = f.strI64;
  Hmap *h = goMakemapSmall();
  for (int i = 0; i < n; ++i) {
    GoString k = key(i, i % 3 ? "k" : "a-much-longer-key-prefix-for-memcmp-");
    if (i % 2)
      at(goMapassignFaststr(t, h, k.ptr, k.len)) = i;
    else
      at(goMapassign(t, h, &k)) = i;
  }
  EXPECT(goMaplen(h) == n);
  int bad = 0;
  char buf[64];
  for (int i = 0; i < n; ++i) {
    // Another copy of the bytes: found by contents.
    int len = snprintf(buf, sizeof buf, "%s%d", i % 3 ? "k" : "a-much-longer-key-prefix-for-memcmp-", i);
    GoString k{bytes(buf), len};
    bad += at(goMapaccess1Faststr(t, h, k.ptr, k.len)) != i;
    MapAccess2Result r = goMapaccess2Faststr(t, h, k.ptr, k.len);
    bad += !r.ok || at(r.elem) != i;
    bad += at(goMapaccess1(t, h, &k)) != i;
    // Same length, one byte other (last, middle, first): missing.
    const int positions[] = {len - 1, len / 2, 0};
    for (int pos : positions) {
      buf[pos] ^= 0x40;
      bad += goMapaccess2Faststr(t, h, k.ptr, k.len).ok;
      bad += goMapaccess1(t, h, &k) != goZeroVal;
      buf[pos] ^= 0x40;
    }
  }
  EXPECT(bad == 0);
  // The key stored is the last one assigned (gc: the old one may be freed).
  int len = snprintf(buf, sizeof buf, "k%d", 1);
  at(goMapassignFaststr(t, h, bytes(buf), len)) = 77;
  Hiter it{};
  bool found = false;
  for (goMapiterinit(t, h, &it); it.key; goMapiternext(&it))
    if (static_cast<GoString *>(it.key)->ptr == bytes(buf))
      found = at(it.elem) == 77;
  EXPECT(found);
  at(goMapassignFaststr(t, h, key(1).ptr, 2)) = 1; // off the stack again
  // Empty and nil-pointer strings are one key.
  at(goMapassignFaststr(t, h, nullptr, 0)) = -1;
  EXPECT(at(goMapaccess1Faststr(t, h, bytes("x"), 0)) == -1);
  GoString empty{bytes(""), 0};
  EXPECT(at(goMapaccess1(t, h, &empty)) == -1);
  goMapdeleteFaststr(t, h, bytes("y"), 0);
  EXPECT(!goMapaccess2(t, h, &empty).ok);
  // Delete through both paths.
  for (int i = 0; i < n; i += 2) {
    int klen = snprintf(buf, sizeof buf, "%s%d", i % 3 ? "k" : "a-much-longer-key-prefix-for-memcmp-", i);
    GoString k{bytes(buf), klen};
    if (i % 4)
      goMapdeleteFaststr(t, h, k.ptr, k.len);
    else
      goMapdelete(t, h, &k);
  }
  EXPECT(goMaplen(h) == n / 2);
  for (int i = 0; i < n; ++i) {
    int klen = snprintf(buf, sizeof buf, "%s%d", i % 3 ? "k" : "a-much-longer-key-prefix-for-memcmp-", i);
    bad += goMapaccess2Faststr(t, h, bytes(buf), klen).ok != (i % 2 == 1);
  }
  EXPECT(bad == 0);
}

/// Maps of one bucket: lookups compare lengths and bytes without hashing;
/// long keys (32 bytes and more) and a bucket with an overflow chain take
/// the hashed path. Every answer must agree with the generic lookup.
void checkOneBucket(const Fixture &f) {
  const MapType *t = f.strI64;
  const char *long1 = "0123456789abcdef0123456789abcdef-long";
  const char *keys[] = {"", "a", "ab", "abc", "abcd", "abcdefgh", long1, "0123456789abcdef0123456789abcdeX-long"};
  Hmap *h = goMakemapSmall();
  for (int i = 0; i < 8; ++i)
    at(goMapassignFaststr(t, h, bytes(keys[i]), int64_t(strlen(keys[i])))) = i + 1;
  EXPECT(h->B == 0 && goMaplen(h) == 8);
  const char *probes[] = {"", "a", "b", "ab", "ba", "abc", "abd", "abcd", "abce", "abcdefgh", "abcdefgX",
                          long1, "0123456789abcdef0123456789abcdeX-long", "0123456789abcdef0123456789abcdeY-long",
                          "abcdefghi"};
  int bad = 0;
  for (const char *p : probes) {
    GoString k{bytes(p), int64_t(strlen(p))};
    MapAccess2Result want = goMapaccess2(t, h, &k);
    MapAccess2Result got = goMapaccess2Faststr(t, h, k.ptr, k.len);
    bad += want.ok != got.ok || want.elem != got.elem;
    bad += goMapaccess1Faststr(t, h, k.ptr, k.len) != want.elem;
  }
  EXPECT(bad == 0);
  // Deleting the last key of the bucket and finding the others again.
  goMapdeleteFaststr(t, h, bytes(keys[7]), int64_t(strlen(keys[7])));
  goMapdeleteFaststr(t, h, bytes("a"), 1);
  EXPECT(goMaplen(h) == 6);
  EXPECT(at(goMapaccess1Faststr(t, h, bytes("ab"), 2)) == 3);
  EXPECT(!goMapaccess2Faststr(t, h, bytes("a"), 1).ok);
  EXPECT(at(goMapaccess1Faststr(t, h, bytes(long1), int64_t(strlen(long1)))) == 7);
}

/// m[string(b)]++ with b's bytes borrowed: the map copies them only when
/// it inserts, and keeps its own copy (and the first key) afterwards.
void checkBorrowedKeys(const Fixture &f) {
  const MapType *t = f.strI64;
  Hmap *h = goMakemap(t, 0, nullptr);
  char buf[32];
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 20000; ++i) {
      int len = snprintf(buf, sizeof buf, "w%d", i);
      at(goMapassignFaststrBorrowed(t, h, bytes(buf), len)) += 1;
    }
  memset(buf, '#', sizeof buf);
  EXPECT(goMaplen(h) == 20000);
  int bad = 0;
  Hiter it{};
  for (goMapiterinit(t, h, &it); it.key; goMapiternext(&it)) {
    auto *k = static_cast<GoString *>(it.key);
    bad += k->ptr == bytes(buf) || k->ptr[0] != 'w' || at(it.elem) != 3;
  }
  EXPECT(bad == 0);
  for (int i = 0; i < 20000; ++i) {
    GoString k = key(i, "w");
    bad += at(goMapaccess1(t, h, &k)) != 3;
  }
  EXPECT(bad == 0);
  // An empty borrowed key.
  at(goMapassignFaststrBorrowed(t, h, bytes(buf), 0)) = 5;
  EXPECT(at(goMapaccess1Faststr(t, h, nullptr, 0)) == 5);
  // Indirect elements: the generic path, still with a copy of the key.
  Hmap *g = goMakemap(f.strBig, 0, nullptr);
  for (int i = 0; i < 100; ++i) {
    int len = snprintf(buf, sizeof buf, "big%d", i);
    static_cast<uint8_t *>(goMapassignFaststrBorrowed(f.strBig, g, bytes(buf), len))[199] = uint8_t(i);
  }
  memset(buf, '#', sizeof buf);
  for (int i = 0; i < 100; ++i) {
    GoString k = key(i, "big");
    bad += static_cast<uint8_t *>(goMapaccess1Faststr(f.strBig, g, k.ptr, k.len))[199] != i;
    bad += !goMapaccess2Faststr(f.strBig, g, k.ptr, k.len).ok;
  }
  EXPECT(bad == 0 && goMaplen(g) == 100);
  for (int i = 0; i < 100; i += 2) {
    GoString k = key(i, "big");
    goMapdeleteFaststr(f.strBig, g, k.ptr, k.len);
  }
  EXPECT(goMaplen(g) == 50);
  GoString k0 = key(0, "big"), k1 = key(1, "big");
  EXPECT(goMapaccess1Faststr(f.strBig, g, k0.ptr, k0.len) == goZeroVal);
  EXPECT(goMapaccess1(f.strBig, g, &k1) != goZeroVal);
  *static_cast<uint8_t *>(goMapassignFaststr(f.strBig, g, k0.ptr, k0.len)) = 1;
  EXPECT(goMaplen(g) == 51);
}

void checkPointerKeys(const Fixture &f) {
  const int n = 10000;
  int64_t *objs = alloc<int64_t>(n);
  Hmap *h = goMakemap(f.ptrI64, 0, nullptr);
  for (int i = 0; i < n; ++i)
    at(goMapassignFast64ptr(f.ptrI64, h, &objs[i])) = i;
  at(goMapassignFast64ptr(f.ptrI64, h, nullptr)) = -1;
  EXPECT(goMaplen(h) == n + 1);
  int bad = 0;
  for (int i = 0; i < n; ++i) {
    int64_t *p = &objs[i];
    bad += at(goMapaccess1Fast64(f.ptrI64, h, reinterpret_cast<uintptr_t>(p))) != i;
    bad += at(goMapaccess1(f.ptrI64, h, &p)) != i;
  }
  EXPECT(bad == 0);
  EXPECT(at(goMapaccess1Fast64(f.ptrI64, h, 0)) == -1);
  for (int i = 0; i < n; i += 2)
    goMapdeleteFast64(f.ptrI64, h, reinterpret_cast<uintptr_t>(&objs[i]));
  EXPECT(goMaplen(h) == n / 2 + 1);
  for (int i = 0; i < n; ++i)
    bad += goMapaccess2Fast64(f.ptrI64, h, reinterpret_cast<uintptr_t>(&objs[i])).ok != (i % 2 == 1);
  EXPECT(bad == 0);
}

// Panic modes.

void nilmapFaststr(const Fixture &f) {
  goMapassignFaststr(f.strI64, nullptr, bytes("k"), 1);
}

void nilmapFast32(const Fixture &f) {
  goMapassignFast32(f.i32i64, nullptr, 1);
}

using Mode = TestMode<Fixture>;
const Mode modes[] = {
    {"nilmap_faststr", nilmapFaststr},
    {"nilmap_fast32", nilmapFast32},
};

} // namespace

static void testBody() {
  setvbuf(stdout, nullptr, _IONBF, 0);
  Fixture f;
  f.ty = makeTypes();
  f.i32i64 = newMapType("map[int32]int64", f.ty.int32, f.ty.int64, goMemhash32,
                        MapReflexiveKey);
  f.i64i64 = newMapType("map[int64]int64", f.ty.int64, f.ty.int64, goMemhash64,
                        MapReflexiveKey);
  f.strI64 = newMapType("map[string]int64", f.ty.string, f.ty.int64, goStrhash,
                        MapReflexiveKey | MapNeedKeyUpdate);
  f.ptrI64 = newMapType("map[*int64]int64", f.ty.ptrInt64, f.ty.int64,
                        goMemhash64, MapReflexiveKey);
  auto *big = newKindType<ArrayType>("[200]uint8", 200, KindArray, nullptr,
                                     TFlagRegularMemory);
  big->len = 200;
  f.strBig = newMapType("map[string][200]uint8", f.ty.string, &big->typ,
                        goStrhash, MapReflexiveKey | MapNeedKeyUpdate);
  runModeArg(modes, f);
  checkWordKeys(f);
  checkGrowthWhileIterating(f);
  checkStringKeys(f);
  checkOneBucket(f);
  checkBorrowedKeys(f);
  checkPointerKeys(f);
  origo::rt::exitProcess(finish("mapfast_test"));
}
