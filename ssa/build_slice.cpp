//===- ssa/build_slice.cpp - strings and slices ---------------------------===//
/// \file
/// Indexing, slicing, append and range loops over strings and slices,
/// with gc's bounds checks and panic messages.
//===----------------------------------------------------------------------===//
#include "ssa/builder.h"

#include <cassert>
#include <cstring>

namespace origo::ssa {

Value *Builder::indexValue(NodeId e, bool &isUnsigned) {
  Value *v = expr(e);
  isUnsigned = types::isUnsigned(v->type);
  // Indices wider than int (or unsigned ones at least as wide) convert
  // with a check of their own in gc; on 64-bit targets only uint64/uint/
  // uintptr values above MaxInt64 differ, and they are out of range as
  // unsigned anyway.
  return conv(v, basic(BasicKind::Int), pos(e));
}

void Builder::rangeString(NodeId s) {
  // for i, r := range str (spec "For statements with range clause"): i
  // steps over the UTF-8 encoding, r is the rune there (U+FFFD and width
  // 1 for an invalid byte, as runtime.decoderune); ASCII is decoded inline.
  const syntax::Tree &t = *tree_;
  Pos p = pos(s);
  NodeId keyN = t.kid(s, 0), valN = t.kid(s, 1);
  bool isDefine = t[s].op == Tok::Define;
  const Type *intT = basic(BasicKind::Int), *runeT = basic(BasicKind::Int32), *boolT = basic(BasicKind::Bool);
  Value *str = expr(t.kid(s, 2));
  Value *n = value(Op::StringLen, intT, {str}, p);
  Value *base = value(Op::StringPtr, basic(BasicKind::UnsafePointer), {str}, p);
  // Hidden variables: the index, the next index and the rune.
  const Object *iv = prog_.newObject(ObjKind::Var, ".i", p, intT);
  const Object *nextv = prog_.newObject(ObjKind::Var, ".next", p, intT);
  defineRangeVars(s);
  const Object *rv = prog_.newObject(ObjKind::Var, ".r", p, runeT);
  IndexLoop loop = indexLoop(iv, n, p);
  Value *i = loop.i;
  Block *ascii = newBlock(), *multi = newBlock(), *decoded = newBlock();
  Value *b = value(Op::LoadByte, basic(BasicKind::Uint8), {value(Op::AddPtr, basic(BasicKind::UnsafePointer), {base, i}, p)}, p);
  Value *lim = value(Op::ConstInt, basic(BasicKind::Uint8), {}, p);
  lim->auxInt = 0x80;
  branch(value(Op::Less, boolT, {b, lim}, p), ascii, multi);
  seal(ascii);
  seal(multi);
  startBlock(ascii);
  writeVar(rv, ascii, conv(b, runeT, p));
  writeVar(nextv, ascii, value(Op::Add, intT, {i, intConst(1, p)}, p));
  jump(decoded);
  startBlock(multi);
  Value *d = value(Op::RuntimeCall, tt_.tuple({runeT, intT}), {str, i}, p);
  d->aux = "runtime.decoderune";
  Value *r = value(Op::Select, runeT, {d}, p);
  Value *nx = value(Op::Select, intT, {d}, p);
  nx->auxInt = 1;
  writeVar(rv, multi, r);
  writeVar(nextv, multi, nx);
  jump(decoded);
  seal(decoded);
  startBlock(decoded);
  bindRange2(keyN, i, valN, [&] { return readVar(rv, cur_); }, isDefine, p);
  rangeBody(s, loop.exit, loop.post);
  writeVar(iv, loop.post, readVar(nextv, loop.post));
  endLoop(loop.header, loop.exit);
}

Value *Builder::sliceElemAddr(NodeId e) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  Value *sl = expr(t.kid(e, 0));
  bool uns;
  Value *i = indexValue(t.kid(e, 1), uns);
  indexCheck(i, value(Op::SliceLen, basic(BasicKind::Int), {sl}, p), uns, p);
  return elemAddr(value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {sl}, p), i, types::under(typeOf(t.kid(e, 0)))->elem, p);
}

void Builder::indexCheck(Value *i, Value *n, bool isUnsigned, Pos p) {
  const Type *uintT = basic(BasicKind::Uint);
  Value *ok = value(Op::Less, basic(BasicKind::Bool), {conv(i, uintT, p), conv(n, uintT, p)}, p);
  panicIf(value(Op::Not, basic(BasicKind::Bool), {ok}, p), isUnsigned ? "runtime.panicIndexU" : "runtime.panicIndex",
          p, {i, n});
}

void Builder::rangeBody(NodeId s, Block *exit, Block *post) {
  loops_.push_back({exit, post, std::move(pendingLabel_)});
  pendingLabel_.clear();
  stmt(tree_->kid(s, 3));
  loops_.pop_back();
  jump(post);
  seal(post);
  startBlock(post);
}

