//===- types/check_decl.cpp - package-level declarations ------------------===//
/// \file
/// Collects a package's declarations into its scope, resolves each object
/// on first use (types2's objDecl, with colors for cycle detection), checks
/// function bodies, and computes the initialization order of package-level
/// variables (spec "Package initialization").
//===----------------------------------------------------------------------===//
#include "types/checker.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace origo::types {

void Checker::error(Pos pos, std::string msg) {
  // As types2: once something was reported, messages mentioning an invalid
  // operand or type (not at their start) are follow-on errors.
  if (reported_ && (msg.find("invalid operand", 1) != std::string::npos ||
                    msg.find("invalid type", 1) != std::string::npos))
    return;
  reported_ = true;
  diags_.error(pos, std::move(msg));
}

void Checker::errorAt(NodeId n, std::string msg) {
  error(syntax::startPos(*tree_, n), std::move(msg));
}

/// The target of `//go:linkname name target` in tr, or "" (also for the
/// one-argument form, which only exports name under its own symbol).
static std::string linknameTarget(const Tree &tr, const std::string &name) {
  std::string prefix = "go:linkname " + name + " ";
  for (const auto &dir : tr.directives) {
    const std::string &text = dir.text;
    if (text.compare(0, prefix.size(), prefix) != 0) continue;
    std::string target = text.substr(prefix.size());
    while (!target.empty() && (target.back() == ' ' || target.back() == '\t')) target.pop_back();
    while (!target.empty() && target.front() == ' ') target.erase(0, 1);
    if (!target.empty() && target.find(' ') == std::string::npos) return target;
  }
  return "";
}

void Checker::checkFuncDirectives(const Tree &tr, NodeId d, const std::string &name) {
  Pos pos = tr[tr.kid(d, 0)].pos;
  if (tr.kid(d, syntax::FuncBody).valid()) {
    if (tr.hasDirective(d, "noescape")) error(pos, "can only use //go:noescape with external func implementations");
    return;
  }
  if (!cfg_.complete || name == "init" || tr.kid(d, syntax::FuncRecv).valid()) return;
  // `//go:linkname name target` anywhere in the file supplies the body.
  std::string prefix = "go:linkname " + name;
  for (const auto &dir : tr.directives) {
    const std::string &text = dir.text;
    if (text.compare(0, prefix.size(), prefix) == 0 && (text.size() == prefix.size() || text[prefix.size()] == ' '))
      return;
  }
  error(pos, "missing function body");
}

bool Checker::allowVersion(int minor, Pos pos, const std::string &what, bool namesLang) {
  int have = 19;
  if (cfg_.lang.rfind("go1.", 0) == 0) have = std::atoi(cfg_.lang.c_str() + 4);
  if (have >= minor) return true;
  error(pos, what + " requires go1." + std::to_string(minor) + " or later" +
                 (namesLang ? " (-lang was set to " + cfg_.lang + "; check go.mod)" : ""));
  return false;
}

void Checker::unsupported(NodeId n, const std::string &what) {
  error(syntax::startPos(*tree_, n), what + " is not supported by origo yet");
}

void Checker::redeclared(Pos pos, const std::string &name, Pos prev) {
  error(pos, name + " redeclared in this block\n\t" + Diagnostics::formatPos(sm_, prev, DiagOptions{}) +
                 ": other declaration of " + name);
}

std::string Checker::exprStr(NodeId n) const { return syntax::exprString(*tree_, n); }

FileInfo &Checker::infoOf(const Tree *t) {
  for (FileInfo &fi : pkg_.info)
    if (fi.tree == t) return fi;
  assert(false && "file not part of the package");
  return pkg_.info.front();
}

void Checker::setFile(const Tree *t) {
  tree_ = t;
  info_ = &infoOf(t);
  for (auto &[ft, s] : fileScopes_)
    if (ft == t) scope_ = s;
}

void Checker::markImports() const {
  if (importsMarked_) return;
  importsMarked_ = true;
  std::map<std::string, std::set<std::string>> paths; // name -> paths
  std::set<const Package *> seen;
  std::vector<const Package *> work{&pkg_};
  while (!work.empty()) {
    const Package *p = work.back();
    work.pop_back();
    if (!seen.insert(p).second) continue;
    for (const Package *imp : p->imports) {
      paths[imp->name].insert(imp->path);
      work.push_back(imp);
    }
  }
  for (auto &[name, ps] : paths)
    if (ps.size() > 1) pkg_.ambiguousNames.insert(name);
}

