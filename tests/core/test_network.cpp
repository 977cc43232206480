#include <catch2/catch.hpp>

#include "core/network.hpp"
#include "core/pruning.hpp"
#include "helpers.hpp"

using namespace hopfield;

TEST_CASE("local field and energy match W s + b and -1/2 s^T W s - b^T s", "[network]") {
  const PatternMatrix x = test::random_patterns(30, 4, 5);
  for (Rule rule : {Rule::hebbian, Rule::storkey, Rule::pseudoinverse}) {
    Network net = test::network_with(x, rule, HebbianScale::inv_n);
    Rng rng(6);
    Eigen::VectorXd b(30);
    for (int i = 0; i < 30; ++i) b[i] = rng.uniform() - 0.5;
    net.set_bias(b);
    const SpinVector s = test::random_spins(30, rng);
    const Eigen::MatrixXd w = test::dense_weights(net);
    const Eigen::VectorXd sd = s.cast<double>();
    // Exact for integer (Hebbian) weights; real weights are summed in float blocks, so
    // agreement is to float precision (W itself is stored as float).
    const double tolerance = rule == Rule::hebbian ? 1e-12 : 1e-6;
    CHECK((net.local_fields(s) - (w * sd + b)).cwiseAbs().maxCoeff() < tolerance);
    CHECK(net.energy(s) == Approx(-0.5 * sd.dot(w * sd) - b.dot(sd)).epsilon(tolerance));
  }
}

TEST_CASE("energy change of one flip is 2 s_i h_i (zero diagonal)", "[network]") {
  const Network net = test::network_with(test::random_patterns(50, 5, 7));
  Rng rng(8);
  const SpinVector s = test::random_spins(50, rng);
  const Eigen::VectorXd h = net.local_fields(s);
  for (int i = 0; i < 50; ++i) {
    SpinVector t = s;
    t[i] = static_cast<Spin>(-t[i]);
    CHECK(net.energy(t) - net.energy(s) == Approx(2.0 * s[i] * h[i]));
  }
}

TEST_CASE("fields from the patterns equal fields from W exactly", "[network]") {
  const PatternMatrix x = test::random_patterns(200, 12, 9);  // 2P < N: pattern path
  const Network by_patterns = test::network_with(x);
  REQUIRE(by_patterns.uses_pattern_fields());
  Network by_matrix = test::network_with(x);
  Rng rng(1);
  prune_random(by_matrix, 0.0, rng);  // removes nothing, but switches to the dense path
  REQUIRE_FALSE(by_matrix.uses_pattern_fields());
  for (int t = 0; t < 5; ++t) {
    const SpinVector s = test::random_spins(200, rng);
    CHECK(by_patterns.local_fields(s) == by_matrix.local_fields(s));
    CHECK(by_patterns.energy(s) == by_matrix.energy(s));
  }
}

TEST_CASE("Hebbian scales none, 1/N and 1/P", "[network]") {
  const PatternMatrix x = test::random_patterns(20, 4, 10);
  const Network none = test::network_with(x, Rule::hebbian, HebbianScale::none);
  const Network by_n = test::network_with(x, Rule::hebbian, HebbianScale::inv_n);
  const Network by_p = test::network_with(x, Rule::hebbian, HebbianScale::inv_p);
  for (int i = 0; i < 20; ++i)
    for (int j = 0; j < 20; ++j) {
      CHECK(test::weight(by_n, i, j) == Approx(test::weight(none, i, j) / 20));
      CHECK(test::weight(by_p, i, j) == Approx(test::weight(none, i, j) / 4));
    }
}

TEST_CASE("pattern votes add up to the local field", "[network]") {
  const PatternMatrix x = test::random_patterns(40, 3, 11);
  const Network net = test::network_with(x, Rule::hebbian, HebbianScale::inv_n);
  Rng rng(2);
  const SpinVector s = test::random_spins(40, rng);
  const Eigen::VectorXd h = net.local_fields(s);
  for (int i = 0; i < 40; ++i) {
    double sum = 0;
    for (double v : net.pattern_votes(s, i)) sum += v;
    CHECK(sum == Approx(h[i]).margin(1e-12));
  }
  // Hand case: the state is pattern 0, so pattern 0 votes (N - 1) / N for its own sign.
  CHECK(net.pattern_votes(x.col(0), 5)[0] == Approx(x(5, 0) * 39.0 / 40));
}

