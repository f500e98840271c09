//===- types/constant.cpp - exact constant values -------------------------===//
/// \file
/// Constant arithmetic after Go's go/constant (as gc 1.19 uses it): GMP
/// integers and rationals, and for floats too large or small for rationals
/// a 512-bit binary float with math/big.Float's rounding (to nearest even
/// after every operation) and exponent range (int32), built on GMP
/// integers. Literal parsing follows math/big's SetString, including the
/// way it computes powers of 5, so values and overflows are gc's.
//===----------------------------------------------------------------------===//
#include "types/constant.h"

#include "frontend/lexer.h"

#include <cassert>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace origo::types {

using syntax::Tok;

namespace {

constexpr unsigned long kPrec = 512;  // go/constant's mantissa precision
constexpr unsigned long kMaxExp = 4096; // go/constant's maxExp for rationals
constexpr long kFloatMaxExp = INT32_MAX; // math/big.Float's exponent range
constexpr long kFloatMinExp = INT32_MIN;

unsigned long bitLenOf(const mpz_class &z) { return sgn(z) == 0 ? 0 : mpz_sizeinbase(z.get_mpz_t(), 2); }

//===-- Flt: math/big.Float on GMP integers --------------------------------===//

enum class Mode { NearestEven, ToZero, AwayFromZero };

/// m * 2^e, or an infinity with m's sign. Zero is m == 0.
struct Flt {
  mpz_class m;
  long e = 0;
  bool inf = false;
  /// Binary exponent of the value as 0.1xxx * 2^top (big.Float.MantExp).
  long top() const { return e + long(bitLenOf(m)); }
};

Flt fltInf(int sign) { return {mpz_class(sign < 0 ? -1 : 1), 0, true}; }

/// Rounds x to prec bits. sticky says the exact magnitude is a little more
/// than |x.m| * 2^x.e (bits below were dropped). Applies the exponent range:
/// overflow gives an infinity, underflow 0.
void round(Flt &x, unsigned long prec, bool sticky = false, Mode mode = Mode::NearestEven) {
  if (x.inf) return;
  int s = sgn(x.m);
  if (s == 0) {
    x.e = 0;
    return;
  }
  mpz_class a = abs(x.m);
  unsigned long n = bitLenOf(a);
  if (sticky && n < prec + 2) {
    a <<= prec + 2 - n;
    x.e -= long(prec + 2 - n);
    n = prec + 2;
  }
  if (n > prec) {
    unsigned long sh = n - prec;
    mpz_class q = a >> sh;
    bool half = mpz_tstbit(a.get_mpz_t(), sh - 1);
    bool rest = sticky || mpz_scan1(a.get_mpz_t(), 0) < sh - 1;
    bool up = false;
    switch (mode) {
    case Mode::NearestEven: up = half && (rest || mpz_odd_p(q.get_mpz_t())); break;
    case Mode::ToZero: up = false; break;
    case Mode::AwayFromZero: up = half || rest; break;
    }
    if (up) q += 1;
    a = q;
    x.e += long(sh);
  }
  unsigned long tz = mpz_scan1(a.get_mpz_t(), 0);
  a >>= tz;
  x.e += long(tz);
  x.m = s < 0 ? mpz_class(-a) : a;
  long t = x.top();
  if (t > kFloatMaxExp) x = fltInf(s);
  else if (t < kFloatMinExp) x = Flt{};
}

Flt fltFromInt(const mpz_class &z, unsigned long prec) {
  Flt f{z, 0, false};
  round(f, prec);
  return f;
}

Flt fltQuo(const Flt &a, const Flt &b, unsigned long prec) {
  int s = sgn(a.m) * sgn(b.m);
  if (a.inf) return fltInf(s);
  if (b.inf || sgn(a.m) == 0) return Flt{};
  assert(sgn(b.m) != 0 && "float division by zero");
  unsigned long na = bitLenOf(a.m), nb = bitLenOf(b.m);
  unsigned long k = prec + 2 + nb > na ? prec + 2 + nb - na : 0;
  mpz_class num = abs(a.m) << k, q, r;
  mpz_class den = abs(b.m);
  mpz_tdiv_qr(q.get_mpz_t(), r.get_mpz_t(), num.get_mpz_t(), den.get_mpz_t());
  Flt z{s < 0 ? mpz_class(-q) : q, a.e - b.e - long(k), false};
  round(z, prec, sgn(r) != 0);
  return z;
}

Flt fltFromRat(const mpq_class &q, unsigned long prec) {
  return fltQuo(Flt{q.get_num(), 0, false}, Flt{q.get_den(), 0, false}, prec);
}

Flt fltMul(const Flt &a, const Flt &b, unsigned long prec) {
  int s = sgn(a.m) * sgn(b.m);
  if (a.inf || b.inf) return s == 0 ? Flt{} : fltInf(s);
  Flt z{a.m * b.m, a.e + b.e, false};
  round(z, prec);
  return z;
}

Flt fltNeg(Flt a) {
  a.m = -a.m;
  return a;
}

Flt fltAdd(Flt a, Flt b, unsigned long prec) {
  if (a.inf) return a; // inf - inf does not arise in constant arithmetic
  if (b.inf) return b;
  if (sgn(a.m) == 0) {
    round(b, prec);
    return b;
  }
  if (sgn(b.m) == 0) {
    round(a, prec);
    return a;
  }
  if (a.top() < b.top()) std::swap(a, b);
  // Give a at least prec+3 bits; b below half of its last bit only decides
  // the rounding direction.
  unsigned long na = bitLenOf(a.m);
  if (na < prec + 3) {
    a.m <<= prec + 3 - na;
    a.e -= long(prec + 3 - na);
  }
  if (b.top() < a.e - 1) {
    bool opposite = sgn(a.m) != sgn(b.m);
    mpz_class mag = abs(a.m) * 2 - (opposite ? 1 : 0);
    Flt z{sgn(a.m) < 0 ? mpz_class(-mag) : mag, a.e - 1, false};
    round(z, prec, true);
    return z;
  }
  long e = std::min(a.e, b.e);
  Flt z{(a.m << (unsigned long)(a.e - e)) + (b.m << (unsigned long)(b.e - e)), e, false};
  round(z, prec);
  return z;
}

int fltCmp(const Flt &a, const Flt &b) {
  int sa = sgn(a.m), sb = sgn(b.m);
  if (sa != sb) return sa < sb ? -1 : 1;
  if (sa == 0) return 0;
  int mag;
  if (a.inf || b.inf) mag = int(a.inf) - int(b.inf);
  else if (a.top() != b.top()) mag = a.top() < b.top() ? -1 : 1;
  else {
    long e = std::min(a.e, b.e);
    mpz_class x = abs(a.m) << (unsigned long)(a.e - e), y = abs(b.m) << (unsigned long)(b.e - e);
    mag = cmp(x, y);
    mag = mag < 0 ? -1 : mag > 0 ? 1 : 0;
  }
  return sa * mag;
}

//===-- rounding to IEEE binary formats -------------------------------------===//

struct IEEEFormat {
  int mantBits; // including the implicit bit
  int minExp;   // exponent of the smallest normal, as 2^minExp
  int maxExp;   // values below 2^maxExp are finite
};
constexpr IEEEFormat kBinary64{53, -1022, 1024};
constexpr IEEEFormat kBinary32{24, -126, 128};

/// Rounds num/den * 2^e2 (den > 0) to the nearest value of format fmt (ties
/// to even, with subnormals); the result is exact as a double. *exact tells
/// whether no rounding happened.
double roundIEEE(const mpz_class &num, const mpz_class &den, long e2, IEEEFormat fmt, bool *exact) {
  int s = sgn(num);
  if (exact) *exact = true;
  if (s == 0) return 0.0;
  mpz_class a = abs(num);
  long nb = long(bitLenOf(a)), db = long(bitLenOf(den));
  // |v| lies in [2^(t-1), 2^t).
  long t = nb - db + e2;
  {
    mpz_class l = a, r = den;
    if (nb >= db) r <<= (unsigned long)(nb - db);
    else l <<= (unsigned long)(db - nb);
    if (l >= r) ++t;
  }
  if (t > fmt.maxExp + 1) {
    if (exact) *exact = false;
    return s * HUGE_VAL;
  }
  long ulp = std::max<long>(t - 1, fmt.minExp) - (fmt.mantBits - 1);
  if (t < ulp - 1) {
    if (exact) *exact = false;
    return s < 0 ? -0.0 : 0.0;
  }
  // m = round(|v| / 2^ulp)
  long sh = e2 - ulp;
  mpz_class n = a, d = den;
  if (sh >= 0) n <<= (unsigned long)sh;
  else d <<= (unsigned long)(-sh);
  mpz_class q, r;
  mpz_tdiv_qr(q.get_mpz_t(), r.get_mpz_t(), n.get_mpz_t(), d.get_mpz_t());
  if (sgn(r) != 0) {
    if (exact) *exact = false;
    int c = cmp(mpz_class(r * 2), d);
    if (c > 0 || (c == 0 && mpz_odd_p(q.get_mpz_t()))) q += 1;
  }
  double v = std::ldexp(q.get_d(), int(ulp));
  if (std::isinf(v) || std::ldexp(1.0, fmt.maxExp - 1) * 2 <= v) {
    if (exact) *exact = false;
    return s * HUGE_VAL;
  }
  return s < 0 ? -v : v;
}

double fltToIEEE(const Flt &f, IEEEFormat fmt, bool *exact) {
  // big.Float's Float64/Float32 compute the exponent minus 1 in int32: at
  // the smallest exponent it wraps around and the result is an infinity.
  if (f.inf || (sgn(f.m) != 0 && f.top() == kFloatMinExp)) {
    if (exact) *exact = false;
    return sgn(f.m) * HUGE_VAL;
  }
  return roundIEEE(f.m, mpz_class(1), f.e, fmt, exact);
}

//===-- formatting ------------------------------------------------------------===//

/// fmt.Sprintf("%.6g", x) for a finite double (C's %g rounds and picks
/// between %e and %f as strconv does).
std::string formatG6(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

/// go/constant's floatVal.String for a 512-bit float.
std::string fltString(const Flt &f) {
  if (f.inf) return sgn(f.m) < 0 ? "-Inf" : "+Inf";
  double x = fltToIEEE(f, kBinary64, nullptr);
  if ((sgn(f.m) == 0) == (x == 0) && !std::isinf(x)) return formatG6(x);
  // Out of float64 range: approximate m * 10^e with a float64 m.
  long exp = f.top();
  double m = roundIEEE(f.m, mpz_class(1), -long(bitLenOf(f.m)), kBinary64, nullptr); // 0.5 <= |m| < 1
  double d = double(exp) * 0.30102999566398119521373889472449302676818988146211; // log10(2)
  long e = long(d);
  m *= std::pow(10.0, d - double(e));
  double am = std::fabs(m);
  if (am < 1 - 0.5e-6) {
    m *= 10;
    --e;
  } else if (am >= 10) {
    m /= 10;
    ++e;
  }
  return formatG6(m) + "e" + (e >= 0 ? "+" : "-") + std::to_string(e >= 0 ? e : -e);
}

/// big.Float.Text('p', 0): -0x.8p+3 style.
std::string fltExact(const Flt &f) {
  if (f.inf) return sgn(f.m) < 0 ? "-Inf" : "+Inf";
  if (sgn(f.m) == 0) return "0";
  mpz_class a = abs(f.m);
  unsigned long n = bitLenOf(a);
  a <<= (4 - n % 4) % 4;
  std::string hex = a.get_str(16);
  while (!hex.empty() && hex.back() == '0') hex.pop_back();
  long t = f.top();
  return std::string(sgn(f.m) < 0 ? "-" : "") + "0x." + hex + "p" + (t >= 0 ? "+" : "") + std::to_string(t);
}

/// Appends rune r as UTF-8.
void appendRune(std::string &out, uint32_t r) { syntax::appendUTF8(out, r); }

/// strconv.IsPrint for non-ASCII runes, except that unassigned code points
/// count as printable: spaces other than U+0020, line and paragraph
/// separators, format characters, private use and noncharacters are not.
bool isPrintNonASCII(uint32_t r) {
  static const std::pair<uint32_t, uint32_t> unprintable[] = {
      {0x80, 0xa0},       {0xad, 0xad},       {0x600, 0x605},     {0x61c, 0x61c},     {0x6dd, 0x6dd},
      {0x70f, 0x70f},     {0x8e2, 0x8e2},     {0x1680, 0x1680},   {0x180e, 0x180e},   {0x2000, 0x200f},
      {0x2028, 0x202f},   {0x205f, 0x2064},   {0x2066, 0x206f},   {0x3000, 0x3000},   {0xd800, 0xf8ff},
      {0xfeff, 0xfeff},   {0xfff9, 0xfffb},   {0xfffe, 0xffff},   {0x110bd, 0x110bd}, {0x110cd, 0x110cd},
      {0x13430, 0x13438}, {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a}, {0xe0001, 0xe0001}, {0xe0020, 0xe007f},
      {0xf0000, 0x10ffff}};
  for (auto [lo, hi] : unprintable)
    if (lo <= r && r <= hi) return false;
  return true;
}

/// strconv.Quote (see isPrintNonASCII for the one difference).
std::string quote(const std::string &s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    if (c >= 0x80) {
      size_t n = 0;
      uint32_t r = syntax::decodeUTF8(s.data() + i, s.size() - i, n);
      if (r == 0xFFFD && n <= 1) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
        i += 1;
        continue;
      }
      if (isPrintNonASCII(r)) {
        appendRune(out, r);
      } else {
        char buf[16];
        std::snprintf(buf, sizeof buf, r < 0x10000 ? "\\u%04x" : "\\U%08x", r);
        out += buf;
      }
      i += n;
      continue;
    }
    ++i;
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\a': out += "\\a"; break;
    case '\b': out += "\\b"; break;
    case '\f': out += "\\f"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    case '\v': out += "\\v"; break;
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

/// go/constant's stringVal.String: at most 72 runes, else 69 and "...".
std::string shortQuote(const std::string &s) {
  std::string q = quote(s);
  size_t runes = 0, cut = 0;
  for (size_t i = 0; i < q.size(); ++i) {
    if ((q[i] & 0xC0) != 0x80) {
      if (runes == 69) cut = i;
      ++runes;
    }
  }
  if (runes > 72) return q.substr(0, cut) + "...";
  return q;
}

int digitVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

/// 5^n as math/big's Float.pow5 computes it at prec bits.
Flt pow5(uint64_t n, unsigned long prec) {
  const uint64_t m = 27; // largest power of 5 in a uint64
  mpz_class p;
  if (n <= m) {
    mpz_ui_pow_ui(p.get_mpz_t(), 5, n);
    return fltFromInt(p, prec);
  }
  mpz_ui_pow_ui(p.get_mpz_t(), 5, m);
  Flt z = fltFromInt(p, prec);
  n -= m;
  Flt f = fltFromInt(5, prec + 64);
  while (n > 0) {
    if (n & 1) z = fltMul(z, f, prec);
    f = fltMul(f, f, prec + 64);
    n >>= 1;
  }
  return z;
}

} // namespace

/// Operations needing Constant's representation.
struct ConstantOps {
  static Constant fromFlt(const Flt &f) {
    // go/constant's makeFloat: zero is the rational 0, infinity Unknown.
    if (f.inf) return {};
    if (sgn(f.m) == 0) return Constant::makeFloat(mpq_class(0));
    Constant c;
    c.kind_ = Constant::Kind::Float;
    c.big_ = true;
    c.bf_ = BigFloat{f.m, f.e};
    c.f_ = ratOf(f);
    return c;
  }
  /// floatVal() of a big float: exact within 2^±100000, else clamped
  /// there (kept at creation so constants stay immutable and shareable).
  static mpq_class ratOf(const Flt &f) {
    const long bound = 100000;
    long e = f.e, t = f.top();
    mpz_class m = f.m;
    if (t > bound) {
      m = sgn(m);
      e = bound;
    } else if (t < -bound) {
      m = sgn(m);
      e = -bound - 1;
    }
    mpq_class q(m);
    if (e >= 0) q *= mpq_class(mpz_class(1) << (unsigned long)e);
    else q /= mpq_class(mpz_class(1) << (unsigned long)(-e));
    return q;
  }
  /// The value of an Int or Float as a 512-bit float (itof, rtof).
  static Flt toFlt(const Constant &c) {
    if (c.kind_ == Constant::Kind::Int) return fltFromInt(c.i_, kPrec);
    if (c.big_) return Flt{c.bf_.mant, c.bf_.exp, false};
    return fltFromRat(c.f_, kPrec);
  }
  static const Constant &re(const Constant &c) { return (*c.parts_)[0]; }
  static const Constant &im(const Constant &c) { return (*c.parts_)[1]; }

