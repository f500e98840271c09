//===- types/generics.cpp - type parameters, instantiation, inference -----===//
/// \file
/// Generics (spec "Type parameter declarations", "Instantiations", "Type
/// inference"), after types2's decl.go, instantiate.go, subst.go, infer.go
/// and unify.go: declaring type parameters with their constraints,
/// substituting type arguments, instantiating generic types and functions,
/// checking that type arguments satisfy their constraints (Go 1.19 rules:
/// interfaces do not satisfy comparable), and inferring type arguments from
/// function arguments and from constraints' core types.
//===----------------------------------------------------------------------===//
#include "types/checker.h"

#include <algorithm>

namespace origo::types {

// --- declarations ------------------------------------------------------------

std::vector<const Type *> Checker::declareTypeParams(NodeId list, Scope *scope, Type *owner) {
  const Tree &t = *tree_;
  std::vector<const Type *> tps;
  std::vector<Type *> made;
  if (t.numKids(list) > 0) allowVersion(18, syntax::startPos(t, t.kid(list, 0)), "type parameter");
  // All names first: a constraint may refer to any parameter of the list.
  for (NodeId f : t.kids(list)) {
    NodeId nameId = t.kid(f, 0);
    std::string name = nameId.valid() ? std::string(t[nameId].text) : "_";
    Object *o = prog_.newObject(ObjKind::TypeName, name, nameId.valid() ? t[nameId].pos : t[f].pos, nullptr);
    o->pkg = &pkg_;
    Type *tp = tt_.typeParam(o, int(tps.size()));
    o->type = tp;
    if (nameId.valid()) info_->defs[nameId.index] = o;
    if (name != "_")
      if (Object *prev = scope->insert(o)) redeclared(o->pos, o->name, prev->pos);
    tps.push_back(tp);
    made.push_back(tp);
  }
  // The generic type is generic from here on: its constraints may
  // instantiate it (type T[P C] with C mentioning T[int]).
  if (owner) owner->typeParams = tps;
  Scope *saved = scope_;
  scope_ = scope;
  size_t i = 0;
  for (NodeId f : t.kids(list)) {
    Type *tp = made[i++];
    NodeId ce = t.kid(f, 1);
    bool implicit = false;
    tp->constraint = constraintType(ce, &implicit);
    // types2 keeps the constraint as written: `any` stays "any" (an alias
    // it can tell apart), and an implicit interface{~int} prints as ~int.
    const Type *c = tp->constraint;
    if (t.kind(ce) == NodeKind::Ident && info_->uses[ce.index] == prog_.universe().lookup("any"))
      tp->boundText = "any";
    else if (implicit)
      tp->boundText = typeString(c->embeddeds[0], &pkg_);
  }
  scope_ = saved;
  return tps;
}

const Type *Checker::constraintType(NodeId e, bool *implicit) {
  const Type *c = termType(e);
  if (c == tt_.invalid()) return tt_.interfaceType({}, {});
  if (isInterface(c) && c->kind != TypeKind::Union) return c;
  // A non-interface constraint T or ~T|U stands for interface{T}.
  if (implicit) *implicit = true;
  return tt_.interfaceType({}, {c});
}

const Type *Checker::termType(NodeId e) {
  const Tree &t = *tree_;
  if (t.kind(e) == NodeKind::ParenExpr) return termType(t.kid(e, 0));
  bool isUnion = t.kind(e) == NodeKind::BinaryExpr && t[e].op == Tok::Or;
  bool isTilde = t.kind(e) == NodeKind::UnaryExpr && t[e].op == Tok::Tilde;
  if (!isUnion && !isTilde) return typExpr(e);
  // Flatten A | ~B | C into terms.
  std::vector<NodeId> termNodes, stack{e};
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (t.kind(n) == NodeKind::BinaryExpr && t[n].op == Tok::Or) {
      stack.push_back(t.kid(n, 1));
      stack.push_back(t.kid(n, 0));
    } else {
      termNodes.push_back(n);
    }
  }
  std::vector<const Type *> terms;
  std::vector<bool> tildes;
  for (NodeId n : termNodes) {
    bool tilde = t.kind(n) == NodeKind::UnaryExpr && t[n].op == Tok::Tilde;
    NodeId te = tilde ? t.kid(n, 0) : n;
    const Type *T = typExpr(te);
    if (T == tt_.invalid()) continue;
    if (tilde && under(T) != T) {
      errorAt(n, "invalid use of ~ (underlying type of " + typeString(T, &pkg_) + " is " +
                     typeString(under(T), &pkg_) + ")");
      continue;
    }
    if (termNodes.size() > 1 && isInterface(T) && !interfaceMethods(T).empty()) {
      errorAt(te, "cannot use " + typeString(T, &pkg_) + " in union (" + typeString(T, &pkg_) + " contains methods)");
      continue;
    }
    if (termNodes.size() > 1 && isTypeParam(T)) {
      errorAt(te, "term cannot be a type parameter");
      continue;
    }
    terms.push_back(T);
    tildes.push_back(tilde);
  }
  if (terms.empty()) return tt_.invalid();
  return tt_.unionType(terms, tildes);
}