void Checker::run(const std::vector<const Tree *> &files) {
  pkg_.scope = prog_.newScope(&prog_.universe());
  pkg_.files = files;
  for (const Tree *t : files) {
    FileInfo fi;
    fi.tree = t;
    fi.types.resize(t->size());
    fi.uses.resize(t->size(), nullptr);
    fi.defs.resize(t->size(), nullptr);
    pkg_.info.push_back(std::move(fi));
    fileScopes_.push_back({t, prog_.newScope(pkg_.scope)});
  }
  collectObjects();

  // Resolve every package-level object, then check bodies (which may
  // refer to any of them).
  // Every package-level object, including blank ones that no scope holds.
  // As types2: defined types first, then aliases, then everything else
  // (the order decides where a cycle is found first).
  auto isType = [](Object *o, bool alias) {
    return o->kind == ObjKind::TypeName && ((*o->tree)[o->decl].op == Tok::Assign) == alias;
  };
  for (Object *obj : pkgObjects_)
    if (isType(obj, false)) objDecl(obj);
  for (Object *obj : pkgObjects_)
    if (isType(obj, true)) objDecl(obj);
  for (Object *obj : pkgObjects_)
    objDecl(obj);
  for (Object *fn : pkg_.funcs)
    objDecl(fn);
  checkPendingValidTypes();
  for (auto &[base, ms] : methodsByBase_) {
    // (A predeclared type is reported by funcDecl: a non-local type.)
    Object *tn = pkg_.scope->lookup(base);
    if (!tn || tn->kind != ObjKind::TypeName)
      for (Object *m : ms) {
        setFile(m->tree);
        error(m->pos, tn ? base + " is not a type" : "undefined: " + base);
        m->type = nullptr; // not checked further
      }
  }
  for (Object *fn : pkg_.funcs) {
    if (!fn->type || !fn->tree) continue;
    setFile(fn->tree);
    NodeId body = fn->tree->kid(fn->decl, syntax::FuncBody);
    if (body.valid()) {
      funcObj_ = fn;
      funcBody(fn, fn->type, body);
      funcObj_ = nullptr;
    }
  }
  verifyInstances();
  computeInitOrder();
  // gc's typecheck runs after types2 and only when it found nothing.
  if (!reported_)
    for (auto &[pos, msg] : lateErrors_) diags_.error(pos, msg);
  for (Object *pn : pkgNames_) {
    if (pn->used) continue;
    // The name is shown when it is not the path's last element.
    std::string elem = pn->importPath.substr(pn->importPath.rfind('/') + 1);
    std::string msg = "imported and not used: \"" + pn->importPath + "\"";
    if (pn->name != elem) msg += " as " + pn->name;
    error(pn->pos, msg);
  }
  // A dot import is used when the file uses one of the package's objects.
  for (const DotImport &di : dotImports_) {
    const FileInfo &fi = infoOf(di.tree);
    if (std::none_of(fi.uses.begin(), fi.uses.end(), [&](Object *o) { return o && o->pkg == di.pkg; }))
      error(di.pos, "imported and not used: \"" + di.path + "\"");
  }
  // As types2, only for an otherwise correct package.
  if (!reported_) monomorph();
}

/// Why an import path is not valid (types2's validatedImportPath), or "".
static std::string invalidImportPath(const std::string &path) {
  if (path.empty()) return "empty string";
  static const char32_t illegal[] = U"!\"#$%&'()*,:;<=>?[\\]^{|}`\uFFFD";
  for (size_t i = 0; i < path.size();) {
    size_t n;
    char32_t r = syntax::decodeUTF8(path.data() + i, path.size() - i, n);
    i += n;
    bool graphic = r >= 0x80 ? r != 0x85 && r != 0xA0 && !(r >= 0x2000 && r <= 0x200A) && r != 0x3000 &&
                                   !(r >= 0x80 && r < 0xA0)
                             : r > 0x20 && r < 0x7F;
    bool bad = !graphic || std::char_traits<char32_t>::find(illegal, std::char_traits<char32_t>::length(illegal), r);
    if (!bad) continue;
    char buf[32];
    std::snprintf(buf, sizeof buf, "U+%04X", unsigned(r));
    std::string s = std::string("invalid character ") + buf;
    // Go's %#U adds the character itself when it is printable.
    bool printable = r >= 0x80 ? graphic : r >= 0x20 && r < 0x7F;
    if (printable) {
      s += " '";
      syntax::appendUTF8(s, r);
      s += "'";
    }
    return s;
  }
  return "";
}

/// gc's islocalname: a path resolved against the -D directory (which
/// makes it canonical), not looked up as an import path.
static bool isLocal(const std::string &p) {
  return p == "." || p == ".." || p.rfind("./", 0) == 0 || p.rfind("../", 0) == 0;
}

/// Lexically clean form of an import path (Go's path.Clean), to reject
/// non-canonical spellings like "unicode//utf8".
static std::string cleanPath(const std::string &p) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string::npos) j = p.size();
    std::string part = p.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") parts.pop_back();
      else if (p[0] != '/') parts.push_back(part);
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out = p[0] == '/' ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) out += (k ? "/" : "") + parts[k];
  return out.empty() ? "." : out;
}

/// Declares one package-level object, reporting redeclarations.
static void declare(Checker &c, Scope *s, Object *obj, FileInfo &fi, NodeId ident) {
  c.pkgObjects_.push_back(obj);
  if (ident.valid()) fi.defs[ident.index] = obj;
  if (obj->name == "_") return;
  // spec: init (in any package) and main (in package main) are functions.
  if (obj->kind != ObjKind::Func && (obj->name == "init" || (obj->name == "main" && c.pkg_.name == "main"))) {
    c.error(obj->pos, "cannot declare " + obj->name + " - must be func");
    return;
  }
  if (Object *prev = s->insert(obj)) c.redeclared(obj->pos, obj->name, prev->pos);
}

