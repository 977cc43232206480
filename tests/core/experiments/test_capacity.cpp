#include <catch2/catch.hpp>
#include <cmath>

#include "core/experiments/capacity.hpp"
#include "run_helpers.hpp"

using namespace hopfield;
using hopfield::test::cell;

TEST_CASE("capacity: first-step error matches Phi(-sqrt((N-1)/(P-1))) and the erfc form",
          "[experiments][science]") {
  // N = 500 at alpha 0.1, 0.2, 0.4; one sweep of recall is enough (only the first step counts).
  const experiments::Table t = test::run_table(
      R"({"experiment":"capacity","neurons":500,"patterns":[50,100,200],"trials":8,
          "seed":3,"maxSweeps":1})");
  REQUIRE(t.rows.size() == 3);
  const double tolerance[] = {0.3, 0.1, 0.06};  // ~4 standard errors of 8 trials
  for (std::size_t r = 0; r < 3; ++r) {
    const double n = 500, p = cell(t, r, "patterns");
    const double finite_n = 0.5 * std::erfc(std::sqrt((n - 1) / (p - 1)) / std::sqrt(2.0));
    const double textbook = 0.5 * std::erfc(std::sqrt(n / (2 * p)));
    const double measured = cell(t, r, "first_step_error");
    INFO("P = " << p << ": measured " << measured << ", finite N " << finite_n << ", textbook "
                << textbook);
    CHECK(measured == Approx(finite_n).epsilon(tolerance[r]));
    CHECK(measured == Approx(textbook).epsilon(tolerance[r] + 0.1));
    CHECK(cell(t, r, "first_step_error_theory") == Approx(textbook).epsilon(1e-12));
    CHECK(cell(t, r, "alpha") == p / n);
  }
}

TEST_CASE("capacity: the pseudo-inverse keeps every pattern stable below P = N",
          "[experiments][science]") {
  const experiments::Table t = test::run_table(
      R"({"experiment":"capacity","neurons":64,"patterns":"16,32,60","rule":"pseudoinverse,hebbian",
          "trials":3,"flip":0,"maxSweeps":2})");
  REQUIRE(t.rows.size() == 6);
  for (std::size_t r = 0; r < 3; ++r) {
    CHECK(t.rows[r][0].text == "pseudoinverse");
    CHECK(cell(t, r, "stable_fraction") == 1.0);
    CHECK(cell(t, r, "first_step_error") == 0.0);
    CHECK(cell(t, r, "retrieved_fraction") == 1.0);  // no flips: the pattern itself
  }
  // The same patterns under Hebb at alpha 0.94: hardly any is stable.
  CHECK(t.rows[5][0].text == "hebbian");
  CHECK(cell(t, 5, "stable_fraction") < 0.05);
}

TEST_CASE("capacity: recall at N = 1000 works at alpha 0.05 and fails at alpha 0.3",
          "[experiments][science]") {
  const experiments::Table t = test::run_table(
      R"({"experiment":"capacity","neurons":1000,"patterns":[50,300],"trials":1,"flip":0.1,
          "maxSweeps":10,"seed":1})");
  CHECK(cell(t, 0, "retrieved_fraction") > 0.95);
  CHECK(cell(t, 0, "mean_final_overlap") > 0.99);
  CHECK(cell(t, 1, "retrieved_fraction") < 0.05);
  CHECK(cell(t, 1, "mean_final_overlap") < 0.9);
}

TEST_CASE("capacity: bad specs name the field", "[experiments]") {
  auto bad = [](const std::string& spec) { return experiments::make_experiment(parse_json(spec)); };
  CHECK_THROWS_WITH(bad(R"({"experiment":"capacity","neurons":64,"patterns":[]})"),
                    "patterns: must not be empty");
  CHECK_THROWS_WITH(
      bad(R"({"experiment":"capacity","neurons":64,"patterns":"70","rule":"pseudoinverse"})"),
      Catch::StartsWith("patterns: the pseudo-inverse rule stores at most N = 64"));
  CHECK_THROWS_WITH(bad(R"({"experiment":"capacity","patterns":"10"})"),
                    Catch::StartsWith("neurons: "));
  CHECK_THROWS_WITH(bad(R"({"experiment":"capacity","neurons":0,"patterns":"10"})"),
                    Catch::StartsWith("neurons: must be an integer in 1..16384"));
  CHECK_THROWS_WITH(bad(R"({"experiment":"capacity","neurons":64,"patterns":"10","flip":1.5})"),
                    Catch::StartsWith("flip: must be between 0 and 1"));
  CHECK_THROWS_WITH(bad(R"({"experiment":"capacity","neurons":64,"patterns":"10","flips":0.1})"),
                    "flips: is not a setting of this experiment");
  CHECK_THROWS_WITH(bad(R"({"experiment":"capacity","neurons":64,"patterns":"10","rule":"hebb"})"),
                    Catch::StartsWith("rule: unknown rule 'hebb'"));
  CHECK_THROWS_WITH(
      bad(R"({"experiment":"capacity","size":"70x70","patterns":"10","rule":"storkey"})"),
      Catch::StartsWith("rule: storkey needs a dense N x N matrix"));
  CHECK_THROWS_WITH(bad(R"({"experiment":"nope"})"), Catch::StartsWith("experiment: unknown"));
  auto missing = bad(
      R"({"experiment":"capacity","neurons":64,"patterns":"10","source":"/nonexistent/p.txt"})");
  CHECK_THROWS_WITH(missing->prepare(), Catch::Contains("/nonexistent/p.txt"));
}

