//===- codegen/typedesc.cpp - type descriptors and itabs ------------------===//
/// \file
/// Emits the runtime's view of Go types (runtime/abi.h): a `Type` header
/// (size, pointer prefix, hash, flags, alignment, kind, equality function,
/// GC bitmap, the type's name as gc prints it) followed by the kind's own
/// fields (element types, struct fields, interface methods, map bucket
/// geometry and hasher, signature), the method table of types that have
/// methods (`UncommonType`), and the itabs of (interface, concrete type)
/// pairs. Everything is linkonce_odr in a comdat named by its symbol, so a
/// linked program holds one copy and type identity is pointer identity at
/// run time. Itabs are also listed in section origo_itabs, where the
/// runtime finds them before building one of its own (runtime/iface.cpp).
///
/// Equality and hash functions the runtime does not have (structs and
/// arrays that are not plain memory) are generated here as small LLVM
/// functions in comdats: equality compares field by field (element by
/// element) with the fields' own equality functions; hashing defers to
/// runtime.typehash with the type's descriptor, which folds the fields in
/// the order the runtime's own hashing does.
//===----------------------------------------------------------------------===//
#include "codegen/lower.h"

#include "runtime/abi.h"
#include "runtime/iface.h"

#include <llvm/IR/Constants.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>

#include <algorithm>