void Checker::collectObjects() {
  bool isMain = false;
  for (const Tree *t : pkg_.files) {
    setFile(t);
    const Tree &tr = *t;
    NodeId pkgName = tr.kid(tr.root, 0);
    std::string name(tr[pkgName].text);
    if (name == "_") error(tr[pkgName].pos, "invalid package name _");
    if (pkg_.name.empty()) pkg_.name = name;
    else if (pkg_.name != name)
      error(tr[pkgName].pos, "package " + name + "; expected " + pkg_.name);
    isMain = pkg_.name == "main";
    for (size_t i = 1; i < tr.numKids(tr.root); ++i) {
      NodeId d = tr.kid(tr.root, i);
      switch (tr.kind(d)) {
      case NodeKind::ImportDecl:
        for (NodeId spec : tr.kids(d)) {
          NodeId nameId = tr.kid(spec, 0), path = tr.kid(spec, 1);
          std::string p = syntax::unquote(tr[path].text);
          if (std::string why = invalidImportPath(p); !why.empty()) {
            error(tr[path].pos, "invalid import path (" + why + ")");
            continue;
          }
          Package *imp = nullptr;
          std::string err = "the standard library is not supported by origo yet";
          if (p[0] == '/') err = "import path cannot be absolute path";
          else if (!isLocal(p) && cleanPath(p) != p) err = "non-canonical import path \"" + p + "\" (should be \"" + cleanPath(p) + "\")";
          else if (p == "main") err = "cannot import \"main\"";
          else if (p == pkg_.path) err = "import \"" + p + "\" while compiling that package (import cycle)";
          else if (p == "unsafe") imp = prog_.unsafePackage();
          else if (cfg_.importer) imp = cfg_.importer(p, err);
          if (!imp) {
            error(tr[path].pos, "could not import " + p + " (" + err + ")");
            continue;
          }
          if (std::find(pkg_.imports.begin(), pkg_.imports.end(), imp) == pkg_.imports.end())
            pkg_.imports.push_back(imp);
          // A local import is known by the path it resolved to (gc's noder
          // joins it with -D before types2 sees it).
          if (isLocal(p)) p = imp->path;
          std::string local = nameId.valid() ? std::string(tr[nameId].text) : imp->name;
          if (local == "_") continue;
          if (local == "init") {
            error(nameId.valid() ? tr[nameId].pos : tr[path].pos, "cannot import package as init - init must be a func");
            continue;
          }
          if (local == ".") {
            // Dot imports: every exported object joins the file scope.
            for (Object *o : imp->scope->objects())
              if (exported(o->name)) scope_->insert(o);
            dotImports_.push_back({t, imp, nameId.valid() ? tr[nameId].pos : tr[path].pos, p});
            continue;
          }
          Object *pn = prog_.newObject(ObjKind::PkgName, local, nameId.valid() ? tr[nameId].pos : tr[path].pos, nullptr);
          pn->imported = imp;
          pn->pkg = &pkg_;
          pn->importPath = p;
          pn->renamed = nameId.valid();
          if (nameId.valid()) info_->defs[nameId.index] = pn;
          if (Object *prev = scope_->insert(pn))
            redeclared(pn->pos, local, prev->pos);
          pkgNames_.push_back(pn);
        }
        break;
      case NodeKind::FuncDecl: {
        NodeId nameId = tr.kid(d, 0);
        std::string fname(tr[nameId].text);
        Object *obj = prog_.newObject(ObjKind::Func, fname, tr[nameId].pos, nullptr);
        obj->pkg = &pkg_;
        obj->tree = t;
        obj->decl = d;
        checkFuncDirectives(tr, d, fname);
        if (!tr.kid(d, syntax::FuncRecv).valid()) obj->linkname = linknameTarget(tr, fname);
        if (NodeId recv = tr.kid(d, syntax::FuncRecv); recv.valid()) {
          // A method: attached to its receiver's base type when that is declared.
          obj->decl = d;
          std::string base;
          if (tr.numKids(recv) == 1) {
            NodeId rt = tr.kid(tr.kid(recv, 0), 1);
            while (tr.kind(rt) == NodeKind::ParenExpr) rt = tr.kid(rt, 0);
            if (tr.kind(rt) == NodeKind::StarExpr) { obj->ptrRecv = true; rt = tr.kid(rt, 0); }
            while (tr.kind(rt) == NodeKind::ParenExpr) rt = tr.kid(rt, 0);
            if (tr.kind(rt) == NodeKind::IndexExpr) rt = tr.kid(rt, 0);
            if (tr.kind(rt) == NodeKind::Ident) base = std::string(tr[rt].text);
          } else {
            error(tr[recv].pos, tr.numKids(recv) == 0 ? "method has no receiver" : "method has multiple receivers");
            break;
          }
          if (base.empty()) {
            NodeId field = tr.kid(recv, 0);
            errorAt(field, "invalid receiver type " + exprStr(tr.kid(field, 1)));
            break;
          }
          obj->isMethod = true;
          info_->defs[nameId.index] = obj;
          methodsByBase_[base].push_back(obj);
          pkg_.funcs.push_back(obj);
          break;
        }
        NodeId ft = tr.kid(d, syntax::FuncSig);
        // A declaration without body is implemented elsewhere (assembly or
        // //go:linkname); gc complains only with -complete.
        bool noSig = tr.numKids(tr.kid(ft, 0)) == 0 && tr.numKids(tr.kid(ft, 1)) == 0;
        if (fname == "init") {
          if (!noSig) error(tr[nameId].pos, "func init must have no arguments and no return values");
          if (!tr.kid(d, syntax::FuncBody).valid()) error(tr[nameId].pos, "missing function body");
          // init functions are not declared: each gets its own symbol.
          obj->name = "init." + std::to_string(std::count_if(pkg_.funcs.begin(), pkg_.funcs.end(),
                        [](Object *f) { return f->name.rfind("init.", 0) == 0; }));
          info_->defs[nameId.index] = obj;
          pkg_.funcs.push_back(obj);
          break;
        }
        if (fname == "main" && isMain && !noSig)
          error(tr[nameId].pos, "func main must have no arguments and no return values");
        declare(*this, pkg_.scope, obj, *info_, nameId);
        pkg_.funcs.push_back(obj);
        break;
      }
      case NodeKind::VarDecl:
        for (NodeId spec : tr.kids(d)) {
          NodeId names = tr.kid(spec, 0);
          for (NodeId id : tr.kids(names)) {
            Object *obj = prog_.newObject(ObjKind::Var, std::string(tr[id].text), tr[id].pos, nullptr);
            obj->pkg = &pkg_;
            obj->tree = t;
            obj->decl = spec;
            obj->isGlobal = true;
            obj->linkname = linknameTarget(tr, obj->name);
            declare(*this, pkg_.scope, obj, *info_, id);
            pkg_.globals.push_back(obj);
          }
        }
        break;
      case NodeKind::ConstDecl: {
        // Implicit repetition: a spec without type and values repeats the
        // previous one's (with its own iota).
        NodeId lastSpec = syntax::None;
        int iota = 0;
        for (NodeId spec : tr.kids(d)) {
          bool bare = !tr.kid(spec, 1).valid() && !tr.kid(spec, 2).valid();
          NodeId src = bare ? lastSpec : spec;
          if (!bare) lastSpec = spec;
          for (NodeId id : tr.kids(tr.kid(spec, 0))) {
            Object *obj = prog_.newObject(ObjKind::Const, std::string(tr[id].text), tr[id].pos, nullptr);
            obj->pkg = &pkg_;
            obj->tree = t;
            obj->decl = spec;
            obj->iota = iota;
            declare(*this, pkg_.scope, obj, *info_, id);
            constSrc_[obj] = src;
          }
          ++iota;
        }
        break;
      }
      case NodeKind::TypeDecl:
        for (NodeId spec : tr.kids(d)) {
          NodeId id = tr.kid(spec, 0);
          Object *obj = prog_.newObject(ObjKind::TypeName, std::string(tr[id].text), tr[id].pos, nullptr);
          obj->pkg = &pkg_;
          obj->tree = t;
          obj->decl = spec;
          declare(*this, pkg_.scope, obj, *info_, id);
        }
        break;
      default:
        break;
      }
    }
  }
  // Names imported into a file may not be declared in the package too.
  for (auto &[t, fs] : fileScopes_) {
    for (Object *o : fs->objects()) {
      Object *alt = pkg_.scope->lookupLocal(o->name);
      if (!alt) continue;
      if (o->kind == ObjKind::PkgName)
        error(alt->pos, alt->name + " already declared through import of package " + o->imported->name + " (\"" +
                            o->imported->path + "\")\n\t" + Diagnostics::formatPos(sm_, o->pos, DiagOptions{}) +
                            ": other declaration of " + alt->name);
      else if (o->pkg)
        error(alt->pos, alt->name + " already declared through dot-import of package " + o->pkg->name + " (\"" +
                            o->pkg->path + "\")");
    }
  }
}

