//===- frontend/build_context.cpp - build constraints ---------------------===//
/// \file
/// Build-constraint evaluation following go/build (build.go: shouldBuild,
/// parseFileHeader, matchTag, goodOSArchFile) and go/build/constraint
/// (the //go:build grammar and the // +build line syntax) of Go 1.19.
//===----------------------------------------------------------------------===//
#include "frontend/build_context.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace origo {

namespace {

const char *const KnownOS[] = {"aix",   "android", "darwin",  "dragonfly", "freebsd", "hurd",
                               "illumos", "ios",   "js",      "linux",     "nacl",    "netbsd",
                               "openbsd", "plan9", "solaris", "windows",   "zos"};
const char *const UnixOS[] = {"aix",   "android", "darwin", "dragonfly", "freebsd", "hurd",
                              "illumos", "ios",   "linux",  "netbsd",    "openbsd", "solaris"};
const char *const KnownArch[] = {
    "386",     "amd64",   "amd64p32", "arm",       "armbe",       "arm64", "arm64be", "loong64",
    "mips",    "mipsle",  "mips64",   "mips64le",  "mips64p32",   "mips64p32le",     "ppc",
    "ppc64",   "ppc64le", "riscv",    "riscv64",   "s390",        "s390x", "sparc",   "sparc64",
    "wasm"};

template <size_t N> bool among(const char *const (&list)[N], std::string_view s) {
  for (const char *x : list)
    if (s == x) return true;
  return false;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

std::string_view trimSpace(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// Tags are letters, digits, underscores and dots (constraint.isValidTag);
/// bytes of non-ASCII letters are accepted as letters.
bool isTagChar(char c) {
  unsigned char u = c;
  return std::isalnum(u) || c == '_' || c == '.' || u >= 0x80;
}

bool isValidTag(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), isTagChar);
}

/// The text after `//go:build` when line is such a line (isGoBuildComment).
bool splitGoBuild(std::string_view line, std::string_view &expr) {
  if (!startsWith(line, "//go:build")) return false;
  std::string_view rest = trimSpace(line).substr(std::strlen("//go:build"));
  std::string_view trimmed = trimSpace(rest);
  if (!rest.empty() && rest.size() == trimmed.size()) return false; // //go:buildx
  expr = trimmed;
  return true;
}

/// The arguments of a `// +build` line (constraint.splitPlusBuild); the
/// space after `//` is optional.
bool splitPlusBuild(std::string_view line, std::string_view &args) {
  if (!startsWith(line, "//")) return false;
  line = trimSpace(line.substr(2));
  if (!startsWith(line, "+build")) return false;
  std::string_view rest = line.substr(std::strlen("+build"));
  std::string_view trimmed = trimSpace(rest);
  if (!rest.empty() && rest.size() == trimmed.size()) return false; // +buildx
  args = trimmed;
  return true;
}

/// Recursive-descent evaluator of the //go:build grammar:
///   or  = and { "||" and }      and = not { "&&" not }
///   not = [ "!" ] atom           atom = "(" or ")" | tag
/// Both operands are always parsed so syntax errors are never skipped.
class GoBuildParser {
public:
  GoBuildParser(const BuildContext &ctx, std::string_view s) : ctx_(ctx), s_(s) {}

  bool parse(bool &result, std::string &err) {
    next();
    result = parseOr();
    if (err_.empty() && tok_ != End) fail("unexpected token " + std::string(tokText_));
    if (!err_.empty()) {
      err = err_;
      return false;
    }
    return true;
  }

private:
  enum Tok { End, LParen, RParen, Not, AndAnd, OrOr, Tag, Bad };

  void fail(std::string msg) {
    if (err_.empty()) err_ = std::move(msg);
  }

