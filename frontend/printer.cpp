//===- frontend/printer.cpp - Go source printer ---------------------------===//
/// \file
/// Prints a syntax tree as Go source that parses back to the same tree.
///
/// The printer never recurses: printing a node expands it into a short
/// sequence of items (fixed text, child nodes, line breaks) pushed on an
/// explicit stack, so arbitrarily deep trees print in bounded native stack.
///
/// What the tree does not record is chosen so the parser reads it back the
/// same way:
///   - statements end with a newline and rely on Go's semicolon rule (every
///     statement ends in a token that inserts one); a label on an empty
///     statement gets an explicit `;`;
///   - parentheses are the tree's ParenExpr nodes; more are added only
///     where a hand-built tree would otherwise read differently (a
///     lower-precedence operand, an operator under a primary expression);
///   - `a, b T` is printed grouped when the Fields share one type node;
///   - a lone type parameter of a generic type gets a trailing comma, so
///     `type T[P *C,] ...` is not read as an array length (gofmt does the
///     same);
///   - //go: and //line directives are printed, in order, before the first
///     declaration that follows them.
//===----------------------------------------------------------------------===//
#include "frontend/printer.h"

#include <algorithm>
#include <vector>

namespace origo::syntax {

namespace {

using K = NodeKind;

/// Go's five levels of binary operator precedence (0: not a binary operator).
int precedence(Tok op) {
  switch (op) {
  case Tok::LOr: return 1;
  case Tok::LAnd: return 2;
  case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq: return 3;
  case Tok::Add: case Tok::Sub: case Tok::Or: case Tok::Xor: return 4;
  case Tok::Mul: case Tok::Quo: case Tok::Rem: case Tok::Shl: case Tok::Shr: case Tok::And:
  case Tok::AndNot: return 5;
  default: return 0;
  }
}

class Printer {
public:
  explicit Printer(const Tree &t) : t_(t) {}

  std::string run() {
    if (t_.root.valid()) push(t_.root);
    while (!stack_.empty()) {
      Item it = stack_.back();
      stack_.pop_back();
      switch (it.kind) {
      case Item::Text: out_ += it.text; break;
      case Item::Newline: newline(); break;
      case Item::Indent: ++depth_; break;
      case Item::Dedent: --depth_; break;
      case Item::Directives: directivesBefore(it.node); break;
      case Item::Node:
        seq_.clear();
        expand(it.node);
        for (size_t i = seq_.size(); i-- > 0;) stack_.push_back(seq_[i]);
        break;
      }
    }
    directivesBefore(None);
    return std::move(out_);
  }

private:
  struct Item {
    enum Kind : uint8_t { Text, Node, Newline, Indent, Dedent, Directives } kind;
    NodeId node;
    std::string_view text;
  };

  void push(NodeId n) { stack_.push_back({Item::Node, n, {}}); }

  // The pieces of one expansion, in output order.
  void text(std::string_view s) { seq_.push_back({Item::Text, None, s}); }
  void node(NodeId n) {
    if (n.valid()) seq_.push_back({Item::Node, n, {}});
  }
  void nl() { seq_.push_back({Item::Newline, None, {}}); }
  void indent() { seq_.push_back({Item::Indent, None, {}}); }
  void dedent() { seq_.push_back({Item::Dedent, None, {}}); }
  /// Prints the directives that come before n in the source (all left if None).
  void directives(NodeId n) { seq_.push_back({Item::Directives, n, {}}); }

  void newline() {
    out_ += '\n';
    // Deep nesting must stay linear in output size.
    out_.append(size_t(std::clamp(depth_, 0, 32)), '\t');
  }

  void directivesBefore(NodeId n) {
    const std::vector<Directive> &ds = t_.directives;
    for (; nextDirective_ < ds.size(); ++nextDirective_) {
      if (n.valid() && !(ds[nextDirective_].pos < leftmostPos(n))) break;
      if (!out_.empty() && out_.back() != '\n') out_ += '\n';
      out_ += "//";
      out_ += ds[nextDirective_].text;
      out_ += '\n';
    }
  }

