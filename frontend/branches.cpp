//===- frontend/branches.cpp - labels, goto, break, continue, fallthrough -===//
/// \file
/// The checks of labels and branch statements that gc makes in its parser
/// (cmd/compile/internal/syntax, checkBranches) rather than in the type
/// checker: labels defined twice or never used, break/continue outside a
/// loop or with a label of the wrong statement, fallthrough out of place,
/// and gotos that jump into a block or over a variable declaration (spec:
/// "Goto statements", "Break statements", "Fallthrough statements").
///
/// Like gc, each function body (declared or literal) is checked on its own,
/// and only when no syntax error lies inside it.
//===----------------------------------------------------------------------===//
#include "frontend/branches.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace origo::syntax {
namespace {

/// A block of statements; labels declared in it are visible to gotos in it
/// and in the blocks it encloses.
struct Block {
  const Block *parent;
  Pos start;
  NodeId label; ///< LabeledStmt whose statement this block belongs to, or None
};

struct Label {
  const Block *block;
  NodeId stmt; ///< the LabeledStmt
  bool used = false;
};

/// What unlabeled break, continue and fallthrough refer to.
struct Targets {
  NodeId breaks;    ///< innermost for, range, switch or select
  NodeId continues; ///< innermost for or range
  int caseIndex = -1; ///< clause index in the innermost switch, if directly in one
};

class BranchChecker {
public:
  BranchChecker(const Tree &t, const SourceManager &sm, Diagnostics &diags) : t_(t), sm_(sm), diags_(diags) {}

  void checkBody(NodeId body) {
    labels_.clear();
    blocks_.clear();
    std::vector<NodeId> fwd = block({}, t_[body].pos, t_.kids(body));
    for (NodeId g : fwd) {
      NodeId l = t_.kid(g, 0);
      std::string name(t_[l].text);
      auto it = labels_.find(name);
      if (it != labels_.end()) {
        it->second.used = true;
        err(t_[l].pos, "goto " + name + " jumps into block starting at " + pos(it->second.block->start));
      } else {
        err(t_[l].pos, "label " + name + " not defined");
      }
    }
    for (auto &[name, l] : labels_)
      if (!l.used) err(t_[t_.kid(l.stmt, 0)].pos, "label " + name + " defined and not used");
  }

private:
  const Tree &t_;
  const SourceManager &sm_;
  Diagnostics &diags_;
  std::map<std::string, Label> labels_;
  std::vector<std::unique_ptr<Block>> blocks_;

  void err(Pos p, std::string msg) { diags_.error(p, std::move(msg)); }
  std::string pos(Pos p) const { return Diagnostics::formatPos(sm_, p, DiagOptions{}); }

  /// The label's statement if it encloses block b (break/continue targets);
  /// None if the label does not exist; `invalid` if it exists elsewhere.
  NodeId enclosing(const Block *b, const std::string &name, bool &exists) {
    auto it = labels_.find(name);
    exists = it != labels_.end();
    if (!exists) return None;
    it->second.used = true; // even when it is not a valid target
    for (; b; b = b->parent)
      if (b->label == it->second.stmt) return it->second.stmt;
    return None;
  }

  /// A block being checked: its statements, the next one to look at, the
  /// gotos waiting for a label and the latest variable declaration.
  struct Frame {
    const Block *b;
    Targets ctx;
    std::vector<NodeId> stmts;
    size_t next = 0;
    std::vector<NodeId> fwd;        ///< gotos whose label is not (yet) visible
    std::vector<NodeId> jumpedOver; ///< those of fwd declared before varPos
    Pos varPos;
    std::string varName;
    /// Inner blocks of the current statement, still to be checked (last first).
    struct Inner { Targets ctx; NodeId label; Pos start; std::vector<NodeId> stmts; };
    std::vector<Inner> todo;
  };

