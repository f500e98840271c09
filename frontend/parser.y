/*===- frontend/parser.y - Go grammar (Bison input) ------------------------===
 * \file
 * The Go grammar as an LALR(1) Bison grammar building the syntax tree
 * (ast.h). It follows the Go specification's productions; where the spec's
 * grammar is not LALR(1) (parameter lists with and without names) the
 * parser accepts the union and regroups afterwards as gc's parser does.
 * Syntax errors use gc's wording: "syntax error: unexpected X, expecting Y".
 *===----------------------------------------------------------------------===*/
%require "3.8"
%language "c++"
%skeleton "lalr1.cc"
%define api.namespace {origo::syntax::bison}
%define api.parser.class {Parser}
%define api.value.type variant
%define api.token.constructor
%define api.token.prefix {T_}
%define parse.error custom
%define parse.lac full
%param { ParseContext &ctx }

%code requires {
#include "frontend/ast.h"
#include <vector>
namespace origo::syntax { struct ParseContext; }
}

%code {
#include "frontend/parse_context.h"
namespace origo::syntax::bison {
Parser::symbol_type yylex(ParseContext &ctx);
}
using namespace origo;
using namespace origo::syntax;
using K = origo::syntax::NodeKind;
}

%token <Token> END 0 "EOF"
%token <Token> IDENT INT FLOAT IMAG CHAR STRING
%token <Token> ADD SUB MUL QUO REM AND OR XOR SHL SHR AND_NOT
%token <Token> ADD_ASSIGN SUB_ASSIGN MUL_ASSIGN QUO_ASSIGN REM_ASSIGN AND_ASSIGN OR_ASSIGN
%token <Token> XOR_ASSIGN SHL_ASSIGN SHR_ASSIGN AND_NOT_ASSIGN
%token <Token> LAND LOR ARROW INC DEC EQL LSS GTR ASSIGN NOT TILDE NEQ LEQ GEQ DEFINE ELLIPSIS
%token <Token> LPAREN LBRACK LBRACE COMMA PERIOD RPAREN RBRACK RBRACE SEMI COLON
%token <Token> BREAK CASE CHAN CONST CONTINUE DEFAULT DEFER ELSE FALLTHROUGH FOR FUNC GO GOTO
%token <Token> IF IMPORT INTERFACE MAP PACKAGE RANGE RETURN SELECT STRUCT SWITCH TYPE VAR

%type <NodeId> file package_clause import_spec decl func_decl var_decl const_decl type_decl
%type <NodeId> var_spec const_spec type_spec ident ident_list signature params result
%type <NodeId> type type_nonparen type_name block stmt simple_stmt simple_stmt_opt if_stmt else_opt for_stmt
%type <NodeId> expr expr_opt unary_expr primary_expr operand expr_list func_lit
%type <NodeId> import_decl
%type <std::vector<NodeId>> decls imports import_specs var_specs const_specs type_specs
%type <std::vector<NodeId>> param_list stmt_list args expr_items ident_items
%type <NodeId> param_decl
%type <Token> assign_op

%left LOR
%left LAND
%left EQL NEQ LSS LEQ GTR GEQ
%left ADD SUB OR XOR
%left MUL QUO REM SHL SHR AND AND_NOT

%start file

%%

file
  : package_clause SEMI imports decls {
      std::vector<NodeId> kids{$1};
      kids.insert(kids.end(), $3.begin(), $3.end());
      kids.insert(kids.end(), $4.begin(), $4.end());
      $$ = ctx.tree.add(K::File, ctx.tree[$1].pos, kids);
      ctx.tree.root = $$;
    }
  ;

package_clause
  : PACKAGE ident { $$ = $2; }
  ;

imports
  : %empty { }
  | imports import_decl SEMI { $$ = std::move($1); $$.push_back($2); }
  ;

import_decl
  : IMPORT import_spec { $$ = ctx.tree.add(K::ImportDecl, $1.pos, {$2}); }
  | IMPORT LPAREN import_specs RPAREN { $$ = ctx.tree.add(K::ImportDecl, $1.pos, $3); }
  ;

