//===- runtime/iface.cpp - Itabs and interface conversions ----------------===//
///
/// \file
/// Itabs at run time, in the manner of gc's runtime/iface.go: a global
/// open-addressing table keyed by (interface, type) holds every itab the
/// program has used, seeded lazily with the static itabs codegen listed in
/// the origo_itabs section, so each pair has one itab (interface equality
/// compares itab pointers). A missing pair is built by merging the
/// interface's sorted method list with the type's sorted method table;
/// pairs that do not match are cached too (fun[0] == 0), so a failing
/// `v, ok := x.(I)` in a loop does not search again.
///
//===----------------------------------------------------------------------===//

#include "runtime/iface.h"

#include "runtime/error.h"
#include "runtime/panic.h"
#include "runtime/persistent_alloc.h"
#include "runtime/spinlock.h"
#include "runtime/type.h"

#include <string.h>

using namespace origo;
using namespace origo::rt;

// Defined by the linker for ORIGO_ITAB_SECTION; weak so that a program
// without static itabs links (both are then null).
extern "C" const abi::Itab *const __start_origo_itabs[] __attribute__((weak));
extern "C" const abi::Itab *const __stop_origo_itabs[] __attribute__((weak));

namespace {

/// Whether a method's signature is an interface method's: one descriptor
/// (types are unique in a program), or, for methods of the runtime's own
/// types (runtime.errorString's Error), which cannot name the program's
/// descriptors, an equal func type string.
bool sameSignature(const abi::Type *a, const abi::Type *b) {
  if (a == b) return true;
  if (!a || !b || (a->kind & abi::KindMask) != abi::KindFunc || (b->kind & abi::KindMask) != abi::KindFunc)
    return false;
  return a->str.len == b->str.len && memcmp(a->str.ptr, b->str.ptr, size_t(a->str.len)) == 0;
}

/// The cache, as gc's itabTable: a power-of-two array of itab pointers,
/// probed linearly, grown at 3/4 load into a new array. Readers take no
/// lock: they load the current array and its slots with acquire loads;
/// writers (under tableLock) fill a slot with a release store once the
/// itab is complete, and publish a grown array only once it holds every
/// entry. Arrays come from persistent memory and are never freed, so a
/// reader still probing an old one reads valid (if incomplete) data and
/// falls back to the locked path on a miss.
struct ItabArray {
  uintptr_t size, count;
  const abi::Itab *slots[1]; ///< size entries
};
ItabArray *current; ///< atomic: the array readers probe (null before seeding)
SpinLock tableLock;

uintptr_t pairHash(const abi::InterfaceType *inter, const abi::Type *typ) {
  return uintptr_t(inter->typ.hash) * 0x9e3779b1u ^ typ->hash;
}

const abi::Itab *lookup(const ItabArray *t, const abi::InterfaceType *inter, const abi::Type *typ) {
  uintptr_t mask = t->size - 1;
  for (uintptr_t i = pairHash(inter, typ) & mask;; i = (i + 1) & mask) {
    const abi::Itab *m = __atomic_load_n(&t->slots[i], __ATOMIC_ACQUIRE);
    if (!m)
      return nullptr;
    if (m->inter == inter && m->type == typ)
      return m;
  }
}

ItabArray *newArray(uintptr_t size) {
  size_t bytes = sizeof(ItabArray) + (size - 1) * sizeof(const abi::Itab *);
  auto *t = static_cast<ItabArray *>(persistentAlloc(bytes, alignof(ItabArray)));
  t->size = size;
  t->count = 0;
  return t;
}

/// Adds m to t (which has room); false if its pair is there already.
bool add(ItabArray *t, const abi::Itab *m) {
  uintptr_t mask = t->size - 1;
  uintptr_t i = pairHash(m->inter, m->type) & mask;
  while (const abi::Itab *o = t->slots[i]) {
    if (o->inter == m->inter && o->type == m->type)
      return false; // the same pair twice in the static list
    i = (i + 1) & mask;
  }
  __atomic_store_n(&t->slots[i], m, __ATOMIC_RELEASE);
  ++t->count;
  return true;
}

/// Adds m to the table (tableLock held), growing it first if need be.
void insert(const abi::Itab *m) {
  ItabArray *t = current;
  if ((t->count + 1) * 4 > t->size * 3) {
    ItabArray *bigger = newArray(t->size * 2);
    for (uintptr_t i = 0; i < t->size; ++i)
      if (t->slots[i])
        add(bigger, t->slots[i]);
    __atomic_store_n(&current, bigger, __ATOMIC_RELEASE);
    t = bigger;
  }
  add(t, m);
}

/// The first array, with the static itabs codegen listed (tableLock held).
void seed() {
  uintptr_t n = uintptr_t(__stop_origo_itabs - __start_origo_itabs);
  uintptr_t size = 64;
  while (n * 4 > size * 3)
    size *= 2;
  ItabArray *t = newArray(size);
  for (const abi::Itab *const *p = __start_origo_itabs; p && p < __stop_origo_itabs; ++p)
    add(t, *p);
  __atomic_store_n(&current, t, __ATOMIC_RELEASE);
}

/// Orders methods as UncommonType::methods are sorted: name, then pkgpath.
int compareNames(abi::GoString a, abi::GoString b) {
  int64_t n = a.len < b.len ? a.len : b.len;
  for (int64_t i = 0; i < n; ++i)
    if (a.ptr[i] != b.ptr[i])
      return a.ptr[i] < b.ptr[i] ? -1 : 1;
  return a.len < b.len ? -1 : a.len > b.len ? 1 : 0;
}

/// A new itab for the pair; fun[0] stays 0 when typ lacks a method, whose
/// name is then stored in *missing.
abi::Itab *build(const abi::InterfaceType *inter, const abi::Type *typ,
                 abi::GoString *missing) {
  uintptr_t n = inter->mcount;
  size_t bytes = sizeof(abi::Itab) + (n > 0 ? n - 1 : 0) * sizeof(void *);
  auto *m = static_cast<abi::Itab *>(persistentAlloc(bytes, alignof(abi::Itab)));
  m->inter = inter;
  m->type = typ;
  m->hash = typ->hash;
  const abi::Method *methods = typ->uncommon ? typ->uncommon->methods : nullptr;
  uintptr_t count = typ->uncommon ? typ->uncommon->mcount : 0;
  // Both lists are sorted the same way: one merge pass.
  uintptr_t j = 0;
  for (uintptr_t i = 0; i < n; ++i) {
    const abi::IMethod &im = inter->methods[i];
    void *fn = nullptr;
    for (; j < count; ++j) {
      const abi::Method &tm = methods[j];
      int c = compareNames(tm.name, im.name);
      if (c == 0)
        c = compareNames(tm.pkgpath, im.pkgpath);
      if (c > 0)
        break;
      if (c == 0) {
        if (sameSignature(tm.mtyp ? &tm.mtyp->typ : nullptr, im.typ ? &im.typ->typ : nullptr))
          fn = const_cast<void *>(tm.ifn);
        ++j;
        break;
      }
    }
    if (!fn) {
      m->fun[0] = nullptr;
      *missing = im.name;
      return m;
    }
    m->fun[i] = fn;
  }
  return m;
}

} // namespace

