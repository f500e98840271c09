//===- codegen/stack_check.cpp - stack checks for growable stacks --------===//
/// \file
/// Gives every Go function its stack check, after optimization (so that the
/// frame bound sees the inlined code, and the check itself is never inlined
/// into callers). The design is ARCHITECTURE.md's "Stack growth on both
/// targets, done by origo"; the runtime half is runtime/stack.h.
///
/// The running G is reached through the initial-exec thread-local
/// `runtime.curg` (one `mov %fs:` on x86-64, `mrs tpidr_el0` plus an add on
/// AArch64); its stackguard0 is at offset 16. The stack pointer comes from
/// `llvm.read_register` ("rsp" / "sp"), read after the prologue, so it is
/// the bottom of the function's frame:
///
///   stackcheck:  sp = read_register; g = load runtime.curg
///                if sp [- bound] >= g->stackguard0: the function
///                else (cold): the relay
///   relay:       the function and its arguments into a block of this frame;
///                sp' = runtime.morestack(bound)   (a new segment)
///                origo_morestack_switch(thunk, block, sp')
///                runtime.lessstack(); return the result from the block
///   thunk:       one per signature: calls the function in the block's first
///                word with the block's arguments (on the new
///                segment, where its check passes) and stores the result
///
/// The frame exists before the check runs, and LLVM may spill arguments
/// into it first, so the check is sound only when the frame fits in the
/// slack below stackguard0 that the runtime leaves: functions whose bound
/// (frameBound: every alloca plus twice every SSA value, an over-estimate
/// of what register allocation can spill) exceeds MaxCheckedFrame move
/// into a body; what keeps their symbol is a wrapper that checks
/// `sp - bound` and tail-calls the body.
///
/// The check is also the cooperative preemption point: the runtime asks a
/// goroutine to yield by setting its stackguard0 to StackPreempt (gc's
/// stackPreempt, above every stack pointer), and runtime.morestack yields
/// before growing. So that a loop without calls cannot run forever
/// unpreempted, every loop that calls no checked function of this module
/// gets a poll on its back edges (addLoopPolls): the global
/// runtime.preemptPending (set while some G is asked to yield) compared
/// with 0, and a cold call of runtime.loopPreempt, which yields if the request
/// is this goroutine's.
//===----------------------------------------------------------------------===//
#include "codegen/lower.h"

#include <llvm/Analysis/AssumptionCache.h>
#include <llvm/Analysis/LoopInfo.h>
#include <llvm/Analysis/ScalarEvolution.h>
#include <llvm/Analysis/TargetLibraryInfo.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/Dominators.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/MDBuilder.h>
#include <llvm/TargetParser/Triple.h>
#include <llvm/Transforms/Utils/BasicBlockUtils.h>

#include <map>
#include <set>

