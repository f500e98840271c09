//===- linker/link.h - Linking Go programs with in-process lld --*- C++ -*-===//
///
/// \file
/// The linker stage's public interface: turns the object files of a
/// program's packages, its package init order and the runtime library into a
/// static ELF executable for linux/amd64 or linux/arm64, running lld inside
/// the compiler process.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_LINKER_LINK_H
#define ORIGO_LINKER_LINK_H

#include <string>
#include <vector>

namespace origo::linker {

/// Everything one link needs.
struct LinkJob {
  std::string arch;                   ///< "amd64" or "arm64"
  std::vector<std::string> objects;   ///< object files of the packages
  std::vector<std::string> initFuncs; ///< init symbols in run order
  std::string runtimeLib;             ///< libruntime.a for arch
  std::string workDir;                ///< scratch dir for generated inputs
  std::string output;                 ///< executable to write
};

/// Links a static, non-PIE executable: libc's start files, the objects, a
/// generated object defining origo_inittab (the null-terminated array of
/// initFuncs), the runtime, libstdc++, libm, libgcc and libc. The output is
/// reproducible: no build id, inputs in a fixed order. On failure returns
/// false with a one-line message in \p err (lld's first error, or what is
/// missing). Safe to call from several threads; links run one at a time.
bool link(const LinkJob &job, std::string &err);

/// The runtime library installed next to the driver:
/// <directory of the executable>/../lib/origo/<arch>/libruntime.a, where the
/// executable is found from \p argv0 (and /proc/self/exe).
std::string defaultRuntimeLib(const std::string &arch, const char *argv0);

} // namespace origo::linker

#endif // ORIGO_LINKER_LINK_H
