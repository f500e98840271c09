//===- ssa/build_chan.cpp - channels and select ---------------------------===//
/// \file
/// Channel operations as calls of the runtime's channels (runtime/chan.cpp,
/// gc's chan.go and select.go), with elements passed by address as gc
/// does: make (makechan), c <- v (chansend1 of a stack slot holding v),
/// <-c (chanrecv1 into a slot), v, ok := <-c (chanrecv2), close, len, cap,
/// for range over a channel, and select statements (spec "Select
/// statements"): every channel operand and sent value is evaluated once,
/// in source order, into an array of {channel, element slot} cases (sends
/// first, then receives) for runtime.selectgo, which returns the chosen
/// case; the left sides of a receive are assigned only in the chosen case.
/// As gc does, a select of one case and no default is that one operation
/// (so a deadlock report shows `chan receive`), and `select {}` blocks
/// forever (runtime.block).
//===----------------------------------------------------------------------===//
#include "ssa/builder.h"

namespace origo::ssa {

Value *Builder::chanElemSlot(const Type *et, Pos p) {
  Value *slot = temp(et, p);
  // Written by the runtime before it is read; zeroed only so that it
  // never holds stale pointers.
  if (types::hasPointers(et)) zero(slot, et, p);
  return slot;
}

Value *Builder::chanSendSlot(NodeId v, const Type *et) {
  Value *slot = temp(et, pos(v));
  if (isAggregate(et)) zero(slot, et, pos(v));
  elementInto(slot, v, et);
  return slot;
}

Value *Builder::chanCall(const char *fn, const Type *rt, std::vector<Value *> args, Pos p) {
  Value *c = value(Op::RuntimeCall, rt, std::move(args), p);
  c->aux = fn;
  return c;
}

Value *Builder::makeChan(const Type *ct, Value *size, Pos p) {
  return chanCall("runtime.makechan", ct, {typeDesc(ct, p), conv(size, basic(BasicKind::Int), p)}, p);
}

void Builder::sendStmt(NodeId s) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(s);
  const Type *ct = typeOf(t.kid(s, 0));
  Value *c = expr(t.kid(s, 0));
  Value *slot = chanSendSlot(t.kid(s, 1), types::under(ct)->elem);
  chanCall("runtime.chansend1", tt_.tuple({}), {c, slot}, p);
}

Value *Builder::chanRecv(NodeId e, std::vector<Value *> *out) {
  // <-c, or (with out) the comma-ok form v, ok.
  const syntax::Tree &t = *tree_;
  while (t.kind(e) == NodeKind::ParenExpr) e = t.kid(e, 0);
  Pos p = pos(e);
  NodeId x = t.kid(e, 0);
  const Type *et = types::under(typeOf(x))->elem;
  Value *c = expr(x);
  Value *slot = chanElemSlot(et, p);
  Value *ok = nullptr;
  if (out) ok = chanCall("runtime.chanrecv2", basic(BasicKind::Bool), {c, slot}, p);
  else chanCall("runtime.chanrecv1", tt_.tuple({}), {c, slot}, p);
  Value *v = deref(slot, et, p);
  if (isAggregate(et)) fresh_.insert(slot);
  if (!out) return v;
  out->push_back(v);
  out->push_back(ok);
  return v;
}

void Builder::rangeChan(NodeId s) {
  // for v := range c: receive until c is closed and drained.
  const syntax::Tree &t = *tree_;
  Pos p = pos(s);
  NodeId keyN = t.kid(s, 0);
  bool isDefine = t[s].op == Tok::Define;
  const Type *et = types::under(typeOf(t.kid(s, 2)))->elem;
  Value *c = expr(t.kid(s, 2));
  defineRangeVars(s);
  Value *slot = chanElemSlot(et, p);
  Block *header = newBlock(), *body = newBlock(), *post = newBlock(), *exit = newBlock();
  header->pos = p;
  jump(header);
  startBlock(header);
  Value *ok = chanCall("runtime.chanrecv2", basic(BasicKind::Bool), {c, slot}, p);
  branch(ok, body, exit);
  seal(body);
  startBlock(body);
  bindRange(keyN, deref(slot, et, p), isDefine, p);
  rangeBody(s, exit, post);
  endLoop(header, exit);
}

