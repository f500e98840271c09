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

/// The type descriptor of t (runtime/abi.h Type), emitted once per module
/// in a comdat keyed by the type's symbol ("type:main.T") so that a linked
/// program holds one per type. Basic types and types defined on them
/// (without methods) for now; returns nullptr for any other type.
llvm::GlobalVariable *typeDescriptor(llvm::Module &m, const types::Type *t);

/// After optimization: rewrites stack map IDs of calls that LLVM inlined
/// to refer to their inlined frames, emits the FuncMeta table in section
/// origo_funcs (runtime/abi.h), then strips the debug locations.
void emitFuncTables(llvm::Module &m, const std::vector<FuncInfo> &funcs);

} // namespace origo::codegen
