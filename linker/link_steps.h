//===- linker/link_steps.h - The steps of link(), one file each -*- C++ -*-===//
///
/// \file
/// Internal to the linker stage: link.cpp runs these in order.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_LINKER_LINK_STEPS_H
#define ORIGO_LINKER_LINK_STEPS_H

#include <string>
#include <vector>

namespace origo::linker {

/// What one target architecture links against besides Go code.
struct TargetLibs {
  std::string emulation; ///< lld -m value
  std::string triple;    ///< LLVM target triple for generated objects
  /// Start files before the program's objects and after them, and the
  /// system archives, all as absolute paths in link order.
  std::vector<std::string> startFiles, endFiles, archives;
};

/// Finds libc's and libgcc's files for \p arch ("amd64", "arm64"): the
/// newest gcc version directory that has them. Fails with a message naming
/// the first missing file.
bool findTargetLibs(const std::string &arch, TargetLibs &libs,
                    std::string &err);

/// Writes an object for \p triple that defines origo_inittab, the
/// null-terminated array of pointers to \p initFuncs (see runtime/abi.h).
bool writeInitTabObject(const std::string &triple,
                        const std::vector<std::string> &initFuncs,
                        const std::string &path, std::string &err);

/// Writes the linker script that brackets the concatenated .llvm_stackmaps
/// sections with __start_llvm_stackmaps / __stop_llvm_stackmaps.
bool writeStackMapScript(const std::string &path, std::string &err);

/// Runs lld's ELF driver in-process on \p args (without the program name).
/// On failure, \p err is lld's first error line.
bool runLLD(const std::vector<std::string> &args, std::string &err);

} // namespace origo::linker

#endif // ORIGO_LINKER_LINK_STEPS_H
