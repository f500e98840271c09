//===- frontend/ast.h - the syntax tree -------------------------*- C++ -*-===//
/// \file
/// The syntax tree of one package: nodes live in a vector and are referred
/// to by NodeId; each node has a kind (node_kinds.def), a position, an
/// operator token, optional text (names and literals) and an ordered list
/// of children whose meaning per kind is documented in node_kinds.def.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/lexer.h"
#include "frontend/token.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace origo::syntax {

enum class NodeKind : uint8_t {
#define NODE(Kind, Children) Kind,
#include "frontend/node_kinds.def"
};

std::string_view nodeKindName(NodeKind k);

/// Child slots of the kinds whose children later stages index directly.
enum FuncDeclSlot : size_t { FuncName = 0, FuncRecv = 1, FuncTypeParams = 2, FuncSig = 3, FuncBody = 4 };
enum TypeSpecSlot : size_t { TypeSpecName = 0, TypeSpecParams = 1, TypeSpecType = 2 };

/// A small typed index of a node; None is "absent".
struct NodeId {
  uint32_t index = UINT32_MAX;
  bool valid() const { return index != UINT32_MAX; }
  explicit operator bool() const { return valid(); }
  friend bool operator==(NodeId a, NodeId b) { return a.index == b.index; }
  friend bool operator!=(NodeId a, NodeId b) { return a.index != b.index; }
};
inline constexpr NodeId None{};

struct Node {
  NodeKind kind;
  Tok op = Tok::EOF_;
  Pos pos;
  std::string_view text; ///< points into the source file (which outlives the tree)
  Pos end;               ///< Block: position of the closing brace
  uint32_t kidBegin = 0; ///< index into Tree::kids_
  uint32_t kidCount = 0;
};

/// A parsed file and the store of its nodes.
class Tree {
public:
  NodeId add(NodeKind k, Pos pos, std::initializer_list<NodeId> kids, Tok op = Tok::EOF_,
             std::string_view text = {});
  NodeId add(NodeKind k, Pos pos, const std::vector<NodeId> &kids, Tok op = Tok::EOF_,
             std::string_view text = {});
  NodeId add(NodeKind k, Pos pos, const NodeId *first, const NodeId *last, Tok op, std::string_view text);

  const Node &operator[](NodeId id) const { return nodes_[id.index]; }
  Node &operator[](NodeId id) { return nodes_[id.index]; }
  NodeKind kind(NodeId id) const { return nodes_[id.index].kind; }
  size_t numKids(NodeId id) const { return nodes_[id.index].kidCount; }
  NodeId kid(NodeId id, size_t i) const { return kids_[nodes_[id.index].kidBegin + i]; }
  /// Replaces a child; for nodes the parser completes in two steps.
  void setKid(NodeId id, size_t i, NodeId kid) { kids_[nodes_[id.index].kidBegin + i] = kid; }
  /// All children of a node, in order.
  std::vector<NodeId> kids(NodeId id) const;
  size_t size() const { return nodes_.size(); }

  NodeId root;                        ///< the File node
  uint32_t file = 0;                  ///< SourceManager id
  std::vector<Directive> directives;  ///< //go: and //line comments
  /// What each directive applies to, as gc's parser attaches pragmas: the
  /// declaration (FuncDecl, TypeSpec, ValueSpec) it precedes, or nothing.
  struct DirectiveUse {
    NodeId owner;        ///< None: misplaced (or a file-level one)
    bool file = false;   ///< before the package clause
    bool isVar = false;  ///< owner is a ValueSpec of a var declaration
    bool inFunc = false; ///< owner is declared inside a function
  };
  std::vector<DirectiveUse> directiveUses;
  /// Whether declaration d is preceded by the directive `//go:name`.
  bool hasDirective(NodeId d, std::string_view name) const;

private:
  std::vector<Node> nodes_;
  std::vector<NodeId> kids_;
};

/// Prints the tree in the stable text form of `-stop-after=parse`:
/// one node per line, `Kind line:col [op] [text]`, children indented.
std::string dumpTree(const Tree &t);

/// An expression as gc's diagnostics print it (`x + 1`, `f(a, b)`).
std::string exprString(const Tree &t, NodeId n);

/// The leftmost position of an expression (gc reports errors there).
Pos startPos(const Tree &t, NodeId n);

} // namespace origo::syntax