import_specs
  : %empty { }
  | import_spec { $$.push_back($1); }
  | import_spec SEMI import_specs { $$.push_back($1); $$.insert($$.end(), $3.begin(), $3.end()); }
  ;

import_spec
  : STRING { $$ = ctx.tree.add(K::ImportSpec, $1.pos, {None, ctx.lit($1)}); }
  | ident STRING { $$ = ctx.tree.add(K::ImportSpec, ctx.tree[$1].pos, {$1, ctx.lit($2)}); }
  | PERIOD STRING {
      NodeId dot = ctx.tree.add(K::Ident, $1.pos, {}, Tok::EOF_, $1.text);
      $$ = ctx.tree.add(K::ImportSpec, $1.pos, {dot, ctx.lit($2)});
    }
  ;

decls
  : %empty { }
  | decls decl SEMI { $$ = std::move($1); $$.push_back($2); }
  | decls error SEMI { $$ = std::move($1); }
  ;

decl
  : func_decl | var_decl | const_decl | type_decl
  ;

/* ---- declarations ---- */

var_decl
  : VAR var_spec { $$ = ctx.tree.add(K::VarDecl, $1.pos, {$2}); }
  | VAR LPAREN var_specs RPAREN { $$ = ctx.tree.add(K::VarDecl, $1.pos, $3); }
  ;
var_specs
  : %empty { }
  | var_spec { $$.push_back($1); }
  | var_spec SEMI var_specs { $$.push_back($1); $$.insert($$.end(), $3.begin(), $3.end()); }
  ;
var_spec
  : ident_list type { $$ = ctx.tree.add(K::ValueSpec, ctx.tree[$1].pos, {$1, $2, None}); }
  | ident_list type ASSIGN expr_list { $$ = ctx.tree.add(K::ValueSpec, ctx.tree[$1].pos, {$1, $2, $4}); }
  | ident_list ASSIGN expr_list { $$ = ctx.tree.add(K::ValueSpec, ctx.tree[$1].pos, {$1, None, $3}); }
  ;

const_decl
  : CONST const_spec { $$ = ctx.tree.add(K::ConstDecl, $1.pos, {$2}); }
  | CONST LPAREN const_specs RPAREN { $$ = ctx.tree.add(K::ConstDecl, $1.pos, $3); }
  ;
const_specs
  : %empty { }
  | const_spec { $$.push_back($1); }
  | const_spec SEMI const_specs { $$.push_back($1); $$.insert($$.end(), $3.begin(), $3.end()); }
  ;
const_spec
  : ident_list { $$ = ctx.tree.add(K::ValueSpec, ctx.tree[$1].pos, {$1, None, None}); }
  | ident_list type { $$ = ctx.tree.add(K::ValueSpec, ctx.tree[$1].pos, {$1, $2, None}); }
  | ident_list type ASSIGN expr_list { $$ = ctx.tree.add(K::ValueSpec, ctx.tree[$1].pos, {$1, $2, $4}); }
  | ident_list ASSIGN expr_list { $$ = ctx.tree.add(K::ValueSpec, ctx.tree[$1].pos, {$1, None, $3}); }
  ;

type_decl
  : TYPE type_spec { $$ = ctx.tree.add(K::TypeDecl, $1.pos, {$2}); }
  | TYPE LPAREN type_specs RPAREN { $$ = ctx.tree.add(K::TypeDecl, $1.pos, $3); }
  ;
type_specs
  : %empty { }
  | type_spec { $$.push_back($1); }
  | type_spec SEMI type_specs { $$.push_back($1); $$.insert($$.end(), $3.begin(), $3.end()); }
  ;
type_spec
  : ident type { $$ = ctx.tree.add(K::TypeSpec, ctx.tree[$1].pos, {$1, $2}); }
  | ident ASSIGN type { $$ = ctx.tree.add(K::TypeSpec, ctx.tree[$1].pos, {$1, $3}, Tok::Assign); }
  ;

