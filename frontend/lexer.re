//===- frontend/lexer.re - Go lexer (re2c input) --------------------------===//
/// \file
/// re2c recognises names, keywords, operators, comments and the start of
/// literals; literal bodies are scanned by hand so that their errors read
/// like gc's (Go spec, "Lexical elements"; gc's syntax/scanner.go).
/// Semicolons are inserted after a line's final token as the spec says.
//===----------------------------------------------------------------------===//
#include "frontend/lexer.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <cstring>

namespace origo::syntax {

std::string_view tokSpelling(Tok t) {
  switch (t) {
#define TOK(Name, Spelling, ParserTok) \
  case Tok::Name: return Spelling;
#include "frontend/tokens.def"
  }
  return "?";
}

Tok assignOpBinary(Tok t) {
  switch (t) {
  case Tok::AddAssign: return Tok::Add;
  case Tok::SubAssign: return Tok::Sub;
  case Tok::MulAssign: return Tok::Mul;
  case Tok::QuoAssign: return Tok::Quo;
  case Tok::RemAssign: return Tok::Rem;
  case Tok::AndAssign: return Tok::And;
  case Tok::OrAssign: return Tok::Or;
  case Tok::XorAssign: return Tok::Xor;
  case Tok::ShlAssign: return Tok::Shl;
  case Tok::ShrAssign: return Tok::Shr;
  case Tok::AndNotAssign: return Tok::AndNot;
  default: return Tok::EOF_;
  }
}

Lexer::Lexer(const SourceManager &sm, uint32_t file, Diagnostics &diags)
    : sm_(sm), file_(file), diags_(diags) {
  const std::string &text = sm.file(file).text;
  begin_ = cur_ = lineStart_ = text.c_str(); // c_str() ends in NUL: the sentinel
  lim_ = begin_ + text.size();
  // A byte-order mark is allowed at the very start only.
  if (text.size() >= 3 && std::memcmp(begin_, "\xEF\xBB\xBF", 3) == 0)
    cur_ += 3;
}

Pos Lexer::posAt(const char *p) const {
  uint32_t col = uint32_t(p - lineStart_ + 1);
  if (!based_) return Pos{file_, line_, col};
  // Relative to the last line directive, as gc's RelLine/RelCol: without
  // a column in the directive, columns are unknown (0).
  uint32_t line = baseLine_ + (line_ - basePhysLine_);
  uint32_t c = baseCol_ == 0 ? 0 : line_ == basePhysLine_ ? baseCol_ + (col - basePhysCol_) : col;
  return Pos{baseFile_, line, c};
}

/// gc's trailingDigits: the number after the last ':' of text.
static bool trailingNumber(std::string_view text, size_t &colon, uint64_t &n, bool &ok) {
  colon = text.rfind(':');
  if (colon == std::string_view::npos) return false;
  n = 0;
  ok = colon + 1 < text.size();
  for (size_t i = colon + 1; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') { ok = false; break; }
    n = n * 10 + uint64_t(text[i] - '0');
    if (n > (1u << 30)) n = (1u << 30) + 1;
  }
  return true;
}

void Lexer::lineDirective(std::string_view text, uint32_t physLine, uint32_t physCol, const char *at) {
  constexpr uint64_t posMax = 1u << 30;
  size_t i;
  uint64_t n;
  bool ok;
  if (!trailingNumber(text, i, n, ok)) return; // not a line directive
  Pos errPos = posAt(at);
  if (!ok) {
    diags_.error(errPos, "invalid line number: " + std::string(text.substr(i + 1)));
    return;
  }
  uint64_t line = n, col = 0;
  std::string_view name = text.substr(0, i);
  size_t i2;
  uint64_t n2;
  bool ok2;
  if (trailingNumber(name, i2, n2, ok2) && ok2) {
    // //line filename:line:col
    line = n2;
    col = n;
    if (col == 0 || col > posMax) {
      diags_.error(errPos, "invalid column number: " + std::string(text.substr(i + 1)));
      return;
    }
    name = name.substr(0, i2);
  } else {
    ok2 = false;
  }
  if (line == 0 || line > posMax) {
    diags_.error(errPos, "invalid line number: " + std::to_string(line));
    return;
  }
  std::string filename(name);
  if (filename.empty() && ok2) filename = sm_.file(based_ ? baseFile_ : file_).name;
  baseFile_ = sm_.addVirtual(filename);
  baseLine_ = uint32_t(line);
  baseCol_ = uint32_t(col);
  basePhysLine_ = physLine;
  basePhysCol_ = physCol;
  based_ = true;
}

void Lexer::error(const char *at, std::string msg) {
  // Errors at positions on earlier lines are computed by the caller.
  diags_.syntaxError(posAt(at), std::move(msg));
}

void Lexer::newline(const char *nl) {
  ++line_;
  lineStart_ = nl + 1;
}

Token Lexer::make(Tok k, const char *start) {
  Token t;
  t.kind = k;
  t.pos = posAt(start);
  t.text = std::string_view(start, size_t(cur_ - start));
  return t;
}

Token Lexer::next() {
  Token t = scan();
  switch (t.kind) {
  case Tok::Ident: case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::Char:
  case Tok::String: case Tok::Break: case Tok::Continue: case Tok::Fallthrough:
  case Tok::Return: case Tok::Inc: case Tok::Dec: case Tok::RParen:
  case Tok::RBrack: case Tok::RBrace:
    nlsemi_ = true;
    break;
  default:
    nlsemi_ = false;
  }
  return t;
}

namespace {
struct CodeRange { uint32_t lo, hi; };
#include "frontend/unicode_tables.inc"

bool inRanges(const CodeRange *begin, const CodeRange *end, uint32_t r) {
  const CodeRange *it = std::upper_bound(begin, end, r, [](uint32_t v, const CodeRange &c) { return v < c.lo; });
  return it != begin && r <= (it - 1)->hi;
}
} // namespace

/// Unicode letters and decimal digits beyond ASCII (spec "Letters and digits").
static bool isUnicodeLetter(uint32_t r) { return inRanges(std::begin(kLetterRanges), std::end(kLetterRanges), r); }
static bool isUnicodeDigit(uint32_t r) { return inRanges(std::begin(kDigitRanges), std::end(kDigitRanges), r); }

bool isUpperLetter(uint32_t r) {
  if (r < 0x80) return r >= 'A' && r <= 'Z';
  return inRanges(std::begin(kUpperRanges), std::end(kUpperRanges), r);
}

static std::string quoteChar(uint32_t r) {
  // gc's %#U: U+0040 '@'
  char buf[32];
  std::snprintf(buf, sizeof buf, "U+%04X", r);
  std::string s = buf;
  if (r >= 0x20 && r != 0x7f) {
    s += " '";
    appendUTF8(s, r);
    s += "'";
  }
  return s;
}

Token Lexer::scan() {
  const char *YYMARKER = nullptr;
  (void)YYMARKER;
  for (;;) {
    const char *start = cur_;
    /*!re2c
      re2c:define:YYCTYPE = "unsigned char";
      re2c:define:YYCURSOR = cur_;
      re2c:define:YYLIMIT = lim_;
      re2c:yyfill:enable = 0;
      re2c:eof = 0;
      re2c:define:YYMARKER = YYMARKER;

      letter = [a-zA-Z_] | [\x80-\xff];
      digit = [0-9];

      $ {
        if (nlsemi_) {
          Token t = make(Tok::Semi, start);
          t.text = "EOF";
          return t;
        }
        return make(Tok::EOF_, start);
      }
      [ \t\r]+ { continue; }
      "\n" {
        if (nlsemi_) {
          Token t = make(Tok::Semi, start);
          t.text = "newline";
          newline(start);
          return t;
        }
        newline(start);
        continue;
      }
      "//" [^\n\x00]* {
        std::string_view body(start + 2, size_t(cur_ - start - 2));
        if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
        if (body.rfind("go:", 0) == 0) {
          bool ownLine = true;
          for (const char *q = lineStart_; q < start; ++q) ownLine &= *q == ' ' || *q == '\t';
          directives_.push_back({posAt(start), std::string(body), ownLine});
        }
        // //line directives must start the line; they apply from the next.
        if (body.rfind("line ", 0) == 0 && start == lineStart_)
          lineDirective(body.substr(5), line_ + 1, 1, start + 7);
        continue;
      }
      "/*" {
        Pos at = posAt(start);
        bool multiline = false, closed = false;
        for (;;) {
          if (cur_ >= lim_) {
            diags_.syntaxError(at, "comment not terminated");
            break;
          }
          if (cur_[0] == '*' && cur_[1] == '/') { cur_ += 2; closed = true; break; }
          if (*cur_ == '\n') { multiline = true; newline(cur_); }
          ++cur_;
        }
        // /*line file:line:col*/ applies right after the comment.
        if (closed && !multiline && cur_ - start > 9 && std::memcmp(start + 2, "line ", 5) == 0)
          lineDirective(std::string_view(start + 7, size_t(cur_ - 2 - (start + 7))), line_,
                        uint32_t(cur_ - lineStart_ + 1), start + 7);
        if (multiline && nlsemi_) {
          Token t;
          t.kind = Tok::Semi;
          t.pos = at;
          t.text = "newline";
          return t;
        }
        continue;
      }

      "break"       { return make(Tok::Break, start); }
      "case"        { return make(Tok::Case, start); }
      "chan"        { return make(Tok::Chan, start); }
      "const"       { return make(Tok::Const, start); }
      "continue"    { return make(Tok::Continue, start); }
      "default"     { return make(Tok::Default, start); }
      "defer"       { return make(Tok::Defer, start); }
      "else"        { return make(Tok::Else, start); }
      "fallthrough" { return make(Tok::Fallthrough, start); }
      "for"         { return make(Tok::For, start); }
      "func"        { return make(Tok::Func, start); }
      "go"          { return make(Tok::Go, start); }
      "goto"        { return make(Tok::Goto, start); }
      "if"          { return make(Tok::If, start); }
      "import"      { return make(Tok::Import, start); }
      "interface"   { return make(Tok::Interface, start); }
      "map"         { return make(Tok::Map, start); }
      "package"     { return make(Tok::Package, start); }
      "range"       { return make(Tok::Range, start); }
      "return"      { return make(Tok::Return, start); }
      "select"      { return make(Tok::Select, start); }
      "struct"      { return make(Tok::Struct, start); }
      "switch"      { return make(Tok::Switch, start); }
      "type"        { return make(Tok::Type, start); }
      "var"         { return make(Tok::Var, start); }

      letter (letter | digit)* {
        Token t = make(Tok::Ident, start);
        // Non-ASCII bytes must form valid UTF-8, and letters or (not
        // first) digits; any other character still continues the name
        // (gc's scanner.atIdentChar).
        for (const char *p = start; p < cur_;) {
          if ((unsigned char)*p < 0x80) { ++p; continue; }
          size_t n;
          uint32_t r = decodeUTF8(p, size_t(cur_ - p), n);
          if (r == 0xFFFD && n == 1) {
            error(p, "invalid UTF-8 encoding");
            t.bad = true;
          } else if (r == 0xFEFF) {
            error(p, "invalid BOM in the middle of the file");
            t.bad = true;
          } else if (isUnicodeDigit(r)) {
            if (p == start) error(p, "identifier cannot begin with digit " + quoteChar(r));
          } else if (!isUnicodeLetter(r)) {
            error(p, "invalid character " + quoteChar(r) + " in identifier");
          }
          p += n;
        }
        return t;
      }

      digit | "." digit {
        cur_ = start;
        Token t;
        t.kind = Tok::Int;
        t.pos = posAt(start);
        t.bad = !scanNumber(start, t);
        t.text = std::string_view(start, size_t(cur_ - start));
        return t;
      }
      ["] { Token t; scanString(start, t); return t; }
      [`] { Token t; scanRawString(start, t); return t; }
      ['] { Token t; scanRune(start, t); return t; }

      "+"   { return make(Tok::Add, start); }
      "-"   { return make(Tok::Sub, start); }
      "*"   { return make(Tok::Mul, start); }
      "/"   { return make(Tok::Quo, start); }
      "%"   { return make(Tok::Rem, start); }
      "&"   { return make(Tok::And, start); }
      "|"   { return make(Tok::Or, start); }
      "^"   { return make(Tok::Xor, start); }
      "<<"  { return make(Tok::Shl, start); }
      ">>"  { return make(Tok::Shr, start); }
      "&^"  { return make(Tok::AndNot, start); }
      "+="  { return make(Tok::AddAssign, start); }
      "-="  { return make(Tok::SubAssign, start); }
      "*="  { return make(Tok::MulAssign, start); }
      "/="  { return make(Tok::QuoAssign, start); }
      "%="  { return make(Tok::RemAssign, start); }
      "&="  { return make(Tok::AndAssign, start); }
      "|="  { return make(Tok::OrAssign, start); }
      "^="  { return make(Tok::XorAssign, start); }
      "<<=" { return make(Tok::ShlAssign, start); }
      ">>=" { return make(Tok::ShrAssign, start); }
      "&^=" { return make(Tok::AndNotAssign, start); }
      "&&"  { return make(Tok::LAnd, start); }
      "||"  { return make(Tok::LOr, start); }
      "<-"  { return make(Tok::Arrow, start); }
      "++"  { return make(Tok::Inc, start); }
      "--"  { return make(Tok::Dec, start); }
      "=="  { return make(Tok::Eql, start); }
      "<"   { return make(Tok::Lss, start); }
      ">"   { return make(Tok::Gtr, start); }
      "="   { return make(Tok::Assign, start); }
      "!"   { return make(Tok::Not, start); }
      "~"   { return make(Tok::Tilde, start); }
      "!="  { return make(Tok::Neq, start); }
      "<="  { return make(Tok::Leq, start); }
      ">="  { return make(Tok::Geq, start); }
      ":="  { return make(Tok::Define, start); }
      "..." { return make(Tok::Ellipsis, start); }
      "("   { return make(Tok::LParen, start); }
      "["   { return make(Tok::LBrack, start); }
      "{"   { return make(Tok::LBrace, start); }
      ","   { return make(Tok::Comma, start); }
      "."   { return make(Tok::Period, start); }
      ")"   { return make(Tok::RParen, start); }
      "]"   { return make(Tok::RBrack, start); }
      "}"   { return make(Tok::RBrace, start); }
      ";"   { Token t = make(Tok::Semi, start); t.text = "semicolon"; return t; }
      ":"   { return make(Tok::Colon, start); }

      "\x00" { error(start, "invalid NUL character"); continue; }
      * {
        cur_ = start;
        size_t n;
        uint32_t r = decodeUTF8(cur_, size_t(lim_ - cur_), n);
        if (r == 0xFFFD && n == 1)
          error(start, "invalid UTF-8 encoding");
        else
          error(start, "invalid character " + quoteChar(r));
        cur_ += n;
        continue;
      }
    */
  }
}

//===-- literals, scanned by hand (gc's scanner.go rules) -----------------===//

static bool isDecimal(char c) { return c >= '0' && c <= '9'; }
static bool isHex(char c) {
  return isDecimal(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static char lower(char c) { return char(c | 0x20); }

/// Reads digits of `base` (and '_' separators) starting at cur; records in
/// invalid the first digit not valid for base (when base <= 10).
static const char *digits(const char *p, int base, int &ds, const char *&invalid) {
  if (base <= 10) {
    int max = '0' + base;
    while (isDecimal(*p) || *p == '_') {
      int d = 1;
      if (*p == '_') d = 2;
      else if (*p >= max && !invalid) invalid = p;
      ds |= d;
      ++p;
    }
  } else {
    while (isHex(*p) || *p == '_') {
      ds |= (*p == '_') ? 2 : 1;
      ++p;
    }
  }
  return p;
}

static const char *baseName(int base) {
  switch (base) {
  case 2: return "binary literal";
  case 8: return "octal literal";
  case 16: return "hexadecimal literal";
  }
  return "decimal literal";
}

/// Returns the index of the first '_' that does not separate digits, or -1.
static int invalidSep(std::string_view x) {
  char x1 = ' ', d = '.';
  size_t i = 0;
  if (x.size() >= 2 && x[0] == '0') {
    x1 = lower(x[1]);
    if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
      d = '0';
      i = 2;
    }
  }
  for (; i < x.size(); ++i) {
    char p = d;
    d = x[i];
    if (d == '_') {
      if (p != '0') return int(i);
    } else if (isDecimal(d) || (x1 == 'x' && isHex(d))) {
      d = '0';
    } else {
      if (p == '_') return int(i - 1);
      d = '.';
    }
  }
  if (d == '_') return int(x.size() - 1);
  return -1;
}

bool Lexer::scanNumber(const char *start, Token &tok) {
  const char *p = start;
  int base = 10;
  char prefix = 0;
  int ds = 0;
  const char *invalid = nullptr;
  bool ok = true;
  Tok kind = Tok::Int;
  bool seenPoint = *p == '.';

  if (!seenPoint) {
    if (*p == '0') {
      ++p;
      switch (lower(*p)) {
      case 'x': ++p; base = 16; prefix = 'x'; break;
      case 'o': ++p; base = 8; prefix = 'o'; break;
      case 'b': ++p; base = 2; prefix = 'b'; break;
      default: base = 8; prefix = '0'; ds = 1; break;
      }
    }
    p = digits(p, base, ds, invalid);
    if (*p == '.') {
      if (prefix == 'o' || prefix == 'b') {
        cur_ = p;
        error(p, std::string("invalid radix point in ") + baseName(base));
        ok = false;
      }
      seenPoint = true;
    }
  }
  if (seenPoint) {
    kind = Tok::Float;
    ++p; // '.'
    p = digits(p, base, ds, invalid);
  }
  if (ok && (ds & 1) == 0) {
    cur_ = p;
    error(p, std::string(baseName(base)) + " has no digits");
    ok = false;
  }
  char e = lower(*p);
  if (e == 'e' || e == 'p') {
    if (ok && e == 'e' && prefix != 0 && prefix != '0') {
      cur_ = p;
      error(p, std::string("'") + *p + "' exponent requires decimal mantissa");
      ok = false;
    } else if (ok && e == 'p' && prefix != 'x') {
      cur_ = p;
      error(p, std::string("'") + *p + "' exponent requires hexadecimal mantissa");
      ok = false;
    }
    ++p;
    kind = Tok::Float;
    if (*p == '+' || *p == '-') ++p;
    int eds = 0;
    const char *dummy = nullptr;
    p = digits(p, 10, eds, dummy);
    ds |= eds;
    if (ok && (eds & 1) == 0) {
      cur_ = p;
      error(p, "exponent has no digits");
      ok = false;
    }
  } else if (prefix == 'x' && kind == Tok::Float && ok) {
    cur_ = p;
    error(p, "hexadecimal mantissa requires a 'p' exponent");
    ok = false;
  }
  if (*p == 'i') {
    kind = Tok::Imag;
    ++p;
  }
  cur_ = p;
  tok.kind = kind;
  if (ok && kind == Tok::Int && invalid) {
    cur_ = invalid; // position for the message
    Pos at = posAt(invalid);
    cur_ = p;
    diags_.syntaxError(at, std::string("invalid digit '") + *invalid + "' in " + baseName(base));
    ok = false;
  }
  if (ok && (ds & 2)) {
    int i = invalidSep(std::string_view(start, size_t(p - start)));
    if (i >= 0) {
      diags_.syntaxError(posAt(start + i), "'_' must separate successive digits");
      ok = false;
    }
  }
  return ok;
}

/// Scans one escape after the backslash at cur_; quote is the literal's
/// quote character. Reports and returns false when invalid.
bool Lexer::scanEscape(char quote) {
  const char *at = cur_;
  int n = 0;
  uint32_t base = 0, max = 0;
  char c = *cur_;
  switch (c) {
  case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
    ++cur_;
    return true;
  case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
    n = 3; base = 8; max = 255;
    break;
  case 'x': ++cur_; n = 2; base = 16; max = 255; break;
  case 'u': ++cur_; n = 4; base = 16; max = 0x10FFFF; break;
  case 'U': ++cur_; n = 8; base = 16; max = 0x10FFFF; break;
  default:
    if (c == quote) {
      ++cur_;
      return true;
    }
    if (cur_ >= lim_)
      return true; // reported as not terminated
    error(at - 1, "unknown escape");
    return false;
  }
  uint32_t x = 0;
  for (int i = n; i > 0; --i) {
    if (cur_ >= lim_) return true;
    uint32_t d = base;
    char ch = *cur_;
    if (isDecimal(ch)) d = uint32_t(ch - '0');
    else if (lower(ch) >= 'a' && lower(ch) <= 'f') d = uint32_t(lower(ch) - 'a' + 10);
    if (d >= base) {
      const char *kindName = base == 8 ? "octal" : "hexadecimal";
      std::string q = ch == '\n' ? "'\\n'" : std::string("'") + ch + "'";
      error(cur_, std::string("invalid character ") + q + " in " + kindName + " escape");
      return false;
    }
    x = x * base + d;
    ++cur_;
  }
  if (x > max && base == 8) {
    error(at - 1, "octal escape value " + std::to_string(x) + " > 255");
    return false;
  }
  if (x > max || (x >= 0xD800 && x < 0xE000)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "escape is invalid Unicode code point U+%04X", x);
    error(at - 1, buf);
    return false;
  }
  return true;
}

void Lexer::scanString(const char *start, Token &tok) {
  Pos at = posAt(start);
  bool ok = true;
  for (;;) {
    if (cur_ >= lim_) {
      diags_.syntaxError(at, "string literal not terminated");
      ok = false;
      break;
    }
    char c = *cur_;
    if (c == '"') { ++cur_; break; }
    if (c == '\\') {
      ++cur_;
      if (!scanEscape('"')) ok = false;
      continue;
    }
    if (c == '\n') {
      error(cur_, "newline in string");
      ok = false;
      break;
    }
    if (c == '\0') {
      error(cur_, "invalid NUL character");
      ok = false;
    }
    ++cur_;
  }
  tok.kind = Tok::String;
  tok.pos = at;
  tok.text = std::string_view(start, size_t(cur_ - start));
  tok.bad = !ok;
}

void Lexer::scanRawString(const char *start, Token &tok) {
  Pos at = posAt(start);
  bool ok = true;
  for (;;) {
    if (cur_ >= lim_) {
      diags_.syntaxError(at, "string literal not terminated");
      ok = false;
      break;
    }
    char c = *cur_;
    if (c == '`') { ++cur_; break; }
    if (c == '\n') newline(cur_);
    ++cur_;
  }
  tok.kind = Tok::String;
  tok.pos = at;
  tok.text = std::string_view(start, size_t(cur_ - start));
  tok.bad = !ok;
}

void Lexer::scanRune(const char *start, Token &tok) {
  Pos at = posAt(start);
  bool ok = true;
  int n = 0;
  for (;; ++n) {
    if (cur_ >= lim_) {
      if (ok) diags_.syntaxError(at, "rune literal not terminated");
      ok = false;
      break;
    }
    char c = *cur_;
    if (c == '\'') {
      if (ok) {
        if (n == 0) { diags_.syntaxError(at, "empty rune literal or unescaped ' in rune literal"); ok = false; }
        else if (n != 1) { diags_.syntaxError(at, "more than one character in rune literal"); ok = false; }
      }
      ++cur_;
      break;
    }
    if (c == '\\') {
      ++cur_;
      if (!scanEscape('\'')) ok = false;
      continue;
    }
    if (c == '\n') {
      if (ok) { diags_.syntaxError(at, "newline in rune literal"); ok = false; }
      break;
    }
    size_t len;
    decodeUTF8(cur_, size_t(lim_ - cur_), len);
    cur_ += len;
  }
  tok.kind = Tok::Char;
  tok.pos = at;
  tok.text = std::string_view(start, size_t(cur_ - start));
  tok.bad = !ok;
}

//===-- UTF-8 and literal values -------------------------------------------===//

uint32_t decodeUTF8(const char *s, size_t n, size_t &size) {
  const unsigned char *p = reinterpret_cast<const unsigned char *>(s);
  size = 1;
  if (n == 0) return 0xFFFD;
  unsigned char c = p[0];
  if (c < 0x80) return c;
  int need;
  uint32_t r, min;
  if ((c & 0xE0) == 0xC0) { need = 1; r = c & 0x1F; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { need = 2; r = c & 0x0F; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { need = 3; r = c & 0x07; min = 0x10000; }
  else return 0xFFFD;
  if (n < size_t(need) + 1) return 0xFFFD;
  for (int i = 1; i <= need; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0xFFFD;
    r = (r << 6) | (p[i] & 0x3F);
  }
  if (r < min || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) return 0xFFFD;
  size = size_t(need) + 1;
  return r;
}

void appendUTF8(std::string &out, uint32_t r) {
  if (r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) r = 0xFFFD;
  if (r < 0x80) {
    out += char(r);
  } else if (r < 0x800) {
    out += char(0xC0 | (r >> 6));
    out += char(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += char(0xE0 | (r >> 12));
    out += char(0x80 | ((r >> 6) & 0x3F));
    out += char(0x80 | (r & 0x3F));
  } else {
    out += char(0xF0 | (r >> 18));
    out += char(0x80 | ((r >> 12) & 0x3F));
    out += char(0x80 | ((r >> 6) & 0x3F));
    out += char(0x80 | (r & 0x3F));
  }
}

/// Decodes one (possibly escaped) element at s[i]; bytes from \x and octal
/// escapes are raw bytes (isByte), everything else a code point.
static uint32_t decodeElem(std::string_view s, size_t &i, bool &isByte) {
  isByte = false;
  if (s[i] != '\\') {
    size_t n;
    uint32_t r = decodeUTF8(s.data() + i, s.size() - i, n);
    if (r == 0xFFFD && n == 1) {
      isByte = true;
      r = (unsigned char)s[i];
    }
    i += n;
    return r;
  }
  ++i;
  char c = s[i++];
  switch (c) {
  case 'a': return 7;
  case 'b': return 8;
  case 'f': return 12;
  case 'n': return 10;
  case 'r': return 13;
  case 't': return 9;
  case 'v': return 11;
  case 'x': case 'u': case 'U': {
    int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
    uint32_t x = 0;
    for (int k = 0; k < n && i < s.size(); ++k, ++i) {
      char h = s[i];
      x = x * 16 + uint32_t(isDecimal(h) ? h - '0' : lower(h) - 'a' + 10);
    }
    isByte = c == 'x';
    return x;
  }
  default:
    if (c >= '0' && c <= '7') {
      uint32_t x = uint32_t(c - '0');
      for (int k = 0; k < 2 && i < s.size(); ++k, ++i)
        x = x * 8 + uint32_t(s[i] - '0');
      isByte = true;
      return x;
    }
    return uint32_t((unsigned char)c); // \\ \' \"
  }
}

std::string unquote(std::string_view lit) {
  std::string out;
  if (lit.size() < 2) return out;
  if (lit[0] == '`') {
    for (char c : lit.substr(1, lit.size() - 2))
      if (c != '\r') out += c;
    return out;
  }
  std::string_view body = lit.substr(1, lit.size() - 2);
  for (size_t i = 0; i < body.size();) {
    bool isByte;
    uint32_t r = decodeElem(body, i, isByte);
    if (isByte) out += char(r);
    else appendUTF8(out, r);
  }
  return out;
}

uint32_t unquoteRune(std::string_view lit) {
  if (lit.size() < 3) return 0;
  std::string_view body = lit.substr(1, lit.size() - 2);
  size_t i = 0;
  bool isByte;
  return decodeElem(body, i, isByte);
}

} // namespace origo::syntax
