//===- types/universe.cpp - the universe block ----------------------------===//
/// \file
/// The predeclared identifiers of the spec's universe block, and the
/// Program that owns types, objects, scopes and packages.
//===----------------------------------------------------------------------===//
#include "types/types.h"

namespace origo::types {

Object *Scope::lookup(const std::string &name) const {
  for (const Scope *s = this; s; s = s->parent)
    if (Object *o = s->lookupLocal(name)) return o;
  return nullptr;
}

Object *Scope::insert(Object *obj) {
  auto [it, inserted] = names_.emplace(obj->name, obj);
  if (!inserted) return it->second;
  order_.push_back(obj);
  return nullptr;
}

std::string Object::linkName() const {
  if (!linkname.empty()) return linkname;
  std::string p = pkg ? pkg->path : "";
  std::string n = name;
  // Methods as gc's linker names them: pkg.T.m and pkg.(*T).m.
  if (isMethod && recvType && recvType->obj)
    n = (ptrRecv ? "(*" + recvType->obj->name + ")" : recvType->obj->name) + "." + name;
  return p.empty() ? n : p + "." + n;
}

std::string Object::ptrLinkName() const {
  if (recvType) return ptrMethodName(recvType, name);
  return (pkg ? pkg->path + "." : "") + "(*?)." + name;
}

const FileInfo &Package::infoFor(const syntax::Tree *t) const {
  for (const FileInfo &fi : info)
    if (fi.tree == t) return fi;
  return info.front();
}

Program::Program() : types_(std::make_unique<TypeTable>()), universe_(std::make_unique<Scope>(nullptr)) {
  struct { const char *name; BasicKind kind; } basics[] = {
      {"bool", BasicKind::Bool},       {"int", BasicKind::Int},         {"int8", BasicKind::Int8},
      {"int16", BasicKind::Int16},     {"int32", BasicKind::Int32},     {"int64", BasicKind::Int64},
      {"uint", BasicKind::Uint},       {"uint8", BasicKind::Uint8},     {"uint16", BasicKind::Uint16},
      {"uint32", BasicKind::Uint32},   {"uint64", BasicKind::Uint64},   {"uintptr", BasicKind::Uintptr},
      {"float32", BasicKind::Float32}, {"float64", BasicKind::Float64}, {"complex64", BasicKind::Complex64},
      {"complex128", BasicKind::Complex128}, {"string", BasicKind::String},
      {"byte", BasicKind::Uint8},      {"rune", BasicKind::Int32},
  };
  for (auto &b : basics)
    universe_->insert(newObject(ObjKind::TypeName, b.name, Pos{}, types_->basic(b.kind)));

  // type error interface { Error() string }
  Object *errObj = newObject(ObjKind::TypeName, "error", Pos{}, nullptr);
  Type *errType = types_->named(errObj);
  errObj->type = errType;
  Object *errMethod = newObject(ObjKind::Func, "Error", Pos{}, types_->signature({}, {types_->basic(BasicKind::String)}, false));
  errType->underlying = types_->interfaceType({errMethod}, {});
  universe_->insert(errObj);
  // any = interface{} (an alias); comparable is a constraint interface.
  universe_->insert(newObject(ObjKind::TypeName, "any", Pos{}, types_->interfaceType({}, {})));
  Object *cmpObj = newObject(ObjKind::TypeName, "comparable", Pos{}, nullptr);
  Type *cmpType = types_->named(cmpObj);
  cmpObj->type = cmpType;
  cmpType->underlying = types_->comparableInterface();
  universe_->insert(cmpObj);

  Object *t = newObject(ObjKind::Const, "true", Pos{}, types_->basic(BasicKind::UntypedBool));
  t->value = Constant::makeBool(true);
  universe_->insert(t);
  Object *f = newObject(ObjKind::Const, "false", Pos{}, types_->basic(BasicKind::UntypedBool));
  f->value = Constant::makeBool(false);
  universe_->insert(f);
  Object *iota = newObject(ObjKind::Const, "iota", Pos{}, types_->basic(BasicKind::UntypedInt));
  iota->value = Constant::makeInt64(0);
  universe_->insert(iota);
  universe_->insert(newObject(ObjKind::Nil, "nil", Pos{}, types_->basic(BasicKind::UntypedNil)));

  struct { const char *name; Builtin b; } builtins[] = {
      {"append", Builtin::Append}, {"cap", Builtin::Cap},       {"close", Builtin::Close},
      {"complex", Builtin::Complex}, {"copy", Builtin::Copy},   {"delete", Builtin::Delete},
      {"imag", Builtin::Imag},     {"len", Builtin::Len},       {"make", Builtin::Make},
      {"new", Builtin::New},       {"panic", Builtin::Panic},   {"print", Builtin::Print},
      {"println", Builtin::Println}, {"real", Builtin::Real},   {"recover", Builtin::Recover},
  };
  for (auto &b : builtins) {
    Object *o = newObject(ObjKind::Builtin, b.name, Pos{}, types_->invalid());
    o->builtin = b.b;
    universe_->insert(o);
  }
}

Program::~Program() = default;

Object *Program::newObject(ObjKind kind, std::string name, Pos pos, const Type *type) {
  auto o = std::make_unique<Object>();
  o->kind = kind;
  o->name = std::move(name);
  o->pos = pos;
  o->type = type;
  objects_.push_back(std::move(o));
  return objects_.back().get();
}

Scope *Program::newScope(Scope *parent, bool isFunc) {
  scopes_.push_back(std::make_unique<Scope>(parent, isFunc));
  return scopes_.back().get();
}

Package *Program::unsafePackage() {
  if (unsafe_) return unsafe_;
  unsafe_ = newPackage("unsafe");
  unsafe_->name = "unsafe";
  unsafe_->scope = newScope(nullptr);
  Object *ptr = newObject(ObjKind::TypeName, "Pointer", Pos{}, types_->basic(BasicKind::UnsafePointer));
  ptr->pkg = unsafe_;
  unsafe_->scope->insert(ptr);
  struct { const char *name; Builtin b; } fns[] = {{"Sizeof", Builtin::Sizeof}, {"Alignof", Builtin::Alignof},
                                                   {"Offsetof", Builtin::Offsetof}, {"Add", Builtin::Add},
                                                   {"Slice", Builtin::Slice}};
  for (auto &f : fns) {
    Object *o = newObject(ObjKind::Builtin, f.name, Pos{}, types_->invalid());
    o->builtin = f.b;
    o->pkg = unsafe_;
    unsafe_->scope->insert(o);
  }
  return unsafe_;
}

Package *Program::newPackage(std::string path) {
  packages_.push_back(std::make_unique<Package>());
  packages_.back()->path = std::move(path);
  return packages_.back().get();
}

} // namespace origo::types