namespace origo::codegen {

using types::BasicKind;
using types::Type;
using types::TypeKind;

namespace {

/// The type as gc's runtime prints it (`[]main.T`, `map[string]int`,
/// `interface {}`, `struct { a int }`, `func(int) string`). With
/// \p byPath, defined types are qualified by package path instead of
/// name: the unique spelling symbols are made of.
std::string typeName(const Type *t, bool byPath) {
  switch (t->kind) {
  case TypeKind::Basic: return types::basicName(t->basic);
  case TypeKind::Named: {
    std::string s = t->obj ? t->obj->name : "?";
    if (t->obj && t->obj->pkg) s = t->obj->pkg->name + "." + s;
    // Symbols: types declared in functions print like package-level ones,
    // but several may share a name (types::typeLinkName).
    if (byPath) s = types::typeLinkName(t);
    if (t->origin) {
      s += "[";
      for (size_t i = 0; i < t->typeArgs.size(); ++i) s += (i ? "," : "") + typeName(t->typeArgs[i], byPath);
      s += "]";
    }
    return s;
  }
  case TypeKind::Pointer: return "*" + typeName(t->elem, byPath);
  case TypeKind::Slice: return "[]" + typeName(t->elem, byPath);
  case TypeKind::Array: return "[" + std::to_string(t->len) + "]" + typeName(t->elem, byPath);
  case TypeKind::Map: return "map[" + typeName(t->key, byPath) + "]" + typeName(t->elem, byPath);
  case TypeKind::Chan: {
    std::string e = typeName(t->elem, byPath);
    if (t->dir == types::ChanDir::Send) return "chan<- " + e;
    if (t->dir == types::ChanDir::Recv) return "<-chan " + e;
    if (t->elem->kind == TypeKind::Chan && t->elem->dir == types::ChanDir::Recv) e = "(" + e + ")";
    return "chan " + e;
  }
  case TypeKind::Signature: {
    std::string s = "func(";
    auto ps = t->params();
    for (size_t i = 0; i < ps.size(); ++i) {
      if (i) s += ", ";
      if (t->variadic && i + 1 == ps.size()) s += "..." + typeName(types::under(ps[i])->elem, byPath);
      else s += typeName(ps[i], byPath);
    }
    s += ")";
    auto rs = t->results();
    if (rs.size() == 1) s += " " + typeName(rs[0], byPath);
    else if (rs.size() > 1) {
      s += " (";
      for (size_t i = 0; i < rs.size(); ++i) s += (i ? ", " : "") + typeName(rs[i], byPath);
      s += ")";
    }
    return s;
  }
  case TypeKind::Interface: {
    const auto &ms = types::interfaceMethods(t);
    if (ms.empty()) return "interface {}";
    std::string s = "interface { ";
    for (size_t i = 0; i < ms.size(); ++i) {
      if (i) s += "; ";
      std::string sig = typeName(ms[i]->type, byPath); // "func(...) ..."
      s += ms[i]->name + sig.substr(4);
    }
    return s + " }";
  }
  case TypeKind::Struct: {
    if (t->fields.empty()) return "struct {}";
    std::string s = "struct { ";
    for (size_t i = 0; i < t->fields.size(); ++i) {
      const types::Field &f = t->fields[i];
      if (i) s += "; ";
      if (byPath) {
        // Symbols tell apart what prints alike: an embedded field's own
        // name (struct{ Int } with Int = int), and unexported names of
        // different packages.
        if (f.embedded) s += "=";
        if (!types::isExportedName(f.name) && f.pkg) s += f.pkg->path + ".";
        s += f.name + " ";
      } else if (!f.embedded) {
        s += f.name + " ";
      }
      s += typeName(f.type, byPath);
      if (!f.tag.empty()) s += " " + types::quotedTag(f.tag);
    }
    return s + " }";
  }
  default: return "?";
  }
}

std::string symbolName(const Type *t) { return "type:" + typeName(t, true); }

/// FNV-1a over the symbol: stable across builds and modules.
uint32_t typeHash(const std::string &s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

uint8_t kindOf(const Type *u) {
  using namespace origo::abi;
  switch (u->kind) {
  case TypeKind::Basic:
    switch (u->basic) {
    case BasicKind::Bool: return KindBool;
    case BasicKind::Int: return KindInt;
    case BasicKind::Int8: return KindInt8;
    case BasicKind::Int16: return KindInt16;
    case BasicKind::Int32: return KindInt32;
    case BasicKind::Int64: return KindInt64;
    case BasicKind::Uint: return KindUint;
    case BasicKind::Uint8: return KindUint8;
    case BasicKind::Uint16: return KindUint16;
    case BasicKind::Uint32: return KindUint32;
    case BasicKind::Uint64: return KindUint64;
    case BasicKind::Uintptr: return KindUintptr;
    case BasicKind::Float32: return KindFloat32;
    case BasicKind::Float64: return KindFloat64;
    case BasicKind::Complex64: return KindComplex64;
    case BasicKind::Complex128: return KindComplex128;
    case BasicKind::String: return KindString;
    case BasicKind::UnsafePointer: return KindUnsafePointer;
    default: return KindInvalid;
    }
  case TypeKind::Pointer: return KindPointer;
  case TypeKind::Slice: return KindSlice;
  case TypeKind::Array: return KindArray;
  case TypeKind::Map: return KindMap;
  case TypeKind::Chan: return KindChan;
  case TypeKind::Signature: return KindFunc;
  case TypeKind::Interface: return KindInterface;
  case TypeKind::Struct: return KindStruct;
  default: return KindInvalid;
  }
}

/// Marks the pointer words of a value of type t placed at byte offset off.
void pointerWords(const Type *t, int64_t off, std::vector<bool> &bits) {
  const Type *u = types::under(t);
  auto mark = [&](int64_t o) {
    size_t w = size_t(o / 8);
    if (bits.size() <= w) bits.resize(w + 1);
    bits[w] = true;
  };
  switch (u->kind) {
  case TypeKind::Basic:
    if (u->basic == BasicKind::String || u->basic == BasicKind::UnsafePointer) mark(off);
    return;
  case TypeKind::Pointer: case TypeKind::Map: case TypeKind::Chan: case TypeKind::Signature: case TypeKind::Slice:
    mark(off);
    return;
  case TypeKind::Interface:
    mark(off);
    mark(off + 8);
    return;
  case TypeKind::Array: {
    int64_t es = types::layoutOf(u->elem).size;
    std::vector<bool> eb;
    pointerWords(u->elem, 0, eb);
    if (eb.empty()) return;
    for (int64_t i = 0; i < u->len; ++i) pointerWords(u->elem, off + i * es, bits);
    return;
  }
  case TypeKind::Struct: {
    std::vector<int64_t> offs = types::fieldOffsets(u);
    for (size_t i = 0; i < u->fields.size(); ++i) pointerWords(u->fields[i].type, off + offs[i], bits);
    return;
  }
  default:
    return;
  }
}

/// The named type whose methods t's method set holds (t itself or *t's
/// element), or nullptr.
const Type *methodBase(const Type *t) {
  if (t->kind == TypeKind::Named) return t;
  // A struct literal type has the methods its embedded fields promote.
  if (t->kind == TypeKind::Struct) return t;
  if (t->kind == TypeKind::Pointer && t->elem->kind == TypeKind::Struct) return t->elem;
  if (t->kind == TypeKind::Pointer && t->elem->kind == TypeKind::Named &&
      types::under(t->elem)->kind != TypeKind::Pointer && types::under(t->elem)->kind != TypeKind::Interface)
    return t->elem;
  return nullptr;
}

/// Whether the methods of base exist only where ssa compiled them
/// (generic instances and struct literal types, when their values
/// became interfaces): then descriptors refer to them only if so.
bool compiledOnDemand(const Type *base) { return base->origin || base->kind == TypeKind::Struct; }

} // namespace

std::string methodIfnName(const Type *t, const types::MethodSetEntry &e) {
  const types::Object *m = e.method;
  // The interface data word of a direct type is the receiver itself;
  // otherwise it points at the value, which the (*T).M form takes:
  // declared pointer methods, and wrappers for the others (ssa/wrappers.cpp).
  const Type *base = methodBase(t);
  // Methods of generic instances are compiled where the instance is
  // converted to an interface (ssa's toIface), under gc's names.
  if (base && base->origin) {
    bool direct = t->kind != TypeKind::Pointer && types::isPointerShaped(t);
    // Promoted methods: the (*S[...]).m wrapper ssa made with the instance.
    if (!e.path.empty()) return direct ? "" : types::instanceMethodName(base, m->name, true);
    return types::instanceMethodName(base, m->name, !direct);
  }
  if (t->kind != TypeKind::Pointer && types::isPointerShaped(t)) return m->linkName();
  if (!e.path.empty()) return ssa::needsPromotedWrapper(base, e) ? types::ptrMethodName(base, m->name) : "";
  if (!m->ptrRecv && !ssa::needsPtrWrapper(m)) return ""; // (generic types: none yet)
  return m->ptrLinkName();
}

namespace {

class DescEmitter {
public:
  explicit DescEmitter(llvm::Module &m) : m_(m), ctx_(m.getContext()) {
    i8_ = llvm::Type::getInt8Ty(ctx_);
    i16_ = llvm::Type::getInt16Ty(ctx_);
    i32_ = llvm::Type::getInt32Ty(ctx_);
    i64_ = llvm::Type::getInt64Ty(ctx_);
    ptr_ = llvm::PointerType::get(ctx_, 0);
    str_ = llvm::StructType::get(ctx_, {ptr_, i64_});
    header_ = llvm::StructType::get(ctx_, {i64_, i64_, i32_, i8_, i8_, i8_, i8_, ptr_, ptr_, str_, ptr_, ptr_});
  }

