#include <catch2/catch.hpp>

#include "core/experiments/forgetting.hpp"
#include "run_helpers.hpp"

using namespace hopfield;
using hopfield::test::cell;

namespace {
double mean_retrieved(const experiments::Table& t, int from_age, int to_age) {
  double sum = 0;
  for (int a = from_age; a <= to_age; ++a) sum += cell(t, static_cast<std::size_t>(a), "retrieved_fraction");
  return sum / (to_age - from_age + 1);
}
}  // namespace

TEST_CASE("forgetting: a palimpsest keeps the newest patterns, plain Hebbian blacks out",
          "[experiments][science]") {
  // N = 100 and 10 N = 1000 patterns streamed in. With decay lambda = 0.9 each pattern's
  // trace shrinks by 0.9 per newer pattern while the crosstalk settles at the level of
  // 1 / (1 - 0.81) ~ 5 recent patterns' worth: the newest few stand far above it (Nadal,
  // Toulouse, Changeux, Dehaene 1986), a pattern 20 back has 0.9^20 = 0.12 of its signal left.
  const experiments::Table decay = test::run_table(
      R"({"experiment":"forgetting","neurons":100,"stored":1000,"decay":0.9,"trials":4,"seed":3})");
  REQUIRE(decay.rows.size() == 1000);
  CHECK(cell(decay, 0, "age") == 0);
  CHECK(cell(decay, 999, "age") == 999);
  CHECK(mean_retrieved(decay, 0, 3) >= 0.9);
  CHECK(mean_retrieved(decay, 20, 999) <= 0.02);
  // Bounded weights forget too (Parisi 1986): |W_ij| <= 3 after each pattern.
  const experiments::Table clip = test::run_table(
      R"({"experiment":"forgetting","neurons":100,"stored":1000,"clip":3,"trials":4,"seed":3})");
  CHECK(mean_retrieved(clip, 0, 3) >= 0.8);
  CHECK(mean_retrieved(clip, 20, 999) <= 0.02);
  // Without forgetting, 300 patterns at N = 100 (alpha = 3, far past 0.138) leave no memory
  // retrievable, the newest included: the catastrophic blackout.
  const experiments::Table plain = test::run_table(
      R"({"experiment":"forgetting","neurons":100,"stored":300,"trials":2,"seed":3})");
  CHECK(mean_retrieved(plain, 0, 299) == 0);
}

TEST_CASE("forgetting: the same rows on any number of threads; bad specs name the field",
          "[experiments]") {
  const std::string spec =
      R"({"experiment":"forgetting","size":"8x8","stored":40,"decay":0.8,"trials":6,"seed":9})";
  const experiments::Table one = test::run_table(spec, 1), three = test::run_table(spec, 3);
  REQUIRE(one.rows.size() == 40);
  for (std::size_t r = 0; r < one.rows.size(); ++r)
    CHECK(cell(one, r, "retrieved_fraction") == cell(three, r, "retrieved_fraction"));
  auto bad = [](const std::string& s) { return experiments::make_experiment(parse_json(s)); };
  CHECK_THROWS_WITH(bad(R"({"experiment":"forgetting","neurons":100})"),
                    Catch::StartsWith("stored: "));
  CHECK_THROWS_WITH(bad(R"({"experiment":"forgetting","neurons":100,"stored":10,"model":"dense"})"),
                    Catch::StartsWith("model: "));
  CHECK_THROWS_WITH(bad(R"({"experiment":"forgetting","neurons":100,"stored":10,"decay":2})"),
                    Catch::Contains("decay must be in (0, 1]"));
}