void Checker::objDecl(Object *obj) {
  if (obj->color == Object::Color::Black) return;
  if (obj->color == Object::Color::Grey) {
    // A reference back to an object being declared. Cycles of values only
    // are reported by the initialization order; cycles through a type
    // definition are fine here (validType rejects the infinite ones).
    auto it = std::find(objPath_.begin(), objPath_.end(), obj);
    bool valid = it == objPath_.end() || validCycle(size_t(it - objPath_.begin()));
    switch (obj->kind) {
    case ObjKind::Const:
    case ObjKind::Var:
      if (!valid || !obj->type) obj->type = tt_.invalid();
      break;
    case ObjKind::TypeName:
      if (!valid || !obj->type) obj->type = tt_.invalid();
      break;
    default:
      // A function keeps its (empty) type: the cycle was reported.
      break;
    }
    return;
  }
  obj->color = Object::Color::Grey;
  objPath_.push_back(obj);
  // Save the context: resolution may start from inside a function body.
  const Tree *savedTree = tree_;
  Scope *savedScope = scope_;
  const Type *savedSig = sig_;
  Object *savedFunc = funcObj_;
  int savedIota = iota_;
  bool savedInTParamList = inTParamList_;
  inTParamList_ = false;
  setFile(obj->tree);
  sig_ = nullptr;
  // References made while declaring obj are obj's dependencies.
  funcObj_ = obj;
  switch (obj->kind) {
  case ObjKind::Const: constDecl(obj); break;
  case ObjKind::Var: varDecl(obj); break;
  case ObjKind::TypeName: typeDecl(obj); break;
  case ObjKind::Func: funcDecl(obj); break;
  default: break;
  }
  if (savedTree) setFile(savedTree);
  scope_ = savedScope;
  sig_ = savedSig;
  funcObj_ = savedFunc;
  iota_ = savedIota;
  inTParamList_ = savedInTParamList;
  objPath_.pop_back();
  obj->color = Object::Color::Black;
  // Once no type is being declared, the finished ones are complete: check
  // them now, before variables or functions use types that contain
  // themselves.
  if (obj->kind == ObjKind::TypeName &&
      std::none_of(objPath_.begin(), objPath_.end(), [](Object *o) { return o->kind == ObjKind::TypeName; }))
    checkPendingValidTypes();
}

void Checker::checkPendingValidTypes() {
  resolveDeferred();
  std::vector<const Type *> pending = std::move(pendingValidTypes_);
  pendingValidTypes_.clear();
  for (const Type *t : pending) validType(t);
  // Then map keys (a type containing itself is invalid, not incomparable).
  std::vector<LaterKey> keys = std::move(mapKeysLater_);
  mapKeysLater_.clear();
  for (const LaterKey &k : keys) checkMapKey(k);
  std::vector<LaterIface> ifaces = std::move(ifacesLater_);
  ifacesLater_.clear();
  for (const LaterIface &li : ifaces) checkEmbeddedMethods(li);
  std::vector<LaterKey> embedded = std::move(embeddedLater_);
  embeddedLater_.clear();
  for (const LaterKey &k : embedded) checkEmbeddedField(k);
}

bool Checker::declaringType() const {
  return localTypeDecls_ > 0 ||
         std::any_of(objPath_.begin(), objPath_.end(), [](Object *o) { return o->kind == ObjKind::TypeName; });
}