  /// go/constant's ord: the representation rank used to match operands.
  static int ord(const Constant &c) {
    switch (c.kind_) {
    case Constant::Kind::Unknown: return 0;
    case Constant::Kind::Bool:
    case Constant::Kind::String: return 1;
    case Constant::Kind::Int: return 2;
    case Constant::Kind::Float: return c.big_ ? 5 : 4;
    case Constant::Kind::Complex: return 6;
    }
    return 0;
  }
  /// Converts a numeric c to representation rank r >= ord(c).
  static Constant lift(const Constant &c, int r) {
    int o = ord(c);
    if (o == r || o < 2) return c;
    if (r == 6) return Constant::makeComplex(c, Constant::makeInt64(0));
    if (r == 5) return fromFlt(toFlt(c));
    if (r == 4) {
      Constant f;
      f.kind_ = Constant::Kind::Float;
      f.f_ = mpq_class(c.i_);
      return f;
    }
    return c;
  }

  static Constant binary(Tok op, const Constant &x0, const Constant &y0, bool intDiv);
  static Constant intBinary(Tok op, const mpz_class &a, const mpz_class &b, bool intDiv);
  static bool compare(Tok op, const Constant &x0, const Constant &y0);
  static std::optional<Constant> floatLiteral(std::string_view lit);
  static std::optional<Constant> toInt(const Constant &c);
};

//===-- factories ---------------------------------------------------------------===//

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
  if (bitLenOf(f.get_num()) >= kMaxExp || bitLenOf(f.get_den()) >= kMaxExp)
    return ConstantOps::fromFlt(fltFromRat(f, kPrec));
  Constant c;
  c.kind_ = Kind::Float;
  c.f_ = std::move(f);
  return c;
}

