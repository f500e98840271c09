//===- codegen/lower_iface.cpp - interface ops to LLVM --------------------===//
/// \file
/// Lowers the SSA interface ops (ssa/ops.def: MakeIface, IfaceMake,
/// IfaceTab, IfaceData, IfaceType, IfaceCall). An interface value is the
/// LLVM struct `{ ptr addrspace(1), ptr addrspace(1) }`: the dynamic
/// type's descriptor or the itab (runtime/abi.h Eface, Iface), and the
/// data word. Method calls load fun[i] from the itab and pass the data
/// word as the receiver.
//===----------------------------------------------------------------------===//
#include "codegen/lower.h"

#include "runtime/abi.h"

#include <llvm/IR/Intrinsics.h>

#include <cstddef>

namespace origo::codegen {

using ssa::Op;

llvm::Value *lowerIfaceOp(llvm::IRBuilder<> &b, llvm::Module &m, const ssa::Value *v,
                          const std::vector<llvm::Value *> &args, llvm::Type *resultTy) {
  llvm::LLVMContext &ctx = m.getContext();
  llvm::PointerType *ptr = llvm::PointerType::get(ctx, 0), *gcptr = llvm::PointerType::get(ctx, 1);
  llvm::Type *i8 = llvm::Type::getInt8Ty(ctx), *i64 = llvm::Type::getInt64Ty(ctx);
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
  case Op::IfaceCall: {
    llvm::Value *tab = b.CreateExtractValue(args[0], {0});
    llvm::Value *slot = b.CreateGEP(i8, tab, b.getInt64(offsetof(abi::Itab, fun) + 8 * uint64_t(v->auxInt)));
    llvm::LoadInst *fn = b.CreateLoad(ptr, slot);
    fn->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(ctx, {}));
    std::vector<llvm::Value *> cargs{b.CreateExtractValue(args[0], {1})};
    std::vector<llvm::Type *> ps{gcptr};
    for (size_t i = 1; i < args.size(); ++i) {
      cargs.push_back(args[i]);
      ps.push_back(args[i]->getType());
    }
    llvm::CallInst *c = b.CreateCall(llvm::FunctionType::get(resultTy, ps, false), fn, cargs);
    for (unsigned i = 1; i < cargs.size(); ++i)
      if (ps[i]->isIntegerTy(1)) c->addParamAttr(i, llvm::Attribute::ZExt);
    if (resultTy->isIntegerTy(1)) c->addRetAttr(llvm::Attribute::ZExt);
    llvm::Function *sm = llvm::Intrinsic::getDeclaration(&m, llvm::Intrinsic::experimental_stackmap);
    b.CreateCall(sm, {llvm::ConstantInt::get(i64, v->pos.line & abi::StackMapLineMask), b.getInt32(0)});
    return c;
  }
  default:
    return nullptr;
  }
}

} // namespace origo::codegen
