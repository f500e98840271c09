//===- types/constant.cpp - exact constant values -------------------------===//
/// \file
/// Constant arithmetic on GMP integers and rationals.
//===----------------------------------------------------------------------===//
#include "types/constant.h"

#include <cmath>
#include <cstdio>

namespace origo::types {

using syntax::Tok;

Constant Constant::makeBool(bool b) {
  Constant c;
  c.kind_ = Kind::Bool;
  c.b_ = b;
  return c;
}
Constant Constant::makeString(std::string s) {
  Constant c;
  c.kind_ = Kind::String;
  c.s_ = std::move(s);
  return c;
}
Constant Constant::makeInt(mpz_class i) {
  Constant c;
  c.kind_ = Kind::Int;
  c.i_ = std::move(i);
  return c;
}
Constant Constant::makeFloat(mpq_class f) {
  f.canonicalize();
  Constant c;
  c.kind_ = Kind::Float;
  c.f_ = std::move(f);
  return c;
}

static int digitVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

std::optional<Constant> Constant::fromLiteral(Tok kind, std::string_view text) {
  std::string s;
  for (char c : text)
    if (c != '_') s += c;
  if (kind == Tok::Int) {
    int base = 10;
    size_t i = 0;
    if (s.size() > 1 && s[0] == '0') {
      char p = char(s[1] | 0x20);
      if (p == 'x') { base = 16; i = 2; }
      else if (p == 'b') { base = 2; i = 2; }
      else if (p == 'o') { base = 8; i = 2; }
      else { base = 8; i = 1; }
    }
    mpz_class v = 0;
    for (; i < s.size(); ++i) {
      int d = digitVal(s[i]);
      if (d >= base) return std::nullopt;
      v = v * base + d;
    }
    return makeInt(v);
  }
  if (kind == Tok::Float) {
    // mantissa digits, optional '.', optional exponent (e: base 10, p: base 2)
    int base = 10;
    size_t i = 0;
    if (s.size() > 1 && s[0] == '0' && (s[1] | 0x20) == 'x') {
      base = 16;
      i = 2;
    }
    mpz_class mant = 0;
    long scale = 0; // digits after the point
    bool point = false;
    for (; i < s.size(); ++i) {
      char c = s[i];
      if (c == '.') { point = true; continue; }
      if (base == 10 && (c | 0x20) == 'e') break;
      if (base == 16 && (c | 0x20) == 'p') break;
      int d = digitVal(c);
      if (d >= base) return std::nullopt;
      mant = mant * base + d;
      if (point) ++scale;
    }
    long exp = 0;
    if (i < s.size()) {
      ++i;
      bool neg = false;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
      for (; i < s.size(); ++i) {
        if (exp < 10000000000L) exp = exp * 10 + (s[i] - '0');
      }
      if (neg) exp = -exp;
    }
    // big.Float (and so gc) cannot hold binary exponents beyond 2^31:
    // such literals are malformed. Below that, values far outside the
    // float64 range are kept at 10^±5000, which is as unrepresentable in
    // every Go type and keeps arithmetic on them cheap.
    if (std::labs(exp) > 646456992) return std::nullopt;
    if (exp > 5000) exp = 5000;
    if (exp < -5000) exp = -5000;
    mpq_class v(mant);
    if (base == 10) {
      exp -= scale;
      mpz_class p;
      mpz_ui_pow_ui(p.get_mpz_t(), 10, (unsigned long)std::labs(exp));
      if (exp >= 0) v *= p; else v /= p;
    } else {
      exp -= 4 * scale;
      mpz_class p;
      mpz_ui_pow_ui(p.get_mpz_t(), 2, (unsigned long)std::labs(exp));
      if (exp >= 0) v *= p; else v /= p;
    }
    return makeFloat(v);
  }
  return std::nullopt;
}

mpq_class Constant::toRat() const {
  if (kind_ == Kind::Int) return mpq_class(i_);
  return f_;
}

std::optional<Constant> Constant::toInt() const {
  if (kind_ == Kind::Int) return *this;
  if (kind_ == Kind::Float && f_.get_den() == 1) return makeInt(f_.get_num());
  return std::nullopt;
}

Constant Constant::toFloat() const {
  if (kind_ == Kind::Int) return makeFloat(mpq_class(i_));
  return *this;
}

bool Constant::fitsInt64() const {
  return kind_ == Kind::Int && mpz_cmp(i_.get_mpz_t(), mpz_class("-9223372036854775808").get_mpz_t()) >= 0 &&
         mpz_cmp(i_.get_mpz_t(), mpz_class("9223372036854775807").get_mpz_t()) <= 0;
}
bool Constant::fitsUint64() const {
  return kind_ == Kind::Int && sgn(i_) >= 0 &&
         mpz_cmp(i_.get_mpz_t(), mpz_class("18446744073709551615").get_mpz_t()) <= 0;
}
int64_t Constant::int64Val() const {
  // Two's complement wrap of the low 64 bits.
  return int64_t(uint64Val());
}
uint64_t Constant::uint64Val() const {
  mpz_class m = i_ & mpz_class("18446744073709551615");
  uint64_t v = 0;
  mpz_export(&v, nullptr, -1, sizeof v, 0, 0, m.get_mpz_t());
  return v;
}
int Constant::sign() const {
  if (kind_ == Kind::Int) return sgn(i_);
  if (kind_ == Kind::Float) return sgn(f_);
  return 0;
}

static std::string quoteGo(const std::string &s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default:
      if (c < 0x20 || c == 0x7f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
      } else {
        out += char(c);
      }
    }
  }
  return out + "\"";
}

