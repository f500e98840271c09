//===- types/dump.cpp - text dump of a typed package ----------------------===//
/// \file
/// `origo build -stop-after=types`: for each package-level object its kind
/// and type, then for each function every typed expression in source order
/// (`line:col expr : mode type [= value]`) and, for identifiers, the object
/// they denote or declare.
//===----------------------------------------------------------------------===//
#include "types/types.h"

#include <algorithm>

namespace origo::types {

static const char *objKindName(ObjKind k) {
  switch (k) {
  case ObjKind::Const: return "const";
  case ObjKind::Var: return "var";
  case ObjKind::TypeName: return "type";
  case ObjKind::Func: return "func";
  case ObjKind::Builtin: return "builtin";
  case ObjKind::PkgName: return "package";
  case ObjKind::Nil: return "nil";
  case ObjKind::Label: return "label";
  }
  return "?";
}

static const char *modeName(Mode m) {
  switch (m) {
  case Mode::Invalid: return "invalid";
  case Mode::NoValue: return "novalue";
  case Mode::Builtin: return "builtin";
  case Mode::TypeExpr: return "type";
  case Mode::Constant: return "const";
  case Mode::Variable: return "var";
  case Mode::Value: return "value";
  case Mode::MapIndex: return "mapindex";
  case Mode::CommaOk: return "commaok";
  }
  return "?";
}

static std::string posStr(Pos p) { return std::to_string(p.line) + ":" + std::to_string(p.col); }

static std::string objStr(const Object *o, const Package *from) {
  std::string s = std::string(objKindName(o->kind)) + " " + o->name;
  if (o->type && o->kind != ObjKind::Builtin) s += " " + typeString(o->type, from);
  if (o->pos.valid()) s += " @" + posStr(o->pos);
  else s += " (universe)";
  return s;
}

static void walk(const syntax::Tree &t, const FileInfo &fi, syntax::NodeId n, std::string &out, const Package *from) {
  if (!n.valid()) return;
  const TypeAndValue &tv = fi.types[n.index];
  if (tv.mode != Mode::Invalid || fi.uses[n.index] || fi.defs[n.index]) {
    std::string line = "  " + posStr(syntax::startPos(t, n)) + " " + syntax::exprString(t, n);
    if (tv.mode != Mode::Invalid) {
      line += " : " + std::string(modeName(tv.mode));
      if (tv.type) line += " " + typeString(tv.type, from);
      if (tv.value) line += " = " + tv.value->str();
    }
    if (auto it = fi.instances.find(n.index); it != fi.instances.end()) {
      line += " instance [";
      for (size_t i = 0; i < it->second.size(); ++i) line += (i ? ", " : "") + typeString(it->second[i], from);
      line += "]";
    }
    if (Object *o = fi.defs[n.index]) line += " def " + objStr(o, from);
    if (Object *o = fi.uses[n.index]) line += " use " + objStr(o, from);
    out += line + "\n";
  }
  for (size_t i = 0; i < t.numKids(n); ++i) walk(t, fi, t.kid(n, i), out, from);
}

std::string dumpTypes(const Package &pkg, const SourceManager &sm) {
  std::string out = "package " + pkg.name + " (" + pkg.path + ")\n";
  for (const Object *o : pkg.scope->objects()) out += objStr(o, &pkg) + (o->value ? " = " + o->value->str() : "") + "\n";
  out += "init order:";
  for (const auto &init : pkg.initOrder)
    for (const Object *o : init.lhs) out += " " + o->name;
  out += "\n";
  for (const Object *fn : pkg.funcs) {
    if (!fn->tree) continue;
    out += "\nfunc " + fn->linkName() + " " + typeString(fn->type, &pkg) + "\n";
    const FileInfo &fi = pkg.infoFor(fn->tree);
    walk(*fn->tree, fi, fn->tree->kid(fn->decl, syntax::FuncBody), out, &pkg);
  }
  (void)sm;
  return out;
}

} // namespace origo::types
