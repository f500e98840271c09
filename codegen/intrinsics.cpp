//===- codegen/intrinsics.cpp - functions the compiler implements ---------===//
/// \file
/// Upstream packages declare some functions without a body because gc
/// implements them in assembly or as compiler intrinsics (gc's
/// ssagen/ssa.go intrinsics table). origo lowers calls to them here:
/// sync/atomic's operations as LLVM atomics with Go's memory model
/// (sequentially consistent, as gc's), math's arch* functions as LLVM's
/// floating-point intrinsics, or as calls to the package's own portable Go
/// version of the same function.
//===----------------------------------------------------------------------===//
#include "codegen/lower.h"

#include <llvm/IR/Intrinsics.h>

#include <map>

namespace origo::codegen {

namespace {

/// An atomic operation of sync/atomic on one value width.
enum class AtomicOp { Load, Store, Add, Swap, CompareAndSwap, LoadAcquire, StoreRelease };

struct AtomicEntry {
  AtomicOp op;
  unsigned bits; ///< 32, 64, or 0 for a pointer
};

const std::map<std::string, AtomicEntry> &atomics() {
  static const std::map<std::string, AtomicEntry> table = [] {
    std::map<std::string, AtomicEntry> t;
    const std::pair<const char *, unsigned> widths[] = {
        {"Int32", 32}, {"Uint32", 32}, {"Int64", 64}, {"Uint64", 64}, {"Uintptr", 64}, {"Pointer", 0}};
    const std::pair<const char *, AtomicOp> ops[] = {{"Load", AtomicOp::Load},
                                                     {"Store", AtomicOp::Store},
                                                     {"Add", AtomicOp::Add},
                                                     {"Swap", AtomicOp::Swap},
                                                     {"CompareAndSwap", AtomicOp::CompareAndSwap}};
    for (auto [op, kind] : ops)
      for (auto [w, bits] : widths) {
        if (kind == AtomicOp::Add && bits == 0) continue; // no AddPointer
        t[std::string("sync/atomic.") + op + w] = {kind, bits};
      }
    // sync.Pool's acquire/release pair, linknamed from gc's runtime.
    t["runtime/internal/atomic.LoadAcquintptr"] = {AtomicOp::LoadAcquire, 64};
    t["runtime/internal/atomic.StoreReluintptr"] = {AtomicOp::StoreRelease, 64};
    return t;
  }();
  return table;
}

/// math's assembly-backed functions: an LLVM intrinsic, or the portable
/// Go function of the same package that gc's fallback path calls.
struct MathEntry {
  llvm::Intrinsic::ID intrinsic; ///< not_intrinsic: call goFallback
  const char *goFallback;
};

const std::map<std::string, MathEntry> &mathFuncs() {
  static const std::map<std::string, MathEntry> table = {
      {"math.archSqrt", {llvm::Intrinsic::sqrt, nullptr}},
      {"math.archFloor", {llvm::Intrinsic::floor, nullptr}},
      {"math.archCeil", {llvm::Intrinsic::ceil, nullptr}},
      {"math.archTrunc", {llvm::Intrinsic::trunc, nullptr}},
      // Go's Max/Min: NaN wins, +0 is above -0 (IEEE 754-2019 maximum).
      {"math.archMax", {llvm::Intrinsic::maximum, nullptr}},
      {"math.archMin", {llvm::Intrinsic::minimum, nullptr}},
      {"math.archExp", {llvm::Intrinsic::not_intrinsic, "math.exp"}},
      {"math.archExp2", {llvm::Intrinsic::not_intrinsic, "math.exp2"}},
      {"math.archLog", {llvm::Intrinsic::not_intrinsic, "math.log"}},
      {"math.archHypot", {llvm::Intrinsic::not_intrinsic, "math.hypot"}},
      {"math.archModf", {llvm::Intrinsic::not_intrinsic, "math.modf"}},
  };
  return table;
}

/// Assembly functions with a portable Go version in the same package
/// (which gc's other targets call instead).
const std::map<std::string, std::string> &redirects() {
  static const std::map<std::string, std::string> table = {
      {"crypto/md5.block", "crypto/md5.blockGeneric"},
      {"crypto/sha1.block", "crypto/sha1.blockGeneric"},
      {"crypto/sha256.block", "crypto/sha256.blockGeneric"},
      {"crypto/sha512.block", "crypto/sha512.blockGeneric"},
  };
  return table;
}

llvm::Value *lowerAtomic(llvm::IRBuilder<> &b, const AtomicEntry &e, llvm::ArrayRef<llvm::Value *> args,
                         llvm::Type *resultTy) {
  llvm::LLVMContext &ctx = b.getContext();
  llvm::Type *ty = e.bits ? static_cast<llvm::Type *>(llvm::Type::getIntNTy(ctx, e.bits)) : llvm::PointerType::get(ctx, 1);
  llvm::Align align(e.bits ? e.bits / 8 : 8);
  const auto order = llvm::AtomicOrdering::SequentiallyConsistent;
  llvm::Value *addr = args[0];
  switch (e.op) {
  case AtomicOp::Load:
  case AtomicOp::LoadAcquire: {
    llvm::LoadInst *l = b.CreateAlignedLoad(ty, addr, align);
    l->setAtomic(e.op == AtomicOp::Load ? order : llvm::AtomicOrdering::Acquire);
    return l;
  }
  case AtomicOp::Store:
  case AtomicOp::StoreRelease: {
    llvm::StoreInst *s = b.CreateAlignedStore(args[1], addr, align);
    s->setAtomic(e.op == AtomicOp::Store ? order : llvm::AtomicOrdering::Release);
    // StoreReluintptr returns its value (unused by sync.Pool).
    return e.op == AtomicOp::StoreRelease && !resultTy->isVoidTy() ? args[1] : nullptr;
  }
  case AtomicOp::Add: {
    // Go's Add returns the new value.
    llvm::Value *old = b.CreateAtomicRMW(llvm::AtomicRMWInst::Add, addr, args[1], align, order);
    return b.CreateAdd(old, args[1]);
  }
  case AtomicOp::Swap:
    return b.CreateAtomicRMW(llvm::AtomicRMWInst::Xchg, addr, args[1], align, order);
  case AtomicOp::CompareAndSwap: {
    llvm::Value *pair = b.CreateAtomicCmpXchg(addr, args[1], args[2], align, order, order);
    llvm::Value *ok = b.CreateExtractValue(pair, {1});
    return resultTy->isIntegerTy(1) ? ok : b.CreateZExt(ok, resultTy);
  }
  }
  return nullptr;
}

} // namespace

/// Assembly functions that are markers doing nothing (gc's
/// crypto/internal/boring/sig: a linker-visible signature of the build).
bool isNoop(const std::string &name) {
  return name == "crypto/internal/boring/sig.BoringCrypto" || name == "crypto/internal/boring/sig.FIPSOnly" ||
         name == "crypto/internal/boring/sig.StandardCrypto";
}

bool isIntrinsic(const std::string &name) {
  return isNoop(name) || atomics().count(name) || mathFuncs().count(name) || redirects().count(name);
}

bool lowerIntrinsicCall(llvm::IRBuilder<> &b, llvm::Module &m, const std::string &name,
                        llvm::ArrayRef<llvm::Value *> args, llvm::Type *resultTy, llvm::Value *&result,
                        std::string &redirect) {
  result = nullptr;
  if (isNoop(name)) return true;
  if (auto it = atomics().find(name); it != atomics().end()) {
    result = lowerAtomic(b, it->second, args, resultTy);
    return true;
  }
  if (auto it = redirects().find(name); it != redirects().end()) {
    redirect = it->second;
    return false;
  }
  if (auto it = mathFuncs().find(name); it != mathFuncs().end()) {
    if (it->second.goFallback) {
      redirect = it->second.goFallback;
      return false;
    }
    llvm::Function *f = llvm::Intrinsic::getDeclaration(&m, it->second.intrinsic, {args[0]->getType()});
    result = b.CreateCall(f, args);
    return true;
  }
  return false;
}

} // namespace origo::codegen