func_decl
  : FUNC ident signature { $$ = ctx.tree.add(K::FuncDecl, ctx.tree[$2].pos, {$2, None, $3, None}); }
  | FUNC ident signature block { $$ = ctx.tree.add(K::FuncDecl, ctx.tree[$2].pos, {$2, None, $3, $4}); }
  | FUNC params ident signature block { $$ = ctx.tree.add(K::FuncDecl, ctx.tree[$3].pos, {$3, $2, $4, $5}); }
  ;

signature
  : params result { $$ = ctx.tree.add(K::FuncType, ctx.tree[$1].pos, {$1, $2}); }
  ;

result
  : %empty { $$ = ctx.tree.add(K::FieldList, Pos{}, {}); }
  | params { $$ = $1; }
  | type_nonparen { NodeId f = ctx.tree.add(K::Field, ctx.tree[$1].pos, {None, $1});
                    $$ = ctx.tree.add(K::FieldList, ctx.tree[$1].pos, {f}); }
  ;

params
  : LPAREN RPAREN { $$ = ctx.tree.add(K::FieldList, $1.pos, {}); }
  | LPAREN param_list RPAREN { $$ = ctx.groupParams($1.pos, $2); }
  | LPAREN param_list COMMA RPAREN { $$ = ctx.groupParams($1.pos, $2); }
  ;

param_list
  : param_decl { $$.push_back($1); }
  | param_list COMMA param_decl { $$ = std::move($1); $$.push_back($3); }
  ;

param_decl
  : type { $$ = ctx.tree.add(K::Field, ctx.tree[$1].pos, {None, $1}); }
  | ident type { $$ = ctx.tree.add(K::Field, ctx.tree[$1].pos, {$1, $2}); }
  | ident ELLIPSIS type { $$ = ctx.tree.add(K::Field, ctx.tree[$1].pos, {$1, $3}, Tok::Ellipsis); }
  | ELLIPSIS type { $$ = ctx.tree.add(K::Field, $1.pos, {None, $2}, Tok::Ellipsis); }
  ;

/* ---- types ---- */

type
  : type_nonparen
  | LPAREN type RPAREN { $$ = ctx.tree.add(K::ParenExpr, $1.pos, {$2}); }
  ;

type_nonparen
  : type_name
  | MUL type { $$ = ctx.tree.add(K::PointerType, $1.pos, {$2}); }
  | LBRACK RBRACK type { $$ = ctx.tree.add(K::SliceType, $1.pos, {$3}); }
  | LBRACK expr RBRACK type { $$ = ctx.tree.add(K::ArrayType, $1.pos, {$2, $4}); }
  | MAP LBRACK type RBRACK type { $$ = ctx.tree.add(K::MapType, $1.pos, {$3, $5}); }
  | CHAN type { $$ = ctx.tree.add(K::ChanType, $1.pos, {$2}, Tok::Chan); }
  | FUNC signature { $$ = $2; }
  ;

type_name
  : ident
  | ident PERIOD ident { $$ = ctx.tree.add(K::SelectorExpr, $2.pos, {$1, $3}); }
  ;

/* ---- statements ---- */

block
  : LBRACE stmt_list RBRACE { $$ = ctx.tree.add(K::Block, $1.pos, $2); ctx.tree[$$].end = $3.pos; }
  ;

stmt_list
  : stmt { if ($1.valid()) $$.push_back($1); }
  | stmt_list SEMI stmt { $$ = std::move($1); if ($3.valid()) $$.push_back($3); }
  ;

