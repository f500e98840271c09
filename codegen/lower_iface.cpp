//===- codegen/lower_iface.cpp - interface ops to LLVM --------------------===//
/// \file
/// Lowers the SSA interface ops (ssa/ops.def: MakeIface, IfaceMake,
/// IfaceTab, IfaceData, IfaceType; IfaceCall's callee). An interface value is the
/// LLVM struct `{ ptr addrspace(1), ptr addrspace(1) }`: the dynamic
/// type's descriptor or the itab (runtime/abi.h Eface, Iface), and the
/// data word. Method calls load fun[i] from the itab and pass the data
/// word as the receiver.
//===----------------------------------------------------------------------===//
#include "codegen/lower.h"

#include "runtime/abi.h"

#include <cstddef>

namespace origo::codegen {

using ssa::Op;

llvm::Value *lowerIfaceOp(llvm::IRBuilder<> &b, llvm::Module &m, const ssa::Value *v,
                          const std::vector<llvm::Value *> &args, llvm::Type *resultTy) {
  llvm::LLVMContext &ctx = m.getContext();
  llvm::PointerType *gcptr = llvm::PointerType::get(ctx, 1);
  llvm::Type *i8 = llvm::Type::getInt8Ty(ctx);
  auto make = [&](llvm::Value *tab, llvm::Value *data) {
    llvm::Value *x = llvm::UndefValue::get(resultTy);
    x = b.CreateInsertValue(x, tab, {0});
    return b.CreateInsertValue(x, data, {1});
  };
  switch (v->op) {
  case Op::MakeIface: {
    bool empty = types::interfaceMethods(v->type).empty();
    llvm::GlobalVariable *tab = empty ? typeDescriptor(m, v->auxType) : itab(m, v->type, v->auxType);
    return make(b.CreateAddrSpaceCast(tab, gcptr), args[0]);
  }
  case Op::IfaceMake:
    return make(args[0], args[1]);
  case Op::IfaceTab:
    return b.CreateExtractValue(args[0], {0});
  case Op::IfaceData:
    return b.CreateExtractValue(args[0], {1});
  case Op::IfaceType: {
    llvm::Value *tab = b.CreateExtractValue(args[0], {0});
    if (types::interfaceMethods(v->args[0]->type).empty()) return tab;
    // itab->type, read from runtime.zeroVal's zero bytes when the itab
    // is null, so that no branch is needed.
    llvm::Value *zero = b.CreateAddrSpaceCast(m.getOrInsertGlobal("runtime.zeroVal", llvm::ArrayType::get(i8, abi::MapMaxZero)), gcptr);
    llvm::Value *base = b.CreateSelect(b.CreateIsNull(tab), zero, tab);
    llvm::LoadInst *l = b.CreateLoad(gcptr, b.CreateGEP(i8, base, b.getInt64(offsetof(abi::Itab, type))));
    l->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(ctx, {}));
    return l;
  }
  default:
    return nullptr;
  }
}

llvm::Value *itabFun(llvm::IRBuilder<> &b, llvm::Value *iface, int64_t index) {
  llvm::LLVMContext &ctx = b.getContext();
  llvm::Value *tab = b.CreateExtractValue(iface, {0});
  llvm::Value *slot = b.CreateGEP(llvm::Type::getInt8Ty(ctx), tab, b.getInt64(offsetof(abi::Itab, fun) + 8 * uint64_t(index)));
  llvm::LoadInst *fn = b.CreateLoad(llvm::PointerType::get(ctx, 0), slot);
  fn->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(ctx, {}));
  return fn;
}

} // namespace origo::codegen
