//===- linker/stackmap_script.cpp - Linker script for .llvm_stackmaps -----===//
///
/// \file
/// LLVM puts each object's stack maps in a section named .llvm_stackmaps.
/// That is not a C identifier, so the linker does not define __start_ /
/// __stop_ symbols for it; this script does, around the concatenation of
/// all objects' contributions, for the runtime's parser (runtime/stackmap.cpp).
/// INSERT makes it extend lld's default layout instead of replacing it.
/// KEEP guards the tables against --gc-sections, should it ever be used;
/// origo_funcs needs nothing here, since lld keeps sections whose
/// __start_/__stop_ symbols are referenced.
///
//===----------------------------------------------------------------------===//

#include "linker/link_steps.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace origo::linker {

bool writeStackMapScript(const std::string &path, std::string &err) {
  std::error_code ec;
  llvm::raw_fd_ostream out(path, ec, llvm::sys::fs::OF_Text);
  if (ec) {
    err = "cannot write " + path + ": " + ec.message();
    return false;
  }
  out << "SECTIONS {\n"
         "  .llvm_stackmaps : ALIGN(8) {\n"
         "    __start_llvm_stackmaps = .;\n"
         "    KEEP(*(.llvm_stackmaps))\n"
         "    __stop_llvm_stackmaps = .;\n"
         "  }\n"
         "} INSERT AFTER .rodata;\n";
  out.close();
  if (out.has_error()) {
    err = "cannot write " + path + ": " + out.error().message();
    out.clear_error();
    return false;
  }
  return true;
}

} // namespace origo::linker
