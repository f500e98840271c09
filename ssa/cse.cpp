//===- ssa/cse.cpp - common subexpression elimination ---------------------===//
/// \file
/// requires: nothing; leaves copies (copyelim and deadcode follow). Walks
/// the dominator tree keeping the pure values seen on the way from the
/// entry; a value equal to one of them (same op, type, aux data and
/// arguments) becomes a copy of it. Arguments are compared after earlier
/// replacements, so chains (len(s) feeding a compare feeding a check)
/// merge in one walk. Impure values (loads, calls, stores) never merge:
/// effects stay in block order (ssa/README.md).
//===----------------------------------------------------------------------===//
#include "ssa/passes.h"

#include <tuple>

namespace origo::ssa {

namespace {

using Key = std::tuple<Op, const types::Type *, int64_t, std::string, const types::Type *, std::vector<uint32_t>>;

Value *resolved(Value *v) {
  while (v->op == Op::Copy) v = v->args[0];
  return v;
}

} // namespace

void cse(Func &f) {
  DomTree dom(f);
  std::map<Key, Value *> avail;
  std::map<Block *, std::vector<Key>> added; // what each block made available
  dom.walk(
      [&](Block *b) {
        for (Value *v : b->values) {
          for (Value *&a : v->args) a = resolved(a);
          if (!opPure(v->op) || v->op == Op::Phi || v->op == Op::Copy) continue;
          std::vector<uint32_t> ids;
          for (Value *a : v->args) ids.push_back(a->id);
          Key k{v->op, v->type, v->auxInt, v->aux, v->auxType, ids};
          auto it = avail.find(k);
          if (it != avail.end()) {
            v->op = Op::Copy;
            v->args = {it->second};
            v->aux.clear();
            v->auxInt = 0;
            continue;
          }
          avail.emplace(k, v);
          added[b].push_back(k);
        }
        if (b->control) b->control = resolved(b->control);
      },
      [&](Block *b) {
        for (const Key &k : added[b]) avail.erase(k);
      });
  // Phi arguments may refer to values merged later in the walk.
  for (auto &b : f.blocks)
    for (Value *v : b->values)
      for (Value *&a : v->args) a = resolved(a);
}

} // namespace origo::ssa