void Checker::checkMapKey(const LaterKey &k) {
  const Type *u = under(k.key);
  if (!u || u == tt_.invalid() || isComparable(k.key)) return;
  error(syntax::startPos(*k.tree, k.node), "invalid map key type " + typeString(k.key, &pkg_));
}

void Checker::addDeclDep(Object *obj) {
  if (funcObj_ && obj->pkg == &pkg_ && obj->tree) deps_[funcObj_].insert(obj);
}

/// Finds the index of obj's name in a ValueSpec.
static size_t specIndex(const Tree &t, NodeId spec, const Object *obj) {
  NodeId names = t.kid(spec, 0);
  for (size_t i = 0; i < t.numKids(names); ++i)
    if (t[t.kid(names, i)].pos == obj->pos) return i;
  return 0;
}

void Checker::constDecl(Object *obj) {
  funcObj_ = obj;
  iota_ = obj->iota;
  NodeId spec = obj->decl;
  NodeId src = constSrc_[obj];
  obj->type = tt_.invalid();
  if (!src.valid()) {
    error(obj->pos, "missing init expr for const declaration");
    return;
  }
  NodeId typeNode = tree_->kid(src, 1);
  NodeId values = tree_->kid(src, 2);
  const Type *t = typeNode.valid() ? typExpr(typeNode) : nullptr;
  size_t i = specIndex(*tree_, spec, obj);
  size_t nvals = values.valid() ? tree_->numKids(values) : 0;
  if (i >= nvals) {
    if (spec == src || i == nvals)
      error(obj->pos, "missing init expr for const declaration");
    return;
  }
  if (spec == src && i + 1 == tree_->numKids(tree_->kid(spec, 0)) && nvals > i + 1)
    errorAt(tree_->kid(values, i + 1), "extra init expr");
  Operand x;
  expr(x, tree_->kid(values, i));
  if (x.invalid()) return;
  if (x.mode != Mode::Constant) {
    errorAt(x.expr, operandStr(x) + " is not constant");
    return;
  }
  if (t) {
    if (!isConstType(t)) {
      errorAt(typeNode, "invalid constant type " + typeString(t));
      return;
    }
    assignment(x, t, "constant declaration");
    if (x.invalid()) return;
  }
  obj->type = x.type;
  obj->value = x.val;
}

void Checker::varDecl(Object *obj) {
  funcObj_ = obj;
  NodeId spec = obj->decl;
  NodeId typeNode = tree_->kid(spec, 1);
  NodeId values = tree_->kid(spec, 2);
  // The variables of a spec are resolved together, except in
  // `var a, b = x, y` where each has its own initializer (and may refer to
  // the ones before it).
  std::vector<Object *> lhs;
  for (NodeId id : tree_->kids(tree_->kid(spec, 0)))
    lhs.push_back(info_->defs[id.index]);
  std::vector<NodeId> es;
  if (values.valid()) es = tree_->kids(values);
  bool own = es.size() > 1 && es.size() == lhs.size();
  if (own) {
    size_t i = size_t(std::find(lhs.begin(), lhs.end(), obj) - lhs.begin());
    lhs = {obj};
    es = {es[i < es.size() ? i : 0]};
  }
  const Type *t = typeNode.valid() ? varType(typeNode) : nullptr;
  for (Object *o : lhs) {
    o->type = t;
    o->color = Object::Color::Grey;
  }
  if (values.valid()) {
    std::vector<Operand> xs;
    if (own) {
      Operand x;
      expr(x, es[0]);
      xs.push_back(x);
    } else if (es.size() == 1 && lhs.size() > 1) {
      multiExpr(xs, es[0], lhs.size() == 2);
      // a, b = f(): the variables share their initializer's dependencies.
      for (Object *o : lhs)
        if (o != obj) deps_[o] = deps_[obj];
    } else {
      exprList(xs, es);
    }
    if (xs.size() != lhs.size()) {
      bool bad = std::any_of(xs.begin(), xs.end(), [](const Operand &x) { return x.invalid(); });
      if (!bad) {
        assignMismatch(lhs.size(), xs.size(), es);
      }
      for (Object *o : lhs)
        if (!o->type) o->type = tt_.invalid();
    } else {
      for (size_t i = 0; i < lhs.size(); ++i) {
        Operand &x = xs[i];
        if (lhs[i]->type) {
          assignment(x, lhs[i]->type, "variable declaration");
        } else {
          if (x.mode == Mode::Constant || isUntyped(x.type)) {
            if (x.type && x.type->isBasic(BasicKind::UntypedNil)) {
              errorAt(x.expr, "use of untyped nil in variable declaration");
              x.mode = Mode::Invalid;
            } else {
              assignment(x, defaultType(tt_, x.type), "variable declaration");
            }
          } else if (x.mode == Mode::NoValue || x.mode == Mode::TypeExpr || x.mode == Mode::Builtin) {
            assignment(x, nullptr, "variable declaration");
          }
          lhs[i]->type = x.invalid() ? tt_.invalid() : x.type;
        }
      }
    }
  } else if (!t) {
    for (Object *o : lhs) o->type = tt_.invalid();
  }
  for (Object *o : lhs) o->color = Object::Color::Black;
}

