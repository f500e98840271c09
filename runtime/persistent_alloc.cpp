//===- runtime/persistent_alloc.cpp - Never-freed runtime memory ----------===//
///
/// \file
/// A bump allocator over 256 KiB mmap chunks; requests larger than a quarter
/// chunk get their own mapping so that they do not waste a chunk's tail.
///
//===----------------------------------------------------------------------===//

#include "runtime/persistent_alloc.h"
#include "runtime/panic.h"
#include "runtime/spinlock.h"

#include <stdint.h>
#include <sys/mman.h>

namespace origo::rt {
namespace {

constexpr size_t ChunkSize = 256 << 10;

SpinLock allocLock;
uintptr_t chunkPos = 0, chunkEnd = 0;

void *mapOrDie(size_t size) {
  void *p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    fatal("out of memory allocating runtime metadata");
  return p; // Fresh anonymous mappings are zeroed.
}

} // namespace

void *persistentAlloc(size_t size, size_t align) {
  if (size == 0)
    size = 1;
  if (size > ChunkSize / 4)
    return mapOrDie(size);
  SpinLockGuard g(allocLock);
  uintptr_t p = (chunkPos + align - 1) & ~(uintptr_t)(align - 1);
  if (chunkPos == 0 || p + size > chunkEnd) {
    chunkPos = reinterpret_cast<uintptr_t>(mapOrDie(ChunkSize));
    chunkEnd = chunkPos + ChunkSize;
    p = chunkPos; // mmap results are page aligned.
  }
  chunkPos = p + size;
  return reinterpret_cast<void *>(p);
}

} // namespace origo::rt
