//===- codegen/target.cpp - target machines, optimization, emission -------===//
/// \file
/// Creates the LLVM TargetMachine for a GOARCH, runs the new pass manager's
/// -O2 pipeline (or nothing with -N) and writes an object file.
///
/// The -O2 pipeline is tuned for compile speed the way gc trades it: no
/// vectorization, no loop unrolling (beyond what the full-unroll pass is
/// forced to do) and no loop strength reduction — gc does none of them.
/// Measured on tools/bench/compile.sh's program (instructions executed by
/// the whole compilation, valgrind): unrolling +23%, vectorization +18%,
/// strength reduction +7%, for at most a few percent of run time in
/// tools/bench/code.sh. The IR verifier runs once, before optimization,
/// rather than again inside the code generator.
///
/// For compiler engineers, ORIGO_LLVM_ARGS passes options to LLVM as its
/// tools take them (`ORIGO_LLVM_ARGS=-time-passes`, `-print-after=gvn`).
//===----------------------------------------------------------------------===//
#include "codegen/codegen.h"

#include "codegen/lower.h"

#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Verifier.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Passes/StandardInstrumentations.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Target/TargetOptions.h>
#include <llvm/TargetParser/Triple.h>

#include <cstdlib>
#include <mutex>

extern "C" {
void LLVMInitializeX86TargetInfo();
void LLVMInitializeX86Target();
void LLVMInitializeX86TargetMC();
void LLVMInitializeX86AsmPrinter();
void LLVMInitializeAArch64TargetInfo();
void LLVMInitializeAArch64Target();
void LLVMInitializeAArch64TargetMC();
void LLVMInitializeAArch64AsmPrinter();
}