  void next() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
    size_t start = pos_;
    if (pos_ >= s_.size()) {
      tok_ = End;
      tokText_ = {};
      return;
    }
    char c = s_[pos_];
    if (c == '(') tok_ = LParen, ++pos_;
    else if (c == ')') tok_ = RParen, ++pos_;
    else if (c == '!') tok_ = Not, ++pos_;
    else if (s_.substr(pos_, 2) == "&&") tok_ = AndAnd, pos_ += 2;
    else if (s_.substr(pos_, 2) == "||") tok_ = OrOr, pos_ += 2;
    else if (isTagChar(c)) {
      while (pos_ < s_.size() && isTagChar(s_[pos_])) ++pos_;
      tok_ = Tag;
    } else {
      tok_ = Bad;
      ++pos_;
    }
    tokText_ = s_.substr(start, pos_ - start);
    if (tok_ == Bad) fail("invalid syntax at " + std::string(s_.substr(start)));
  }

  bool parseOr() {
    bool v = parseAnd();
    while (err_.empty() && tok_ == OrOr) {
      next();
      bool w = parseAnd();
      v = v || w;
    }
    return v;
  }

  bool parseAnd() {
    bool v = parseNot();
    while (err_.empty() && tok_ == AndAnd) {
      next();
      bool w = parseNot();
      v = v && w;
    }
    return v;
  }

  bool parseNot() {
    if (++depth_ > 1000) {
      fail("expression too deeply nested");
      return false;
    }
    bool v = false;
    if (tok_ == Not) { // one `!` applies to an atom: `!!x` is an error
      next();
      if (tok_ == Not) fail("double negation not allowed");
      v = !parseAtom();
    } else {
      v = parseAtom();
    }
    --depth_;
    return v;
  }

  bool parseAtom() {
    bool v = false;
    switch (tok_) {
    case LParen:
      next();
      v = parseOr();
      if (err_.empty()) {
        if (tok_ != RParen) fail("missing )");
        else next();
      }
      break;
    case Tag:
      v = ctx_.matchTag(tokText_);
      next();
      break;
    case End: fail("unexpected end of expression"); break;
    default: fail("unexpected token " + std::string(tokText_)); break;
    }
    return v;
  }

  const BuildContext &ctx_;
  std::string_view s_;
  size_t pos_ = 0;
  Tok tok_ = End;
  std::string_view tokText_;
  std::string err_;
  int depth_ = 0;
};

/// Splits off the next line (without its newline) from p.
std::string_view nextLine(std::string_view &p) {
  size_t nl = p.find('\n');
  std::string_view line = p.substr(0, nl);
  p.remove_prefix(nl == std::string_view::npos ? p.size() : nl + 1);
  return line;
}

} // namespace

bool isKnownOS(std::string_view s) { return among(KnownOS, s); }
bool isKnownArch(std::string_view s) { return among(KnownArch, s); }

