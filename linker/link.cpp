//===- linker/link.cpp - Linking Go programs with in-process lld ----------===//
///
/// \file
/// link(): generates the per-program inputs (init table object, stack map
/// linker script) in the work directory, then runs lld with every input in a
/// fixed order, so that equal jobs give byte-identical executables.
///
//===----------------------------------------------------------------------===//

#include "linker/link.h"
#include "linker/link_steps.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace origo::linker {

bool link(const LinkJob &job, std::string &err) {
  TargetLibs libs;
  if (!findTargetLibs(job.arch, libs, err))
    return false;
  if (!llvm::sys::fs::exists(job.runtimeLib)) {
    err = "cannot find runtime library " + job.runtimeLib;
    return false;
  }
  if (std::error_code ec = llvm::sys::fs::create_directories(job.workDir)) {
    err = "cannot create " + job.workDir + ": " + ec.message();
    return false;
  }

  std::string initTab = job.workDir + "/origo_inittab.o";
  std::string script = job.workDir + "/origo_stackmaps.ld";
  if (!writeInitTabObject(libs.triple, job.initFuncs, initTab, err) ||
      !writeStackMapScript(script, err))
    return false;

  // --eh-frame-hdr: the unwinder finds the frame descriptions of a static
  // executable through PT_GNU_EH_FRAME (panics unwind Go frames).
  std::vector<std::string> args = {
      "-m", libs.emulation, "-static", "--no-pie", "--build-id=none", "--eh-frame-hdr",
      "-o", job.output,     "-T",      script};
  args.insert(args.end(), libs.startFiles.begin(), libs.startFiles.end());
  args.insert(args.end(), job.objects.begin(), job.objects.end());
  args.push_back(initTab);
  // Whole: a runtime definition must win over a package's weak stand-in
  // for the same symbol (ssa asmStub), which an archive member would
  // otherwise not be pulled in for.
  args.push_back("--whole-archive");
  args.push_back(job.runtimeLib);
  args.push_back("--no-whole-archive");
  args.insert(args.end(), libs.archives.begin(), libs.archives.end());
  args.insert(args.end(), libs.endFiles.begin(), libs.endFiles.end());
  return runLLD(args, err);
}

std::string defaultRuntimeLib(const std::string &arch, const char *argv0) {
  // Any function of this binary tells getMainExecutable which one it is
  // when /proc/self/exe is unavailable.
  std::string exe = llvm::sys::fs::getMainExecutable(
      argv0, reinterpret_cast<void *>(&defaultRuntimeLib));
  llvm::SmallString<256> path(llvm::sys::path::parent_path(exe));
  llvm::sys::path::append(path, "..", "lib", "origo", arch);
  llvm::sys::path::append(path, "libruntime.a");
  llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
  return path.str().str();
}

} // namespace origo::linker
