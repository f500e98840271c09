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
/* Expected conflicts, each resolved by Bison's default as the spec says:
   - shift/reduce: a qualified or instantiated element type wins over a
     selector or index applied to a type literal ([]p.T, []T[int]); a
     function type's result wins over an operation on the function type
     (func() *T, func() (T)); in a type parameter list a name followed by
     [, *, ( or <- starts a constraint (gc's rule); an explicit composite
     type followed by { in an if/for/switch header is a composite literal.
   The element type of `chan T` cannot start with <- (type_na): `chan <-chan T`
   is `chan<- (chan T)`, the <- binding to the leftmost chan. */
%expect 13

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

%type <NodeId> file package_clause import_spec import_path basic_lit import_decl decl func_decl common_decl
%type <NodeId> var_decl const_decl type_decl var_spec const_spec type_spec
%type <NodeId> ident ident_list signature params result tparams_opt
%type <NodeId> method_constraint type type_na type_nolbrack type_nolbrack_na type_name type_lit send_chan_type struct_type interface_type
%type <NodeId> iface_elem type_union type_term tag_opt param_decl tparam_item
%type <NodeId> block stmt simple_stmt simple_stmt_nb simple_stmt_opt_nb
%type <NodeId> if_stmt else_opt for_stmt switch_stmt select_stmt case_clause comm_clause case_head comm_head
%type <NodeId> expr expr_opt unary_expr primary_expr operand expr_list func_lit complit_body
%type <NodeId> element elem_val
%type <NodeId> expr_nb expr_opt_nb unary_nb primary_nb expr_list_nb
%type <std::vector<NodeId>> decls import_specs var_specs const_specs type_specs
%type <std::vector<NodeId>> param_list stmt_list args expr_items expr_items_nb ident_items
%type <std::vector<NodeId>> field_decl field_decls iface_elems tparam_items elements element_items
%type <std::vector<NodeId>> case_clauses comm_clauses
%type <Token> assign_op comma_opt

%left LOR
%left LAND
%left EQL NEQ LSS LEQ GTR GEQ
%left ADD SUB OR XOR
%left MUL QUO REM SHL SHR AND AND_NOT

%start file

%%

file
  : package_clause SEMI decls {
      std::vector<NodeId> kids{$1};
      kids.insert(kids.end(), $3.begin(), $3.end());
      $$ = ctx.tree.add(K::File, ctx.tree[$1].pos, kids);
      ctx.tree.root = $$;
    }
  ;

package_clause
  : PACKAGE ident { $$ = $2; }
  ;

import_decl
  : IMPORT import_spec { $$ = ctx.tree.add(K::ImportDecl, $1.pos, {$2}); }
  | IMPORT LPAREN import_specs RPAREN { $$ = ctx.tree.add(K::ImportDecl, $1.pos, $3, Tok::LParen); }
  ;

import_specs
  : %empty { }
  | import_spec { $$.push_back($1); }
  | import_spec SEMI import_specs { $$.push_back($1); $$.insert($$.end(), $3.begin(), $3.end()); }
  ;

import_spec
  : import_path { $$ = ctx.tree.add(K::ImportSpec, ctx.tree[$1].pos, {None, $1}); }
  | ident import_path { $$ = ctx.tree.add(K::ImportSpec, ctx.tree[$1].pos, {$1, $2}); }
  | PERIOD import_path {
      NodeId dot = ctx.tree.add(K::Ident, $1.pos, {}, Tok::EOF_, $1.text);
      $$ = ctx.tree.add(K::ImportSpec, $1.pos, {dot, $2});
    }
  ;

/* gc parses any literal here and then insists on a string. */
import_path
  : basic_lit {
      $$ = $1;
      // gc reports it at the token after the literal, which the parser
      // may not have read yet: yylex reports it then.
      if (ctx.tree[$1].op != Tok::String) {
        if (ctx.last.pos == ctx.tree[$1].pos) ctx.importPathError = true;
        else ctx.diags.syntaxError(ctx.last.pos, "syntax error: import path must be a string");
      }
    }
  ;

/* Imports and declarations in one list, so that error recovery works
   from the first token after the package clause. */
decls
  : %empty { }
  | decls import_decl SEMI {
      if (!$1.empty() && ctx.tree.kind($1.back()) != K::ImportDecl)
        ctx.diags.syntaxError(ctx.tree[$2].pos, "syntax error: imports must appear before other declarations");
      $$ = std::move($1); $$.push_back($2); }
  | decls decl SEMI { $$ = std::move($1); $$.push_back($2); }
  | decls error SEMI { $$ = std::move($1); }
  ;

decl
  : func_decl
  | common_decl
  ;

common_decl
  : var_decl | const_decl | type_decl
  ;

/*===-- declarations ------------------------------------------------------===*/

