//===- frontend/parse.cpp - parsing entry points and parser helpers -------===//
/// \file
/// Runs the Bison parser over a file and implements the ParseContext
/// helpers used by grammar actions.
//===----------------------------------------------------------------------===//
#include "frontend/parse.h"

#include "frontend/branches.h"
#include "frontend/directives.h"

#include "frontend/parse_context.h"
#include "parser.tab.hh"

#include <cstring>

namespace origo::syntax {

NodeId ParseContext::groupParams(Pos pos, std::vector<NodeId> fields, bool typeParams) {
  bool named = false;
  for (NodeId f : fields)
    if (tree.kid(f, 0).valid()) named = true;
  if (!named && !typeParams)
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
      diags.syntaxError(tree[f].pos, typeParams ? "syntax error: missing type constraint"
                                                : "syntax error: mixed named and unnamed parameters");
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
  (void)what;
  diags.syntaxError(tree[s].pos, "syntax error: cannot use " + stmtString(s) + " as value");
  return tree.add(NodeKind::Bad, tree[s].pos, {});
}

std::string ParseContext::stmtString(NodeId s) const {
  auto list = [&](NodeId l) {
    std::string out;
    for (size_t i = 0; i < tree.numKids(l); ++i) {
      if (i) out += ", ";
      out += exprString(tree, tree.kid(l, i));
    }
    return out;
  };
  switch (tree.kind(s)) {
  case NodeKind::ExprStmt: return exprString(tree, tree.kid(s, 0));
  case NodeKind::SendStmt: return exprString(tree, tree.kid(s, 0)) + " <- " + exprString(tree, tree.kid(s, 1));
  case NodeKind::IncDecStmt: return exprString(tree, tree.kid(s, 0)) + std::string(tokSpelling(tree[s].op));
  case NodeKind::AssignStmt:
    return list(tree.kid(s, 0)) + " " + std::string(tokSpelling(tree[s].op)) + " " + list(tree.kid(s, 1));
  default: return "statement";
  }
}

NodeId ParseContext::callStmt(NodeKind k, const Token &kw, NodeId x) {
  // gc's callStmt: parentheses are reported and dropped; anything but a
  // call, including what a syntax error left behind, is reported too.
  std::string what(tokSpelling(kw.kind));
  if (tree.kind(x) == NodeKind::ParenExpr) {
    diags.error(startPos(tree, x), "expression in " + what + " must not be parenthesized");
    while (tree.kind(x) == NodeKind::ParenExpr) x = tree.kid(x, 0);
  }
  if (tree.kind(x) != NodeKind::CallExpr)
    diags.error(startPos(tree, x), "expression in " + what + " must be function call");
  return tree.add(k, kw.pos, {x});
}

NodeId ParseContext::missingCondition(Pos pos, NodeId init, Pos at, NodeId then, NodeId els) {
  diags.syntaxError(at, "syntax error: missing condition in if statement");
  return tree.add(NodeKind::IfStmt, pos, {init, tree.add(NodeKind::Bad, at, {}), then, els});
}

NodeId ParseContext::rangeStmt(Pos pos, NodeId lhs, Tok op, NodeId x, NodeId body) {
  size_t n = tree.numKids(lhs);
  NodeId k = n > 0 ? tree.kid(lhs, 0) : None;
  NodeId v = n > 1 ? tree.kid(lhs, 1) : None;
  if (n > 2)
    diags.syntaxError(tree[tree.kid(lhs, 2)].pos, "syntax error: range clause permits at most two iteration variables");
  return tree.add(NodeKind::RangeStmt, pos, {k, v, x, body}, op);
}

NodeId ParseContext::unary(const Token &op, NodeId x) {
  if (op.kind == Tok::Arrow && tree.kind(x) == NodeKind::ChanType) {
    // <-chan T: the <- belongs to the channel type parsed already and is
    // re-associated as gc's unaryExpr does: <-(chan E) is <-chan E and
    // <-(chan<- E) is <-chan (<-E), which only works while E is a channel.
    // Channel directions are kept in op: Chan both, Arrow receive, Assign send.
    Tok dir = Tok::Assign;
    NodeId t = x;
    while (dir == Tok::Assign) {
      if (t == None || tree.kind(t) != NodeKind::ChanType) break;
      dir = tree[t].op;
      if (dir == Tok::Arrow)
        diags.syntaxError(last.pos, "syntax error: unexpected <-, expecting chan");
      tree[t].op = Tok::Arrow;
      t = tree.kid(t, 0);
    }
    if (dir == Tok::Assign)
      diags.syntaxError(last.pos, "syntax error: unexpected " + (t == None ? std::string("type") : exprString(tree, t)) +
                                      ", expecting chan");
    tree[x].pos = op.pos;
    return x;
  }
  return tree.add(NodeKind::UnaryExpr, op.pos, {x}, op.kind);
}

/// Whether x contains a type literal or a ~ term, so that `P *x` reads as
/// a type parameter with a constraint (gc's isTypeElem).
static bool isTypeElem(const Tree &t, NodeId x) {
  switch (t.kind(x)) {
  case NodeKind::ArrayType: case NodeKind::SliceType: case NodeKind::MapType: case NodeKind::ChanType:
  case NodeKind::StructType: case NodeKind::InterfaceType: case NodeKind::FuncType:
    return true;
  case NodeKind::UnaryExpr:
    return t[x].op == Tok::Tilde || isTypeElem(t, t.kid(x, 0));
  case NodeKind::BinaryExpr:
    return isTypeElem(t, t.kid(x, 0)) || isTypeElem(t, t.kid(x, 1));
  case NodeKind::ParenExpr:
    return isTypeElem(t, t.kid(x, 0));
  default:
    return false;
  }
}

NodeId ParseContext::typeParams(Pos pos, std::vector<NodeId> items) {
  // Items are Fields (name + constraint), `P *C` binary expressions or
  // plain names waiting for the constraint of a later item.
  std::vector<NodeId> fields;
  for (NodeId it : items) {
    if (tree.kind(it) == NodeKind::Field) {
      fields.push_back(it);
      continue;
    }
    if (tree.kind(it) == NodeKind::BinaryExpr && tree[it].op == Tok::Mul &&
        tree.kind(tree.kid(it, 0)) == NodeKind::Ident) {
      NodeId star = tree.add(NodeKind::StarExpr, tree[it].pos, {tree.kid(it, 1)});
      fields.push_back(tree.add(NodeKind::Field, tree[tree.kid(it, 0)].pos, {tree.kid(it, 0), star}));
      continue;
    }
    fields.push_back(tree.add(NodeKind::Field, tree[it].pos, {None, it}));
  }
  return groupParams(pos, fields, true);
}

NodeId ParseContext::typeSpecBracket(NodeId name, Pos lbrack, std::vector<NodeId> items, bool trailingComma,
                                     NodeId type, bool alias) {
  // gc: a single expression is an array length, unless it splits into a
  // name and a type element (`P *C` with C a type literal) or a comma follows.
  bool tparams = items.size() > 1 || trailingComma;
  if (items.size() == 1) {
    NodeId x = items[0];
    if (tree.kind(x) == NodeKind::Field) tparams = true;
    else if (tree.kind(x) == NodeKind::BinaryExpr && tree[x].op == Tok::Mul &&
             tree.kind(tree.kid(x, 0)) == NodeKind::Ident && isTypeElem(tree, tree.kid(x, 1)))
      tparams = true;
  }
  if (!tparams) {
    if (alias) diags.syntaxError(lbrack, "syntax error: unexpected =, expecting type");
    NodeId arr = tree.add(NodeKind::ArrayType, lbrack, {items[0], type});
    return tree.add(NodeKind::TypeSpec, tree[name].pos, {name, None, arr});
  }
  NodeId tp = typeParams(lbrack, std::move(items));
  return tree.add(NodeKind::TypeSpec, tree[name].pos, {name, tp, type}, alias ? Tok::Assign : Tok::EOF_);
}

NodeId ParseContext::arrayType(Pos pos, const std::vector<NodeId> &len, NodeId elem) {
  if (len.size() != 1)
    diags.syntaxError(tree[len[1]].pos, "syntax error: unexpected comma, expecting ]");
  return tree.add(NodeKind::ArrayType, pos, {len[0], elem});
}

NodeId ParseContext::instance(NodeId x, Pos lbrack, const std::vector<NodeId> &args) {
  std::vector<NodeId> kids{x};
  kids.insert(kids.end(), args.begin(), args.end());
  return tree.add(NodeKind::IndexExpr, lbrack, kids);
}

NodeId ParseContext::slice3(NodeId x, Pos lbrack, NodeId lo, NodeId hi, NodeId max, Pos colon2) {
  // In a full slice expression only the first index may be omitted.
  if (!hi.valid()) diags.syntaxError(colon2, "syntax error: middle index required in 3-index slice");
  if (!max.valid()) diags.syntaxError(colon2, "syntax error: final index required in 3-index slice");
  return tree.add(NodeKind::SliceExpr, lbrack, {x, lo, hi, max}, Tok::Colon);
}

NodeId ParseContext::call(NodeId fun, Pos lparen, const std::vector<NodeId> &args, bool dots) {
  std::vector<NodeId> kids{fun};
  kids.insert(kids.end(), args.begin(), args.end());
  return tree.add(NodeKind::CallExpr, lparen, kids, dots ? Tok::Ellipsis : Tok::EOF_);
}

std::vector<NodeId> ParseContext::fieldGroup(const Token &first, const std::vector<NodeId> &rest, NodeId type,
                                             NodeId tag) {
  std::vector<NodeId> fields{tree.add(NodeKind::Field, first.pos, {ident(first), type, tag})};
  for (NodeId n : rest) fields.push_back(tree.add(NodeKind::Field, tree[n].pos, {n, type, tag}));
  return fields;
}

NodeId ParseContext::compositeLit(NodeId type, NodeId body) {
  std::vector<NodeId> kids{type};
  std::vector<NodeId> elems = tree.kids(body);
  kids.insert(kids.end(), elems.begin() + 1, elems.end()); // body's slot 0 is the empty type
  NodeId n = tree.add(NodeKind::CompositeLit, tree[body].pos, kids);
  tree[n].end = tree[body].end;
  return n;
}

NodeId ParseContext::switchStmt(Pos pos, NodeId init, NodeId tag, const std::vector<NodeId> &clauses, Pos rbrace) {
  NodeId t = None;
  if (tag.valid()) {
    // A type switch guard: x := y.(type) or y.(type).
    if (tree.kind(tag) == NodeKind::ExprStmt) {
      NodeId x = tree.kid(tag, 0);
      if (tree.kind(x) == NodeKind::TypeAssertExpr && !tree.kid(x, 1).valid())
        t = tree.add(NodeKind::TypeSwitchGuard, tree[x].pos, {None, tree.kid(x, 0)});
      else
        t = x;
    } else if (tree.kind(tag) == NodeKind::AssignStmt && tree[tag].op == Tok::Define &&
               tree.numKids(tree.kid(tag, 0)) == 1 && tree.numKids(tree.kid(tag, 1)) == 1 &&
               tree.kind(tree.kid(tree.kid(tag, 0), 0)) == NodeKind::Ident &&
               tree.kind(tree.kid(tree.kid(tag, 1), 0)) == NodeKind::TypeAssertExpr &&
               !tree.kid(tree.kid(tree.kid(tag, 1), 0), 1).valid()) {
      NodeId lhs = tree.kid(tree.kid(tag, 0), 0);
      NodeId x = tree.kid(tree.kid(tag, 1), 0);
      t = tree.add(NodeKind::TypeSwitchGuard, tree[lhs].pos, {lhs, tree.kid(x, 0)});
    } else {
      diags.syntaxError(tree[tag].pos, "syntax error: cannot use " + stmtString(tag) + " as value");
      t = tree.add(NodeKind::Bad, tree[tag].pos, {});
    }
  }
  std::vector<NodeId> kids{init, t};
  kids.insert(kids.end(), clauses.begin(), clauses.end());
  NodeId n = tree.add(NodeKind::SwitchStmt, pos, kids);
  tree[n].end = rbrace;
  return n;
}

NodeId ParseContext::clauseHead(NodeKind k, Pos casePos, NodeId head, Pos colon) {
  NodeId c = tree.add(k, casePos, {head, None});
  tree[c].end = colon; // until clause() puts the body there
  return c;
}

NodeId ParseContext::clause(NodeId c, const std::vector<NodeId> &stmts) {
  // gc's stmtList: a statement ends with a semicolon unless } follows, so
  // `f() case 0:` is an error while `f(); case 0:` and `case 0: case 1:` are not.
  if ((last.kind == Tok::Case || last.kind == Tok::Default) && prev.kind != Tok::Semi && prev.kind != Tok::Colon)
    diags.syntaxError(last.pos, "syntax error: unexpected " + describe(last) + " at end of statement");
  tree.setKid(c, 1, tree.add(NodeKind::Block, tree[c].end, stmts));
  tree[c].end = Pos{};
  return c;
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

ParseOptions ParseOptions::forStd(const std::string &importPath) {
  ParseOptions o;
  o.std = true;
  o.runtime = importPath == "runtime" || importPath.rfind("runtime/internal/", 0) == 0;
  return o;
}

std::unique_ptr<Tree> parseFile(const SourceManager &sm, uint32_t file, Diagnostics &diags, const ParseOptions &opts) {
  auto tree = std::make_unique<Tree>();
  tree->file = file;
  size_t firstError = diags.count();
  Lexer lexer(sm, file, diags);
  ParseContext ctx(*tree, lexer, diags);
  bison::Parser parser(ctx);
  parser.parse();
  tree->directives = std::move(lexer.directives());
  tree->directiveUses.assign(tree->directives.size(), {});
  for (uint32_t i = 0; i < ctx.fileDirectivesEnd && i < tree->directives.size(); ++i) tree->directiveUses[i].file = true;
  for (const auto &o : ctx.directiveOwners) tree->directiveUses[o.index] = {o.node, false, o.isVar, o.inFunc};
  checkDirectives(*tree, sm, diags, opts);
  checkBranches(*tree, sm, diags, firstError);
  return tree;
}

} // namespace origo::syntax