void Checker::typeDecl(Object *obj) {
  NodeId spec = obj->decl;
  NodeId typeNode = tree_->kid(spec, syntax::TypeSpecType);
  NodeId tparams = tree_->kid(spec, syntax::TypeSpecParams);
  if (tree_->operator[](spec).op == Tok::Assign) {
    if (tparams.valid()) errorAt(spec, "generic type cannot be alias");
    obj->type = typExpr(typeNode);
    return;
  }
  Type *named = tt_.named(obj);
  obj->type = named;
  if (obj->tree && obj->tree->hasDirective(spec, "notinheap")) named->notInHeapDecl = true;
  if (!obj->tree) ++localTypeDecls_;
  Scope *savedScope = scope_;
  if (tparams.valid()) {
    // type T[P C] ...: the parameters are in scope in the type and its methods.
    Scope *ts = prog_.newScope(scope_);
    bool saved = inTParamList_;
    inTParamList_ = true;
    named->typeParams = declareTypeParams(tparams, ts, named);
    inTParamList_ = saved;
    scope_ = ts;
  }
  // Methods are known (not yet resolved) before the underlying type, so
  // selectors inside it can find them.
  if (obj->tree) {
    for (Object *m : methodsOf(obj)) {
      for (Object *prev : named->methods)
        if (prev->name == m->name && m->name != "_") {
          error(m->pos, obj->name + "." + m->name + " redeclared in this block\n\t" +
                            Diagnostics::formatPos(sm_, prev->pos, DiagOptions{}) + ": other declaration of " + m->name);
          break;
        }
      named->methods.push_back(m);
      m->recvType = named;
    }
  }
  const Type *u = typExpr(typeNode);
  scope_ = savedScope;
  if (u->kind == TypeKind::Named && !u->underlying && !u->origin && obj->tree) {
    // type T2 T1 where T1 is still being declared (T1 struct{ p *T2 }) or
    // waits itself: T2's underlying type is T1's, known once T1 is done
    // (types2 resolves it lazily). Names that only refer to each other are
    // reported then (resolveDeferred).
    deferredUnder_.push_back({obj, named, u});
    fromRHS_[named] = u;
    pendingValidTypes_.push_back(named);
    return;
  }
  if (u->kind == TypeKind::Named && !u->underlying && !u->origin) {
    // type T U where U is still being declared: the names refer to each
    // other without ever reaching a type literal (type T T, or
    // type A B; type B A).
    std::vector<Object *> cycle{obj};
    auto it = std::find(objPath_.begin(), objPath_.end(), u->obj);
    if (it != objPath_.end()) cycle.assign(it, objPath_.end());
    cycleError(cycle);
    u = tt_.invalid();
  }
  if (isTypeParam(u)) {
    errorAt(typeNode, "cannot use a type parameter as RHS in type declaration");
    u = tt_.invalid();
  }
  named->underlying = under(u);
  if (named->underlying == named || !named->underlying) named->underlying = tt_.invalid();
  fromRHS_[named] = u;
  // Whether the type contains itself is known once the types it refers to
  // are complete: after all package-level declarations (a local type can
  // only refer to complete ones and itself).
  if (obj->tree) {
    pendingValidTypes_.push_back(named);
  } else {
    pendingValidTypes_.push_back(named);
    if (--localTypeDecls_ == 0) checkPendingValidTypes();
  }
  finishUnderlying(obj, named);
}

void Checker::resolveDeferred() {
  // Chains resolve from the end that reached a type literal; what is left
  // after no progress are cycles of names only (type A B; type B A).
  for (bool progress = true; progress && !deferredUnder_.empty();) {
    progress = false;
    for (size_t i = 0; i < deferredUnder_.size(); ++i) {
      auto [obj, named, u] = deferredUnder_[i];
      if (!u->underlying) continue;
      named->underlying = under(u);
      if (named->underlying == named || !named->underlying) named->underlying = tt_.invalid();
      deferredUnder_.erase(deferredUnder_.begin() + long(i--));
      finishUnderlying(obj, named);
      progress = true;
    }
  }
  while (!deferredUnder_.empty()) {
    // One report per cycle, following the names from the first left.
    std::vector<Object *> cycle;
    const Type *t = deferredUnder_.front().named;
    while (t && std::find(cycle.begin(), cycle.end(), t->obj) == cycle.end()) {
      cycle.push_back(t->obj);
      auto it = std::find_if(deferredUnder_.begin(), deferredUnder_.end(),
                             [&](const DeferredUnder &d) { return d.named == t; });
      t = it == deferredUnder_.end() ? nullptr : it->u;
    }
    if (t) cycle.erase(cycle.begin(), std::find(cycle.begin(), cycle.end(), t->obj));
    cycleError(cycle);
    for (Object *o : cycle) {
      auto it = std::find_if(deferredUnder_.begin(), deferredUnder_.end(),
                             [&](const DeferredUnder &d) { return d.obj == o; });
      if (it == deferredUnder_.end()) continue;
      Type *nt = it->named;
      Object *no = it->obj;
      deferredUnder_.erase(it);
      nt->underlying = tt_.invalid();
      finishUnderlying(no, nt);
    }
    // Names leading into a cycle (type C A) get its invalid type.
    for (size_t i = 0; i < deferredUnder_.size(); ++i) {
      auto [obj, named, u] = deferredUnder_[i];
      if (!u->underlying) continue;
      named->underlying = tt_.invalid();
      deferredUnder_.erase(deferredUnder_.begin() + long(i--));
      finishUnderlying(obj, named);
    }
  }
}

void Checker::finishUnderlying(Object *obj, Type *named) {
  expandPending(named);
  for (Object *m : named->methods) {
    if (m->name == "_") continue;
    const Type *ut = named->underlying;
    if (ut->kind == TypeKind::Pointer || ut->kind == TypeKind::Interface)
      error(m->pos, "invalid receiver type " + obj->name + " (pointer or interface type)");
    else if (ut->kind == TypeKind::Struct)
      for (const Field &f : ut->fields)
        if (f.name == m->name) error(m->pos, "field and method with the same name " + m->name);
  }
}

