//===- codegen/lower.h - SSA to LLVM IR (private) ---------------*- C++ -*-===//
/// \file
/// The lowering of one SSA package into an llvm::Module. Private to codegen/.
//===----------------------------------------------------------------------===//
#pragma once

#include "ssa/ssa.h"

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <memory>

namespace origo::codegen {

/// Builds the module for pkg; the data layout and triple must already be
/// set on m.
void lowerPackage(const ssa::Package &pkg, llvm::Module &m);

} // namespace origo::codegen