const Type *Checker::genericTypeName(NodeId e) {
  // A generic type may stand uninstantiated only as a (qualified) name
  // followed by its type arguments.
  const Tree &t = *tree_;
  while (t.kind(e) == NodeKind::ParenExpr) e = t.kid(e, 0);
  genericOk_ = t.kind(e) == NodeKind::Ident || t.kind(e) == NodeKind::SelectorExpr;
  const Type *g = typExpr(e);
  genericOk_ = false;
  return g;
}

const Type *Checker::receiverType(NodeId e) {
  // T[P, Q] in a receiver names the generic type with its own parameters
  // (the names, blank ones too, were declared by receiverTypeParams).
  const Tree &t = *tree_;
  switch (t.kind(e)) {
  case NodeKind::ParenExpr:
    return receiverType(t.kid(e, 0));
  case NodeKind::StarExpr: {
    const Type *b = receiverType(t.kid(e, 0));
    return b == tt_.invalid() ? b : tt_.pointer(b);
  }
  case NodeKind::IndexExpr: {
    const Type *g = genericTypeName(t.kid(e, 0));
    if (g->kind != TypeKind::Named || g->typeParams.empty() || g->origin ||
        g->typeParams.size() != t.numKids(e) - 1)
      return typExpr(e);
    return instance(g, g->typeParams);
  }
  default:
    return typExpr(e);
  }
}

const Type *Checker::varType(NodeId e) {
  const Type *t = typExpr(e);
  if (t != tt_.invalid() && !isTypeParam(t) && (t->kind == TypeKind::Named || t->kind == TypeKind::Interface))
    verifyLater_.push_back({PendingVerify::VarType, {}, {t}, {e}, scope_, tree_});
  return t;
}

// --- substitution ------------------------------------------------------------

const Type *Checker::subst(const Type *t, const TypeMap &m, int depth) {
  // Instances of generic types whose declaration is not resolved yet are
  // expanded later (expandPending).
  return substitute(prog_, t, m, [this](const Type *origin, const std::vector<const Type *> &args) {
    return instance(origin, args);
  }, depth);
}

TypeMap Checker::typeMap(const std::vector<const Type *> &params, const std::vector<const Type *> &args) {
  TypeMap m;
  for (size_t i = 0; i < params.size() && i < args.size(); ++i)
    if (args[i]) m[params[i]] = args[i];
  return m;
}

// --- instantiation -------------------------------------------------------------

const Type *Checker::instance(const Type *origin, const std::vector<const Type *> &args) {
  bool created;
  Type *inst = tt_.instance(origin, args, created);
  if (created && args.size() != origin->typeParams.size()) {
    // A wrong number of arguments (reported by the caller) still names a
    // type, as in types2: one with an invalid underlying type.
    inst->underlying = tt_.invalid();
  } else if (created) {
    if (origin->underlying) expandInstance(inst);
    else pendingInstances_[origin].push_back(inst);
  }
  return inst;
}

void Checker::expandInstance(Type *inst) {
  const Type *origin = inst->origin;
  const Type *u = subst(under(origin), typeMap(origin->typeParams, inst->typeArgs));
  inst->underlying = u && u->kind != TypeKind::Named ? u : tt_.invalid();
}

