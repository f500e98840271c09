//===- frontend/parse.cpp - parsing entry points and parser helpers -------===//
/// \file
/// Runs the Bison parser over a file and implements the ParseContext
/// helpers used by grammar actions.
//===----------------------------------------------------------------------===//
#include "frontend/parse.h"

#include "frontend/parse_context.h"
#include "parser.tab.hh"

#include <cstring>

namespace origo::syntax {

NodeId ParseContext::groupParams(Pos pos, std::vector<NodeId> fields) {
  bool named = false;
  for (NodeId f : fields)
    if (tree.kid(f, 0).valid()) named = true;
  if (!named)
    return tree.add(NodeKind::FieldList, pos, fields);
  // In a named list, a lone type must be a name whose type comes later:
  // `a, b int` was parsed as [type a] [b int].
  std::vector<NodeId> out(fields.size());
  NodeId typ = None;
  Tok variadic = Tok::EOF_;
  for (size_t i = fields.size(); i-- > 0;) {
    NodeId f = fields[i];
    if (tree.kid(f, 0).valid()) {
      typ = tree.kid(f, 1);
      variadic = tree[f].op;
      out[i] = f;
      continue;
    }
    NodeId t = tree.kid(f, 1);
    if (tree.kind(t) != NodeKind::Ident || !typ.valid()) {
      diags.syntaxError(tree[f].pos, "syntax error: mixed named and unnamed parameters");
      out[i] = f;
      continue;
    }
    out[i] = tree.add(NodeKind::Field, tree[t].pos, {t, typ}, variadic);
  }
  return tree.add(NodeKind::FieldList, pos, out);
}

NodeId ParseContext::condition(NodeId s, const char *what) {
  if (tree.kind(s) == NodeKind::ExprStmt)
    return tree.kid(s, 0);
  std::string kind = tree.kind(s) == NodeKind::AssignStmt && tree[s].op == Tok::Define
                         ? "assignment"
                         : "statement";
  diags.syntaxError(tree[s].pos, std::string("syntax error: cannot use ") + kind +
                                     " as value");
  return tree.add(NodeKind::Bad, tree[s].pos, {});
}

NodeId ParseContext::rangeStmt(Pos pos, NodeId lhs, Tok op, NodeId x, NodeId body) {
  size_t n = tree.numKids(lhs);
  NodeId k = n > 0 ? tree.kid(lhs, 0) : None;
  NodeId v = n > 1 ? tree.kid(lhs, 1) : None;
  if (n > 2)
    diags.syntaxError(tree[tree.kid(lhs, 2)].pos, "syntax error: range clause permits at most two iteration variables");
  return tree.add(NodeKind::RangeStmt, pos, {k, v, x, body}, op);
}

std::string ParseContext::describe(const Token &t) const {
  switch (t.kind) {
  case Tok::Ident:
    return std::string(t.text);
  case Tok::Semi:
    return std::string(t.text);
  case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::Char: case Tok::String:
    return "literal " + std::string(t.text);
  case Tok::EOF_:
    return "EOF";
  default:
    return std::string(tokSpelling(t.kind));
  }
}

std::string ParseContext::describeKind(const char *name) const {
#define TOK(Name, Spelling, ParserTok) \
  if (std::strcmp(name, #ParserTok) == 0) return Spelling;
#include "frontend/tokens.def"
  if (std::strcmp(name, "SEMI") == 0) return "semicolon or newline";
  if (name[0] == '"') return std::string(name + 1, std::strlen(name) - 2);
  return name;
}

std::unique_ptr<Tree> parseFile(const SourceManager &sm, uint32_t file, Diagnostics &diags) {
  auto tree = std::make_unique<Tree>();
  tree->file = file;
  Lexer lexer(sm, file, diags);
  ParseContext ctx(*tree, lexer, diags);
  bison::Parser parser(ctx);
  parser.parse();
  tree->directives = std::move(lexer.directives());
  return tree;
}

} // namespace origo::syntax