stmt
  : %empty { $$ = None; }
  | simple_stmt
  | var_decl { $$ = ctx.tree.add(K::DeclStmt, ctx.tree[$1].pos, {$1}); }
  | const_decl { $$ = ctx.tree.add(K::DeclStmt, ctx.tree[$1].pos, {$1}); }
  | type_decl { $$ = ctx.tree.add(K::DeclStmt, ctx.tree[$1].pos, {$1}); }
  | RETURN { $$ = ctx.tree.add(K::ReturnStmt, $1.pos, {}); }
  | RETURN expr_items { $$ = ctx.tree.add(K::ReturnStmt, $1.pos, $2); }
  | BREAK { $$ = ctx.tree.add(K::BranchStmt, $1.pos, {None}, Tok::Break); }
  | BREAK ident { $$ = ctx.tree.add(K::BranchStmt, $1.pos, {$2}, Tok::Break); }
  | CONTINUE { $$ = ctx.tree.add(K::BranchStmt, $1.pos, {None}, Tok::Continue); }
  | CONTINUE ident { $$ = ctx.tree.add(K::BranchStmt, $1.pos, {$2}, Tok::Continue); }
  | GOTO ident { $$ = ctx.tree.add(K::BranchStmt, $1.pos, {$2}, Tok::Goto); }
  | FALLTHROUGH { $$ = ctx.tree.add(K::BranchStmt, $1.pos, {None}, Tok::Fallthrough); }
  | block
  | if_stmt
  | for_stmt
  | ident COLON stmt { $$ = ctx.tree.add(K::LabeledStmt, ctx.tree[$1].pos, {$1, $3}); }
  | error { $$ = None; }
  ;

simple_stmt
  : expr { $$ = ctx.tree.add(K::ExprStmt, startPos(ctx.tree, $1), {$1}); }
  | expr INC { $$ = ctx.tree.add(K::IncDecStmt, $2.pos, {$1}, Tok::Inc); }
  | expr DEC { $$ = ctx.tree.add(K::IncDecStmt, $2.pos, {$1}, Tok::Dec); }
  | expr_list ASSIGN expr_list { $$ = ctx.tree.add(K::AssignStmt, $2.pos, {$1, $3}, Tok::Assign); }
  | expr_list DEFINE expr_list { $$ = ctx.tree.add(K::AssignStmt, $2.pos, {$1, $3}, Tok::Define); }
  | expr_list assign_op expr_list { $$ = ctx.tree.add(K::AssignStmt, $2.pos, {$1, $3}, $2.kind); }
  ;

assign_op
  : ADD_ASSIGN | SUB_ASSIGN | MUL_ASSIGN | QUO_ASSIGN | REM_ASSIGN | AND_ASSIGN | OR_ASSIGN
  | XOR_ASSIGN | SHL_ASSIGN | SHR_ASSIGN | AND_NOT_ASSIGN
  ;

simple_stmt_opt
  : %empty { $$ = None; }
  | simple_stmt
  ;

if_stmt
  : IF simple_stmt block else_opt {
      $$ = ctx.tree.add(K::IfStmt, $1.pos, {None, ctx.condition($2, "if"), $3, $4}); }
  | IF simple_stmt SEMI simple_stmt block else_opt {
      $$ = ctx.tree.add(K::IfStmt, $1.pos, {$2, ctx.condition($4, "if"), $5, $6}); }
  | IF SEMI simple_stmt block else_opt {
      $$ = ctx.tree.add(K::IfStmt, $1.pos, {None, ctx.condition($3, "if"), $4, $5}); }
  ;

else_opt
  : %empty { $$ = None; }
  | ELSE if_stmt { $$ = $2; }
  | ELSE block { $$ = $2; }
  ;

for_stmt
  : FOR block { $$ = ctx.tree.add(K::ForStmt, $1.pos, {None, None, None, $2}); }
  | FOR simple_stmt block {
      $$ = ctx.tree.add(K::ForStmt, $1.pos, {None, ctx.condition($2, "for"), None, $3}); }
  | FOR simple_stmt_opt SEMI expr_opt SEMI simple_stmt_opt block {
      $$ = ctx.tree.add(K::ForStmt, $1.pos, {$2, $4, $6, $7}); }
  | FOR RANGE expr block { $$ = ctx.tree.add(K::RangeStmt, $1.pos, {None, None, $3, $4}); }
  | FOR expr_list ASSIGN RANGE expr block { $$ = ctx.rangeStmt($1.pos, $2, Tok::Assign, $5, $6); }
  | FOR expr_list DEFINE RANGE expr block { $$ = ctx.rangeStmt($1.pos, $2, Tok::Define, $5, $6); }
  ;