void Checker::expandPending(const Type *origin) {
  auto it = pendingInstances_.find(origin);
  if (it == pendingInstances_.end()) return;
  std::vector<Type *> list = std::move(it->second);
  pendingInstances_.erase(it);
  for (Type *inst : list) expandInstance(inst);
}

const Type *Checker::instantiateType(NodeId e, const Type *origin, const std::vector<NodeId> &argNodes) {
  std::vector<const Type *> args;
  bool bad = false;
  for (NodeId a : argNodes) {
    args.push_back(typExpr(a));
    bad |= args.back() == tt_.invalid();
  }
  if (bad) return tt_.invalid();
  if (args.size() != origin->typeParams.size()) {
    // gc 1.19's wording (types2's validateTArgLen), at the instance.
    errorAt(e, "got " + std::to_string(args.size()) + " arguments but " + std::to_string(origin->typeParams.size()) +
                   " type parameters");
    return instance(origin, args);
  }
  const Type *inst = instance(origin, args);
  // Where types2 places the instance's name: the generic type's name, or
  // the dot of a qualified one.
  NodeId gn = tree_->kid(e, 0);
  while (tree_->kind(gn) == NodeKind::ParenExpr) gn = tree_->kid(gn, 0);
  instPos_.emplace(inst, (*tree_)[gn].pos);
  std::vector<Pos> at;
  for (NodeId a : argNodes) at.push_back(syntax::startPos(*tree_, a));
  recordInstance(origin->typeParams, args, at);
  verifyLater_.push_back({PendingVerify::TypeArgs, origin->typeParams, args, argNodes, scope_, tree_});
  return inst;
}

void Checker::verifyInstances() {
  // Constraints may mention types declared later; they are checked once
  // every package-level declaration is known, as types2 does.
  for (size_t i = 0; i < verifyLater_.size(); ++i) {
    PendingVerify v = verifyLater_[i];
    setFile(v.tree);
    switch (v.kind) {
    case PendingVerify::MapKey:
      if (v.args[0] != tt_.invalid() && !isComparable(v.args[0]))
        errorAt(v.nodes[0], "invalid map key type " + typeString(v.args[0], &pkg_));
      break;
    case PendingVerify::TypeArgs:
      verifyTypeArgs(v.params, v.args, v.nodes);
      break;
    case PendingVerify::VarType: {
      const Type *T = v.args[0];
      if (!isInterface(T) || isTypeParam(T)) break;
      TypeSet ts = typeSetOf(T);
      if (!ts.all)
        errorAt(v.nodes[0], "cannot use type " + typeString(T, &pkg_) +
                                " outside a type constraint: interface contains type constraints");
      else if (ts.comparable)
        errorAt(v.nodes[0], "cannot use type " + typeString(T, &pkg_) +
                                " outside a type constraint: interface is (or embeds) comparable");
      break;
    }
    }
  }
  verifyLater_.clear();
}

bool Checker::verifyTypeArgs(const std::vector<const Type *> &params, const std::vector<const Type *> &args,
                             const std::vector<NodeId> &nodes) {
  TypeMap m = typeMap(params, args);
  for (size_t i = 0; i < params.size() && i < args.size(); ++i) {
    if (!params[i]->constraint) continue;
    std::string why = satisfies(args[i], subst(params[i]->constraint, m));
    if (!why.empty()) {
      NodeId at = i < nodes.size() ? nodes[i] : (nodes.empty() ? NodeId{} : nodes.back());
      // An inferred argument is reported at the call's parenthesis, as gc does.
      if (at.valid() && tree_->kind(at) == NodeKind::CallExpr) error(tree_->operator[](at).pos, why);
      else if (at.valid()) errorAt(at, why);
      return false;
    }
  }
  return true;
}