  llvm::GlobalVariable *descriptor(const Type *t);
  llvm::GlobalVariable *itab(const Type *iface, const Type *concrete);

private:
  llvm::Constant *i64c(uint64_t v) { return llvm::ConstantInt::get(i64_, v); }
  llvm::Constant *null() { return llvm::ConstantPointerNull::get(ptr_); }
  /// A read-only linkonce_odr constant in its own comdat.
  llvm::GlobalVariable *comdatConst(llvm::Constant *init, const std::string &name, unsigned align = 8) {
    if (auto *g = m_.getGlobalVariable(name)) return g;
    auto *g = new llvm::GlobalVariable(m_, init->getType(), true, llvm::GlobalValue::LinkOnceODRLinkage, init, name);
    g->setComdat(m_.getOrInsertComdat(name));
    g->setAlignment(llvm::Align(align));
    return g;
  }
  llvm::Constant *goString(const std::string &s, const std::string &name) {
    if (s.empty()) return llvm::ConstantStruct::get(str_, {null(), i64c(0)});
    llvm::Constant *data = comdatConst(llvm::ConstantDataArray::getString(ctx_, s, false), name, 1);
    return llvm::ConstantStruct::get(str_, {data, i64c(s.size())});
  }
  llvm::Constant *fnRef(const std::string &name) {
    if (name.empty()) return null();
    if (llvm::Function *f = m_.getFunction(name)) return f;
    return llvm::Function::Create(llvm::FunctionType::get(llvm::Type::getVoidTy(ctx_), false),
                                  llvm::Function::ExternalLinkage, name, m_);
  }
  llvm::Constant *existingFn(const std::string &name) {
    llvm::Function *f = name.empty() ? nullptr : m_.getFunction(name);
    return f ? f : null();
  }
  llvm::Constant *runtimeFn(const std::string &name, llvm::FunctionType *ft) {
    return llvm::cast<llvm::Constant>(m_.getOrInsertFunction(name, ft).getCallee());
  }
  llvm::FunctionType *equalTy() { return llvm::FunctionType::get(llvm::Type::getInt1Ty(ctx_), {ptr_, ptr_}, false); }
  llvm::FunctionType *hashTy() { return llvm::FunctionType::get(i64_, {ptr_, i64_}, false); }
  llvm::Constant *equalFn(const Type *t);
  llvm::Constant *hashFn(const Type *t);
  llvm::Function *newHelper(const std::string &name, llvm::FunctionType *ft);
  llvm::Constant *memFn(int64_t size, bool hash);
  llvm::Constant *uncommon(const Type *t, const std::string &sym);
  llvm::Constant *bucketDescriptor(const Type *mt, const std::string &sym, int64_t &size);
  llvm::Constant *header(const Type *t, const std::string &sym, uint8_t extraTflag = 0);
  llvm::Constant *imethods(const Type *iface, const std::string &sym);

