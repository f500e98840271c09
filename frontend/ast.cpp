//===- frontend/ast.cpp - the syntax tree ---------------------------------===//
/// \file
/// Node storage and the text dump of `-stop-after=parse`.
//===----------------------------------------------------------------------===//
#include "frontend/ast.h"

#include <algorithm>

namespace origo::syntax {

std::string_view nodeKindName(NodeKind k) {
  switch (k) {
#define NODE(Kind, Children) \
  case NodeKind::Kind: return #Kind;
#include "frontend/node_kinds.def"
  }
  return "?";
}

NodeId Tree::add(NodeKind k, Pos pos, std::initializer_list<NodeId> kids, Tok op,
                 std::string_view text) {
  return add(k, pos, kids.begin(), kids.end(), op, text);
}

NodeId Tree::add(NodeKind k, Pos pos, const std::vector<NodeId> &kids, Tok op,
                 std::string_view text) {
  return add(k, pos, kids.data(), kids.data() + kids.size(), op, text);
}

NodeId Tree::add(NodeKind k, Pos pos, const NodeId *first, const NodeId *last, Tok op,
                 std::string_view text) {
  Node n;
  n.kind = k;
  n.op = op;
  n.pos = pos;
  n.text = text;
  n.kidBegin = uint32_t(kids_.size());
  n.kidCount = uint32_t(last - first);
  kids_.insert(kids_.end(), first, last);
  nodes_.push_back(n);
  return NodeId{uint32_t(nodes_.size() - 1)};
}

std::vector<NodeId> Tree::kids(NodeId id) const {
  const Node &n = nodes_[id.index];
  return std::vector<NodeId>(kids_.begin() + n.kidBegin, kids_.begin() + n.kidBegin + n.kidCount);
}

bool Tree::hasDirective(NodeId d, std::string_view name) const {
  for (size_t i = 0; i < directives.size(); ++i) {
    if (directiveUses[i].owner != d) continue;
    std::string_view text = directives[i].text;
    if (text.size() < 3 + name.size() || text.substr(0, 3) != "go:" || text.substr(3, name.size()) != name) continue;
    if (text.size() == 3 + name.size() || text[3 + name.size()] == ' ' || text[3 + name.size()] == '\t') return true;
  }
  return false;
}

std::string dumpTree(const Tree &t) {
  // An explicit stack: trees may be nested tens of thousands deep.
  std::string out;
  if (!t.root.valid()) return out;
  std::vector<std::pair<NodeId, int>> stack{{t.root, 0}};
  while (!stack.empty()) {
    auto [id, depth] = stack.back();
    stack.pop_back();
    // Indentation is capped so the dump stays linear in the tree's size
    // however deep it nests; deeper nodes carry their depth instead.
    constexpr int maxIndent = 100;
    out.append(size_t(std::min(depth, maxIndent)) * 2, ' ');
    if (depth > maxIndent) out += "[" + std::to_string(depth) + "] ";
    if (!id.valid()) {
      out += "-\n";
      continue;
    }
    const Node &n = t[id];
    out += nodeKindName(n.kind);
    out += ' ';
    out += std::to_string(n.pos.line) + ":" + std::to_string(n.pos.col);
    if (n.op != Tok::EOF_ && n.kind != NodeKind::BasicLit) {
      out += " op=";
      out += tokSpelling(n.op);
    }
    if (!n.text.empty()) {
      out += ' ';
      out += n.text;
    }
    out += '\n';
    for (size_t i = n.kidCount; i-- > 0;) stack.push_back({t.kid(id, i), depth + 1});
  }
  return out;
}

static void writeExpr(const Tree &t, NodeId n, std::string &out) {
  if (!n.valid()) return;
  const Node &x = t[n];
  auto kid = [&](size_t i) { return t.kid(n, i); };
  switch (x.kind) {
  case NodeKind::Ident:
  case NodeKind::BasicLit:
    out += x.text;
    return;
  case NodeKind::ParenExpr:
    out += '(';
    writeExpr(t, kid(0), out);
    out += ')';
    return;
  case NodeKind::UnaryExpr:
    out += tokSpelling(x.op);
    writeExpr(t, kid(0), out);
    return;
  case NodeKind::StarExpr:
    out += '*';
    writeExpr(t, kid(0), out);
    return;
  case NodeKind::BinaryExpr:
    writeExpr(t, kid(0), out);
    out += ' ';
    out += tokSpelling(x.op);
    out += ' ';
    writeExpr(t, kid(1), out);
    return;
  case NodeKind::CallExpr:
    writeExpr(t, kid(0), out);
    out += '(';
    for (size_t i = 1; i < x.kidCount; ++i) {
      if (i > 1) out += ", ";
      writeExpr(t, kid(i), out);
    }
    if (x.op == Tok::Ellipsis) out += "...";
    out += ')';
    return;
  case NodeKind::SelectorExpr:
    writeExpr(t, kid(0), out);
    out += '.';
    writeExpr(t, kid(1), out);
    return;
  case NodeKind::IndexExpr:
    writeExpr(t, kid(0), out);
    out += '[';
    for (size_t i = 1; i < x.kidCount; ++i) {
      if (i > 1) out += ", ";
      writeExpr(t, kid(i), out);
    }
    out += ']';
    return;
  case NodeKind::SliceExpr:
    writeExpr(t, kid(0), out);
    out += '[';
    writeExpr(t, kid(1), out);
    out += ':';
    writeExpr(t, kid(2), out);
    if (kid(3).valid()) {
      out += ':';
      writeExpr(t, kid(3), out);
    }
    out += ']';
    return;
  case NodeKind::SliceType:
    out += "[]";
    writeExpr(t, kid(0), out);
    return;
  case NodeKind::FuncLit:
    // As gc's short form: the type, then {…} or {} for an empty body.
    writeExpr(t, kid(0), out);
    out += kid(1).valid() && t.numKids(kid(1)) > 0 ? " {…}" : " {}";
    return;
  case NodeKind::ArrayType:
    out += '[';
    if (kid(0).valid()) writeExpr(t, kid(0), out);
    else out += "...";
    out += ']';
    writeExpr(t, kid(1), out);
    return;
  case NodeKind::MapType:
    out += "map[";
    writeExpr(t, kid(0), out);
    out += ']';
    writeExpr(t, kid(1), out);
    return;
  case NodeKind::ChanType:
    out += x.op == Tok::Arrow ? "<-chan " : x.op == Tok::Assign ? "chan<- " : "chan ";
    writeExpr(t, kid(0), out);
    return;
  case NodeKind::StructType:
    out += x.kidCount == 0 ? "struct{}" : "struct{...}";
    return;
  case NodeKind::InterfaceType:
    out += x.kidCount == 0 ? "interface{}" : "interface{...}";
    return;
  case NodeKind::FuncType: {
    auto empty = [&](NodeId l) { return !l.valid() || t.numKids(l) == 0; };
    out += empty(kid(0)) && empty(kid(1)) ? "func()" : "func(...)";
    return;
  }
  case NodeKind::CompositeLit:
    writeExpr(t, kid(0), out);
    out += x.kidCount > 1 ? "{…}" : "{}"; // kid 0 is the (maybe absent) type
    return;
  case NodeKind::KeyValueExpr:
    writeExpr(t, kid(0), out);
    out += ": ";
    writeExpr(t, kid(1), out);
    return;
  case NodeKind::TypeAssertExpr:
    writeExpr(t, kid(0), out);
    out += ".(";
    if (kid(1).valid()) writeExpr(t, kid(1), out);
    else out += "type";
    out += ')';
    return;
  default:
    out += "<";
    out += nodeKindName(x.kind);
    out += ">";
  }
}

std::string exprString(const Tree &t, NodeId n) {
  std::string out;
  writeExpr(t, n, out);
  return out;
}

Pos startPos(const Tree &t, NodeId n) {
  for (;;) {
    const Node &x = t[n];
    switch (x.kind) {
    case NodeKind::BinaryExpr:
    case NodeKind::CallExpr:
    case NodeKind::SelectorExpr:
    case NodeKind::IndexExpr:
    // Not SliceExpr: gc's syntax.StartPos leaves it at its '[' too.
    case NodeKind::ExprList:
    case NodeKind::TypeAssertExpr:
    case NodeKind::KeyValueExpr:
      n = t.kid(n, 0);
      continue;
    case NodeKind::CompositeLit:
      if (!t.kid(n, 0).valid()) return x.pos;
      n = t.kid(n, 0);
      continue;
    default:
      return x.pos;
    }
  }
}

} // namespace origo::syntax
