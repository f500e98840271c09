//===- ssa/func.cpp - functions, blocks, values; dump and verifier --------===//
/// \file
/// Storage of SSA functions, the text dump (gc's layout) and the verifier
/// that `-d=ssa/check/on` runs after every pass.
//===----------------------------------------------------------------------===//
#include "ssa/ssa.h"

#include <algorithm>
#include <set>

namespace origo::ssa {

const char *opName(Op op) {
  switch (op) {
#define OP(Name, NumArgs, Pure, Doc) \
  case Op::Name: return #Name;
#include "ssa/ops.def"
  }
  return "?";
}

int opNumArgs(Op op) {
  switch (op) {
#define OP(Name, NumArgs, Pure, Doc) \
  case Op::Name: return NumArgs;
#include "ssa/ops.def"
  }
  return 0;
}

bool opPure(Op op) {
  switch (op) {
#define OP(Name, NumArgs, Pure, Doc) \
  case Op::Name: return Pure;
#include "ssa/ops.def"
  }
  return false;
}

const char *blockKindName(BlockKind k) {
  switch (k) {
  case BlockKind::Plain: return "Plain";
  case BlockKind::If: return "If";
  case BlockKind::Ret: return "Ret";
  case BlockKind::Exit: return "Exit";
  }
  return "?";
}

Block *Func::newBlock(BlockKind k) {
  auto b = std::make_unique<Block>();
  b->id = nextBlock_++;
  b->kind = k;
  blocks.push_back(std::move(b));
  return blocks.back().get();
}

Value *Func::newValue(Block *b, Op op, const types::Type *t, std::vector<Value *> args, Pos pos) {
  auto v = std::make_unique<Value>();
  v->id = nextValue_++;
  v->op = op;
  v->type = t;
  v->args = std::move(args);
  v->pos = pos;
  v->block = b;
  Value *p = v.get();
  values_.push_back(std::move(v));
  if (b) b->values.push_back(p);
  return p;
}

void Func::addEdge(Block *from, Block *to) {
  from->succs.push_back(to);
  to->preds.push_back(from);
}

void Func::countUses() {
  for (auto &b : blocks) {
    for (Value *v : b->values) v->uses = 0;
  }
  for (auto &b : blocks) {
    for (Value *v : b->values)
      for (Value *a : v->args) ++a->uses;
    if (b->control) ++b->control->uses;
  }
}

void Func::compact() {
  std::set<const Value *> live;
  for (auto &b : blocks)
    for (Value *v : b->values) live.insert(v);
  values_.erase(std::remove_if(values_.begin(), values_.end(),
                               [&](const std::unique_ptr<Value> &v) { return !live.count(v.get()); }),
                values_.end());
}

static std::string valueRef(const Value *v) { return "v" + std::to_string(v->id); }

/// A value's aux as the dump shows it: bare (a symbol, a parameter name),
/// or as a quoted Go string for string constants and for any text that
/// would not read back bare (braces, quotes, control characters).
static std::string auxText(const Value &v) {
  bool quote = v.op == Op::ConstString;
  for (unsigned char c : v.aux)
    if (c == '{' || c == '}' || c == '"' || c < 0x20 || c == 0x7f) quote = true;
  if (!quote) return v.aux;
  std::string q = "\"";
  for (unsigned char c : v.aux) {
    if (c == '"' || c == '\\') { q += '\\'; q += char(c); }
    else if (c == '\n') q += "\\n";
    else if (c < 0x20 || c >= 0x7f) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02x", c);
      q += buf;
    } else q += char(c);
  }
  return q + "\"";
}

std::string dump(const Func &f) {
  std::string out = f.name + " " + types::typeString(f.sig) + "\n";
  for (const auto &b : f.blocks) {
    out += "  b" + std::to_string(b->id) + ":";
    if (b.get() == f.unwind) out += " unwind";
    if (!b->preds.empty()) {
      out += " <-";
      for (const Block *p : b->preds) out += " b" + std::to_string(p->id);
    }
    out += "\n";
    for (const Value *v : b->values) {
      out += "    " + valueRef(v) + " (" + (v->pos.valid() ? std::to_string(v->pos.line) : "?") + ") = " +
             opName(v->op) + " <" + types::typeString(v->type) + ">";
      // auxInt shows for the ops whose meaning it is, and whenever it is
      // set, so that the text loses nothing (parse.cpp reads it back).
      bool showInt = v->op == Op::Arg || v->op == Op::ConstInt || v->op == Op::ConstBool ||
                     v->op == Op::Select || v->auxInt != 0;
      if (showInt) out += " [" + std::to_string(v->auxInt) + "]";
      if (!v->aux.empty()) out += " {" + auxText(*v) + "}";
      for (const Value *a : v->args) out += " " + valueRef(a);
      out += "\n";
    }
    out += "    ";
    out += blockKindName(b->kind);
    if (b->control) out += " " + valueRef(b->control);
    if (!b->succs.empty()) {
      out += " ->";
      for (const Block *s : b->succs) out += " b" + std::to_string(s->id);
    }
    out += "\n";
  }
  return out;
}

std::string verify(const Func &f) {
  std::string errs;
  auto fail = [&](const std::string &m) { errs += f.name + ": " + m + "\n"; };
  std::set<const Block *> blocks;
  std::set<const Value *> values;
  for (const auto &b : f.blocks) {
    blocks.insert(b.get());
    for (const Value *v : b->values) values.insert(v);
  }
  for (const auto &b : f.blocks) {
    std::string bn = "b" + std::to_string(b->id);
    size_t want = b->kind == BlockKind::Plain ? 1 : b->kind == BlockKind::If ? 2 : 0;
    if (b->succs.size() != want) fail(bn + " (" + blockKindName(b->kind) + ") has " + std::to_string(b->succs.size()) + " successors");
    if ((b->kind == BlockKind::Plain) != (b->control == nullptr)) fail(bn + ": control mismatch for kind");
    if (b->control && !values.count(b->control)) fail(bn + ": control not in function");
    for (const Block *s : b->succs) {
      if (!blocks.count(s)) fail(bn + ": successor not in function");
      else if (std::count(s->preds.begin(), s->preds.end(), b.get()) !=
               std::count(b->succs.begin(), b->succs.end(), s))
        fail(bn + ": edge to b" + std::to_string(s->id) + " missing from its preds");
    }
    for (const Block *p : b->preds)
      if (!blocks.count(p)) fail(bn + ": predecessor not in function");
    bool seenNonPhi = false;
    for (const Value *v : b->values) {
      std::string vn = "v" + std::to_string(v->id);
      if (v->block != b.get()) fail(vn + " in wrong block");
      int n = opNumArgs(v->op);
      if (n >= 0 && int(v->args.size()) != n) fail(vn + " (" + opName(v->op) + ") has " + std::to_string(v->args.size()) + " args");
      if (v->op == Op::Phi) {
        if (seenNonPhi) fail(vn + ": phi after non-phi");
        if (v->args.size() != b->preds.size()) fail(vn + ": phi has " + std::to_string(v->args.size()) + " args for " + std::to_string(b->preds.size()) + " preds");
      } else {
        seenNonPhi = true;
      }
      if (v->op == Op::Invalid) fail(vn + " is Invalid");
      for (const Value *a : v->args)
        if (!values.count(a)) fail(vn + ": argument not in function");
    }
  }
  return errs;
}

} // namespace origo::ssa
