//===- test/unit/constant_test.cpp - constant values against go/constant --===//
/// \file
/// Constant arithmetic, literals, string forms and representability, each
/// expectation taken from Go 1.19's go/constant (a Go program printing
/// String, ExactString, Float64Val and Float32Val of the same values), so
/// origo's constants match gc's.
//===----------------------------------------------------------------------===//
#include "types/constant.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace origo;
using origo::syntax::Tok;
using origo::types::BasicKind;
using origo::types::Constant;
using K = Constant::Kind;

namespace {

Constant lit(Tok t, const char *s) {
  auto v = Constant::fromLiteral(t, s);
  EXPECT_TRUE(v.has_value()) << s;
  return v ? *v : Constant();
}
Constant I(const char *s) { return lit(Tok::Int, s); }
Constant F(const char *s) { return lit(Tok::Float, s); }
Constant Im(const char *s) { return lit(Tok::Imag, s); }
Constant bin(const Constant &x, Tok op, const Constant &y) { return Constant::binary(op, x, y, false); }
Constant shl(const Constant &x, unsigned long s) { return Constant::shift(Tok::Shl, x, s); }

/// str() and, unless null, exactString() of v.
void expectForms(const Constant &v, K kind, const char *str, const char *exact) {
  EXPECT_EQ(v.kind(), kind) << str;
  EXPECT_EQ(v.str(), str);
  if (exact) EXPECT_EQ(v.exactString(), exact);
}

struct LitCase {
  Tok tok;
  const char *text;
  K kind; // Unknown: fromLiteral gives nullopt
  const char *str, *exact;
};

// go/constant.MakeFromLiteral(text), printed with String and ExactString
// (ExactString left out where it runs to hundreds of digits).
const LitCase litCases[] = {
    {Tok::Int, R"go(0)go", K::Int, R"go(0)go", R"go(0)go"},
    {Tok::Int, R"go(42)go", K::Int, R"go(42)go", R"go(42)go"},
    {Tok::Int, R"go(0x_FF)go", K::Int, R"go(255)go", R"go(255)go"},
    {Tok::Int, R"go(0o17)go", K::Int, R"go(15)go", R"go(15)go"},
    {Tok::Int, R"go(017)go", K::Int, R"go(15)go", R"go(15)go"},
    {Tok::Int, R"go(0b1011)go", K::Int, R"go(11)go", R"go(11)go"},
    {Tok::Int, R"go(1_000_000)go", K::Int, R"go(1000000)go", R"go(1000000)go"},
    {Tok::Int, R"go(9223372036854775807)go", K::Int, R"go(9223372036854775807)go", R"go(9223372036854775807)go"},
    {Tok::Int, R"go(9223372036854775808)go", K::Int, R"go(9223372036854775808)go", R"go(9223372036854775808)go"},
    {Tok::Int, R"go(18446744073709551616)go", K::Int, R"go(18446744073709551616)go", R"go(18446744073709551616)go"},
    {Tok::Int, R"go(0x1p-2)go", K::Unknown, R"go(unknown)go", R"go(unknown)go"},
    {Tok::Float, R"go(0.)go", K::Float, R"go(0)go", R"go(0)go"},
    {Tok::Float, R"go(1.5)go", K::Float, R"go(1.5)go", R"go(3/2)go"},
    {Tok::Float, R"go(0.1)go", K::Float, R"go(0.1)go", R"go(1/10)go"},
    {Tok::Float, R"go(1e6)go", K::Float, R"go(1e+06)go", R"go(1000000)go"},
    {Tok::Float, R"go(1e5)go", K::Float, R"go(100000)go", R"go(100000)go"},
    {Tok::Float, R"go(123456789.0)go", K::Float, R"go(1.23457e+08)go", R"go(123456789)go"},
    {Tok::Float, R"go(1e100)go", K::Float, R"go(1e+100)go", R"go(10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000)go"},
    {Tok::Float, R"go(1e-100)go", K::Float, R"go(1e-100)go", R"go(1/10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000)go"},
    {Tok::Float, R"go(6.02214076e23)go", K::Float, R"go(6.02214e+23)go", R"go(602214076000000000000000)go"},
    {Tok::Float, R"go(1_0.2_5)go", K::Float, R"go(10.25)go", R"go(41/4)go"},
    {Tok::Float, R"go(.5e-3)go", K::Float, R"go(0.0005)go", R"go(1/2000)go"},
    {Tok::Float, R"go(0x1p-2)go", K::Float, R"go(0.25)go", R"go(1/4)go"},
    {Tok::Float, R"go(0x1.8p3)go", K::Float, R"go(12)go", R"go(12)go"},
    {Tok::Float, R"go(0X.8p1)go", K::Float, R"go(1)go", R"go(1)go"},
    {Tok::Float, R"go(0x1p-1074)go", K::Float, R"go(4.94066e-324)go", nullptr},
    {Tok::Float, R"go(1e1000)go", K::Float, R"go(1e+1000)go", nullptr},
    {Tok::Float, R"go(1e-1000)go", K::Float, R"go(1e-1000)go", nullptr},
    {Tok::Float, R"go(1e1233)go", K::Float, R"go(1e+1233)go", R"go(0x.f51e928179013fd3de4bd12cde4d985c4a573ca6f94bff13d44b7df7ab2a4b04cf7d74fb200343dfb684f73be4f4096059b768d22b4664d48010641420ee9076p+4096)go"},
    {Tok::Float, R"go(1e1234)go", K::Float, R"go(1e+1234)go", R"go(0x.99331b90eba0c7e46aef62bc0af07f39ae7685e85bcf7f6c64af2ebacafa6ee301ae691cf4020a6bd2131a856f1885dc3812a1835b0bff04d00a3e8c94951a4ap+4100)go"},
    {Tok::Float, R"go(1e-1234)go", K::Float, R"go(1e-1234)go", R"go(0x.d5e40e47fafc23647af1e4c29f1c64ba283004bf9dfc94abdf0436a9e809ad3c63f45f4dcb8e78f8052f00e206f07f3ae2da689ac725040af4a0a89b36cec8dap-4099)go"},
    {Tok::Float, R"go(1e5000)go", K::Float, R"go(1e+5000)go", R"go(0x.c78820040d9443cf1647f794d877186661e259c03d11478721738640a451aba2200ffeaefaac52e8fcf82b4d9d0d238a8cf9db72407cfb4f87703844a2663acp+16610)go"},
    {Tok::Float, R"go(1e-5000)go", K::Float, R"go(1e-5000)go", R"go(0x.a43978d593b68f3f4485e2694f9f29eef41ea50773490ef5ac03cff6c6119dedf2ed54c69b87c3c8c6d5bad7346db47a5775f81ca189fb11fea6418033cf435bp-16609)go"},
    {Tok::Float, R"go(1e646456992)go", K::Float, R"go(1e+646456992)go", R"go(0x.e883a0c5c8c7c429f87b989b4e2591165d9c5e1c6c2115eb208b250a2d69abf9a0b3dfdc73925664b57faa889e877c65b94f1b2f2a52c900dab926f8d3b4fe8dp+2147483644)go"},
    {Tok::Float, R"go(1e646456993)go", K::Unknown, R"go(unknown)go", R"go(unknown)go"},
    {Tok::Float, R"go(1e-646456992)go", K::Float, R"go(1e-646456992)go", R"go(0x.8cedd5d61f268257c97c77b3782d82db4829e594269db8c88327de9afe606d86e10f21f160e829c8b422a9e7eec76b8331253314088ae8e74d37527298410d89p-2147483643)go"},
    {Tok::Float, R"go(1e+1000000000)go", K::Unknown, R"go(unknown)go", R"go(unknown)go"},
    {Tok::Float, R"go(1e-1000000000)go", K::Float, R"go(0)go", R"go(0)go"},
    {Tok::Float, R"go(6e5518446744)go", K::Unknown, R"go(unknown)go", R"go(unknown)go"},
    {Tok::Float, R"go(2.5e-400)go", K::Float, R"go(2.5e-400)go", nullptr},
    {Tok::Float, R"go(1.7976931348623157e308)go", K::Float, R"go(1.79769e+308)go", nullptr},
    {Tok::Float, R"go(1.8e308)go", K::Float, R"go(1.8e+308)go", nullptr},
    {Tok::Float, R"go(3.4028235e38)go", K::Float, R"go(3.40282e+38)go", R"go(340282350000000000000000000000000000000)go"},
    {Tok::Float, R"go(3.4028236e38)go", K::Float, R"go(3.40282e+38)go", R"go(340282360000000000000000000000000000000)go"},
    {Tok::Float, R"go(1e-46)go", K::Float, R"go(1e-46)go", R"go(1/10000000000000000000000000000000000000000000000)go"},
    {Tok::Float, R"go(0.000001)go", K::Float, R"go(1e-06)go", R"go(1/1000000)go"},
    {Tok::Float, R"go(0.0001)go", K::Float, R"go(0.0001)go", R"go(1/10000)go"},
    {Tok::Float, R"go(0.00001)go", K::Float, R"go(1e-05)go", R"go(1/100000)go"},
    {Tok::Float, R"go(100000)go", K::Float, R"go(100000)go", R"go(100000)go"},
    {Tok::Float, R"go(1234565)go", K::Float, R"go(1.23456e+06)go", R"go(1234565)go"},
    {Tok::Float, R"go(1234575)go", K::Float, R"go(1.23458e+06)go", R"go(1234575)go"},
    {Tok::Float, R"go(0.1234565)go", K::Float, R"go(0.123456)go", R"go(246913/2000000)go"},
    {Tok::Float, R"go(0x1p4095)go", K::Float, R"go(5.22194e+1232)go", R"go(0x.8p+4096)go"},
    {Tok::Float, R"go(0x1p4096)go", K::Float, R"go(1.04439e+1233)go", R"go(0x.8p+4097)go"},
    {Tok::Float, R"go(0x1p-4095)go", K::Float, R"go(1.915e-1233)go", nullptr},
    {Tok::Float, R"go(0x1p-4096)go", K::Float, R"go(0.957498e-1233)go", nullptr},
    {Tok::Float, R"go(0x1p2147483646)go", K::Float, R"go(4.40403e+646456992)go", R"go(0x.8p+2147483647)go"},
    {Tok::Float, R"go(0x1p2147483647)go", K::Unknown, R"go(unknown)go", R"go(unknown)go"},
    {Tok::Float, R"go(0x1p-2147483648)go", K::Float, R"go(0.567662e-646456993)go", R"go(0x.8p-2147483647)go"},
    {Tok::Float, R"go(0x1p-2147483649)go", K::Float, R"go(2.83831e-646456994)go", R"go(0x.8p-2147483648)go"},
    {Tok::Float, R"go(0e999999999999)go", K::Float, R"go(0)go", R"go(0)go"},
    {Tok::Float, R"go(1e9223372036854775807)go", K::Unknown, R"go(unknown)go", R"go(unknown)go"},
    {Tok::Float, R"go(1e-9223372036854775807)go", K::Unknown, R"go(unknown)go", R"go(unknown)go"},
    {Tok::Float, R"go(0x1p+99999999999999999999)go", K::Unknown, R"go(unknown)go", R"go(unknown)go"},
    {Tok::Imag, R"go(1.5i)go", K::Complex, R"go((0 + 1.5i))go", R"go((0 + 3/2i))go"},
    {Tok::Imag, R"go(0i)go", K::Complex, R"go((0 + 0i))go", R"go((0 + 0i))go"},
    {Tok::Imag, R"go(2i)go", K::Complex, R"go((0 + 2i))go", R"go((0 + 2i))go"},
    {Tok::Imag, R"go(0123i)go", K::Complex, R"go((0 + 123i))go", R"go((0 + 123i))go"},
    {Tok::Imag, R"go(0x1p-2i)go", K::Complex, R"go((0 + 0.25i))go", R"go((0 + 1/4i))go"},
    {Tok::Imag, R"go(1e1000i)go", K::Complex, R"go((0 + 1e+1000i))go", nullptr},
    {Tok::Char, R"go('a')go", K::Int, R"go(97)go", R"go(97)go"},
    {Tok::Char, R"go('\n')go", K::Int, R"go(10)go", R"go(10)go"},
    {Tok::Char, R"go('\u00e9')go", K::Int, R"go(233)go", R"go(233)go"},
    {Tok::Char, R"go('\377')go", K::Int, R"go(255)go", R"go(255)go"},
    {Tok::Char, R"go('\xff')go", K::Int, R"go(255)go", R"go(255)go"},
    {Tok::Char, R"go('世')go", K::Int, R"go(19990)go", R"go(19990)go"},
    {Tok::String, R"go("abc")go", K::String, R"go("abc")go", R"go("abc")go"},
    {Tok::String, R"go(`raw\n`)go", K::String, R"go("raw\\n")go", R"go("raw\\n")go"},
    {Tok::String, R"go("a\tb\x00\x7f")go", K::String, R"go("a\tb\x00\x7f")go", R"go("a\tb\x00\x7f")go"},
    {Tok::String, R"go("héllo")go", K::String, R"go("héllo")go", R"go("héllo")go"},
    {Tok::String, R"go("\xff\xfe")go", K::String, R"go("\xff\xfe")go", R"go("\xff\xfe")go"},
    {Tok::String, R"go("0123456789012345678901234567890123456789012345678901234567890123456789")go", K::String, R"go("0123456789012345678901234567890123456789012345678901234567890123456789")go", R"go("0123456789012345678901234567890123456789012345678901234567890123456789")go"},
    {Tok::String, R"go("012345678901234567890123456789012345678901234567890123456789012345678")go", K::String, R"go("012345678901234567890123456789012345678901234567890123456789012345678")go", R"go("012345678901234567890123456789012345678901234567890123456789012345678")go"},
    {Tok::String, R"go("0123456789012345678901234567890123456789012345678901234567890123456789é")go", K::String, R"go("01234567890123456789012345678901234567890123456789012345678901234567...)go", R"go("0123456789012345678901234567890123456789012345678901234567890123456789é")go"},
    {Tok::String, R"go("\a\b\f\v\\\"")go", K::String, R"go("\a\b\f\v\\\"")go", R"go("\a\b\f\v\\\"")go"},
};

TEST(Constant, Literals) {
  for (const LitCase &c : litCases) {
    SCOPED_TRACE(c.text);
    auto v = Constant::fromLiteral(c.tok, c.text);
    if (c.kind == K::Unknown) {
      EXPECT_FALSE(v.has_value());
      continue;
    }
    ASSERT_TRUE(v.has_value());
    expectForms(*v, c.kind, c.str, c.exact);
  }
}

TEST(Constant, BigExponentsStayRepresentable) {
  // issue20232.go: 1e646456992 is a constant; 1e+1000000000 is malformed.
  Constant x = F("1e646456992");
  EXPECT_FALSE(x.isRat());
  EXPECT_EQ(x.str(), "1e+646456992");
  EXPECT_EQ(bin(x, Tok::Mul, I("10")).kind(), K::Unknown); // overflows
  EXPECT_EQ(bin(x, Tok::Mul, x).kind(), K::Unknown);
  expectForms(bin(x, Tok::Add, I("1")), K::Float, "1e+646456992", x.exactString().c_str());
  expectForms(bin(x, Tok::Sub, x), K::Float, "0", "0");
  expectForms(bin(F("1e-646456992"), Tok::Mul, F("1e-646456992")), K::Float, "0", "0");
  expectForms(Constant::unary(Tok::Sub, x), K::Float, "-1e+646456992",
              "-0x.e883a0c5c8c7c429f87b989b4e2591165d9c5e1c6c2115eb208b250a2d69abf9a0b3dfdc73925664b57faa889e877c65b94"
              "f1b2f2a52c900dab926f8d3b4fe8dp+2147483644");
  EXPECT_TRUE(Constant::compare(Tok::Lss, Constant::unary(Tok::Sub, x), I("1")));
  EXPECT_TRUE(std::isinf(x.toDouble()));
  // math/big wraps the exponent at 2^-2147483648 (the smallest there is)
  // and converts to an infinity; the String form is then approximate.
  Constant tiny = bin(F("164.15926e-646456993"), Tok::Quo, I("-356"));
  EXPECT_EQ(tiny.toDouble(), -INFINITY);
  EXPECT_EQ(tiny.toFloat32(), -INFINITY);
  EXPECT_EQ(tiny.str(), "-4.61122e-646456994");
  EXPECT_EQ(F("0x1p-2147483649").str(), "2.83831e-646456994");
  EXPECT_EQ(F("0x1p-2147483648").str(), "0.567662e-646456993");
  EXPECT_EQ(F("0x1p-2147483649").toDouble(), INFINITY);
}

TEST(Constant, Arithmetic) {
  expectForms(bin(I("7"), Tok::Quo, I("2")), K::Float, "3.5", "7/2");
  expectForms(bin(I("7"), Tok::QuoAssign, I("2")), K::Int, "3", "3");
  expectForms(Constant::binary(Tok::Quo, I("-7"), I("2"), true), K::Int, "-3", "-3");
  expectForms(bin(I("-7"), Tok::Rem, I("2")), K::Int, "-1", "-1");
  expectForms(bin(I("1"), Tok::Quo, I("3")), K::Float, "0.333333", "1/3");
  expectForms(bin(bin(I("2"), Tok::Quo, I("3")), Tok::Mul, I("3")), K::Float, "2", "2");
  expectForms(bin(F("0.1"), Tok::Add, F("0.2")), K::Float, "0.3", "3/10");
  expectForms(bin(F("1e5000"), Tok::Mul, F("1e5000")), K::Float, "1e+10000",
              "0x.9b84ea28556bf2697ef9d82ca87f38c7bac964afbd9aeefc56f376f88d12a3259d34bff2ed98c186f1c0de27edba9fdd7f7"
              "bb15f7495af6a9942449fe5dc8da3p+33220");
  expectForms(bin(F("1e5000"), Tok::Quo, F("1e5000")), K::Float, "1", "0x.8p+1");
  expectForms(bin(F("1e-5000"), Tok::Mul, F("1e5000")), K::Float, "1", "0x.8p+1");
  expectForms(bin(F("1e1000"), Tok::Add, I("1")), K::Float, "1e+1000", nullptr);
  EXPECT_EQ(bin(F("1e1000"), Tok::Add, I("1")).exactString(), "1" + std::string(999, '0') + "1");
  expectForms(bin(F("1e1000"), Tok::Sub, F("1e1000")), K::Float, "0", "0");
  expectForms(bin(F("1e1000"), Tok::Quo, I("3")), K::Float, "3.33333e+999", nullptr);
  EXPECT_EQ(bin(F("1e1000"), Tok::Quo, I("3")).exactString(), "1" + std::string(1000, '0') + "/3");
  expectForms(bin(F("1e2000"), Tok::Mul, F("1e2000")), K::Float, "1e+4000",
              "0x.d1ba8323fe558c610d5c82a286614f3ec25558230c550f78093088d8cc8f6622ef1868022598032266e9d7634a67f99423"
              "027a9815e6f4adead564cfac38aa44p+13288");
  expectForms(bin(I("1"), Tok::Quo, F("1e-2000")), K::Float, "1e+2000",
              "0x.e7b64e4de2fc42514a729f6e4aafabe8f7d3c138c0b557e9ab8dce4bbb1a58f842197134983b0ae336cbdf3d970be9e023"
              "2b92c760800b8e55a5cf5c4ad31f78p+6644");
  expectForms(bin(shl(I("1"), 600), Tok::Quo, I("3")), K::Float, "1.38317e+180",
              "41495155688809929585124078636911611510124462322424368999956573296906528114129081463997070489471037942"
              "88197886611300789182395151075411775307886874834113963687061181803401509523685376/3");
  expectForms(bin(shl(I("1"), 5000), Tok::Quo, I("3")), K::Float, "4.70822e+1504",
              "0x.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
              "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabp+4999");
  expectForms(bin(shl(I("1"), 5000), Tok::Add, F("0.5")), K::Float, "1.41247e+1505", "0x.8p+5001");
  expectForms(bin(I("12"), Tok::And, I("10")), K::Int, "8", "8");
  expectForms(bin(I("12"), Tok::Or, I("10")), K::Int, "14", "14");
  expectForms(bin(I("12"), Tok::Xor, I("10")), K::Int, "6", "6");
  expectForms(bin(I("12"), Tok::AndNot, I("10")), K::Int, "4", "4");
  expectForms(bin(I("-12"), Tok::AndNot, I("10")), K::Int, "-12", "-12");
  expectForms(bin(I("9223372036854775807"), Tok::Add, I("1")), K::Int, "9223372036854775808", "9223372036854775808");
  expectForms(bin(Constant::makeBool(true), Tok::LAnd, Constant::makeBool(false)), K::Bool, "false", "false");
  expectForms(bin(Constant::makeBool(true), Tok::LOr, Constant::makeBool(false)), K::Bool, "true", "true");
  expectForms(bin(Constant::makeString("ab"), Tok::Add, Constant::makeString("cd")), K::String, "\"abcd\"",
              "\"abcd\"");
  // Division by zero and mismatched kinds are the caller's errors.
  EXPECT_EQ(bin(I("1"), Tok::Quo, I("0")).kind(), K::Unknown);
  EXPECT_EQ(bin(I("1"), Tok::Add, Constant::makeString("a")).kind(), K::Unknown);
  EXPECT_EQ(bin(Constant(), Tok::Add, I("1")).kind(), K::Unknown);
}

TEST(Constant, Complex) {
  Constant a = bin(I("1"), Tok::Add, Im("2i")), b = bin(I("3"), Tok::Sub, Im("4i"));
  expectForms(bin(a, Tok::Mul, b), K::Complex, "(11 + 2i)", "(11 + 2i)");
  expectForms(bin(a, Tok::Quo, b), K::Complex, "(-0.2 + 0.4i)", "(-1/5 + 2/5i)");
  expectForms(bin(F("1.5"), Tok::Add, Im("2i")), K::Complex, "(1.5 + 2i)", "(3/2 + 2i)");
  expectForms(bin(F("-1.5"), Tok::Sub, Im("2.5i")), K::Complex, "(-1.5 + -2.5i)", "(-3/2 + -5/2i)");
  expectForms(Constant::unary(Tok::Sub, a), K::Complex, "(-1 + -2i)", "(-1 + -2i)");
  expectForms(a.real(), K::Int, "1", "1");
  expectForms(a.imag(), K::Float, "2", "2");
  expectForms(*F("2.0").toComplex().toInt(), K::Int, "2", "2");
  EXPECT_FALSE(a.toInt());
  EXPECT_TRUE(Constant::compare(Tok::Eql, a, bin(F("1.0"), Tok::Add, Im("2.0i"))));
  EXPECT_TRUE(Constant::compare(Tok::Neq, a, I("1")));
  EXPECT_EQ(bin(I("1"), Tok::Quo, Im("0i")).kind(), K::Unknown);
}

TEST(Constant, ShiftsAndUnary) {
  expectForms(shl(I("1"), 63), K::Int, "9223372036854775808", "9223372036854775808");
  expectForms(shl(I("1"), 511), K::Int,
              "6703903964971298549787012499102923063739682910296196688861780721860882015036773488400937149083451713845"
              "015929093243025426876941405973284973216824503042048",
              nullptr);
  expectForms(Constant::shift(Tok::Shr, I("-7"), 1), K::Int, "-4", "-4");
  expectForms(Constant::shift(Tok::Shr, I("-1"), 100), K::Int, "-1", "-1");
  expectForms(Constant::shift(Tok::Shr, shl(I("1"), 100), 98), K::Int, "4", "4");
  expectForms(Constant::unary(Tok::Xor, I("1")), K::Int, "-2", "-2");
  expectForms(Constant::unary(Tok::Xor, I("1"), 8), K::Int, "254", "254");
  expectForms(Constant::unary(Tok::Xor, I("0"), 64), K::Int, "18446744073709551615", "18446744073709551615");
  expectForms(Constant::unary(Tok::Sub, I("-9223372036854775808")), K::Int, "9223372036854775808",
              "9223372036854775808");
  expectForms(Constant::unary(Tok::Not, Constant::makeBool(true)), K::Bool, "false", "false");
  EXPECT_EQ(I("0").bitLen(), 0u);
  EXPECT_EQ(I("-1").bitLen(), 1u);
  EXPECT_EQ(I("255").bitLen(), 8u);
  EXPECT_EQ(I("-256").bitLen(), 9u);
  EXPECT_EQ(shl(I("1"), 100).bitLen(), 101u);
  EXPECT_EQ(I("-256").sign(), -1);
  EXPECT_EQ(Constant().sign(), 1);
}

TEST(Constant, Conversions) {
  expectForms(*F("2.0").toInt(), K::Int, "2", "2");
  EXPECT_FALSE(F("2.5").toInt());
  EXPECT_EQ(F("1e100").toInt()->str(), "1" + std::string(100, '0'));
  EXPECT_TRUE(F("1e1000").toInt());
  EXPECT_FALSE(F("1e1300").toInt()); // a big float beyond 2^4096
  EXPECT_FALSE(F("1e5000").toInt());
  auto third = bin(bin(F("1e1000"), Tok::Quo, I("3")), Tok::Mul, I("3")).toInt();
  ASSERT_TRUE(third);
  EXPECT_EQ(third->str(), "1" + std::string(1000, '0'));
  expectForms(shl(I("1"), 5000).toFloat(), K::Float, "1.41247e+1505", "0x.8p+5001");
  expectForms(I("3").toFloat(), K::Float, "3", "3");
  expectForms(Constant::makeFloat64(-0.0), K::Float, "0", "0");
  expectForms(Constant::makeFloat64(0.1), K::Float, "0.1", "3602879701896397/36028797018963968");
  expectForms(Constant::makeFloat64(5e-324), K::Float, "4.94066e-324", nullptr);
  expectForms(Constant::makeUint64(UINT64_MAX), K::Int, "18446744073709551615", "18446744073709551615");
  EXPECT_EQ(Constant::makeFloat64(INFINITY).kind(), K::Unknown);
  EXPECT_EQ(I("-1").uint64Val(), UINT64_MAX);
  EXPECT_EQ(shl(I("1"), 64).int64Val(), 0);
  EXPECT_EQ(bin(shl(I("1"), 64), Tok::Sub, I("1")).int64Val(), -1);
  EXPECT_TRUE(I("-9223372036854775808").fitsInt64());
  EXPECT_FALSE(I("9223372036854775808").fitsInt64());
  EXPECT_TRUE(I("18446744073709551615").fitsUint64());
  EXPECT_FALSE(I("-1").fitsUint64());
}

// String's %.6g, ties included (1234565 is a tie in float64 too).
TEST(Constant, FloatStrings) {
  const std::pair<const char *, const char *> cases[] = {
      {"1234565", "1.23456e+06"}, {"1234575", "1.23458e+06"}, {"0.1234565", "0.123456"},
      {"2.5", "2.5"}, {"1.0000005", "1"}, {"9.9999995", "10"}, {"999999.5", "1e+06"},
      {"0.000012345650000000001", "1.23457e-05"}, {"1e21", "1e+21"}, {"123456.5", "123456"},
      {"3.4028236e38", "3.40282e+38"}, {"0.00001", "1e-05"}, {"0.0001", "0.0001"}};
  for (auto [text, str] : cases) EXPECT_EQ(F(text).str(), str) << text;
  Constant r;
  ASSERT_TRUE(representable(F("3.4028236e38"), BasicKind::Float64, &r));
  EXPECT_EQ(r.exactString(), "340282359999999991113723490719674400768");
}

// strconv.Quote's escapes of unprintable runes.
TEST(Constant, QuotedUnicode) {
  const std::pair<const char *, const char *> cases[] = {
      {"\u00a0x", R"("\u00a0x")"},   {"\u0085", R"("\u0085")"},         {"\u200b", R"("\u200b")"},
      {"\ufeff", R"("\ufeff")"},     {"\U000f0000", R"("\U000f0000")"}, {"\u2028", R"("\u2028")"},
      {"é世\U0001F600", "\"é世\U0001F600\""}, {"\ufffd", "\"\ufffd\""},     {"\u00ad", R"("\u00ad")"}};
  for (auto [s, quoted] : cases) {
    EXPECT_EQ(Constant::makeString(s).str(), quoted);
    EXPECT_EQ(Constant::makeString(s).exactString(), quoted);
  }
}

struct FloatCase {
  Constant v;
  double f64;
  bool exact64;
  double f32; // the float32 as a double; inf for overflow
  bool exact32;
};

// constant.Float64Val and Float32Val, printed with %b.
TEST(Constant, ToDoubleAndFloat32) {
  const double inf = INFINITY;
  const FloatCase cases[] = {
      {F("0.1"), std::ldexp(7205759403792794.0, -56), false, std::ldexp(13421773.0, -27), false},
      {F("1e-46"), std::ldexp(5142201741628769.0, -205), false, 0.0, false},
      {F("3.4028235e38"), std::ldexp(9007198806847480.0, 75), false, std::ldexp(16777215.0, 104), false},
      {F("3.4028236e38"), std::ldexp(9007199071545276.0, 75), false, inf, false},
      {F("1e1000"), inf, false, inf, false},
      {F("1e646456992"), inf, false, inf, false},
      {bin(I("1"), Tok::Quo, I("3")), std::ldexp(6004799503160661.0, -54), false, std::ldexp(11184811.0, -25), false},
      {I("16777217"), std::ldexp(4503599895805952.0, -28), true, std::ldexp(8388608.0, 1), false},
      {I("9007199254740993"), std::ldexp(4503599627370496.0, 1), false, std::ldexp(8388608.0, 30), false},
      {shl(I("1"), 600), std::ldexp(4503599627370496.0, 548), true, inf, false},
      {F("0x1p-149"), std::ldexp(1.0, -149), true, std::ldexp(1.0, -149), true},
      {F("0x1p-150"), std::ldexp(1.0, -150), true, 0.0, false},
      {F("0x1.8p-150"), std::ldexp(1.5, -150), true, std::ldexp(1.0, -149), false},
      {F("0x1.0000000000001p-1075"), std::ldexp(1.0, -1074), false, 0.0, false},
      {F("1.7976931348623158e308"), std::ldexp(9007199254740991.0, 971), false, inf, false},
      {F("1.7976931348623159e308"), inf, false, inf, false},
      {F("2.5e-400"), 0.0, false, 0.0, false},
  };
  for (const FloatCase &c : cases) {
    SCOPED_TRACE(c.v.exactString().substr(0, 80));
    bool e64 = false, e32 = false;
    EXPECT_EQ(c.v.toDouble(&e64), c.f64);
    EXPECT_EQ(e64, c.exact64);
    EXPECT_EQ(double(c.v.toFloat32(&e32)), c.f32);
    EXPECT_EQ(e32, c.exact32);
  }
  // The sign survives underflow.
  EXPECT_TRUE(std::signbit(F("-1e-46").toFloat32()));
  EXPECT_TRUE(std::signbit(bin(I("0"), Tok::Sub, F("1e-400")).toDouble()));
}

TEST(Constant, Compare) {
  EXPECT_TRUE(Constant::compare(Tok::Lss, I("1"), I("2")));
  EXPECT_TRUE(Constant::compare(Tok::Geq, F("1.5"), I("1")));
  EXPECT_TRUE(Constant::compare(Tok::Gtr, F("1e5000"), F("1e4999")));
  EXPECT_TRUE(Constant::compare(Tok::Eql, F("1e5000"), F("1e5000")));
  EXPECT_TRUE(Constant::compare(Tok::Eql, shl(I("1"), 5000), F("0x1p5000")));
  // The Int is rounded to 512 bits to meet the big float, as in go/constant.
  EXPECT_TRUE(Constant::compare(Tok::Eql, bin(shl(I("1"), 5000), Tok::Add, I("1")), F("0x1p5000")));
  EXPECT_TRUE(Constant::compare(Tok::Lss, Constant::makeString("a"), Constant::makeString("b")));
  EXPECT_TRUE(Constant::compare(Tok::Eql, Constant::makeBool(true), Constant::makeBool(true)));
  EXPECT_FALSE(Constant::compare(Tok::Eql, Constant(), Constant()));
  for (Tok op : {Tok::Eql, Tok::Neq, Tok::Lss, Tok::Leq, Tok::Gtr, Tok::Geq}) {
    bool want = op == Tok::Neq || op == Tok::Lss || op == Tok::Leq;
    EXPECT_EQ(Constant::compare(op, F("-0.5"), I("0")), want);
    EXPECT_EQ(Constant::compare(op, Constant::makeString(""), Constant::makeString("x")), want);
    EXPECT_EQ(Constant::compare(op, I("-1"), shl(I("1"), 100)), want);
  }
}

// types2's representableConst on the edge cases gc reports as overflows.
TEST(Constant, Representable) {
  using B = BasicKind;
  Constant r;
  EXPECT_TRUE(representable(I("9223372036854775807"), B::Int64, &r));
  EXPECT_FALSE(representable(I("9223372036854775808"), B::Int64, &r));
  EXPECT_TRUE(representable(I("-9223372036854775808"), B::Int, &r));
  EXPECT_FALSE(representable(I("-9223372036854775809"), B::Int, &r));
  EXPECT_TRUE(representable(I("2147483647"), B::Int, &r, 32) && !representable(I("2147483648"), B::Int, &r, 32));
  EXPECT_TRUE(representable(shl(I("1"), 63), B::Uint64, &r));
  EXPECT_TRUE(representable(bin(shl(I("1"), 64), Tok::Sub, I("1")), B::Uint64, &r));
  EXPECT_FALSE(representable(shl(I("1"), 64), B::Uint64, &r));
  EXPECT_FALSE(representable(I("-1"), B::Uint, &r));
  EXPECT_FALSE(representable(I("-1"), B::Uintptr, &r));
  EXPECT_TRUE(representable(I("255"), B::Uint8, &r) && !representable(I("256"), B::Uint8, &r));
  EXPECT_TRUE(representable(I("-128"), B::Int8, &r) && !representable(I("-129"), B::Int8, &r));
  EXPECT_TRUE(representable(I("65535"), B::Uint16, &r) && !representable(I("32768"), B::Int16, &r));
  EXPECT_TRUE(representable(shl(I("1"), 600), B::UntypedInt, &r));
  // Floats become Ints when integral.
  ASSERT_TRUE(representable(F("3.0"), B::Int8, &r));
  expectForms(r, K::Int, "3", "3");
  EXPECT_FALSE(representable(F("3.5"), B::Int8, &r));
  EXPECT_FALSE(representable(Im("1i"), B::Int, &r));
  ASSERT_TRUE(representable(bin(I("3"), Tok::Add, Im("0i")), B::Int, &r));
  expectForms(r, K::Int, "3", "3");

  // float32: the largest float32 fits; 3.4028236e38 rounds past it.
  ASSERT_TRUE(representable(F("3.4028235e38"), B::Float32, &r));
  EXPECT_EQ(r.str(), "3.40282e+38");
  EXPECT_EQ(r.exactString(), "340282346638528859811704183484516925440");
  EXPECT_FALSE(representable(F("3.4028236e38"), B::Float32, &r));
  EXPECT_TRUE(representable(F("3.4028236e38"), B::Float64, &r));
  ASSERT_TRUE(representable(F("1e-46"), B::Float32, &r)); // underflows to 0
  expectForms(r, K::Float, "0", "0");
  ASSERT_TRUE(representable(F("-1e-46"), B::Float32, &r)); // -0 is 0
  expectForms(r, K::Float, "0", "0");
  ASSERT_TRUE(representable(F("0.1"), B::Float32, &r));
  EXPECT_EQ(r.exactString(), "13421773/134217728");
  ASSERT_TRUE(representable(F("0.1"), B::Float64, &r));
  EXPECT_EQ(r.exactString(), "3602879701896397/36028797018963968");
  EXPECT_FALSE(representable(F("1.7976931348623159e308"), B::Float64, &r));
  EXPECT_FALSE(representable(F("1e646456992"), B::Float64, &r));
  EXPECT_TRUE(representable(F("1e646456992"), B::UntypedFloat, &r));
  ASSERT_TRUE(representable(I("16777217"), B::Float32, &r));
  expectForms(r, K::Float, "1.67772e+07", "16777216");
  EXPECT_FALSE(representable(Im("1i"), B::Float64, &r));
  EXPECT_FALSE(representable(Constant::makeString("x"), B::Float64, &r));

  // complex: each part rounded.
  ASSERT_TRUE(representable(bin(F("0.1"), Tok::Add, Im("1e-46i")), B::Complex64, &r));
  expectForms(r, K::Complex, "(0.1 + 0i)", "(13421773/134217728 + 0i)");
  EXPECT_FALSE(representable(bin(I("1"), Tok::Add, Im("1e39i")), B::Complex64, &r));
  ASSERT_TRUE(representable(bin(I("1"), Tok::Add, Im("1e39i")), B::Complex128, &r));
  ASSERT_TRUE(representable(I("2"), B::Complex128, &r));
  expectForms(r, K::Complex, "(2 + 0i)", "(2 + 0i)");

  EXPECT_TRUE(representable(Constant::makeString("x"), B::String, &r));
  EXPECT_FALSE(representable(I("1"), B::String, &r));
  EXPECT_TRUE(representable(Constant::makeBool(true), B::UntypedBool, &r));
  EXPECT_TRUE(representable(Constant(), B::Int8, &r)); // reported already
}

} // namespace