void Builder::selectStmt(NodeId s) {
  const syntax::Tree &t = *tree_;
  Pos p = pos(s);
  const Type *boolT = basic(BasicKind::Bool), *intT = basic(BasicKind::Int);
  // 1. The cases' channels and sent values, in source order.
  struct Case {
    NodeId clause;
    bool send = false;
    NodeId recvExpr;        ///< the <-c of a receive
    NodeId lhsV, lhsOk;     ///< a receive's left sides (v, ok), if any
    Value *c = nullptr, *slot = nullptr;
    const Type *et = nullptr;
    int64_t index = 0;      ///< in the runtime's case array
  };
  std::vector<Case> cases;
  NodeId dflt;
  int64_t nsends = 0;
  for (NodeId cl : t.kids(s)) {
    NodeId comm = t.kid(cl, 0);
    if (!comm.valid()) {
      dflt = cl;
      continue;
    }
    Case k;
    k.clause = cl;
    if (t.kind(comm) == NodeKind::SendStmt) {
      k.send = true;
      const Type *ct = typeOf(t.kid(comm, 0));
      k.et = types::under(ct)->elem;
      k.c = expr(t.kid(comm, 0));
      k.slot = chanSendSlot(t.kid(comm, 1), k.et);
      ++nsends;
    } else {
      NodeId rx;
      if (t.kind(comm) == NodeKind::ExprStmt) {
        rx = t.kid(comm, 0);
      } else { // AssignStmt: v[, ok] = / := <-c
        std::vector<NodeId> lhs = t.kids(t.kid(comm, 0));
        rx = t.kid(t.kid(comm, 1), 0);
        k.lhsV = lhs[0];
        if (lhs.size() > 1) k.lhsOk = lhs[1];
      }
      while (t.kind(rx) == NodeKind::ParenExpr) rx = t.kid(rx, 0);
      k.recvExpr = rx;
      k.et = types::under(typeOf(t.kid(rx, 0)))->elem;
      k.c = expr(t.kid(rx, 0));
      k.slot = chanElemSlot(k.et, pos(rx));
    }
    cases.push_back(k);
  }
  int64_t ncases = int64_t(cases.size());
  if (ncases == 0 && !dflt.valid()) {
    // select {}: blocks forever.
    Value *c = chanCall("runtime.block", tt_.tuple({}), {}, p);
    cur_->kind = BlockKind::Exit;
    cur_->control = c;
    startDeadBlock();
    return;
  }
  int64_t nr = 0;
  for (Case &k : cases) k.index = k.send ? nr++ : 0;
  for (Case &k : cases)
    if (!k.send) k.index = nr++;

  // 2. The communication: one operation, or selectgo.
  Value *chosen = nullptr, *recvOK = nullptr;
  if (ncases == 1 && !dflt.valid()) {
    const Case &k = cases[0];
    Pos cp = pos(k.clause);
    if (k.send) chanCall("runtime.chansend1", tt_.tuple({}), {k.c, k.slot}, cp);
    else if (k.lhsOk.valid()) recvOK = chanCall("runtime.chanrecv2", boolT, {k.c, k.slot}, cp);
    else chanCall("runtime.chanrecv1", tt_.tuple({}), {k.c, k.slot}, cp);
    chosen = intConst(0, p);
  } else if (ncases > 0) {
    const Type *ptrT = basic(BasicKind::UnsafePointer);
    const Type *arrT = tt_.array(ptrT, 2 * ncases);
    const Type *orderT = tt_.array(basic(BasicKind::Uint16), 2 * ncases);
    Value *arr = temp(arrT, p);
    for (const Case &k : cases) {
      storeValue(elemAddr(arr, intConst(2 * k.index, p), ptrT, p), k.c, k.c->type, p);
      storeValue(elemAddr(arr, intConst(2 * k.index + 1, p), ptrT, p), k.slot, k.slot->type, p);
    }
    Value *order = temp(orderT, p);
    Value *block = value(Op::ConstBool, boolT, {}, p);
    block->auxInt = dflt.valid() ? 0 : 1;
    Value *res = chanCall("runtime.selectgo", tt_.tuple({intT, boolT}),
                          {arr, order, intConst(nsends, p), intConst(ncases - nsends, p), block}, p);
    chosen = value(Op::Select, intT, {res}, p);
    recvOK = value(Op::Select, boolT, {res}, p);
    recvOK->auxInt = 1;
  }

  // 3. The bodies: the chosen case (or default) runs; break leaves the
  // select.
  Block *exit = newBlock();
  std::vector<Block *> bodies;
  for (size_t i = 0; i < cases.size(); ++i) bodies.push_back(newBlock());
  Block *dfltBody = dflt.valid() ? newBlock() : nullptr;
  for (size_t i = 0; i < cases.size(); ++i) {
    if (i + 1 == cases.size() && !dfltBody) {
      jump(bodies[i]);
      break;
    }
    branchOr(value(Op::Eq, boolT, {chosen, intConst(cases[i].index, p)}, p), bodies[i]);
  }
  if (dfltBody) jump(dfltBody);
  loops_.push_back({exit, nullptr, std::move(pendingLabel_)});
  pendingLabel_.clear();
  auto body = [&](Block *b, NodeId cl) {
    seal(b);
    startBlock(b);
    stmt(t.kid(cl, 1));
    jump(exit);
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case &k = cases[i];
    seal(bodies[i]);
    startBlock(bodies[i]);
    Pos cp = pos(k.clause);
    if (k.lhsV.valid()) assign(k.lhsV, deref(k.slot, k.et, cp));
    if (k.lhsOk.valid()) assign(k.lhsOk, recvOK);
    stmt(t.kid(k.clause, 1));
    jump(exit);
  }
  if (dfltBody) body(dfltBody, dflt);
  loops_.pop_back();
  seal(exit);
  startBlock(exit);
}

} // namespace origo::ssa
