#include <catch2/catch.hpp>
#include <cmath>

#include "core/corruption.hpp"
#include "helpers.hpp"

using namespace hopfield;

TEST_CASE("flip exactly k flips k distinct neurons", "[corruption]") {
  Rng rng(1);
  const SpinVector s = test::random_spins(256, rng);
  for (int k : {0, 1, 64, 200, 256}) CHECK(hamming(s, flip_exactly(s, k, rng)) == k);
  // 25/50/75% are exact here, unlike draws with replacement (22/39/53% in the published study).
  CHECK(hamming(s, flip_fraction(s, 0.25, rng)) == 64);
  CHECK(hamming(s, flip_fraction(s, 0.50, rng)) == 128);
  CHECK(hamming(s, flip_fraction(s, 0.75, rng)) == 192);
  CHECK_THROWS_WITH(flip_exactly(s, 257, rng), Catch::Contains("cannot flip 257"));
  CHECK_THROWS_WITH(flip_fraction(s, 1.5, rng), Catch::Contains("between 0 and 1"));
}

TEST_CASE("corruption is reproducible from the seed", "[corruption]") {
  const SpinVector s = SpinVector::Constant(784, 1);
  Rng a(5, 1), b(5, 1), c(6, 1);
  const SpinVector x = flip_fraction(s, 0.2, a);
  CHECK(x == flip_fraction(s, 0.2, b));
  CHECK(x != flip_fraction(s, 0.2, c));
}

TEST_CASE("salt and pepper replaces a fraction p with random values", "[corruption]") {
  Rng rng(3);
  const SpinVector s = SpinVector::Constant(10000, -1);
  const SpinVector t = salt_and_pepper(s, 0.4, rng);
  // Replaced pixels become +1 half the time: expected changes 0.2 N, sd 40.
  CHECK(std::abs(hamming(s, t) - 2000) < 200);
  CHECK(salt_and_pepper(s, 0.0, rng) == s);
}

TEST_CASE("random mask sets exactly round(f N) pixels to the value", "[corruption]") {
  Rng rng(4);
  const SpinVector s = SpinVector::Constant(256, -1);
  const SpinVector t = mask_fraction(s, 0.25, 1, rng);
  CHECK((t.array() == 1).count() == 64);
  CHECK_THROWS(mask_fraction(s, 0.5, 0, rng));
}

TEST_CASE("rectangle occlusion by hand, clipped to the grid", "[corruption]") {
  const SpinVector s = SpinVector::Constant(16, -1);  // 4 x 4
  const SpinVector t = occlude_rectangle(s, 4, 1, 1, 2, 2, 1);
  CHECK(to_string(t) == "...."".##."".##.""....");
  const SpinVector clipped = occlude_rectangle(s, 4, 3, -1, 5, 2, 1);
  CHECK(to_string(clipped) == "...#""....""....""....");
  CHECK_THROWS_WITH(occlude_rectangle(s, 3, 0, 0, 1, 1, 1), Catch::Contains("does not divide"));
}

TEST_CASE("inversion", "[corruption]") {
  const SpinVector s = test::spins({1, -1, -1});
  CHECK(invert(s) == test::spins({-1, 1, 1}));
}
