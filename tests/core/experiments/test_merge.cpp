// Merging shard files refuses records that its experiment could not have written and shards
// whose records do not match their digest, naming the file (and the unit); valid shards still
// merge to the unsharded result byte for byte.
#include <catch2/catch.hpp>

#include "core/experiments/experiment.hpp"
#include "core/sha256.hpp"
#include "run_helpers.hpp"

using namespace hopfield;
namespace ex = hopfield::experiments;

namespace {

const std::string kLetterFile = std::string(HOPFIELD_TEST_DATA_DIR) + "/letters.txt";

std::vector<std::string> shards_of(ex::Experiment& e, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    ex::RunOptions o;
    o.shard_index = i;
    o.shard_count = count;
    out.push_back(ex::shard_json(e, i, count, ex::run_units(e, o).records));
  }
  return out;
}

// A shard's text split around its records array (written compactly, then the digest).
struct Parts {
  std::string head, records, digest;
};
Parts split(const std::string& shard) {
  const std::size_t a = shard.find("\"records\":") + 10;
  const std::size_t b = shard.find(",\"digest\":\"", a);
  REQUIRE(b != std::string::npos);
  const std::size_t c = shard.find('"', b + 11);
  return {shard.substr(0, a), shard.substr(a, b - a), shard.substr(b + 11, c - b - 11)};
}
// The shard with other records, and the digest of those records (as a writer that got the
// values wrong would) or the old one (as an edit by hand would).
std::string with_records(const std::string& shard, const std::string& records, bool new_digest) {
  const Parts p = split(shard);
  return p.head + records + ",\"digest\":\"" +
         (new_digest ? "sha256:" + sha256_hex(records) : p.digest) + "\"}\n";
}

const std::vector<std::string> kNames = {"s0.json", "s1.json"};

}  // namespace

TEST_CASE("every experiment's shards merge to the unsharded output byte for byte",
          "[experiments][merge]") {
  const std::string specs[] = {
      R"({"experiment":"capacity","neurons":60,"patterns":[2,6],"rule":"hebbian,storkey","trials":3,"seed":4})",
      R"({"experiment":"capacity","neurons":40,"patterns":[3],"trials":2,"model":"continuous"})",
      R"({"experiment":"basins","patterns":")" + kLetterFile +
          R"(","amounts":[0,0.2,0.4],"trials":3,"perPattern":true})",
      R"({"experiment":"basins","random":3,"neurons":30,"amounts":[0.1,0.5],"trials":2,"mode":"sync"})",
      R"({"experiment":"temperature","neurons":40,"patterns":[1,3],"temperatures":[0,1.5],"sweeps":4,"trials":2})",
      R"({"experiment":"prune-study","patterns":")" + kLetterFile +
          R"(","prune":["random:0,0.5","signed:0.2"],"noise":[0.1,0.3],"trials":3})",
      R"({"experiment":"forgetting","neurons":30,"stored":6,"decay":0.8,"trials":3})",
  };
  for (const std::string& spec : specs) {
    INFO(spec);
    auto e = test::prepared(spec);
    const std::vector<ex::UnitRecord> all = ex::run_units(*e, {}).records;
    for (int count : {1, 2, 4}) {
      std::vector<std::string> names;
      for (int i = 0; i < count; ++i)
        names.push_back(std::string("s") +=
                        std::to_string(i));  // (not "s" + ...: GCC 12 -Wrestrict)
      const ex::Merged m = ex::merge_shards(shards_of(*e, count), names);
      CHECK(ex::result_json(*m.experiment, m.records) == ex::result_json(*e, all));
      CHECK(ex::result_csv(*m.experiment, m.records) == ex::result_csv(*e, all));
    }
  }
}

TEST_CASE("a shard's digest is the SHA-256 of its records as written", "[experiments][merge]") {
  auto e = test::prepared(
      R"({"experiment":"temperature","neurons":20,"temperatures":[0.5],"trials":2})");
  const std::string shard = shards_of(*e, 1)[0];
  const Parts p = split(shard);
  CHECK(p.records.front() == '[');
  CHECK(p.digest == "sha256:" + sha256_hex(p.records));
  CHECK(p.digest == ex::records_digest(ex::run_units(*e, {}).records));
  CHECK(shard.substr(shard.size() - 3) == "\"}\n");  // the digest is the last member
}