  NodeId kid(NodeId n, size_t i) const { return t_.kid(n, i); }
  size_t count(NodeId n) const { return t_.numKids(n); }
  K kindOf(NodeId n) const { return t_.kind(n); }
  bool is(NodeId n, K k) const { return n.valid() && t_.kind(n) == k; }

  /// Kids [from, end) of n separated by sep.
  void list(NodeId n, size_t from, std::string_view sep) {
    for (size_t i = from; i < count(n); ++i) {
      if (i > from) text(sep);
      node(kid(n, i));
    }
  }

  void parens(NodeId n) {
    text("(");
    node(n);
    text(")");
  }

  /// An operand of a primary expression (x.f, x[i], x(), x.(T), T{}):
  /// operators must be parenthesized there.
  void primary(NodeId x) {
    if (is(x, K::BinaryExpr) || is(x, K::UnaryExpr) || is(x, K::StarExpr) || is(x, K::KeyValueExpr))
      parens(x);
    else
      node(x);
  }

  /// The operand of a unary operator: binary operators need parentheses,
  /// and a nested operator a space (`- -x`, not `--x`).
  void unaryOperand(NodeId x) {
    if (is(x, K::BinaryExpr)) {
      parens(x);
      return;
    }
    if (is(x, K::UnaryExpr) || is(x, K::StarExpr) || is(x, K::ChanType)) text(" ");
    node(x);
  }

  /// The statements of a block, each on its own line, one level in.
  void stmts(NodeId block) {
    indent();
    for (size_t i = 0; i < count(block); ++i) {
      nl();
      node(kid(block, i));
    }
    dedent();
  }

  void block(NodeId b) {
    if (count(b) == 0) {
      text("{}");
      return;
    }
    text("{");
    stmts(b);
    nl();
    text("}");
  }

  /// `keyword spec` or `keyword (specs)` for import, const, var and type.
  void group(NodeId decl, std::string_view keyword) {
    text(keyword);
    if (t_[decl].op != Tok::LParen) {
      text(" ");
      list(decl, 0, "");
      return;
    }
    if (count(decl) == 0) {
      text(" ()");
      return;
    }
    text(" (");
    indent();
    for (size_t i = 0; i < count(decl); ++i) {
      // Directives inside the group belong to the spec they precede.
      directives(kid(decl, i));
      nl();
      node(kid(decl, i));
    }
    dedent();
    nl();
    text(")");
  }

  /// Parameters or type parameters: `a, b int, c ...string`. Consecutive
  /// named fields sharing a type node were written as a group.
  void fields(NodeId list) {
    size_t n = count(list);
    for (size_t i = 0; i < n; ++i) {
      NodeId f = kid(list, i);
      if (i > 0) text(", ");
      NodeId name = kid(f, 0), type = kid(f, 1);
      if (name.valid()) {
        node(name);
        if (i + 1 < n) {
          NodeId g = kid(list, i + 1);
          if (kid(g, 0).valid() && kid(g, 1) == type && t_[g].op == t_[f].op) continue;
        }
        text(" ");
      }
      if (t_[f].op == Tok::Ellipsis) text("...");
      node(type);
    }
  }

  void params(NodeId list) {
    text("(");
    fields(list);
    text(")");
  }

  /// `(params) results` of a function type.
  void signature(NodeId ft) {
    params(kid(ft, 0));
    NodeId results = kid(ft, 1);
    size_t n = count(results);
    if (n == 0) return;
    text(" ");
    NodeId f = kid(results, 0);
    if (n == 1 && !kid(f, 0).valid() && t_[f].op != Tok::Ellipsis)
      node(kid(f, 1));
    else
      params(results);
  }

  void typeParams(NodeId list, bool typeSpec) {
    text("[");
    fields(list);
    // `type T[P *C] ...` alone would read as an array type.
    if (typeSpec && count(list) == 1) text(",");
    text("]");
  }