Constant Constant::makeFloat64(double f) {
  if (std::isinf(f) || std::isnan(f)) return {};
  if (f == 0) return makeFloat(mpq_class(0));
  int e = 0;
  double fr = std::frexp(f, &e); // f = fr * 2^e, 0.5 <= |fr| < 1
  mpz_class m(std::ldexp(fr, 53)); // f = m * 2^(e-53) exactly
  if (-long(kMaxExp) < e && e < long(kMaxExp)) {
    mpq_class q(m);
    if (e >= 53) q *= mpq_class(mpz_class(1) << (unsigned long)(e - 53));
    else q /= mpq_class(mpz_class(1) << (unsigned long)(53 - e));
    return makeFloat(q);
  }
  Flt x{m, long(e) - 53, false};
  round(x, kPrec);
  return ConstantOps::fromFlt(x);
}

Constant Constant::makeComplex(Constant re, Constant im) {
  if (re.kind_ == Kind::Unknown || im.kind_ == Kind::Unknown) return {};
  Constant c;
  c.kind_ = Kind::Complex;
  c.parts_ = std::make_shared<const std::array<Constant, 2>>(std::array<Constant, 2>{std::move(re), std::move(im)});
  return c;
}

Constant Constant::makeImag(const Constant &x) {
  if (x.kind_ != Kind::Int && x.kind_ != Kind::Float) return {};
  return makeComplex(makeInt64(0), x);
}