TEST_CASE("store and remove keep weights and patterns consistent", "[network]") {
  const PatternMatrix x = test::random_patterns(30, 4, 12);
  for (Rule rule : {Rule::hebbian, Rule::storkey, Rule::pseudoinverse}) {
    Network net = test::network_with(x, rule);
    net.remove(1);
    PatternMatrix rest(30, 3);
    rest << x.col(0), x.col(2), x.col(3);
    const Network direct = test::network_with(rest, rule);
    CHECK(net.pattern_count() == 3);
    CHECK(net.patterns() == rest);
    CHECK((test::dense_weights(net) - test::dense_weights(direct)).cwiseAbs().maxCoeff() < 1e-6);
  }
  Network net(30);
  CHECK_THROWS_WITH(net.remove(0), Catch::Contains("no stored pattern 0"));
  CHECK_THROWS_WITH(net.store(test::spins({1, -1})), Catch::Contains("2 neurons"));
}

TEST_CASE("a 128x128 Hebbian network works without an N x N matrix", "[network]") {
  const int n = 128 * 128;
  const PatternMatrix x = test::random_patterns(n, 3, 13);
  const Network net = test::network_with(x);
  CHECK(net.uses_pattern_fields());
  CHECK_THROWS_WITH(net.raw_weights(), Catch::Contains("at most 4096 neurons"));
  const Eigen::VectorXd h = net.local_fields(x.col(0));
  for (int i = 0; i < n; i += 997) {
    double expected = 0;  // sum_mu xi_i^mu (xi^mu . s - xi_i^mu s_i)
    for (int mu = 0; mu < 3; ++mu)
      expected += x(i, mu) * (dot(x.col(mu), x.col(0)) - x(i, mu) * x(i, 0));
    CHECK(h[i] == expected);
  }
  // The Weights panel's heatmap at this size: 2 x 2 block means, from pattern block sums.
  const std::vector<float> means = weight_block_means(net, 2);
  double block01 = 0;  // mean over i < n/2, j >= n/2 of sum_mu xi_i xi_j (no diagonal there)
  for (int mu = 0; mu < 3; ++mu) {
    double a = 0, b = 0;
    for (int i = 0; i < n / 2; ++i) a += x(i, mu);
    for (int j = n / 2; j < n; ++j) b += x(j, mu);
    block01 += a * b;
  }
  CHECK(means[1] == Approx(block01 / (double(n / 2) * double(n / 2))).margin(1e-6));
  CHECK_THROWS_WITH(Network(n, Rule::storkey), Catch::Contains("storkey needs the full"));
}

TEST_CASE("a rule change that cannot learn leaves the network as it was", "[network]") {
  PatternMatrix x = test::random_patterns(20, 3, 11);
  x.col(2) = -x.col(0);  // dependent: the pseudo-inverse rule must refuse these patterns
  Network net = test::network_with(x, Rule::storkey);
  const Eigen::MatrixXd before = test::dense_weights(net);
  CHECK_THROWS_AS(net.set_rule(Rule::pseudoinverse, HebbianScale::none), std::invalid_argument);
  CHECK(net.rule() == Rule::storkey);
  CHECK(test::dense_weights(net) == before);
  CHECK(net.pattern_count() == 3);
}

TEST_CASE("local_field of one neuron equals the network's field vector", "[network]") {
  const PatternMatrix x = test::random_patterns(20, 3, 8);
  Rng rng(4);
  const SpinVector s = test::random_spins(20, rng);
  for (Rule rule : {Rule::hebbian, Rule::storkey, Rule::pseudoinverse}) {
    const Network net = test::network_with(x, rule, HebbianScale::inv_p);
    const Eigen::VectorXd h = net.local_fields(s);
    for (int i = 0; i < 20; ++i) CHECK(local_field(net, s, i) == Approx(h[i]).margin(1e-9));
  }
}