  void structType(NodeId st) {
    size_t n = count(st);
    if (n == 0) {
      text("struct{}");
      return;
    }
    text("struct {");
    for (size_t i = 0; i < n; ++i) {
      NodeId f = kid(st, i);
      NodeId name = kid(f, 0), type = kid(f, 1), tag = kid(f, 2);
      if (name.valid()) {
        node(name);
        if (i + 1 < n) {
          NodeId g = kid(st, i + 1);
          if (kid(g, 0).valid() && kid(g, 1) == type && kid(g, 2) == tag) {
            text(", ");
            continue;
          }
        }
        text(" ");
      }
      node(type);
      if (tag.valid()) {
        text(" ");
        node(tag);
      }
      text(i + 1 < n ? "; " : " ");
    }
    text("}");
  }

  void interfaceType(NodeId it) {
    size_t n = count(it);
    if (n == 0) {
      text("interface{}");
      return;
    }
    text("interface {");
    for (size_t i = 0; i < n; ++i) {
      NodeId f = kid(it, i);
      NodeId name = kid(f, 0), type = kid(f, 1);
      if (name.valid() && is(type, K::FuncType)) {
        node(name);
        signature(type);
      } else {
        node(type);
      }
      text(i + 1 < n ? "; " : " ");
    }
    text("}");
  }

  /// Whether a composite literal's first child is its type. The parser
  /// stores an elided type (`{1, 2}` inside another literal) by leaving
  /// the slot out rather than as None; a type precedes the `{`, at the
  /// literal's position, while every element follows it.
  bool hasLitType(NodeId lit) {
    if (count(lit) == 0) return false;
    NodeId first = kid(lit, 0);
    if (!first.valid()) return false;
    return leftmostPos(first) < t_[lit].pos;
  }

  /// startPos, safe on elided literals with no slot for the type.
  Pos leftmostPos(NodeId n) const {
    for (;;) {
      switch (kindOf(n)) {
      case K::BinaryExpr: case K::CallExpr: case K::SelectorExpr: case K::IndexExpr:
      case K::SliceExpr: case K::TypeAssertExpr: case K::KeyValueExpr:
        n = kid(n, 0);
        continue;
      case K::CompositeLit:
        if (count(n) == 0 || !kid(n, 0).valid()) return t_[n].pos;
        n = kid(n, 0);
        continue;
      default:
        return t_[n].pos;
      }
    }
  }

  void compositeLit(NodeId lit) {
    size_t from = 0;
    if (count(lit) > 0 && !kid(lit, 0).valid()) {
      from = 1;
    } else if (hasLitType(lit)) {
      primary(kid(lit, 0));
      from = 1;
    }
    text("{");
    list(lit, from, ", ");
    text("}");
  }

  void binary(NodeId b) {
    int p = precedence(t_[b].op);
    NodeId x = kid(b, 0), y = kid(b, 1);
    if (is(x, K::BinaryExpr) && precedence(t_[x].op) < p) parens(x);
    else node(x);
    text(" ");
    text(tokSpelling(t_[b].op));
    text(" ");
    if (is(y, K::BinaryExpr) && precedence(t_[y].op) <= p) parens(y);
    else node(y);
  }

  void clause(NodeId c) {
    NodeId head = kid(c, 0);
    if (head.valid()) {
      text("case ");
      node(head);
      text(":");
    } else {
      text("default:");
    }
    stmts(kid(c, 1));
  }

