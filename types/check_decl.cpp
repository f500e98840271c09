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

namespace origo::types {

void Checker::errorAt(NodeId n, std::string msg) {
  error(syntax::startPos(*tree_, n), std::move(msg));
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

void Checker::unsupported(NodeId n, const std::string &what) {
  error(syntax::startPos(*tree_, n), what + " is not supported by origo yet");
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
  for (Object *obj : pkgObjects_)
    objDecl(obj);
  for (Object *fn : pkg_.funcs)
    objDecl(fn);
  for (auto &[base, ms] : methodsByBase_) {
    Object *tn = pkg_.scope->lookupLocal(base);
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
  for (Object *pn : pkgNames_) {
    if (pn->used) continue;
    // gc names the package as its path; a name other than the path's last
    // element is added.
    std::string elem = pn->importPath.substr(pn->importPath.rfind('/') == std::string::npos
                                                 ? 0
                                                 : pn->importPath.rfind('/') + 1);
    std::string msg = "imported and not used: \"" + pn->importPath + "\"";
    if (pn->name != "." && pn->name != elem) msg += " as " + pn->name;
    error(pn->pos, msg);
  }
}

/// Declares one package-level object, reporting redeclarations.
static void declare(Checker &c, Scope *s, Object *obj, FileInfo &fi, NodeId ident) {
  c.pkgObjects_.push_back(obj);
  if (ident.valid()) fi.defs[ident.index] = obj;
  if (obj->name == "_") return;
  if (Object *prev = s->insert(obj)) {
    c.error(obj->pos, obj->name + " redeclared in this block");
    (void)prev;
  }
}

void Checker::collectObjects() {
  bool isMain = false;
  for (const Tree *t : pkg_.files) {
    setFile(t);
    const Tree &tr = *t;
    NodeId pkgName = tr.kid(tr.root, 0);
    std::string name(tr[pkgName].text);
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
          Package *imp = nullptr;
          std::string err = "the standard library is not supported by origo yet";
          if (p == "unsafe") imp = prog_.unsafePackage();
          else if (cfg_.importer) imp = cfg_.importer(p, err);
          if (!imp) {
            error(tr[path].pos, "could not import " + p + " (" + err + ")");
            continue;
          }
          std::string local = nameId.valid() ? std::string(tr[nameId].text) : imp->name;
          if (local == "_") continue;
          if (local == "init") {
            error(nameId.valid() ? tr[nameId].pos : tr[path].pos, "cannot import package as init - init must be a func");
            continue;
          }
          if (local == ".") {
            // Dot imports: every exported object joins the file scope; a
            // use of any of them uses the import.
            Object *pn = prog_.newObject(ObjKind::PkgName, ".", tr[nameId].pos, nullptr);
            pn->imported = imp;
            pn->pkg = &pkg_;
            pn->importPath = p;
            for (Object *o : imp->scope->objects())
              if (exported(o->name) && !scope_->insert(o)) dotImports_[{t, o}] = pn;
            pkgNames_.push_back(pn);
            continue;
          }
          Object *pn = prog_.newObject(ObjKind::PkgName, local, nameId.valid() ? tr[nameId].pos : tr[path].pos, nullptr);
          pn->imported = imp;
          pn->pkg = &pkg_;
          pn->importPath = p;
          pn->renamed = nameId.valid();
          if (nameId.valid()) info_->defs[nameId.index] = pn;
          if (Object *prev = scope_->insert(pn))
            error(pn->pos, local + " redeclared in this block\n\t" +
                               Diagnostics::formatPos(sm_, prev->pos, DiagOptions{}) + ": other declaration of " + local);
          else if (pkg_.scope->lookupLocal(local))
            error(pn->pos, local + " already declared through import of package");
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
            errorAt(recv, "invalid receiver type");
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
}

void Checker::objDecl(Object *obj) {
  if (obj->color == Object::Color::Black) return;
  if (obj->color == Object::Color::Grey) {
    // A cycle through declarations: only types may refer to themselves
    // (through pointers etc.), which origo does not support yet.
    if (obj->kind == ObjKind::Const || obj->kind == ObjKind::Var || obj->kind == ObjKind::TypeName) {
      if (!obj->type) {
        error(obj->pos, obj->kind == ObjKind::TypeName ? "invalid recursive type " + obj->name
                                                       : "initialization cycle or invalid recursive reference to " + obj->name);
        obj->type = tt_.invalid();
      }
    }
    return;
  }
  obj->color = Object::Color::Grey;
  // Save the context: resolution may start from inside a function body.
  const Tree *savedTree = tree_;
  Scope *savedScope = scope_;
  const Type *savedSig = sig_;
  Object *savedFunc = funcObj_;
  int savedIota = iota_;
  setFile(obj->tree);
  sig_ = nullptr;
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
  obj->color = Object::Color::Black;
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
  // Every variable of the spec is resolved together.
  std::vector<Object *> lhs;
  for (NodeId id : tree_->kids(tree_->kid(spec, 0)))
    lhs.push_back(info_->defs[id.index]);
  const Type *t = typeNode.valid() ? typExpr(typeNode) : nullptr;
  for (Object *o : lhs) {
    o->type = t;
    o->color = Object::Color::Grey;
  }
  if (values.valid()) {
    std::vector<Operand> xs;
    std::vector<NodeId> es = tree_->kids(values);
    if (es.size() == 1 && lhs.size() > 1)
      multiExpr(xs, es[0], lhs.size() == 2);
    else
      exprList(xs, es);
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
  Scope *savedScope = scope_;
  if (tparams.valid()) {
    // type T[P C] ...: the parameters are in scope in the type and its methods.
    Scope *ts = prog_.newScope(scope_);
    named->typeParams = declareTypeParams(tparams, ts);
    scope_ = ts;
  }
  // Methods are known (not yet resolved) before the underlying type, so
  // selectors inside it can find them.
  if (obj->tree) {
    auto it = methodsByBase_.find(obj->name);
    if (it != methodsByBase_.end()) {
      for (Object *m : it->second) {
        for (Object *prev : named->methods)
          if (prev->name == m->name && m->name != "_")
            error(m->pos, "method " + obj->name + "." + m->name + " already declared at " +
                              Diagnostics::formatPos(sm_, prev->pos, DiagOptions{}));
        named->methods.push_back(m);
        m->recvType = named;
      }
    }
  }
  const Type *u = typExpr(typeNode);
  scope_ = savedScope;
  if (isTypeParam(u)) {
    errorAt(typeNode, "cannot use a type parameter as RHS in type declaration");
    u = tt_.invalid();
  }
  named->underlying = under(u);
  if (named->underlying == named || !named->underlying) named->underlying = tt_.invalid();
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

void Checker::funcDecl(Object *obj) {
  NodeId ft = tree_->kid(obj->decl, syntax::FuncSig);
  NodeId tpl = tree_->kid(obj->decl, syntax::FuncTypeParams);
  Scope *savedScope = scope_;
  Scope *ts = nullptr;
  std::vector<const Type *> tps;
  if (tpl.valid()) {
    ts = prog_.newScope(scope_);
    tps = declareTypeParams(tpl, ts);
    if (obj->name == "main" || obj->name == "init")
      errorAt(tpl, "func " + obj->name + " must have no type parameters");
  }
  if (obj->isMethod) ts = receiverTypeParams(obj, ts);
  if (ts) {
    tparamScopes_[{tree_, obj->decl.index}] = ts;
    scope_ = ts;
  }
  obj->type = tt_.genericSignature(funcType(ft, obj->decl, nullptr, nullptr), tps);
  if (obj->isMethod) {
    NodeId recv = tree_->kid(obj->decl, syntax::FuncRecv);
    const Type *rt = receiverType(tree_->kid(tree_->kid(recv, 0), 1));
    if (rt->kind == TypeKind::Pointer && rt->elem->origin) rt = tt_.pointer(rt->elem->origin);
    else if (rt->origin) rt = rt->origin;
    const Type *base = rt->kind == TypeKind::Pointer ? rt->elem : rt;
    if (base != tt_.invalid() && (base->kind != TypeKind::Named || !base->obj || base->obj->pkg != &pkg_))
      errorAt(recv, "cannot define new methods on non-local type " + typeString(base, &pkg_));
  }
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
    if (name != "_" && ts->insert(o)) error(o->pos, name + " redeclared in this block");
  }
  return ts;
}

const Type *Checker::funcType(NodeId ft, NodeId declNode, std::vector<Object *> *paramObjs,
                              Scope *scope) {
  std::vector<const Type *> params, results;
  bool variadic = false;
  for (int part = 0; part < 2; ++part) {
    NodeId list = tree_->kid(ft, size_t(part));
    std::vector<NodeId> fields = tree_->kids(list);
    for (size_t i = 0; i < fields.size(); ++i) {
      NodeId f = fields[i];
      NodeId nameId = tree_->kid(f, 0);
      const Type *t = typExpr(tree_->kid(f, 1));
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
      if (!o->name.empty() && o->name != "_" && scope->insert(o))
        error(o->pos, o->name + " redeclared in this block");
  (void)declNode;
  return tt_.signature(params, results, variadic);
}

void Checker::funcBody(Object *fn, const Type *sig, NodeId body) {
  NodeId decl = fn->decl;
  Scope *saved = scope_;
  auto it = tparamScopes_.find({tree_, decl.index});
  if (it != tparamScopes_.end()) scope_ = it->second;
  funcLitBody(decl, tree_->kid(decl, syntax::FuncSig), tree_->kid(decl, syntax::FuncRecv), sig, body);
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
    recvObjs_[owner.index] = o;
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

void Checker::computeInitOrder() {
  // Transitive dependencies of each global variable on other globals,
  // through the functions it refers to.
  std::map<Object *, std::set<Object *>> varDeps;
  for (Object *v : pkg_.globals) {
    std::set<Object *> seen, out;
    std::vector<Object *> work(deps_[v].begin(), deps_[v].end());
    while (!work.empty()) {
      Object *o = work.back();
      work.pop_back();
      if (!seen.insert(o).second) continue;
      if (o->kind == ObjKind::Var) out.insert(o);
      if (o->kind == ObjKind::Func || (o->kind == ObjKind::Var && o != v))
        for (Object *d : deps_[o]) work.push_back(d);
    }
    varDeps[v] = out;
  }
  std::set<Object *> done;
  std::vector<Object *> pending = pkg_.globals;
  while (!pending.empty()) {
    bool progress = false;
    for (size_t i = 0; i < pending.size(); ++i) {
      Object *v = pending[i];
      bool ready = true;
      for (Object *d : varDeps[v])
        if (d != v && !done.count(d)) ready = false;
      if (varDeps[v].count(v)) {
        error(v->pos, "initialization cycle: " + v->name + " refers to itself");
        ready = true;
      }
      if (!ready) continue;
      // The whole spec is initialized together.
      std::vector<Object *> lhs;
      for (Object *o : pkg_.globals)
        if (o->decl == v->decl && o->tree == v->tree) lhs.push_back(o);
      for (Object *o : lhs) done.insert(o);
      pending.erase(std::remove_if(pending.begin(), pending.end(),
                                   [&](Object *o) { return done.count(o) > 0; }),
                    pending.end());
      NodeId values = v->tree->kid(v->decl, 2);
      if (values.valid()) pkg_.initOrder.push_back({lhs, v->tree, values});
      progress = true;
      break;
    }
    if (!progress) {
      error(pending.front()->pos, "initialization cycle or initialization loop");
      break;
    }
  }
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