namespace origo::codegen {

namespace {

/// runtime/stack.h: the biggest frame bound checked after the prologue.
constexpr uint64_t MaxCheckedFrame = 512;
/// runtime/sched.h: offsetof(G, stackguard0).
constexpr uint64_t StackGuardOffset = 16;

uint64_t roundUp(uint64_t n, uint64_t to) { return (n + to - 1) / to * to; }

/// An upper bound of f's frame size: its allocas, two slots for every value
/// and argument (a spill, a statepoint or fast-regalloc copy), the biggest
/// outgoing argument area, and room for saved registers.
uint64_t frameBound(llvm::Function &f) {
  const llvm::DataLayout &dl = f.getParent()->getDataLayout();
  auto size = [&](llvm::Type *t) -> uint64_t {
    return t->isSized() ? roundUp(dl.getTypeAllocSize(t).getKnownMinValue(), 8) : 0;
  };
  uint64_t bound = 256, outgoing = 0;
  for (llvm::Argument &a : f.args()) bound += 2 * size(a.getType());
  for (llvm::BasicBlock &bb : f)
    for (llvm::Instruction &inst : bb) {
      if (auto *ai = llvm::dyn_cast<llvm::AllocaInst>(&inst)) {
        std::optional<llvm::TypeSize> n = ai->getAllocationSize(dl);
        bound += ai->isStaticAlloca() && n ? roundUp(n->getKnownMinValue(), 16) + 16 : uint64_t(1) << 20;
        continue;
      }
      bound += 2 * size(inst.getType());
      if (auto *c = llvm::dyn_cast<llvm::CallBase>(&inst)) {
        uint64_t args = 0;
        for (llvm::Use &u : c->args()) args += size(u->getType());
        outgoing = std::max(outgoing, args);
      }
    }
  return roundUp(bound + outgoing, 16);
}

class StackChecks {
public:
  explicit StackChecks(llvm::Module &m) : m_(m), ctx_(m.getContext()) {
    i64_ = llvm::Type::getInt64Ty(ctx_);
    ptr_ = llvm::PointerType::get(ctx_, 0);
    bool arm = llvm::Triple(m.getTargetTriple()).isAArch64();
    spName_ = llvm::MDNode::get(ctx_, {llvm::MDString::get(ctx_, arm ? "sp" : "rsp")});
    curg_ = m.getGlobalVariable("runtime.curg");
    if (!curg_)
      curg_ = new llvm::GlobalVariable(m, ptr_, false, llvm::GlobalValue::ExternalLinkage, nullptr,
                                       "runtime.curg", nullptr,
                                       llvm::GlobalValue::InitialExecTLSModel);
    auto cold = [&](llvm::FunctionCallee c) {
      if (auto *fn = llvm::dyn_cast<llvm::Function>(c.getCallee())) fn->addFnAttr(llvm::Attribute::Cold);
      return c;
    };
    morestack_ = cold(m.getOrInsertFunction("runtime.morestack", llvm::FunctionType::get(i64_, {i64_}, false)));
    switch_ = cold(m.getOrInsertFunction("origo_morestack_switch",
                                         llvm::FunctionType::get(llvm::Type::getVoidTy(ctx_),
                                                                 {ptr_, ptr_, i64_}, false)));
    lessstack_ = cold(m.getOrInsertFunction("runtime.lessstack",
                                            llvm::FunctionType::get(llvm::Type::getVoidTy(ctx_), false)));
    preemptPending_ = m.getGlobalVariable("runtime.preemptPending");
    if (!preemptPending_)
      preemptPending_ = new llvm::GlobalVariable(m, llvm::Type::getInt32Ty(ctx_), false,
                                                 llvm::GlobalValue::ExternalLinkage, nullptr,
                                                 "runtime.preemptPending");
    loopPreempt_ = cold(m.getOrInsertFunction("runtime.loopPreempt",
                                              llvm::FunctionType::get(llvm::Type::getVoidTy(ctx_), false)));
    // It saves every register it uses: a loop keeps its values (floats
    // too, which the C convention never preserves) in registers across
    // the poll's cold call instead of spilling them around it.
    llvm::cast<llvm::Function>(loopPreempt_.getCallee())->setCallingConv(llvm::CallingConv::PreserveAll);
  }

  /// Adds the check to f; returns the function now holding f's code.
  llvm::Function *run(llvm::Function &f);
  /// Gives every loop of f that may run without calling a checked
  /// function a poll on its back edges.
  void addLoopPolls(llvm::Function &f);
  /// Functions that got a check (calling one is a preemption point).
  std::set<const llvm::Function *> checked;

private:
  /// Emits the check at the end of `at` (empty), branching to ok or to a
  /// new relay block that runs f again on a new segment.
  void emitCheck(llvm::Function &f, llvm::BasicBlock *at, llvm::BasicBlock *ok, uint64_t bound,
                 bool subtractBound);
  /// The thunk that calls the function in the first word of a block of
  /// type blockTy with the arguments that follow (shared by signature).
  llvm::Function *thunk(llvm::Function &f, llvm::StructType *blockTy);
  /// f's return and parameter attributes, for calls made in its place.
  llvm::AttributeList callAttributes(llvm::Function &f);
  /// A call of callee (of f's type) with f's attributes and convention.
  llvm::CallInst *forward(llvm::IRBuilder<> &b, llvm::Function &f, llvm::FunctionType *ft, llvm::Value *callee,
                          llvm::ArrayRef<llvm::Value *> args);

