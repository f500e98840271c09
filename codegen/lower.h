//===- codegen/lower.h - SSA to LLVM IR (private) ---------------*- C++ -*-===//
/// \file
/// The lowering of one SSA package into an llvm::Module. Private to codegen/.
//===----------------------------------------------------------------------===//
#pragma once

#include "ssa/ssa.h"

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <memory>
#include <string>
#include <vector>

namespace origo::codegen {

/// What the function tables need to know about each lowered function.
struct FuncInfo {
  std::string symbol; ///< LLVM function name (the Go link name)
  std::string file;   ///< absolute source path
  bool hasParams;
};

/// Builds the module for pkg; the data layout and triple must already be
/// set on m. Instructions carry line-table debug locations (a subprogram
/// per Go function) so that inlining can be traced back (funcmeta.cpp).
std::vector<FuncInfo> lowerPackage(const ssa::Package &pkg, llvm::Module &m);

/// After optimization: rewrites stack map IDs of calls that LLVM inlined
/// to refer to their inlined frames, emits the FuncMeta table in section
/// origo_funcs (runtime/abi.h), then strips the debug locations.
void emitFuncTables(llvm::Module &m, const std::vector<FuncInfo> &funcs);

} // namespace origo::codegen