/* ---- expressions ---- */

expr_opt
  : %empty { $$ = None; }
  | expr
  ;

expr_list
  : expr_items { $$ = ctx.tree.add(K::ExprList, startPos(ctx.tree, $1[0]), $1); }
  ;

expr_items
  : expr { $$.push_back($1); }
  | expr_items COMMA expr { $$ = std::move($1); $$.push_back($3); }
  ;

ident_list
  : ident_items { $$ = ctx.tree.add(K::IdentList, ctx.tree[$1[0]].pos, $1); }
  ;

ident_items
  : ident { $$.push_back($1); }
  | ident_items COMMA ident { $$ = std::move($1); $$.push_back($3); }
  ;

ident
  : IDENT { $$ = ctx.tree.add(K::Ident, $1.pos, {}, Tok::EOF_, $1.text); }
  ;

expr
  : unary_expr
  | expr LOR expr { $$ = ctx.binary($1, $2, $3); }
  | expr LAND expr { $$ = ctx.binary($1, $2, $3); }
  | expr EQL expr { $$ = ctx.binary($1, $2, $3); }
  | expr NEQ expr { $$ = ctx.binary($1, $2, $3); }
  | expr LSS expr { $$ = ctx.binary($1, $2, $3); }
  | expr LEQ expr { $$ = ctx.binary($1, $2, $3); }
  | expr GTR expr { $$ = ctx.binary($1, $2, $3); }
  | expr GEQ expr { $$ = ctx.binary($1, $2, $3); }
  | expr ADD expr { $$ = ctx.binary($1, $2, $3); }
  | expr SUB expr { $$ = ctx.binary($1, $2, $3); }
  | expr OR expr { $$ = ctx.binary($1, $2, $3); }
  | expr XOR expr { $$ = ctx.binary($1, $2, $3); }
  | expr MUL expr { $$ = ctx.binary($1, $2, $3); }
  | expr QUO expr { $$ = ctx.binary($1, $2, $3); }
  | expr REM expr { $$ = ctx.binary($1, $2, $3); }
  | expr SHL expr { $$ = ctx.binary($1, $2, $3); }
  | expr SHR expr { $$ = ctx.binary($1, $2, $3); }
  | expr AND expr { $$ = ctx.binary($1, $2, $3); }
  | expr AND_NOT expr { $$ = ctx.binary($1, $2, $3); }
  ;

unary_expr
  : primary_expr
  | ADD unary_expr { $$ = ctx.tree.add(K::UnaryExpr, $1.pos, {$2}, $1.kind); }
  | SUB unary_expr { $$ = ctx.tree.add(K::UnaryExpr, $1.pos, {$2}, $1.kind); }
  | NOT unary_expr { $$ = ctx.tree.add(K::UnaryExpr, $1.pos, {$2}, $1.kind); }
  | XOR unary_expr { $$ = ctx.tree.add(K::UnaryExpr, $1.pos, {$2}, $1.kind); }
  | AND unary_expr { $$ = ctx.tree.add(K::UnaryExpr, $1.pos, {$2}, $1.kind); }
  | ARROW unary_expr { $$ = ctx.tree.add(K::UnaryExpr, $1.pos, {$2}, $1.kind); }
  | MUL unary_expr { $$ = ctx.tree.add(K::StarExpr, $1.pos, {$2}); }
  ;