  llvm::Module &m_;
  llvm::LLVMContext &ctx_;
  llvm::Type *i8_, *i16_, *i32_, *i64_;
  llvm::PointerType *ptr_;
  llvm::StructType *str_, *header_;
};

llvm::Function *DescEmitter::newHelper(const std::string &name, llvm::FunctionType *ft) {
  auto *f = llvm::Function::Create(ft, llvm::GlobalValue::LinkOnceODRLinkage, name, m_);
  f->setComdat(m_.getOrInsertComdat(name));
  f->addFnAttr("frame-pointer", "all");
  if (ft->getReturnType()->isIntegerTy(1)) f->addRetAttr(llvm::Attribute::ZExt);
  return f;
}

/// memequalN / memhashN of the runtime for the sizes it has, else a
/// helper passing the size to runtime.memequal / memhash.
llvm::Constant *DescEmitter::memFn(int64_t size, bool hash) {
  const char *base = hash ? "runtime.memhash" : "runtime.memequal";
  switch (size) {
  case 0: case 1: case 2: case 4: case 8: case 16:
    return runtimeFn(std::string(base) + std::to_string(size * 8), hash ? hashTy() : equalTy());
  default: break;
  }
  std::string name = std::string(hash ? "go:memhash" : "go:memequal") + std::to_string(size);
  if (llvm::Function *f = m_.getFunction(name)) return f;
  llvm::Function *f = newHelper(name, hash ? hashTy() : equalTy());
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx_, "", f));
  if (hash) {
    auto *rt = llvm::FunctionType::get(i64_, {ptr_, i64_, i64_}, false);
    b.CreateRet(b.CreateCall(rt, runtimeFn(base, rt), {f->getArg(0), f->getArg(1), i64c(uint64_t(size))}));
  } else {
    auto *rt = llvm::FunctionType::get(llvm::Type::getInt1Ty(ctx_), {ptr_, ptr_, i64_}, false);
    b.CreateRet(b.CreateCall(rt, runtimeFn(base, rt), {f->getArg(0), f->getArg(1), i64c(uint64_t(size))}));
  }
  return f;
}

llvm::Constant *DescEmitter::equalFn(const Type *t) {
  const Type *u = types::under(t);
  if (!types::isComparable(t)) return null();
  if (types::isRegularMemory(t)) return memFn(types::layoutOf(t).size, false);
  switch (u->kind) {
  case TypeKind::Basic:
    switch (u->basic) {
    case BasicKind::Float32: return runtimeFn("runtime.f32equal", equalTy());
    case BasicKind::Float64: return runtimeFn("runtime.f64equal", equalTy());
    case BasicKind::Complex64: return runtimeFn("runtime.c64equal", equalTy());
    case BasicKind::Complex128: return runtimeFn("runtime.c128equal", equalTy());
    case BasicKind::String: return runtimeFn("runtime.strequal", equalTy());
    default: return null();
    }
  case TypeKind::Interface:
    return runtimeFn(types::interfaceMethods(u).empty() ? "runtime.nilinterequal" : "runtime.interequal", equalTy());
  case TypeKind::Array:
  case TypeKind::Struct: {
    // Field by field (element by element), stopping at the first
    // difference, as gc's generated eq functions do.
    std::string name = "type:eq." + typeName(t, true);
    if (llvm::Function *f = m_.getFunction(name)) return f;
    llvm::Function *f = newHelper(name, equalTy());
    llvm::BasicBlock *no = llvm::BasicBlock::Create(ctx_, "ne", f);
    llvm::IRBuilder<> nb(no);
    nb.CreateRet(nb.getFalse());
    llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx_, "", f, no));
    auto cmpAt = [&](const Type *ft, llvm::Value *off) {
      llvm::Value *p = b.CreateGEP(i8_, f->getArg(0), off), *q = b.CreateGEP(i8_, f->getArg(1), off);
      llvm::Value *eq = b.CreateCall(equalTy(), equalFn(ft), {p, q});
      llvm::BasicBlock *next = llvm::BasicBlock::Create(ctx_, "", f, no);
      b.CreateCondBr(eq, next, no);
      b.SetInsertPoint(next);
    };
    if (u->kind == TypeKind::Struct) {
      std::vector<int64_t> offs = types::fieldOffsets(u);
      for (size_t i = 0; i < u->fields.size(); ++i)
        if (u->fields[i].name != "_" && types::layoutOf(u->fields[i].type).size > 0)
          cmpAt(u->fields[i].type, i64c(uint64_t(offs[i])));
      b.CreateRet(b.getTrue());
    } else if (u->len == 0) {
      b.CreateRet(b.getTrue()); // [0]T: nothing to compare
    } else {
      int64_t es = types::layoutOf(u->elem).size;
      llvm::BasicBlock *entry = b.GetInsertBlock();
      llvm::BasicBlock *loop = llvm::BasicBlock::Create(ctx_, "loop", f, no);
      llvm::BasicBlock *done = llvm::BasicBlock::Create(ctx_, "done", f, no);
      b.CreateBr(loop);
      b.SetInsertPoint(loop);
      llvm::PHINode *i = b.CreatePHI(i64_, 2);
      i->addIncoming(i64c(0), entry);
      cmpAt(u->elem, b.CreateMul(i, i64c(uint64_t(es))));
      llvm::Value *n = b.CreateAdd(i, i64c(1));
      i->addIncoming(n, b.GetInsertBlock());
      b.CreateCondBr(b.CreateICmpULT(n, i64c(uint64_t(u->len))), loop, done);
      b.SetInsertPoint(done);
      b.CreateRet(b.getTrue());
    }
    return f;
  }
  default:
    return null();
  }
}

