//===- test/unit/lexer_test.cpp - the Go lexer ----------------------------===//
/// \file
/// Every token kind, every literal form, positions, semicolon insertion and
/// the lexer's errors (gc's wording).
//===----------------------------------------------------------------------===//
#include "frontend/frontend.h"

#include <gtest/gtest.h>

using namespace origo;
using namespace origo::syntax;

namespace {

struct Lexed {
  std::vector<Token> toks;
  std::vector<std::string> errors;
};

/// Lexes src (kept alive in the SourceManager) up to EOF.
Lexed lex(SourceManager &sm, const std::string &src, bool keepEOFSemi = false) {
  Diagnostics d;
  uint32_t id = sm.add("x.go", src);
  Lexer l(sm, id, d);
  Lexed out;
  for (int i = 0; i < 10000; ++i) {
    Token t = l.next();
    if (t.kind == Tok::EOF_) break;
    if (t.kind == Tok::Semi && t.text == "EOF" && !keepEOFSemi) continue;
    out.toks.push_back(t);
  }
  for (const Diagnostic &e : d.all())
    out.errors.push_back(std::to_string(e.pos.line) + ":" + std::to_string(e.pos.col) + ": " + e.msg);
  return out;
}

std::vector<Tok> kinds(const Lexed &l) {
  std::vector<Tok> k;
  for (const Token &t : l.toks) k.push_back(t.kind);
  return k;
}

TEST(Lexer, EveryOperatorAndPunctuation) {
  SourceManager sm;
  struct { const char *text; Tok kind; } ops[] = {
      {"+", Tok::Add}, {"-", Tok::Sub}, {"*", Tok::Mul}, {"/", Tok::Quo}, {"%", Tok::Rem},
      {"&", Tok::And}, {"|", Tok::Or}, {"^", Tok::Xor}, {"<<", Tok::Shl}, {">>", Tok::Shr},
      {"&^", Tok::AndNot}, {"+=", Tok::AddAssign}, {"-=", Tok::SubAssign}, {"*=", Tok::MulAssign},
      {"/=", Tok::QuoAssign}, {"%=", Tok::RemAssign}, {"&=", Tok::AndAssign}, {"|=", Tok::OrAssign},
      {"^=", Tok::XorAssign}, {"<<=", Tok::ShlAssign}, {">>=", Tok::ShrAssign},
      {"&^=", Tok::AndNotAssign}, {"&&", Tok::LAnd}, {"||", Tok::LOr}, {"<-", Tok::Arrow},
      {"++", Tok::Inc}, {"--", Tok::Dec}, {"==", Tok::Eql}, {"<", Tok::Lss}, {">", Tok::Gtr},
      {"=", Tok::Assign}, {"!", Tok::Not}, {"~", Tok::Tilde}, {"!=", Tok::Neq}, {"<=", Tok::Leq},
      {">=", Tok::Geq}, {":=", Tok::Define}, {"...", Tok::Ellipsis}, {"(", Tok::LParen},
      {"[", Tok::LBrack}, {"{", Tok::LBrace}, {",", Tok::Comma}, {".", Tok::Period},
      {")", Tok::RParen}, {"]", Tok::RBrack}, {"}", Tok::RBrace}, {";", Tok::Semi}, {":", Tok::Colon},
  };
  for (auto &op : ops) {
    Lexed l = lex(sm, std::string(op.text) + " ");
    ASSERT_FALSE(l.toks.empty()) << op.text;
    EXPECT_EQ(l.toks[0].kind, op.kind) << op.text;
    EXPECT_EQ(l.toks[0].text, op.kind == Tok::Semi ? "semicolon" : op.text);
    EXPECT_TRUE(l.errors.empty()) << op.text;
  }
}

TEST(Lexer, EveryKeyword) {
  SourceManager sm;
  const char *kw[] = {"break", "case", "chan", "const", "continue", "default", "defer", "else",
                      "fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
                      "map", "package", "range", "return", "select", "struct", "switch", "type", "var"};
  for (const char *k : kw) {
    Lexed l = lex(sm, std::string(k) + " ");
    ASSERT_EQ(l.toks.size(), 1u) << k;
    EXPECT_NE(l.toks[0].kind, Tok::Ident) << k;
    EXPECT_EQ(tokSpelling(l.toks[0].kind), k);
  }
  // Names that merely start with a keyword are names.
  Lexed l = lex(sm, "iffy forty _x αβ x9 ");
  EXPECT_EQ(kinds(l), (std::vector<Tok>{Tok::Ident, Tok::Ident, Tok::Ident, Tok::Ident, Tok::Ident}));
}

TEST(Lexer, IntegerLiterals) {
  SourceManager sm;
  for (const char *lit : {"0", "42", "4_2", "0600", "0_600", "0o600", "0O600", "0xBadFace",
                          "0xBad_Face", "0x_67_7a_2f_cc_40_c6", "0b1011", "0B_1_0",
                          "170141183460469231731687303715884105727"}) {
    Lexed l = lex(sm, std::string(lit) + " ");
    ASSERT_EQ(l.toks.size(), 1u) << lit;
    EXPECT_EQ(l.toks[0].kind, Tok::Int) << lit;
    EXPECT_EQ(l.toks[0].text, lit);
    EXPECT_TRUE(l.errors.empty()) << lit << ": " << (l.errors.empty() ? "" : l.errors[0]);
  }
}

TEST(Lexer, FloatAndImaginaryLiterals) {
  SourceManager sm;
  for (const char *lit : {"0.", "72.40", "072.40", "2.71828", "1.e+0", "6.67428e-11", "1E6", ".25",
                          ".12345E+5", "1_5.", "0.15e+0_2", "0x1p-2", "0x2.p10", "0x1.Fp+0", "0X.8p-0",
                          "0X_1FFFP-16"}) {
    Lexed l = lex(sm, std::string(lit) + " ");
    ASSERT_EQ(l.toks.size(), 1u) << lit;
    EXPECT_EQ(l.toks[0].kind, Tok::Float) << lit;
    EXPECT_TRUE(l.errors.empty()) << lit;
  }
  for (const char *lit : {"0i", "0123i", "0o123i", "0xabci", "0.i", "2.71828i", "1.e+0i", "1E6i", ".25i",
                          "0x1p-2i"}) {
    Lexed l = lex(sm, std::string(lit) + " ");
    ASSERT_EQ(l.toks.size(), 1u) << lit;
    EXPECT_EQ(l.toks[0].kind, Tok::Imag) << lit;
    EXPECT_TRUE(l.errors.empty()) << lit;
  }
}

TEST(Lexer, MalformedNumbersAreReportedLikeGc) {
  SourceManager sm;
  struct { const char *src, *err; } cases[] = {
      {"0x ", "1:3: hexadecimal literal has no digits"},
      {"0b102 ", "1:5: invalid digit '2' in binary literal"},
      {"09 ", "1:2: invalid digit '9' in octal literal"},
      {"1__0 ", "1:3: '_' must separate successive digits"}, // at the second '_', as gc
      {"1_ ", "1:2: '_' must separate successive digits"},
      {"0x1.0 ", "1:6: hexadecimal mantissa requires a 'p' exponent"},
      {"1e ", "1:3: exponent has no digits"},
      {"0b1.0 ", "1:4: invalid radix point in binary literal"},
  };
  for (auto &c : cases) {
    Lexed l = lex(sm, c.src);
    ASSERT_FALSE(l.errors.empty()) << c.src;
    EXPECT_EQ(l.errors[0], c.err) << c.src;
  }
}

TEST(Lexer, RuneAndStringLiterals) {
  SourceManager sm;
  Lexed l = lex(sm, R"('a' 'ä' '\t' '\000' '\x07' '\u12e4' '\U00101234' '\'' "" "abc" "\n\"" "日本語" "\xff\u00FF" `raw\n`)");
  ASSERT_EQ(l.toks.size(), 14u);
  for (int i = 0; i < 7; ++i) EXPECT_EQ(l.toks[size_t(i)].kind, Tok::Char);
  for (size_t i = 8; i < 14; ++i) EXPECT_EQ(l.toks[i].kind, Tok::String);
  EXPECT_TRUE(l.errors.empty()) << l.errors[0];
  EXPECT_EQ(unquote("\"\\n\\\"\""), "\n\"");
  EXPECT_EQ(unquote("\"\\xff\\u00FF\""), std::string("\xff\xc3\xbf"));
  EXPECT_EQ(unquote("`a\r\nb`"), "a\nb"); // carriage returns dropped from raw strings
  EXPECT_EQ(unquoteRune("'\\U00101234'"), 0x101234u);
  EXPECT_EQ(unquoteRune("'ä'"), 0xE4u);
  EXPECT_EQ(unquoteRune("'\\000'"), 0u);
}

TEST(Lexer, BadRunesAndStrings) {
  SourceManager sm;
  struct { const char *src, *err; } cases[] = {
      {"'' ", "1:1: empty rune literal or unescaped ' in rune literal"},
      {"'ab' ", "1:1: more than one character in rune literal"},
      {"'\\q' ", "1:2: unknown escape"},
      {"\"abc\n\"", "1:5: newline in string"},
      {"\"abc", "1:1: string literal not terminated"},
      {"`abc", "1:1: string literal not terminated"},
      {"'\\400' ", "1:2: octal escape value 256 > 255"},
      {"\"\\uD800\"", "1:2: escape is invalid Unicode code point U+D800"},
      {"/* x", "1:1: comment not terminated"},
      {"@", "1:1: invalid character U+0040 '@'"},
      {"a\x80", "1:2: invalid UTF-8 encoding"},
  };
  for (auto &c : cases) {
    Lexed l = lex(sm, c.src);
    ASSERT_FALSE(l.errors.empty()) << c.src;
    EXPECT_EQ(l.errors[0], c.err) << c.src;
  }
  Lexed nul = lex(sm, std::string("a\0b", 3));
  ASSERT_FALSE(nul.errors.empty());
  EXPECT_EQ(nul.errors[0], "1:2: invalid NUL character");
}

TEST(Lexer, SemicolonInsertion) {
  SourceManager sm;
  // After names, literals, the four keywords, ++ -- ) ] }: a newline is a semicolon.
  Lexed l = lex(sm, "x\n1\n\"s\"\nbreak\ncontinue\nfallthrough\nreturn\ni++\ni--\n)\n]\n}\n");
  std::vector<Tok> k = kinds(l);
  std::vector<Tok> want = {Tok::Ident, Tok::Semi, Tok::Int, Tok::Semi, Tok::String, Tok::Semi,
                           Tok::Break, Tok::Semi, Tok::Continue, Tok::Semi, Tok::Fallthrough, Tok::Semi,
                           Tok::Return, Tok::Semi, Tok::Ident, Tok::Inc, Tok::Semi, Tok::Ident, Tok::Dec,
                           Tok::Semi, Tok::RParen, Tok::Semi, Tok::RBrack, Tok::Semi, Tok::RBrace, Tok::Semi};
  EXPECT_EQ(k, want);
  EXPECT_EQ(l.toks[1].text, "newline");
  // Not after operators, opening brackets or other keywords.
  Lexed n = lex(sm, "x +\ny (\n[\n{\nif\nfunc\n,\n");
  for (const Token &t : n.toks) EXPECT_NE(t.kind, Tok::Semi) << t.text;
  // At EOF, and through comments.
  Lexed e = lex(sm, "x", true);
  ASSERT_EQ(e.toks.size(), 2u);
  EXPECT_EQ(e.toks[1].text, "EOF");
  Lexed c = lex(sm, "x // comment\ny /* multi\nline */ z /* one line */\n");
  EXPECT_EQ(kinds(c), (std::vector<Tok>{Tok::Ident, Tok::Semi, Tok::Ident, Tok::Semi, Tok::Ident, Tok::Semi}));
  EXPECT_EQ(c.toks[3].pos.line, 2u); // the general comment's position
}

TEST(Lexer, PositionsAndDirectives) {
  SourceManager sm;
  Diagnostics d;
  uint32_t id = sm.add("x.go", "\xEF\xBB\xBFpackage p\n\n//go:noinline\nfunc  f() {}\n");
  Lexer l(sm, id, d);
  Token t = l.next();
  EXPECT_EQ(t.kind, Tok::Package);
  EXPECT_EQ(t.pos.line, 1u);
  EXPECT_EQ(t.pos.col, 4u); // the BOM occupies columns 1-3
  l.next(); // p
  l.next(); // ;
  Token f = l.next();
  EXPECT_EQ(f.kind, Tok::Func);
  EXPECT_EQ(f.pos.line, 4u);
  Token name = l.next();
  EXPECT_EQ(name.pos.col, 7u);
  ASSERT_EQ(l.directives().size(), 1u);
  EXPECT_EQ(l.directives()[0].text, "go:noinline");
  EXPECT_EQ(l.directives()[0].pos.line, 3u);
  EXPECT_TRUE(d.empty());
}

TEST(SourceManager, AddingFilesNeverMovesOldText) {
  // Trees keep string_views into file text; a short text lives inside the
  // std::string object, so the store must never relocate files.
  SourceManager sm;
  uint32_t id = sm.add("x.go", "package test\n");
  const char *text = sm.file(id).text.data();
  for (int i = 0; i < 100; ++i) sm.add("y" + std::to_string(i) + ".go", "package y\n");
  EXPECT_EQ(sm.file(id).text.data(), text);
  EXPECT_EQ(std::string_view(text, 12), "package test");
}

TEST(Parser, DirectivesBelongToTheNextDeclaration) {
  SourceManager sm;
  Diagnostics d;
  uint32_t id = sm.add("x.go", "//go:build linux\n\npackage p\n\n//go:noinline\nfunc f() {\n"
                               "\t//go:nosplit\n\tvar x int\n\t_ = x\n\t//go:notinheap\n\ttype L int\n}\n\n"
                               "//go:noescape\n\nfunc g()\n\nvar v = func() {} //go:noinline\n"
                               "//go:notinheap\ntype (\n\t//go:notinheap\n\tT int\n)\n");
  auto t = parseFile(sm, id, d);
  NodeId f = t->kid(t->root, 1), g = t->kid(t->root, 2), v = t->kid(t->root, 3);
  EXPECT_TRUE(t->hasDirective(f, "noinline"));
  EXPECT_FALSE(t->hasDirective(f, "nosplit")); // it precedes a var inside the body
  EXPECT_FALSE(t->hasDirective(f, "build"));   // the file's
  EXPECT_TRUE(t->hasDirective(g, "noescape")); // blank lines do not matter
  EXPECT_FALSE(t->hasDirective(g, "noinline"));
  EXPECT_FALSE(t->hasDirective(v, "noinline"));
  // Misplaced: before a var, after code on its line, before a group.
  std::vector<std::string> got;
  for (const Diagnostic &e : d.all()) got.push_back(std::to_string(e.pos.line) + ":" + std::to_string(e.pos.col) + " " + e.msg);
  EXPECT_EQ(got, (std::vector<std::string>{"7:4 misplaced compiler directive", "18:21 misplaced compiler directive",
                                           "19:3 misplaced compiler directive"}));
}

TEST(Parser, CaseClausePositionsSurviveNestedSwitches) {
  SourceManager sm;
  Diagnostics d;
  uint32_t id = sm.add("x.go", "package p\nfunc f() {\n\tswitch {\n\tcase true:\n"
                               "\t\tswitch {\n\t\tcase false:\n\t\t}\n\t\tf()\n\t}\n}\n");
  auto t = parseFile(sm, id, d);
  ASSERT_TRUE(d.empty());
  NodeId body = t->kid(t->kid(t->root, 1), 4);
  NodeId sw = t->kid(body, 0);
  NodeId clause = t->kid(sw, 2);
  EXPECT_EQ((*t)[clause].pos.line, 4u);
  EXPECT_EQ((*t)[clause].pos.col, 2u);
  EXPECT_EQ((*t)[t->kid(clause, 1)].pos.line, 4u); // the body starts at the colon
  EXPECT_EQ((*t)[t->kid(clause, 1)].pos.col, 11u);
}

} // namespace