var_decl
  : VAR var_spec { $$ = ctx.tree.add(K::VarDecl, $1.pos, {$2}); ctx.attachDirectives($2, $1.pos, true); }
  | VAR LPAREN var_specs RPAREN {
      $$ = ctx.tree.add(K::VarDecl, $1.pos, $3, Tok::LParen);
      ctx.attachDirectives($$, $1.pos); // a group takes none (gc: misplaced)
      for (NodeId spec : $3) ctx.attachDirectives(spec, ctx.tree[spec].pos, true); }
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
  : CONST const_spec { $$ = ctx.tree.add(K::ConstDecl, $1.pos, {$2}); ctx.attachDirectives($2, $1.pos); }
  | CONST LPAREN const_specs RPAREN {
      $$ = ctx.tree.add(K::ConstDecl, $1.pos, $3, Tok::LParen);
      ctx.attachDirectives($$, $1.pos);
      for (NodeId spec : $3) ctx.attachDirectives(spec, ctx.tree[spec].pos); }
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
  : TYPE type_spec { $$ = ctx.tree.add(K::TypeDecl, $1.pos, {$2}); ctx.attachDirectives($2, $1.pos); }
  | TYPE LPAREN type_specs RPAREN {
      $$ = ctx.tree.add(K::TypeDecl, $1.pos, $3, Tok::LParen);
      ctx.attachDirectives($$, $1.pos);
      for (NodeId spec : $3) ctx.attachDirectives(spec, ctx.tree[spec].pos); }
  ;
type_specs
  : %empty { }
  | type_spec { $$.push_back($1); }
  | type_spec SEMI type_specs { $$.push_back($1); $$.insert($$.end(), $3.begin(), $3.end()); }
  ;
/* `type T[...] ...` is a generic type or an array type; the bracket is
   parsed as a list of items and decided afterwards, as gc does. */
type_spec
  : ident type_nolbrack { $$ = ctx.tree.add(K::TypeSpec, ctx.tree[$1].pos, {$1, None, $2}); }
  | ident ASSIGN type { $$ = ctx.tree.add(K::TypeSpec, ctx.tree[$1].pos, {$1, None, $3}, Tok::Assign); }
  | ident LBRACK RBRACK type {
      NodeId t = ctx.tree.add(K::SliceType, $2.pos, {$4});
      $$ = ctx.tree.add(K::TypeSpec, ctx.tree[$1].pos, {$1, None, t}); }
  | ident LBRACK ELLIPSIS RBRACK type {
      NodeId t = ctx.tree.add(K::ArrayType, $2.pos, {None, $5}, Tok::Ellipsis);
      $$ = ctx.tree.add(K::TypeSpec, ctx.tree[$1].pos, {$1, None, t}); }
  | ident LBRACK tparam_items comma_opt RBRACK type { $$ = ctx.typeSpecBracket($1, $2.pos, $3, $4.kind == Tok::Comma, $6, false); }
  | ident LBRACK tparam_items comma_opt RBRACK ASSIGN type { $$ = ctx.typeSpecBracket($1, $2.pos, $3, $4.kind == Tok::Comma, $7, true); }
  ;

tparam_items
  : tparam_item { $$.push_back($1); }
  | tparam_items COMMA tparam_item { $$ = std::move($1); $$.push_back($3); }
  ;
/* An expression, or a name with a constraint that cannot continue an
   expression (gc: a name followed by "[" starts a constraint). */
tparam_item
  : expr
  | IDENT type_union { $$ = ctx.tree.add(K::Field, $1.pos, {ctx.ident($1), $2}); }
  ;

func_decl
  : FUNC ident tparams_opt signature {
      $$ = ctx.tree.add(K::FuncDecl, ctx.tree[$2].pos, {$2, None, $3, $4, None}); ctx.attachDirectives($$, $1.pos); }
  | FUNC ident tparams_opt signature block {
      $$ = ctx.tree.add(K::FuncDecl, ctx.tree[$2].pos, {$2, None, $3, $4, $5}); ctx.attachDirectives($$, $1.pos); }
  | FUNC params ident method_tparams signature {
      $$ = ctx.tree.add(K::FuncDecl, ctx.tree[$3].pos, {$3, $2, None, $5, None}); ctx.attachDirectives($$, $1.pos); }
  | FUNC params ident method_tparams signature block {
      $$ = ctx.tree.add(K::FuncDecl, ctx.tree[$3].pos, {$3, $2, None, $5, $6}); ctx.attachDirectives($$, $1.pos); }
  ;

/* Methods cannot have type parameters; gc parses them and complains. */
method_tparams
  : %empty { }
  | LBRACK tparam_items comma_opt RBRACK {
      ctx.diags.syntaxError($1.pos, "syntax error: method must have no type parameters"); }
  ;

/* The first constraint of a generic interface method cannot start with
   "[", "*" or "(" (m[P []int] would read as T[A[int]], m[P *C] as
   T[A*C], m[P (C)] as T[A(C)]). */
method_constraint
  : type_name
  | MAP LBRACK type RBRACK type { $$ = ctx.tree.add(K::MapType, $1.pos, {$3, $5}); }
  | send_chan_type
  | FUNC signature { $$ = $2; }
  | struct_type
  | interface_type
  | TILDE type { $$ = $2; }
  | method_constraint OR type_term { $$ = $1; }
  ;

generic_method_rest
  : comma_opt
  | COMMA tparam_items comma_opt
  ;

tparams_opt
  : %empty { $$ = None; }
  | LBRACK tparam_items comma_opt RBRACK { $$ = ctx.typeParams($1.pos, $2); }
  ;

