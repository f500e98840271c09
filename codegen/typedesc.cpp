//===- codegen/typedesc.cpp - type descriptors ----------------------------===//
/// \file
/// Emits the runtime's view of a Go type (runtime/abi.h `Type`): size,
/// pointer prefix, hash, flags, alignment, kind, equality function, GC
/// bitmap and the type's name as gc prints it. One descriptor per type in a
/// linked program: each is linkonce_odr in a comdat named by its symbol,
/// so type identity is pointer identity at run time.
//===----------------------------------------------------------------------===//
#include "codegen/lower.h"

#include "runtime/abi.h"

#include <llvm/IR/Constants.h>

namespace origo::codegen {

using types::BasicKind;
using types::Type;
using types::TypeKind;

namespace {

/// The type as gc's %v and the runtime's messages name it: "int",
/// "main.T" (package name, not path).
std::string displayName(const Type *t) {
  if (t->kind == TypeKind::Named && t->obj) {
    // Instances of generic types carry their arguments: main.List[int].
    std::string args;
    for (size_t i = 0; i < t->typeArgs.size(); ++i) args += (i ? "," : "") + displayName(t->typeArgs[i]);
    if (!args.empty()) args = "[" + args + "]";
    if (t->obj->pkg) return t->obj->pkg->name + "." + t->obj->name + args;
    return t->obj->name + args;
  }
  return types::typeString(t);
}

/// The symbol, unique per type in a program: package paths, not names.
std::string symbolName(const Type *t) {
  if (t->kind == TypeKind::Named && t->obj && t->obj->pkg) {
    std::string args;
    for (size_t i = 0; i < t->typeArgs.size(); ++i) args += (i ? "," : "") + symbolName(t->typeArgs[i]).substr(5);
    if (!args.empty()) args = "[" + args + "]";
    return "type:" + t->obj->pkg->path + "." + t->obj->name + args;
  }
  return "type:" + types::typeString(t);
}

struct BasicInfo {
  uint8_t kind;
  const char *equal; ///< runtime equality function
  bool regular;      ///< equality is plain memory comparison
};

bool basicInfo(BasicKind k, BasicInfo &out) {
  using namespace origo::abi;
  switch (k) {
  case BasicKind::Bool: out = {KindBool, "runtime.memequal8", true}; return true;
  case BasicKind::Int: out = {KindInt, "runtime.memequal64", true}; return true;
  case BasicKind::Int8: out = {KindInt8, "runtime.memequal8", true}; return true;
  case BasicKind::Int16: out = {KindInt16, "runtime.memequal16", true}; return true;
  case BasicKind::Int32: out = {KindInt32, "runtime.memequal32", true}; return true;
  case BasicKind::Int64: out = {KindInt64, "runtime.memequal64", true}; return true;
  case BasicKind::Uint: out = {KindUint, "runtime.memequal64", true}; return true;
  case BasicKind::Uint8: out = {KindUint8, "runtime.memequal8", true}; return true;
  case BasicKind::Uint16: out = {KindUint16, "runtime.memequal16", true}; return true;
  case BasicKind::Uint32: out = {KindUint32, "runtime.memequal32", true}; return true;
  case BasicKind::Uint64: out = {KindUint64, "runtime.memequal64", true}; return true;
  case BasicKind::Uintptr: out = {KindUintptr, "runtime.memequal64", true}; return true;
  case BasicKind::Float32: out = {KindFloat32, "runtime.f32equal", false}; return true;
  case BasicKind::Float64: out = {KindFloat64, "runtime.f64equal", false}; return true;
  case BasicKind::Complex64: out = {KindComplex64, "runtime.c64equal", false}; return true;
  case BasicKind::Complex128: out = {KindComplex128, "runtime.c128equal", false}; return true;
  case BasicKind::String: out = {KindString, "runtime.strequal", false}; return true;
  case BasicKind::UnsafePointer: out = {uint8_t(KindUnsafePointer | KindDirectIface), "runtime.memequal64", true}; return true;
  default: return false;
  }
}

/// FNV-1a over the symbol: stable across builds and modules.
uint32_t typeHash(const std::string &s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

} // namespace

/// Whether values of t hold pointers (conservatively: any word may).
bool hasPointers(const Type *t) {
  const Type *u = types::under(t);
  switch (u->kind) {
  case TypeKind::Basic: return u->basic == BasicKind::String || u->basic == BasicKind::UnsafePointer;
  case TypeKind::Array: return u->len > 0 && hasPointers(u->elem);
  case TypeKind::Struct:
    for (const types::Field &f : u->fields)
      if (hasPointers(f.type)) return true;
    return false;
  default: return true;
  }
}

/// Kinds of the composite types; their descriptors carry size, alignment
/// and kind (what allocation needs) until the kind-specific parts exist.
bool compositeInfo(const Type *u, BasicInfo &out) {
  using namespace origo::abi;
  switch (u->kind) {
  case TypeKind::Struct: out = {KindStruct, nullptr, false}; return true;
  case TypeKind::Array: out = {KindArray, nullptr, false}; return true;
  case TypeKind::Pointer: out = {uint8_t(KindPointer | KindDirectIface), "runtime.memequal64", true}; return true;
  case TypeKind::Slice: out = {KindSlice, nullptr, false}; return true;
  case TypeKind::Signature: out = {uint8_t(KindFunc | KindDirectIface), nullptr, false}; return true;
  case TypeKind::Map: out = {uint8_t(KindMap | KindDirectIface), nullptr, false}; return true;
  default: return false;
  }
}

/// The hash function of map keys of type k (gc's maptype.hasher) among
/// the runtime's, or "" for keys that need a generated one.
std::string keyHasher(const Type *k) {
  const Type *u = types::under(k);
  if (u->kind == TypeKind::Pointer || u->kind == TypeKind::Chan) return "runtime.memhash64";
  if (u->kind != TypeKind::Basic) return "";
  switch (u->basic) {
  case BasicKind::String: return "runtime.strhash";
  case BasicKind::Float32: return "runtime.f32hash";
  case BasicKind::Float64: return "runtime.f64hash";
  case BasicKind::Complex64: return "runtime.c64hash";
  case BasicKind::Complex128: return "runtime.c128hash";
  default:
    switch (types::layoutOf(k).size) {
    case 1: return "runtime.memhash8";
    case 2: return "runtime.memhash16";
    case 4: return "runtime.memhash32";
    default: return "runtime.memhash64";
    }
  }
}

/// Whether k == k for every key k (not so with NaNs inside).
bool reflexiveKey(const Type *k) {
  const Type *u = types::under(k);
  if (u->kind == TypeKind::Basic) return !types::isFloat(u) && !types::isComplex(u);
  if (u->kind == TypeKind::Array) return reflexiveKey(u->elem);
  if (u->kind == TypeKind::Struct) {
    for (const types::Field &f : u->fields)
      if (!reflexiveKey(f.type)) return false;
    return true;
  }
  return u->kind != TypeKind::Interface;
}

/// Whether assigning to an existing key must overwrite the stored key
/// (+0 and -0, strings that are equal but differently backed).
bool needKeyUpdate(const Type *k) {
  const Type *u = types::under(k);
  if (u->kind == TypeKind::Basic) return types::isFloat(u) || types::isComplex(u) || types::isString(u);
  if (u->kind == TypeKind::Array) return needKeyUpdate(u->elem);
  if (u->kind == TypeKind::Struct) {
    for (const types::Field &f : u->fields)
      if (needKeyUpdate(f.type)) return true;
    return false;
  }
  return u->kind == TypeKind::Interface;
}

llvm::GlobalVariable *typeDescriptor(llvm::Module &m, const Type *t) {
  const Type *u = types::under(t);
  BasicInfo bi;
  if (!u) return nullptr;
  if (u->kind == TypeKind::Basic ? !basicInfo(u->basic, bi) : !compositeInfo(u, bi)) return nullptr;
  std::string sym = symbolName(t);
  if (llvm::GlobalVariable *g = m.getGlobalVariable(sym)) return g;

  llvm::LLVMContext &ctx = m.getContext();
  llvm::Type *i8 = llvm::Type::getInt8Ty(ctx), *i32 = llvm::Type::getInt32Ty(ctx), *i64 = llvm::Type::getInt64Ty(ctx);
  llvm::PointerType *ptr = llvm::PointerType::get(ctx, 0);
  llvm::StructType *strTy = llvm::StructType::get(ctx, {ptr, i64});
  llvm::StructType *typeTy = llvm::StructType::get(ctx, {i64, i64, i32, i8, i8, i8, i8, ptr, ptr, strTy, ptr, ptr});

  types::Layout l = types::layoutOf(t);
  bool hasPtr = hasPointers(t);
  uint8_t tflag = 0;
  if (t->kind == TypeKind::Named || t->kind == TypeKind::Basic) tflag |= abi::TFlagNamed;
  if (bi.regular) tflag |= abi::TFlagRegularMemory;

  auto privateConst = [&](llvm::Constant *init, const std::string &name) {
    auto *g = new llvm::GlobalVariable(m, init->getType(), true, llvm::GlobalValue::LinkOnceODRLinkage, init, name);
    g->setComdat(m.getOrInsertComdat(name));
    g->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
    return g;
  };
  std::string name = displayName(t);
  llvm::Constant *nameData = privateConst(llvm::ConstantDataArray::getString(ctx, name, false), sym + ".str");
  llvm::Constant *gcdata = llvm::ConstantPointerNull::get(ptr);
  if (hasPtr) gcdata = privateConst(llvm::ConstantInt::get(i8, 1), sym + ".gcdata");
  llvm::Constant *eqFn = llvm::ConstantPointerNull::get(ptr);
  if (bi.equal)
    eqFn = llvm::cast<llvm::Constant>(
        m.getOrInsertFunction(bi.equal, llvm::FunctionType::get(llvm::Type::getInt1Ty(ctx), {ptr, ptr}, false)).getCallee());

  llvm::Constant *fields[] = {
      llvm::ConstantInt::get(i64, uint64_t(l.size)),
      llvm::ConstantInt::get(i64, hasPtr ? uint64_t(u->kind == TypeKind::Basic ? 8 : l.size) : 0),
      llvm::ConstantInt::get(i32, typeHash(sym)),
      llvm::ConstantInt::get(i8, tflag),
      llvm::ConstantInt::get(i8, uint64_t(l.align)),
      llvm::ConstantInt::get(i8, uint64_t(l.align)),
      llvm::ConstantInt::get(i8, bi.kind),
      eqFn,
      gcdata,
      llvm::ConstantStruct::get(strTy, {nameData, llvm::ConstantInt::get(i64, name.size())}),
      llvm::ConstantPointerNull::get(ptr),
      llvm::ConstantPointerNull::get(ptr),
  };
  llvm::Constant *init = llvm::ConstantStruct::get(typeTy, fields);
  if (u->kind == TypeKind::Map) {
    // MapType (runtime/abi.h): the key, element and bucket layouts the
    // runtime's map code works from.
    std::string hasher = keyHasher(u->key);
    llvm::GlobalVariable *kd = typeDescriptor(m, u->key), *ed = typeDescriptor(m, u->elem);
    if (hasher.empty() || !kd || !ed) return nullptr;
    int64_t ks = types::layoutOf(u->key).size, es = types::layoutOf(u->elem).size;
    uint32_t flags = 0;
    if (ks > int64_t(abi::MapMaxKeySize)) flags |= abi::MapIndirectKey, ks = 8;
    if (es > int64_t(abi::MapMaxElemSize)) flags |= abi::MapIndirectElem, es = 8;
    if (reflexiveKey(u->key)) flags |= abi::MapReflexiveKey;
    if (needKeyUpdate(u->key)) flags |= abi::MapNeedKeyUpdate;
    int64_t bucketSize = abi::MapBucketCount * (1 + ks + es) + 8;
    // The bucket's descriptor: its size, and pointers anywhere in it.
    std::string bsym = sym + ".bucket";
    llvm::GlobalVariable *bd = m.getGlobalVariable(bsym);
    if (!bd) {
      llvm::Constant *bf[] = {
          llvm::ConstantInt::get(i64, uint64_t(bucketSize)), llvm::ConstantInt::get(i64, uint64_t(bucketSize)),
          llvm::ConstantInt::get(i32, typeHash(bsym)), llvm::ConstantInt::get(i8, 0), llvm::ConstantInt::get(i8, 8),
          llvm::ConstantInt::get(i8, 8), llvm::ConstantInt::get(i8, abi::KindStruct), llvm::ConstantPointerNull::get(ptr),
          llvm::ConstantPointerNull::get(ptr), llvm::ConstantStruct::get(strTy, {nameData, llvm::ConstantInt::get(i64, 0)}),
          llvm::ConstantPointerNull::get(ptr), llvm::ConstantPointerNull::get(ptr)};
      bd = privateConst(llvm::ConstantStruct::get(typeTy, bf), bsym);
    }
    llvm::Type *i16 = llvm::Type::getInt16Ty(ctx);
    llvm::StructType *mapTy = llvm::StructType::get(ctx, {typeTy, ptr, ptr, ptr, ptr, i8, i8, i16, i32});
    llvm::Constant *hash = llvm::cast<llvm::Constant>(
        m.getOrInsertFunction(hasher, llvm::FunctionType::get(i64, {ptr, i64}, false)).getCallee());
    init = llvm::ConstantStruct::get(
        mapTy, {init, kd, ed, bd, hash, llvm::ConstantInt::get(i8, uint64_t(ks)), llvm::ConstantInt::get(i8, uint64_t(es)),
                llvm::ConstantInt::get(i16, uint64_t(bucketSize)), llvm::ConstantInt::get(i32, flags)});
  }
  auto *g = new llvm::GlobalVariable(m, init->getType(), true, llvm::GlobalValue::LinkOnceODRLinkage, init, sym);
  g->setComdat(m.getOrInsertComdat(sym));
  g->setAlignment(llvm::Align(8));
  return g;
}

} // namespace origo::codegen