llvm::Constant *DescEmitter::hashFn(const Type *t) {
  const Type *u = types::under(t);
  if (types::isRegularMemory(t)) return memFn(types::layoutOf(t).size, true);
  if (u->kind == TypeKind::Basic) {
    switch (u->basic) {
    case BasicKind::Float32: return runtimeFn("runtime.f32hash", hashTy());
    case BasicKind::Float64: return runtimeFn("runtime.f64hash", hashTy());
    case BasicKind::Complex64: return runtimeFn("runtime.c64hash", hashTy());
    case BasicKind::Complex128: return runtimeFn("runtime.c128hash", hashTy());
    case BasicKind::String: return runtimeFn("runtime.strhash", hashTy());
    default: break;
    }
  }
  if (u->kind == TypeKind::Interface)
    return runtimeFn(types::interfaceMethods(u).empty() ? "runtime.nilinterhash" : "runtime.interhash", hashTy());
  // Structs and arrays: runtime.typehash over the descriptor.
  std::string name = "type:hash." + typeName(t, true);
  if (llvm::Function *f = m_.getFunction(name)) return f;
  llvm::Function *f = newHelper(name, hashTy());
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx_, "", f));
  auto *th = llvm::FunctionType::get(i64_, {ptr_, ptr_, i64_}, false);
  b.CreateRet(b.CreateCall(th, runtimeFn("runtime.typehash", th), {descriptor(t), f->getArg(0), f->getArg(1)}));
  return f;
}

llvm::Constant *DescEmitter::header(const Type *t, const std::string &sym, uint8_t extraTflag) {
  const Type *u = types::under(t);
  types::Layout l = types::layoutOf(t);
  std::vector<bool> bits;
  pointerWords(t, 0, bits);
  llvm::Constant *gcdata = null();
  if (!bits.empty()) {
    std::vector<uint8_t> bytes((bits.size() + 7) / 8);
    for (size_t i = 0; i < bits.size(); ++i)
      if (bits[i]) bytes[i / 8] |= uint8_t(1u << (i % 8));
    gcdata = comdatConst(llvm::ConstantDataArray::get(ctx_, bytes), sym + ".gcdata", 1);
  }
  uint8_t tflag = extraTflag;
  if (t->kind == TypeKind::Named || t->kind == TypeKind::Basic) tflag |= abi::TFlagNamed;
  if (types::isRegularMemory(t)) tflag |= abi::TFlagRegularMemory;
  uint8_t kind = kindOf(u);
  if (types::isPointerShaped(t)) kind |= abi::KindDirectIface;
  llvm::Constant *unc = uncommon(t, sym);
  if (!unc->isNullValue()) tflag |= abi::TFlagUncommon;
  std::string name = typeName(t, false);
  llvm::Constant *fields[] = {
      i64c(uint64_t(l.size)),
      i64c(uint64_t(bits.size() * 8)),
      llvm::ConstantInt::get(i32_, typeHash(sym)),
      llvm::ConstantInt::get(i8_, tflag),
      llvm::ConstantInt::get(i8_, uint64_t(l.align)),
      llvm::ConstantInt::get(i8_, uint64_t(l.align)),
      llvm::ConstantInt::get(i8_, kind),
      equalFn(t),
      gcdata,
      goString(name, sym + ".str"),
      null(),
      unc,
  };
  return llvm::ConstantStruct::get(header_, fields);
}