signature
  : params result { $$ = ctx.tree.add(K::FuncType, ctx.tree[$1].pos, {$1, $2}); }
  ;

result
  : %empty { $$ = ctx.tree.add(K::FieldList, Pos{}, {}); }
  | params
  | type_nolbrack { NodeId f = ctx.tree.add(K::Field, ctx.tree[$1].pos, {None, $1});
                    $$ = ctx.tree.add(K::FieldList, ctx.tree[$1].pos, {f}); }
  | LBRACK RBRACK type { NodeId t = ctx.tree.add(K::SliceType, $1.pos, {$3});
                         NodeId f = ctx.tree.add(K::Field, $1.pos, {None, t});
                         $$ = ctx.tree.add(K::FieldList, $1.pos, {f}); }
  | LBRACK expr_items RBRACK type { NodeId t = ctx.arrayType($1.pos, $2, $4);
                                   NodeId f = ctx.tree.add(K::Field, $1.pos, {None, t});
                                   $$ = ctx.tree.add(K::FieldList, $1.pos, {f}); }
  | LBRACK ELLIPSIS RBRACK type { NodeId t = ctx.tree.add(K::ArrayType, $1.pos, {None, $4}, Tok::Ellipsis);
                                  NodeId f = ctx.tree.add(K::Field, $1.pos, {None, t});
                                  $$ = ctx.tree.add(K::FieldList, $1.pos, {f}); }
  ;

params
  : LPAREN RPAREN { $$ = ctx.tree.add(K::FieldList, $1.pos, {}); }
  | LPAREN param_list comma_opt RPAREN { $$ = ctx.groupParams($1.pos, $2); }
  ;

param_list
  : param_decl { $$.push_back($1); }
  | param_list COMMA param_decl { $$ = std::move($1); $$.push_back($3); }
  ;

param_decl
  : type { $$ = ctx.tree.add(K::Field, ctx.tree[$1].pos, {None, $1}); }
  | IDENT type { $$ = ctx.tree.add(K::Field, $1.pos, {ctx.ident($1), $2}); }
  | IDENT ELLIPSIS type { $$ = ctx.tree.add(K::Field, $1.pos, {ctx.ident($1), $3}, Tok::Ellipsis); }
  | ELLIPSIS type { $$ = ctx.tree.add(K::Field, $1.pos, {None, $2}, Tok::Ellipsis); }
  ;

comma_opt
  : %empty { $$ = Token{}; }
  | COMMA
  ;

/*===-- types --------------------------------------------------------------===*/

type
  : type_na
  | ARROW CHAN type { $$ = ctx.tree.add(K::ChanType, $1.pos, {$3}, Tok::Arrow); }
  ;

/* Types that do not start with <-. */
type_na
  : type_nolbrack_na
  | LBRACK RBRACK type { $$ = ctx.tree.add(K::SliceType, $1.pos, {$3}); }
  | LBRACK expr_items RBRACK type { $$ = ctx.arrayType($1.pos, $2, $4); }
  | LBRACK ELLIPSIS RBRACK type { $$ = ctx.tree.add(K::ArrayType, $1.pos, {None, $4}, Tok::Ellipsis); }
  ;

type_nolbrack
  : type_nolbrack_na
  | ARROW CHAN type { $$ = ctx.tree.add(K::ChanType, $1.pos, {$3}, Tok::Arrow); }
  ;

type_nolbrack_na
  : type_name
  | MUL type { $$ = ctx.tree.add(K::StarExpr, $1.pos, {$2}); }
  | MAP LBRACK type RBRACK type { $$ = ctx.tree.add(K::MapType, $1.pos, {$3, $5}); }
  | send_chan_type
  | FUNC signature { $$ = $2; ctx.tree[$2].pos = $1.pos; }
  | struct_type
  | interface_type
  | LPAREN type RPAREN { $$ = ctx.tree.add(K::ParenExpr, $1.pos, {$2}); }
  ;

/* A (possibly qualified, possibly instantiated) type name. */
type_name
  : IDENT { $$ = ctx.ident($1); }
  | IDENT PERIOD IDENT { $$ = ctx.tree.add(K::SelectorExpr, $2.pos, {ctx.ident($1), ctx.ident($3)}); }
  | IDENT LBRACK expr_items RBRACK { $$ = ctx.instance(ctx.ident($1), $2.pos, $3); }
  | IDENT LBRACK expr_items COMMA RBRACK { $$ = ctx.instance(ctx.ident($1), $2.pos, $3); }
  | IDENT PERIOD IDENT LBRACK expr_items RBRACK {
      NodeId sel = ctx.tree.add(K::SelectorExpr, $2.pos, {ctx.ident($1), ctx.ident($3)});
      $$ = ctx.instance(sel, $4.pos, $5); }
  | IDENT PERIOD IDENT LBRACK expr_items COMMA RBRACK {
      NodeId sel = ctx.tree.add(K::SelectorExpr, $2.pos, {ctx.ident($1), ctx.ident($3)});
      $$ = ctx.instance(sel, $4.pos, $5); }
  ;

