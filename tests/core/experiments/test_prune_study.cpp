#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/experiments/prune_study.hpp"
#include "core/rng.hpp"
#include "run_helpers.hpp"

using namespace hopfield;
using hopfield::test::cell;

namespace {
// Two 2x2 images: x1 = all +1 and its inverse x2.
std::string four_neuron_file() {
  const std::string path = "test_prune_study_4.txt";
  std::ofstream(path) << "name: x1\n##\n##\n\nname: x2\n..\n..\n";
  return path;
}
}  // namespace

TEST_CASE("prune study: a 4-neuron cell computed by hand", "[experiments][science]") {
  // W = (x1 x1^T + x2 x2^T) / 2 with zero diagonal: every off-diagonal entry is 1 (sparsity
  // 0). One flip (noise 0.25): the flipped neuron sees h = 3 x_i and flips back, the others
  // see 2 - 1 = 1 in their own direction and stay, in any order: performance 100 in every
  // trial, from x1 (even trials) and x2 (odd). Pruning w <= 0 or |w| <= 0.5 removes nothing;
  // w <= 1 (signed) or every entry at random removes them all: W = 0, every field is 0, ties
  // keep the probe: performance 75, sparsity 1.
  const std::string file = four_neuron_file();
  const experiments::Table t = test::run_table(
      R"({"experiment":"prune-study","patterns":")" + file +
      R"(","prune":["signed:0,1","magnitude:0.5","random-independent:1"],"noise":"0.25",
          "trials":10,"seed":5})");
  std::remove(file.c_str());
  REQUIRE(t.rows.size() == 4);
  const double expected[] = {100, 75, 100, 75};
  const double sparsity[] = {0, 1, 0, 1};
  for (std::size_t r = 0; r < 4; ++r) {
    INFO("row " << r << ": " << t.rows[r][0].text << " " << cell(t, r, "level"));
    CHECK(cell(t, r, "noise") == 0.25);
    CHECK(cell(t, r, "trials") == 10);
    for (const char* c : {"mean_performance", "min", "q1", "median", "q3", "max"})
      CHECK(cell(t, r, c) == expected[r]);
    CHECK(cell(t, r, "sparsity") == sparsity[r]);
  }
  CHECK(t.rows[3][0].text == "random-independent");
}

TEST_CASE("prune study: flips drawn with replacement fall short of nominal as published",
          "[experiments][science]") {
  // k = f N draws with replacement hit 1 - exp(-f) of the neurons: 22%, 39%, 53%.
  Rng rng(1, 2);
  const SpinVector s = SpinVector::Constant(20000, 1);
  for (auto [f, actual] :
       {std::pair{0.25, 0.2212}, std::pair{0.5, 0.3935}, std::pair{0.75, 0.5276}}) {
    const SpinVector out = experiments::flip_with_replacement(s, f, rng);
    const double flipped = (out.array() < 0).cast<double>().sum() / 20000;
    CHECK(flipped == Approx(actual).margin(0.01));
  }
}

TEST_CASE("prune study: presets and bad specs", "[experiments]") {
  const std::string file = four_neuron_file();
  const auto spec = parse_json(R"({"experiment":"prune-study","patterns":")" + file +
                               R"(","select":"0,1","preset":"published","trials":2})");
  auto e = experiments::make_experiment(spec);
  e->prepare();
  // 21 random-independent levels + 5 signed thresholds, 3 noise levels.
  CHECK(e->unit_count() == 26 * 2);
  const experiments::Table t = e->aggregate(experiments::run_units(*e, {}).records);
  CHECK(t.rows.size() == 26 * 3);
  CHECK(t.rows[0][0].text == "random-independent");
  CHECK(t.rows[25 * 3][0].text == "signed");
  auto bad = [&](const std::string& rest) {
    return experiments::make_experiment(
        parse_json(R"({"experiment":"prune-study","patterns":")" + file + "\"," + rest + "}"));
  };
  CHECK_THROWS_WITH(bad(R"("prune":"random:0,1.5","noise":"0.1")"),
                    Catch::StartsWith("prune: levels must be in [0, 1]"));
  CHECK_THROWS_WITH(bad(R"("prune":"cut:0.5","noise":"0.1")"),
                    Catch::StartsWith("prune: kind must be"));
  CHECK_THROWS_WITH(bad(R"("prune":"random:0.5","noise":"")"), Catch::StartsWith("noise: "));
  CHECK_THROWS_WITH(bad(R"("noise":"0.1")"), Catch::StartsWith("prune: give at least one"));
  CHECK_THROWS_WITH(bad(R"("prune":"random:0.5","noise":"0.1","flips":"sometimes")"),
                    Catch::StartsWith("flips: must be exact or with-replacement"));
  auto select = bad(R"("prune":"random:0.5","noise":"0.1","select":"0,2")");
  CHECK_THROWS_WITH(select->prepare(), Catch::StartsWith("select: ") && Catch::Contains("only 2"));
  std::remove(file.c_str());
}

TEST_CASE("prune spectra: one pattern of 4 neurons, worked by hand", "[experiments][prune][spectrum]") {
  // W = x x^T / 1 with the diagonal removed, x = (1,1,1,1): the all-ones matrix minus I, with
  // eigenvalues 4 - 1 = 3 (once, along x) and 0 - 1 = -1 (three times).
  PatternMatrix x(4, 1);
  x.col(0).setOnes();
  const auto kept = experiments::prune_spectra(x, HebbianScale::inv_p, "smallest", 0, 1);
  REQUIRE(kept.before.re.size() == 4);
  CHECK(kept.sparsity == 0);
  for (const auto* e : {&kept.before, &kept.after}) {
    CHECK(e->symmetric);
    CHECK(e->re[0] == Approx(-1));
    CHECK(e->re[1] == Approx(-1));
    CHECK(e->re[2] == Approx(-1));
    CHECK(e->re[3] == Approx(3));
  }
  // Every |w| = 1 <= 1: the magnitude threshold 1 removes all of W, so every eigenvalue is 0.
  const auto gone = experiments::prune_spectra(x, HebbianScale::inv_p, "magnitude", 1, 1);
  CHECK(gone.sparsity == 1);
  for (double v : gone.after.re) CHECK(v == Approx(0).margin(1e-12));
  CHECK_THROWS_AS(experiments::prune_spectra(x, HebbianScale::inv_p, "shears", 0.5, 1),
                  experiments::SpecError);
  CHECK_THROWS_AS(experiments::prune_spectra(x, HebbianScale::inv_p, "random", 1.5, 1),
                  experiments::SpecError);
}