TEST_CASE("merge refuses records its experiment could not have written, naming file and unit",
          "[experiments][merge]") {
  // Capacity, one rule: [unit, first_step_error, stable, retrieved, overlap, sweeps]; shard 1
  // of 2 holds units 1, 3, 5.
  auto e = test::prepared(
      R"({"experiment":"capacity","neurons":60,"patterns":[2,6],"trials":3,"seed":4})");
  const std::vector<std::string> s = shards_of(*e, 2);
  const std::string records = split(s[1]).records;
  const std::vector<ex::UnitRecord> good = ex::parse_records(parse_json(records));
  REQUIRE(good.size() == 3);
  REQUIRE(good[1].unit == 3);
  auto merge_with = [&](const std::string& r, bool new_digest = true) {
    return ex::merge_shards({s[0], with_records(s[1], r, new_digest)}, kNames);
  };
  auto changed = [&](std::size_t value, double to) {
    std::vector<ex::UnitRecord> r = good;
    r[1].values[value] = to;
    return ex::records_json(r);
  };
  // The records' text with unit 3's k-th value (1-based) replaced by `text`.
  auto replaced = [&](int k, const std::string& text) {
    const std::size_t start = records.find("[3,");
    std::size_t at = start + 3;
    for (int i = 1; i < k; ++i) at = records.find(',', at) + 1;
    const std::size_t end = records.find_first_of(",]", at);
    return records.substr(0, at) + text + records.substr(end);
  };

  CHECK_NOTHROW(merge_with(records, false));
  SECTION("a value changed within its range: the digest") {
    const double retrieved = good[1].values[2];
    CHECK_THROWS_WITH(merge_with(changed(2, retrieved == 1 ? 0.5 : 1), false),
                      "s1.json: its records do not match its digest (the file was edited or "
                      "damaged): run the shard again");
  }
  SECTION("a fraction of 7.5") {
    CHECK_THROWS_WITH(
        merge_with(changed(2, 7.5)),
        "s1.json: unit 3: value 3 (hebbian retrieved_fraction) is 7.5, not in [0, 1]");
    // Without a new digest the value is still named, not only the digest.
    CHECK_THROWS_WITH(merge_with(changed(2, 7.5), false),
                      Catch::StartsWith("s1.json: unit 3: value 3"));
  }
  SECTION("an overlap below -1, mean sweeps past maxSweeps") {
    CHECK_THROWS_WITH(
        merge_with(changed(3, -1.5)),
        "s1.json: unit 3: value 4 (hebbian mean_final_overlap) is -1.5, not in [-1, 1]");
    CHECK_THROWS_WITH(merge_with(changed(4, 101)),
                      "s1.json: unit 3: value 5 (hebbian mean_sweeps) is 101, not in [0, 100]");
  }
  SECTION("a string, null, true, an array") {
    CHECK_THROWS_WITH(merge_with(replaced(2, "\"0.5\"")),
                      "s1.json: unit 3: value 2 is a string, not a finite number");
    CHECK_THROWS_WITH(merge_with(replaced(5, "null")),
                      "s1.json: unit 3: value 5 is null, not a finite number");
    CHECK_THROWS_WITH(merge_with(replaced(1, "true")),
                      "s1.json: unit 3: value 1 is true, not a finite number");
    CHECK_THROWS_WITH(merge_with(replaced(1, "[1]")),
                      "s1.json: unit 3: value 1 is an array, not a finite number");
    CHECK_THROWS_WITH(merge_with(replaced(1, "1e999")),
                      Catch::StartsWith("s1.json: JSON: number out of range"));
  }
  SECTION("a short, a long and an empty record") {
    std::vector<ex::UnitRecord> r = good;
    r[1].values.pop_back();
    CHECK_THROWS_WITH(merge_with(ex::records_json(r)),
                      "s1.json: unit 3 holds 4 values, not the 5 this experiment writes");
    r[1].values.assign(6, 0.0);
    CHECK_THROWS_WITH(merge_with(ex::records_json(r)),
                      "s1.json: unit 3 holds 6 values, not the 5 this experiment writes");
    r[1].values.clear();
    CHECK_THROWS_WITH(merge_with(ex::records_json(r)),
                      "s1.json: unit 3 holds 0 values, not the 5 this experiment writes");
    const std::string empty = records.substr(0, records.find("[3,"))
                                  .append("[]")
                                  .append(records.substr(records.find("],[5,") + 1));
    CHECK_THROWS_WITH(merge_with(empty), "s1.json: record 2 is empty, not [unit, values...]");
  }
  SECTION("units: not whole, negative, of another shard, outside the run, repeated") {
    std::vector<ex::UnitRecord> r = good;
    const std::string u = records.substr(0, records.find("[3,") + 1);
    const std::string rest = records.substr(records.find("[3,") + 2);
    CHECK_THROWS_WITH(merge_with(u + "2.5" + rest),
                      "s1.json: record 2: its unit is 2.5, not a whole number >= 0");
    CHECK_THROWS_WITH(merge_with(u + "-3" + rest),
                      "s1.json: record 2: its unit is -3, not a whole number >= 0");
    CHECK_THROWS_WITH(merge_with(u + "\"3\"" + rest),
                      "s1.json: record 2: its unit is a string, not a whole number >= 0");
    r[1].unit = 2;
    CHECK_THROWS_WITH(merge_with(ex::records_json(r)),
                      "s1.json: unit 2 is not one of shard 1/2's units");
    r[1].unit = 7;
    CHECK_THROWS_WITH(merge_with(ex::records_json(r)),
                      "s1.json: unit 7 is not one of the run's 6 units");
    r[1].unit = 1;
    CHECK_THROWS_WITH(merge_with(ex::records_json(r)), "s1.json: unit 1 is repeated");
    r.erase(r.begin() + 1);
    CHECK_THROWS_WITH(merge_with(ex::records_json(r)),
                      "the shards do not hold every unit once: expected 6 unit records, got 5");
  }
  SECTION("a digest missing, malformed or of other records") {
    const Parts p = split(s[1]);
    CHECK_THROWS_WITH(ex::merge_shards({s[0], p.head + p.records + "}"}, kNames),
                      "s1.json: has no digest of its records (a shard file has \"digest\": "
                      "\"sha256:...\"): run the shard again");
    for (const std::string& digest : {std::string("\"sha256:\""), std::string("12"),
                                      std::string("\"").append(split(s[0]).digest).append("\""),
                                      std::string("\"").append(p.digest.substr(7)).append("\"")}) {
      INFO(digest);
      CHECK_THROWS_WITH(
          ex::merge_shards({s[0], p.head + p.records + ",\"digest\":" + digest + "}"}, kNames),
          Catch::StartsWith("s1.json: its records do not match its digest"));
    }
  }
}

