//===- ssa/prove.cpp - bounds check elimination ---------------------------===//
/// \file
/// requires: cse (equal lengths and indices are one value); leaves
/// constant branches (opt, deadcode). Collects the conditions that hold
/// in each block from the branches dominating it, and removes an index
/// check (`If (Not (Less (Conv<uint> i) (Conv<uint> n)))` to an Exit
/// calling runtime.panicIndex, as the builder makes them) when they prove
/// 0 <= i < n: a dominating `i < n` with i known non-negative. That covers
/// gc's usual loop facts: `for i := 0; i < len(s); i++ { s[i] }` (i is an
/// induction variable from 0 stepping by 1, guarded by the loop test) and
/// repeated checks of one index; range loops need no check at all.
/// Slicing checks (`a > b` to runtime.panicSlice*) go the same way when
/// 0 <= a <= b is known (`s[i:]` in such a loop, `s[:len(s)]`, `s[0:j]`).
//===----------------------------------------------------------------------===//
#include "ssa/passes.h"

#include <set>

namespace origo::ssa {

namespace {

/// i and n of an index-check block, or false.
bool indexCheck(const Block *b, Value *&i, Value *&n) {
  if (b->kind != BlockKind::If || b->succs.size() != 2) return false;
  const Value *c = b->control;
  const Block *fail = b->succs[0];
  if (c->op != Op::Not || c->args[0]->op != Op::Less) return false;
  if (fail->kind != BlockKind::Exit || !fail->control || fail->control->aux.rfind("runtime.panicIndex", 0) != 0)
    return false;
  const Value *lt = c->args[0];
  auto unconv = [](Value *v) { return v->op == Op::Conv ? v->args[0] : v; };
  i = unconv(lt->args[0]);
  n = unconv(lt->args[1]);
  return true;
}

/// Whether v >= 0 for sure: constants, lengths, and induction variables
/// counting up by one from a non-negative start (which a guard `< n`
/// keeps below overflow).
bool nonNegative(const Value *v, int depth = 0) {
  if (depth > 4) return false;
  switch (v->op) {
  case Op::ConstInt: return v->auxInt >= 0;
  case Op::SliceLen: case Op::SliceCap: case Op::StringLen: return true;
  case Op::Phi: {
    bool init = false, step = true;
    for (const Value *a : v->args) {
      if (a->op == Op::Add && (a->args[0] == v || a->args[1] == v)) {
        const Value *k = a->args[0] == v ? a->args[1] : a->args[0];
        step &= k->op == Op::ConstInt && k->auxInt == 1;
      } else if (a == v) {
        continue;
      } else {
        init = nonNegative(a, depth + 1);
        if (!init) return false;
      }
    }
    return init && step;
  }
  default: return false;
  }
}

/// a and b of a slicing check (`If (Greater (Conv<uint> a) (Conv<uint> b))`
/// to an Exit calling one of runtime.panicSlice*), or false.
bool sliceCheck(const Block *b, Value *&x, Value *&y) {
  if (b->kind != BlockKind::If || b->succs.size() != 2) return false;
  const Value *c = b->control;
  const Block *fail = b->succs[0];
  if (c->op != Op::Greater || fail->kind != BlockKind::Exit || !fail->control ||
      fail->control->aux.rfind("runtime.panicSlice", 0) != 0)
    return false;
  auto unconv = [](Value *v) { return v->op == Op::Conv ? v->args[0] : v; };
  x = unconv(c->args[0]);
  y = unconv(c->args[1]);
  return true;
}

} // namespace

void prove(Func &f) {
  DomTree dom(f);
  // Facts: pairs (a, b) with a < b (in the signedness of their type),
  // from dominating branches.
  using Fact = std::pair<const Value *, const Value *>;
  std::multiset<Fact> less;
  std::map<Block *, Fact> added;
  dom.walk(
      [&](Block *b) {
        if (b->preds.size() == 1 && b->preds[0]->kind == BlockKind::If) {
          Block *p = b->preds[0];
          bool taken = p->succs[0] == b;
          const Value *c = p->control;
          if (c->op == Op::Not) {
            c = c->args[0];
            taken = !taken;
          }
          if (taken && c->op == Op::Less && types::isInteger(c->args[0]->type)) {
            added[b] = {c->args[0], c->args[1]};
            less.insert(added[b]);
          }
        }
        // A check passes when a dominating one on the same values did
        // (unsigned facts), or when 0 <= i < n is known (signed facts).
        Value *i, *n;
        const Value *ui = indexCheck(b, i, n) ? b->control->args[0]->args[0] : nullptr;
        const Value *un = ui ? b->control->args[0]->args[1] : nullptr;
        if (ui && (less.count({ui, un}) || (nonNegative(i) && less.count({i, n}))))
          b->control = f.newValue(b, Op::ConstBool, b->control->type, {}, b->control->pos);
        // A slicing check a > b (unsigned) fails to panic when 0 <= a <= b
        // is known: a is b, a is 0, len(s) against cap(s), a < b with a
        // non-negative, or both non-negative constants in order.
        Value *x, *y;
        if (sliceCheck(b, x, y)) {
          bool ok = x == y || (x->op == Op::ConstInt && x->auxInt == 0) ||
                    (x->op == Op::SliceLen && y->op == Op::SliceCap && x->args[0] == y->args[0]) ||
                    (nonNegative(x) && less.count({x, y})) ||
                    (x->op == Op::ConstInt && y->op == Op::ConstInt && x->auxInt >= 0 && x->auxInt <= y->auxInt);
          if (ok) b->control = f.newValue(b, Op::ConstBool, b->control->type, {}, b->control->pos);
        }
      },
      [&](Block *b) {
        if (auto it = added.find(b); it != added.end()) less.erase(less.find(it->second));
      });
}

} // namespace origo::ssa
