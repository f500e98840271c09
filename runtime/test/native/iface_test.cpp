//===- runtime/test/native/iface_test.cpp - itabs at run time -------------===//
///
/// \file
/// Checks runtime/iface.cpp with hand-built descriptors: a static itab
/// listed in origo_itabs is the one getitab hands out for its pair; itabs
/// built at run time have fun[] in the interface's method order, are cached
/// (the same pointer on every lookup, also after the table grows), and a
/// pair that does not match is cached as such; methods match by name,
/// package path of unexported names, and signature identity; the
/// assert/convert entry points pass nil and same-interface itabs through.
/// The panics of failed assertions are covered by test/run/ifacepanic_*.
///
//===----------------------------------------------------------------------===//

#include "native_test.h"

#include "runtime/iface.h"

#include <initializer_list>
#include "runtime/start.h"

using namespace native_test;

namespace {

void fnA() {}
void fnB() {}
void fnC() {}

/// A signature descriptor (identity is all getitab looks at).
const FuncType *sig(const char *s) {
  return newKindType<FuncType>(s, 8, KindFunc | KindDirectIface, nullptr, 0, 8);
}

const FuncType *sigVoid = sig("func()");
const FuncType *sigInt = sig("func() int");

IMethod imethod(const char *name, const FuncType *t, const char *pkg = "") {
  return {gostr(name), gostr(pkg), t};
}

InterfaceType *iface(const char *str, std::initializer_list<IMethod> ms) {
  auto *it = newKindType<InterfaceType>(str, 16, KindInterface, goInterequal, 0, 16);
  auto *arr = alloc<IMethod>(ms.size());
  size_t i = 0;
  for (const IMethod &m : ms)
    arr[i++] = m;
  it->methods = arr;
  it->mcount = ms.size();
  return it;
}

/// A defined int type with the given methods (sorted by the caller).
Type *named(const char *str, std::initializer_list<Method> ms) {
  Type *t = newType(str, 8, KindInt, goMemequal64, TFlagNamed | TFlagRegularMemory | TFlagUncommon);
  auto *u = alloc<UncommonType>();
  auto *arr = alloc<Method>(ms.size());
  size_t i = 0;
  for (const Method &m : ms)
    arr[i++] = m;
  u->pkgpath = gostr("main");
  u->methods = arr;
  u->mcount = uint16_t(ms.size());
  t->uncommon = u;
  return t;
}

Method method(const char *name, const FuncType *t, void (*fn)(), const char *pkg = "") {
  return {gostr(name), gostr(pkg), t, reinterpret_cast<const void *>(fn), nullptr};
}

// The static itab of (I, S), as codegen emits it and lists it.
InterfaceType *ifaceI = iface("main.I", {imethod("A", sigVoid), imethod("B", sigInt)});
Type *typeS = named("main.S", {method("A", sigVoid, fnA), method("B", sigInt, fnB), method("C", sigVoid, fnC)});
struct {
  Itab tab;
  void *more[1];
} staticItab = {{ifaceI, typeS, 0, 0, {reinterpret_cast<void *>(fnA)}}, {reinterpret_cast<void *>(fnB)}};
__attribute__((section(ORIGO_ITAB_SECTION), used)) const Itab *staticLink = &staticItab.tab;

void checkStatic() {
  const Itab *m = origo::rt::getitab(ifaceI, typeS, false);
  EXPECT(m == &staticItab.tab);
  EXPECT(goAssertE2I(ifaceI, typeS) == &staticItab.tab);
}

void checkBuilt() {
  // Interface methods B, C (sorted) out of S's A, B, C.
  InterfaceType *j = iface("main.J", {imethod("B", sigInt), imethod("C", sigVoid)});
  const Itab *m = origo::rt::getitab(j, typeS, false);
  EXPECT(m && m->inter == j && m->type == typeS && m->hash == typeS->hash);
  EXPECT(m && m->fun[0] == reinterpret_cast<void *>(fnB));
  EXPECT(m && (&m->fun[0])[1] == reinterpret_cast<void *>(fnC));
  EXPECT(origo::rt::getitab(j, typeS, false) == m);
  EXPECT(goAssertE2I2(j, typeS) == m);
  // I -> J through the itab; J -> J keeps it; nil stays nil.
  EXPECT(goAssertI2I(j, &staticItab.tab) == m);
  EXPECT(goAssertI2I2(j, m) == m);
  EXPECT(goConvI2I(j, m) == m);
  EXPECT(goConvI2I(j, nullptr) == nullptr);
  EXPECT(goAssertI2I2(j, nullptr) == nullptr);
  EXPECT(goAssertE2I2(j, nullptr) == nullptr);
}

void checkMismatch() {
  // B with another signature, a missing method, an unexported name of
  // another package: no itab, and asking again gives the same answer.
  InterfaceType *k = iface("main.K", {imethod("B", sigVoid)});
  EXPECT(goAssertE2I2(k, typeS) == nullptr);
  EXPECT(goAssertE2I2(k, typeS) == nullptr);
  InterfaceType *l = iface("main.L", {imethod("D", sigVoid)});
  EXPECT(origo::rt::getitab(l, typeS, true) == nullptr);
  EXPECT(goAssertI2I2(l, &staticItab.tab) == nullptr);
  Type *u = named("main.U", {method("m", sigVoid, fnA, "main")});
  InterfaceType *mine = iface("main.M", {imethod("m", sigVoid, "main")});
  InterfaceType *theirs = iface("other.M", {imethod("m", sigVoid, "other")});
  EXPECT(goAssertE2I2(mine, u) != nullptr);
  EXPECT(goAssertE2I2(theirs, u) == nullptr);
  // A type without methods implements only the empty method list.
  EXPECT(goAssertE2I2(ifaceI, newType("int", 8, KindInt, goMemequal64)) == nullptr);
}

void checkMany() {
  // Enough pairs to grow the table several times; every itab stays put.
  InterfaceType *a = iface("main.A", {imethod("A", sigVoid)});
  const int n = 500;
  static const Itab *first[n];
  static Type *types[n];
  for (int i = 0; i < n; ++i) {
    types[i] = named("main.T", {method("A", sigVoid, fnA)});
    types[i]->hash = uint32_t(i * 7919);
    first[i] = goAssertE2I(a, types[i]);
  }
  for (int i = 0; i < n; ++i) {
    EXPECT(first[i] && first[i]->type == types[i]);
    EXPECT(goAssertE2I(a, types[i]) == first[i]);
  }
  EXPECT(origo::rt::getitab(ifaceI, typeS, false) == &staticItab.tab);
}

} // namespace

static void testBody() {
  setvbuf(stdout, nullptr, _IONBF, 0);
  checkStatic();
  checkBuilt();
  checkMismatch();
  checkMany();
  origo::rt::exitProcess(finish("iface_test"));
}