TEST_CASE("merge checks each experiment's record layout", "[experiments][merge]") {
  auto refused = [](const std::string& spec, std::size_t value, double to) {
    auto e = test::prepared(spec);
    std::vector<std::string> s = shards_of(*e, 2);
    std::vector<ex::UnitRecord> r = ex::parse_records(parse_json(split(s[1]).records));
    r.front().values.at(value) = to;
    s[1] = with_records(s[1], ex::records_json(r), true);
    try {
      ex::merge_shards(s, kNames);
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string("merged");
  };
  const std::string basins_file =
      R"({"experiment":"basins","patterns":")" + kLetterFile + R"(","amounts":[0,0.2],"trials":2})";
  // Basins: per pattern ending (0..3), overlap, sweeps (whole, >= 0).
  CHECK(refused(basins_file, 0, 4) ==
        "s1.json: unit 1: value 1 (pattern 0's ending) is 4, not a whole number in [0, 3]");
  CHECK(refused(basins_file, 3, 1.5) ==
        "s1.json: unit 1: value 4 (pattern 1's ending) is 1.5, not a whole number in [0, 3]");
  CHECK(refused(basins_file, 8, -1) ==
        "s1.json: unit 1: value 9 (pattern 2's sweeps) is -1, not a whole number in [0, 100]");
  CHECK(refused(basins_file, 7, 1.25) ==
        "s1.json: unit 1: value 8 (pattern 2's final overlap) is 1.25, not in [-1, 1]");
  // Temperature: one mean |overlap|.
  CHECK(refused(R"({"experiment":"temperature","neurons":20,"temperatures":[0.5],"trials":2})", 0,
                -0.25) == "s1.json: unit 1: value 1 (mean_abs_overlap) is -0.25, not in [0, 1]");
  // Prune study: sparsity, then performance per noise level (0..100).
  const std::string prune = R"({"experiment":"prune-study","patterns":")" + kLetterFile +
                            R"(","prune":["random:0.5"],"noise":[0.1,0.3],"trials":2})";
  CHECK(refused(prune, 0, 1.5) == "s1.json: unit 1: value 1 (sparsity) is 1.5, not in [0, 1]");
  CHECK(refused(prune, 2, 100.5) ==
        "s1.json: unit 1: value 3 (performance at noise 0.3) is 100.5, not in [0, 100]");
  // Forgetting: retrieved (0 or 1) by age, then overlaps.
  const std::string forgetting =
      R"({"experiment":"forgetting","neurons":20,"stored":3,"trials":2})";
  CHECK(refused(forgetting, 1, 0.5) ==
        "s1.json: unit 1: value 2 (retrieved at age 1) is 0.5, not a whole number in [0, 1]");
  CHECK(refused(forgetting, 5, -2) ==
        "s1.json: unit 1: value 6 (final overlap at age 2) is -2, not in [-1, 1]");
}

TEST_CASE("basins from a file: every record holds as many values, 3 per pattern",
          "[experiments][merge]") {
  // Merging does not read the pattern file: P is what the records hold, the same in each.
  auto e = test::prepared(R"({"experiment":"basins","patterns":")" + kLetterFile +
                          R"(","amounts":[0,0.2],"trials":2})");
  std::vector<std::string> s = shards_of(*e, 2);
  std::vector<ex::UnitRecord> r = ex::parse_records(parse_json(split(s[1]).records));
  REQUIRE(r.front().values.size() == 9);  // 3 letters
  r.front().values.resize(6);
  CHECK_THROWS_WITH(ex::merge_shards({s[0], with_records(s[1], ex::records_json(r), true)}, kNames),
                    "s1.json: unit 1 holds 6 values, unit 0 of s0.json 9");
  r.front().values.resize(5);
  CHECK_THROWS_WITH(
      ex::merge_shards({s[0], with_records(s[1], ex::records_json(r), true)}, kNames),
      "s1.json: unit 1 holds 5 values, not 3 per stored pattern (ending, overlap, sweeps)");
  r.front().values.clear();
  CHECK_THROWS_WITH(
      ex::merge_shards({s[0], with_records(s[1], ex::records_json(r), true)}, kNames),
      "s1.json: unit 1 holds 0 values, not 3 per stored pattern (ending, overlap, sweeps)");
}