primary_expr
  : operand
  | primary_expr PERIOD ident { $$ = ctx.tree.add(K::SelectorExpr, $2.pos, {$1, $3}); }
  | primary_expr LBRACK expr RBRACK { $$ = ctx.tree.add(K::IndexExpr, $2.pos, {$1, $3}); }
  | primary_expr LBRACK expr_opt COLON expr_opt RBRACK {
      $$ = ctx.tree.add(K::SliceExpr, $2.pos, {$1, $3, $5, None}); }
  | primary_expr LBRACK expr_opt COLON expr COLON expr RBRACK {
      $$ = ctx.tree.add(K::SliceExpr, $2.pos, {$1, $3, $5, $7}); }
  | primary_expr LPAREN args RPAREN {
      std::vector<NodeId> kids{$1};
      kids.insert(kids.end(), $3.begin(), $3.end());
      $$ = ctx.tree.add(K::CallExpr, $2.pos, kids); }
  | primary_expr LPAREN args ELLIPSIS RPAREN {
      std::vector<NodeId> kids{$1};
      kids.insert(kids.end(), $3.begin(), $3.end());
      $$ = ctx.tree.add(K::CallExpr, $2.pos, kids, Tok::Ellipsis); }
  | primary_expr LPAREN args ELLIPSIS COMMA RPAREN {
      std::vector<NodeId> kids{$1};
      kids.insert(kids.end(), $3.begin(), $3.end());
      $$ = ctx.tree.add(K::CallExpr, $2.pos, kids, Tok::Ellipsis); }
  ;

args
  : %empty { }
  | expr_items { $$ = std::move($1); }
  | expr_items COMMA { $$ = std::move($1); }
  ;

operand
  : INT { $$ = ctx.lit($1); }
  | FLOAT { $$ = ctx.lit($1); }
  | IMAG { $$ = ctx.lit($1); }
  | CHAR { $$ = ctx.lit($1); }
  | STRING { $$ = ctx.lit($1); }
  | ident
  | LPAREN expr RPAREN { $$ = ctx.tree.add(K::ParenExpr, $1.pos, {$2}); }
  | func_lit
  ;

func_lit
  : FUNC signature block { $$ = ctx.tree.add(K::FuncDecl, $1.pos, {None, None, $2, $3}); }
  ;

%%

namespace origo::syntax::bison {

Parser::symbol_type yylex(ParseContext &ctx) {
  Token t = ctx.lexer.next();
  ctx.last = t;
  switch (t.kind) {
#define TOK(Name, Spelling, ParserTok) \
  case Tok::Name: return Parser::symbol_type(Parser::token::T_##ParserTok, t);
#include "frontend/tokens.def"
  }
  return Parser::make_END(t);
}

void Parser::error(const std::string &msg) {
  ctx.diags.syntaxError(ctx.last.pos, "syntax error: " + msg);
}

void Parser::report_syntax_error(const context &yyctx) const {
  symbol_kind_type expected[YYNTOKENS];
  int n = yyctx.expected_tokens(expected, YYNTOKENS);
  auto expects = [&](symbol_kind_type k) {
    for (int i = 0; i < n; ++i)
      if (expected[i] == k) return true;
    return false;
  };
  std::string msg = "syntax error: unexpected " + ctx.describe(ctx.last);
  // gc's parser names what it was parsing; origo approximates that from
  // the tokens that could have come next.
  if (expects(symbol_kind::S_COMMA) && expects(symbol_kind::S_RPAREN) && expects(symbol_kind::S_ELLIPSIS))
    msg += " in argument list; possibly missing comma or )";
  else if (expects(symbol_kind::S_COMMA) && expects(symbol_kind::S_RPAREN))
    msg += ", expecting comma or )";
  else if (expects(symbol_kind::S_RPAREN))
    msg += ", expecting )";
  else if (expects(symbol_kind::S_RBRACK))
    msg += ", expecting ]";
  else if (expects(symbol_kind::S_RBRACE) && ctx.last.kind == Tok::EOF_)
    msg += ", expecting }";
  else if (n == 1 || n == 2) {
    msg += ", expecting ";
    for (int i = 0; i < n; ++i) {
      if (i) msg += " or ";
      msg += ctx.describeKind(symbol_name(expected[i]));
    }
  }
  ctx.diags.syntaxError(ctx.last.pos, msg);
}

} // namespace origo::syntax::bison