Value *Builder::sliceSlice(NodeId e, Value *sl) {
  // s[lo:hi:max] with gc's checks, outermost first: max <= cap, hi <= max,
  // lo <= hi; an empty result keeps the base pointer.
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  const Type *intT = basic(BasicKind::Int), *uintT = basic(BasicKind::Uint), *boolT = basic(BasicKind::Bool);
  bool loU = false, hiU = false, maxU = false, three = t[e].op == Tok::Colon;
  Value *lo = t.kid(e, 1).valid() ? indexValue(t.kid(e, 1), loU) : nullptr;
  Value *hi = t.kid(e, 2).valid() ? indexValue(t.kid(e, 2), hiU) : nullptr;
  Value *mx = three && t.kid(e, 3).valid() ? indexValue(t.kid(e, 3), maxU) : nullptr;
  Value *cap = value(Op::SliceCap, intT, {sl}, p);
  auto check = [&](Value *a, Value *b, bool u, const char *fn, const char *fnU) {
    panicIf(value(Op::Greater, boolT, {conv(a, uintT, p), conv(b, uintT, p)}, p), u ? fnU : fn, p, {a, b});
  };
  if (mx) check(mx, cap, maxU, "runtime.panicSlice3Acap", "runtime.panicSlice3AcapU");
  else mx = cap;
  if (hi) {
    if (three) check(hi, mx, hiU, "runtime.panicSlice3B", "runtime.panicSlice3BU");
    else check(hi, cap, hiU, "runtime.panicSliceAcap", "runtime.panicSliceAcapU");
  } else {
    hi = value(Op::SliceLen, intT, {sl}, p);
  }
  if (lo) {
    if (three) check(lo, hi, loU, "runtime.panicSlice3C", "runtime.panicSlice3CU");
    else check(lo, hi, loU, "runtime.panicSliceB", "runtime.panicSliceBU");
  } else {
    lo = intConst(0, p);
  }
  Value *len = value(Op::Sub, intT, {hi, lo}, p), *ncap = value(Op::Sub, intT, {mx, lo}, p);
  int64_t w = types::layoutOf(types::under(typeOf(e))->elem).size;
  Value *zero = intConst(0, p);
  Value *delta = value(Op::CondSelect, intT,
                       {value(Op::Eq, boolT, {ncap, zero}, p), zero, value(Op::Mul, intT, {lo, intConst(w, p)}, p)}, p);
  Value *ptr = value(Op::AddPtr, basic(BasicKind::UnsafePointer), {value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {sl}, p), delta}, p);
  return value(Op::SliceMake, typeOf(e), {ptr, len, ncap}, p);
}

Value *Builder::appendCall(NodeId e) {
  // append(s, x...): grow through runtime.growslice when the capacity is
  // short (gc's growth and size classes), then store the new elements.
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  const Type *st = typeOf(e), *et = types::under(st)->elem;
  const Type *intT = basic(BasicKind::Int), *boolT = basic(BasicKind::Bool), *ptrT = basic(BasicKind::UnsafePointer);
  Value *sl = conv(builtinArg(e, 1), st, p);
  std::vector<Value *> xs;
  Value *more = nullptr, *morePtr = nullptr, *moreLen = nullptr;
  if (t[e].op == Tok::Ellipsis) {
    // append(s, t...) with t a slice (or a string for []byte).
    more = builtinArg(e, 2);
    bool str = types::isString(builtinArgType(e, 2));
    morePtr = value(str ? Op::StringPtr : Op::SlicePtr, ptrT, {more}, p);
    moreLen = value(str ? Op::StringLen : Op::SliceLen, intT, {more}, p);
  } else {
    for (size_t i = 2; i < builtinArgs(e); ++i) xs.push_back(conv(builtinArg(e, i), et, p));
    if (xs.empty()) return sl;
  }
  const Object *sv = prog_.newObject(ObjKind::Var, ".append", p, st);
  writeVar(sv, cur_, sl);
  Value *oldLen = value(Op::SliceLen, intT, {sl}, p);
  Value *newLen = value(Op::Add, intT, {oldLen, more ? moreLen : intConst(int64_t(xs.size()), p)}, p);
  Value *cap = value(Op::SliceCap, intT, {sl}, p);
  Block *grow = newBlock(), *store = newBlock();
  // Compared unsigned, as gc does: a length that overflowed int grows
  // too, and growslice reports it ("cap out of range").
  const Type *uintT = basic(BasicKind::Uint);
  branch(value(Op::Greater, boolT, {value(Op::Conv, uintT, {newLen}, p), value(Op::Conv, uintT, {cap}, p)}, p), grow,
         store);
  Block *from = cur_;
  seal(grow);
  startBlock(grow);
  Value *g = value(Op::RuntimeCall, st,
                   {typeDesc(et, p), value(Op::SlicePtr, ptrT, {sl}, p), oldLen, cap, newLen}, p);
  g->aux = "runtime.growslice";
  writeVar(sv, grow, g);
  jump(store);
  (void)from;
  seal(store);
  startBlock(store);
  Value *cur = readVar(sv, store);
  Value *res = value(Op::SliceMake, st, {value(Op::SlicePtr, ptrT, {cur}, p), newLen, value(Op::SliceCap, intT, {cur}, p)}, p);
  Value *base = value(Op::SlicePtr, ptrT, {res}, p);
  if (more) {
    // The elements are copied with memmove semantics (t may be s).
    int64_t w = types::layoutOf(et).size;
    Value *dst = value(Op::AddPtr, ptrT, {base, value(Op::Mul, intT, {oldLen, intConst(w, p)}, p)}, p);
    Value *c = value(Op::RuntimeCall, intT, {dst, moreLen, morePtr, moreLen, intConst(w, p)}, p);
    c->aux = "runtime.slicecopy";
    return res;
  }
  for (size_t k = 0; k < xs.size(); ++k) {
    Value *idx = value(Op::Add, intT, {oldLen, intConst(int64_t(k), p)}, p);
    storeValue(elemAddr(base, idx, et, p), xs[k], et, p);
  }
  return res;
}

