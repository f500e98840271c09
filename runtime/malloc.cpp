//===- runtime/malloc.cpp - heap allocation (bump allocator for now) ------===//
/// \file
/// Objects are carved from 64 MiB chunks of mmap'd memory; large objects
/// get their own mapping. Memory is never reused yet: there is no GC. Fresh
/// mappings are zero, so needzero costs nothing here.
//===----------------------------------------------------------------------===//
#include "runtime/malloc.h"

#include "runtime/abi.h"

#include "runtime/panic.h"

#include <stdint.h>
#include <sys/mman.h>

uintptr_t goZerobase = 0;

namespace origo::rt {

namespace {
constexpr size_t kChunk = 64 << 20;
constexpr size_t kLarge = 1 << 20;
uintptr_t next = 0, limit = 0;

void *mapOrDie(size_t n) {
  void *p = mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) fatal("out of memory");
  return p;
}
} // namespace

void *mallocgc(size_t size, bool needzero) {
  (void)needzero;
  if (size == 0)
    return &goZerobase;
  size_t align = size >= 16 ? 16 : 8;
  if (size >= kLarge) return mapOrDie((size + 4095) & ~size_t(4095));
  uintptr_t p = (next + align - 1) & ~uintptr_t(align - 1);
  if (next == 0 || p + size > limit) {
    next = reinterpret_cast<uintptr_t>(mapOrDie(kChunk));
    limit = next + kChunk;
    p = next;
  }
  next = p + size;
  return reinterpret_cast<void *>(p);
}

} // namespace origo::rt

extern "C" {

/// new(T) and the boxes of interface values: a zeroed object of t's size
/// (gc's newobject; t will tell the GC where the pointers are).
void *goNewobject(const origo::abi::Type *t) ORIGO_GO_NAME("runtime.newobject");
void *goNewobject(const origo::abi::Type *t) { return origo::rt::mallocgc(t->size, true); }

} // extern "C"