bool BuildContext::matchTag(std::string_view tag) const {
  if (cgo && tag == "cgo") return true;
  if (tag == goos || tag == goarch || tag == "gc") return true;
  if (goos == "android" && tag == "linux") return true;
  if (goos == "illumos" && tag == "solaris") return true;
  if (goos == "ios" && tag == "darwin") return true;
  if (tag == "unix" && among(UnixOS, goos)) return true;
  if (tag == "boringcrypto") tag = "goexperiment.boringcrypto"; // its old name
  for (const std::string &t : tags)
    if (t == tag) return true;
  for (const std::string &t : toolTags)
    if (t == tag) return true;
  // Release tags go1.1 ... go1.19.
  if (startsWith(tag, "go1.")) {
    std::string_view minor = tag.substr(4);
    if (!minor.empty() && minor.size() <= 2 &&
        std::all_of(minor.begin(), minor.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        minor[0] != '0') {
      int n = std::stoi(std::string(minor));
      return n >= 1 && n <= 19;
    }
  }
  return false;
}

bool BuildContext::evalGoBuild(std::string_view expr, bool &result, std::string &err) const {
  return GoBuildParser(*this, expr).parse(result, err);
}

bool BuildContext::evalPlusBuild(std::string_view args) const {
  // No options at all behaves like the tag "ignore" (never satisfied).
  bool any = false, result = false;
  size_t i = 0;
  while (i < args.size()) {
    while (i < args.size() && isSpace(args[i])) ++i;
    if (i >= args.size()) break;
    size_t start = i;
    while (i < args.size() && !isSpace(args[i])) ++i;
    std::string_view option = args.substr(start, i - start);
    any = true;
    bool all = true;
    size_t j = 0;
    while (true) {
      size_t comma = option.find(',', j);
      std::string_view term = option.substr(j, comma == std::string_view::npos ? comma : comma - j);
      bool v;
      if (startsWith(term, "!!") || term == "!") {
        v = false;
      } else {
        bool neg = startsWith(term, "!");
        if (neg) term.remove_prefix(1);
        v = isValidTag(term) && matchTag(term);
        if (neg) v = !v;
      }
      all = all && v;
      if (comma == std::string_view::npos) break;
      j = comma + 1;
    }
    result = result || all;
  }
  return any && result;
}

bool BuildContext::matchHeader(std::string_view content, bool &result, std::string &err) const {
  // 1. Find the //go:build line among the comments before the first
  //    non-comment text, and where the +build region ends: at the last
  //    blank line before the first line that is not a // comment.
  size_t end = 0;
  bool ended = false, inSlashStar = false, haveGoBuild = false;
  std::string_view goBuild, p = content;
  while (!p.empty()) {
    std::string_view line = trimSpace(nextLine(p));
    if (line.empty() && !ended) {
      end = content.size() - p.size();
      continue;
    }
    if (!startsWith(line, "//")) ended = true;
    std::string_view expr;
    if (!inSlashStar && splitGoBuild(line, expr)) {
      if (haveGoBuild) {
        err = "multiple //go:build comments";
        return false;
      }
      haveGoBuild = true;
      goBuild = expr;
    }
    bool text = false;
    while (!line.empty()) {
      if (inSlashStar) {
        size_t close = line.find("*/");
        if (close == std::string_view::npos) break;
        inSlashStar = false;
        line = trimSpace(line.substr(close + 2));
        continue;
      }
      if (startsWith(line, "//")) break;
      if (startsWith(line, "/*")) {
        inSlashStar = true;
        line = trimSpace(line.substr(2));
        continue;
      }
      text = true; // the package clause or other code
      break;
    }
    if (text) break;
  }

  // 2. A //go:build line decides alone.
  if (haveGoBuild) {
    std::string perr;
    if (!evalGoBuild(goBuild, result, perr)) {
      err = "parsing //go:build line: " + perr;
      return false;
    }
    return true;
  }

  // 3. Otherwise every // +build line of the header must be satisfied.
  result = true;
  p = content.substr(0, end);
  while (!p.empty()) {
    std::string_view line = trimSpace(nextLine(p)), args;
    if (!startsWith(line, "//") || line.find("+build") == std::string_view::npos) continue;
    if (splitPlusBuild(line, args) && !evalPlusBuild(args)) result = false;
  }
  return true;
}

bool BuildContext::matchFileName(std::string_view name) const {
  if (name.size() < 3 || name.substr(name.size() - 3) != ".go") return false;
  if (name[0] == '_' || name[0] == '.') return false;
  if (name.size() >= 8 && name.substr(name.size() - 8) == "_test.go") return false;

  // goodOSArchFile: only the part from the first '_' to the first '.'.
  name = name.substr(0, name.find('.'));
  size_t us = name.find('_');
  if (us == std::string_view::npos) return true;
  std::vector<std::string_view> parts;
  name.remove_prefix(us + 1);
  while (true) {
    size_t next = name.find('_');
    parts.push_back(name.substr(0, next));
    if (next == std::string_view::npos) break;
    name.remove_prefix(next + 1);
  }
  if (!parts.empty() && parts.back() == "test") parts.pop_back();
  size_t n = parts.size();
  if (n >= 2 && isKnownOS(parts[n - 2]) && isKnownArch(parts[n - 1]))
    return matchTag(parts[n - 1]) && matchTag(parts[n - 2]);
  if (n >= 1 && (isKnownOS(parts[n - 1]) || isKnownArch(parts[n - 1]))) return matchTag(parts[n - 1]);
  return true;
}

} // namespace origo
