#include <catch2/catch.hpp>

#include "core/costs.hpp"
#include "core/lab.hpp"
#include "core/io/session_link.hpp"
#include "helpers.hpp"

using namespace hopfield;
using Catch::Contains;

namespace {

// A session of `p` random patterns on a side x side grid under `settings`.
Session random_session(int side, int p, const LabSettings& settings) {
  Session s;
  s.width = s.height = side;
  const PatternMatrix x = test::random_patterns(side * side, p, 5);
  for (int mu = 0; mu < p; ++mu)
    s.patterns.push_back(Pattern{side, side, std::string(1, 'p').append(std::to_string(mu)), x.col(mu)});
  s.settings = settings;
  return s;
}

LabSettings storkey() {
  LabSettings s;
  s.rule = Rule::storkey;
  return s;
}

}  // namespace

TEST_CASE("learning costs grow as the rules' loops do", "[costs]") {
  const ModelOptions classic;
  const auto work = [&](int n, std::int64_t p, Rule rule, const ModelOptions& m = {}) {
    return learning_cost(n, p, rule, m).work;
  };
  // Storkey: P updates of N^2 each.
  CHECK(work(4096, 200, Rule::storkey) == Approx(2 * work(4096, 100, Rule::storkey)));
  CHECK(work(2048, 100, Rule::storkey) == Approx(work(4096, 100, Rule::storkey) / 4));
  // The pseudo-inverse: N^2 P dominates for P << N, P^3 / 6 + 1.5 N P^2 grows faster in P.
  const double n = 4096, p = 100;
  CHECK(work(4096, 100, Rule::pseudoinverse) == Approx(n * n * p + 1.5 * n * p * p + p * p * p / 6));
  // Hebbian with pattern fields (2P < N) is a copy of the patterns; a dense W costs popcounts.
  CHECK(work(4096, 100, Rule::hebbian) == Approx(4096.0 * 100));
  CHECK(work(256, 200, Rule::hebbian) > work(256, 100, Rule::hebbian));
  // Each dream is bounded by kDreamSweeps sweeps of N^2 plus N^2: linear in the count.
  ModelOptions dreams;
  dreams.dreams = 1000;
  ModelOptions more = dreams;
  more.dreams = 2000;
  const double base = work(4096, 10, Rule::hebbian);
  CHECK(work(4096, 10, Rule::hebbian, more) - base ==
        Approx(2 * (work(4096, 10, Rule::hebbian, dreams) - base)).epsilon(0.01));
  CHECK(work(4096, 10, Rule::hebbian, dreams) >= 1000 * 102 * n * n);
  // The dense and modern models learn no W: only the patterns.
  ModelOptions dense;
  dense.model = Model::dense;
  CHECK(work(16384, 4096, Rule::hebbian, dense) == Approx(16384.0 * 4096));
  // ...but a network keeps its rule's W all the same.
  CHECK(work(4096, 200, Rule::storkey, dense) > work(4096, 200, Rule::storkey));
  CHECK(learning_cost(4096, 200, Rule::storkey, classic).what ==
        "Storkey learning of 200 patterns of 4096 neurons");
  CHECK(learning_cost(4096, 1, Rule::hebbian, dreams).lower == "fewer dreams or a smaller grid");
}

TEST_CASE("the page budget takes a normal session and refuses a long one", "[costs]") {
  // 26 patterns under Storkey at 16x16 (the letters): well inside a second.
  CHECK(session_cost(256, 26, storkey()).work < kPageLearningWork / 10.0);
  // Storkey at 64x64 with P = 200 (a 1.9 KB link that took 103 s in the page), and
  // dream=100000:0.01 at 64x64: over the page's budget, and the second over the native one.
  CHECK(session_cost(4096, 200, storkey()).work > 50.0 * kPageLearningWork);
  LabSettings dreaming;
  dreaming.model.dreams = 100000;
  CHECK(session_cost(4096, 3, dreaming).work > kMaxLearningWork);
  // 4096 patterns at 128x128 (a 68 KB link that grew the page to 675 MB): too large.
  CHECK(session_cost(16384, 4096, LabSettings{}).bytes > kPageSessionBytes);
  // MNIST's training set at 28x28 fits both budgets natively, and its memory the page's.
  CHECK(session_cost(784, 60000, storkey()).work < kMaxLearningWork);
  CHECK(session_cost(784, 60000, LabSettings{}).bytes < kPageSessionBytes);
}

