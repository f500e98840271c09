//===- runtime/stackmap.h - Index of LLVM stack map records -----*- C++ -*-===//
///
/// \file
/// Codegen emits an llvm.experimental.stackmap (and later, statepoints) after
/// every call, so each object carries an .llvm_stackmaps section (LLVM stack
/// map format v3) with one record per call site. The linker brackets the
/// concatenated sections with __start_llvm_stackmaps / __stop_llvm_stackmaps.
/// This file turns them into one table of call sites sorted by return
/// address: tracebacks read the source line from a site's ID, and the GC will
/// read the live pointer locations from its record.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_STACKMAP_H
#define ORIGO_RUNTIME_STACKMAP_H

#include <stddef.h>
#include <stdint.h>

namespace origo::rt {

/// One stack map record: a call site in Go code.
struct CallSite {
  uintptr_t pc;        ///< absolute address: function entry + record offset
  uintptr_t funcEntry; ///< entry of the function containing the call
  uint64_t id;         ///< stack map ID (low 32 bits: source line)
  /// The raw v3 record (ID, offset, locations, live-outs) and the constant
  /// pool of its blob, for decoding locations (ConstantIndex refers to it).
  const uint8_t *record;
  const uint64_t *constants;

  uint32_t line() const { return static_cast<uint32_t>(id); }
};

/// All call sites of the program, sorted by pc (ties in section order).
/// Parsed on first use; a malformed section is a fatal error.
struct CallSiteTable {
  const CallSite *sites;
  size_t count;
};
const CallSiteTable &callSites();

/// Returns the first call site of the function at \p funcEntry whose pc is
/// >= \p pc, or null if the function has no call site at or after \p pc.
/// For a return address that is the site of that call (its record sits at
/// the return address, or just after when the backend placed a copy of the
/// result in between).
const CallSite *findCallSiteAtOrAfter(uintptr_t funcEntry, uintptr_t pc);

/// The source line for code address \p pc in the function at \p funcEntry:
/// the line of the site at exactly \p pc, else of the first site after it,
/// else of the function's last site; 0 if the function has no sites.
uint32_t lineForPC(uintptr_t funcEntry, uintptr_t pc);

} // namespace origo::rt

#endif // ORIGO_RUNTIME_STACKMAP_H