//===-- literals --------------------------------------------------------------===//

/// go/constant's makeFloatFromLiteral: big.Float.SetString at 512 bits, and
/// the exact rational when that is within 2^±4096.
std::optional<Constant> ConstantOps::floatLiteral(std::string_view lit) {
  std::string s;
  for (char c : lit)
    if (c != '_') s += c;
  // Like math/big, accept a sign (Go's literals have none).
  bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.erase(0, 1);
  size_t i = 0;
  int base = 10;
  if (s.size() > 1 && s[0] == '0') {
    char p = char(s[1] | 0x20);
    if (p == 'x') base = 16;
    else if (p == 'b') base = 2;
    else if (p == 'o') base = 8;
    if (base != 10) i = 2;
  }
  mpz_class mant = 0;
  long fdigits = 0, ndigits = 0;
  bool point = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (base == 10 && (c | 0x20) == 'e') break;
    if ((c | 0x20) == 'p') break;
    int d = digitVal(c);
    if (d >= base) return std::nullopt;
    mant = mant * base + d;
    ++ndigits;
    if (point) ++fdigits;
  }
  if (ndigits == 0) return std::nullopt;
  if (negative) mant = -mant;
  int ebase = 10;
  int64_t exp = 0;
  if (i < s.size()) {
    ebase = (s[i] | 0x20) == 'p' ? 2 : 10;
    ++i;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i == s.size()) return std::nullopt;
    for (; i < s.size(); ++i) {
      int d = digitVal(s[i]);
      if (d >= 10) return std::nullopt;
      if (exp > (INT64_MAX - d) / 10) return std::nullopt; // strconv.ParseInt fails
      exp = exp * 10 + d;
    }
    if (neg) exp = -exp;
  }
  if (exp > (int64_t(1) << 62) || exp < -(int64_t(1) << 62)) return std::nullopt; // beyond any exponent
  if (sgn(mant) == 0) return Constant::makeFloat(mpq_class(0));

  // big.Float.scan: 0.mant * 2^exp2 * 5^exp5.
  int bitsPerDigit = base == 16 ? 4 : base == 8 ? 3 : 1;
  int64_t exp2 = int64_t(bitLenOf(mant)), exp5 = 0;
  if (fdigits > 0) {
    if (base == 10) {
      exp5 = -fdigits;
      exp2 -= fdigits;
    } else {
      exp2 -= fdigits * bitsPerDigit;
    }
  }
  if (ebase == 10) exp5 += exp;
  exp2 += exp;
  if (exp2 < kFloatMinExp || exp2 > kFloatMaxExp) return std::nullopt; // "exponent overflow"
  Flt f{mant, long(exp2) - long(bitLenOf(mant)), false};
  if (exp5 == 0) {
    round(f, kPrec);
  } else {
    Flt p = pow5(uint64_t(exp5 < 0 ? -exp5 : exp5), kPrec + 64);
    f = exp5 < 0 ? fltQuo(f, p, kPrec) : fltMul(f, p, kPrec);
  }
  if (f.inf) return Constant{}; // Unknown; the caller reports it
  long t = sgn(f.m) == 0 ? 0 : f.top();
  if (-long(kMaxExp) < t && t < long(kMaxExp)) {
    // big.Rat.SetString of the literal (of "0" if it underflowed).
    if (sgn(f.m) == 0) return Constant::makeFloat(mpq_class(0));
    // big.Rat.SetString: mant * 2^r2 * 5^r5.
    int64_t r2 = -fdigits * bitsPerDigit + exp;
    int64_t r5 = (base == 10 ? -fdigits : 0) + (ebase == 10 ? exp : 0);
    if (r5 >= -1000000 && r5 <= 1000000 && r2 >= -10000000 && r2 <= 10000000) {
      mpz_class num = mant, den = 1, p5;
      mpz_ui_pow_ui(p5.get_mpz_t(), 5, (unsigned long)(r5 < 0 ? -r5 : r5));
      if (r5 > 0) num *= p5;
      else den = p5;
      if (r2 > 0) num <<= (unsigned long)r2;
      else den <<= (unsigned long)(-r2);
      mpq_class q(num, den);
      q.canonicalize();
      Constant c;
      c.kind_ = Constant::Kind::Float;
      c.f_ = std::move(q);
      return c;
    }
  }
  return fromFlt(f);
}