TEST_CASE("a session over the Lab's budget is refused before any learning", "[costs]") {
  Lab lab(8, 8);
  lab.set_budget(kPageBudget);
  Rng rng(3);
  lab.store(test::random_spins(64, rng), "kept");
  const std::uint64_t version = lab.network_version();

  SECTION("Storkey at 64x64, P = 200") {
    // Learning it takes ~30 s natively: the refusal comes from the estimate, before any of it.
    const Session s = random_session(64, 200, storkey());
    CHECK_THROWS_WITH(restore_session(lab, s),
                      Contains("learning (Storkey learning of 200 patterns of 4096 neurons) would "
                               "take about 7e+10 multiply-adds") &&
                          Contains("use fewer patterns, a smaller grid or the Hebbian rule"));
  }
  SECTION("dream=100000:0.01 at 64x64") {
    LabSettings dreaming;
    dreaming.model.dreams = 100000;
    dreaming.model.dream_epsilon = 0.01;
    const Session s = random_session(64, 3, dreaming);
    CHECK_THROWS_WITH(restore_session(lab, s), Contains("100000 dreams") &&
                                                   Contains("use fewer dreams or a smaller grid"));
  }
  SECTION("4096 patterns at 128x128") {
    const Session s = random_session(128, 4096, LabSettings{});
    CHECK_THROWS_WITH(restore_session(lab, s),
                      Contains("the session is too large: 4096 patterns of 16384 neurons would "
                               "hold about") &&
                          Contains("more than the 256 MB a session may hold here"));
  }
  // Kept as it was.
  CHECK(lab.width() == 8);
  CHECK(lab.pattern_count() == 1);
  CHECK(lab.patterns()[0].name == "kept");
  CHECK(lab.network_version() == version);
}

TEST_CASE("a normal session loads under the page budget, learning once", "[costs]") {
  Lab lab;
  lab.set_budget(kPageBudget);
  Session s = random_session(16, 26, storkey());
  s.probe = s.patterns[3].spins;
  s.probe_source = 3;
  restore_session(lab, s);
  CHECK(lab.pattern_count() == 26);
  CHECK(lab.settings().rule == Rule::storkey);
  CHECK(lab.probe_source() == 3);
  // The swapped-in network is the rule's own W of the library.
  PatternMatrix x(256, 26);
  for (int mu = 0; mu < 26; ++mu) x.col(mu) = s.patterns[static_cast<std::size_t>(mu)].spins;
  CHECK(lab.network().raw_weights() == storkey_weights(x));
}

TEST_CASE("the Lab refuses a change over its budget with everything unchanged", "[costs]") {
  Lab lab(64, 64);
  lab.set_budget(kPageBudget);
  Rng rng(7);
  // Storkey learns a pattern at a time on its W: two at 64x64 fit the page's second.
  LabSettings s = storkey();
  lab.set_settings(s);
  lab.store(test::random_spins(4096, rng), "a");
  lab.store(test::random_spins(4096, rng), "b");
  std::vector<Pattern> many;
  for (int k = 0; k < 20; ++k) many.push_back(Pattern{64, 64, "x", test::random_spins(4096, rng)});
  CHECK_THROWS_WITH(lab.add_patterns(many), Contains("Storkey learning of 22 patterns"));
  CHECK(lab.pattern_count() == 2);
  // The pseudo-inverse relearns everything on a change: refused as a whole too.
  LabSettings dreaming = storkey();
  dreaming.model.dreams = 10;
  CHECK_THROWS_WITH(lab.set_settings(dreaming), Contains("10 dreams"));
  CHECK(lab.settings() == s);
}

TEST_CASE("a network refuses learning over the native budget before any work", "[costs]") {
  // 3000 patterns at 64x64 under Storkey: ~1.1e12 multiply-adds, minutes natively.
  Network net(4096);
  net.store_all(test::random_patterns(4096, 3000, 9));  // Hebbian: a copy
  CHECK_THROWS_WITH(net.set_rule(Rule::storkey),
                    Contains("Storkey learning of 3000 patterns of 4096 neurons") &&
                        Contains("use fewer patterns, a smaller grid or the Hebbian rule"));
  CHECK(net.rule() == Rule::hebbian);
  ModelOptions dreaming;
  dreaming.dreams = kMaxDreams;
  CHECK_THROWS_WITH(net.set_model(dreaming), Contains("100000 dreams"));
  CHECK(net.model() == ModelOptions{});
  // set_rule_and_model learns the same W as set_rule then set_model.
  const PatternMatrix x = test::random_patterns(64, 5, 2);
  ModelOptions diluted;
  diluted.connectivity = 0.5;
  diluted.weight_seed = 4;
  Network once(64), twice(64);
  once.store_all(x);
  twice.store_all(x);
  once.set_rule_and_model(Rule::storkey, HebbianScale::none, diluted);
  twice.set_rule(Rule::storkey);
  twice.set_model(diluted);
  CHECK(once.raw_weights() == twice.raw_weights());
  CHECK(once.rule() == Rule::storkey);
  CHECK(once.model() == diluted);
}
