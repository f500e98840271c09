//===- runtime/test/native/hash_test.cpp - Hashing and equality -----------===//
///
/// \file
/// Checks runtime/hash.cpp through its Go-named entry points: the byte hash
/// and its fixed-size shortcuts agree, floats hash +0/-0 alike and NaNs
/// randomly, typehash walks arrays and structs (skipping blank fields) and
/// interfaces, equality functions follow Go's ==, and interface comparison
/// of uncomparable types panics (modes "uncomparable", "uncomparable_iface").
///
//===----------------------------------------------------------------------===//

#include "native_test.h"

#include <math.h>

using namespace native_test;

namespace {

void checkMemhash() {
  uint8_t buf[300];
  for (int i = 0; i < 300; ++i)
    buf[i] = uint8_t(i * 7 + 3);
  uintptr_t seed = 12345;
  EXPECT(goMemhash0(buf, seed) == goMemhash(buf, seed, 0));
  EXPECT(goMemhash8(buf, seed) == goMemhash(buf, seed, 1));
  EXPECT(goMemhash16(buf, seed) == goMemhash(buf, seed, 2));
  EXPECT(goMemhash32(buf, seed) == goMemhash(buf, seed, 4));
  EXPECT(goMemhash64(buf, seed) == goMemhash(buf, seed, 8));
  EXPECT(goMemhash128(buf, seed) == goMemhash(buf, seed, 16));

  // Every length hashes deterministically, depends on the seed, on every
  // byte and on the length.
  for (uintptr_t n = 1; n <= 300; ++n) {
    uintptr_t h = goMemhash(buf, seed, n);
    EXPECT(h == goMemhash(buf, seed, n));
    EXPECT(h != goMemhash(buf, seed + 1, n));
    EXPECT(h != goMemhash(buf, seed, n - 1));
    for (uintptr_t i = 0; i < n; i += (n > 40 ? 7 : 1)) {
      buf[i] ^= 1;
      EXPECT(h != goMemhash(buf, seed, n));
      buf[i] ^= 1;
    }
  }
  // The same bytes at another address hash alike.
  uint8_t copy[64];
  memcpy(copy, buf + 1, 64);
  EXPECT(goMemhash(copy, 7, 64) == goMemhash(buf + 1, 7, 64));

  // No collisions among 100k consecutive integers (with 64-bit hashes any
  // collision means a broken mix), and the low bits spread evenly.
  const int n = 100000;
  uintptr_t *hs = alloc<uintptr_t>(n);
  int lowCounts[16] = {};
  for (int64_t i = 0; i < n; ++i) {
    hs[i] = goMemhash64(&i, 99);
    ++lowCounts[hs[i] & 15];
  }
  qsort(hs, n, sizeof *hs, [](const void *a, const void *b) {
    uintptr_t x = *static_cast<const uintptr_t *>(a),
              y = *static_cast<const uintptr_t *>(b);
    return x < y ? -1 : x > y;
  });
  int collisions = 0;
  for (int i = 1; i < n; ++i)
    collisions += hs[i] == hs[i - 1];
  EXPECT(collisions == 0);
  for (int c : lowCounts)
    EXPECT(c > n / 16 * 9 / 10 && c < n / 16 * 11 / 10);
}

void checkFloatHash() {
  double pz = 0.0, nz = -0.0, one = 1.0, nan = NAN;
  EXPECT(goF64hash(&pz, 5) == goF64hash(&nz, 5));
  EXPECT(goF64hash(&one, 5) == goF64hash(&one, 5));
  EXPECT(goF64hash(&one, 5) != goF64hash(&pz, 5));
  EXPECT(goF64hash(&nan, 5) != goF64hash(&nan, 5)); // random each time
  EXPECT(goF64equal(&pz, &nz));
  EXPECT(!goF64equal(&nan, &nan));
  EXPECT(!goF64equal(&one, &pz));

  float fpz = 0.0f, fnz = -0.0f, fnan = NAN;
  EXPECT(goF32hash(&fpz, 5) == goF32hash(&fnz, 5));
  EXPECT(goF32hash(&fnan, 5) != goF32hash(&fnan, 5));
  EXPECT(goF32equal(&fpz, &fnz));
  EXPECT(!goF32equal(&fnan, &fnan));

  double c1[2] = {0.0, 1.5}, c2[2] = {-0.0, 1.5}, c3[2] = {1.5, 0.0},
         cn[2] = {1.0, NAN};
  EXPECT(goC128hash(c1, 3) == goC128hash(c2, 3));
  EXPECT(goC128hash(c1, 3) != goC128hash(c3, 3)); // real and imag not swapped
  EXPECT(goC128equal(c1, c2));
  EXPECT(!goC128equal(c1, c3));
  EXPECT(!goC128equal(cn, cn));
  float f1[2] = {0.0f, 2.0f}, f2[2] = {-0.0f, 2.0f};
  EXPECT(goC64hash(f1, 3) == goC64hash(f2, 3));
  EXPECT(goC64equal(f1, f2));
}

void checkStrings() {
  char a[] = "hello, world", b[] = "hello, world";
  GoString sa = gostr(a), sb = gostr(b), sc = gostr("hello, worle");
  EXPECT(goStrhash(&sa, 1) == goStrhash(&sb, 1));
  EXPECT(goStrhash(&sa, 1) == goMemhash(a, 1, 12));
  EXPECT(goStrhash(&sa, 1) != goStrhash(&sc, 1));
  EXPECT(goStrequal(&sa, &sb));
  EXPECT(!goStrequal(&sa, &sc));
  GoString prefix = {sa.ptr, 5};
  EXPECT(!goStrequal(&sa, &prefix));
  GoString e1 = {nullptr, 0}, e2 = gostr("");
  EXPECT(goStrequal(&e1, &e2));
  EXPECT(goStrhash(&e1, 9) == goStrhash(&e2, 9));
}

/// struct { a int32; _ int32; b int64 } and struct { s string; f float64 }
/// and [3]string: typehash's walk must match hashing the parts in order.
void checkTypehash(const Types &ty) {
  StructField *f = alloc<StructField>(3);
  f[0] = {gostr("a"), {}, ty.int32, 0, 0, {}};
  f[1] = {gostr("_"), {}, ty.int32, 4, 0, {}};
  f[2] = {gostr("b"), {}, ty.int64, 8, 0, {}};
  auto *blank = newKindType<StructType>("struct { a int32; _ int32; b int64 }",
                                        16, KindStruct, nullptr);
  blank->fields = f;
  blank->nfields = 3;
  struct {
    int32_t a, pad;
    int64_t b;
  } v1 = {1, 111, 2}, v2 = {1, 222, 2}, v3 = {1, 111, 3};
  const Type *bt = &blank->typ;
  EXPECT(goTypehash(bt, &v1, 4) == goTypehash(bt, &v2, 4)); // blank ignored
  EXPECT(goTypehash(bt, &v1, 4) != goTypehash(bt, &v3, 4));
  EXPECT(goTypehash(bt, &v1, 4) ==
         goMemhash64(&v1.b, goMemhash32(&v1.a, 4)));

  StructField *g = alloc<StructField>(2);
  g[0] = {gostr("s"), {}, ty.string, 0, 0, {}};
  g[1] = {gostr("f"), {}, ty.float64, 16, 0, {}};
  auto *sf = newKindType<StructType>("struct { s string; f float64 }", 24,
                                     KindStruct, nullptr, 0, 8);
  sf->fields = g;
  sf->nfields = 2;
  char buf1[] = "abc", buf2[] = "abc";
  struct {
    GoString s;
    double f;
  } w1 = {gostr(buf1), 0.0}, w2 = {gostr(buf2), -0.0};
  EXPECT(goTypehash(&sf->typ, &w1, 8) == goTypehash(&sf->typ, &w2, 8));
  EXPECT(goTypehash(&sf->typ, &w1, 8) == goF64hash(&w1.f, goStrhash(&w1.s, 8)));

  auto *arr = newKindType<ArrayType>("[3]string", 48, KindArray, nullptr, 0, 40);
  arr->elem = ty.string;
  arr->len = 3;
  GoString a3[3] = {gostr("x"), gostr("yy"), gostr("zzz")};
  uintptr_t want = 6;
  for (GoString &s : a3)
    want = goStrhash(&s, want);
  EXPECT(goTypehash(&arr->typ, a3, 6) == want);

  // Regular memory hashes as bytes.
  int64_t x = 42;
  EXPECT(goTypehash(ty.int64, &x, 3) == goMemhash64(&x, 3));
}

void checkInterfaces(const Types &ty) {
  int64_t a = 7, b = 7, c = 8;
  Eface ea = box(ty.int64, &a), eb = box(ty.int64, &b), ec = box(ty.int64, &c);
  EXPECT(ea.data != eb.data);
  EXPECT(goNilinterequal(&ea, &eb));
  EXPECT(!goNilinterequal(&ea, &ec));
  EXPECT(goNilinterhash(&ea, 1) == goNilinterhash(&eb, 1));
  EXPECT(goNilinterhash(&ea, 1) != goNilinterhash(&ec, 1));
  EXPECT(goEfaceeq(ty.int64, ea.data, eb.data));
  EXPECT(!goEfaceeq(ty.int64, ea.data, ec.data));
  EXPECT(goEfaceeq(nullptr, nullptr, nullptr)); // both nil

  // Same bits, different dynamic types: unequal.
  int32_t small = 7;
  Eface e32 = box(ty.int32, &small);
  EXPECT(!goNilinterequal(&ea, &e32));

  // Direct (pointer-shaped) types compare the data words themselves.
  int64_t *pa = &a, *pb = &b;
  Eface da = box(ty.ptrInt64, &pa), da2 = box(ty.ptrInt64, &pa),
        db = box(ty.ptrInt64, &pb);
  EXPECT(da.data == &a);
  EXPECT(goNilinterequal(&da, &da2));
  EXPECT(!goNilinterequal(&da, &db));
  EXPECT(goNilinterhash(&da, 1) == goNilinterhash(&da2, 1));

  // Nil interfaces.
  Eface nil1 = {nullptr, nullptr}, nil2 = {nullptr, nullptr};
  EXPECT(goNilinterequal(&nil1, &nil2));
  EXPECT(!goNilinterequal(&nil1, &ea));
  EXPECT(goNilinterhash(&nil1, 77) == 77);

  // A NaN inside an interface is not equal to itself.
  double nan = NAN;
  Eface en = box(ty.float64, &nan);
  EXPECT(!goNilinterequal(&en, &en));

  // Non-empty interfaces compare itabs, then data.
  Itab *tab = alloc<Itab>();
  tab->type = ty.int64;
  Iface ia = {tab, ea.data}, ib = {tab, eb.data}, ic = {tab, ec.data};
  EXPECT(goInterequal(&ia, &ib));
  EXPECT(!goInterequal(&ia, &ic));
  EXPECT(goIfaceeq(tab, ia.data, ib.data));
  EXPECT(goInterhash(&ia, 2) == goInterhash(&ib, 2));
  Iface inil = {nullptr, nullptr};
  EXPECT(goInterhash(&inil, 2) == 2);
  EXPECT(!goInterequal(&ia, &inil));
}

void checkRandomness() {
  // fastrand is not stuck and differs between calls.
  uint64_t a = origo::rt::fastrand64(), b = origo::rt::fastrand64();
  EXPECT(a != b);
  int ones = 0;
  for (int i = 0; i < 1000; ++i)
    ones += __builtin_popcountll(origo::rt::fastrand64());
  EXPECT(ones > 30000 && ones < 34000);
}

/// Mode "uncomparable": a == b on interface{} holding []int.
void uncomparable(const Types &ty) {
  int dummy[3] = {1, 2, 3};
  Eface a = {ty.sliceInt, dummy}, b = {ty.sliceInt, dummy + 1};
  goNilinterequal(&a, &b);
  printf("not reached\n");
}

/// Mode "uncomparable_iface": the same through a non-empty interface
/// holding a func type (direct iface) main.F.
void uncomparableIface() {
  const Type *f = newType("main.F", 8, KindFunc | KindDirectIface, nullptr,
                          TFlagNamed, 8);
  Itab *tab = alloc<Itab>();
  tab->type = f;
  goIfaceeq(tab, nullptr, nullptr);
  printf("not reached\n");
}

} // namespace

static void testBody() {
  setvbuf(stdout, nullptr, _IONBF, 0);
  Types ty = makeTypes();
  if (const char *mode = modeArg()) {
    if (!strcmp(mode, "uncomparable"))
      uncomparable(ty);
    else if (!strcmp(mode, "uncomparable_iface"))
      uncomparableIface();
    printf("unknown mode %s\n", mode);
    exit(3);
  }
  checkMemhash();
  checkFloatHash();
  checkStrings();
  checkTypehash(ty);
  checkInterfaces(ty);
  checkRandomness();
  origo::rt::exitProcess(finish("hash_test"));
}
