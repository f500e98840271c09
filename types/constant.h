//===- types/constant.h - exact constant values -----------------*- C++ -*-===//
/// \file
/// Values of Go constants at arbitrary precision (spec "Constants"):
/// booleans, strings, integers (GMP integers) and floats (exact GMP
/// rationals). Operations never round; representability against a typed
/// target is checked by the checker.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/token.h"

#include <gmpxx.h>
#include <optional>
#include <string>

namespace origo::types {

class Constant {
public:
  enum class Kind : uint8_t { Unknown, Bool, String, Int, Float };

  static Constant makeBool(bool b);
  static Constant makeString(std::string s);
  static Constant makeInt(mpz_class i);
  static Constant makeInt64(int64_t i) { return makeInt(mpz_class(std::to_string(i))); }
  static Constant makeFloat(mpq_class f);
  /// Parses a Go integer or float literal; nullopt if malformed.
  static std::optional<Constant> fromLiteral(syntax::Tok kind, std::string_view text);

  Kind kind() const { return kind_; }
  bool boolVal() const { return b_; }
  const std::string &stringVal() const { return s_; }
  const mpz_class &intVal() const { return i_; }
  const mpq_class &floatVal() const { return f_; }
  /// The value as an exact rational (Int or Float).
  mpq_class toRat() const;
  /// Int if the value is integral (Int or integral Float).
  std::optional<Constant> toInt() const;
  Constant toFloat() const;
  bool fitsInt64() const;
  bool fitsUint64() const;
  int64_t int64Val() const;
  uint64_t uint64Val() const;
  int sign() const;

  /// gc's rendering in diagnostics: 300, "abc", true, 1.5, 1e+100.
  std::string str() const;

  /// Arithmetic on values of the same (or Int/Float mixed) kind. intDiv
  /// selects truncated integer division for '/'. Returns Unknown for
  /// unsupported combinations; division by zero is the caller's check.
  static Constant binary(syntax::Tok op, const Constant &x, const Constant &y, bool intDiv);
  static bool compare(syntax::Tok op, const Constant &x, const Constant &y);
  static Constant unary(syntax::Tok op, const Constant &x);
  static Constant shift(syntax::Tok op, const Constant &x, unsigned long s);

private:
  Kind kind_ = Kind::Unknown;
  bool b_ = false;
  std::string s_;
  mpz_class i_;
  mpq_class f_;
};

} // namespace origo::types