TEST_CASE("weight_block_means averages W over blocks without a dense matrix", "[network]") {
  const PatternMatrix x = test::random_patterns(12, 3, 5);
  for (Rule rule : {Rule::hebbian, Rule::storkey}) {
    const Network net = test::network_with(x, rule, HebbianScale::inv_n);
    const Eigen::MatrixXd w = test::dense_weights(net);
    CHECK(weight_block_means(net, 12)[1 * 12 + 7] == Approx(w(1, 7)).margin(1e-6));
    // 3 blocks of 4 neurons: block (0, 2) averages rows 0..3, columns 8..11.
    const std::vector<float> m = weight_block_means(net, 3);
    CHECK(m[0 * 3 + 2] == Approx(w.block(0, 8, 4, 4).mean()).margin(1e-6));
    CHECK(m[1 * 3 + 1] == Approx(w.block(4, 4, 4, 4).mean()).margin(1e-6));
  }
  CHECK_THROWS_AS(weight_block_means(Network(4), 5), std::invalid_argument);
}

TEST_CASE("store_all learns like one store per pattern, for every rule", "[network]") {
  const PatternMatrix x = test::random_patterns(40, 6, 14);
  for (Rule rule : {Rule::hebbian, Rule::storkey, Rule::pseudoinverse}) {
    const Network one_by_one = test::network_with(x, rule);
    Network at_once(40, rule);
    at_once.store_all(x.leftCols(2));  // onto stored patterns, as a library grows
    at_once.store_all(x.rightCols(4));
    CHECK(at_once.patterns() == x);
    CHECK(at_once.raw_weights() == one_by_one.raw_weights());  // bit for bit
  }
  // A pruned network relearns from all its patterns, as store() does.
  Network pruned = test::network_with(x.leftCols(3), Rule::storkey);
  Rng rng(2);
  prune_random(pruned, 0.5, rng);
  pruned.store_all(x.rightCols(3));
  CHECK_FALSE(pruned.pruned());
  CHECK(pruned.raw_weights() == test::network_with(x, Rule::storkey).raw_weights());
}

TEST_CASE("store_all changes nothing when any pattern is refused", "[network]") {
  const PatternMatrix x = test::random_patterns(20, 4, 15);
  Network net = test::network_with(x.leftCols(1), Rule::pseudoinverse);
  const Eigen::MatrixXf before = net.raw_weights();
  PatternMatrix bad = x.rightCols(3);
  bad(5, 1) = 0;
  CHECK_THROWS_WITH(net.store_all(bad), Catch::Contains("stored pattern 2: neuron 5 is 0"));
  PatternMatrix dependent = x.rightCols(3);
  dependent.col(2) = -dependent.col(0);
  CHECK_THROWS_WITH(net.store_all(dependent), Catch::Contains("linear combination"));
  CHECK_THROWS_WITH(net.store_all(PatternMatrix::Ones(21, 2)), Catch::Contains("21 neurons"));
  CHECK(net.pattern_count() == 1);
  CHECK(net.raw_weights() == before);
}

TEST_CASE("N x P is capped below the 32-bit field bound", "[network]") {
  // Just over 2^31: 16384 neurons x 131073 patterns = 2147500032 spins, refused by arithmetic
  // alone (storing them would take 2 GB).
  CHECK(std::int64_t{16384} * 131073 > std::int64_t{INT32_MAX});
  CHECK_THROWS_WITH(check_network_capacity(16384, 131073),
                    Catch::Contains("N x P = 2147500032 spins, more than the 67108864"));
  CHECK_THROWS_WITH(check_network_capacity(1, 1'000'001), Catch::Contains("at most 1000000"));
  CHECK_NOTHROW(check_network_capacity(16384, 4096));  // exactly kMaxPatternSpins = 2^26

  // One pattern over the cap at 128 x 128 is refused before it is copied (test_dynamics.cpp
  // stores exactly the cap and checks the fields there).
  Network net(16384);
  CHECK_THROWS_WITH(net.store_all(PatternMatrix::Ones(16384, 4097)),
                    Catch::Contains("4097 patterns of 16384 neurons"));
  CHECK(net.pattern_count() == 0);
}