/* chan T and chan<- T; in expressions <-chan T is a unary <- (gc's rule). */
send_chan_type
  : CHAN type_na { $$ = ctx.tree.add(K::ChanType, $1.pos, {$2}, Tok::Chan); }
  | CHAN ARROW type { $$ = ctx.tree.add(K::ChanType, $1.pos, {$3}, Tok::Assign); }
  ;



struct_type
  : STRUCT LBRACE field_decls RBRACE { $$ = ctx.tree.add(K::StructType, $1.pos, $3); }
  ;

field_decls
  : %empty { }
  | field_decl { $$ = std::move($1); }
  | field_decl SEMI field_decls { $$ = std::move($1); $$.insert($$.end(), $3.begin(), $3.end()); }
  ;

/* Named fields list their names before one type; embedded fields are a
   (pointer to a) type name. Each field of `a, b T` becomes a Field. */
field_decl
  : IDENT type tag_opt { $$.push_back(ctx.tree.add(K::Field, $1.pos, {ctx.ident($1), $2, $3})); }
  | IDENT COMMA ident_items type tag_opt { $$ = ctx.fieldGroup($1, $3, $4, $5); }
  | type_name tag_opt { $$.push_back(ctx.tree.add(K::Field, ctx.tree[$1].pos, {None, $1, $2})); }
  | MUL type_name tag_opt {
      NodeId t = ctx.tree.add(K::StarExpr, $1.pos, {$2});
      $$.push_back(ctx.tree.add(K::Field, $1.pos, {None, t, $3})); }
  ;

tag_opt
  : %empty { $$ = None; }
  | STRING { $$ = ctx.lit($1); }
  ;

interface_type
  : INTERFACE LBRACE iface_elems RBRACE { $$ = ctx.tree.add(K::InterfaceType, $1.pos, $3); }
  ;

iface_elems
  : %empty { }
  | iface_elem { $$.push_back($1); }
  | iface_elem SEMI iface_elems { $$.push_back($1); $$.insert($$.end(), $3.begin(), $3.end()); }
  ;

iface_elem
  : IDENT signature { $$ = ctx.tree.add(K::Field, $1.pos, {ctx.ident($1), $2}); }
  /* A method with type parameters (the first one named, which an embedded
     instance's type arguments cannot be): gc parses it and complains. */
  | IDENT LBRACK IDENT method_constraint generic_method_rest RBRACK signature {
      ctx.diags.error($2.pos, "interface method must have no type parameters");
      $$ = ctx.tree.add(K::Field, $1.pos, {ctx.ident($1), $7}); }
  | type_union { $$ = ctx.tree.add(K::Field, ctx.tree[$1].pos, {None, $1}); }
  ;

/* Constraint unions: ~int | string */
type_union
  : type_term
  | type_union OR type_term { $$ = ctx.tree.add(K::BinaryExpr, $2.pos, {$1, $3}, Tok::Or); }
  ;

type_term
  : type
  | TILDE type { $$ = ctx.tree.add(K::UnaryExpr, $1.pos, {$2}, Tok::Tilde); }
  ;

/* Types that may appear as operands (conversions, composite literals,
   type arguments): everything but names and pointers, which the
   expression grammar already covers. */
type_lit
  : LBRACK RBRACK type { $$ = ctx.tree.add(K::SliceType, $1.pos, {$3}); }
  | LBRACK expr_items RBRACK type { $$ = ctx.arrayType($1.pos, $2, $4); }
  | LBRACK ELLIPSIS RBRACK type { $$ = ctx.tree.add(K::ArrayType, $1.pos, {None, $4}, Tok::Ellipsis); }
  | MAP LBRACK type RBRACK type { $$ = ctx.tree.add(K::MapType, $1.pos, {$3, $5}); }
  | send_chan_type
  | FUNC signature { $$ = $2; ctx.tree[$2].pos = $1.pos; }
  | struct_type
  | interface_type
  ;

/*===-- statements ---------------------------------------------------------===*/

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
  | common_decl { $$ = ctx.tree.add(K::DeclStmt, ctx.tree[$1].pos, {$1}); }
  | GO expr { $$ = ctx.callStmt(K::GoStmt, $1, $2); }
  | DEFER expr { $$ = ctx.callStmt(K::DeferStmt, $1, $2); }
  | GO error { $$ = ctx.callStmt(K::GoStmt, $1, ctx.tree.add(K::Bad, ctx.last.pos, {})); }
  | DEFER error { $$ = ctx.callStmt(K::DeferStmt, $1, ctx.tree.add(K::Bad, ctx.last.pos, {})); }
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
  | switch_stmt
  | select_stmt
  | IDENT COLON stmt {
      // gc: a label before the next case or default labels nothing.
      if (!$3.valid() && (ctx.last.kind == Tok::Case || ctx.last.kind == Tok::Default))
        ctx.diags.syntaxError($2.pos, "syntax error: missing statement after label");
      $$ = ctx.tree.add(K::LabeledStmt, $1.pos, {ctx.ident($1), $3}); }
  | error { $$ = None; }
  ;

simple_stmt
  : expr { $$ = ctx.tree.add(K::ExprStmt, startPos(ctx.tree, $1), {$1}); }
  | expr ARROW expr { $$ = ctx.tree.add(K::SendStmt, $2.pos, {$1, $3}); }
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

