//===- codegen/lower.h - SSA to LLVM IR (private) ---------------*- C++ -*-===//
/// \file
/// The lowering of one SSA package into an llvm::Module. Private to codegen/.
//===----------------------------------------------------------------------===//
#pragma once

#include "ssa/ssa.h"

#include <llvm/IR/IRBuilder.h>
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
  /// The LLVM function holding the code when insertStackChecks moved it
  /// into a body behind a checking wrapper ("": symbol itself).
  std::string code = "";
};

/// Builds the module for pkg; the data layout and triple must already be
/// set on m. Instructions carry line-table debug locations (a subprogram
/// per Go function) so that inlining can be traced back (funcmeta.cpp).
std::vector<FuncInfo> lowerPackage(const ssa::Package &pkg, llvm::Module &m);

/// The type descriptor of t (runtime/abi.h Type and its kind's extension),
/// emitted once per module in a comdat keyed by the type's symbol
/// ("type:main.T", "type:[]main.T": package paths) so that a linked
/// program holds one per type.
llvm::GlobalVariable *typeDescriptor(llvm::Module &m, const types::Type *t);

/// The itab of concrete type `concrete` for interface type `iface`
/// (runtime/abi.h Itab; symbol "go:itab.main.T,main.I"), its fun[] in the
/// order of types::interfaceMethods(iface), in a comdat, and listed in
/// section origo_itabs for the runtime. concrete must implement iface.
llvm::GlobalVariable *itab(llvm::Module &m, const types::Type *iface, const types::Type *concrete);

/// The symbol an itab of t calls for method e of t's method set
/// (types::methodSetOf; Method::ifn): takes the interface's data word as
/// receiver. pkg.T.m itself for a pointer-shaped T; pkg.(*T).m otherwise
/// (m itself, or a wrapper ssa/wrappers.cpp makes for a value or promoted
/// method); "" when that wrapper does not exist.
std::string methodIfnName(const types::Type *t, const types::MethodSetEntry &e);

/// Lowers an interface op (MakeIface, IfaceMake, IfaceTab, IfaceData,
/// IfaceType; lower_iface.cpp) at b's insertion point, given
/// its lowered arguments and result type (an interface is LLVM
/// `{ ptr addrspace(1), ptr addrspace(1) }`).
/// Calls of functions gc implements in assembly or as intrinsics
/// (intrinsics.cpp): true when the call to name was lowered inline
/// (result: its value, or null for none); false otherwise, with redirect
/// set when the call goes to another Go function of the same signature.
bool lowerIntrinsicCall(llvm::IRBuilder<> &b, llvm::Module &m, const std::string &name,
                        llvm::ArrayRef<llvm::Value *> args, llvm::Type *resultTy, llvm::Value *&result,
                        std::string &redirect);

/// Whether calls to name are lowered by lowerIntrinsicCall (inline or
/// redirected).
bool isIntrinsic(const std::string &name);

llvm::Value *lowerIfaceOp(llvm::IRBuilder<> &b, llvm::Module &m, const ssa::Value *v,
                          const std::vector<llvm::Value *> &args, llvm::Type *resultTy);

/// The code pointer fun[index] of the itab of (non-nil) interface value
/// iface, for IfaceCall.
llvm::Value *itabFun(llvm::IRBuilder<> &b, llvm::Value *iface, int64_t index);

/// After optimization: gives every Go function of funcs its stack check
/// (stack_check.cpp; runtime/stack.h): the function's stack pointer against
/// the running G's stackguard0, and on the cold path the call again on a
/// new segment through runtime.morestack, origo_morestack_switch and a
/// thunk. Functions whose frame may exceed the runtime's slack are split
/// into a checking wrapper and a body (FuncInfo::code).
void insertStackChecks(llvm::Module &m, std::vector<FuncInfo> &funcs);

/// After optimization: rewrites stack map IDs of calls that LLVM inlined
/// to refer to their inlined frames, emits the FuncMeta table in section
/// origo_funcs (runtime/abi.h), then strips the debug locations.
void emitFuncTables(llvm::Module &m, const std::vector<FuncInfo> &funcs);

} // namespace origo::codegen
