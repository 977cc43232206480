// Every experiment's cost (work and memory) is estimated from its spec and checked against
// limits.hpp before any unit runs; the refusal names the setting to lower.
#include <catch2/catch.hpp>

#include "core/experiments/temperature.hpp"
#include "core/limits.hpp"
#include "run_helpers.hpp"

using namespace hopfield;
namespace ex = hopfield::experiments;

namespace {
const std::string kLetters = std::string(HOPFIELD_TEST_DATA_DIR) + "/letters.txt";

std::unique_ptr<ex::Experiment> make(const std::string& spec) {
  return ex::make_experiment(parse_json(spec));
}
}  // namespace

TEST_CASE("a temperature run's cost, counted by hand", "[experiments][cost]") {
  // 2 loads x 3 temperatures x 4 trials = 24 units. Per unit of load P: learning N P (the
  // patterns) and 10 sweeps of N neurons, each field P overlaps (P < N): 12 (N P + 10 N P).
  const auto e = make(R"({"experiment":"temperature","neurons":100,"patterns":[2,5],
      "temperatures":[0.5,1,1.5],"sweeps":10,"trials":4})");
  const ex::RunCost c = e->cost();
  CHECK(c.units == 24);
  CHECK(c.units == static_cast<double>(e->unit_count()));
  CHECK(c.work == 12.0 * (100 * 2 + 10 * 100 * 2) + 12.0 * (100 * 5 + 10 * 100 * 5));
  // Records: 24 units of one value (128 + 64 bytes); the largest P's patterns (4 N P); a dense
  // W (N <= 1024: 8 N^2).
  CHECK(c.bytes == 24.0 * (128 + 64) + 4.0 * 100 * 5 + 8.0 * 100 * 100);
}

TEST_CASE("every experiment's cost counts its units", "[experiments][cost]") {
  const std::string specs[] = {
      R"({"experiment":"capacity","neurons":60,"patterns":[2,6],"rule":"hebbian,storkey","trials":3})",
      R"({"experiment":"basins","random":3,"neurons":30,"amounts":[0.1,0.5],"trials":2})",
      R"({"experiment":"basins","patterns":")" + kLetters + R"(","amounts":[0,0.2],"trials":5})",
      R"({"experiment":"prune-study","patterns":")" + kLetters +
          R"(","prune":["random:0,0.5"],"noise":[0.1],"trials":3})",
      R"({"experiment":"forgetting","neurons":30,"stored":6,"trials":3})",
  };
  for (const std::string& spec : specs) {
    INFO(spec);
    auto e = test::prepared(spec);
    const ex::RunCost c = e->cost();
    CHECK(c.units == static_cast<double>(e->unit_count()));
    CHECK(c.work > 0);
    CHECK(c.bytes >= c.units * 128);
  }
}

TEST_CASE("sizes that overflowed 32 bits are refused up front, naming the setting",
          "[experiments][cost][limits]") {
  // 65,536 loads x 65,536 temperatures: 2^32 cells, which a 32-bit size_t counted as 0.
  const std::string cells = R"({"experiment":"temperature","neurons":100,"patterns":"1:65536:1",
      "temperatures":"0:65535:1"})";
  CHECK_THROWS_WITH(make(cells),
                    "patterns: the run would need about 7.5 TB of memory (42949672960 units), "
                    "more than the limit of 512 MB: use fewer or smaller pattern counts");
  ex::TemperatureSpec s;
  s.size.width = 100;
  s.patterns.assign(65536, 1);
  s.temperatures.assign(65536, 1.0);
  CHECK(s.cost().units == 65536.0 * 65536 * 10);  // counted in 64 bits, not wrapped
  // 65,537 amounts x 65,536 trials.
  CHECK_THROWS_WITH(make(R"({"experiment":"basins","random":1,"neurons":10,
      "amounts":"0:1:0.0000152587890625","trials":65536})"),
                    Catch::StartsWith("amounts: the run would need about 1.3 TB of memory "
                                      "(4295032832 units)"));
}

TEST_CASE("temperature runs have a total-work limit", "[experiments][cost][limits]") {
  // 101 temperatures x 10 trials x 10^6 sweeps of 4096 neurons, fields from 1000 patterns:
  // about 4.1e15 steps; each of these was accepted before.
  const std::string big = R"({"experiment":"temperature","neurons":4096,"patterns":[1000],
      "temperatures":"0:1:0.01","sweeps":1000000,"trials":10})";
  // Named: the run's length (10^6 sweeps), not the network it studies.
  CHECK_THROWS_WITH(make(big),
                    "sweeps: the run would take about 4.1e+15 steps, more than the "
                    "limit of 1e+14 (about a day on one core): use fewer sweeps");
  CHECK_NOTHROW(make(R"({"experiment":"temperature","neurons":4096,"patterns":[1000],
      "temperatures":"0:1:0.01","sweeps":1000,"trials":10})"));
  CHECK(make(R"({"experiment":"temperature","neurons":4096,"patterns":[1000],
      "temperatures":"0:1:0.01","sweeps":1000,"trials":10})")
            ->cost()
            .work <= kMaxExperimentWork);
}

TEST_CASE("capacity and forgetting keep a work limit, now the shared one",
          "[experiments][cost][limits]") {
  // P > N: the first sweep of each of P recalls is N fields of N terms, 1000 trials x 16000 x
  // 4096^2 = 2.7e14 steps.
  CHECK_THROWS_WITH(
      make(R"({"experiment":"capacity","neurons":4096,"patterns":[16000],"trials":1000})"),
      "patterns: the run would take about 2.7e+14 steps, more than the limit of "
      "1e+14 (about a day on one core): use fewer or smaller pattern counts");
  // Forgetting's records (2 values per stored pattern) reach the memory limit first: 5000
  // trials x (128 + 2000 x 64) bytes, W (8 x 1024^2) and the patterns (N P): 620 MB. One trial
  // would cut it 73-fold, a stream of one pattern 64-fold.
  CHECK_THROWS_WITH(
      make(R"({"experiment":"forgetting","neurons":1024,"stored":1000,"trials":5000})"),
      "trials: the run would need about 620 MB of memory (5000 units), more than the "
      "limit of 512 MB: use fewer trials");
}

TEST_CASE("basins from a file: checked again once the file gives P and N",
          "[experiments][cost][limits]") {
  // 120 x 8000 = 960,000 units: with one pattern of one neuron (before the file is read) their
  // records fit in 512 MB (320 bytes each); with the file's 3 patterns (704 bytes) they do not.
  auto e = make(R"({"experiment":"basins","patterns":")" + kLetters +
                R"(","amounts":"0:1:0.0084033613445378","trials":8000})");
  REQUIRE(e->unit_count() == 120 * 8000);
  CHECK_THROWS_WITH(e->prepare(), Catch::Contains("of memory (960000 units), more than the limit"));
}
