#include <catch2/catch.hpp>

#include "core/experiments/experiment.hpp"
#include "run_helpers.hpp"

using namespace hopfield;

namespace {
const char* const kSpecs[] = {
    R"({"experiment":"capacity","neurons":100,"patterns":"2:14:4","rule":"hebbian,storkey","trials":5,"seed":9})",
    R"({"experiment":"basins","random":4,"size":"10x10","amounts":"0:0.5:0.1","trials":5,"seed":9,"perPattern":true})",
    R"({"experiment":"temperature","neurons":80,"patterns":[1,4],"temperatures":"0.5,1.2","sweeps":6,"trials":4,"seed":9})",
};

std::string run_json(experiments::Experiment& e, int threads) {
  experiments::RunOptions o;
  o.threads = threads;
  return experiments::result_json(e, experiments::run_units(e, o).records);
}
}  // namespace

TEST_CASE("results do not depend on threads or shards", "[experiments]") {
  for (const char* spec : kSpecs) {
    INFO(spec);
    auto e = test::prepared(spec);
    const std::string one = run_json(*e, 1);
    CHECK(run_json(*e, 2) == one);
    CHECK(run_json(*e, 3) == one);
    std::vector<std::string> shards, names;
    for (int i : {2, 0, 1}) {  // any order
      experiments::RunOptions o;
      o.shard_index = i;
      o.shard_count = 3;
      o.threads = i == 1 ? 2 : 1;
      shards.push_back(experiments::shard_json(*e, i, 3, experiments::run_units(*e, o).records));
      names.push_back(std::string("s") += std::to_string(i));
    }
    const experiments::Merged m = experiments::merge_shards(shards, names);
    CHECK(experiments::result_json(*m.experiment, m.records) == one);
    CHECK(experiments::result_csv(*m.experiment, m.records) ==
          experiments::result_csv(*e, experiments::run_units(*e, {}).records));
  }
}

TEST_CASE("merge refuses missing, repeated and mismatched shards in one line", "[experiments]") {
  auto e = test::prepared(kSpecs[1]);
  auto shard = [&](experiments::Experiment& ex, int i, int m) {
    experiments::RunOptions o;
    o.shard_index = i;
    o.shard_count = m;
    return experiments::shard_json(ex, i, m, experiments::run_units(ex, o).records);
  };
  const std::string a = shard(*e, 0, 2), b = shard(*e, 1, 2);
  CHECK_THROWS_WITH(experiments::merge_shards({a}, {"a"}), "shard 1/2 is missing");
  CHECK_THROWS_WITH(experiments::merge_shards({a, a, b}, {"a", "a2", "b"}),
                    "shard 0/2 given twice: a and a2");
  auto other = test::prepared(
      R"({"experiment":"basins","random":4,"size":"10x10","amounts":"0:0.5:0.1","trials":5,"seed":10})");
  CHECK_THROWS_WITH(experiments::merge_shards({a, shard(*other, 1, 2)}, {"a", "c"}),
                    "shards of different runs: the parameters of c differ from those of a");
  std::string old = b;
  old.replace(old.find("\"version\":\""), 11, "\"version\":\"0.0.0-");
  CHECK_THROWS_WITH(experiments::merge_shards({a, old}, {"a", "old"}),
                    Catch::StartsWith("shards come from different versions"));
  CHECK_THROWS_WITH(experiments::merge_shards({a, shard(*e, 1, 3)}, {"a", "d"}),
                    Catch::StartsWith("shards of different splits"));
  CHECK_THROWS_WITH(experiments::merge_shards({"{}"}, {"x"}),
                    Catch::StartsWith("x: not a shard file"));
}

TEST_CASE("the runner reports progress and stops when cancelled", "[experiments]") {
  auto e = test::prepared(kSpecs[0]);
  std::atomic<bool> cancel{false};
  long long last = -1, calls = 0;
  experiments::RunOptions o;
  o.cancel = &cancel;
  o.progress = [&](long long done, long long total) {
    CHECK(total == e->unit_count());
    CHECK(done >= last);
    last = done;
    if (++calls == 5) cancel = true;
  };
  const experiments::RunResult r = experiments::run_units(*e, o);
  CHECK(r.cancelled);
  CHECK(r.records.size() == 4);
  // Partial results: rows for the cells with trials done (4 of P = 2's 5 trials, 2 rules).
  const experiments::Table partial = e->aggregate(r.records);
  REQUIRE(partial.rows.size() == 2);
  CHECK(test::cell(partial, 0, "patterns") == 2);
  CHECK(partial.rows[1][0].text == "storkey");
  std::vector<experiments::UnitRecord> twice = r.records;
  twice.push_back(r.records.front());
  CHECK_THROWS_WITH(e->aggregate(twice), "unit 0 is repeated");
  o.shard_index = 3;
  o.shard_count = 3;
  CHECK_THROWS_WITH(experiments::run_units(*e, o), Catch::Contains("0 <= I < M"));
}
