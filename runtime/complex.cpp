//===- runtime/complex.cpp - complex division ------------------------------===//
/// \file
/// Division of complex numbers, which compiled code calls for `/` on
/// complex64 and complex128 values (complex64 widened first), as gc does.
/// The quotient uses Smith's method (scale by the larger component of the
/// divisor, so that no intermediate overflows needlessly); when both parts
/// of that quotient are NaN although the operands were not all NaN, the
/// infinities and zeros of C99 Annex G (G.5.1) are restored.
//===----------------------------------------------------------------------===//
#include "runtime/abi.h"

#include <cmath>

namespace {

struct Complex128 {
  double re, im;
};

} // namespace

extern "C" Complex128 goComplex128Div(double a, double b, double c, double d)
    ORIGO_GO_NAME("runtime.complex128div");

extern "C" Complex128 goComplex128Div(double a, double b, double c, double d) {
  // (a + bi) / (c + di)
  double e, f;
  if (std::fabs(c) >= std::fabs(d)) {
    double r = d / c, den = c + r * d;
    e = (a + b * r) / den;
    f = (b - a * r) / den;
  } else {
    double r = c / d, den = d + r * c;
    e = (a * r + b) / den;
    f = (b * r - a) / den;
  }
  if (std::isnan(e) && std::isnan(f)) {
    const double inf = INFINITY;
    auto unit = [](double x) { return std::copysign(std::isinf(x) ? 1.0 : 0.0, x); };
    if (c == 0 && d == 0 && (!std::isnan(a) || !std::isnan(b))) {
      // A non-NaN numerator over zero: an infinity in each non-zero part.
      e = std::copysign(inf, c) * a;
      f = std::copysign(inf, c) * b;
    } else if ((std::isinf(a) || std::isinf(b)) && std::isfinite(c) && std::isfinite(d)) {
      // An infinite numerator over a finite divisor stays infinite.
      double ua = unit(a), ub = unit(b);
      e = inf * (ua * c + ub * d);
      f = inf * (ub * c - ua * d);
    } else if ((std::isinf(c) || std::isinf(d)) && std::isfinite(a) && std::isfinite(b)) {
      // A finite numerator over an infinite divisor is a (signed) zero.
      double uc = unit(c), ud = unit(d);
      e = 0 * (a * uc + b * ud);
      f = 0 * (b * uc - a * ud);
    }
  }
  return {e, f};
}
