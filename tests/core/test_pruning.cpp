#include <catch2/catch.hpp>

#include "core/pruning.hpp"
#include "helpers.hpp"

using namespace hopfield;

// An odd number of patterns makes every Hebbian weight odd, so none is zero before pruning.
static Network odd_hebbian(int n = 60) { return test::network_with(test::random_patterns(n, 5, 30)); }

TEST_CASE("random pruning of symmetric pairs reaches the requested sparsity", "[pruning]") {
  for (double f : {0.0, 0.05, 0.5, 0.95, 1.0}) {
    Network net = odd_hebbian();
    Rng rng(1);
    const PruneReport r = prune_random(net, f, rng);
    const long long pairs = 60 * 59 / 2;
    CHECK(r.candidates == 60 * 59);
    CHECK(r.removed == 2 * std::llround(f * pairs));
    CHECK(r.zeros == r.removed);
    CHECK(r.sparsity() == Approx(f).margin(1.0 / pairs));
    const Eigen::MatrixXf& w = net.raw_weights();
    CHECK(w == w.transpose());
    CHECK(net.pruned());
  }
}

TEST_CASE("random pruning of independent entries, as in the published study", "[pruning]") {
  Network net = odd_hebbian();
  Rng rng(2);
  const PruneReport r = prune_random(net, 0.3, rng, PruneSymmetry::independent_entries);
  CHECK(r.removed == std::llround(0.3 * 60 * 59));
  CHECK(r.zeros == r.removed);
  const Eigen::MatrixXf& w = net.raw_weights();
  CHECK(w != w.transpose());  // asymmetric now
  CHECK(w.diagonal().isZero());
}

TEST_CASE("magnitude pruning removes the smallest |w| first", "[pruning]") {
  Network net = test::network_with(test::random_patterns(50, 7, 31), Rule::storkey);
  const Eigen::MatrixXf before = net.raw_weights();
  const PruneReport r = prune_smallest_magnitude(net, 0.4);
  CHECK(r.removed == std::llround(0.4 * 50 * 49));
  const Eigen::MatrixXf& after = net.raw_weights();
  float largest_removed = 0, smallest_kept = 1e30f;
  for (int j = 0; j < 50; ++j)
    for (int i = 0; i < 50; ++i) {
      if (i == j) continue;
      if (after(i, j) == 0) largest_removed = std::max(largest_removed, std::abs(before(i, j)));
      else {
        CHECK(after(i, j) == before(i, j));
        smallest_kept = std::min(smallest_kept, std::abs(before(i, j)));
      }
    }
  CHECK(largest_removed <= smallest_kept);
}

TEST_CASE("threshold pruning: |w| <= t, and the signed variant w <= t", "[pruning]") {
  const PatternMatrix x = test::random_patterns(40, 5, 32);
  Network by_magnitude = test::network_with(x, Rule::hebbian, HebbianScale::inv_p);
  Network by_sign = test::network_with(x, Rule::hebbian, HebbianScale::inv_p);
  const Eigen::MatrixXd w = test::dense_weights(by_magnitude);  // entries in {+-1, +-0.6, +-0.2}
  prune_magnitude_threshold(by_magnitude, 0.25);
  const PruneReport signed_report = prune_signed_threshold(by_sign, 0.25);
  long long negatives = 0;
  for (int j = 0; j < 40; ++j)
    for (int i = 0; i < 40; ++i) {
      if (i == j) continue;
      CHECK(test::weight(by_magnitude, i, j) == (std::abs(w(i, j)) <= 0.25 ? 0.0 : w(i, j)));
      CHECK(test::weight(by_sign, i, j) == (w(i, j) <= 0.25 ? 0.0 : w(i, j)));
      negatives += w(i, j) < 0;
    }
  CHECK(signed_report.removed >= negatives);  // every negative weight goes
}

TEST_CASE("pruning any rule's W; learning afterwards relearns from scratch", "[pruning]") {
  const PatternMatrix x = test::random_patterns(30, 4, 33);
  Network net = test::network_with(x.leftCols(3), Rule::pseudoinverse);
  Rng rng(3);
  prune_random(net, 0.5, rng);
  CHECK(net.pruned());
  net.store(x.col(3));
  CHECK_FALSE(net.pruned());
  CHECK((test::dense_weights(net) - test::dense_weights(test::network_with(x, Rule::pseudoinverse)))
            .cwiseAbs()
            .maxCoeff() < 1e-6);
  CHECK_THROWS_WITH(prune_random(net, 1.2, rng), Catch::Contains("between 0 and 1"));
}

TEST_CASE("pruning a network too large for a dense W says so in its own words", "[pruning]") {
  Network net(128 * 128);  // Hebbian recall at this size never builds W; pruning needs it
  Rng rng(1);
  CHECK_THROWS_WITH(prune_random(net, 0.1, rng),
                    Catch::Contains("pruning needs the dense N x N weight matrix") &&
                        Catch::Contains("this network has 16384"));
  CHECK_THROWS_WITH(prune_magnitude_threshold(net, 0.5), Catch::StartsWith("pruning needs"));
}
