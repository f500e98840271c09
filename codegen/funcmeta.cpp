//===- codegen/funcmeta.cpp - function tables for the runtime -------------===//
/// \file
/// After optimization, each call in a Go function gets its stack map
/// record (insertStackMaps) and each Go function a FuncMeta entry (runtime/
/// abi.h) in section origo_funcs: entry, name, file, flags and the frames
/// LLVM inlined into it. A stack map call whose debug location says it was
/// inlined gets an ID naming its innermost inlined frame, and the line of
/// the outermost call site, so tracebacks print inlined frames as gc does
/// (`main.div(...)` then the caller). The line-table debug locations are
/// then stripped; DWARF for debuggers is a later feature.
//===----------------------------------------------------------------------===//
#include "codegen/lower.h"

#include "runtime/abi.h"

#include <llvm/IR/Constants.h>
#include <llvm/IR/DebugInfo.h>
#include <llvm/IR/DebugInfoMetadata.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/IntrinsicInst.h>

#include <map>
#include <tuple>

namespace origo::codegen {

namespace {

struct Frame {
  std::string name, file;
  uint32_t line;
  int32_t parent;
};

/// Puts `llvm.experimental.stackmap(line, 0)` right after every call of f
/// (for an invoke, first thing on its normal path), with the call's debug
/// location: the runtime maps a return address to the first stack map
/// record at or after it (runtime/stackmap.cpp). Done after optimization,
/// so that the stack maps, calls LLVM knows nothing about, do not keep it
/// from moving memory operations across them; intrinsics are not calls.
void insertStackMaps(llvm::Function &f) {
  std::vector<llvm::CallBase *> calls;
  for (llvm::BasicBlock &bb : f)
    for (llvm::Instruction &inst : bb)
      if (auto *c = llvm::dyn_cast<llvm::CallBase>(&inst))
        if (!llvm::isa<llvm::IntrinsicInst>(c) && !c->isInlineAsm()) calls.push_back(c);
  if (calls.empty()) return;
  llvm::Module &m = *f.getParent();
  llvm::LLVMContext &ctx = m.getContext();
  llvm::Function *sm = llvm::Intrinsic::getDeclaration(&m, llvm::Intrinsic::experimental_stackmap);
  llvm::Type *i64 = llvm::Type::getInt64Ty(ctx);
  for (llvm::CallBase *c : calls) {
    llvm::BasicBlock::iterator at;
    if (auto *inv = llvm::dyn_cast<llvm::InvokeInst>(c)) {
      llvm::BasicBlock *dest = inv->getNormalDest();
      if (!dest->getSinglePredecessor()) {
        // A block of its own on this edge, placed right after the call.
        llvm::BasicBlock *from = inv->getParent();
        auto *nb = llvm::BasicBlock::Create(ctx, "", &f, from->getNextNode());
        llvm::BranchInst::Create(dest, nb);
        inv->setNormalDest(nb);
        dest->replacePhiUsesWith(from, nb);
        dest = nb;
      }
      at = dest->getFirstInsertionPt();
    } else {
      at = std::next(c->getIterator());
    }
    const llvm::DebugLoc &loc = c->getDebugLoc();
    uint64_t line = loc ? loc->getLine() : 0;
    auto *s = llvm::CallInst::Create(sm, {llvm::ConstantInt::get(i64, line & origo::abi::StackMapLineMask),
                                          llvm::ConstantInt::get(llvm::Type::getInt32Ty(ctx), 0)},
                                     "", at);
    s->setDebugLoc(loc);
  }
}

/// Assigns inline frames for the stack map calls of f; returns the table.
std::vector<Frame> rewriteInlinedIDs(llvm::Function &f) {
  std::vector<Frame> frames;
  std::map<std::tuple<const llvm::DISubprogram *, unsigned, int32_t>, int32_t> index;
  for (llvm::BasicBlock &bb : f)
    for (llvm::Instruction &inst : bb) {
      auto *call = llvm::dyn_cast<llvm::IntrinsicInst>(&inst);
      if (!call || call->getIntrinsicID() != llvm::Intrinsic::experimental_stackmap) continue;
      const llvm::DILocation *loc = call->getDebugLoc().get();
      if (!loc || !loc->getInlinedAt()) continue;
      // The chain from the innermost inlined location out to f itself.
      std::vector<const llvm::DILocation *> chain;
      const llvm::DILocation *l = loc;
      for (; l->getInlinedAt(); l = l->getInlinedAt()) chain.push_back(l);
      uint32_t outerLine = l->getLine();
      int32_t parent = -1;
      for (size_t i = chain.size(); i-- > 0;) {
        const llvm::DISubprogram *sp = chain[i]->getScope()->getSubprogram();
        auto key = std::make_tuple(sp, chain[i]->getLine(), parent);
        auto it = index.find(key);
        if (it == index.end()) {
          frames.push_back({sp ? sp->getName().str() : "?", sp ? sp->getFilename().str() : "?",
                            chain[i]->getLine(), parent});
          it = index.emplace(key, int32_t(frames.size() - 1)).first;
        }
        parent = it->second;
      }
      uint64_t id = uint64_t(outerLine) | (uint64_t(parent + 1) << origo::abi::StackMapInlineShift);
      call->setArgOperand(0, llvm::ConstantInt::get(call->getArgOperand(0)->getType(), id));
    }
  return frames;
}

} // namespace

void emitFuncTables(llvm::Module &m, const std::vector<FuncInfo> &funcs) {
  llvm::LLVMContext &ctx = m.getContext();
  llvm::PointerType *ptr = llvm::PointerType::get(ctx, 0);
  llvm::Type *i64 = llvm::Type::getInt64Ty(ctx), *i32 = llvm::Type::getInt32Ty(ctx);
  std::map<std::string, llvm::Constant *> strings;
  auto cstr = [&](const std::string &s) -> llvm::Constant * {
    llvm::Constant *&c = strings[s];
    if (c) return c;
    llvm::Constant *data = llvm::ConstantDataArray::getString(ctx, s, true);
    auto *g = new llvm::GlobalVariable(m, data->getType(), true, llvm::GlobalValue::PrivateLinkage, data,
                                       "go.funcname");
    g->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
    g->setAlignment(llvm::Align(1));
    return c = g;
  };
  // struct InlineFrame { const char *name, *file; uint32_t line; int32_t parent; }
  llvm::StructType *frameTy = llvm::StructType::get(ctx, {ptr, ptr, i32, i32});
  // struct FuncMeta { entry, name, file, flags, inl, ninl }
  llvm::StructType *metaTy = llvm::StructType::get(ctx, {ptr, ptr, ptr, i64, ptr, i64});
  std::vector<llvm::Constant *> elems;
  for (const FuncInfo &fi : funcs) {
    llvm::Function *f = m.getFunction(fi.code.empty() ? fi.symbol : fi.code);
    if (!f || f->isDeclaration()) continue;
    insertStackMaps(*f);
    std::vector<Frame> frames = rewriteInlinedIDs(*f);
    llvm::Constant *inl = llvm::ConstantPointerNull::get(ptr);
    if (!frames.empty()) {
      std::vector<llvm::Constant *> fs;
      for (const Frame &fr : frames)
        fs.push_back(llvm::ConstantStruct::get(
            frameTy, {cstr(fr.name), cstr(fr.file), llvm::ConstantInt::get(i32, fr.line),
                      llvm::ConstantInt::getSigned(i32, fr.parent)}));
      llvm::ArrayType *at = llvm::ArrayType::get(frameTy, fs.size());
      inl = new llvm::GlobalVariable(m, at, true, llvm::GlobalValue::PrivateLinkage,
                                     llvm::ConstantArray::get(at, fs), "go.inlframes");
    }
    elems.push_back(llvm::ConstantStruct::get(
        metaTy, {f, cstr(fi.symbol), cstr(fi.file),
                 llvm::ConstantInt::get(i64, fi.hasParams ? origo::abi::FuncHasParams : 0), inl,
                 llvm::ConstantInt::get(i64, frames.size())}));
  }
  llvm::StripDebugInfo(m);
  if (elems.empty()) return;
  llvm::ArrayType *at = llvm::ArrayType::get(metaTy, elems.size());
  auto *table = new llvm::GlobalVariable(m, at, true, llvm::GlobalValue::InternalLinkage,
                                         llvm::ConstantArray::get(at, elems), "origo.funcmeta");
  table->setSection(ORIGO_FUNCMETA_SECTION);
  table->setAlignment(llvm::Align(8));
  // Nothing refers to the table: keep it alive through llvm.used.
  auto *usedTy = llvm::ArrayType::get(ptr, 1);
  auto *used = new llvm::GlobalVariable(m, usedTy, false, llvm::GlobalValue::AppendingLinkage,
                                        llvm::ConstantArray::get(usedTy, {table}), "llvm.used");
  used->setSection("llvm.metadata");
}

} // namespace origo::codegen