std::string Checker::satisfies(const Type *V, const Type *T) {
  if (V == tt_.invalid() || T == tt_.invalid()) return "";
  std::string vs = typeString(V, &pkg_), ts = typeString(T, &pkg_);
  if (!isInterface(T)) return vs + " does not implement " + ts + " (" + ts + " is not an interface)";
  TypeSet tset = typeSetOf(T);
  if (!tset.all && tset.terms.empty()) return "cannot implement " + ts + " (empty type set)";
  std::string why;
  const Type *mv = isTypeParam(V) ? V->constraint : V;
  if (isTypeParam(V)) {
    for (Object *m : interfaceMethods(T)) {
      bool found = false;
      for (Object *vm : interfaceMethods(V->constraint)) found |= vm->name == m->name;
      if (!found) return vs + " does not implement " + ts + " (missing " + m->name + " method)";
    }
  } else if (!interfaceMethods(T).empty() && missingMethod(mv, T, why)) {
    return vs + " does not implement " + ts + " " + why;
  }
  if (tset.comparable && !isComparable(V)) return vs + " does not implement comparable";
  if (tset.comparable && !isTypeParam(V) && isInterface(V)) return vs + " does not implement comparable";
  if (tset.all) return "";
  auto inSet = [&](const Type *x) {
    for (auto [term, tilde] : tset.terms) {
      if (tilde ? under(x) == under(term) : x == term) return true;
    }
    return false;
  };
  if (isTypeParam(V)) {
    TypeSet vs2 = V->constraint ? typeSetOf(V->constraint) : TypeSet{};
    if (vs2.all) return vs + " does not implement " + ts;
    for (auto [term, tilde] : vs2.terms) {
      bool ok = false;
      for (auto [t2, tilde2] : tset.terms)
        ok |= tilde2 ? under(term) == under(t2) : (!tilde && term == t2);
      if (!ok) return vs + " does not implement " + ts;
    }
    return "";
  }
  if (isInterface(V)) return vs + " does not implement " + ts;
  if (inSet(V)) return "";
  for (auto [term, tilde] : tset.terms)
    if (!tilde && under(V) == under(term) && V->kind == TypeKind::Named)
      return vs + " does not implement " + ts + " (possibly missing ~ for " + typeString(term, &pkg_) +
             " in constraint " + ts + ")";
  std::string termsStr;
  for (size_t i = 0; i < tset.terms.size(); ++i)
    termsStr += (i ? " | " : "") + std::string(tset.terms[i].second ? "~" : "") + typeString(tset.terms[i].first, &pkg_);
  return vs + " does not implement " + ts + " (" + vs + " missing in " + termsStr + ")";
}

// --- inference ---------------------------------------------------------------

/// Whether t mentions one of the type parameters tps (only such parameter
/// types take part in inference).
static bool mentionsDepth(const Type *t, const std::vector<const Type *> &tps, int depth) {
  if (!t || depth > 50) return false;
  if (isTypeParam(t)) return std::find(tps.begin(), tps.end(), t) != tps.end();
  switch (t->kind) {
  case TypeKind::Pointer: case TypeKind::Slice: case TypeKind::Array: case TypeKind::Chan:
    return mentionsDepth(t->elem, tps, depth + 1);
  case TypeKind::Map:
    return mentionsDepth(t->key, tps, depth + 1) || mentionsDepth(t->elem, tps, depth + 1);
  case TypeKind::Signature: case TypeKind::Tuple: case TypeKind::Union:
    for (const Type *x : t->list) if (mentionsDepth(x, tps, depth + 1)) return true;
    return false;
  case TypeKind::Struct:
    for (const Field &f : t->fields) if (mentionsDepth(f.type, tps, depth + 1)) return true;
    return false;
  case TypeKind::Interface:
    for (const Object *m : t->methods) if (mentionsDepth(m->type, tps, depth + 1)) return true;
    for (const Type *e : t->embeddeds) if (mentionsDepth(e, tps, depth + 1)) return true;
    return false;
  case TypeKind::Named:
    for (const Type *a : t->typeArgs) if (mentionsDepth(a, tps, depth + 1)) return true;
    return false;
  default:
    return false;
  }
}

static bool mentions(const Type *t, const std::vector<const Type *> &tps) { return mentionsDepth(t, tps, 0); }