std::optional<Constant> Constant::fromLiteral(Tok kind, std::string_view text) {
  switch (kind) {
  case Tok::Int: {
    std::string s;
    for (char c : text)
      if (c != '_') s += c;
    bool negative = !s.empty() && s[0] == '-';
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.erase(0, 1);
    int base = 10;
    size_t i = 0;
    if (s.size() > 1 && s[0] == '0') {
      char p = char(s[1] | 0x20);
      if (p == 'x') { base = 16; i = 2; }
      else if (p == 'b') { base = 2; i = 2; }
      else if (p == 'o') { base = 8; i = 2; }
      else { base = 8; i = 1; }
    }
    if (i == s.size()) return s == "0" ? std::optional(makeInt(0)) : std::nullopt;
    mpz_class v;
    if (s[i] == '-' || s[i] == '+' || mpz_set_str(v.get_mpz_t(), s.c_str() + i, base) != 0) return std::nullopt;
    return makeInt(negative ? mpz_class(-v) : v);
  }
  case Tok::Float: {
    auto v = ConstantOps::floatLiteral(text);
    if (!v || v->kind() == Kind::Unknown) return std::nullopt;
    return v;
  }
  case Tok::Imag: {
    if (text.empty() || text.back() != 'i') return std::nullopt;
    auto v = ConstantOps::floatLiteral(text.substr(0, text.size() - 1));
    if (!v || v->kind() == Kind::Unknown) return std::nullopt;
    return makeImag(*v);
  }
  case Tok::Char:
    if (text.size() < 3 || text.front() != '\'' || text.back() != '\'') return std::nullopt;
    return makeInt64(int64_t(syntax::unquoteRune(text)));
  case Tok::String:
    if (text.size() < 2 || text.front() != text.back() || (text.front() != '"' && text.front() != '`'))
      return std::nullopt;
    return makeString(syntax::unquote(text));
  default: return std::nullopt;
  }
}

//===-- accessors and conversions ----------------------------------------------===//

const mpq_class &Constant::floatVal() const { return f_; }

mpq_class Constant::toRat() const {
  if (kind_ == Kind::Int) return mpq_class(i_);
  if (kind_ == Kind::Float) return floatVal();
  return mpq_class(0);
}

