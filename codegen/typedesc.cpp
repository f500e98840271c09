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
  default: return false;
  }
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
  auto *g = new llvm::GlobalVariable(m, typeTy, true, llvm::GlobalValue::LinkOnceODRLinkage,
                                     llvm::ConstantStruct::get(typeTy, fields), sym);
  g->setComdat(m.getOrInsertComdat(sym));
  g->setAlignment(llvm::Align(8));
  return g;
}

} // namespace origo::codegen