  /// Checks a list of statements forming a block, with an explicit stack
  /// (blocks nest as deep as the parser allows); returns the gotos whose
  /// label was not found in it or around it.
  std::vector<NodeId> block(Targets ctx, Pos start, const std::vector<NodeId> &stmts) {
    std::vector<Frame> stack;
    auto open = [&](const Block *parent, Targets c, NodeId label, Pos at, std::vector<NodeId> list) {
      blocks_.push_back(std::make_unique<Block>(Block{parent, at, label}));
      Frame f;
      f.b = blocks_.back().get();
      f.ctx = c;
      f.stmts = std::move(list);
      stack.push_back(std::move(f));
    };
    open(nullptr, ctx, None, start, stmts);
    while (true) {
      Frame &f = stack.back();
      if (!f.todo.empty()) {
        Frame::Inner in = std::move(f.todo.back());
        f.todo.pop_back();
        open(f.b, in.ctx, in.label, in.start, std::move(in.stmts));
        continue;
      }
      if (f.next == f.stmts.size()) {
        std::vector<NodeId> fwd = std::move(f.fwd);
        stack.pop_back();
        if (stack.empty()) return fwd;
        std::vector<NodeId> &up = stack.back().fwd;
        up.insert(up.end(), fwd.begin(), fwd.end());
        continue;
      }
      size_t i = f.next++;
      statement(f, f.stmts[i], i + 1 == f.stmts.size());
      std::reverse(f.todo.begin(), f.todo.end());
    }
  }

  void recordVar(Frame &f, Pos p, std::string name) {
    f.varPos = p;
    f.varName = std::move(name);
    f.jumpedOver = f.fwd; // every goto still pending jumps over this declaration
  }

  /// One statement of frame f: labels, branches, declarations; the blocks
  /// it contains go to f.todo.
  void statement(Frame &f, NodeId s, bool lastInList) {
    NodeId lab = None;
    // A labeled statement declares its label, resolves pending gotos, and
    // then is checked as the statement it labels.
    while (s.valid() && t_.kind(s) == NodeKind::LabeledStmt) {
      NodeId l = t_.kid(s, 0);
      std::string name(t_[l].text);
      if (name != "_") {
        auto it = labels_.find(name);
        if (it != labels_.end())
          err(t_[l].pos, "label " + name + " already defined at " + pos(t_[t_.kid(it->second.stmt, 0)].pos));
        else
          it = labels_.emplace(name, Label{f.b, s}).first;
        std::vector<NodeId> still;
        for (NodeId g : f.fwd) {
          if (t_[t_.kid(g, 0)].text != name) {
            still.push_back(g);
            continue;
          }
          it->second.used = true;
          if (f.varPos.valid() && std::find(f.jumpedOver.begin(), f.jumpedOver.end(), g) != f.jumpedOver.end())
            err(t_[t_.kid(g, 0)].pos, "goto " + name + " jumps over declaration of " + f.varName + " at " + pos(f.varPos));
        }
        f.fwd = std::move(still);
        lab = s;
      }
      s = t_.kid(s, 1);
    }
    if (!s.valid()) return;
    auto inner = [&](Targets c, Pos at, std::vector<NodeId> list) {
      f.todo.push_back({c, lab, at, std::move(list)});
    };
    const Targets &ctx = f.ctx;
    switch (t_.kind(s)) {
    case NodeKind::DeclStmt: {
      NodeId d = t_.kid(s, 0);
      if (t_.kind(d) == NodeKind::VarDecl && t_.numKids(d) > 0) {
        NodeId first = t_.kid(t_.kid(t_.kid(d, 0), 0), 0);
        recordVar(f, t_[first].pos, std::string(t_[first].text));
      }
      break;
    }
    case NodeKind::AssignStmt:
      if (t_[s].op == Tok::Define) {
        std::string names;
        for (NodeId x : t_.kids(t_.kid(s, 0))) names += (names.empty() ? "" : ", ") + exprString(t_, x);
        recordVar(f, t_[s].pos, names);
      }
      break;
    case NodeKind::BranchStmt:
      branch(s, f.b, ctx, lastInList, f.fwd);
      break;
    case NodeKind::Block:
      inner({ctx.breaks, ctx.continues, -1}, t_[s].pos, t_.kids(s));
      break;
    case NodeKind::IfStmt: {
      Targets c{ctx.breaks, ctx.continues, -1};
      NodeId then = t_.kid(s, 2);
      inner(c, t_[then].pos, t_.kids(then));
      if (NodeId els = t_.kid(s, 3); els.valid()) inner(c, t_[els].pos, {els});
      break;
    }
    case NodeKind::ForStmt: case NodeKind::RangeStmt: {
      NodeId body = t_.kid(s, 3);
      inner({s, s, -1}, t_[body].pos, t_.kids(body));
      break;
    }
    case NodeKind::SwitchStmt:
      for (size_t k = 2; k < t_.numKids(s); ++k) {
        NodeId cc = t_.kid(s, k);
        inner({s, ctx.continues, int(k - 2)}, t_[cc].pos, t_.kids(t_.kid(cc, 1)));
      }
      break;
    case NodeKind::SelectStmt:
      for (size_t k = 0; k < t_.numKids(s); ++k) {
        NodeId cc = t_.kid(s, k);
        inner({s, ctx.continues, -1}, t_[cc].pos, t_.kids(t_.kid(cc, 1)));
      }
      break;
    default:
      break;
    }
  }