/* Statements in the headers of if, for and switch: a composite literal
   whose type is a plain name would be ambiguous with the block, so the
   expressions there (outside brackets) are the _nb ("no brace") forms. */
simple_stmt_nb
  : expr_nb { $$ = ctx.tree.add(K::ExprStmt, startPos(ctx.tree, $1), {$1}); }
  | expr_nb ARROW expr_nb { $$ = ctx.tree.add(K::SendStmt, $2.pos, {$1, $3}); }
  | expr_nb INC { $$ = ctx.tree.add(K::IncDecStmt, $2.pos, {$1}, Tok::Inc); }
  | expr_nb DEC { $$ = ctx.tree.add(K::IncDecStmt, $2.pos, {$1}, Tok::Dec); }
  | expr_list_nb ASSIGN expr_list_nb { $$ = ctx.tree.add(K::AssignStmt, $2.pos, {$1, $3}, Tok::Assign); }
  | expr_list_nb DEFINE expr_list_nb { $$ = ctx.tree.add(K::AssignStmt, $2.pos, {$1, $3}, Tok::Define); }
  | expr_list_nb assign_op expr_list_nb { $$ = ctx.tree.add(K::AssignStmt, $2.pos, {$1, $3}, $2.kind); }
  ;

simple_stmt_opt_nb
  : %empty { $$ = None; }
  | simple_stmt_nb
  ;

if_stmt
  : IF simple_stmt_nb block else_opt {
      $$ = ctx.tree.add(K::IfStmt, $1.pos, {None, ctx.condition($2, "if"), $3, $4}); }
  | IF simple_stmt_nb SEMI simple_stmt_nb block else_opt {
      $$ = ctx.tree.add(K::IfStmt, $1.pos, {$2, ctx.condition($4, "if"), $5, $6}); }
  | IF SEMI simple_stmt_nb block else_opt {
      $$ = ctx.tree.add(K::IfStmt, $1.pos, {None, ctx.condition($3, "if"), $4, $5}); }
  | IF block else_opt { $$ = ctx.missingCondition($1.pos, None, ctx.tree[$2].pos, $2, $3); }
  | IF error block else_opt {
      yyerrok; // resynchronized at the block, as gc's header() does
      $$ = ctx.tree.add(K::IfStmt, $1.pos, {None, ctx.tree.add(K::Bad, $1.pos, {}), $3, $4}); }
  | IF simple_stmt_nb SEMI block else_opt {
      // gc: at the semicolon; a newline there means the { is misplaced.
      if ($3.text == "newline") {
        ctx.diags.syntaxError($3.pos, "syntax error: unexpected newline, expecting { after if clause");
        $$ = ctx.tree.add(K::IfStmt, $1.pos, {None, ctx.condition($2, "if"), $4, $5});
      } else {
        $$ = ctx.missingCondition($1.pos, $2, $3.pos, $4, $5);
      } }
  | IF SEMI block else_opt { $$ = ctx.missingCondition($1.pos, None, ctx.tree[$3].pos, $3, $4); }
  ;

else_opt
  : %empty { $$ = None; }
  | ELSE if_stmt { $$ = $2; }
  | ELSE block { $$ = $2; }
  ;

for_stmt
  : FOR block { $$ = ctx.tree.add(K::ForStmt, $1.pos, {None, None, None, $2}); }
  | FOR simple_stmt_nb block {
      $$ = ctx.tree.add(K::ForStmt, $1.pos, {None, ctx.condition($2, "for"), None, $3}); }
  | FOR simple_stmt_opt_nb SEMI expr_opt_nb SEMI simple_stmt_opt_nb block {
      $$ = ctx.tree.add(K::ForStmt, $1.pos, {$2, $4, $6, $7}); }
  | FOR RANGE expr_nb block { $$ = ctx.tree.add(K::RangeStmt, $1.pos, {None, None, $3, $4}); }
  | FOR error block { yyerrok; $$ = ctx.tree.add(K::ForStmt, $1.pos, {None, None, None, $3}); }
  | FOR expr_list_nb ASSIGN RANGE expr_nb block { $$ = ctx.rangeStmt($1.pos, $2, Tok::Assign, $5, $6); }
  | FOR expr_list_nb DEFINE RANGE expr_nb block { $$ = ctx.rangeStmt($1.pos, $2, Tok::Define, $5, $6); }
  ;

switch_stmt
  : SWITCH LBRACE case_clauses RBRACE { $$ = ctx.switchStmt($1.pos, None, None, $3, $4.pos); }
  | SWITCH simple_stmt_nb LBRACE case_clauses RBRACE { $$ = ctx.switchStmt($1.pos, None, $2, $4, $5.pos); }
  | SWITCH simple_stmt_nb SEMI LBRACE case_clauses RBRACE { $$ = ctx.switchStmt($1.pos, $2, None, $5, $6.pos); }
  | SWITCH simple_stmt_nb SEMI simple_stmt_nb LBRACE case_clauses RBRACE { $$ = ctx.switchStmt($1.pos, $2, $4, $6, $7.pos); }
  | SWITCH SEMI LBRACE case_clauses RBRACE { $$ = ctx.switchStmt($1.pos, None, None, $4, $5.pos); }
  | SWITCH SEMI simple_stmt_nb LBRACE case_clauses RBRACE { $$ = ctx.switchStmt($1.pos, None, $3, $5, $6.pos); }
  | SWITCH error LBRACE case_clauses RBRACE { yyerrok; $$ = ctx.switchStmt($1.pos, None, None, $4, $5.pos); }
  ;