namespace {

/// Unification of parameter types with argument types (types2's unifier,
/// inexact mode): type parameters of `params` collect their arguments.
struct Unifier {
  const std::vector<const Type *> &params;
  std::vector<const Type *> &targs;
  int index(const Type *t) const {
    if (!isTypeParam(t)) return -1;
    for (size_t i = 0; i < params.size(); ++i)
      if (params[i] == t) return int(i);
    return -1;
  }
  bool unify(const Type *x, const Type *y, int depth = 0) {
    if (depth > 100 || !x || !y) return false;
    int i = index(x), j = index(y);
    if (x == y) {
      // A recursive call passes the function's own type parameter.
      if (i >= 0 && !targs[i]) targs[i] = y;
      return true;
    }
    if (i >= 0 && j >= 0) {
      if (!targs[i] && !targs[j]) return false;
      if (!targs[i]) { targs[i] = targs[j]; return true; }
      if (!targs[j]) { targs[j] = targs[i]; return true; }
      return unify(targs[i], targs[j], depth + 1);
    }
    if (i >= 0) {
      if (!targs[i]) { targs[i] = y; return true; }
      if (targs[i] == y) return true;
      return unify(targs[i], y, depth + 1) && (targs[i]->kind != TypeKind::Named || y->kind != TypeKind::Named
                                                  ? true : targs[i] == y);
    }
    if (j >= 0) return unify(y, x, depth);
    // An argument whose type is a type parameter of the caller unifies
    // through its core type (inexact unification, as types2).
    if (isTypeParam(y) && !isTypeParam(x)) {
      const Type *c = coreType(y);
      return c && unify(x, c, depth + 1);
    }
    // Inexact: a defined type unifies with a type literal through its
    // underlying type.
    if (x->kind == TypeKind::Named && y->kind != TypeKind::Named && !isTypeParam(y)) return unify(under(x), y, depth + 1);
    if (y->kind == TypeKind::Named && x->kind != TypeKind::Named && !isTypeParam(x)) return unify(x, under(y), depth + 1);
    if (x->kind != y->kind) return false;
    switch (x->kind) {
    case TypeKind::Basic: return x == y;
    case TypeKind::Pointer: case TypeKind::Slice: return unify(x->elem, y->elem, depth + 1);
    case TypeKind::Array: return x->len == y->len && unify(x->elem, y->elem, depth + 1);
    case TypeKind::Chan: return (x->dir == y->dir || y->dir == ChanDir::Both) && unify(x->elem, y->elem, depth + 1);
    case TypeKind::Map: return unify(x->key, y->key, depth + 1) && unify(x->elem, y->elem, depth + 1);
    case TypeKind::Signature:
      if (x->list.size() != y->list.size() || x->numParams != y->numParams || x->variadic != y->variadic) return false;
      for (size_t k = 0; k < x->list.size(); ++k)
        if (!unify(x->list[k], y->list[k], depth + 1)) return false;
      return true;
    case TypeKind::Tuple:
      if (x->list.size() != y->list.size()) return false;
      for (size_t k = 0; k < x->list.size(); ++k)
        if (!unify(x->list[k], y->list[k], depth + 1)) return false;
      return true;
    case TypeKind::Struct:
      if (x->fields.size() != y->fields.size()) return false;
      for (size_t k = 0; k < x->fields.size(); ++k)
        if (x->fields[k].name != y->fields[k].name || x->fields[k].embedded != y->fields[k].embedded ||
            !unify(x->fields[k].type, y->fields[k].type, depth + 1))
          return false;
      return true;
    case TypeKind::Named:
      if (x->origin && x->origin == y->origin) {
        if (x->typeArgs.size() != y->typeArgs.size()) return false;
        for (size_t k = 0; k < x->typeArgs.size(); ++k)
          if (!unify(x->typeArgs[k], y->typeArgs[k], depth + 1)) return false;
        return true;
      }
      return false;
    default:
      return false;
    }
  }
};

} // namespace