TEST_CASE("capacity with the sparse model: patterns of its activity, recalled by the covariance rule",
          "[experiments][science]") {
  // Random patterns for the sparse model have the chosen activity: with a = 0.1, N P = 4000
  // neurons are each active with probability 0.1 (mean 400, sd sqrt(4000 * 0.09) = 19).
  const PatternMatrix x = experiments::draw_patterns(200, 20, {}, 5, 0, 0.1);
  const long long active = (x.array() > 0).count();
  CHECK(std::abs(active - 400) < 5 * 19);
  // At a = 0.1 and P = 20 (alpha = 0.1) the covariance rule recalls from 10% flips with theta
  // midway between the signal of an active neuron, (1 - a) a N (1 - a) = 16.2, and of a silent
  // one, -a a N (1 - a) = -1.8: theta = a N (1 - a)(1 - 2a) / 2 = 7.2 (capacity grows like
  // 1 / (a |ln a|) as a -> 0: Tsodyks and Feigelman 1988).
  const experiments::Table t = test::run_table(
      R"({"experiment":"capacity","neurons":200,"patterns":[20],"trials":3,"seed":5,
          "model":"sparse","activity":0.1,"threshold":7.2})");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.columns[1] == "model");
  CHECK(cell(t, 0, "retrieved_fraction") >= 0.8);
}

TEST_CASE("an experiment's trials x N is bounded by kMaxExperimentTrialNeurons", "[experiments][limits]") {
  auto make = [](const std::string& s) { return experiments::make_experiment(parse_json(s)); };
  // 6103 x 16384 = 99,991,552 neurons is within 10^8; 6104 x 16384 is not.
  CHECK_NOTHROW(make(R"({"experiment":"capacity","neurons":16384,"patterns":[1],"trials":6103})"));
  CHECK_THROWS_WITH(make(R"({"experiment":"capacity","neurons":16384,"patterns":[1],"trials":6104})"),
                    "trials: 6104 trials of 16384 neurons are more than the limit of 100000000 "
                    "neurons over all trials: use at most 6103 trials");
  CHECK_THROWS_WITH(make(R"({"experiment":"temperature","neurons":1000,"temperatures":[1],"trials":200000})"),
                    Catch::StartsWith("trials: 200000 trials of 1000 neurons"));
}

TEST_CASE("capacity: unlearning (dreams) raises the capacity curve of 16x16 random patterns",
          "[experiments][science]") {
  // At P = 40 (alpha = 0.156, past 0.138) few Hebbian patterns are fixed points; 1000 dreams
  // of eps 0.01 (Hopfield, Feinstein and Palmer 1983; raw units, one pattern adds 1) push W
  // towards the projection matrix, under which every pattern is a fixed point.
  const std::string spec =
      R"({"experiment":"capacity","size":"16x16","patterns":[40],"trials":2,"seed":6)";
  const experiments::Table before = test::run_table(spec + "}");
  const experiments::Table after = test::run_table(spec + R"(,"dream":"1000:0.01"})");
  INFO("stable before " << cell(before, 0, "stable_fraction") << ", after "
                        << cell(after, 0, "stable_fraction"));
  CHECK(cell(before, 0, "stable_fraction") < 0.5);
  CHECK(cell(after, 0, "stable_fraction") > 0.9);
  CHECK(cell(after, 0, "retrieved_fraction") > cell(before, 0, "retrieved_fraction") + 0.3);
}

TEST_CASE("capacity: carrying a trial's patterns and network from cell to cell changes no bit",
          "[experiments]") {
  // The second implementation is the plain one: every unit draws its patterns and learns its
  // network from scratch (reuse_trials(false)). P lists out of order and repeated, several
  // rules, a pattern file, the sparse model, 1 and 2 threads, and a second run on the same
  // object (states left over from the first).
  const std::string letters = std::string(HOPFIELD_TEST_DATA_DIR) + "/letters.txt";
  const std::string specs[] = {
      R"({"experiment":"capacity","neurons":64,"patterns":"9,4,4,16,12,1,30","rule":"hebbian,storkey,pseudoinverse","trials":3,"seed":2})",
      R"({"experiment":"capacity","neurons":100,"patterns":"1:40:3","trials":4,"seed":8,"mode":"sync","tie":"plus"})",
      R"({"experiment":"capacity","size":"10x6","patterns":"2,3,1,3","trials":4,"seed":3,"source":")" + letters + R"("})",
      R"({"experiment":"capacity","neurons":120,"patterns":"4,8,12","trials":3,"seed":5,"model":"sparse","activity":0.1,"threshold":2})",
  };
  for (const std::string& spec : specs) {
    INFO(spec);
    const auto parsed = experiments::CapacitySpec::from_json(parse_json(spec));
    experiments::Capacity plain(parsed);
    plain.reuse_trials(false);
    plain.prepare();
    experiments::RunOptions o;
    const std::string expected = experiments::result_json(plain, experiments::run_units(plain, o).records);
    experiments::Capacity reused(parsed);
    reused.prepare();
    for (int threads : {1, 2, 1}) {
      o.threads = threads;
      CHECK(experiments::result_json(reused, experiments::run_units(reused, o).records) == expected);
    }
  }
}