case_clauses
  : %empty { }
  | case_clauses case_clause { $$ = std::move($1); $$.push_back($2); }
  ;

case_clause
  : case_head stmt_list { $$ = ctx.clause($1, $2); }
  ;

case_head
  : CASE expr_list COLON { $$ = ctx.clauseHead(K::CaseClause, $1.pos, $2, $3.pos); }
  | DEFAULT COLON { $$ = ctx.clauseHead(K::CaseClause, $1.pos, None, $2.pos); }
  ;

select_stmt
  : SELECT LBRACE comm_clauses RBRACE { $$ = ctx.tree.add(K::SelectStmt, $1.pos, $3); ctx.tree[$$].end = $4.pos; }
  ;

comm_clauses
  : %empty { }
  | comm_clauses comm_clause { $$ = std::move($1); $$.push_back($2); }
  ;

comm_clause
  : comm_head stmt_list { $$ = ctx.clause($1, $2); }
  ;

comm_head
  : CASE simple_stmt COLON { $$ = ctx.clauseHead(K::CommClause, $1.pos, $2, $3.pos); }
  | DEFAULT COLON { $$ = ctx.clauseHead(K::CommClause, $1.pos, None, $2.pos); }
  ;

/*===-- expressions --------------------------------------------------------===*/

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
  : IDENT { $$ = ctx.ident($1); }
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
  | ADD unary_expr { $$ = ctx.unary($1, $2); }
  | SUB unary_expr { $$ = ctx.unary($1, $2); }
  | NOT unary_expr { $$ = ctx.unary($1, $2); }
  | XOR unary_expr { $$ = ctx.unary($1, $2); }
  | AND unary_expr { $$ = ctx.unary($1, $2); }
  | ARROW unary_expr { $$ = ctx.unary($1, $2); }
  | TILDE unary_expr { $$ = ctx.unary($1, $2); }
  | MUL unary_expr { $$ = ctx.tree.add(K::StarExpr, $1.pos, {$2}); }
  ;

primary_expr
  : operand
  | primary_expr complit_body { $$ = ctx.compositeLit($1, $2); }
  | primary_expr PERIOD IDENT { $$ = ctx.tree.add(K::SelectorExpr, $2.pos, {$1, ctx.ident($3)}); }
  | primary_expr PERIOD LPAREN type RPAREN { $$ = ctx.tree.add(K::TypeAssertExpr, $2.pos, {$1, $4}); }
  | primary_expr PERIOD LPAREN TYPE RPAREN { $$ = ctx.tree.add(K::TypeAssertExpr, $2.pos, {$1, None}); }
  | primary_expr LBRACK expr_items comma_opt RBRACK { $$ = ctx.index($1, $2.pos, $3); }
  | primary_expr LBRACK expr_opt COLON expr_opt RBRACK {
      $$ = ctx.tree.add(K::SliceExpr, $2.pos, {$1, $3, $5, None}); }
  | primary_expr LBRACK expr_opt COLON expr_opt COLON expr_opt RBRACK {
      $$ = ctx.slice3($1, $2.pos, $3, $5, $7, $6.pos); }
  | primary_expr LPAREN args RPAREN { $$ = ctx.call($1, $2.pos, $3, false); }
  | primary_expr LPAREN args ELLIPSIS comma_opt RPAREN { $$ = ctx.call($1, $2.pos, $3, true); }
  ;

args
  : %empty { }
  | expr_items comma_opt { $$ = std::move($1); }
  ;

basic_lit
  : INT { $$ = ctx.lit($1); }
  | FLOAT { $$ = ctx.lit($1); }
  | IMAG { $$ = ctx.lit($1); }
  | CHAR { $$ = ctx.lit($1); }
  | STRING { $$ = ctx.lit($1); }
  ;

operand
  : basic_lit
  | IDENT { $$ = ctx.ident($1); }
  | LPAREN expr RPAREN { $$ = ctx.tree.add(K::ParenExpr, $1.pos, {$2}); }
  | func_lit
  | type_lit
  ;

func_lit
  : FUNC signature block { $$ = ctx.tree.add(K::FuncLit, $1.pos, {$2, $3}); }
  | FUNC error block {
      // A broken signature: go on with the body, as gc's parser does.
      yyerrok; $$ = ctx.tree.add(K::Bad, $1.pos, {}); }
  ;

complit_body
  : LBRACE elements RBRACE {
      // The type slot is empty here: an elided type ({...} inside another
      // literal) or filled in by compositeLit when a type precedes it.
      std::vector<NodeId> kids{None};
      kids.insert(kids.end(), $2.begin(), $2.end());
      $$ = ctx.tree.add(K::CompositeLit, $1.pos, kids); ctx.tree[$$].end = $3.pos; }
  ;

elements
  : %empty { }
  | element_items comma_opt { $$ = std::move($1); }
  ;

