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

} // namespace

void prove(Func &f) {
  DomTree dom(f);
  // Facts: pairs (a, b) with a < b (signed), from dominating branches.
  std::multiset<std::pair<const Value *, const Value *>> less;
  struct Frame {
    Block *b;
    size_t next;
    std::pair<const Value *, const Value *> fact;
    bool has;
  };
  std::vector<Frame> stack;
  auto enter = [&](Block *b) {
    Frame fr{b, 0, {}, false};
    if (b->preds.size() == 1 && b->preds[0]->kind == BlockKind::If) {
      Block *p = b->preds[0];
      bool taken = p->succs[0] == b;
      const Value *c = p->control;
      if (c->op == Op::Not) {
        c = c->args[0];
        taken = !taken;
      }
      if (taken && c->op == Op::Less && !types::isUnsigned(c->args[0]->type) && types::isInteger(c->args[0]->type)) {
        fr.fact = {c->args[0], c->args[1]};
        fr.has = true;
        less.insert(fr.fact);
      }
    }
    Value *i, *n;
    if (indexCheck(b, i, n) && nonNegative(i) && less.count({i, n})) {
      Value *no = f.newValue(b, Op::ConstBool, b->control->type, {}, b->control->pos);
      b->control = no;
    }
    stack.push_back(fr);
  };
  enter(f.entry());
  while (!stack.empty()) {
    Frame &fr = stack.back();
    const std::vector<Block *> &kids = dom.children[fr.b];
    if (fr.next < kids.size()) {
      enter(kids[fr.next++]);
      continue;
    }
    if (fr.has) less.erase(less.find(fr.fact));
    stack.pop_back();
  }
}

} // namespace origo::ssa