std::optional<Constant> ConstantOps::toInt(const Constant &c) {
  using K = Constant::Kind;
  switch (c.kind_) {
  case K::Int: return c;
  case K::Float: {
    if (!c.big_) {
      if (c.f_.get_den() == 1) return Constant::makeInt(c.f_.get_num());
      return std::nullopt;
    }
    Flt f = toFlt(c);
    long t = f.top();
    if (!(-long(kMaxExp) < t && t < long(kMaxExp))) return std::nullopt;
    auto asInt = [](const Flt &x) -> std::optional<Constant> {
      if (x.e < 0 && mpz_scan1(x.m.get_mpz_t(), 0) < (unsigned long)(-x.e)) return std::nullopt;
      return Constant::makeInt(x.e >= 0 ? mpz_class(x.m << (unsigned long)x.e) : mpz_class(x.m >> (unsigned long)(-x.e)));
    };
    if (auto i = asInt(f)) return i;
    // An integer within a few bits of rounding counts: prior rounding
    // errors are assumed.
    const unsigned long delta = 4;
    for (Mode m : {Mode::ToZero, Mode::AwayFromZero}) {
      Flt r = f;
      round(r, kPrec - delta, false, m);
      if (auto i = asInt(r)) return i;
    }
    return std::nullopt;
  }
  case K::Complex: {
    Constant re = c.toFloat();
    if (re.kind_ == K::Float) return toInt(re);
    return std::nullopt;
  }
  default: return std::nullopt;
  }
}

std::optional<Constant> Constant::toInt() const { return ConstantOps::toInt(*this); }

Constant Constant::toFloat() const {
  switch (kind_) {
  case Kind::Int:
    if (bitLenOf(i_) < kMaxExp) {
      Constant c;
      c.kind_ = Kind::Float;
      c.f_ = mpq_class(i_);
      return c;
    }
    return ConstantOps::fromFlt(fltFromInt(i_, kPrec));
  case Kind::Float: return *this;
  case Kind::Complex:
    if (ConstantOps::im(*this).sign() == 0) return ConstantOps::re(*this).toFloat();
    return {};
  default: return {};
  }
}

Constant Constant::toComplex() const {
  if (kind_ == Kind::Int || kind_ == Kind::Float) return makeComplex(*this, makeInt64(0));
  if (kind_ == Kind::Complex) return *this;
  return {};
}

Constant Constant::real() const {
  if (kind_ == Kind::Complex) return ConstantOps::re(*this);
  if (kind_ == Kind::Int || kind_ == Kind::Float) return *this;
  return {};
}

Constant Constant::imag() const {
  if (kind_ == Kind::Complex) return ConstantOps::im(*this);
  if (kind_ == Kind::Int || kind_ == Kind::Float) return makeInt64(0);
  return {};
}

bool Constant::fitsInt64() const { return kind_ == Kind::Int && mpz_fits_slong_p(i_.get_mpz_t()); }
bool Constant::fitsUint64() const { return kind_ == Kind::Int && sgn(i_) >= 0 && mpz_fits_ulong_p(i_.get_mpz_t()); }
static_assert(sizeof(long) == 8, "GMP's long must be 64 bits");

int64_t Constant::int64Val() const { return int64_t(uint64Val()); }

uint64_t Constant::uint64Val() const {
  // mpz_get_ui gives the low bits of the absolute value.
  uint64_t v = mpz_get_ui(i_.get_mpz_t());
  return sgn(i_) < 0 ? uint64_t(0) - v : v;
}

unsigned long Constant::bitLen() const { return kind_ == Kind::Int ? bitLenOf(i_) : 0; }

int Constant::sign() const {
  switch (kind_) {
  case Kind::Int: return sgn(i_);
  case Kind::Float: return big_ ? sgn(bf_.mant) : sgn(f_);
  case Kind::Complex: return ConstantOps::re(*this).sign() | ConstantOps::im(*this).sign();
  case Kind::Unknown: return 1;
  default: return 0;
  }
}

static double toIEEE(const Constant &c, IEEEFormat fmt, bool *exact) {
  switch (c.kind()) {
  case Constant::Kind::Int:
    // go/constant converts ints beyond int64 through a 512-bit float.
    if (c.fitsInt64()) return roundIEEE(c.intVal(), mpz_class(1), 0, fmt, exact);
    return fltToIEEE(fltFromInt(c.intVal(), kPrec), fmt, exact);
  case Constant::Kind::Float:
    if (c.isRat()) return roundIEEE(c.floatVal().get_num(), c.floatVal().get_den(), 0, fmt, exact);
    return fltToIEEE(ConstantOps::toFlt(c), fmt, exact);
  case Constant::Kind::Complex: return toIEEE(c.real(), fmt, exact);
  default:
    if (exact) *exact = false;
    return 0;
  }
}

double Constant::toDouble(bool *exact) const { return toIEEE(*this, kBinary64, exact); }
float Constant::toFloat32(bool *exact) const { return float(toIEEE(*this, kBinary32, exact)); }

//===-- strings -------------------------------------------------------------------===//

std::string Constant::str() const {
  switch (kind_) {
  case Kind::Unknown: return "unknown";
  case Kind::Bool: return b_ ? "true" : "false";
  case Kind::String: return shortQuote(s_);
  case Kind::Int: return i_.get_str();
  case Kind::Float: return fltString(ConstantOps::toFlt(*this));
  case Kind::Complex: return "(" + ConstantOps::re(*this).str() + " + " + ConstantOps::im(*this).str() + "i)";
  }
  return "?";
}

std::string Constant::exactString() const {
  switch (kind_) {
  case Kind::String: return quote(s_);
  case Kind::Float:
    if (big_) return fltExact(ConstantOps::toFlt(*this));
    if (f_.get_den() == 1) return f_.get_num().get_str();
    return f_.get_str();
  case Kind::Complex:
    return "(" + ConstantOps::re(*this).exactString() + " + " + ConstantOps::im(*this).exactString() + "i)";
  default: return str();
  }
}

