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
