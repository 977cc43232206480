#include "core/detmath.hpp"

#include <cmath>
#include <limits>

namespace hopfield {

double det_exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.78) return std::numeric_limits<double>::infinity();
  if (x < -745.2) return 0.0;
  constexpr double kInvLn2 = 1.4426950408889634;
  constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2 split so k * hi is exact
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;  // |r| <= ~0.347
  // Taylor series to r^15 / 15!: truncation error below 1e-17 on this range.
  double p = 1.0 / 1307674368000.0;
  constexpr double kInvFactorial[] = {1.0 / 87178291200.0, 1.0 / 6227020800.0,
                                      1.0 / 479001600.0,   1.0 / 39916800.0,
                                      1.0 / 3628800.0,     1.0 / 362880.0,
                                      1.0 / 40320.0,       1.0 / 5040.0,
                                      1.0 / 720.0,         1.0 / 120.0,
                                      1.0 / 24.0,          1.0 / 6.0,
                                      1.0 / 2.0,           1.0,
                                      1.0};
  for (double c : kInvFactorial) p = p * r + c;
  return std::ldexp(p, static_cast<int>(k));
}

double glauber_probability(double h, double temperature) {
  return 1.0 / (1.0 + det_exp(-2.0 * h / temperature));
}

double det_erfc(double x) {
  if (std::isnan(x)) return x;
  if (x < 0) return 2.0 - det_erfc(-x);
  constexpr double kInvSqrtPi = 0.56418958354775628695;
  if (x < 1.5) {
    // erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1 3 5 ... (2n+1)): positive terms.
    double term = x, sum = x;
    for (int n = 1; n < 400 && term > 1e-18 * sum; ++n) {
      term *= 2.0 * x * x / (2.0 * n + 1.0);
      sum += term;
    }
    return 1.0 - 2.0 * kInvSqrtPi * det_exp(-x * x) * sum;
  }
  if (x > 27.3) return 0.0;
  // erfc(x) = exp(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))).
  double f = x;
  for (int k = 120; k >= 1; --k) f = x + (k / 2.0) / f;
  return det_exp(-x * x) * kInvSqrtPi / f;
}

}  // namespace hopfield

namespace hopfield {
namespace {

constexpr double kLn2Hi = 6.93147180369123816490e-01;  // as in det_exp: e * hi is exact
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kPi = 3.14159265358979323846;

// log((1 + s) / (1 - s)) = 2 (s + s^3/3 + s^5/5 + ...), for |s| <= 0.1716 (s^24 < 1e-18).
double log_ratio_series(double s) {
  const double s2 = s * s;
  double p = 1.0 / 23.0;
  for (int k = 21; k >= 1; k -= 2) p = p * s2 + 1.0 / k;
  return 2.0 * s * p;
}

// sin(y) for 0 <= y <= pi/2: Taylor to y^23 / 23! (below 1e-17 on this range).
double sin_series(double y) {
  const double y2 = y * y;
  double p = 0.0;
  for (int k = 23; k >= 3; k -= 2) p = (p + 1.0) * (-y2 / (k * (k - 1)));
  return y * (1.0 + p);
}

}  // namespace

double det_expm1(double x) {
  if (std::abs(x) >= 0.35) return det_exp(x) - 1.0;
  // Taylor to x^15 / 15!: truncation below 1e-18 relative for |x| < 0.35.
  double p = 0.0;
  for (int k = 15; k >= 2; --k) p = (p + 1.0) * (x / k);
  return x * (1.0 + p);
}

double det_log(double x) {
  if (std::isnan(x) || x < 0) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0) return -std::numeric_limits<double>::infinity();
  if (std::isinf(x)) return x;
  int e = 0;
  double m = std::frexp(x, &e);  // x = m 2^e, m in [0.5, 1): exact
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    --e;
  }
  // m in [sqrt(1/2), sqrt(2)): m - 1 is exact, s = (m - 1) / (m + 1) is at most 0.1716.
  const double s = (m - 1.0) / (m + 1.0);
  return e * kLn2Hi + (e * kLn2Lo + log_ratio_series(s));
}

double det_log1p(double x) {
  if (x >= -0.29289321881345247560 && x < 0.41421356237309504880)
    return log_ratio_series(x / (2.0 + x));  // 1 + x = (1 + s) / (1 - s)
  return det_log(1.0 + x);
}

double det_tanh(double x) {
  if (std::isnan(x)) return x;
  const double a = std::abs(x);
  if (a > 20.0) return std::copysign(1.0, x);  // 1 - tanh(20) < 1e-17
  const double e = det_expm1(-2.0 * a);         // tanh a = -e / (2 + e)
  return std::copysign(-e / (2.0 + e), x);
}

double det_atanh(double x) {
  const double a = std::abs(x);
  if (std::isnan(x) || a > 1) return std::numeric_limits<double>::quiet_NaN();
  if (a == 1) return std::copysign(std::numeric_limits<double>::infinity(), x);
  return std::copysign(0.5 * det_log1p(2.0 * a / (1.0 - a)), x);
}

double det_atan(double x) {
  if (std::isnan(x)) return x;
  double a = std::abs(x);
  const bool inverted = a > 1.0;  // atan a = pi/2 - atan(1/a)
  if (inverted) a = 1.0 / a;
  // Two half-angle steps, atan a = 2 atan(a / (1 + sqrt(1 + a^2))), leave t <= tan(pi/16).
  for (int k = 0; k < 2; ++k) a = a / (1.0 + std::sqrt(1.0 + a * a));
  const double t2 = a * a;
  double p = 0.0;  // atan t = t - t^3/3 + t^5/5 - ..., to t^27 (t^2 <= 0.0396)
  for (int k = 27; k >= 3; k -= 2) p = (p + 1.0 / k) * -t2;
  double r = 4.0 * (a * (1.0 + p));
  if (inverted) r = kPi / 2 - r;
  return std::copysign(r, x);
}

double det_tan_half_pi(double x) {
  const double a = std::abs(x);
  if (std::isnan(x) || a > 1) return std::numeric_limits<double>::quiet_NaN();
  if (a == 1) return std::copysign(std::numeric_limits<double>::infinity(), x);
  return std::copysign(sin_series(kPi / 2 * a) / sin_series(kPi / 2 * (1.0 - a)), x);
}

}  // namespace hopfield
