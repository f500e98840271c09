//===- codegen/lower.cpp - SSA to LLVM IR ---------------------------------===//
/// \file
/// Lowers each SSA function to an LLVM function: one LLVM block per SSA
/// block, one LLVM value per SSA value, phis filled in once every block
/// exists. Go's integer semantics that LLVM leaves undefined (shifts by
/// the width or more, MinInt / -1) are made explicit with selects. Every
/// call carries its source position as its debug location and is
/// `nomerge`, so that optimization keeps one call per source call; after
/// optimization funcmeta.cpp puts `llvm.experimental.stackmap(line, 0)`
/// after each call, which lets the runtime map return addresses to lines
/// without the stack maps standing in the optimizer's way. Calls that
/// panic are followed by `unreachable`. Each module also carries its
/// FuncMeta table in section origo_funcs (runtime/abi.h).
///
/// A function with defer statements has one landing pad (personality
/// runtime.personality, runtime/defer.cpp) that continues at the SSA
/// function's unwind block; every call it makes goes through emitCall,
/// which then emits an `invoke` unwinding there.
//===----------------------------------------------------------------------===//
#include "codegen/lower.h"

#include "runtime/abi.h"

#include <llvm/BinaryFormat/Dwarf.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/DIBuilder.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/MDBuilder.h>

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

namespace origo::codegen {

using ssa::Op;
using types::Type;
using types::TypeKind;

namespace {

/// A construct the builder let through but codegen cannot lower: a bug in
/// origo, reported as such rather than crashing.
[[noreturn]] void internalError(const std::string &what) {
  std::fprintf(stderr, "origo: internal error: %s\n", what.c_str());
  std::exit(2);
}

class Lowering {
public:
  Lowering(const ssa::Package &pkg, llvm::Module &m)
      : pkg_(pkg), m_(m), ctx_(m.getContext()), b_(ctx_) {
    ptr_ = llvm::PointerType::get(ctx_, 0);
    gcptr_ = llvm::PointerType::get(ctx_, 1);
    i64_ = llvm::Type::getInt64Ty(ctx_);
    stringTy_ = llvm::StructType::get(ctx_, {gcptr_, i64_});
    sliceTy_ = llvm::StructType::get(ctx_, {gcptr_, i64_, i64_});
    ifaceTy_ = llvm::StructType::get(ctx_, {gcptr_, gcptr_});
  }
  void run();

private:
  llvm::Type *typeOf(const Type *t);
  llvm::Type *memTypeOf(const Type *t); ///< bool is i8 in memory, aggregates [size x i8]
  /// Structs and arrays: values live in memory; their SSA values are
  /// addresses, parameters are pointers to a copy the callee owns, and
  /// results are written through leading out-pointer parameters.
  static bool isAggregate(const Type *t);
  /// A new stack slot for a value of type t (an alloca of the entry block).
  llvm::Value *stackSlot(const Type *t);
  /// Calls callee (a Go function of type sig, or a closure when cl is set)
  /// with the Go arguments args: aggregate results go to new stack slots
  /// (outs receives them, in result order, null for the other results).
  llvm::Value *goCall(const ssa::Value *v, llvm::FunctionType *ft, llvm::Value *callee, llvm::Value *cl,
                      std::vector<llvm::Value *> args);
  /// Per call with aggregate results: the slot of each result (or null).
  std::map<const ssa::Value *, std::vector<llvm::Value *>> outs_;
  /// How many out-pointer parameters precede the Go parameters of sig.
  static unsigned numOuts(const Type *sig);
  /// Go parameters of string, slice, interface and complex types pass as
  /// their fields, one LLVM parameter each (as gc's register ABI does):
  /// LLVM's alias analysis then knows them for arguments, which values
  /// taken out of a struct parameter are not.
  static void flatParam(llvm::Type *t, std::vector<llvm::Type *> &out);
  void flatArg(llvm::Value *a, std::vector<llvm::Value *> &out);
  /// The value of Go parameter i of the function being lowered.
  llvm::Value *param(unsigned i);
  llvm::FunctionType *funcType(const Type *sig);
  /// The LLVM function of a Go function (funcType: the context first, in
  /// the target's `nest` register).
  llvm::Function *goFunction(const std::string &name, const Type *sig);
  llvm::FunctionCallee runtimeFunc(const std::string &name, llvm::Type *ret,
                                   std::vector<llvm::Type *> params);
  /// The package-level variable name: defined (zero) when define is set,
  /// else declared (a variable of another package).
  llvm::GlobalVariable *global(const std::string &name, const Type *t, bool define = false);
  std::string cuFileName_;
  /// The constant for a variable's initial image; objects it points to
  /// become private globals named after owner.
  llvm::Constant *staticConstant(const ssa::StaticData &d, const std::string &owner);
  void lowerFunc(const ssa::Func &f);
  llvm::Value *lowerValue(const ssa::Value *v);
  llvm::Value *arg(const ssa::Value *v, size_t i) { return vals_[v->args[i]->id]; }
  llvm::Value *stringConst(const std::string &s);
  llvm::Value *shift(const ssa::Value *v);
  llvm::Value *divide(const ssa::Value *v);
  llvm::Value *compare(const ssa::Value *v);
  llvm::Value *convert(const ssa::Value *v);
  /// Arithmetic and comparison of complex numbers ({re, im} structs).
  llvm::Value *complexOp(const ssa::Value *v);
  llvm::Value *runtimeCall(const ssa::Value *v);
  /// Every call of Go code or the runtime: an invoke when the function has
  /// a landing pad and the call may unwind to it (then the insertion point
  /// moves to the normal successor).
  llvm::CallBase *emitCall(llvm::FunctionCallee callee, llvm::ArrayRef<llvm::Value *> args,
                           bool toLandingPad = true);
  llvm::Value *compareIface(llvm::Value *x, llvm::Value *y, Pos pos);
  void setLoc(Pos pos);

