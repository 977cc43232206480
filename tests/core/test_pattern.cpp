#include <catch2/catch.hpp>

#include "core/pattern.hpp"
#include "helpers.hpp"

using namespace hopfield;
using hopfield::test::spins;

TEST_CASE("Hamming distance, dot product and overlap by hand", "[pattern]") {
  const SpinVector a = spins({1, -1, 1, 1});
  const SpinVector b = spins({1, 1, -1, 1});
  CHECK(hamming(a, b) == 2);
  CHECK(dot(a, b) == 0);  // 2 agree, 2 differ
  CHECK(overlap(a, b) == 0.0);
  CHECK(overlap(a, a) == 1.0);
  CHECK(overlap(a, -a) == -1.0);
  CHECK(hamming(a, -a) == 4);
  CHECK_THROWS_WITH(hamming(a, spins({1, 1})), Catch::Contains("differ in size"));
}

TEST_CASE("pattern strings use '#' for +1 and '.' for -1, row-major", "[pattern]") {
  Pattern p = Pattern::filled(3, 2, -1, "L");
  p.set(0, 0, 1);
  p.set(0, 1, 1);
  p.set(1, 1, 1);
  CHECK(to_string(p.spins) == "#..##.");
  CHECK(spins_from_string("#..##.", 6) == p.spins);
  CHECK_THROWS_WITH(spins_from_string("#..", 6), Catch::Contains("expected 6"));
  CHECK_THROWS_WITH(spins_from_string("#x.##.", 6), Catch::Contains("character 1"));
}

TEST_CASE("grid sizes are limited to 1..128 per side", "[pattern]") {
  CHECK_NOTHROW(check_grid_size(128, 128));
  CHECK_NOTHROW(check_grid_size(1, 1));
  CHECK_THROWS_WITH(check_grid_size(129, 16), Catch::Contains("1..128"));
  CHECK_THROWS(check_grid_size(0, 16));
  CHECK_THROWS_WITH(check_spins(spins({1, 0, -1}), "probe"), Catch::Contains("neuron 1"));
}