std::vector<const Type *> Checker::inferTypeArgs(NodeId call, const Type *sig, std::vector<const Type *> targs,
                                                 const std::vector<Operand> &args) {
  const std::vector<const Type *> &tps = sig->typeParams;
  targs.resize(tps.size(), nullptr);
  Unifier u{tps, targs};
  auto params = sig->params();
  auto paramFor = [&](size_t i) -> const Type * {
    if (sig->variadic && i + 1 >= params.size()) return params.empty() ? nullptr : params.back()->elem;
    return i < params.size() ? params[i] : nullptr;
  };
  bool dots = tree_->kind(call) == NodeKind::CallExpr && tree_->operator[](call).op == Tok::Ellipsis;
  bool failed = false;
  auto complete = [&] {
    for (const Type *t : targs) if (!t) return false;
    return true;
  };
  // 1. Typed arguments.
  for (size_t i = 0; i < args.size(); ++i) {
    const Type *p = dots && i + 1 == args.size() && sig->variadic ? params.back() : paramFor(i);
    if (!p || args[i].invalid() || isUntyped(args[i].type)) continue;
    if (!mentions(p, tps)) continue;
    if (!u.unify(p, args[i].type)) {
      std::vector<const Type *> inferredSoFar = targs;
      const Type *ps = subst(p, typeMap(tps, inferredSoFar));
      errorAt(args[i].expr, "type " + typeString(args[i].type, &pkg_) + " of " + exprStr(args[i].expr) +
                                " does not match " + (ps != p && !isTypeParam(ps) ? "inferred type " + typeString(ps, &pkg_) + " for " : "") +
                                typeString(p, &pkg_));
      return {};
    }
  }
  // 2. Constraint type inference, then untyped constants' default types.
  auto constraintInference = [&] {
    for (int round = 0; round < 4; ++round) {
      if (failed) return;
      for (size_t i = 0; i < tps.size(); ++i) {
        const Type *core = nullptr;
        bool tilde = false;
        if (tps[i]->constraint) {
          TypeSet ts = typeSetOf(tps[i]->constraint);
          if (!ts.all && ts.terms.size() == 1) { core = ts.terms[0].first; tilde = ts.terms[0].second; }
        }
        if (!core) continue;
        if (targs[i] && !u.unify(core, tilde ? under(targs[i]) : targs[i])) {
          error(tree_->operator[](call).pos, tps[i]->obj->name + " does not match " + (tilde ? "~" : "") +
                                                 typeString(core, &pkg_));
          failed = true;
          return;
        }
        if (!targs[i] && !tilde) targs[i] = core;
      }
    }
  };
  constraintInference();
  if (failed) return {};
  for (size_t i = 0; i < args.size() && !complete(); ++i) {
    const Type *p = paramFor(i);
    int k = u.index(p);
    if (k < 0 || targs[k] || args[i].invalid() || !isUntyped(args[i].type)) continue;
    if (args[i].type->isBasic(BasicKind::UntypedNil)) continue;
    targs[k] = defaultType(tt_, args[i].type);
  }
  constraintInference();
  if (failed) return {};
  // Inferred arguments may mention other type parameters: resolve them.
  for (int round = 0; round < 4; ++round) {
    TypeMap m = typeMap(tps, targs);
    for (const Type *&t : targs)
      if (t) t = subst(t, m);
  }
  for (size_t i = 0; i < targs.size(); ++i) {
    if (targs[i]) continue;
    error(tree_->operator[](call).pos, "cannot infer " + tps[i]->obj->name + " (" +
                      Diagnostics::formatPos(sm_, tps[i]->obj->pos, DiagOptions{}) + ")");
    return {};
  }
  return targs;
}

const Type *Checker::instantiateSignature(NodeId call, const Type *sig, const std::vector<const Type *> &targs,
                                          const std::vector<NodeId> &argNodes) {
  TypeMap m = typeMap(sig->typeParams, targs);
  const Type *plain = tt_.signature(sig->params(), sig->results(), sig->variadic);
  const Type *inst = subst(plain, m);
  std::vector<NodeId> at = argNodes;
  while (at.size() < targs.size()) at.push_back(call);
  if (!verifyTypeArgs(sig->typeParams, targs, at)) return nullptr;
  std::vector<Pos> pos;
  for (NodeId a : at) pos.push_back(tree_->kind(a) == NodeKind::CallExpr ? (*tree_)[a].pos : syntax::startPos(*tree_, a));
  recordInstance(sig->typeParams, targs, pos);
  info_->instances[call.index] = targs;
  return inst;
}

const Type *Checker::methodType(const LookupResult &r) {
  if (!r.method) return nullptr;
  const Type *owner = r.owner;
  if (owner && owner->origin) return subst(r.method->type, typeMap(owner->origin->typeParams, owner->typeArgs));
  return r.method->type;
}

} // namespace origo::types