  llvm::Module &m_;
  llvm::LLVMContext &ctx_;
  llvm::Type *i64_;
  llvm::PointerType *ptr_;
  llvm::MDNode *spName_;
  llvm::GlobalVariable *curg_;
  llvm::GlobalVariable *preemptPending_;
  llvm::FunctionCallee morestack_, switch_, lessstack_, loopPreempt_;
  std::map<std::pair<llvm::FunctionType *, void *>, llvm::Function *> thunks_;
};

llvm::AttributeList StackChecks::callAttributes(llvm::Function &f) {
  llvm::AttributeList al = f.getAttributes();
  std::vector<llvm::AttributeSet> ps;
  for (unsigned i = 0; i < f.arg_size(); ++i) ps.push_back(al.getParamAttrs(i));
  return llvm::AttributeList::get(ctx_, llvm::AttributeSet(), al.getRetAttrs(), ps);
}

llvm::CallInst *StackChecks::forward(llvm::IRBuilder<> &b, llvm::Function &f, llvm::FunctionType *ft,
                                     llvm::Value *callee, llvm::ArrayRef<llvm::Value *> args) {
  llvm::CallInst *c = b.CreateCall(ft, callee, args);
  c->setAttributes(callAttributes(f));
  c->setCallingConv(f.getCallingConv());
  return c;
}

llvm::Function *StackChecks::thunk(llvm::Function &f, llvm::StructType *blockTy) {
  // One thunk per signature (type and parameter attributes), shared by
  // every function of it: the block's first word says which to call.
  auto key = std::make_pair(f.getFunctionType(), callAttributes(f).getRawPointer());
  if (llvm::Function *t = thunks_[key]) return t;
  auto *t = llvm::Function::Create(llvm::FunctionType::get(llvm::Type::getVoidTy(ctx_), {ptr_}, false),
                                   llvm::GlobalValue::PrivateLinkage, "origo.morestack.thunk", m_);
  t->addFnAttr("frame-pointer", "all");
  t->addFnAttr(llvm::Attribute::NoInline);
  t->addFnAttr(llvm::Attribute::Cold);
  t->setUWTableKind(llvm::UWTableKind::Default);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx_, "", t));
  llvm::Value *blk = t->getArg(0);
  llvm::Value *fn = b.CreateLoad(ptr_, b.CreateStructGEP(blockTy, blk, 0));
  std::vector<llvm::Value *> args;
  for (unsigned i = 0; i < f.arg_size(); ++i)
    args.push_back(b.CreateLoad(f.getArg(i)->getType(), b.CreateStructGEP(blockTy, blk, i + 1)));
  llvm::CallInst *c = forward(b, f, f.getFunctionType(), fn, args);
  if (!f.getReturnType()->isVoidTy()) b.CreateStore(c, b.CreateStructGEP(blockTy, blk, f.arg_size() + 1));
  b.CreateRetVoid();
  return thunks_[key] = t;
}

void StackChecks::emitCheck(llvm::Function &f, llvm::BasicBlock *at, llvm::BasicBlock *ok, uint64_t bound,
                            bool subtractBound) {
  llvm::IRBuilder<> b(at);
  // The relay's argument block is a static alloca of this frame.
  std::vector<llvm::Type *> fields{ptr_}; // the function, then its arguments and result
  for (llvm::Argument &a : f.args()) fields.push_back(a.getType());
  if (!f.getReturnType()->isVoidTy()) fields.push_back(f.getReturnType());
  llvm::StructType *blockTy = llvm::StructType::get(ctx_, fields);
  llvm::AllocaInst *blk = b.CreateAlloca(blockTy, nullptr, "morestack.args");

  llvm::Function *rr = llvm::Intrinsic::getDeclaration(&m_, llvm::Intrinsic::read_register, {i64_});
  llvm::Value *sp = b.CreateCall(rr, {llvm::MetadataAsValue::get(ctx_, spName_)}, "sp");
  if (subtractBound) sp = b.CreateSub(sp, llvm::ConstantInt::get(i64_, bound));
  llvm::Value *g = b.CreateLoad(ptr_, b.CreateThreadLocalAddress(curg_), "g");
  llvm::Value *guard = b.CreateLoad(i64_, b.CreateConstGEP1_64(b.getInt8Ty(), g, StackGuardOffset), "stackguard");
  llvm::BasicBlock *relay = llvm::BasicBlock::Create(ctx_, "morestack", &f);
  b.CreateCondBr(b.CreateICmpUGE(sp, guard), ok, relay, llvm::MDBuilder(ctx_).createBranchWeights(2000, 1));

  b.SetInsertPoint(relay);
  b.CreateStore(&f, b.CreateStructGEP(blockTy, blk, 0));
  for (unsigned i = 0; i < f.arg_size(); ++i) b.CreateStore(f.getArg(i), b.CreateStructGEP(blockTy, blk, i + 1));
  llvm::Value *newSP = b.CreateCall(morestack_, {llvm::ConstantInt::get(i64_, bound)});
  b.CreateCall(switch_, {thunk(f, blockTy), blk, newSP});
  b.CreateCall(lessstack_);
  if (f.getReturnType()->isVoidTy())
    b.CreateRetVoid();
  else
    b.CreateRet(b.CreateLoad(f.getReturnType(), b.CreateStructGEP(blockTy, blk, f.arg_size() + 1)));
}

