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
