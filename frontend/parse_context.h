//===- frontend/parse_context.h - parser state ------------------*- C++ -*-===//
/// \file
/// State shared by the Bison actions: the tree being built, the lexer,
/// diagnostics, and the helpers that keep grammar actions one line long.
/// Private to frontend/.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/ast.h"
#include "frontend/lexer.h"

#include <string>
#include <vector>

namespace origo::syntax {

struct ParseContext {
  ParseContext(Tree &tree, Lexer &lexer, Diagnostics &diags)
      : tree(tree), lexer(lexer), diags(diags) {}

  Tree &tree;
  Lexer &lexer;
  Diagnostics &diags;
  Token last; ///< the most recent token (the lookahead when an error is found)

  NodeId lit(const Token &t) {
    return tree.add(NodeKind::BasicLit, t.pos, {}, t.kind, t.text);
  }
  NodeId binary(NodeId x, const Token &op, NodeId y) {
    return tree.add(NodeKind::BinaryExpr, op.pos, {x, y}, op.kind);
  }
  /// Regroups `a, b int, c string` (parsed as a flat list of optional
  /// names and types) into named fields, as gc's parser does.
  NodeId groupParams(Pos pos, std::vector<NodeId> fields);
  /// The condition of if/for must be an expression statement.
  NodeId condition(NodeId simpleStmt, const char *what);
  NodeId rangeStmt(Pos pos, NodeId lhs, Tok op, NodeId x, NodeId body);

  /// gc's description of a token in "unexpected X".
  std::string describe(const Token &t) const;
  /// gc's spelling of a Bison token name in "expecting X".
  std::string describeKind(const char *bisonName) const;
};

} // namespace origo::syntax
