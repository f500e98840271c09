//===- codegen/codegen.h - public interface of codegen/ ---------*- C++ -*-===//
/// \file
/// Lowers a package's SSA to LLVM IR, optimizes it with LLVM's new pass
/// manager and emits an object file for linux/amd64 or linux/arm64.
/// Go pointers are `ptr addrspace(1)` (non-integral), frame pointers are
/// kept, and every call is followed by a stack map record whose ID is the
/// call's source line, which the runtime uses for tracebacks (runtime/abi.h).
//===----------------------------------------------------------------------===//
#pragma once

#include "ssa/ssa.h"

#include <string>

namespace origo::codegen {

struct Options {
  std::string arch = "amd64"; ///< "amd64" or "arm64"
  bool optimize = true;       ///< false with -gcflags=-N: no LLVM optimization
};

/// The LLVM target triple for a GOARCH, or "" if unsupported.
std::string tripleFor(const std::string &arch);

/// Compiles pkg to an object file at path. On failure returns false with a
/// one-line message in err.
bool emitObject(const ssa::Package &pkg, const Options &opts, const std::string &path,
                std::string &err);

/// The optimized LLVM IR of pkg as text (`-stop-after=llvm`).
bool emitIR(const ssa::Package &pkg, const Options &opts, std::string &ir, std::string &err);

} // namespace origo::codegen