/// The type name an alias declaration names directly (type A = T), if any.
static Object *aliasTarget(const Scope *pkgScope, const Object *obj) {
  if (obj->kind != ObjKind::TypeName || !obj->tree || (*obj->tree)[obj->decl].op != Tok::Assign) return nullptr;
  NodeId rhs = obj->tree->kid(obj->decl, syntax::TypeSpecType);
  while (obj->tree->kind(rhs) == NodeKind::ParenExpr) rhs = obj->tree->kid(rhs, 0);
  if (obj->tree->kind(rhs) != NodeKind::Ident) return nullptr;
  return pkgScope->lookupLocal(std::string((*obj->tree)[rhs].text));
}

std::vector<Object *> Checker::methodsOf(Object *typeName) {
  // Receivers may name the type through aliases (type A = T; func (A) m()).
  std::vector<Object *> ms;
  for (auto &[base, list] : methodsByBase_) {
    Object *o = pkg_.scope->lookupLocal(base);
    for (int steps = 0; o && o != typeName && steps < 100; ++steps) o = aliasTarget(pkg_.scope, o);
    if (o == typeName) ms.insert(ms.end(), list.begin(), list.end());
  }
  std::stable_sort(ms.begin(), ms.end(), [](Object *a, Object *b) { return a->pos < b->pos; });
  return ms;
}

void Checker::funcDecl(Object *obj) {
  NodeId ft = tree_->kid(obj->decl, syntax::FuncSig);
  NodeId tpl = tree_->kid(obj->decl, syntax::FuncTypeParams);
  Scope *savedScope = scope_;
  Scope *ts = nullptr;
  std::vector<const Type *> tps;
  if (tpl.valid()) {
    ts = prog_.newScope(scope_);
    bool saved = inTParamList_;
    inTParamList_ = true;
    tps = declareTypeParams(tpl, ts);
    inTParamList_ = saved;
    if (obj->name == "main" || obj->name == "init")
      errorAt(tpl, "func " + obj->name + " must have no type parameters");
  }
  if (obj->isMethod) ts = receiverTypeParams(obj, ts);
  if (ts) {
    tparamScopes_[{tree_, obj->decl.index}] = ts;
    scope_ = ts;
  }
  // The signature may mention the function (`func f(x f)`): that is no
  // declaration cycle (as in types2), only a use of a non-type.
  obj->color = Object::Color::Black;
  obj->type = tt_.signature({}, {}, false);
  obj->type = tt_.genericSignature(funcType(ft, obj->decl, nullptr, nullptr), tps);
  if (obj->isMethod) {
    NodeId recv = tree_->kid(obj->decl, syntax::FuncRecv);
    const Type *rt = receiverType(tree_->kid(tree_->kid(recv, 0), 1));
    if (rt->kind == TypeKind::Pointer && rt->elem->origin) rt = tt_.pointer(rt->elem->origin);
    else if (rt->origin) rt = rt->origin;
    const Type *base = rt->kind == TypeKind::Pointer ? rt->elem : rt;
    if (base == tt_.invalid() || (base->kind == TypeKind::Named && base->obj && base->obj->pkg == &pkg_)) {
      // a local defined type: fine
    } else if (base->kind == TypeKind::Named || base->kind == TypeKind::Basic) {
      errorAt(tree_->kid(recv, 0), "cannot define new methods on non-local type " + typeString(base, &pkg_));
    } else {
      // A type literal, named through an alias.
      errorAt(tree_->kid(recv, 0), "invalid receiver type " + typeString(base, &pkg_));
    }
  }
  obj->color = Object::Color::Grey;
  scope_ = savedScope;
}

Scope *Checker::receiverTypeParams(Object *obj, Scope *ts) {
  // func (r *T[P, Q]) m(): P and Q name T's type parameters in the method.
  NodeId recv = tree_->kid(obj->decl, syntax::FuncRecv);
  if (tree_->numKids(recv) != 1) return ts;
  NodeId rt = tree_->kid(tree_->kid(recv, 0), 1);
  while (tree_->kind(rt) == NodeKind::ParenExpr || tree_->kind(rt) == NodeKind::StarExpr) rt = tree_->kid(rt, 0);
  Object *base = nullptr;
  NodeId baseId = tree_->kind(rt) == NodeKind::IndexExpr ? tree_->kid(rt, 0) : rt;
  if (tree_->kind(baseId) == NodeKind::Ident) base = pkg_.scope->lookupLocal(std::string(tree_->operator[](baseId).text));
  if (base && base->kind == ObjKind::TypeName && !base->type) objDecl(base);
  const Type *bt = base && base->kind == ObjKind::TypeName ? base->type : nullptr;
  size_t want = bt && bt->kind == TypeKind::Named ? bt->typeParams.size() : 0;
  if (tree_->kind(rt) != NodeKind::IndexExpr) {
    if (want > 0) errorAt(rt, "cannot use generic type " + typeString(bt, &pkg_) + " without instantiation");
    return ts;
  }
  size_t have = tree_->numKids(rt) - 1;
  if (!bt || bt->kind != TypeKind::Named) return ts;
  if (want == 0) {
    errorAt(rt, typeString(bt, &pkg_) + " is not a generic type");
    return ts;
  }
  if (have != want) {
    errorAt(rt, "got " + std::to_string(have) + " type parameters, but receiver base type declares " + std::to_string(want));
    return ts;
  }
  if (!ts) ts = prog_.newScope(scope_);
  for (size_t i = 0; i < have; ++i) {
    NodeId n = tree_->kid(rt, i + 1);
    if (tree_->kind(n) != NodeKind::Ident) {
      errorAt(n, "receiver type parameter " + exprStr(n) + " must be an identifier");
      continue;
    }
    std::string name(tree_->operator[](n).text);
    Object *o = prog_.newObject(ObjKind::TypeName, name, tree_->operator[](n).pos, bt->typeParams[i]);
    o->pkg = &pkg_;
    info_->defs[n.index] = o;
    if (name != "_")
      if (Object *prev = ts->insert(o)) redeclared(o->pos, o->name, prev->pos);
  }
  return ts;
}

