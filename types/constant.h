//===- types/constant.h - exact constant values -----------------*- C++ -*-===//
/// \file
/// Values of Go constants at arbitrary precision (spec "Constants"),
/// behaving as Go's go/constant package does under gc 1.19 (types2):
/// booleans, strings, integers (GMP integers), floats and complex numbers.
///
/// A Float is an exact GMP rational while its numerator and denominator stay
/// below 2^4096 (go/constant's maxExp); beyond that it becomes a binary
/// floating-point number with a 512-bit mantissa, rounded to nearest even
/// after every operation and with a 32-bit binary exponent like
/// math/big.Float, so results, overflows (to Unknown) and underflows (to 0)
/// are the ones gc computes. A Complex is a pair of Int or Float values.
/// Representability in a typed target (and the rounding of floats to
/// float32/float64) is `representable` below, types2's representableConst.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/token.h"
#include "types/type.h"

#include <array>
#include <gmpxx.h>
#include <memory>
#include <optional>
#include <string>

namespace origo::types {

/// A binary floating-point number mant * 2^exp (mant's sign is the
/// number's; 0 when mant is 0). Constants keep it rounded to 512 bits.
struct BigFloat {
  mpz_class mant;
  long exp = 0;
};

class Constant {
public:
  enum class Kind : uint8_t { Unknown, Bool, String, Int, Float, Complex };

  /// The Unknown value: the result of an invalid or overflowing operation.
  static Constant makeUnknown() { return {}; }
  static Constant makeBool(bool b);
  static Constant makeString(std::string s);
  static Constant makeInt(mpz_class i);
  static Constant makeInt64(int64_t i) { return makeInt(mpz_class(static_cast<long>(i))); }
  static Constant makeUint64(uint64_t u) { return makeInt(mpz_class(static_cast<unsigned long>(u))); }
  /// A Float from an exact rational (go/constant's makeRat: a big float
  /// when numerator or denominator need 4096 bits or more).
  static Constant makeFloat(mpq_class f);
  /// A Float from a double; Unknown for infinities and NaN, 0 for -0.
  static Constant makeFloat64(double f);
  /// The Complex value x*i for an Int or Float x (Unknown stays Unknown).
  static Constant makeImag(const Constant &x);
  /// re + im*i; Unknown if either part is Unknown.
  static Constant makeComplex(Constant re, Constant im);
  /// Parses a Go literal (Tok::Int, Float, Imag, Char or String, with
  /// underscores); nullopt where go/constant.MakeFromLiteral gives Unknown:
  /// malformed text, or floats whose exponent overflows (gc's "malformed
  /// constant", e.g. 1e+1000000000). Tiny floats underflow to 0.
  static std::optional<Constant> fromLiteral(syntax::Tok kind, std::string_view text);

  Kind kind() const { return kind_; }
  bool isNumeric() const { return kind_ >= Kind::Int; }
  bool boolVal() const { return b_; }
  const std::string &stringVal() const { return s_; }
  const mpz_class &intVal() const { return i_; }
  /// Whether a Float is held as an exact rational (not a 512-bit float).
  bool isRat() const { return kind_ == Kind::Float && !big_; }
  /// A Float's value as a rational. Exact for rationals and for big floats
  /// within 2^±100000; beyond, a value of the same sign at that bound (test
  /// kind() == Unknown after an operation for overflow, not this value).
  const mpq_class &floatVal() const;
  /// The value as a rational (Int or Float), as floatVal.
  mpq_class toRat() const;

  /// go/constant.ToInt: an Int if the value is integral (a Float within a
  /// few bits of rounding of an integer counts, as in gc).
  std::optional<Constant> toInt() const;
  /// go/constant.ToFloat: Int/Float as Float, Complex with zero imaginary
  /// part as its real part; otherwise Unknown.
  Constant toFloat() const;
  /// go/constant.ToComplex: numeric values as Complex; otherwise Unknown.
  Constant toComplex() const;
  /// Real and imaginary parts of a numeric value (Imag of Int/Float is 0).
  Constant real() const;
  Constant imag() const;

  bool fitsInt64() const;
  bool fitsUint64() const;
  /// An Int's low 64 bits (two's complement wrap).
  int64_t int64Val() const;
  uint64_t uint64Val() const;
  /// Bits needed for an Int's absolute value (0 for 0).
  unsigned long bitLen() const;
  /// go/constant.Sign: -1, 0 or 1; a Complex is 0 only if both parts are;
  /// Unknown is 1 (so no spurious division by zero is reported).
  int sign() const;

  /// The nearest float64 (Float64Val), ±inf on overflow, signed 0 on
  /// underflow; a Complex gives its real part. *exact tells if no rounding
  /// happened.
  double toDouble(bool *exact = nullptr) const;
  /// The nearest float32 (Float32Val), rounded once from the exact value.
  float toFloat32(bool *exact = nullptr) const;

  /// go/constant's String: gc's rendering in diagnostics: 300, "abc"
  /// (shortened to 72 characters), true, 1.5, 1e+100, (1 + 2i).
  std::string str() const;
  /// go/constant's ExactString: 3/2 for rationals, 0x.8p+3 style for big
  /// floats, the whole quoted string for strings.
  std::string exactString() const;

  /// go/constant.BinaryOp (+ - * / % & | ^ &^ && ||). Int / Int is an exact
  /// Float unless intDiv is set or op is Tok::QuoAssign (truncated integer
  /// division). Unknown operands, invalid combinations and division by zero
  /// (the caller's check) give Unknown.
  static Constant binary(syntax::Tok op, const Constant &x, const Constant &y, bool intDiv);
  /// go/constant.Compare (== != < <= > >=); false if either is Unknown.
  static bool compare(syntax::Tok op, const Constant &x, const Constant &y);
  /// go/constant.UnaryOp (+ - ^ !). A nonzero prec limits ^'s result to
  /// that many bits, as for unsigned types (^uint8(1) == 254).
  static Constant unary(syntax::Tok op, const Constant &x, unsigned prec = 0);
  /// go/constant.Shift (<< or >>, arithmetic for negative values).
  static Constant shift(syntax::Tok op, const Constant &x, unsigned long s);

private:
  Kind kind_ = Kind::Unknown;
  bool b_ = false;
  bool big_ = false; ///< Float held in bf_ rather than f_
  std::string s_;
  mpz_class i_;
  mpq_class f_; ///< rational Float; for a big float, floatVal()
  BigFloat bf_;
  std::shared_ptr<const std::array<Constant, 2>> parts_; ///< Complex re, im

  friend struct ConstantOps;
};

/// types2's representableConst: whether x fits the basic type target
/// (wordBits is the size of int, uint and uintptr). When it does and rounded
/// is set, *rounded becomes x as an Int for integer targets, or x rounded
/// to float32/float64 (each part for complex targets). Unknown fits any
/// type (the error was reported already).
bool representable(const Constant &x, BasicKind target, Constant *rounded, unsigned wordBits = 64);

} // namespace origo::types
