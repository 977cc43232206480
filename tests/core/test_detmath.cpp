#include <catch2/catch.hpp>
#include <cmath>

#include "core/detmath.hpp"

using namespace hopfield;

TEST_CASE("det_exp agrees with std::exp to 1e-14 relative", "[detmath]") {
  for (double x = -700; x <= 700; x += 0.37) {
    const double ref = std::exp(x);
    CHECK(std::abs(det_exp(x) - ref) <= 1e-14 * ref);
  }
  for (double x = -1; x <= 1; x += 1.0 / 1024) CHECK(det_exp(x) == Approx(std::exp(x)).epsilon(1e-15));
  CHECK(det_exp(0.0) == 1.0);
  CHECK(det_exp(800.0) == INFINITY);
  CHECK(det_exp(-800.0) == 0.0);
  CHECK(std::isnan(det_exp(NAN)));
}

TEST_CASE("Glauber probability 1 / (1 + exp(-2h/T))", "[detmath]") {
  CHECK(glauber_probability(0.0, 1.0) == 0.5);
  // Hand value: h = 1, T = 2 -> 1 / (1 + e^-1) = 0.7310585786300049.
  CHECK(glauber_probability(1.0, 2.0) == Approx(0.7310585786300049).epsilon(1e-15));
  for (double h : {0.1, 0.5, 3.0, 40.0})
    CHECK(glauber_probability(h, 0.7) + glauber_probability(-h, 0.7) == Approx(1.0));
  CHECK(glauber_probability(1e6, 0.01) == 1.0);
  CHECK(glauber_probability(-1e6, 0.01) == 0.0);
}

TEST_CASE("det_erfc agrees with the C library's erfc", "[detmath]") {
  for (double x : {-3.0, -1.0, -0.2, 0.0, 0.1, 0.5, 1.0, 1.7, 2.4999, 2.5, 3.0, 4.5, 6.0, 10.0, 26.0})
    CHECK(hopfield::det_erfc(x) == Approx(std::erfc(x)).epsilon(1e-13));
  CHECK(hopfield::det_erfc(30.0) == 0.0);
}

// The real-valued models' functions against the C library, over the ranges they meet: the
// softmax's log-sum-exp, the gain functions tanh and arctan and their inverses.
TEST_CASE("det_log, det_log1p and det_expm1 agree with the C library", "[detmath]") {
  for (double x :
       {1e-300, 1e-10, 0.01, 0.5, 0.7071, 0.99999, 1.0, 1.00001, 1.5, 2.0, 10.0, 1e5, 1e300})
    CHECK(det_log(x) == Approx(std::log(x)).epsilon(1e-15).margin(1e-16));
  for (double x = 0.01; x < 50; x *= 1.1)
    CHECK(std::abs(det_log(x) - std::log(x)) <= 3e-16 * (1 + std::abs(std::log(x))));
  CHECK(det_log(1.0) == 0.0);
  CHECK(det_log(0.0) == -INFINITY);
  CHECK(std::isnan(det_log(-1.0)));
  for (double x : {-0.9, -0.29, -1e-3, -1e-12, 1e-15, 1e-8, 0.1, 0.4, 0.5, 3.0, 1e10})
    CHECK(det_log1p(x) == Approx(std::log1p(x)).epsilon(1e-15));
  for (double x : {-30.0, -1.0, -0.35, -0.2, -1e-9, 1e-14, 0.001, 0.3499, 0.35, 2.0, 30.0})
    CHECK(det_expm1(x) == Approx(std::expm1(x)).epsilon(1e-15));
}

TEST_CASE("det_tanh, det_atanh, det_atan and det_tan_half_pi agree with the C library",
          "[detmath]") {
  for (double x = -25; x <= 25; x += 0.173)
    CHECK(det_tanh(x) == Approx(std::tanh(x)).epsilon(1e-15).margin(1e-300));
  for (double x : {1e-12, 1e-5, 0.1, 0.17, 0.18})
    CHECK(det_tanh(x) == Approx(std::tanh(x)).epsilon(1e-15));
  CHECK(det_tanh(100.0) == 1.0);
  for (double x : {-0.999999, -0.9, -0.5, -1e-9, 1e-13, 0.2, 0.6, 0.99, 0.999999})
    CHECK(det_atanh(x) == Approx(std::atanh(x)).epsilon(1e-14));
  CHECK(det_atanh(1.0) == INFINITY);
  for (double x = -40; x <= 40; x += 0.0731)
    CHECK(det_atan(x) == Approx(std::atan(x)).epsilon(1e-15).margin(1e-300));
  for (double x : {1e-10, 0.4142, 1.0, 2.4142, 1e8, 1e300})
    CHECK(det_atan(x) == Approx(std::atan(x)).epsilon(1e-15));
  const double pi = 3.14159265358979323846;
  for (double x : {-1e-9, 0.0, 0.3, 0.5})
    CHECK(det_tan_half_pi(x) == Approx(std::tan(pi * x / 2)).epsilon(1e-15).margin(1e-300));
  // Near +-1 as cot(pi (1 - |x|) / 2): std::tan(pi x / 2) loses digits there (pi x / 2 rounds).
  for (double x : {-0.999999, -0.7, 0.9, 0.999, 0.999999})
    CHECK(det_tan_half_pi(x) ==
          Approx(std::copysign(1 / std::tan(pi * (1 - std::abs(x)) / 2), x)).epsilon(1e-14));
  // The inverse of the arctan gain: tan(atan(y)) = y.
  for (double y : {0.01, 1.0, 7.5, 1e4})
    CHECK(det_tan_half_pi(2 / pi * det_atan(y)) == Approx(y).epsilon(1e-11));
}