std::string Constant::str() const {
  switch (kind_) {
  case Kind::Unknown: return "unknown";
  case Kind::Bool: return b_ ? "true" : "false";
  case Kind::String: {
    // go/constant shortens long strings in messages.
    std::string q = quoteGo(s_);
    if (q.size() > 72) q = q.substr(0, 72 - 3) + "...";
    return q;
  }
  case Kind::Int: return i_.get_str();
  case Kind::Float: {
    // go/constant prints floats with %.6g.
    if (sgn(f_) == 0) return "0";
    mpf_class m(f_, 128);
    mp_exp_t exp;
    std::string digits = m.get_str(exp, 10, 6); // "-12345", value = 0.12345e<exp>
    bool neg = !digits.empty() && digits[0] == '-';
    if (neg) digits.erase(0, 1);
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    long e10 = long(exp) - 1; // exponent of the first digit
    std::string out = neg ? "-" : "";
    if (e10 < -4 || e10 >= 6) {
      out += digits.substr(0, 1);
      if (digits.size() > 1) out += "." + digits.substr(1);
      char buf[32];
      std::snprintf(buf, sizeof buf, "e%c%02ld", e10 < 0 ? '-' : '+', std::labs(e10));
      out += buf;
    } else if (e10 < 0) {
      out += "0." + std::string(size_t(-e10 - 1), '0') + digits;
    } else {
      std::string ip = digits.substr(0, std::min(digits.size(), size_t(e10 + 1)));
      ip += std::string(size_t(e10 + 1) - ip.size(), '0');
      out += ip;
      if (digits.size() > size_t(e10 + 1)) out += "." + digits.substr(size_t(e10 + 1));
    }
    return out;
  }
  }
  return "?";
}

Constant Constant::binary(Tok op, const Constant &x, const Constant &y, bool intDiv) {
  if (x.kind_ == Kind::Bool && y.kind_ == Kind::Bool) {
    if (op == Tok::LAnd) return makeBool(x.b_ && y.b_);
    if (op == Tok::LOr) return makeBool(x.b_ || y.b_);
    return {};
  }
  if (x.kind_ == Kind::String && y.kind_ == Kind::String) {
    if (op == Tok::Add) return makeString(x.s_ + y.s_);
    return {};
  }
  if (x.kind_ == Kind::Int && y.kind_ == Kind::Int) {
    const mpz_class &a = x.i_, &b = y.i_;
    switch (op) {
    case Tok::Add: return makeInt(a + b);
    case Tok::Sub: return makeInt(a - b);
    case Tok::Mul: return makeInt(a * b);
    case Tok::Quo:
      if (intDiv) {
        mpz_class q;
        mpz_tdiv_q(q.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
        return makeInt(q);
      }
      return makeFloat(mpq_class(a, b));
    case Tok::Rem: {
      mpz_class r;
      mpz_tdiv_r(r.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
      return makeInt(r);
    }
    case Tok::And: return makeInt(a & b);
    case Tok::Or: return makeInt(a | b);
    case Tok::Xor: return makeInt(a ^ b);
    case Tok::AndNot: {
      mpz_class nb;
      mpz_com(nb.get_mpz_t(), b.get_mpz_t());
      return makeInt(a & nb);
    }
    default: return {};
    }
  }
  if ((x.kind_ == Kind::Int || x.kind_ == Kind::Float) &&
      (y.kind_ == Kind::Int || y.kind_ == Kind::Float)) {
    mpq_class a = x.toRat(), b = y.toRat();
    switch (op) {
    case Tok::Add: return makeFloat(a + b);
    case Tok::Sub: return makeFloat(a - b);
    case Tok::Mul: return makeFloat(a * b);
    case Tok::Quo: return makeFloat(a / b);
    default: return {};
    }
  }
  return {};
}

bool Constant::compare(Tok op, const Constant &x, const Constant &y) {
  int c = 0;
  if (x.kind_ == Kind::Bool) {
    c = int(x.b_) - int(y.b_);
  } else if (x.kind_ == Kind::String) {
    c = x.s_.compare(y.s_);
  } else if (x.kind_ == Kind::Int && y.kind_ == Kind::Int) {
    c = cmp(x.i_, y.i_);
  } else {
    c = cmp(x.toRat(), y.toRat());
  }
  switch (op) {
  case Tok::Eql: return c == 0;
  case Tok::Neq: return c != 0;
  case Tok::Lss: return c < 0;
  case Tok::Leq: return c <= 0;
  case Tok::Gtr: return c > 0;
  case Tok::Geq: return c >= 0;
  default: return false;
  }
}

Constant Constant::unary(Tok op, const Constant &x) {
  switch (op) {
  case Tok::Add: return x;
  case Tok::Sub:
    if (x.kind_ == Kind::Int) return makeInt(-x.i_);
    if (x.kind_ == Kind::Float) return makeFloat(-x.f_);
    return {};
  case Tok::Not:
    if (x.kind_ == Kind::Bool) return makeBool(!x.b_);
    return {};
  case Tok::Xor:
    if (x.kind_ == Kind::Int) {
      mpz_class r;
      mpz_com(r.get_mpz_t(), x.i_.get_mpz_t());
      return makeInt(r);
    }
    return {};
  default: return {};
  }
}

Constant Constant::shift(Tok op, const Constant &x, unsigned long s) {
  if (x.kind_ != Kind::Int) return {};
  mpz_class r;
  if (op == Tok::Shl)
    mpz_mul_2exp(r.get_mpz_t(), x.i_.get_mpz_t(), s);
  else
    mpz_fdiv_q_2exp(r.get_mpz_t(), x.i_.get_mpz_t(), s);
  return makeInt(r);
}

} // namespace origo::types
