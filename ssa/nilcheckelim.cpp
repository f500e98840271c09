//===- ssa/nilcheckelim.cpp - nil check elimination -----------------------===//
/// \file
/// requires: cse (so that one pointer is one value); leaves constant
/// branches (opt resolves them, deadcode drops the panics). A nil check
/// (`If (Eq p nil)` to an Exit calling runtime.panicmem, as the builder
/// makes them) is removed when p cannot be nil: it is a new object, a
/// stack slot, a global's or a function's address, or a dominating check
/// of p already passed.
//===----------------------------------------------------------------------===//
#include "ssa/passes.h"

#include <set>

namespace origo::ssa {

/// The checked pointer of a nil-check block, or null.
static Value *nilChecked(const Block *b) {
  if (b->kind != BlockKind::If || b->succs.size() != 2) return nullptr;
  const Value *c = b->control;
  const Block *fail = b->succs[0];
  if (c->op != Op::Eq || c->args[1]->op != Op::ConstInt || c->args[1]->auxInt != 0) return nullptr;
  if (fail->kind != BlockKind::Exit || !fail->control || fail->control->aux != "runtime.panicmem") return nullptr;
  return c->args[0];
}

static bool allocated(const Value *p) {
  switch (p->op) {
  case Op::New: case Op::LocalAddr: case Op::GlobalAddr: case Op::FuncAddr: case Op::TypeDesc:
    return true;
  default:
    return false;
  }
}

void nilcheckelim(Func &f) {
  DomTree dom(f);
  std::set<const Value *> nonNil;
  std::map<Block *, const Value *> added;
  dom.walk(
      [&](Block *b) {
        // Entered only through the passing edge of a check of p: p != nil.
        if (b->preds.size() == 1) {
          Block *p = b->preds[0];
          if (Value *ptr = nilChecked(p); ptr && p->succs[1] == b && nonNil.insert(ptr).second) added[b] = ptr;
        }
        if (Value *ptr = nilChecked(b); ptr && (allocated(ptr) || nonNil.count(ptr)))
          b->control = f.newValue(b, Op::ConstBool, b->control->type, {}, b->control->pos);
      },
      [&](Block *b) {
        if (auto it = added.find(b); it != added.end()) nonNil.erase(it->second);
      });
}

} // namespace origo::ssa
