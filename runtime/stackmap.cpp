//===- runtime/stackmap.cpp - Parser for LLVM stack map v3 sections -------===//
///
/// \file
/// Reads the concatenated .llvm_stackmaps blobs of all objects, following
/// https://llvm.org/docs/StackMaps.html (version 3):
///
///   header:    u8 version (3), u8 0, u16 0
///              u32 NumFunctions, u32 NumConstants, u32 NumRecords
///   functions: {u64 address, u64 stack size, u64 record count} x NumFunctions
///   constants: u64 x NumConstants
///   records:   u64 ID, u32 instruction offset, u16 flags, u16 NumLocations,
///              {u8 type, u8 0, u16 size, u16 dwarf reg, u16 0, i32 offset}
///                x NumLocations,
///              pad to 8, u16 0, u16 NumLiveOuts,
///              {u16 dwarf reg, u8 0, u8 size} x NumLiveOuts, pad to 8
///
/// The records of a blob belong to its functions in order: the first
/// function's record count of them to the first function, and so on.
///
//===----------------------------------------------------------------------===//

#include "runtime/stackmap.h"
#include "runtime/once.h"
#include "runtime/panic.h"
#include "runtime/persistent_alloc.h"

#include <algorithm>
#include <string.h>

// Defined by the linker script of the linker stage around .llvm_stackmaps;
// weak so that the runtime links without it (and then sees no call sites).
extern "C" const uint8_t __start_llvm_stackmaps[] __attribute__((weak));
extern "C" const uint8_t __stop_llvm_stackmaps[] __attribute__((weak));

namespace origo::rt {
namespace {

constexpr uint8_t StackMapVersion = 3;
constexpr size_t FunctionSize = 24, LocationSize = 12, LiveOutSize = 4;

/// Bounds-checked little-endian reader over one section.
class Reader {
public:
  Reader(const uint8_t *p, const uint8_t *end) : p(p), end(end) {}

  const uint8_t *pos() const { return p; }
  bool atEnd() const { return p >= end; }
  void need(size_t n) const {
    if (static_cast<size_t>(end - p) < n)
      fatal("runtime: truncated stack map section");
  }
  template <typename T> T read() {
    need(sizeof(T));
    T v;
    memcpy(&v, p, sizeof v); // Blobs are 8-aligned; memcpy avoids assuming it.
    p += sizeof v;
    return v;
  }
  void skip(size_t n) {
    need(n);
    p += n;
  }
  void alignTo8(const uint8_t *base) {
    size_t off = static_cast<size_t>(p - base);
    skip(((off + 7) & ~size_t(7)) - off);
  }

private:
  const uint8_t *p, *end;
};

/// Visits every record of every blob as (function address, record start,
/// instruction offset, ID, constant pool). Used twice: once to count, once
/// to fill the table, so no growable container is needed.
template <typename F> void forEachRecord(F visit) {
  const uint8_t *begin = __start_llvm_stackmaps, *end = __stop_llvm_stackmaps;
  if (!begin || end <= begin)
    return;
  Reader r(begin, end);
  while (!r.atEnd()) {
    const uint8_t *blob = r.pos();
    // Sections are 8-aligned and sized in 8-byte units, but tolerate zero
    // padding between two objects' contributions.
    if (*blob == 0) {
      r.skip(1);
      continue;
    }
    if (r.read<uint8_t>() != StackMapVersion)
      fatal("runtime: unsupported stack map version");
    r.skip(3);
    uint32_t numFunctions = r.read<uint32_t>();
    uint32_t numConstants = r.read<uint32_t>();
    uint32_t numRecords = r.read<uint32_t>();
    const uint8_t *functions = r.pos();
    r.skip(size_t(numFunctions) * FunctionSize);
    auto *constants = reinterpret_cast<const uint64_t *>(r.pos());
    r.skip(size_t(numConstants) * 8);
    uint32_t seen = 0;
    for (uint32_t f = 0; f < numFunctions; ++f) {
      Reader fr(functions + size_t(f) * FunctionSize, r.pos());
      uint64_t address = fr.read<uint64_t>();
      fr.skip(8); // stack size: frames are walked by frame pointer
      uint64_t recordCount = fr.read<uint64_t>();
      for (uint64_t i = 0; i < recordCount; ++i, ++seen) {
        if (seen >= numRecords)
          fatal("runtime: stack map record count mismatch");
        const uint8_t *record = r.pos();
        uint64_t id = r.read<uint64_t>();
        uint32_t offset = r.read<uint32_t>();
        r.skip(2);
        uint16_t numLocations = r.read<uint16_t>();
        r.skip(size_t(numLocations) * LocationSize);
        r.alignTo8(blob);
        r.skip(2);
        uint16_t numLiveOuts = r.read<uint16_t>();
        r.skip(size_t(numLiveOuts) * LiveOutSize);
        r.alignTo8(blob);
        visit(uintptr_t(address), record, offset, id, constants);
      }
    }
    if (seen != numRecords)
      fatal("runtime: stack map record count mismatch");
  }
}

Once tableOnce;
CallSiteTable table = {nullptr, 0};

void buildTable() {
  size_t n = 0;
  forEachRecord([&](uintptr_t, const uint8_t *, uint32_t, uint64_t,
                    const uint64_t *) { ++n; });
  CallSite *sites = persistentAllocArray<CallSite>(n);
  size_t i = 0;
  forEachRecord([&](uintptr_t func, const uint8_t *record, uint32_t offset,
                    uint64_t id, const uint64_t *constants) {
    sites[i++] = CallSite{func + offset, func, id, record, constants};
  });
  // Ties (two records at one pc) keep section order. Not std::stable_sort:
  // it allocates through operator new, which the runtime does not use.
  std::sort(sites, sites + n, [](const CallSite &a, const CallSite &b) {
    return a.pc != b.pc ? a.pc < b.pc : a.record < b.record;
  });
  table = CallSiteTable{sites, n};
}

} // namespace

const CallSiteTable &callSites() {
  tableOnce.run(buildTable);
  return table;
}

const CallSite *findCallSiteAtOrAfter(uintptr_t funcEntry, uintptr_t pc) {
  const CallSiteTable &t = callSites();
  const CallSite *end = t.sites + t.count;
  const CallSite *it = std::lower_bound(
      t.sites, end, pc,
      [](const CallSite &s, uintptr_t pc) { return s.pc < pc; });
  // Functions occupy disjoint address ranges, so the sites of one function
  // are contiguous in pc order; the next site may already be another's.
  if (it == end || it->funcEntry != funcEntry)
    return nullptr;
  return it;
}

uint32_t lineForPC(uintptr_t funcEntry, uintptr_t pc) {
  if (const CallSite *s = findCallSiteAtOrAfter(funcEntry, pc))
    return s->line();
  // Past the function's last site: use the last site at or before pc.
  const CallSiteTable &t = callSites();
  const CallSite *it = std::upper_bound(
      t.sites, t.sites + t.count, pc,
      [](uintptr_t pc, const CallSite &s) { return pc < s.pc; });
  if (it != t.sites && (it - 1)->funcEntry == funcEntry)
    return (it - 1)->line();
  return 0;
}

} // namespace origo::rt