const Type *Checker::funcType(NodeId ft, NodeId declNode, std::vector<Object *> *paramObjs,
                              Scope *scope) {
  std::vector<const Type *> params, results;
  bool variadic = false;
  // Parameter and result names (and the receiver's, already in scope)
  // share one block.
  std::map<std::string, Pos> names;
  if (scope)
    for (Object *o : scope->objects()) names.emplace(o->name, o->pos);
  for (int part = 0; part < 2; ++part) {
    NodeId list = tree_->kid(ft, size_t(part));
    std::vector<NodeId> fields = tree_->kids(list);
    for (size_t i = 0; i < fields.size(); ++i) {
      NodeId f = fields[i];
      NodeId nameId = tree_->kid(f, 0);
      if (nameId.valid()) {
        std::string name(tree_->operator[](nameId).text);
        Pos pos = tree_->operator[](nameId).pos;
        if (name != "_" && !names.emplace(name, pos).second) redeclared(pos, name, names[name]);
      }
      const Type *t = varType(tree_->kid(f, 1));
      if (tree_->operator[](f).op == Tok::Ellipsis) {
        if (part == 0 && i + 1 == fields.size()) {
          variadic = true;
          t = tt_.slice(t);
        } else {
          errorAt(f, "can only use ... with final parameter in list");
        }
      }
      (part == 0 ? params : results).push_back(t);
      if (paramObjs) {
        // Declared after all parameter types are known (a parameter's
        // name is not in scope in the signature).
        std::string name = nameId.valid() ? std::string(tree_->operator[](nameId).text) : "";
        Pos pos = nameId.valid() ? tree_->operator[](nameId).pos : tree_->operator[](f).pos;
        Object *o = prog_.newObject(ObjKind::Var, name, pos, t);
        o->isParam = true;
        o->pkg = &pkg_;
        o->used = true;
        paramObjs->push_back(o);
        if (nameId.valid()) info_->defs[nameId.index] = o;
      }
    }
  }
  if (paramObjs && scope)
    for (Object *o : *paramObjs)
      if (!o->name.empty() && o->name != "_") scope->insert(o); // duplicates are reported below
  (void)declNode;
  return tt_.signature(params, results, variadic);
}

void Checker::funcBody(Object *fn, const Type *sig, NodeId body) {
  NodeId decl = fn->decl;
  Scope *saved = scope_;
  auto it = tparamScopes_.find({tree_, decl.index});
  if (it != tparamScopes_.end()) scope_ = it->second;
  inGenericFunc_ = it != tparamScopes_.end();
  funcLitBody(decl, tree_->kid(decl, syntax::FuncSig), tree_->kid(decl, syntax::FuncRecv), sig, body);
  inGenericFunc_ = false;
  scope_ = saved;
}

void Checker::funcLitBody(NodeId owner, NodeId ft, NodeId recv, const Type *sig, NodeId body) {
  Scope *saved = scope_;
  const Type *savedSig = sig_;
  Scope *fs = prog_.newScope(scope_, true);
  scope_ = fs;
  sig_ = sig;
  std::vector<Object *> params;
  if (recv.valid() && tree_->numKids(recv) == 1) {
    // The receiver is the first parameter object.
    NodeId f = tree_->kid(recv, 0), nameId = tree_->kid(f, 0);
    const Type *rt = receiverType(tree_->kid(f, 1));
    std::string name = nameId.valid() ? std::string(tree_->operator[](nameId).text) : "";
    Object *o = prog_.newObject(ObjKind::Var, name, nameId.valid() ? tree_->operator[](nameId).pos : tree_->operator[](f).pos, rt);
    o->isParam = true;
    o->used = true;
    o->pkg = &pkg_;
    if (nameId.valid()) {
      info_->defs[nameId.index] = o;
      if (name != "_") fs->insert(o);
    }
    info_->receivers[owner.index] = o;
  }
  funcType(ft, owner, &params, fs);
  info_->params[owner.index] = params;
  std::vector<Object *> *savedParams = curParams_;
  curParams_ = &info_->params[owner.index];
  std::vector<Object *> savedVars = std::move(funcVars_);
  funcVars_.clear();

  stmtList(tree_->kids(body));
  if (!sig->results().empty() && !isTerminating(body, ""))
    error(tree_->operator[](body).end, "missing return");

  // Unused variables, in source order.
  std::vector<Object *> unused;
  for (Object *v : funcVars_)
    if (!v->used && v->name != "_") unused.push_back(v);
  std::sort(unused.begin(), unused.end(), [](Object *a, Object *b) { return a->pos < b->pos; });
  for (Object *v : unused)
    diags_.error(v->pos, v->name + " declared but not used");

  funcVars_ = std::move(savedVars);
  curParams_ = savedParams;
  scope_ = saved;
  sig_ = savedSig;
}

Package *checkPackage(Program &prog, const std::string &path,
                      const std::vector<const syntax::Tree *> &files, const SourceManager &sm,
                      Diagnostics &diags, const CheckConfig &cfg) {
  Package *pkg = prog.newPackage(path);
  Checker c(prog, *pkg, sm, diags, cfg);
  c.run(files);
  return pkg;
}

} // namespace origo::types