namespace origo::codegen {

std::string tripleFor(const std::string &arch) {
  if (arch == "amd64") return "x86_64-unknown-linux-gnu";
  if (arch == "arm64") return "aarch64-unknown-linux-gnu";
  return "";
}

/// Sets a boolean option of LLVM's code generator that has no API of its
/// own (TargetPassConfig reads them from the command-line registry).
static void setCodeGenFlag(const char *name, bool value) {
  auto &opts = llvm::cl::getRegisteredOptions();
  auto it = opts.find(name);
  if (it == opts.end()) return;
  if (auto *o = static_cast<llvm::cl::opt<bool> *>(it->second)) o->setValue(value);
}

static void initTargets() {
  static std::once_flag once;
  std::call_once(once, [] {
    setCodeGenFlag("disable-lsr", true);
    if (getenv("ORIGO_LLVM_ARGS")) {
      const char *argv[] = {"origo"};
      llvm::cl::ParseCommandLineOptions(1, argv, "", nullptr, "ORIGO_LLVM_ARGS");
    }
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

static std::unique_ptr<llvm::TargetMachine> makeTarget(const Options &opts, std::string &err) {
  initTargets();
  std::string triple = tripleFor(opts.arch);
  if (triple.empty()) {
    err = "unsupported GOARCH " + opts.arch;
    return nullptr;
  }
  const llvm::Target *target = llvm::TargetRegistry::lookupTarget(triple, err);
  if (!target) return nullptr;
  llvm::TargetOptions to;
  auto level = opts.optimize ? llvm::CodeGenOptLevel::Default : llvm::CodeGenOptLevel::None;
  std::unique_ptr<llvm::TargetMachine> tm(target->createTargetMachine(
      triple, "generic", "", to, llvm::Reloc::Static, llvm::CodeModel::Small, level));
  if (!tm) err = "cannot create target machine for " + triple;
  return tm;
}

/// Builds, verifies and optimizes the module.
static std::unique_ptr<llvm::Module> buildModule(const ssa::Package &pkg, const Options &opts,
                                                 llvm::LLVMContext &ctx, llvm::TargetMachine &tm,
                                                 std::string &err) {
  auto m = std::make_unique<llvm::Module>(pkg.path, ctx);
  m->setTargetTriple(tm.getTargetTriple().str());
  // Go pointers live in address space 1, which must be non-integral so
  // that LLVM never turns them into integers the GC cannot see.
  m->setDataLayout(tm.createDataLayout().getStringRepresentation() + "-ni:1");
  std::vector<FuncInfo> funcs = lowerPackage(pkg, *m);
  std::string verr;
  llvm::raw_string_ostream vs(verr);
  if (llvm::verifyModule(*m, &vs)) {
    err = "internal error: invalid LLVM IR for " + pkg.path + ": " + vs.str();
    return nullptr;
  }
  if (opts.optimize) {
    llvm::LoopAnalysisManager lam;
    llvm::FunctionAnalysisManager fam;
    llvm::CGSCCAnalysisManager cgam;
    llvm::ModuleAnalysisManager mam;
    llvm::PipelineTuningOptions pto;
    pto.LoopVectorization = false;
    pto.SLPVectorization = false;
    pto.LoopUnrolling = false;
    // Instrumentation (pass timing, IR printing) only on request.
    llvm::PassInstrumentationCallbacks pic;
    std::unique_ptr<llvm::StandardInstrumentations> si;
    if (getenv("ORIGO_LLVM_ARGS")) {
      si = std::make_unique<llvm::StandardInstrumentations>(ctx, false);
      si->registerCallbacks(pic, &mam);
    }
    llvm::PassBuilder pb(&tm, pto, std::nullopt, si ? &pic : nullptr);
    pb.registerModuleAnalyses(mam);
    pb.registerCGSCCAnalyses(cgam);
    pb.registerFunctionAnalyses(fam);
    pb.registerLoopAnalyses(lam);
    pb.crossRegisterProxies(lam, fam, cgam, mam);
    llvm::ModulePassManager mpm = pb.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2);
    mpm.run(*m, mam);
  }
  insertStackChecks(*m, funcs);
  emitFuncTables(*m, funcs);
  // Programs are linked statically and not position-independent: every
  // symbol resolves inside the executable, so none is reached through the
  // GOT (clang marks them so under -fno-pic). Besides costing a load, GOT
  // entries for every Go symbol made the GOT too big for glibc's static
  // startup code on AArch64, which reaches its own entries with 15-bit
  // offsets from the GOT's page (R_AARCH64_LD64_GOTPAGE_LO15).
  for (llvm::GlobalValue &gv : m->global_values())
    if (!gv.hasExternalWeakLinkage()) gv.setDSOLocal(true);
  return m;
}

bool emitObject(const ssa::Package &pkg, const Options &opts, const std::string &path,
                std::string &err) {
  auto tm = makeTarget(opts, err);
  if (!tm) return false;
  llvm::LLVMContext ctx;
  auto m = buildModule(pkg, opts, ctx, *tm, err);
  if (!m) return false;
  std::error_code ec;
  llvm::raw_fd_ostream out(path, ec, llvm::sys::fs::OF_None);
  if (ec) {
    err = "open " + path + ": " + ec.message();
    return false;
  }
  llvm::legacy::PassManager pm;
  // buildModule verified the IR already.
  if (tm->addPassesToEmitFile(pm, out, nullptr, llvm::CodeGenFileType::ObjectFile, /*DisableVerify=*/true)) {
    err = "internal error: target cannot emit object files";
    return false;
  }
  pm.run(*m);
  out.flush();
  return true;
}

bool emitIR(const ssa::Package &pkg, const Options &opts, std::string &ir, std::string &err) {
  auto tm = makeTarget(opts, err);
  if (!tm) return false;
  llvm::LLVMContext ctx;
  auto m = buildModule(pkg, opts, ctx, *tm, err);
  if (!m) return false;
  llvm::raw_string_ostream os(ir);
  m->print(os, nullptr);
  return true;
}

} // namespace origo::codegen