llvm::Constant *DescEmitter::uncommon(const Type *t, const std::string &sym) {
  const Type *base = methodBase(t);
  if (!base) return null();
  std::vector<types::MethodSetEntry> ms = types::methodSetOf(t);
  if (t->kind == TypeKind::Pointer && ms.empty()) return null();
  // Method{name, pkgpath, mtyp, ifn, tfn}.
  llvm::StructType *methodTy = llvm::StructType::get(ctx_, {str_, str_, ptr_, ptr_, ptr_});
  std::vector<llvm::Constant *> entries;
  uint16_t xcount = 0;
  for (const types::MethodSetEntry &e : ms) {
    const types::Object *m = e.method;
    bool exported = types::isExportedName(m->name);
    if (exported) ++xcount;
    std::string pkgpath = exported || !m->pkg ? "" : m->pkg->path;
    // tfn (method expressions, for reflect): the method taking the
    // receiver as the type gives it; none for promoted value methods yet.
    std::string tfn = t->kind == TypeKind::Pointer ? methodIfnName(t, e)
                      : !e.path.empty() ? ""
                      : base->origin ? types::instanceMethodName(base, m->name, false) : m->linkName();
    // (Instance methods exist only where they were compiled.)
    auto ref = [&](const std::string &n) { return compiledOnDemand(base) ? existingFn(n) : fnRef(n); };
    // An instance's methods have their type arguments in the signature.
    const Type *mtype = m->type;
    if (base->origin)
      if (auto it = base->instanceMethodSigs.find(m->name); it != base->instanceMethodSigs.end()) mtype = it->second;
    entries.push_back(llvm::ConstantStruct::get(
        methodTy, {goString(m->name, "go:name." + m->name), goString(pkgpath, "go:path." + pkgpath),
                   descriptor(mtype), ref(methodIfnName(t, e)), ref(tfn)}));
  }
  llvm::Constant *methods = null();
  if (!entries.empty()) {
    auto *at = llvm::ArrayType::get(methodTy, entries.size());
    methods = comdatConst(llvm::ConstantArray::get(at, entries), sym + ".methods");
  }
  std::string pkg = base->obj && base->obj->pkg ? base->obj->pkg->path : "";
  llvm::StructType *ut = llvm::StructType::get(ctx_, {str_, ptr_, i16_, i16_, i32_});
  llvm::Constant *init = llvm::ConstantStruct::get(
      ut, {goString(pkg, "go:path." + pkg), methods, llvm::ConstantInt::get(i16_, entries.size()),
           llvm::ConstantInt::get(i16_, xcount), llvm::ConstantInt::get(i32_, 0)});
  return comdatConst(init, sym + ".uncommon");
}

llvm::Constant *DescEmitter::imethods(const Type *iface, const std::string &sym) {
  const auto &ms = types::interfaceMethods(iface);
  if (ms.empty()) return null();
  llvm::StructType *imTy = llvm::StructType::get(ctx_, {str_, str_, ptr_});
  std::vector<llvm::Constant *> entries;
  for (const types::Object *m : ms) {
    std::string pkgpath = types::isExportedName(m->name) || !m->pkg ? "" : m->pkg->path;
    entries.push_back(llvm::ConstantStruct::get(
        imTy, {goString(m->name, "go:name." + m->name), goString(pkgpath, "go:path." + pkgpath), descriptor(m->type)}));
  }
  auto *at = llvm::ArrayType::get(imTy, entries.size());
  return comdatConst(llvm::ConstantArray::get(at, entries), sym + ".imethods");
}

/// A map's bucket: tophash[8], 8 keys, 8 elements, overflow pointer, as a
/// struct descriptor without fields (the runtime reads size and ptrdata).
llvm::Constant *DescEmitter::bucketDescriptor(const Type *mt, const std::string &sym, int64_t &size) {
  const Type *u = types::under(mt);
  int64_t ks = types::layoutOf(u->key).size, es = types::layoutOf(u->elem).size;
  bool ik = ks > int64_t(abi::MapMaxKeySize), ie = es > int64_t(abi::MapMaxElemSize);
  int64_t kslot = ik ? 8 : ks, eslot = ie ? 8 : es;
  size = 8 + 8 * kslot + 8 * eslot + 8;
  std::vector<bool> kb, eb;
  if (ik) kb = {true};
  else pointerWords(u->key, 0, kb);
  if (ie) eb = {true};
  else pointerWords(u->elem, 0, eb);
  bool any = false;
  for (bool b : kb) any |= b;
  for (bool b : eb) any |= b;
  std::vector<bool> bits;
  auto mark = [&](int64_t off) {
    size_t w = size_t(off / 8);
    if (bits.size() <= w) bits.resize(w + 1);
    bits[w] = true;
  };
  if (any) {
    for (int i = 0; i < 8; ++i) {
      for (size_t w = 0; w < kb.size(); ++w)
        if (kb[w]) mark(8 + i * kslot + int64_t(w) * 8);
      for (size_t w = 0; w < eb.size(); ++w)
        if (eb[w]) mark(8 + 8 * kslot + i * eslot + int64_t(w) * 8);
    }
    mark(size - 8);
  }
  std::string bsym = sym + ".bucket";
  if (auto *g = m_.getGlobalVariable(bsym)) return g;
  llvm::Constant *gcdata = null();
  if (!bits.empty()) {
    std::vector<uint8_t> bytes((bits.size() + 7) / 8);
    for (size_t i = 0; i < bits.size(); ++i)
      if (bits[i]) bytes[i / 8] |= uint8_t(1u << (i % 8));
    gcdata = comdatConst(llvm::ConstantDataArray::get(ctx_, bytes), bsym + ".gcdata", 1);
  }
  std::string name = "map.bucket[" + typeName(u->key, false) + "]" + typeName(u->elem, false);
  llvm::Constant *h = llvm::ConstantStruct::get(
      header_, {i64c(uint64_t(size)), i64c(bits.size() * 8), llvm::ConstantInt::get(i32_, typeHash(bsym)),
                llvm::ConstantInt::get(i8_, 0), llvm::ConstantInt::get(i8_, 8), llvm::ConstantInt::get(i8_, 8),
                llvm::ConstantInt::get(i8_, abi::KindStruct), null(), gcdata, goString(name, bsym + ".str"), null(),
                null()});
  llvm::StructType *st = llvm::StructType::get(ctx_, {header_, str_, ptr_, i64_});
  return comdatConst(llvm::ConstantStruct::get(st, {h, goString("", ""), null(), i64c(0)}), bsym);
}