  void expand(NodeId n) {
    const Node &x = t_[n];
    switch (x.kind) {
    // files and declarations
    case K::File:
      directives(kid(n, 0));
      text("package ");
      node(kid(n, 0));
      nl();
      for (size_t i = 1; i < count(n); ++i) {
        directives(kid(n, i));
        nl();
        node(kid(n, i));
        nl();
      }
      return;
    case K::ImportDecl: group(n, "import"); return;
    case K::ConstDecl: group(n, "const"); return;
    case K::VarDecl: group(n, "var"); return;
    case K::TypeDecl: group(n, "type"); return;
    case K::ImportSpec:
      if (kid(n, 0).valid()) {
        node(kid(n, 0));
        text(" ");
      }
      node(kid(n, 1));
      return;
    case K::ValueSpec:
      node(kid(n, 0));
      if (kid(n, 1).valid()) {
        text(" ");
        node(kid(n, 1));
      }
      if (kid(n, 2).valid()) {
        text(" = ");
        node(kid(n, 2));
      }
      return;
    case K::TypeSpec:
      node(kid(n, TypeSpecName));
      if (kid(n, TypeSpecParams).valid()) typeParams(kid(n, TypeSpecParams), true);
      text(x.op == Tok::Assign ? " = " : " ");
      node(kid(n, TypeSpecType));
      return;
    case K::FuncDecl:
      text("func ");
      if (kid(n, FuncRecv).valid()) {
        params(kid(n, FuncRecv));
        text(" ");
      }
      node(kid(n, FuncName));
      if (kid(n, FuncTypeParams).valid()) typeParams(kid(n, FuncTypeParams), false);
      signature(kid(n, FuncSig));
      if (kid(n, FuncBody).valid()) {
        text(" ");
        node(kid(n, FuncBody));
      }
      return;

    // types
    case K::FuncType:
      text("func");
      signature(n);
      return;
    case K::FieldList: params(n); return;
    case K::Field:
      // Only reached for a Field out of its usual place.
      if (kid(n, 0).valid()) {
        node(kid(n, 0));
        text(" ");
      }
      if (x.op == Tok::Ellipsis) text("...");
      node(kid(n, 1));
      if (count(n) > 2 && kid(n, 2).valid()) {
        text(" ");
        node(kid(n, 2));
      }
      return;
    case K::SliceType:
      text("[]");
      node(kid(n, 0));
      return;
    case K::ArrayType:
      text("[");
      if (kid(n, 0).valid()) node(kid(n, 0));
      else text("...");
      text("]");
      node(kid(n, 1));
      return;
    case K::MapType:
      text("map[");
      node(kid(n, 0));
      text("]");
      node(kid(n, 1));
      return;
    case K::ChanType: {
      NodeId elem = kid(n, 0);
      if (x.op == Tok::Arrow) text("<-chan ");
      else if (x.op == Tok::Assign) text("chan<- ");
      else text("chan ");
      // `chan <-chan T` would read as `chan<- (chan T)`.
      if (x.op == Tok::Chan && is(elem, K::ChanType) && t_[elem].op == Tok::Arrow) parens(elem);
      else node(elem);
      return;
    }
    case K::StructType: structType(n); return;
    case K::InterfaceType: interfaceType(n); return;

    // statements
    case K::Block: block(n); return;
    case K::EmptyStmt: text(";"); return;
    case K::ExprStmt: node(kid(n, 0)); return;
    case K::SendStmt:
      node(kid(n, 0));
      text(" <- ");
      node(kid(n, 1));
      return;
    case K::DeclStmt: node(kid(n, 0)); return;
    case K::AssignStmt:
      node(kid(n, 0));
      text(" ");
      text(tokSpelling(x.op));
      text(" ");
      node(kid(n, 1));
      return;
    case K::IncDecStmt:
      node(kid(n, 0));
      text(x.op == Tok::Inc ? "++" : "--");
      return;
    case K::GoStmt:
      text("go ");
      node(kid(n, 0));
      return;
    case K::DeferStmt:
      text("defer ");
      node(kid(n, 0));
      return;
    case K::IfStmt:
      text("if ");
      if (kid(n, 0).valid()) {
        node(kid(n, 0));
        text("; ");
      }
      node(kid(n, 1));
      text(" ");
      node(kid(n, 2));
      if (kid(n, 3).valid()) {
        text(" else ");
        node(kid(n, 3));
      }
      return;
    case K::ForStmt: {
      NodeId init = kid(n, 0), cond = kid(n, 1), post = kid(n, 2);
      text("for ");
      if (init.valid() || post.valid()) {
        node(init);
        text("; ");
        node(cond);
        text("; ");
        node(post);
        if (post.valid()) text(" ");
      } else if (cond.valid()) {
        node(cond);
        text(" ");
      }
      node(kid(n, 3));
      return;
    }
    case K::RangeStmt:
      text("for ");
      if (x.op != Tok::EOF_) {
        node(kid(n, 0));
        if (kid(n, 1).valid()) {
          text(", ");
          node(kid(n, 1));
        }
        text(" ");
        text(tokSpelling(x.op));
        text(" ");
      }
      text("range ");
      node(kid(n, 2));
      text(" ");
      node(kid(n, 3));
      return;
    case K::SwitchStmt:
      text("switch ");
      if (kid(n, 0).valid()) {
        node(kid(n, 0));
        text("; ");
      }
      if (kid(n, 1).valid()) {
        node(kid(n, 1));
        text(" ");
      }
      text("{");
      for (size_t i = 2; i < count(n); ++i) {
        nl();
        node(kid(n, i));
      }
      nl();
      text("}");
      return;
    case K::TypeSwitchGuard:
      if (kid(n, 0).valid()) {
        node(kid(n, 0));
        text(" := ");
      }
      primary(kid(n, 1));
      text(".(type)");
      return;
    case K::CaseClause:
    case K::CommClause: clause(n); return;
    case K::SelectStmt:
      text("select {");
      for (size_t i = 0; i < count(n); ++i) {
        nl();
        node(kid(n, i));
      }
      nl();
      text("}");
      return;
    case K::ReturnStmt:
      text("return");
      if (count(n) > 0) {
        text(" ");
        list(n, 0, ", ");
      }
      return;
    case K::BranchStmt:
      text(tokSpelling(x.op));
      if (count(n) > 0 && kid(n, 0).valid()) {
        text(" ");
        node(kid(n, 0));
      }
      return;
    case K::LabeledStmt:
      node(kid(n, 0));
      if (kid(n, 1).valid() && !is(kid(n, 1), K::EmptyStmt)) {
        text(":");
        nl();
        node(kid(n, 1));
      } else {
        // Without the `;` the label would take the next statement.
        text(": ;");
      }
      return;

    // expressions
    case K::Ident:
    case K::BasicLit: text(x.text); return;
    case K::CompositeLit: compositeLit(n); return;
    case K::KeyValueExpr:
      node(kid(n, 0));
      text(": ");
      node(kid(n, 1));
      return;
    case K::FuncLit:
      text("func");
      signature(kid(n, 0));
      text(" ");
      node(kid(n, 1));
      return;
    case K::ParenExpr: parens(kid(n, 0)); return;
    case K::SelectorExpr:
      primary(kid(n, 0));
      text(".");
      node(kid(n, 1));
      return;
    case K::IndexExpr:
      primary(kid(n, 0));
      text("[");
      list(n, 1, ", ");
      text("]");
      return;
    case K::SliceExpr:
      primary(kid(n, 0));
      text("[");
      node(kid(n, 1));
      text(":");
      node(kid(n, 2));
      if (x.op == Tok::Colon) {
        text(":");
        node(kid(n, 3));
      }
      text("]");
      return;
    case K::TypeAssertExpr:
      primary(kid(n, 0));
      text(".(");
      if (kid(n, 1).valid()) node(kid(n, 1));
      else text("type");
      text(")");
      return;
    case K::CallExpr:
      primary(kid(n, 0));
      text("(");
      list(n, 1, ", ");
      if (x.op == Tok::Ellipsis) text("...");
      text(")");
      return;
    case K::StarExpr:
      text("*");
      unaryOperand(kid(n, 0));
      return;
    case K::UnaryExpr:
      text(tokSpelling(x.op));
      unaryOperand(kid(n, 0));
      return;
    case K::BinaryExpr: binary(n); return;
    case K::ExprList:
    case K::IdentList: list(n, 0, ", "); return;
    case K::Bad: text("_"); return;
    }
  }

  const Tree &t_;
  std::vector<Item> stack_; ///< pending output, next item last
  std::vector<Item> seq_;   ///< the expansion being built
  std::string out_;
  int depth_ = 0;
  size_t nextDirective_ = 0;
};

} // namespace

std::string printFile(const Tree &t) { return Printer(t).run(); }

} // namespace origo::syntax