/// Whether f calls nothing but intrinsics: a leaf, which (with a small
/// frame) needs no check, as gc's small leaf functions are NOSPLIT — it
/// stays within the slack below stackguard0 that any caller's check left.
static bool isLeaf(llvm::Function &f) {
  for (llvm::BasicBlock &bb : f)
    for (llvm::Instruction &inst : bb)
      if (auto *c = llvm::dyn_cast<llvm::CallBase>(&inst))
        if (!llvm::isa<llvm::IntrinsicInst>(c) || llvm::isa<llvm::InvokeInst>(c)) return false;
  return true;
}

/// Whether a result of type t comes back in registers on both targets
/// (x86-64 returns at most two integer and two vector registers' worth).
static bool returnsInRegisters(llvm::Type *t) {
  auto *st = llvm::dyn_cast<llvm::StructType>(t);
  if (!st) return true;
  unsigned ints = 0, floats = 0;
  for (llvm::Type *e : st->elements()) {
    if (e->isFloatingPointTy()) ++floats;
    else if (e->isIntegerTy() || e->isPointerTy()) ++ints;
    else return false;
  }
  return ints <= 2 && floats <= 2;
}

llvm::Function *StackChecks::run(llvm::Function &f) {
  uint64_t bound = frameBound(f);
  if (bound <= MaxCheckedFrame && isLeaf(f)) return &f;
  checked.insert(&f);
  if (bound <= MaxCheckedFrame) {
    // Static allocas stay in the entry block, ahead of the check.
    llvm::BasicBlock *body = &f.getEntryBlock();
    std::vector<llvm::AllocaInst *> allocas;
    for (llvm::Instruction &inst : *body)
      if (auto *ai = llvm::dyn_cast<llvm::AllocaInst>(&inst); ai && ai->isStaticAlloca()) allocas.push_back(ai);
    auto *check = llvm::BasicBlock::Create(ctx_, "stackcheck", &f, body);
    for (llvm::AllocaInst *ai : allocas) ai->moveBefore(*check, check->end());
    emitCheck(f, check, body, bound, false);
    return &f;
  }
  // The code moves to a body; f becomes the wrapper that checks for it.
  auto *body = llvm::Function::Create(f.getFunctionType(), llvm::GlobalValue::InternalLinkage,
                                      f.getName() + "..body", m_);
  body->copyAttributesFrom(&f);
  body->splice(body->end(), &f);
  for (unsigned i = 0; i < f.arg_size(); ++i) {
    f.getArg(i)->replaceAllUsesWith(body->getArg(i));
    body->getArg(i)->takeName(f.getArg(i));
  }
  body->setSubprogram(f.getSubprogram());
  f.setSubprogram(nullptr);
  f.setPersonalityFn(nullptr);
  auto *check = llvm::BasicBlock::Create(ctx_, "stackcheck", &f);
  auto *ok = llvm::BasicBlock::Create(ctx_, "", &f);
  llvm::IRBuilder<> b(ok);
  std::vector<llvm::Value *> args;
  for (llvm::Argument &a : f.args()) args.push_back(&a);
  llvm::CallInst *c = forward(b, f, body->getFunctionType(), body, args);
  // A tail call keeps the wrapper out of the frame chain. Results wider
  // than the return registers are returned through memory, which rules a
  // guaranteed tail call out; then it is only a hint (and a traceback
  // through such a frame may lack a line).
  c->setTailCallKind(returnsInRegisters(f.getReturnType()) ? llvm::CallInst::TCK_MustTail
                                                             : llvm::CallInst::TCK_Tail);
  if (f.getReturnType()->isVoidTy())
    b.CreateRetVoid();
  else
    b.CreateRet(c);
  emitCheck(f, check, ok, bound, true);
  return body;
}

