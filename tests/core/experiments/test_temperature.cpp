#include <catch2/catch.hpp>
#include <cmath>

#include "core/experiments/temperature.hpp"
#include "run_helpers.hpp"

using namespace hopfield;
using hopfield::test::cell;

TEST_CASE("temperature: one pattern follows the mean-field m = tanh(m / T), T_c = 1",
          "[experiments][science]") {
  // With h_T = W_raw s / N the single-pattern network is the Curie-Weiss magnet: below T = 1
  // the overlap solves m = tanh(m / T) (0.9575 at T = 0.5), above it m ~ 1/sqrt(N).
  const experiments::Table t = test::run_table(
      R"({"experiment":"temperature","neurons":400,"temperatures":[0,0.5,2],"sweeps":40,
          "trials":3,"seed":4})");
  REQUIRE(t.rows.size() == 3);
  CHECK(cell(t, 0, "mean_abs_overlap") == 1);
  CHECK(cell(t, 0, "sd_abs_overlap") == 0);
  CHECK(cell(t, 1, "mean_abs_overlap") == Approx(0.9575).margin(0.02));
  CHECK(cell(t, 2, "mean_abs_overlap") < 0.15);
  CHECK(cell(t, 2, "temperature") == 2);
}

TEST_CASE("temperature: bad specs name the field", "[experiments]") {
  auto bad = [](const std::string& spec) { return experiments::make_experiment(parse_json(spec)); };
  CHECK_THROWS_WITH(bad(R"({"experiment":"temperature","neurons":10,"temperatures":[]})"),
                    "temperatures: must not be empty");
  CHECK_THROWS_WITH(bad(R"({"experiment":"temperature","neurons":10,"temperatures":[-1]})"),
                    Catch::StartsWith("temperatures: values must be between 0"));
  CHECK_THROWS_WITH(
      bad(R"({"experiment":"temperature","neurons":10,"temperatures":"1","sweeps":0})"),
      Catch::StartsWith("sweeps: "));
}
