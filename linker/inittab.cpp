//===- linker/inittab.cpp - The generated origo_inittab object ------------===//
///
/// \file
/// Package init order is known only when the whole program is: it is fixed
/// by the import graph (Go spec, "Package initialization"), which the driver
/// computes. The linker stage therefore generates one small object per link
/// that lists the init functions for the runtime's main() (runtime/start.cpp)
/// to call: void (*const origo_inittab[])() = {inits..., nullptr}.
///
//===----------------------------------------------------------------------===//

#include "linker/link_steps.h"

#include "llvm-c/Target.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"

#include <memory>
#include <mutex>

namespace origo::linker {
namespace {

/// Registers the two targets origo supports. Only what object emission
/// needs: no asm parser or disassembler.
void initTargets() {
  static std::once_flag once;
  std::call_once(once, [] {
    LLVMInitializeX86TargetInfo();
    LLVMInitializeX86Target();
    LLVMInitializeX86TargetMC();
    LLVMInitializeX86AsmPrinter();
    LLVMInitializeAArch64TargetInfo();
    LLVMInitializeAArch64Target();
    LLVMInitializeAArch64TargetMC();
    LLVMInitializeAArch64AsmPrinter();
  });
}

} // namespace

bool writeInitTabObject(const std::string &triple,
                        const std::vector<std::string> &initFuncs,
                        const std::string &path, std::string &err) {
  initTargets();
  std::string lookupErr;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, lookupErr);
  if (!target) {
    err = "no LLVM target for " + triple + ": " + lookupErr;
    return false;
  }
  std::unique_ptr<llvm::TargetMachine> tm(target->createTargetMachine(
      triple, "generic", "", llvm::TargetOptions(), llvm::Reloc::Static));

  llvm::LLVMContext ctx;
  llvm::Module mod("origo.inittab", ctx);
  mod.setTargetTriple(triple);
  mod.setDataLayout(tm->createDataLayout());

  auto *fnTy = llvm::FunctionType::get(llvm::Type::getVoidTy(ctx), false);
  auto *ptrTy = llvm::PointerType::get(ctx, 0);
  std::vector<llvm::Constant *> entries;
  for (const std::string &name : initFuncs) {
    llvm::FunctionCallee fn = mod.getOrInsertFunction(name, fnTy);
    entries.push_back(llvm::cast<llvm::Constant>(fn.getCallee()));
  }
  entries.push_back(llvm::ConstantPointerNull::get(ptrTy));
  auto *arrTy = llvm::ArrayType::get(ptrTy, entries.size());
  new llvm::GlobalVariable(mod, arrTy, /*isConstant=*/true,
                           llvm::GlobalValue::ExternalLinkage,
                           llvm::ConstantArray::get(arrTy, entries),
                           "origo_inittab");

  std::error_code ec;
  llvm::raw_fd_ostream out(path, ec, llvm::sys::fs::OF_None);
  if (ec) {
    err = "cannot write " + path + ": " + ec.message();
    return false;
  }
  llvm::legacy::PassManager pm;
  if (tm->addPassesToEmitFile(pm, out, nullptr,
                              llvm::CodeGenFileType::ObjectFile)) {
    err = "LLVM cannot emit objects for " + triple;
    return false;
  }
  pm.run(mod);
  out.close();
  if (out.has_error()) {
    err = "cannot write " + path + ": " + out.error().message();
    out.clear_error();
    return false;
  }
  return true;
}

} // namespace origo::linker
