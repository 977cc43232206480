#include <catch2/catch.hpp>

#include "core/experiments/basins.hpp"
#include "run_helpers.hpp"

using namespace hopfield;
using hopfield::test::cell;

TEST_CASE("basins of a single stored pattern, worked by hand", "[experiments][science]") {
  // One pattern xi of N = 10, W = xi xi^T - I. With k of 10 neurons flipped, xi . s = 10 - 2k:
  // an unflipped neuron sees h_i = xi_i (9 - 2k), a flipped one xi_i (11 - 2k). So k <= 4 ends
  // at xi in one sweep (plus one without flips), k >= 6 at -xi (k = 10 is -xi already); at k = 5
  // the first neuron updated decides: a flipped one (probability 1/2) tips it to xi, an unflipped
  // one to -xi.
  const experiments::Table t = test::run_table(
      R"({"experiment":"basins","random":1,"neurons":10,"amounts":"0:1:0.1","trials":60,"seed":2})");
  REQUIRE(t.rows.size() == 11);
  for (std::size_t r = 0; r < 11; ++r) {
    INFO("amount " << cell(t, r, "amount"));
    CHECK(cell(t, r, "other_fraction") == 0);
    CHECK(cell(t, r, "spurious_fraction") == 0);
    CHECK(cell(t, r, "retrieved_fraction") + cell(t, r, "inverse_fraction") == 1);
    if (r < 5) CHECK(cell(t, r, "retrieved_fraction") == 1);
    if (r > 5) CHECK(cell(t, r, "inverse_fraction") == 1);
    // The pattern itself and its exact inverse are fixed points: one sweep without flips.
    if (r != 5) CHECK(cell(t, r, "mean_sweeps") == (r == 0 || r == 10 ? 1 : 2));
  }
  CHECK(cell(t, 5, "retrieved_fraction") == Approx(0.5).margin(0.2));
  CHECK(cell(t, 5, "mean_final_overlap") ==
        Approx(2 * cell(t, 5, "retrieved_fraction") - 1).margin(1e-12));
  CHECK(cell(t, 8, "mean_final_overlap") == -1);
  // The basin radius: the largest amount retrieved in >= 90% of trials.
  auto e = test::prepared(
      R"({"experiment":"basins","random":1,"neurons":10,"amounts":"0:1:0.1","trials":60,"seed":2})");
  const std::string json = experiments::result_json(*e, experiments::run_units(*e, {}).records);
  CHECK_THAT(json, Catch::EndsWith(",\"basin_radius\":[0.4]}\n"));
  // Per pattern on request: the one pattern's fractions are the rows'.
  auto per = test::prepared(
      R"({"experiment":"basins","random":1,"neurons":10,"amounts":[0.2,0.7],"trials":4,"perPattern":true})");
  const std::string per_json =
      experiments::result_json(*per, experiments::run_units(*per, {}).records);
  CHECK_THAT(
      per_json,
      Catch::EndsWith(
          R"("basin_radius":[0.2],"per_pattern":[{"pattern":0,"retrieved_fraction":[1,0],"mean_final_overlap":[1,-1]}]})"
          "\n"));
}

TEST_CASE("basins: masks and bad specs", "[experiments]") {
  // Random patterns under masks: the four endings always share the recalls.
  const experiments::Table t = test::run_table(
      R"({"experiment":"basins","random":3,"size":"10x10","amounts":[0,0.2,0.9],
          "corruption":"mask","maskValue":1,"trials":4})");
  for (std::size_t r = 0; r < 3; ++r)
    CHECK(cell(t, r, "retrieved_fraction") + cell(t, r, "inverse_fraction") +
              cell(t, r, "other_fraction") + cell(t, r, "spurious_fraction") ==
          Approx(1));
  CHECK(cell(t, 0, "retrieved_fraction") == 1);
  auto bad = [](const std::string& spec) { return experiments::make_experiment(parse_json(spec)); };
  CHECK_THROWS_WITH(bad(R"({"experiment":"basins","random":3,"neurons":10,"amounts":[0,1.5]})"),
                    Catch::StartsWith("amounts: values must be between 0 and 1"));
  CHECK_THROWS_WITH(bad(R"({"experiment":"basins","neurons":10,"amounts":[0]})"),
                    Catch::StartsWith("patterns: give a pattern file"));
  CHECK_THROWS_WITH(
      bad(R"({"experiment":"basins","random":3,"neurons":10,"amounts":[0],"corruption":"invert"})"),
      Catch::StartsWith("corruption: "));
  CHECK_THROWS_WITH(
      bad(R"({"experiment":"basins","random":3,"neurons":10,"amounts":[0],"maskValue":0})"),
      Catch::StartsWith("maskValue: "));
}
