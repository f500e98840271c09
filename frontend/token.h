//===- frontend/token.h - Go tokens -----------------------------*- C++ -*-===//
/// \file
/// Token kinds (listed once in tokens.def) and the token the lexer hands to
/// the parser.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/source.h"

#include <cstdint>
#include <string_view>

namespace origo::syntax {

enum class Tok : uint8_t {
#define TOK(Name, Spelling, ParserTok) Name,
#include "frontend/tokens.def"
};

/// gc's spelling of a token kind in syntax errors ("comma", "+", "if").
std::string_view tokSpelling(Tok t);

/// The binary operator of an assignment operator (+= gives +); EOF_ for others.
Tok assignOpBinary(Tok t);

/// A token: kind, position of its first byte, and its source text (for
/// names, literals and the "semicolon"/"newline"/"EOF" of semicolons).
struct Token {
  Tok kind = Tok::EOF_;
  Pos pos;
  std::string_view text;
  /// True when a literal is malformed (already reported by the lexer).
  bool bad = false;
  /// How many //go: and //line directives the lexer had seen up to this token.
  uint32_t directivesBefore = 0;
  /// Declaration keywords: the first of those directives that no earlier
  /// declaration or block took (so [from, before) are this keyword's).
  uint32_t directivesFrom = 0;
};

} // namespace origo::syntax