  void branch(NodeId s, const Block *b, const Targets &ctx, bool lastInList, std::vector<NodeId> &fwd) {
    Tok op = t_[s].op;
    NodeId l = t_.kid(s, 0);
    if (!l.valid()) {
      if (op == Tok::Break) {
        if (!ctx.breaks.valid()) err(t_[s].pos, "break is not in a loop, switch, or select");
      } else if (op == Tok::Continue) {
        if (!ctx.continues.valid()) err(t_[s].pos, "continue is not in a loop");
      } else if (op == Tok::Fallthrough) {
        fallthrough(s, ctx, lastInList);
      }
      return;
    }
    std::string name(t_[l].text);
    if (op == Tok::Goto) {
      // Backward (or outward) jumps resolve now; others wait for the label.
      auto it = labels_.find(name);
      if (it != labels_.end()) {
        it->second.used = true;
        for (const Block *p = b; p; p = p->parent)
          if (p == it->second.block) return;
      }
      fwd.push_back(s);
      return;
    }
    bool exists;
    NodeId target = enclosing(b, name, exists);
    const char *what = op == Tok::Break ? "break" : "continue";
    if (!exists) {
      err(t_[l].pos, std::string(what) + " label not defined: " + name);
      return;
    }
    NodeId st = target.valid() ? t_.kid(target, 1) : None;
    NodeKind k = st.valid() ? t_.kind(st) : NodeKind::Bad;
    bool ok = op == Tok::Break ? k == NodeKind::ForStmt || k == NodeKind::RangeStmt || k == NodeKind::SwitchStmt ||
                                     k == NodeKind::SelectStmt
                               : k == NodeKind::ForStmt || k == NodeKind::RangeStmt;
    if (!ok) err(t_[l].pos, std::string("invalid ") + what + " label " + name);
  }

  void fallthrough(NodeId s, const Targets &ctx, bool lastInList) {
    const char *msg = "fallthrough statement out of place";
    NodeId sw = ctx.breaks;
    if (sw.valid() && t_.kind(sw) == NodeKind::SwitchStmt) {
      NodeId tag = t_.kid(sw, 1);
      if (tag.valid() && t_.kind(tag) == NodeKind::TypeSwitchGuard) {
        msg = "cannot fallthrough in type switch";
      } else if (ctx.caseIndex < 0 || !lastInList) {
        // not the last statement of a clause
      } else if (size_t(ctx.caseIndex) + 3 == t_.numKids(sw)) {
        msg = "cannot fallthrough final case in switch";
      } else {
        return; // a valid fallthrough
      }
    }
    err(t_[s].pos, msg);
  }
};

/// Function bodies reachable from the root, in source order.
std::vector<NodeId> functionBodies(const Tree &t) {
  std::vector<NodeId> bodies, stack{t.root};
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (!n.valid()) continue;
    NodeKind k = t.kind(n);
    if (k == NodeKind::FuncDecl && t.kid(n, 4).valid()) bodies.push_back(t.kid(n, 4));
    if (k == NodeKind::FuncLit && t.kid(n, 1).valid()) bodies.push_back(t.kid(n, 1));
    for (size_t i = t.numKids(n); i-- > 0;) stack.push_back(t.kid(n, i));
  }
  return bodies;
}

} // namespace

void checkBranches(const Tree &t, const SourceManager &sm, Diagnostics &diags, size_t firstError) {
  if (!t.root.valid()) return;
  // Syntax errors of this file, to skip the bodies that contain one.
  std::vector<Pos> errors;
  for (size_t i = firstError; i < diags.count(); ++i)
    if (diags.all()[i].syntax) errors.push_back(diags.all()[i].pos);
  BranchChecker c(t, sm, diags);
  for (NodeId body : functionBodies(t)) {
    Pos from = t[body].pos, to = t[body].end;
    bool broken = !to.valid();
    for (Pos e : errors)
      if (e.file == from.file && !(e < from) && !(to < e)) broken = true;
    if (!broken) c.checkBody(body);
  }
}

} // namespace origo::syntax
