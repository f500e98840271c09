//===- runtime/test/native/native_test.h - Native runtime tests -*- C++ -*-===//
///
/// \file
/// Shared pieces of the runtime's native tests: C++ programs built with the
/// runtime's own target flags and linked like a Go program (the runtime's
/// main() calls the test's main.main). They build type descriptors by hand,
/// as codegen will emit them, and call the runtime's Go-named entry points.
/// A test run with no argument checks everything and exits 0; with a mode
/// argument it does one thing that must panic, and run.sh compares the
/// report with gc's (NAME.MODE.go, .out, .status).
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_TEST_NATIVE_TEST_H
#define ORIGO_RUNTIME_TEST_NATIVE_TEST_H

#include "runtime/abi.h"
#include "runtime/hash.h"
#include "runtime/stack.h"
#include "runtime/start.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace native_test {

using namespace origo::abi;

inline int failures = 0;
inline int checks = 0;

/// Records a failed expectation; prints the first few in detail.
inline void fail(const char *file, int line, const char *what) {
  if (++failures <= 20)
    printf("FAIL %s:%d: %s\n", file, line, what);
}

#define EXPECT(cond)                                                           \
  do {                                                                         \
    ++native_test::checks;                                                     \
    if (!(cond))                                                               \
      native_test::fail(__FILE__, __LINE__, #cond);                            \
  } while (0)

/// Prints the summary and returns the exit status.
inline int finish(const char *name) {
  if (failures) {
    printf("%s: %d of %d checks failed\n", name, failures, checks);
    return 1;
  }
  printf("%s: all %d checks passed\n", name, checks);
  return 0;
}

inline GoString gostr(const char *s) {
  return {reinterpret_cast<const uint8_t *>(s), int64_t(strlen(s))};
}

/// Zeroed memory that lives until exit (test code may use libc's heap).
template <typename T> T *alloc(size_t n = 1) {
  return static_cast<T *>(calloc(n, sizeof(T)));
}

/// A type descriptor with the common fields filled in.
inline Type *newType(const char *str, uintptr_t size, uint8_t kind,
                     EqualFn equal, uint8_t tflag = 0, uintptr_t ptrdata = 0,
                     uint8_t align = 8) {
  Type *t = alloc<Type>();
  t->size = size;
  t->ptrdata = ptrdata;
  t->hash = uint32_t(strlen(str) * 2654435761u);
  t->tflag = tflag;
  t->align = t->fieldAlign = align;
  t->kind = kind;
  t->equal = equal;
  t->str = gostr(str);
  return t;
}

/// Fills the Type part of a kind-specific descriptor.
template <typename T>
T *newKindType(const char *str, uintptr_t size, uint8_t kind, EqualFn equal,
               uint8_t tflag = 0, uintptr_t ptrdata = 0) {
  T *d = alloc<T>();
  Type *t = newType(str, size, kind, equal, tflag, ptrdata);
  d->typ = *t;
  return d;
}

/// Types used by both tests.
struct Types {
  const Type *int64, *int32, *float64, *string, *ptrInt64, *sliceInt,
      *mapStringInt;
  const InterfaceType *eface;
};

inline Types makeTypes() {
  Types ty;
  ty.int64 = newType("int64", 8, KindInt64, goMemequal64,
                     TFlagRegularMemory | TFlagNamed);
  ty.int32 = newType("int32", 4, KindInt32, goMemequal32,
                     TFlagRegularMemory | TFlagNamed, 0, 4);
  ty.float64 = newType("float64", 8, KindFloat64, goF64equal, TFlagNamed);
  ty.string = newType("string", 16, KindString, goStrequal, TFlagNamed, 8);
  ty.ptrInt64 = &newKindType<PtrType>("*int64", 8, KindPointer | KindDirectIface,
                                      goMemequal64, TFlagRegularMemory, 8)->typ;
  ty.sliceInt = &newKindType<SliceType>("[]int", 24, KindSlice, nullptr, 0, 8)->typ;
  ty.mapStringInt = newType("map[string]int", 8, KindMap | KindDirectIface,
                            nullptr, 0, 8);
  ty.eface = newKindType<InterfaceType>("interface {}", 16, KindInterface,
                                        goNilinterequal, 0, 16);
  return ty;
}

/// A map type as codegen lays it out (see abi::MapType).
inline MapType *newMapType(const char *str, const Type *key, const Type *elem,
                           HashFn hasher, uint32_t flags) {
  auto *t = newKindType<MapType>(str, 8, KindMap | KindDirectIface, nullptr, 0, 8);
  t->key = key;
  t->elem = elem;
  t->hasher = hasher;
  t->flags = flags;
  t->keysize = uint8_t(key->size);
  if (key->size > MapMaxKeySize) {
    t->keysize = 8;
    t->flags |= MapIndirectKey;
  }
  t->elemsize = uint8_t(elem->size);
  if (elem->size > MapMaxElemSize) {
    t->elemsize = 8;
    t->flags |= MapIndirectElem;
  }
  t->bucketsize = uint16_t(8 + 8 * t->keysize + 8 * t->elemsize + 8);
  bool pointers = key->ptrdata || elem->ptrdata ||
                  (t->flags & (MapIndirectKey | MapIndirectElem));
  t->bucket = newType("bucket", t->bucketsize, KindStruct, nullptr, 0,
                      pointers ? t->bucketsize : 0);
  return t;
}

/// An interface value holding a copy of the \p size bytes at \p v (or the
/// pointer itself for a direct type), as compiled code builds one.
inline Eface box(const Type *t, const void *v) {
  if (t->kind & KindDirectIface) {
    void *p;
    memcpy(&p, v, sizeof p);
    return {t, p};
  }
  void *copy = calloc(1, t->size ? t->size : 1);
  memcpy(copy, v, t->size);
  return {t, copy};
}

/// Runs the mode named by the first argument, if any; returns false when
/// there is none (run all checks).
inline const char *modeArg() {
  const origo::rt::ProcessArgs &args = origo::rt::processArgs();
  return args.argc > 1 ? args.argv[1] : nullptr;
}

/// A mode of a test program that panics on purpose: its name (the
/// program's argument) and what it runs, given the test's arguments A.
template <typename... A> struct TestMode {
  const char *name;
  void (*run)(const A &...);
};

/// With a mode argument (a panic test), runs the mode of that name from
/// \p modes (entries {name, run}; run gets \p args) and exits with status
/// 3 if it returns, which a panicking mode never does; returns when there
/// is no mode argument.
template <typename M, size_t N, typename... A> void runModeArg(const M (&modes)[N], A &...args) {
  const char *mode = modeArg();
  if (!mode) return;
  for (const M &m : modes)
    if (!strcmp(mode, m.name)) {
      m.run(args...);
      printf("%s: no panic\n", mode);
      exit(3);
    }
  printf("unknown mode %s\n", mode);
  exit(3);
}

/// Runs \p f with file descriptor 2 (where the runtime prints) redirected
/// to a temporary file and returns what it wrote, NUL-terminated, in a
/// static buffer (overwritten by the next call).
template <typename F> const char *captureStderr(F f) {
  static char buf[4096];
  FILE *tmp = tmpfile();
  int saved = dup(2);
  dup2(fileno(tmp), 2);
  f();
  dup2(saved, 2);
  close(saved);
  long n = lseek(fileno(tmp), 0, SEEK_CUR);
  if (n < 0 || n >= long(sizeof buf))
    n = 0;
  ssize_t got = pread(fileno(tmp), buf, size_t(n), 0);
  buf[got > 0 ? got : 0] = 0;
  fclose(tmp);
  return buf;
}

/// Expects captureStderr(f) to equal \p want, printing both otherwise.
#define EXPECT_PRINTS(want, ...)                                               \
  do {                                                                         \
    const char *got_ = native_test::captureStderr([&] { __VA_ARGS__; });       \
    ++native_test::checks;                                                     \
    if (strcmp(got_, (want)) != 0) {                                           \
      native_test::fail(__FILE__, __LINE__, #__VA_ARGS__);                     \
      printf("    got  \"%s\"\n    want \"%s\"\n", got_, (want));               \
    }                                                                          \
  } while (0)

} // namespace native_test

/// The test's checks, which every test defines. main.main runs them on a
/// stack with room: C++ test code checks no stack, and needs more than a
/// goroutine's first segment has (runtime/stack.h).
static void testBody();
extern "C" void testMain() ORIGO_GO_NAME("main.main");
void testMain() { origo::rt::onBigStack(origo::rt::BigStackNeed, [] { testBody(); }); }

#endif // ORIGO_RUNTIME_TEST_NATIVE_TEST_H