const abi::Itab *origo::rt::getitab(const abi::InterfaceType *inter,
                                    const abi::Type *typ, bool canfail) {
  const abi::Itab *m = nullptr;
  abi::GoString missing{nullptr, 0};
  if (const ItabArray *t = __atomic_load_n(&current, __ATOMIC_ACQUIRE))
    m = lookup(t, inter, typ);
  if (!m) {
    SpinLockGuard g(tableLock);
    if (!current)
      seed();
    m = lookup(current, inter, typ);
    if (!m) {
      m = build(inter, typ, &missing);
      insert(m);
    }
  }
  if (m->fun[0])
    return m;
  if (canfail)
    return nullptr;
  if (missing.len == 0) {
    // A cached negative entry: find the name again for the message.
    abi::GoString again{nullptr, 0};
    build(inter, typ, &again);
    missing = again;
  }
  panicTypeAssertion(nullptr, typ, &inter->typ, missing);
}

extern "C" {

const abi::Itab *goAssertE2I(const abi::InterfaceType *inter, const abi::Type *t) {
  if (!t)
    panicTypeAssertion(nullptr, nullptr, &inter->typ, {nullptr, 0});
  return getitab(inter, t, false);
}

const abi::Itab *goAssertE2I2(const abi::InterfaceType *inter, const abi::Type *t) {
  return t ? getitab(inter, t, true) : nullptr;
}

const abi::Itab *goAssertI2I(const abi::InterfaceType *inter, const abi::Itab *tab) {
  if (!tab)
    panicTypeAssertion(nullptr, nullptr, &inter->typ, {nullptr, 0});
  if (tab->inter == inter)
    return tab;
  return getitab(inter, tab->type, false);
}

const abi::Itab *goAssertI2I2(const abi::InterfaceType *inter, const abi::Itab *tab) {
  if (!tab)
    return nullptr;
  if (tab->inter == inter)
    return tab;
  return getitab(inter, tab->type, true);
}

const abi::Itab *goConvI2I(const abi::InterfaceType *inter, const abi::Itab *tab) {
  if (!tab)
    return nullptr;
  if (tab->inter == inter)
    return tab;
  return getitab(inter, tab->type, false);
}

void goPanicwrap(const uint8_t *pkg, int64_t pkglen, const uint8_t *type,
                 int64_t typelen, const uint8_t *method, int64_t methodlen) {
  abi::GoString p{pkg, pkglen}, t{type, typelen}, m{method, methodlen};
  panicPlainError(concat({lit("value method "), p, lit("."), t, lit("."), m,
                          lit(" called using nil *"), t, lit(" pointer")}));
}

} // extern "C"