element_items
  : element { $$.push_back($1); }
  | element_items COMMA element { $$ = std::move($1); $$.push_back($3); }
  ;

element
  : elem_val
  | elem_val COLON elem_val { $$ = ctx.tree.add(K::KeyValueExpr, $2.pos, {$1, $3}); }
  ;

elem_val
  : expr
  | complit_body
  ;

/* The same expressions without composite literals of named types. */
expr_opt_nb
  : %empty { $$ = None; }
  | expr_nb
  ;

expr_list_nb
  : expr_items_nb { $$ = ctx.tree.add(K::ExprList, startPos(ctx.tree, $1[0]), $1); }
  ;

expr_items_nb
  : expr_nb { $$.push_back($1); }
  | expr_items_nb COMMA expr_nb { $$ = std::move($1); $$.push_back($3); }
  ;

expr_nb
  : unary_nb
  | expr_nb LOR expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb LAND expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb EQL expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb NEQ expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb LSS expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb LEQ expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb GTR expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb GEQ expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb ADD expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb SUB expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb OR expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb XOR expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb MUL expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb QUO expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb REM expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb SHL expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb SHR expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb AND expr_nb { $$ = ctx.binary($1, $2, $3); }
  | expr_nb AND_NOT expr_nb { $$ = ctx.binary($1, $2, $3); }
  ;

unary_nb
  : primary_nb
  | ADD unary_nb { $$ = ctx.unary($1, $2); }
  | SUB unary_nb { $$ = ctx.unary($1, $2); }
  | NOT unary_nb { $$ = ctx.unary($1, $2); }
  | XOR unary_nb { $$ = ctx.unary($1, $2); }
  | AND unary_nb { $$ = ctx.unary($1, $2); }
  | ARROW unary_nb { $$ = ctx.unary($1, $2); }
  | TILDE unary_nb { $$ = ctx.unary($1, $2); }
  | MUL unary_nb { $$ = ctx.tree.add(K::StarExpr, $1.pos, {$2}); }
  ;

primary_nb
  : operand
  | type_lit complit_body { $$ = ctx.compositeLit($1, $2); }
  | primary_nb PERIOD IDENT { $$ = ctx.tree.add(K::SelectorExpr, $2.pos, {$1, ctx.ident($3)}); }
  | primary_nb PERIOD LPAREN type RPAREN { $$ = ctx.tree.add(K::TypeAssertExpr, $2.pos, {$1, $4}); }
  | primary_nb PERIOD LPAREN TYPE RPAREN { $$ = ctx.tree.add(K::TypeAssertExpr, $2.pos, {$1, None}); }
  | primary_nb LBRACK expr_items comma_opt RBRACK { $$ = ctx.index($1, $2.pos, $3); }
  | primary_nb LBRACK expr_opt COLON expr_opt RBRACK {
      $$ = ctx.tree.add(K::SliceExpr, $2.pos, {$1, $3, $5, None}); }
  | primary_nb LBRACK expr_opt COLON expr_opt COLON expr_opt RBRACK {
      $$ = ctx.slice3($1, $2.pos, $3, $5, $7, $6.pos); }
  | primary_nb LPAREN args RPAREN { $$ = ctx.call($1, $2.pos, $3, false); }
  | primary_nb LPAREN args ELLIPSIS comma_opt RPAREN { $$ = ctx.call($1, $2.pos, $3, true); }
  ;

%%