//===-- operations --------------------------------------------------------------===//

/// BinaryOp on two Ints, without copying the operands.
Constant ConstantOps::intBinary(Tok op, const mpz_class &a, const mpz_class &b, bool intDiv) {
  switch (op) {
  case Tok::Add: return Constant::makeInt(a + b);
  case Tok::Sub: return Constant::makeInt(a - b);
  case Tok::Mul: return Constant::makeInt(a * b);
  case Tok::Quo: {
    if (sgn(b) == 0) return {};
    if (!intDiv) return Constant::makeFloat(mpq_class(a, b));
    mpz_class q;
    mpz_tdiv_q(q.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
    return Constant::makeInt(q);
  }
  case Tok::Rem: {
    if (sgn(b) == 0) return {};
    mpz_class q;
    mpz_tdiv_r(q.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
    return Constant::makeInt(q);
  }
  case Tok::And: return Constant::makeInt(a & b);
  case Tok::Or: return Constant::makeInt(a | b);
  case Tok::Xor: return Constant::makeInt(a ^ b);
  case Tok::AndNot: {
    mpz_class nb;
    mpz_com(nb.get_mpz_t(), b.get_mpz_t());
    return Constant::makeInt(a & nb);
  }
  default: return {};
  }
}

Constant ConstantOps::binary(Tok op, const Constant &x0, const Constant &y0, bool intDiv) {
  using K = Constant::Kind;
  if (x0.kind_ == K::Unknown || y0.kind_ == K::Unknown) return {};
  if (op == Tok::QuoAssign) {
    op = Tok::Quo;
    intDiv = true;
  }
  if (x0.kind_ == K::Bool && y0.kind_ == K::Bool) {
    if (op == Tok::LAnd) return Constant::makeBool(x0.b_ && y0.b_);
    if (op == Tok::LOr) return Constant::makeBool(x0.b_ || y0.b_);
    return {};
  }
  if (x0.kind_ == K::String && y0.kind_ == K::String) {
    if (op == Tok::Add) return Constant::makeString(x0.s_ + y0.s_);
    return {};
  }
  if (!x0.isNumeric() || !y0.isNumeric()) return {};
  int r = std::max(ord(x0), ord(y0));
  if (r == 2) return intBinary(op, x0.i_, y0.i_, intDiv);
  Constant x = lift(x0, r), y = lift(y0, r);
  switch (r) {
  case 4: { // rational Float
    const mpq_class &a = x.f_, &b = y.f_;
    switch (op) {
    case Tok::Add: return Constant::makeFloat(a + b);
    case Tok::Sub: return Constant::makeFloat(a - b);
    case Tok::Mul: return Constant::makeFloat(a * b);
    case Tok::Quo:
      if (sgn(b) == 0) return {};
      return Constant::makeFloat(a / b);
    default: return {};
    }
  }
  case 5: { // 512-bit Float
    Flt a = toFlt(x), b = toFlt(y);
    switch (op) {
    case Tok::Add: return fromFlt(fltAdd(a, b, kPrec));
    case Tok::Sub: return fromFlt(fltAdd(a, fltNeg(b), kPrec));
    case Tok::Mul: return fromFlt(fltMul(a, b, kPrec));
    case Tok::Quo:
      if (sgn(b.m) == 0) return {};
      return fromFlt(fltQuo(a, b, kPrec));
    default: return {};
    }
  }
  case 6: { // Complex
    const Constant &a = re(x), &b = im(x), &c = re(y), &d = im(y);
    auto add = [](const Constant &p, const Constant &q) { return binary(Tok::Add, p, q, false); };
    auto sub = [](const Constant &p, const Constant &q) { return binary(Tok::Sub, p, q, false); };
    auto mul = [](const Constant &p, const Constant &q) { return binary(Tok::Mul, p, q, false); };
    auto quo = [](const Constant &p, const Constant &q) { return binary(Tok::Quo, p, q, false); };
    switch (op) {
    case Tok::Add: return Constant::makeComplex(add(a, c), add(b, d));
    case Tok::Sub: return Constant::makeComplex(sub(a, c), sub(b, d));
    case Tok::Mul: return Constant::makeComplex(sub(mul(a, c), mul(b, d)), add(mul(b, c), mul(a, d)));
    case Tok::Quo: {
      Constant s = add(mul(c, c), mul(d, d));
      if (s.sign() == 0) return {};
      return Constant::makeComplex(quo(add(mul(a, c), mul(b, d)), s), quo(sub(mul(b, c), mul(a, d)), s));
    }
    default: return {};
    }
  }
  }
  return {};
}

Constant Constant::binary(Tok op, const Constant &x, const Constant &y, bool intDiv) {
  return ConstantOps::binary(op, x, y, intDiv);
}

static bool cmpResult(Tok op, int c) {
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

bool ConstantOps::compare(Tok op, const Constant &x0, const Constant &y0) {
  using K = Constant::Kind;
  if (x0.kind_ == K::Unknown || y0.kind_ == K::Unknown) return false;
  bool ordered = op != Tok::Eql && op != Tok::Neq;
  if (x0.kind_ == K::Bool && y0.kind_ == K::Bool) return !ordered && cmpResult(op, int(x0.b_) - int(y0.b_));
  if (x0.kind_ == K::String && y0.kind_ == K::String) return cmpResult(op, x0.s_.compare(y0.s_));
  if (!x0.isNumeric() || !y0.isNumeric()) return false;
  int r = std::max(ord(x0), ord(y0));
  if (r == 2) return cmpResult(op, cmp(x0.i_, y0.i_));
  Constant x = lift(x0, r), y = lift(y0, r);
  switch (r) {
  case 4: return cmpResult(op, cmp(x.f_, y.f_));
  case 5: return cmpResult(op, fltCmp(toFlt(x), toFlt(y)));
  case 6: {
    if (ordered) return false;
    bool eq = compare(Tok::Eql, re(x), re(y)) && compare(Tok::Eql, im(x), im(y));
    return op == Tok::Eql ? eq : !eq;
  }
  }
  return false;
}

bool Constant::compare(Tok op, const Constant &x, const Constant &y) { return ConstantOps::compare(op, x, y); }

Constant Constant::unary(Tok op, const Constant &x, unsigned prec) {
  if (x.kind_ == Kind::Unknown) return x;
  switch (op) {
  case Tok::Add:
    if (x.isNumeric()) return x;
    return {};
  case Tok::Sub:
    switch (x.kind_) {
    case Kind::Int: return makeInt(-x.i_);
    case Kind::Float: {
      if (!x.big_) return makeFloat(-x.f_);
      Constant c = x;
      c.bf_.mant = -c.bf_.mant;
      c.f_ = -c.f_;
      return c;
    }
    case Kind::Complex: return makeComplex(unary(Tok::Sub, x.real()), unary(Tok::Sub, x.imag()));
    default: return {};
    }
  case Tok::Not:
    if (x.kind_ == Kind::Bool) return makeBool(!x.b_);
    return {};
  case Tok::Xor: {
    if (x.kind_ != Kind::Int) return {};
    mpz_class r;
    mpz_com(r.get_mpz_t(), x.i_.get_mpz_t());
    // For unsigned types the result is limited to the type's precision.
    if (prec > 0) r &= (mpz_class(1) << prec) - 1;
    return makeInt(r);
  }
  default: return {};
  }
}

Constant Constant::shift(Tok op, const Constant &x, unsigned long s) {
  if (x.kind_ != Kind::Int) return {};
  mpz_class r;
  if (op == Tok::Shl) mpz_mul_2exp(r.get_mpz_t(), x.i_.get_mpz_t(), s);
  else if (op == Tok::Shr) mpz_fdiv_q_2exp(r.get_mpz_t(), x.i_.get_mpz_t(), s);
  else return {};
  return makeInt(r);
}

//===-- representability (types2's representableConst) ---------------------------===//

/// types2's roundFloat32/roundFloat64: the value rounded to the format, or
/// nullopt when it overflows.
static std::optional<Constant> roundFloat(const Constant &x, bool is32) {
  double f = is32 ? double(x.toFloat32()) : x.toDouble();
  if (std::isinf(f)) return std::nullopt;
  return Constant::makeFloat64(f);
}

bool representable(const Constant &x, BasicKind target, Constant *rounded, unsigned wordBits) {
  using K = Constant::Kind;
  using B = BasicKind;
  if (x.kind() == K::Unknown) return true;
  switch (target) {
  case B::Int: case B::Int8: case B::Int16: case B::Int32: case B::Int64:
  case B::Uint: case B::Uint8: case B::Uint16: case B::Uint32: case B::Uint64: case B::Uintptr:
  case B::UntypedInt: case B::UntypedRune: {
    auto i = x.toInt();
    if (!i) return false;
    if (rounded) *rounded = *i;
    unsigned bits = 64;
    bool isSigned = true;
    switch (target) {
    case B::Int: bits = wordBits; break;
    case B::Int8: bits = 8; break;
    case B::Int16: bits = 16; break;
    case B::Int32: bits = 32; break;
    case B::Int64: bits = 64; break;
    case B::Uint: case B::Uintptr: bits = wordBits; isSigned = false; break;
    case B::Uint8: bits = 8; isSigned = false; break;
    case B::Uint16: bits = 16; isSigned = false; break;
    case B::Uint32: bits = 32; isSigned = false; break;
    case B::Uint64: bits = 64; isSigned = false; break;
    default: return true; // untyped
    }
    const mpz_class &v = i->intVal();
    if (isSigned) return v >= -(mpz_class(1) << (bits - 1)) && v < (mpz_class(1) << (bits - 1));
    return sgn(v) >= 0 && bitLenOf(v) <= bits;
  }
  case B::Float32: case B::Float64: case B::UntypedFloat: {
    Constant f = x.toFloat();
    if (f.kind() != K::Float) return false;
    if (target == B::UntypedFloat) return true;
    auto r = roundFloat(f, target == B::Float32);
    if (!r) return false;
    if (rounded) *rounded = *r;
    return true;
  }
  case B::Complex64: case B::Complex128: case B::UntypedComplex: {
    Constant c = x.toComplex();
    if (c.kind() != K::Complex) return false;
    if (target == B::UntypedComplex) return true;
    auto re = roundFloat(c.real(), target == B::Complex64);
    auto im = roundFloat(c.imag(), target == B::Complex64);
    if (!re || !im) return false;
    if (rounded) *rounded = Constant::binary(Tok::Add, *re, Constant::makeImag(*im), false);
    return true;
  }
  case B::String: case B::UntypedString: return x.kind() == K::String;
  case B::Bool: case B::UntypedBool: return x.kind() == K::Bool;
  default: return false;
  }
}

} // namespace origo::types
