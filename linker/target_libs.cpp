//===- linker/target_libs.cpp - libc and libgcc files per target ----------===//
///
/// \file
/// Where Debian installs what a static Go program links against: glibc's
/// start files and archives, and gcc's crtbeginT.o/crtend.o, libgcc,
/// libgcc_eh (the Itanium unwinder) and libstdc++. amd64 uses the host's
/// multiarch directories; arm64 the cross packages (libc6-dev-arm64-cross,
/// libgcc-12-dev-arm64-cross). The gcc version directory is found by
/// listing, so a newer gcc works without a code change.
///
//===----------------------------------------------------------------------===//

#include "linker/link_steps.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace origo::linker {
namespace {

struct TargetDirs {
  const char *emulation, *triple, *libcDir, *gccParent;
};

const TargetDirs *dirsFor(const std::string &arch) {
  static const TargetDirs amd64 = {"elf_x86_64", "x86_64-unknown-linux-gnu",
                                   "/usr/lib/x86_64-linux-gnu",
                                   "/usr/lib/gcc/x86_64-linux-gnu"};
  static const TargetDirs arm64 = {"aarch64linux", "aarch64-unknown-linux-gnu",
                                   "/usr/aarch64-linux-gnu/lib",
                                   "/usr/lib/gcc-cross/aarch64-linux-gnu"};
  if (arch == "amd64")
    return &amd64;
  if (arch == "arm64")
    return &arm64;
  return nullptr;
}

/// Compares version directory names ("9", "12", "12.2") numerically.
bool versionLess(const std::string &a, const std::string &b) {
  llvm::SmallVector<llvm::StringRef, 4> pa, pb;
  llvm::StringRef(a).split(pa, '.');
  llvm::StringRef(b).split(pb, '.');
  for (size_t i = 0; i < std::min(pa.size(), pb.size()); ++i) {
    unsigned va = 0, vb = 0;
    pa[i].getAsInteger(10, va);
    pb[i].getAsInteger(10, vb);
    if (va != vb)
      return va < vb;
  }
  return pa.size() < pb.size();
}

/// The newest version directory under \p parent holding crtbeginT.o.
std::string findGccDir(const std::string &parent) {
  std::vector<std::string> versions;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(parent, ec), end; it != end && !ec;
       it.increment(ec)) {
    llvm::SmallString<256> crt(it->path());
    llvm::sys::path::append(crt, "crtbeginT.o");
    if (llvm::sys::fs::exists(crt))
      versions.push_back(llvm::sys::path::filename(it->path()).str());
  }
  if (versions.empty())
    return "";
  std::sort(versions.begin(), versions.end(), versionLess);
  return parent + "/" + versions.back();
}

} // namespace

bool findTargetLibs(const std::string &arch, TargetLibs &libs,
                    std::string &err) {
  const TargetDirs *dirs = dirsFor(arch);
  if (!dirs) {
    err = "unsupported architecture '" + arch + "' (want amd64 or arm64)";
    return false;
  }
  std::string gcc = findGccDir(dirs->gccParent);
  if (gcc.empty()) {
    err = std::string("cannot find gcc's crtbeginT.o for ") + arch +
          " under " + dirs->gccParent;
    return false;
  }
  std::string libc = dirs->libcDir;
  libs.emulation = dirs->emulation;
  libs.triple = dirs->triple;
  libs.startFiles = {libc + "/crt1.o", libc + "/crti.o", gcc + "/crtbeginT.o"};
  libs.endFiles = {gcc + "/crtend.o", libc + "/crtn.o"};
  // libstdc++ and libm before the group; libgcc_eh and libc refer to each
  // other (the unwinder needs dl_iterate_phdr, libc needs unwinding for
  // pthread_cancel), hence the group.
  libs.archives = {gcc + "/libstdc++.a", libc + "/libm.a", "--start-group",
                   gcc + "/libgcc.a",    gcc + "/libgcc_eh.a", libc + "/libc.a",
                   "--end-group"};
  for (const auto *list : {&libs.startFiles, &libs.endFiles, &libs.archives})
    for (const std::string &f : *list)
      if (f[0] == '/' && !llvm::sys::fs::exists(f)) {
        err = "cannot find " + f + " (needed to link for " + arch + ")";
        return false;
      }
  return true;
}

} // namespace origo::linker
