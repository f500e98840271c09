//===- ssa/opt.cpp - constant folding -------------------------------------===//
/// \file
/// requires: copyelim (arguments are not copies); produces: unreachable
/// blocks. Folds integer and boolean operations on constants with Go's
/// semantics for the value's type (wrap-around at its width, truncated
/// division, shifts by >= width), and turns If blocks with a constant
/// condition into Plain ones.
//===----------------------------------------------------------------------===//
#include "ssa/passes.h"

#include <algorithm>

namespace origo::ssa {

/// Truncates x to the width of integer type t, extending per signedness.
static int64_t wrap(int64_t x, const types::Type *t) {
  unsigned bits = types::bitSize(t);
  if (bits >= 64) return x;
  uint64_t mask = (uint64_t(1) << bits) - 1;
  uint64_t u = uint64_t(x) & mask;
  if (!types::isUnsigned(t) && (u >> (bits - 1)) & 1) u |= ~mask;
  return int64_t(u);
}

static bool isConst(const Value *v) { return v->op == Op::ConstInt || v->op == Op::ConstBool; }

/// Folds v if its arguments are constants; returns true when v changed.
static bool fold(Value *v) {
  if (v->args.empty() || !std::all_of(v->args.begin(), v->args.end(), isConst)) return false;
  // Integer and boolean arithmetic only (a conversion to float is not).
  if (types::isFloat(v->type)) return false;
  const types::Type *at = v->args[0]->type;
  bool uns = types::isUnsigned(at);
  uint64_t a = uint64_t(v->args[0]->auxInt);
  uint64_t b = v->args.size() > 1 ? uint64_t(v->args[1]->auxInt) : 0;
  int64_t sa = int64_t(a), sb = int64_t(b);
  unsigned bits = types::bitSize(at);
  int64_t r;
  Op result = Op::ConstInt;
  switch (v->op) {
  case Op::Add: r = int64_t(a + b); break;
  case Op::Sub: r = int64_t(a - b); break;
  case Op::Mul: r = int64_t(a * b); break;
  case Op::Div:
  case Op::Mod:
    if (b == 0) return false; // guarded by a panic branch
    if (uns) {
      uint64_t ua = uint64_t(wrap(sa, at)) & (bits >= 64 ? ~0ull : ((1ull << bits) - 1));
      uint64_t ub = uint64_t(wrap(sb, at)) & (bits >= 64 ? ~0ull : ((1ull << bits) - 1));
      r = int64_t(v->op == Op::Div ? ua / ub : ua % ub);
    } else if (sb == -1) {
      r = v->op == Op::Div ? int64_t(0 - a) : 0;
    } else {
      r = v->op == Op::Div ? sa / sb : sa % sb;
    }
    break;
  case Op::And: r = int64_t(a & b); break;
  case Op::Or: r = int64_t(a | b); break;
  case Op::Xor: r = int64_t(a ^ b); break;
  case Op::AndNot: r = int64_t(a & ~b); break;
  case Op::Lsh:
    if (!types::isUnsigned(v->args[1]->type) && sb < 0) return false; // panics
    r = b >= bits ? 0 : int64_t(a << b);
    break;
  case Op::Rsh: {
    if (!types::isUnsigned(v->args[1]->type) && sb < 0) return false;
    if (uns) {
      uint64_t ua = uint64_t(wrap(sa, at)) & (bits >= 64 ? ~0ull : ((1ull << bits) - 1));
      r = b >= 64 ? 0 : int64_t(ua >> b);
    } else {
      r = b >= 64 ? (sa < 0 ? -1 : 0) : (sa >> b);
    }
    break;
  }
  case Op::Neg: r = int64_t(0 - a); break;
  case Op::Com: r = int64_t(~a); break;
  case Op::Not: r = !a; result = Op::ConstBool; break;
  case Op::Conv: r = sa; break;
  case Op::Eq: case Op::Neq: case Op::Less: case Op::Leq: case Op::Greater: case Op::Geq: {
    if (v->args[0]->op != Op::ConstInt && v->args[0]->op != Op::ConstBool) return false;
    int c;
    if (uns) {
      uint64_t ua = uint64_t(wrap(sa, at)) & (bits >= 64 ? ~0ull : ((1ull << bits) - 1));
      uint64_t ub = uint64_t(wrap(sb, at)) & (bits >= 64 ? ~0ull : ((1ull << bits) - 1));
      c = ua < ub ? -1 : ua > ub;
    } else {
      int64_t wa = wrap(sa, at), wb = wrap(sb, at);
      c = wa < wb ? -1 : wa > wb;
    }
    bool res = v->op == Op::Eq ? c == 0 : v->op == Op::Neq ? c != 0 : v->op == Op::Less ? c < 0
             : v->op == Op::Leq ? c <= 0 : v->op == Op::Greater ? c > 0 : c >= 0;
    r = res;
    result = Op::ConstBool;
    break;
  }
  default:
    return false;
  }
  if (result == Op::ConstInt) {
    if (!types::isInteger(v->type)) return false;
    r = wrap(r, v->type);
  }
  v->op = result;
  v->auxInt = r;
  v->args.clear();
  return true;
}

void opt(Func &f) {
  for (bool changed = true; changed;) {
    changed = false;
    for (auto &b : f.blocks)
      for (Value *v : b->values)
        if (fold(v)) changed = true;
  }
  // If with a constant condition: keep only the taken edge.
  for (auto &b : f.blocks) {
    if (b->kind != BlockKind::If || b->control->op != Op::ConstBool) continue;
    Block *taken = b->succs[b->control->auxInt ? 0 : 1];
    Block *dropped = b->succs[b->control->auxInt ? 1 : 0];
    // Remove b from dropped's predecessors (once) and the phi argument.
    auto it = std::find(dropped->preds.begin(), dropped->preds.end(), b.get());
    if (it != dropped->preds.end()) {
      size_t i = size_t(it - dropped->preds.begin());
      dropped->preds.erase(it);
      for (Value *v : dropped->values)
        if (v->op == Op::Phi && i < v->args.size()) v->args.erase(v->args.begin() + long(i));
    }
    b->kind = BlockKind::Plain;
    b->control = nullptr;
    b->succs = {taken};
    if (taken == dropped) {
      // Both edges went to the same block: it keeps one predecessor entry.
    }
  }
}

} // namespace origo::ssa