namespace origo::syntax::bison {

Parser::symbol_type yylex(ParseContext &ctx) {
  // Context for error messages: the open if/for/switch header and the
  // brace depth, both as they were before the lookahead token (updated for
  // the previous token only once the parser asks for the next one).
  switch (ctx.last.kind) {
  case Tok::If: case Tok::For: case Tok::Switch:
    ctx.header = ctx.last.kind;
    ctx.headerSemis = 0;
    break;
  case Tok::Semi:
    ++ctx.headerSemis;
    break;
  case Tok::LBrace:
    ctx.header = Tok::EOF_;
    ++ctx.braceDepth;
    break;
  case Tok::RBrace:
    if (ctx.braceDepth > 0) --ctx.braceDepth;
    break;
  case Tok::Var: case Tok::Const: case Tok::Type:
    ctx.declKeyword = ctx.last.kind;
    break;
  default:
    break;
  }
  Token t = ctx.lexer.next();
  if (ctx.importPathError) {
    ctx.diags.syntaxError(t.pos, "syntax error: import path must be a string");
    ctx.importPathError = false;
  }
  t.directivesBefore = uint32_t(ctx.lexer.directives().size());
  // The directives since the previous token belong to this one; a
  // declaration starting here takes them (attachDirectives), anything else
  // leaves them misplaced, as gc's parser does.
  t.directivesFrom = ctx.directivesConsumed;
  ctx.directivesConsumed = t.directivesBefore;
  if (t.directivesFrom < t.directivesBefore) {
    if (t.kind == Tok::Package) ctx.fileDirectivesEnd = t.directivesBefore;
    else ctx.directivesAt[t.pos] = {t.directivesFrom, t.directivesBefore};
  }
  ctx.prev = ctx.last;
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
  auto E = [&](symbol_kind_type k) {
    for (int i = 0; i < n; ++i)
      if (expected[i] == k) return true;
    return false;
  };
  using S = symbol_kind;
  Tok la = ctx.last.kind, prev = ctx.prev.kind;
  Pos at = ctx.last.pos;
  // gc: after the first error, errors at EOF are meaningless follow-ups.
  if (la == Tok::EOF_ && ctx.sawSyntaxError) return;
  ctx.sawSyntaxError = true;
  std::string unexpected = "syntax error: unexpected " + ctx.describe(ctx.last);
  auto report = [&](const std::string &m) { ctx.diags.syntaxError(at, m); };
  // The header is open until its block's brace; the lookahead may be it.
  if (ctx.prev.kind == Tok::If || ctx.prev.kind == Tok::For || ctx.prev.kind == Tok::Switch) ctx.header = ctx.prev.kind;
  const char *header = ctx.header == Tok::If ? "if" : ctx.header == Tok::For ? "for" : ctx.header == Tok::Switch ? "switch" : nullptr;

  // gc's parser knows what it was parsing; origo reconstructs it from the
  // previous token, the open header and the tokens that could come next.
  if (prev == Tok::Chan)
    return report("syntax error: missing channel element type");
  if (prev == Tok::Else)
    return report("syntax error: else must be followed by if or statement block");
  if (la == Tok::Var && (prev == Tok::If || prev == Tok::For || prev == Tok::Switch))
    return report(std::string("syntax error: var declaration not allowed in ") + std::string(tokSpelling(prev)) + " initializer");
  if (E(S::S_FUNC) && E(S::S_VAR) && !E(S::S_FOR)) {
    if (la == Tok::LBrace) return report("syntax error: unexpected semicolon or newline before {");
    return report("syntax error: non-declaration statement outside function body");
  }
  if (ctx.declKeyword == Tok::Type && E(S::S_ASSIGN) && E(S::S_STRUCT) && E(S::S_INTERFACE) && !E(S::S_SEMI))
    return report(unexpected + " in type declaration");
  if (header && ctx.header == Tok::For && la == Tok::LBrace && E(S::S_SEMI) && E(S::S_IDENT) && !E(S::S_LBRACE))
    return report(unexpected + ", expecting for loop condition");
  if (header && E(S::S_LBRACE) && la != Tok::LBrace && !E(S::S_RBRACE)) {
    // gc asks for the block after the whole header; before the first
    // semicolon it asks for a plain {.
    if (ctx.headerSemis == 0) return report(unexpected + ", expecting {");
    if (ctx.header == Tok::Switch) return report("syntax error: missing { after switch clause");
    return report(unexpected + ", expecting { after " + header + " clause");
  }
  if (prev == Tok::Ellipsis && E(S::S_STRUCT))
    return report("syntax error: ... is missing type");
  if (E(S::S_ASSIGN) && E(S::S_STRUCT) && E(S::S_COMMA))
    return report(unexpected + ", expecting type");
  if (E(S::S_INT) && E(S::S_IDENT) && !E(S::S_SEMI) && !E(S::S_RBRACE))
    return report(unexpected + ", expecting expression");
  if (E(S::S_COLON) && E(S::S_COMMA) && !E(S::S_RBRACE) && !E(S::S_RBRACK))
    return report(unexpected + ", expecting :");
  if (E(S::S_SEMI) && E(S::S_RPAREN) && !E(S::S_COMMA))
    return report(unexpected + " in grouped declaration; possibly missing semicolon or newline or )");
  if (E(S::S_COMMA) && E(S::S_RPAREN) && E(S::S_ELLIPSIS))
    return report(unexpected + " in argument list; possibly missing comma or )");
  if (E(S::S_COMMA) && E(S::S_RBRACE) && E(S::S_COLON))
    return report(unexpected + " in composite literal; possibly missing comma or }");
  if (E(S::S_CASE) && E(S::S_DEFAULT) && E(S::S_RBRACE) && !E(S::S_FOR) && !E(S::S_SEMI))
    return report(unexpected + ", expecting case or default or }");
  if (E(S::S_FOR) && E(S::S_RBRACE))
    return report(unexpected + ", expecting }");
  if (E(S::S_SEMI) && E(S::S_RBRACE) && ctx.braceDepth > 0)
    return report(unexpected + " at end of statement");
  if (E(S::S_SEMI) && ctx.braceDepth == 0 && !E(S::S_RPAREN))
    return report(unexpected + " after top level declaration");
  if (E(S::S_COMMA) && E(S::S_RPAREN))
    return report(unexpected + ", expecting comma or )");
  if (E(S::S_RPAREN)) return report(unexpected + ", expecting )");
  if (E(S::S_RBRACK)) return report(unexpected + ", expecting ]");
  if (E(S::S_RBRACE) && la == Tok::EOF_) return report(unexpected + ", expecting }");
  std::string msg = unexpected;
  if (n == 1 || n == 2) {
    msg += ", expecting ";
    for (int i = 0; i < n; ++i) {
      if (i) msg += " or ";
      msg += ctx.describeKind(symbol_name(expected[i]));
    }
  }
  report(msg);
}

} // namespace origo::syntax::bison