llvm::GlobalVariable *DescEmitter::descriptor(const Type *t) {
  std::string sym = symbolName(t);
  if (llvm::GlobalVariable *g = m_.getGlobalVariable(sym)) return g;
  const Type *u = types::under(t);
  // The global exists before its contents, so that recursive types
  // (type L struct{ next *L }) find it.
  llvm::StructType *extra;
  switch (u->kind) {
  case TypeKind::Pointer: case TypeKind::Slice: extra = llvm::StructType::get(ctx_, std::vector<llvm::Type *>{ptr_}); break;
  case TypeKind::Array: extra = llvm::StructType::get(ctx_, {ptr_, ptr_, i64_}); break;
  case TypeKind::Chan: extra = llvm::StructType::get(ctx_, {ptr_, i64_}); break;
  case TypeKind::Map: extra = llvm::StructType::get(ctx_, {ptr_, ptr_, ptr_, ptr_, i8_, i8_, i16_, i32_}); break;
  case TypeKind::Signature: extra = llvm::StructType::get(ctx_, {i16_, i16_, i8_, llvm::ArrayType::get(i8_, 3), ptr_}); break;
  case TypeKind::Interface: case TypeKind::Struct: extra = llvm::StructType::get(ctx_, {str_, ptr_, i64_}); break;
  default: extra = llvm::StructType::get(ctx_, std::vector<llvm::Type *>{}); break;
  }
  llvm::StructType *ty = llvm::StructType::get(ctx_, {header_, extra});
  auto *g = new llvm::GlobalVariable(m_, ty, true, llvm::GlobalValue::LinkOnceODRLinkage, nullptr, sym);
  g->setComdat(m_.getOrInsertComdat(sym));
  g->setAlignment(llvm::Align(8));

  llvm::Constant *x = nullptr;
  switch (u->kind) {
  case TypeKind::Pointer:
  case TypeKind::Slice:
    x = llvm::ConstantStruct::get(extra, {descriptor(u->elem)});
    break;
  case TypeKind::Array:
    x = llvm::ConstantStruct::get(extra, {descriptor(u->elem), null(), i64c(uint64_t(u->len))});
    break;
  case TypeKind::Chan: {
    uint64_t dir = u->dir == types::ChanDir::Send ? abi::ChanSend : u->dir == types::ChanDir::Recv ? abi::ChanRecv : abi::ChanBoth;
    x = llvm::ConstantStruct::get(extra, {descriptor(u->elem), i64c(dir)});
    break;
  }
  case TypeKind::Map: {
    int64_t bsize;
    llvm::Constant *bucket = bucketDescriptor(t, sym, bsize);
    int64_t ks = types::layoutOf(u->key).size, es = types::layoutOf(u->elem).size;
    uint32_t flags = 0;
    if (ks > int64_t(abi::MapMaxKeySize)) flags |= abi::MapIndirectKey, ks = 8;
    if (es > int64_t(abi::MapMaxElemSize)) flags |= abi::MapIndirectElem, es = 8;
    // Floats and interfaces anywhere in the key break k == k; they and
    // strings make equal keys differ in bits.
    bool hasFloat = false, hasIface = false, hasString = false;
    std::vector<const Type *> work{u->key};
    while (!work.empty()) {
      const Type *k = types::under(work.back());
      work.pop_back();
      if (types::isFloat(k) || types::isComplex(k)) hasFloat = true;
      else if (types::isString(k)) hasString = true;
      else if (k->kind == TypeKind::Interface) hasIface = true;
      else if (k->kind == TypeKind::Array) work.push_back(k->elem);
      else if (k->kind == TypeKind::Struct)
        for (const types::Field &f : k->fields) work.push_back(f.type);
    }
    if (!hasFloat && !hasIface) flags |= abi::MapReflexiveKey;
    if (hasFloat || hasIface || hasString) flags |= abi::MapNeedKeyUpdate;
    if (hasIface) flags |= abi::MapHashMightPanic;
    x = llvm::ConstantStruct::get(extra, {descriptor(u->key), descriptor(u->elem), bucket, hashFn(u->key),
                                          llvm::ConstantInt::get(i8_, uint64_t(ks)), llvm::ConstantInt::get(i8_, uint64_t(es)),
                                          llvm::ConstantInt::get(i16_, uint64_t(bsize)), llvm::ConstantInt::get(i32_, flags)});
    break;
  }
  case TypeKind::Signature: {
    std::vector<llvm::Constant *> ps;
    for (const Type *p : u->list) ps.push_back(descriptor(p));
    llvm::Constant *arr = null();
    if (!ps.empty()) arr = comdatConst(llvm::ConstantArray::get(llvm::ArrayType::get(ptr_, ps.size()), ps), sym + ".params");
    x = llvm::ConstantStruct::get(extra, {llvm::ConstantInt::get(i16_, u->numParams),
                                          llvm::ConstantInt::get(i16_, u->list.size() - u->numParams),
                                          llvm::ConstantInt::get(i8_, u->variadic ? 1 : 0),
                                          llvm::ConstantAggregateZero::get(llvm::ArrayType::get(i8_, 3)), arr});
    break;
  }
  case TypeKind::Interface: {
    std::string pkg = t->kind == TypeKind::Named && t->obj && t->obj->pkg ? t->obj->pkg->path : "";
    x = llvm::ConstantStruct::get(extra, {goString(pkg, "go:path." + pkg), imethods(t, sym),
                                          i64c(types::interfaceMethods(u).size())});
    break;
  }
  case TypeKind::Struct: {
    llvm::StructType *fieldTy = llvm::StructType::get(ctx_, {str_, str_, ptr_, i64_, i8_, llvm::ArrayType::get(i8_, 7)});
    std::vector<int64_t> offs = types::fieldOffsets(u);
    std::vector<llvm::Constant *> fs;
    std::string pkg;
    for (size_t i = 0; i < u->fields.size(); ++i) {
      const types::Field &f = u->fields[i];
      if (f.pkg && pkg.empty() && !types::isExportedName(f.name)) pkg = f.pkg->path;
      fs.push_back(llvm::ConstantStruct::get(
          fieldTy, {goString(f.name, "go:name." + f.name), goString(f.tag, sym + ".tag" + std::to_string(i)),
                    descriptor(f.type), i64c(uint64_t(offs[i])), llvm::ConstantInt::get(i8_, f.embedded ? 1 : 0),
                    llvm::ConstantAggregateZero::get(llvm::ArrayType::get(i8_, 7))}));
    }
    llvm::Constant *arr = null();
    if (!fs.empty()) arr = comdatConst(llvm::ConstantArray::get(llvm::ArrayType::get(fieldTy, fs.size()), fs), sym + ".fields");
    x = llvm::ConstantStruct::get(extra, {goString(pkg, "go:path." + pkg), arr, i64c(fs.size())});
    break;
  }
  default:
    x = llvm::ConstantStruct::get(extra, {});
    break;
  }
  g->setInitializer(llvm::ConstantStruct::get(ty, {header(t, sym), x}));
  return g;
}

