//===- frontend/parse_context.h - parser state ------------------*- C++ -*-===//
/// \file
/// State shared by the Bison actions: the tree being built, the lexer,
/// diagnostics, and the helpers that keep grammar actions one line long.
/// Private to frontend/.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/ast.h"
#include "frontend/lexer.h"

#include <map>
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
  Token prev; ///< the token before it
  Tok header = Tok::EOF_; ///< if/for/switch whose header is being parsed
  int headerSemis = 0;    ///< semicolons seen in that header
  int braceDepth = 0;
  Tok declKeyword = Tok::EOF_; ///< the most recent var, const or type keyword
  /// Directives are handed out token by token: those before a token are
  /// the token's, and the declaration that starts with it takes them.
  uint32_t directivesConsumed = 0;
  uint32_t fileDirectivesEnd = 0; ///< those before `package` are the file's
  std::map<Pos, std::pair<uint32_t, uint32_t>> directivesAt;
  struct Owner { uint32_t index; NodeId node; bool isVar; bool inFunc; };
  std::vector<Owner> directiveOwners;
  /// Gives node (a FuncDecl, a TypeSpec or ValueSpec, or a grouped
  /// declaration, which takes none) the directives written before the token
  /// at `start`.
  void attachDirectives(NodeId node, Pos start, bool isVar = false) {
    auto it = directivesAt.find(start);
    if (it == directivesAt.end()) return;
    for (uint32_t i = it->second.first; i < it->second.second; ++i)
      directiveOwners.push_back({i, node, isVar, braceDepth > 0});
    directivesAt.erase(it);
  }
  bool sawSyntaxError = false;
  bool importPathError = false; ///< to report at the next token
  NodeId missingCondition(Pos pos, NodeId init, Pos at, NodeId then, NodeId els);
  /// go/defer statements: the expression must be a call (gc checks it while parsing).
  NodeId callStmt(NodeKind k, const Token &kw, NodeId x);
  /// A simple statement as gc prints it in "cannot use ... as value".
  std::string stmtString(NodeId s) const;


  NodeId lit(const Token &t) {
    return tree.add(NodeKind::BasicLit, t.pos, {}, t.kind, t.text);
  }
  NodeId ident(const Token &t) { return tree.add(NodeKind::Ident, t.pos, {}, Tok::EOF_, t.text); }
  /// Unary operators; <-chan T in an expression is a receive-only channel type.
  NodeId unary(const Token &op, NodeId x);
  /// `type T[...] ...`: type parameters or an array length, decided as gc does.
  NodeId typeSpecBracket(NodeId name, Pos lbrack, std::vector<NodeId> items, bool trailingComma,
                         NodeId type, bool alias);
  /// A type parameter list from parsed items (plain names are grouped).
  NodeId typeParams(Pos pos, std::vector<NodeId> items);
  NodeId arrayType(Pos pos, const std::vector<NodeId> &len, NodeId elem);
  NodeId instance(NodeId x, Pos lbrack, const std::vector<NodeId> &args);
  NodeId index(NodeId x, Pos lbrack, const std::vector<NodeId> &args) { return instance(x, lbrack, args); }
  NodeId slice3(NodeId x, Pos lbrack, NodeId lo, NodeId hi, NodeId max, Pos colon2);
  NodeId call(NodeId fun, Pos lparen, const std::vector<NodeId> &args, bool dots);
  /// `a, b, c T tag`: one Field per name, sharing the type.
  std::vector<NodeId> fieldGroup(const Token &first, const std::vector<NodeId> &rest, NodeId type, NodeId tag);
  NodeId compositeLit(NodeId type, NodeId body);
  NodeId switchStmt(Pos pos, NodeId init, NodeId tag, const std::vector<NodeId> &clauses, Pos rbrace);
  /// A case/default clause up to its colon; clause() adds the statements.
  NodeId clauseHead(NodeKind k, Pos casePos, NodeId head, Pos colon);
  NodeId clause(NodeId clauseHead, const std::vector<NodeId> &stmts);
  NodeId binary(NodeId x, const Token &op, NodeId y) {
    return tree.add(NodeKind::BinaryExpr, op.pos, {x, y}, op.kind);
  }
  /// Regroups `a, b int, c string` (parsed as a flat list of optional
  /// names and types) into named fields, as gc's parser does.
  NodeId groupParams(Pos pos, std::vector<NodeId> fields, bool typeParams = false);
  /// The condition of if/for must be an expression statement.
  NodeId condition(NodeId simpleStmt, const char *what);
  NodeId rangeStmt(Pos pos, NodeId lhs, Tok op, NodeId x, NodeId body);

  /// gc's description of a token in "unexpected X".
  std::string describe(const Token &t) const;
  /// gc's spelling of a Bison token name in "expecting X".
  std::string describeKind(const char *bisonName) const;
};

} // namespace origo::syntax