void StackChecks::addLoopPolls(llvm::Function &f) {
  // A loop that calls a checked function polls through that function's
  // check; the others (even with calls to the runtime or through func
  // values, which may not check) load runtime.preemptPending on each back
  // edge: one load of a global (volatile: never hoisted out of the loop)
  // and one predicted branch. The call is cold and returns.
  llvm::DominatorTree dt(f);
  llvm::LoopInfo li(dt);
  // A loop whose trip count is known when it starts ends by itself; only
  // the others (for {}, loops on conditions) are polled, which keeps
  // counted inner loops — most hot loops — free of the poll's load and
  // branch (45% on tools/bench's nbody). gc 1.19 preempts those with
  // signals instead; a long counted loop here waits for its next call.
  llvm::TargetLibraryInfoImpl tlii(llvm::Triple(m_.getTargetTriple()));
  llvm::TargetLibraryInfo tli(tlii);
  llvm::AssumptionCache ac(f);
  llvm::ScalarEvolution se(f, tli, ac, dt, li);
  std::vector<llvm::BasicBlock *> latches;
  for (llvm::Loop *loop : li.getLoopsInPreorder()) {
    // (Counted at the latch: other exits, such as failed bounds checks,
    // only end it sooner.)
    if (llvm::BasicBlock *latch = loop->getLoopLatch();
        latch && !llvm::isa<llvm::SCEVCouldNotCompute>(se.getExitCount(loop, latch)))
      continue;
    bool polled = false;
    for (llvm::BasicBlock *bb : loop->blocks()) {
      for (llvm::Instruction &inst : *bb)
        if (auto *c = llvm::dyn_cast<llvm::CallBase>(&inst))
          if (llvm::Function *callee = c->getCalledFunction(); callee && checked.count(callee)) {
            polled = true;
            break;
          }
      if (polled) break;
    }
    if (polled) continue;
    llvm::SmallVector<llvm::BasicBlock *, 4> ls;
    loop->getLoopLatches(ls);
    for (llvm::BasicBlock *l : ls)
      if (std::find(latches.begin(), latches.end(), l) == latches.end()) latches.push_back(l);
  }
  llvm::MDNode *weights = llvm::MDBuilder(ctx_).createBranchWeights(1, 2000);
  for (llvm::BasicBlock *latch : latches) {
    llvm::Instruction *term = latch->getTerminator();
    llvm::IRBuilder<> b(term);
    llvm::LoadInst *pending = b.CreateLoad(b.getInt32Ty(), preemptPending_, "preempt.pending");
    pending->setVolatile(true);
    llvm::Value *poisoned = b.CreateICmpNE(pending, b.getInt32(0));
    llvm::Instruction *then = llvm::SplitBlockAndInsertIfThen(poisoned, term, false, weights);
    llvm::IRBuilder<> tb(then);
    tb.CreateCall(loopPreempt_)->setCallingConv(llvm::CallingConv::PreserveAll);
  }
}

} // namespace

void insertStackChecks(llvm::Module &m, std::vector<FuncInfo> &funcs) {
  StackChecks sc(m);
  std::vector<llvm::Function *> codes;
  for (FuncInfo &fi : funcs) {
    llvm::Function *f = m.getFunction(fi.symbol);
    if (!f || f->isDeclaration()) continue;
    llvm::Function *code = sc.run(*f);
    if (code != f) {
      fi.code = code->getName().str();
      sc.checked.insert(code);
    }
    codes.push_back(code);
  }
  // Loop polls after the checks, so that a leaf loop stays a leaf (and
  // unchecked) and calls of checked functions are known.
  for (llvm::Function *code : codes) sc.addLoopPolls(*code);
}

} // namespace origo::codegen