llvm::GlobalVariable *DescEmitter::itab(const Type *iface, const Type *concrete) {
  std::string sym = "go:itab." + typeName(concrete, true) + "," + typeName(iface, true);
  if (llvm::GlobalVariable *g = m_.getGlobalVariable(sym)) return g;
  const auto &ims = types::interfaceMethods(iface);
  std::vector<types::MethodSetEntry> ms = types::methodSetOf(concrete);
  std::vector<llvm::Constant *> fns;
  for (const types::Object *im : ims) {
    llvm::Constant *fn = null();
    for (const types::MethodSetEntry &e : ms)
      if (e.method->name == im->name) {
        const Type *base = methodBase(concrete);
        fn = base && compiledOnDemand(base) ? existingFn(methodIfnName(concrete, e)) : fnRef(methodIfnName(concrete, e));
      }
    fns.push_back(fn);
  }
  if (fns.empty()) fns.push_back(null());
  auto *funTy = llvm::ArrayType::get(ptr_, fns.size());
  llvm::StructType *ty = llvm::StructType::get(ctx_, {ptr_, ptr_, i32_, i32_, funTy});
  llvm::Constant *init = llvm::ConstantStruct::get(
      ty, {descriptor(iface), descriptor(concrete), llvm::ConstantInt::get(i32_, typeHash(symbolName(concrete))),
           llvm::ConstantInt::get(i32_, 0), llvm::ConstantArray::get(funTy, fns)});
  llvm::GlobalVariable *g = comdatConst(init, sym);
  // Listed for the runtime, which must hand out this itab for the pair.
  auto *link = new llvm::GlobalVariable(m_, ptr_, true, llvm::GlobalValue::LinkOnceODRLinkage, g, sym + ".link");
  link->setComdat(g->getComdat());
  link->setSection(ORIGO_ITAB_SECTION);
  link->setAlignment(llvm::Align(8));
  llvm::appendToCompilerUsed(m_, {link});
  return g;
}

} // namespace

llvm::GlobalVariable *typeDescriptor(llvm::Module &m, const Type *t) { return DescEmitter(m).descriptor(t); }

llvm::GlobalVariable *itab(llvm::Module &m, const Type *iface, const Type *concrete) {
  return DescEmitter(m).itab(iface, concrete);
}

} // namespace origo::codegen