void Builder::rangeSlice(NodeId s) {
  // for i, v := range sl: the slice is evaluated once.
  Pos p = pos(s);
  Value *sl = expr(tree_->kid(s, 2));
  Value *n = value(Op::SliceLen, basic(BasicKind::Int), {sl}, p);
  Value *base = value(Op::SlicePtr, basic(BasicKind::UnsafePointer), {sl}, p);
  rangeIndexed(s, base, n, types::under(typeOf(tree_->kid(s, 2)))->elem);
}

void Builder::rangeIndexed(NodeId s, Value *base, Value *n, const Type *et) {
  // v is a copy of element i made at the start of each iteration.
  const syntax::Tree &t = *tree_;
  Pos p = pos(s);
  NodeId keyN = t.kid(s, 0), valN = t.kid(s, 1);
  bool isDefine = t[s].op == Tok::Define;
  const Type *intT = basic(BasicKind::Int);
  defineRangeVars(s);
  const Object *iv = prog_.newObject(ObjKind::Var, ".i", p, intT);
  IndexLoop loop = indexLoop(iv, n, p);
  bindRange2(keyN, loop.i, valN, [&] { return deref(elemAddr(base, loop.i, et, p), et, p); }, isDefine, p);
  rangeBody(s, loop.exit, loop.post);
  writeVar(iv, loop.post, value(Op::Add, intT, {readVar(iv, loop.post), intConst(1, p)}, p));
  endLoop(loop.header, loop.exit);
}

Value *Builder::stringIndex(NodeId e) {
  // s[i]: 0 <= i < len(s) (one unsigned comparison), else gc's
  // "index out of range [i] with length n".
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  Value *s = expr(t.kid(e, 0));
  bool uns;
  Value *i = indexValue(t.kid(e, 1), uns);
  indexCheck(i, value(Op::StringLen, basic(BasicKind::Int), {s}, p), uns, p);
  Value *addr = value(Op::AddPtr, basic(BasicKind::UnsafePointer), {value(Op::StringPtr, basic(BasicKind::UnsafePointer), {s}, p), i}, p);
  return value(Op::LoadByte, basic(BasicKind::Uint8), {addr}, p);
}

Value *Builder::stringSlice(NodeId e) {
  // s[lo:hi]: hi <= len(s), then lo <= hi (gc's order of checks and
  // messages); an empty result does not point past the data.
  const syntax::Tree &t = *tree_;
  Pos p = pos(e);
  Value *s = expr(t.kid(e, 0));
  const Type *intT = basic(BasicKind::Int), *uintT = basic(BasicKind::Uint), *boolT = basic(BasicKind::Bool);
  bool loU = false, hiU = false;
  Value *lo = t.kid(e, 1).valid() ? indexValue(t.kid(e, 1), loU) : nullptr;
  Value *hi = t.kid(e, 2).valid() ? indexValue(t.kid(e, 2), hiU) : nullptr;
  Value *n = value(Op::StringLen, intT, {s}, p);
  if (hi) {
    Value *bad = value(Op::Greater, boolT, {conv(hi, uintT, p), conv(n, uintT, p)}, p);
    panicIf(bad, hiU ? "runtime.panicSliceAlenU" : "runtime.panicSliceAlen", p, {hi, n});
  } else {
    hi = n;
  }
  if (lo) {
    Value *bad = value(Op::Greater, boolT, {conv(lo, uintT, p), conv(hi, uintT, p)}, p);
    panicIf(bad, loU ? "runtime.panicSliceBU" : "runtime.panicSliceB", p, {lo, hi});
  } else {
    return value(Op::StringMake, typeOf(e), {value(Op::StringPtr, basic(BasicKind::UnsafePointer), {s}, p), hi}, p);
  }
  Value *len = value(Op::Sub, intT, {hi, lo}, p);
  Value *zero = value(Op::ConstInt, intT, {}, p);
  Value *delta = value(Op::CondSelect, intT, {value(Op::Eq, boolT, {len, zero}, p), zero, lo}, p);
  Value *ptr = value(Op::AddPtr, basic(BasicKind::UnsafePointer), {value(Op::StringPtr, basic(BasicKind::UnsafePointer), {s}, p), delta}, p);
  return value(Op::StringMake, typeOf(e), {ptr, len}, p);
}

} // namespace origo::ssa