  const ssa::Package &pkg_;
  llvm::Module &m_;
  llvm::LLVMContext &ctx_;
  llvm::IRBuilder<> b_;
  llvm::PointerType *ptr_, *gcptr_;
  llvm::Type *i64_;
  llvm::StructType *stringTy_, *sliceTy_, *ifaceTy_;
  llvm::BasicBlock *lpad_ = nullptr; ///< the current function's landing pad
  std::vector<llvm::Value *> vals_;
  std::map<std::string, llvm::Constant *> strings_;
  const ssa::Func *cur_ = nullptr;
  std::unique_ptr<llvm::DIBuilder> di_;
  llvm::DISubprogram *sp_ = nullptr;
  std::map<std::string, llvm::DIFile *> files_;

public:
  std::vector<FuncInfo> funcs;
};

llvm::Type *Lowering::typeOf(const Type *t) {
  const Type *u = types::under(t);
  switch (u->kind) {
  case TypeKind::Basic:
    if (types::isBoolean(u)) return llvm::Type::getInt1Ty(ctx_);
    if (types::isString(u)) return stringTy_;
    if (types::isInteger(u)) return llvm::Type::getIntNTy(ctx_, types::bitSize(u));
    if (u->basic == types::BasicKind::Float32) return llvm::Type::getFloatTy(ctx_);
    if (u->basic == types::BasicKind::Float64) return llvm::Type::getDoubleTy(ctx_);
    if (u->basic == types::BasicKind::Complex64)
      return llvm::StructType::get(ctx_, {llvm::Type::getFloatTy(ctx_), llvm::Type::getFloatTy(ctx_)});
    if (u->basic == types::BasicKind::Complex128)
      return llvm::StructType::get(ctx_, {llvm::Type::getDoubleTy(ctx_), llvm::Type::getDoubleTy(ctx_)});
    if (u->basic == types::BasicKind::UnsafePointer) return gcptr_;
    return i64_;
  case TypeKind::Slice:
    return sliceTy_;
  case TypeKind::Interface:
    return ifaceTy_;
  case TypeKind::Tuple: {
    if (u->list.empty()) return llvm::Type::getVoidTy(ctx_);
    std::vector<llvm::Type *> elems;
    for (const Type *e : u->list) elems.push_back(typeOf(e));
    return llvm::StructType::get(ctx_, elems);
  }
  default:
    return gcptr_;
  }
}

llvm::Type *Lowering::memTypeOf(const Type *t) {
  if (types::isBoolean(t)) return llvm::Type::getInt8Ty(ctx_);
  if (isAggregate(t)) return llvm::ArrayType::get(llvm::Type::getInt8Ty(ctx_), uint64_t(types::layoutOf(t).size));
  return typeOf(t);
}

bool Lowering::isAggregate(const Type *t) {
  TypeKind k = types::under(t)->kind;
  return k == TypeKind::Struct || k == TypeKind::Array;
}

llvm::Value *Lowering::stackSlot(const Type *t) {
  // Every slot lives in the entry block, so loops reuse it and LLVM's
  // SROA/mem2reg can take small ones back to registers.
  llvm::Function *fn = b_.GetInsertBlock()->getParent();
  llvm::IRBuilder<> eb(&fn->getEntryBlock(), fn->getEntryBlock().begin());
  types::Layout l = types::layoutOf(t);
  llvm::AllocaInst *a = eb.CreateAlloca(memTypeOf(t));
  a->setAlignment(llvm::Align(uint64_t(std::max<int64_t>(l.align, 1))));
  // The address too: a landing pad may use it, and it must dominate that
  // (the current block may follow an invoke).
  return eb.CreateAddrSpaceCast(a, gcptr_);
}

unsigned Lowering::numOuts(const Type *sig) {
  unsigned n = 0;
  for (const Type *r : sig->results()) n += isAggregate(r);
  return n;
}

llvm::FunctionType *Lowering::funcType(const Type *sig) {
  // (context, out pointers of aggregate results..., parameters...)
  // returning the other results: none (void), one, or an LLVM struct of
  // them. Every Go function takes the context (the closure it was called
  // through) in the target's `nest` register, used or not, so that a call
  // through any func value has the callee's own type: when LLVM resolves
  // one to a direct call, the arguments stay where they are.
  std::vector<llvm::Type *> params(1 + numOuts(sig), gcptr_);
  for (const Type *p : sig->params()) flatParam(typeOf(p), params);
  std::vector<llvm::Type *> elems;
  for (const Type *r : sig->results())
    if (!isAggregate(r)) elems.push_back(typeOf(r));
  llvm::Type *ret;
  if (elems.empty()) ret = llvm::Type::getVoidTy(ctx_);
  else if (elems.size() == 1) ret = elems[0];
  else ret = llvm::StructType::get(ctx_, elems);
  return llvm::FunctionType::get(ret, params, false);
}

void Lowering::flatParam(llvm::Type *t, std::vector<llvm::Type *> &out) {
  if (auto *st = llvm::dyn_cast<llvm::StructType>(t)) out.insert(out.end(), st->element_begin(), st->element_end());
  else out.push_back(t);
}

void Lowering::flatArg(llvm::Value *a, std::vector<llvm::Value *> &out) {
  if (auto *st = llvm::dyn_cast<llvm::StructType>(a->getType())) {
    for (unsigned k = 0; k < st->getNumElements(); ++k) out.push_back(b_.CreateExtractValue(a, {k}));
  } else {
    out.push_back(a);
  }
}

llvm::Value *Lowering::param(unsigned i) {
  llvm::Function *fn = b_.GetInsertBlock()->getParent();
  // The LLVM parameters before Go parameter i: the context, the out
  // pointers, then the fields of parameters 0..i-1.
  std::vector<llvm::Type *> before(1 + numOuts(cur_->sig));
  std::vector<const Type *> ps = cur_->sig->params();
  for (unsigned k = 0; k < i; ++k) flatParam(typeOf(ps[k]), before);
  unsigned at = unsigned(before.size());
  llvm::Type *t = typeOf(ps[i]);
  auto *st = llvm::dyn_cast<llvm::StructType>(t);
  if (!st) return fn->getArg(at);
  llvm::Value *r = llvm::PoisonValue::get(st);
  for (unsigned k = 0; k < st->getNumElements(); ++k) r = b_.CreateInsertValue(r, fn->getArg(at + k), {k});
  return r;
}

llvm::Value *Lowering::goCall(const ssa::Value *v, llvm::FunctionType *ft, llvm::Value *callee, llvm::Value *cl,
                              std::vector<llvm::Value *> args) {
  const Type *rt = v->type;
  std::vector<const Type *> res;
  if (types::under(rt)->kind == TypeKind::Tuple) res = types::under(rt)->list;
  else res = {rt};
  std::vector<llvm::Value *> outs;
  std::vector<llvm::Value *> all{cl ? cl : llvm::Constant::getNullValue(gcptr_)}; // the context (funcType)
  for (const Type *r : res)
    if (isAggregate(r)) {
      outs.push_back(stackSlot(r));
      all.push_back(outs.back());
    } else {
      outs.push_back(nullptr);
    }
  for (llvm::Value *a : args) flatArg(a, all);
  llvm::CallBase *c = emitCall(llvm::FunctionCallee(ft, callee), all);
  // auxInt 1: a deferred call made while panicking (ops.def).
  if (v->auxInt == 1) c->setIsNoInline();
  c->addParamAttr(0, llvm::Attribute::Nest);
  if (cl) {
    // A closure record never changes once built, and no function keeps
    // the context pointer it was called with: LLVM may then keep the code
    // word and captured values of a closure it can see across calls of
    // it, call the code directly and inline it.
    c->addParamAttr(0, llvm::Attribute::ReadOnly);
    c->addParamAttr(0, llvm::Attribute::NoCapture);
  }
  for (unsigned i = 1; i < all.size(); ++i)
    if (all[i]->getType()->isIntegerTy(1)) c->addParamAttr(i, llvm::Attribute::ZExt);
  if (c->getType()->isIntegerTy(1)) c->addRetAttr(llvm::Attribute::ZExt);
  bool anyOut = false;
  for (llvm::Value *o : outs) anyOut |= o != nullptr;
  if (!anyOut) return c;
  outs_[v] = outs;
  if (res.size() == 1) return outs[0];
  return c;
}

llvm::Function *Lowering::goFunction(const std::string &name, const Type *sig) {
  if (llvm::Function *f = m_.getFunction(name)) return f;
  llvm::Function *f = llvm::Function::Create(funcType(sig), llvm::Function::ExternalLinkage, name, m_);
  f->addParamAttr(0, llvm::Attribute::Nest);
  // Frame pointers let the runtime (tracebacks, later the GC) walk stacks;
  // unwind tables let panics pass every Go frame.
  f->addFnAttr("frame-pointer", "all");
  f->setUWTableKind(llvm::UWTableKind::Default);
  for (unsigned i = 0; i < f->arg_size(); ++i)
    if (f->getArg(i)->getType()->isIntegerTy(1)) f->addParamAttr(i, llvm::Attribute::ZExt);
  if (f->getReturnType()->isIntegerTy(1)) f->addRetAttr(llvm::Attribute::ZExt);
  return f;
}

llvm::FunctionCallee Lowering::runtimeFunc(const std::string &name, llvm::Type *ret,
                                           std::vector<llvm::Type *> params) {
  llvm::FunctionType *ft = llvm::FunctionType::get(ret, params, false);
  llvm::FunctionCallee c = m_.getOrInsertFunction(name, ft);
  if (auto *f = llvm::dyn_cast<llvm::Function>(c.getCallee()); f && f->getFunctionType() == ft) {
    for (unsigned i = 0; i < f->arg_size(); ++i)
      if (params[i]->isIntegerTy(1)) f->addParamAttr(i, llvm::Attribute::ZExt);
    if (f->getReturnType()->isIntegerTy(1)) f->addRetAttr(llvm::Attribute::ZExt);
    // Most runtime functions can panic (and so unwind); printing cannot.
    if (name.rfind("runtime.print", 0) == 0) f->setDoesNotThrow();
    // New memory aliases nothing else: LLVM may then forward what code
    // stores into a new object (a closure's code pointer, a captured
    // cell) to later loads, and call closures directly.
    if (name == "runtime.newobject" || name == "runtime.makeslice") f->addRetAttr(llvm::Attribute::NoAlias);
  }
  return c;
}

llvm::CallBase *Lowering::emitCall(llvm::FunctionCallee callee, llvm::ArrayRef<llvm::Value *> args,
                                   bool toLandingPad) {
  llvm::CallBase *c;
  if (!lpad_ || !toLandingPad) {
    c = b_.CreateCall(callee, args);
  } else {
    llvm::Function *fn = b_.GetInsertBlock()->getParent();
    // The continuation comes right after the call in the layout, so that
    // the call's stack map (the continuation's first instruction) follows
    // its return address even without optimization (-N).
    llvm::BasicBlock *cont = llvm::BasicBlock::Create(ctx_, "", fn, b_.GetInsertBlock()->getNextNode());
    c = b_.CreateInvoke(callee, cont, lpad_, args);
    b_.SetInsertPoint(cont);
  }
  // One call per source call: its line is the traceback's.
  c->addFnAttr(llvm::Attribute::NoMerge);
  return c;
}

llvm::GlobalVariable *Lowering::global(const std::string &name, const Type *t, bool define) {
  if (auto *g = m_.getGlobalVariable(name)) return g;
  llvm::Type *ty = memTypeOf(t);
  auto *g = new llvm::GlobalVariable(m_, ty, false, llvm::GlobalValue::ExternalLinkage,
                                     define ? llvm::Constant::getNullValue(ty) : nullptr, name);
  g->setAlignment(llvm::Align(uint64_t(std::max<int64_t>(types::layoutOf(t).align, 1))));
  return g;
}

llvm::Constant *Lowering::staticConstant(const ssa::StaticData &d, const std::string &owner) {
  // A packed struct of byte runs and pointer words, in the Go layout the
  // image was made in.
  std::vector<const ssa::StaticData::Pointer *> ptrs;
  for (const auto &p : d.pointers) ptrs.push_back(&p);
  std::sort(ptrs.begin(), ptrs.end(), [](auto *a, auto *b) { return a->offset < b->offset; });
  std::vector<llvm::Constant *> parts;
  size_t at = 0;
  auto bytes = [&](size_t end) {
    if (end <= at) return;
    parts.push_back(llvm::ConstantDataArray::get(ctx_, llvm::ArrayRef<uint8_t>(d.bytes.data() + at, end - at)));
    at = end;
  };
  for (const ssa::StaticData::Pointer *p : ptrs) {
    bytes(p->offset);
    llvm::Constant *target;
    if (!p->object) {
      target = llvm::cast<llvm::Constant>(stringConst(p->string))->getAggregateElement(0u);
    } else {
      llvm::Constant *init = staticConstant(*p->object, owner);
      auto *obj = new llvm::GlobalVariable(m_, init->getType(), false, llvm::GlobalValue::PrivateLinkage, init,
                                           owner + "..stmp");
      obj->setAlignment(llvm::Align(uint64_t(std::max<int64_t>(types::layoutOf(p->object->type).align, 1))));
      target = llvm::ConstantExpr::getAddrSpaceCast(obj, gcptr_);
    }
    parts.push_back(target);
    at = p->offset + 8;
  }
  bytes(d.bytes.size());
  std::vector<llvm::Type *> tys;
  for (llvm::Constant *c : parts) tys.push_back(c->getType());
  return llvm::ConstantStruct::get(llvm::StructType::get(ctx_, tys, /*isPacked=*/true), parts);
}

llvm::Value *Lowering::stringConst(const std::string &s) {
  if (s.empty()) return llvm::Constant::getNullValue(stringTy_);
  auto it = strings_.find(s);
  if (it != strings_.end()) return it->second;
  llvm::Constant *data = llvm::ConstantDataArray::getString(ctx_, s, false);
  auto *g = new llvm::GlobalVariable(m_, data->getType(), true, llvm::GlobalValue::PrivateLinkage,
                                     data, "go.string");
  g->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
  g->setAlignment(llvm::Align(1));
  llvm::Constant *p = llvm::ConstantExpr::getAddrSpaceCast(g, gcptr_);
  llvm::Constant *str = llvm::ConstantStruct::get(stringTy_, {p, llvm::ConstantInt::get(i64_, s.size())});
  strings_[s] = str;
  return str;
}

void Lowering::setLoc(Pos pos) {
  b_.SetCurrentDebugLocation(llvm::DILocation::get(ctx_, pos.line, pos.col, sp_));
}

void Lowering::run() {
  // Line tables only: enough for LLVM to record which calls it inlined.
  di_ = std::make_unique<llvm::DIBuilder>(m_);
  std::string mainFile = pkg_.path;
  for (const auto &f : pkg_.funcs)
    if (!f->file.empty()) {
      mainFile = f->file;
      break;
    }
  cuFileName_ = mainFile;
  llvm::DIFile *cuFile = di_->createFile(mainFile, "");
  di_->createCompileUnit(llvm::dwarf::DW_LANG_Go, cuFile, "origo", true, "", 0, "",
                         llvm::DICompileUnit::LineTablesOnly);
  m_.addModuleFlag(llvm::Module::Warning, "Debug Info Version", llvm::DEBUG_METADATA_VERSION);
  m_.addModuleFlag(llvm::Module::Warning, "Dwarf Version", 4);
  for (const ssa::Global &g : pkg_.globals) {
    if (!g.init) {
      global(g.name, g.type, true);
      continue;
    }
    // Initialized data (ssa/staticinit.cpp).
    llvm::Constant *init = staticConstant(*g.init, g.name);
    auto *gv = new llvm::GlobalVariable(m_, init->getType(), false, llvm::GlobalValue::ExternalLinkage, init, g.name);
    gv->setAlignment(llvm::Align(uint64_t(std::max<int64_t>(types::layoutOf(g.type).align, 1))));
  }
  // Stand-ins for assembly functions codegen implements itself
  // (intrinsics.cpp) are not needed.
  auto skip = [](const ssa::Func &f) { return f.weak && isIntrinsic(f.name); };
  for (const auto &f : pkg_.funcs)
    if (!skip(*f)) goFunction(f->name, f->sig);
  for (const auto &f : pkg_.funcs)
    if (!skip(*f)) lowerFunc(*f);
  di_->finalize();
}

void Lowering::lowerFunc(const ssa::Func &f) {
  cur_ = &f;
  llvm::Function *fn = goFunction(f.name, f.sig);
  if (f.noinline) fn->addFnAttr(llvm::Attribute::NoInline);
  if (f.name == pkg_.initFunc) {
    // A package's init runs once, and initializers of big tables make it
    // one huge block, on which instruction selection's combiner is
    // quadratic (unicode's tables: 20 s on AArch64). Compiled without
    // optimization it goes through the fast instruction selector.
    fn->addFnAttr(llvm::Attribute::OptimizeNone);
    fn->addFnAttr(llvm::Attribute::NoInline);
  }
  if (f.weak) fn->setLinkage(llvm::GlobalValue::WeakAnyLinkage);
  if (f.dupOK) {
    // Made wherever it is used (gc's DUPOK): the linker keeps one copy.
    fn->setLinkage(llvm::GlobalValue::LinkOnceODRLinkage);
    fn->setComdat(m_.getOrInsertComdat(f.name));
  }
  if (f.inlineOnly)
    // Another package's function, here to be inlined: never emitted, so
    // it gets neither a stack check nor a table entry of its own.
    fn->setLinkage(llvm::GlobalValue::AvailableExternallyLinkage);
  else
    funcs.push_back({f.name, f.file, f.hasParams});
  llvm::DIFile *&file = files_[f.file];
  // A package without source lines (an init with nothing to do) has its
  // function in the compile unit's file.
  if (!file) file = di_->createFile(f.file.empty() ? cuFileName_ : f.file, "");
  sp_ = di_->createFunction(file, f.name, f.name, file, f.pos.line,
                            di_->createSubroutineType(di_->getOrCreateTypeArray({})), f.pos.line,
                            llvm::DINode::FlagZero,
                            llvm::DISubprogram::SPFlagDefinition | llvm::DISubprogram::SPFlagOptimized);
  fn->setSubprogram(sp_);
  vals_.assign(f.numValueIds(), nullptr);
  outs_.clear();
  std::map<const ssa::Block *, llvm::BasicBlock *> bbs;
  for (const auto &b : f.blocks)
    bbs[b.get()] = llvm::BasicBlock::Create(ctx_, "b" + std::to_string(b->id), fn);
  // Where each SSA block's code ends (invokes split blocks): phi operands
  // come from there.
  std::map<const ssa::Block *, llvm::BasicBlock *> ends;
  lpad_ = nullptr;
  if (f.unwind) {
    // The landing pad: every Go panic stops here (the personality says
    // so); the unwind block runs the deferred calls.
    fn->setPersonalityFn(llvm::cast<llvm::Constant>(
        m_.getOrInsertFunction("runtime.personality", llvm::FunctionType::get(llvm::Type::getInt32Ty(ctx_), true))
            .getCallee()));
    lpad_ = llvm::BasicBlock::Create(ctx_, "lpad", fn);
    b_.SetInsertPoint(lpad_);
    setLoc(f.unwind->pos);
    llvm::LandingPadInst *lp = b_.CreateLandingPad(llvm::StructType::get(ctx_, {ptr_, b_.getInt32Ty()}), 0);
    lp->setCleanup(true);
    b_.CreateBr(bbs[f.unwind]);
  }
  // 1. Phis first, so any block can refer to them.
  for (const auto &b : f.blocks) {
    b_.SetInsertPoint(bbs[b.get()]);
    setLoc(b->pos);
    for (const ssa::Value *v : b->values)
      if (v->op == Op::Phi)
        vals_[v->id] = b_.CreatePHI(typeOf(v->type), unsigned(v->args.size()), "v" + std::to_string(v->id));
  }
  // 2. Values and terminators, in block order (definitions dominate uses
  // and blocks are in creation order, which follows the source).
  std::vector<const ssa::Block *> order;
  for (const auto &b : f.blocks) order.push_back(b.get());
  // A value may be used in a block created before its own; lower in an
  // order where every block comes after its dominators: reverse postorder.
  {
    std::vector<const ssa::Block *> rpo;
    std::map<const ssa::Block *, int> state;
    // The unwind block is a second root, walked first so that its blocks
    // (and those shared with the entry's, like the exit) come last: they
    // use values of the entry block only.
    std::vector<std::pair<const ssa::Block *, size_t>> st{{f.entry(), 0}};
    state[f.entry()] = 1;
    if (f.unwind) {
      st.push_back({f.unwind, 0});
      state[f.unwind] = 1;
    }
    while (!st.empty()) {
      auto &[blk, i] = st.back();
      if (i < blk->succs.size()) {
        const ssa::Block *s = blk->succs[i++];
        if (!state[s]) {
          state[s] = 1;
          st.push_back({s, 0});
        }
      } else {
        rpo.push_back(blk);
        st.pop_back();
      }
    }
    order.assign(rpo.rbegin(), rpo.rend());
  }
  for (const ssa::Block *b : order) {
    b_.SetInsertPoint(bbs[b]);
    for (const ssa::Value *v : b->values) {
      if (v->op == Op::Phi) continue;
      setLoc(v->pos);
      vals_[v->id] = lowerValue(v);
    }
    if (b->control) setLoc(b->control->pos);
    ends[b] = b_.GetInsertBlock();
    switch (b->kind) {
    case ssa::BlockKind::Plain:
      b_.CreateBr(bbs[b->succs[0]]);
      break;
    case ssa::BlockKind::If:
    {
      // Checks branch to panicking Exit blocks: tell LLVM they are cold
      // so that the fast path is laid out straight.
      llvm::MDNode *weights = nullptr;
      llvm::MDBuilder md(ctx_);
      if (b->succs[0]->kind == ssa::BlockKind::Exit && b->succs[1]->kind != ssa::BlockKind::Exit)
        weights = md.createBranchWeights(1, 1u << 20);
      else if (b->succs[1]->kind == ssa::BlockKind::Exit && b->succs[0]->kind != ssa::BlockKind::Exit)
        weights = md.createBranchWeights(1u << 20, 1);
      b_.CreateCondBr(vals_[b->control->id], bbs[b->succs[0]], bbs[b->succs[1]], weights);
    }
      break;
    case ssa::BlockKind::Ret: {
      // Aggregate results are copied to the caller's out pointers; the
      // others are returned.
      const ssa::Value *r = b->control;
      std::vector<llvm::Value *> scalars;
      unsigned out = 0;
      auto want = f.sig->results();
      for (size_t i = 0; i < r->args.size(); ++i) {
        const ssa::Value *a = r->args[i];
        if (!isAggregate(want[i])) {
          scalars.push_back(vals_[a->id]);
          continue;
        }
        types::Layout l = types::layoutOf(want[i]);
        llvm::MaybeAlign al(uint64_t(std::max<int64_t>(l.align, 1)));
        b_.CreateMemMove(fn->getArg(1 + out++), al, vals_[a->id], al, uint64_t(l.size));
      }
      if (scalars.empty()) b_.CreateRetVoid();
      else if (scalars.size() == 1) b_.CreateRet(scalars[0]);
      else {
        llvm::Value *agg = llvm::UndefValue::get(fn->getReturnType());
        for (unsigned i = 0; i < scalars.size(); ++i) agg = b_.CreateInsertValue(agg, scalars[i], {i});
        b_.CreateRet(agg);
      }
      break;
    }
    case ssa::BlockKind::Exit:
      // The control (a panicking call) was lowered with the block's values.
      b_.CreateUnreachable();
      break;
    }
  }
  // 3. Phi operands.
  for (const auto &b : f.blocks)
    for (const ssa::Value *v : b->values)
      if (v->op == Op::Phi) {
        auto *phi = llvm::cast<llvm::PHINode>(vals_[v->id]);
        for (size_t i = 0; i < v->args.size(); ++i)
          phi->addIncoming(vals_[v->args[i]->id], ends[b->preds[i]]);
      }
  // Blocks never reached by the RPO walk cannot exist after deadcode; any
  // left empty get a terminator so the IR stays valid.
  for (auto &[sb, bb] : bbs)
    if (!bb->getTerminator()) {
      b_.SetInsertPoint(bb);
      b_.CreateUnreachable();
    }
}

llvm::Value *Lowering::runtimeCall(const ssa::Value *v) {
  // Runtime functions take strings as (pointer, length), slices as
  // (pointer, length, capacity) and bools as i1; a slice result (three
  // words) is written through an explicit first pointer argument
  // (runtime/abi.h), here a stack slot of the entry block.
  std::vector<llvm::Type *> params;
  std::vector<llvm::Value *> args;
  llvm::Type *ret = typeOf(v->type);
  llvm::AllocaInst *out = nullptr;
  if (ret == sliceTy_) {
    llvm::Function *fnc = b_.GetInsertBlock()->getParent();
    llvm::IRBuilder<> eb(&fnc->getEntryBlock(), fnc->getEntryBlock().begin());
    out = eb.CreateAlloca(sliceTy_);
    params.push_back(out->getType());
    args.push_back(out);
    ret = llvm::Type::getVoidTy(ctx_);
  }
  for (size_t i = 0; i < v->args.size(); ++i) {
    llvm::Value *a = arg(v, i);
    if (a->getType() == stringTy_ || a->getType() == sliceTy_ || a->getType() == ifaceTy_) {
      unsigned n = a->getType() == sliceTy_ ? 3 : 2;
      for (unsigned k = 0; k < n; ++k) {
        args.push_back(b_.CreateExtractValue(a, {k}));
        params.push_back(args.back()->getType());
      }
    } else {
      params.push_back(a->getType());
      args.push_back(a);
    }
  }
  // panicresume raises the panic on from this frame: not to its own
  // landing pad.
  llvm::CallBase *c = emitCall(runtimeFunc(v->aux, ret, params), args, v->aux != "runtime.panicresume");
  if (v->block && v->block->kind == ssa::BlockKind::Exit && v->block->control == v) c->addFnAttr(llvm::Attribute::Cold);
  if (out) return b_.CreateLoad(sliceTy_, out);
  return c;
}

llvm::Value *Lowering::shift(const ssa::Value *v) {
  llvm::Value *x = arg(v, 0), *s = arg(v, 1);
  auto *xt = llvm::cast<llvm::IntegerType>(x->getType());
  auto *st = llvm::cast<llvm::IntegerType>(s->getType());
  unsigned bits = xt->getBitWidth();
  // Is the count >= the width? (The count is non-negative here: signed
  // counts were checked by the builder.)
  llvm::Value *big;
  if (st->getBitWidth() >= 64 || (uint64_t(1) << st->getBitWidth()) > bits)
    big = b_.CreateICmpUGE(s, llvm::ConstantInt::get(st, bits));
  else
    big = b_.getFalse();
  llvm::Value *cnt = b_.CreateZExtOrTrunc(s, xt);
  // Keep the LLVM shift amount in range; the select picks Go's result.
  llvm::Value *safe = b_.CreateSelect(big, llvm::ConstantInt::get(xt, 0), cnt);
  bool uns = types::isUnsigned(v->type);
  if (v->op == Op::Lsh)
    return b_.CreateSelect(big, llvm::ConstantInt::get(xt, 0), b_.CreateShl(x, safe));
  if (uns)
    return b_.CreateSelect(big, llvm::ConstantInt::get(xt, 0), b_.CreateLShr(x, safe));
  return b_.CreateSelect(big, b_.CreateAShr(x, llvm::ConstantInt::get(xt, bits - 1)), b_.CreateAShr(x, safe));
}

llvm::Value *Lowering::divide(const ssa::Value *v) {
  llvm::Value *x = arg(v, 0), *y = arg(v, 1);
  bool div = v->op == Op::Div;
  if (types::isUnsigned(v->type)) return div ? b_.CreateUDiv(x, y) : b_.CreateURem(x, y);
  // MinInt / -1 overflows in hardware; Go defines it as MinInt (rem 0).
  llvm::Value *neg1 = b_.CreateICmpEQ(y, llvm::ConstantInt::getSigned(y->getType(), -1));
  llvm::Value *safe = b_.CreateSelect(neg1, llvm::ConstantInt::get(y->getType(), 1), y);
  if (div) return b_.CreateSelect(neg1, b_.CreateNeg(x), b_.CreateSDiv(x, safe));
  return b_.CreateSelect(neg1, llvm::ConstantInt::get(y->getType(), 0), b_.CreateSRem(x, safe));
}

llvm::Value *Lowering::convert(const ssa::Value *v) {
  llvm::Value *x = arg(v, 0);
  llvm::Type *t = typeOf(v->type);
  bool fromUns = types::isUnsigned(v->args[0]->type), toUns = types::isUnsigned(v->type);
  if (x->getType()->isFloatingPointTy()) {
    if (t->isFloatingPointTy()) return b_.CreateFPCast(x, t);
    // Go leaves out-of-range results implementation-defined; LLVM makes
    // fptosi's poison. The saturating forms are defined everywhere (and
    // are what arm64's FCVTZS/FCVTZU and gc there give).
    auto id = toUns ? llvm::Intrinsic::fptoui_sat : llvm::Intrinsic::fptosi_sat;
    return b_.CreateIntrinsic(id, {t, x->getType()}, {x});
  }
  if (t->isFloatingPointTy()) return fromUns ? b_.CreateUIToFP(x, t) : b_.CreateSIToFP(x, t);
  // uintptr(unsafe.Pointer) and back.
  if (x->getType()->isPointerTy()) return b_.CreatePtrToInt(x, t);
  if (t->isPointerTy()) return b_.CreateIntToPtr(x, t);
  return fromUns ? b_.CreateZExtOrTrunc(x, t) : b_.CreateSExtOrTrunc(x, t);
}

llvm::Value *Lowering::compareIface(llvm::Value *x, llvm::Value *y, Pos pos) {
  // Equal dynamic types, and then equal values: none (nil), or by the
  // type's equality (runtime.efaceeq panics for uncomparable types).
  llvm::Value *tx = b_.CreateExtractValue(x, {0}), *ty = b_.CreateExtractValue(y, {0});
  llvm::Value *same = b_.CreateICmpEQ(tx, ty);
  auto isNull = [](llvm::Value *w) { return llvm::isa<llvm::Constant>(w) && llvm::cast<llvm::Constant>(w)->isNullValue(); };
  if (isNull(x) || isNull(y)) return same;
  llvm::Function *fn = b_.GetInsertBlock()->getParent();
  llvm::BasicBlock *from = b_.GetInsertBlock();
  llvm::BasicBlock *deep = llvm::BasicBlock::Create(ctx_, "", fn), *done = llvm::BasicBlock::Create(ctx_, "", fn);
  llvm::Value *nonNil = b_.CreateAnd(same, b_.CreateICmpNE(tx, llvm::Constant::getNullValue(gcptr_)));
  b_.CreateCondBr(nonNil, deep, done);
  b_.SetInsertPoint(deep);
  llvm::Value *eq = emitCall(runtimeFunc("runtime.efaceeq", llvm::Type::getInt1Ty(ctx_), {gcptr_, gcptr_, gcptr_}),
                             {tx, b_.CreateExtractValue(x, {1}), b_.CreateExtractValue(y, {1})});
  llvm::BasicBlock *deepEnd = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode *phi = b_.CreatePHI(llvm::Type::getInt1Ty(ctx_), 2);
  phi->addIncoming(same, from);
  phi->addIncoming(eq, deepEnd);
  return phi;
}

llvm::Value *Lowering::compare(const ssa::Value *v) {
  llvm::Value *x = arg(v, 0), *y = arg(v, 1);
  const Type *t = v->args[0]->type;
  if (x->getType() == ifaceTy_) {
    llvm::Value *eq = compareIface(x, y, v->pos);
    return v->op == Op::Eq ? eq : b_.CreateNot(eq);
  }
  if (x->getType()->isFloatingPointTy()) {
    // Ordered comparisons are false with a NaN; != is true.
    switch (v->op) {
    case Op::Eq: return b_.CreateFCmpOEQ(x, y);
    case Op::Neq: return b_.CreateFCmpUNE(x, y);
    case Op::Less: return b_.CreateFCmpOLT(x, y);
    case Op::Leq: return b_.CreateFCmpOLE(x, y);
    case Op::Greater: return b_.CreateFCmpOGT(x, y);
    default: return b_.CreateFCmpOGE(x, y);
    }
  }
  if (types::isString(t)) {
    // runtime.cmpstring returns -1, 0 or +1.
    llvm::Value *c = emitCall(
        runtimeFunc("runtime.cmpstring", i64_, {gcptr_, i64_, gcptr_, i64_}),
        {b_.CreateExtractValue(x, {0}), b_.CreateExtractValue(x, {1}), b_.CreateExtractValue(y, {0}),
         b_.CreateExtractValue(y, {1})});
    x = c;
    y = llvm::ConstantInt::get(i64_, 0);
    t = nullptr;
  }
  bool uns = t && (types::isUnsigned(t) || types::isBoolean(t));
  switch (v->op) {
  case Op::Eq: return b_.CreateICmpEQ(x, y);
  case Op::Neq: return b_.CreateICmpNE(x, y);
  case Op::Less: return uns ? b_.CreateICmpULT(x, y) : b_.CreateICmpSLT(x, y);
  case Op::Leq: return uns ? b_.CreateICmpULE(x, y) : b_.CreateICmpSLE(x, y);
  case Op::Greater: return uns ? b_.CreateICmpUGT(x, y) : b_.CreateICmpSGT(x, y);
  default: return uns ? b_.CreateICmpUGE(x, y) : b_.CreateICmpSGE(x, y);
  }
}

llvm::Value *Lowering::complexOp(const ssa::Value *v) {
  llvm::Value *x = arg(v, 0);
  llvm::Value *a = b_.CreateExtractValue(x, {0}), *b = b_.CreateExtractValue(x, {1});
  auto make = [&](llvm::Value *re, llvm::Value *im) {
    llvm::Value *r = llvm::UndefValue::get(x->getType());
    r = b_.CreateInsertValue(r, re, {0});
    return b_.CreateInsertValue(r, im, {1});
  };
  if (v->op == Op::Neg) return make(b_.CreateFNeg(a), b_.CreateFNeg(b));
  llvm::Value *y = arg(v, 1);
  llvm::Value *c = b_.CreateExtractValue(y, {0}), *d = b_.CreateExtractValue(y, {1});
  switch (v->op) {
  case Op::Add: return make(b_.CreateFAdd(a, c), b_.CreateFAdd(b, d));
  case Op::Sub: return make(b_.CreateFSub(a, c), b_.CreateFSub(b, d));
  case Op::Mul:
    // (a+bi)(c+di) = (ac-bd) + (ad+bc)i, without fused multiply-adds.
    return make(b_.CreateFSub(b_.CreateFMul(a, c), b_.CreateFMul(b, d)),
                b_.CreateFAdd(b_.CreateFMul(a, d), b_.CreateFMul(b, c)));
  case Op::Div: {
    // runtime.complex128div, in float64 for complex64 too (as gc).
    llvm::Type *f64 = llvm::Type::getDoubleTy(ctx_);
    bool narrow = a->getType()->isFloatTy();
    auto wide = [&](llvm::Value *p) { return narrow ? b_.CreateFPExt(p, f64) : p; };
    llvm::StructType *c128 = llvm::StructType::get(ctx_, {f64, f64});
    llvm::Value *q = emitCall(runtimeFunc("runtime.complex128div", c128, {f64, f64, f64, f64}),
                              {wide(a), wide(b), wide(c), wide(d)});
    llvm::Value *re = b_.CreateExtractValue(q, {0}), *im = b_.CreateExtractValue(q, {1});
    if (narrow) {
      re = b_.CreateFPTrunc(re, a->getType());
      im = b_.CreateFPTrunc(im, a->getType());
    }
    return make(re, im);
  }
  case Op::Eq:
    return b_.CreateAnd(b_.CreateFCmpOEQ(a, c), b_.CreateFCmpOEQ(b, d));
  default: // Neq
    return b_.CreateOr(b_.CreateFCmpUNE(a, c), b_.CreateFCmpUNE(b, d));
  }
}

llvm::Value *Lowering::lowerValue(const ssa::Value *v) {
  llvm::Type *t = typeOf(v->type);
  if (types::isComplex(v->args.empty() ? v->type : v->args[0]->type) &&
      (v->op == Op::Add || v->op == Op::Sub || v->op == Op::Mul || v->op == Op::Div || v->op == Op::Neg ||
       v->op == Op::Eq || v->op == Op::Neq))
    return complexOp(v);
  switch (v->op) {
  case Op::ComplexMake: {
    llvm::Value *r = llvm::UndefValue::get(t);
    r = b_.CreateInsertValue(r, arg(v, 0), {0});
    return b_.CreateInsertValue(r, arg(v, 1), {1});
  }
  case Op::Real:
    return b_.CreateExtractValue(arg(v, 0), {0});
  case Op::Imag:
    return b_.CreateExtractValue(arg(v, 0), {1});
  case Op::Arg:
    return param(unsigned(v->auxInt));
  case Op::ClosurePtr:
    return b_.GetInsertBlock()->getParent()->getArg(0);
  case Op::LocalAddr:
    return stackSlot(v->auxType);
  case Op::Zero: {
    types::Layout l = types::layoutOf(v->auxType);
    b_.CreateMemSet(arg(v, 0), b_.getInt8(0), uint64_t(l.size), llvm::MaybeAlign(uint64_t(std::max<int64_t>(l.align, 1))));
    return nullptr;
  }
  case Op::Move: {
    types::Layout l = types::layoutOf(v->auxType);
    llvm::MaybeAlign a(uint64_t(std::max<int64_t>(l.align, 1)));
    b_.CreateMemMove(arg(v, 0), a, arg(v, 1), a, uint64_t(l.size));
    return nullptr;
  }
  case Op::ConstInt:
    if (t->isIntegerTy()) return llvm::ConstantInt::get(t, uint64_t(v->auxInt), true);
    return llvm::Constant::getNullValue(t);
  case Op::ConstBool:
    return llvm::ConstantInt::get(llvm::Type::getInt1Ty(ctx_), v->auxInt != 0);
  case Op::ConstString:
    return stringConst(v->aux);
  case Op::ConstFloat: {
    double d;
    std::memcpy(&d, &v->auxInt, sizeof d);
    return llvm::ConstantFP::get(t, d);
  }
  case Op::Copy:
    return arg(v, 0);
  case Op::FuncAddr: {
    // The static closure of a Go function: one pointer word, the entry
    // (gc's funcval), shared by every module through a comdat.
    llvm::Function *fn = goFunction(v->aux, v->type);
    std::string gname = v->aux + "\u00b7f"; // gc: main.f·f
    llvm::GlobalVariable *g = m_.getGlobalVariable(gname);
    if (!g) {
      // The word is typed as Go pointers are (addrspace 1), as closure
      // objects store it, so that LLVM can forward it to a ClosureCall's
      // load and call the function directly.
      g = new llvm::GlobalVariable(m_, gcptr_, true, llvm::GlobalValue::LinkOnceODRLinkage,
                                   llvm::ConstantExpr::getAddrSpaceCast(fn, gcptr_), gname);
      g->setComdat(m_.getOrInsertComdat(gname));
      g->setAlignment(llvm::Align(8));
    }
    return b_.CreateAddrSpaceCast(g, gcptr_);
  }
  case Op::ClosureCall: {
    // The closure goes in the target's "nest" register (r10 on x86-64,
    // x18 on AArch64), where a closure body will find its captured
    // variables; functions that capture nothing ignore it.
    llvm::Value *cl = arg(v, 0);
    llvm::Value *fn = b_.CreateAddrSpaceCast(b_.CreateLoad(gcptr_, cl), ptr_);
    std::vector<llvm::Value *> args;
    for (size_t i = 1; i < v->args.size(); ++i) args.push_back(arg(v, i));
    return goCall(v, funcType(types::under(v->auxType)), fn, cl, args);
  }
  case Op::New: {
    llvm::GlobalVariable *td = typeDescriptor(m_, v->auxType);
    if (!td) internalError("no type descriptor for new object of type " + types::typeString(v->auxType));
    llvm::Value *p = emitCall(runtimeFunc("runtime.newobject", gcptr_, {ptr_}), {td});
    return p;
  }
  case Op::Load: {
    // The code word of a static closure is the function itself: known to
    // LLVM even though the closure is linkonce (closures built with it
    // can then be called, and inlined, directly).
    if (v->args[0]->op == Op::FuncAddr && !types::isBoolean(v->type))
      return b_.CreateAddrSpaceCast(goFunction(v->args[0]->aux, v->args[0]->type), gcptr_);
    llvm::Value *l = b_.CreateLoad(memTypeOf(v->type), arg(v, 0));
    return types::isBoolean(v->type) ? b_.CreateTrunc(l, t) : l;
  }
  case Op::Store: {
    llvm::Value *x = arg(v, 1);
    if (types::isBoolean(v->args[1]->type)) x = b_.CreateZExt(x, memTypeOf(v->args[1]->type));
    b_.CreateStore(x, arg(v, 0));
    return nullptr;
  }
  case Op::GlobalAddr:
    return b_.CreateAddrSpaceCast(global(v->aux, types::under(v->type)->elem), gcptr_);
  case Op::TypeDesc: {
    llvm::GlobalVariable *g = typeDescriptor(m_, v->auxType);
    if (!g) internalError("no type descriptor for " + types::typeString(v->auxType));
    return b_.CreateAddrSpaceCast(g, gcptr_);
  }
  case Op::Box: {
    // Pointer-shaped values are the data word themselves; the others are
    // copied into a new object (runtime.newobject zeroes it).
    llvm::Value *x = arg(v, 0);
    const Type *at = v->auxType ? v->auxType : v->args[0]->type;
    if (types::isPointerShaped(at)) return x;
    if (isAggregate(at)) {
      // x is the aggregate's address (ssa/README.md).
      llvm::Value *p = emitCall(runtimeFunc("runtime.newobject", gcptr_, {ptr_}), {typeDescriptor(m_, at)});
      types::Layout l = types::layoutOf(at);
      llvm::MaybeAlign a(uint64_t(std::max<int64_t>(l.align, 1)));
      b_.CreateMemCpy(p, a, x, a, uint64_t(l.size));
      return p;
    }
    llvm::GlobalVariable *td = typeDescriptor(m_, at);
    if (!td) internalError("no type descriptor for boxing " + types::typeString(at));
    llvm::Value *p = emitCall(runtimeFunc("runtime.newobject", gcptr_, {ptr_}), {td});
    if (types::isBoolean(at)) x = b_.CreateZExt(x, memTypeOf(at));
    b_.CreateStore(x, p);
    return p;
  }
  case Op::Add: return t->isFloatingPointTy() ? b_.CreateFAdd(arg(v, 0), arg(v, 1)) : b_.CreateAdd(arg(v, 0), arg(v, 1));
  case Op::Sub: return t->isFloatingPointTy() ? b_.CreateFSub(arg(v, 0), arg(v, 1)) : b_.CreateSub(arg(v, 0), arg(v, 1));
  case Op::Mul: return t->isFloatingPointTy() ? b_.CreateFMul(arg(v, 0), arg(v, 1)) : b_.CreateMul(arg(v, 0), arg(v, 1));
  case Op::Div:
    if (t->isFloatingPointTy()) return b_.CreateFDiv(arg(v, 0), arg(v, 1));
    return divide(v);
  case Op::Mod: return divide(v);
  case Op::And: return b_.CreateAnd(arg(v, 0), arg(v, 1));
  case Op::Or: return b_.CreateOr(arg(v, 0), arg(v, 1));
  case Op::Xor: return b_.CreateXor(arg(v, 0), arg(v, 1));
  case Op::AndNot: return b_.CreateAnd(arg(v, 0), b_.CreateNot(arg(v, 1)));
  case Op::Lsh:
  case Op::Rsh: return shift(v);
  case Op::Neg: return t->isFloatingPointTy() ? b_.CreateFNeg(arg(v, 0)) : b_.CreateNeg(arg(v, 0));
  case Op::Com:
  case Op::Not: return b_.CreateNot(arg(v, 0));
  case Op::Eq: case Op::Neq: case Op::Less: case Op::Leq: case Op::Greater: case Op::Geq:
    return compare(v);
  case Op::Conv:
    return convert(v);
  case Op::StringLen:
    return b_.CreateExtractValue(arg(v, 0), {1});
  case Op::StringPtr:
  case Op::SlicePtr:
    return b_.CreateExtractValue(arg(v, 0), {0});
  case Op::SliceLen:
    return b_.CreateExtractValue(arg(v, 0), {1});
  case Op::SliceCap:
    return b_.CreateExtractValue(arg(v, 0), {2});
  case Op::SliceMake: {
    llvm::Value *s = llvm::UndefValue::get(sliceTy_);
    s = b_.CreateInsertValue(s, arg(v, 0), {0});
    s = b_.CreateInsertValue(s, arg(v, 1), {1});
    return b_.CreateInsertValue(s, arg(v, 2), {2});
  }
  case Op::StringMake: {
    llvm::Value *s = llvm::UndefValue::get(stringTy_);
    s = b_.CreateInsertValue(s, arg(v, 0), {0});
    return b_.CreateInsertValue(s, arg(v, 1), {1});
  }
  case Op::AddPtr:
    return b_.CreateGEP(llvm::Type::getInt8Ty(ctx_), arg(v, 0), arg(v, 1));
  case Op::CondSelect:
    return b_.CreateSelect(arg(v, 0), arg(v, 1), arg(v, 2));
  case Op::LoadByte: {
    // String bytes never change while reachable.
    llvm::LoadInst *l = b_.CreateLoad(llvm::Type::getInt8Ty(ctx_), arg(v, 0));
    l->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(ctx_, {}));
    return l;
  }
  case Op::StaticCall: {
    std::vector<llvm::Value *> args;
    for (size_t i = 0; i < v->args.size(); ++i) args.push_back(arg(v, i));
    std::string name = v->aux;
    llvm::Function *callee = m_.getFunction(name);
    if (!callee || callee->isDeclaration()) {
      llvm::Value *r;
      std::string redirect;
      if (lowerIntrinsicCall(b_, m_, name, args, t, r, redirect)) return r;
      if (!redirect.empty()) callee = m_.getFunction(name = redirect);
    }
    // A Go function of another package (or a declaration without body),
    // or one a type descriptor's method table declared first with a
    // placeholder type (typedesc.cpp): call with the type of this call,
    // (context, out pointers, arguments) as funcType makes them.
    auto callType = [&] {
      std::vector<llvm::Type *> ps{gcptr_};
      std::vector<llvm::Type *> rets;
      const Type *rt = v->type;
      std::vector<const Type *> res = types::under(rt)->kind == TypeKind::Tuple ? types::under(rt)->list
                                                                                 : std::vector<const Type *>{rt};
      for (const Type *r : res) {
        if (isAggregate(r)) ps.push_back(gcptr_);
        else rets.push_back(typeOf(r));
      }
      for (llvm::Value *a : args) flatParam(a->getType(), ps);
      llvm::Type *ret = rets.empty() ? llvm::Type::getVoidTy(ctx_)
                      : rets.size() == 1 ? rets[0] : llvm::StructType::get(ctx_, rets);
      return llvm::FunctionType::get(ret, ps, false);
    };
    if (!callee) callee = llvm::Function::Create(callType(), llvm::Function::ExternalLinkage, name, m_);
    llvm::FunctionType *ft = callee->getFunctionType();
    // A declaration may carry another type: a placeholder, or the C type
    // codegen gave a runtime function this Go declaration also names
    // (//go:linkname x runtime.newobject). The call has its own type.
    if (callee->isDeclaration()) ft = callType();
    return goCall(v, ft, callee, nullptr, args);
  }
  case Op::MakeIface: case Op::IfaceMake: case Op::IfaceTab: case Op::IfaceData: case Op::IfaceType: {
    std::vector<llvm::Value *> args;
    for (size_t i = 0; i < v->args.size(); ++i) args.push_back(arg(v, i));
    return lowerIfaceOp(b_, m_, v, args, t);
  }
  case Op::IfaceCall: {
    // fun[i] of the itab with the data word as receiver; auxType is the
    // method's signature with that receiver.
    std::vector<llvm::Value *> args{b_.CreateExtractValue(arg(v, 0), {1})};
    for (size_t i = 1; i < v->args.size(); ++i) args.push_back(arg(v, i));
    return goCall(v, funcType(types::under(v->auxType)), itabFun(b_, arg(v, 0), v->auxInt), nullptr, args);
  }
  case Op::RuntimeCall:
    return runtimeCall(v);
  case Op::Select: {
    auto it = outs_.find(v->args[0]);
    if (it == outs_.end()) return b_.CreateExtractValue(arg(v, 0), {unsigned(v->auxInt)});
    // A call with aggregate results: those are in their slots; the others
    // are the call's value (one) or its struct (several).
    const std::vector<llvm::Value *> &outs = it->second;
    size_t i = size_t(v->auxInt);
    if (outs[i]) return outs[i];
    unsigned scalar = 0, before = 0;
    for (size_t k = 0; k < outs.size(); ++k) {
      if (outs[k]) continue;
      if (k < i) ++before;
      ++scalar;
    }
    if (scalar == 1) return arg(v, 0);
    return b_.CreateExtractValue(arg(v, 0), {before});
  }
  case Op::LoadGlobal: {
    // (The global's own type is a byte image when it holds initialized data.)
    llvm::GlobalVariable *g = global(v->aux, v->type);
    llvm::Value *x = b_.CreateLoad(memTypeOf(v->type), g);
    if (types::isBoolean(v->type)) x = b_.CreateTrunc(x, t);
    return x;
  }
  case Op::StoreGlobal: {
    llvm::GlobalVariable *g = global(v->aux, v->args[0]->type);
    llvm::Value *x = arg(v, 0);
    if (types::isBoolean(v->args[0]->type)) x = b_.CreateZExt(x, memTypeOf(v->args[0]->type));
    b_.CreateStore(x, g);
    return nullptr;
  }
  case Op::Recover: {
    // runtime.gorecover checks that this function's caller is the frame
    // running the panic's deferred calls, through this frame's record;
    // inlining would remove the frame (gc never inlines recover either).
    llvm::Function *fn = b_.GetInsertBlock()->getParent();
    fn->addFnAttr(llvm::Attribute::NoInline);
    llvm::Value *fp = b_.CreateIntrinsic(llvm::Intrinsic::frameaddress, {ptr_}, {b_.getInt32(0)});
    llvm::CallBase *c = emitCall(runtimeFunc("runtime.gorecover", ifaceTy_, {i64_}), {b_.CreatePtrToInt(fp, i64_)});
    // A tail call would pop the frame whose record the runtime reads.
    if (auto *ci = llvm::dyn_cast<llvm::CallInst>(c)) ci->setTailCallKind(llvm::CallInst::TCK_NoTail);
    return c;
  }
  case Op::Return:
  case Op::Phi:
  case Op::Invalid:
    return nullptr;
  }
  return nullptr;
}

} // namespace

std::vector<FuncInfo> lowerPackage(const ssa::Package &pkg, llvm::Module &m) {
  Lowering l(pkg, m);
  l.run();
  return std::move(l.funcs);
}

} // namespace origo::codegen
