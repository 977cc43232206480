// The lessons (src/app/state/lessons.hpp): each sets up what its text says, and what its "what to
// notice" line promises happens, checked against the physics, not against the lesson's code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "app/state/lessons.hpp"
#include "app/state/startup.hpp"
#include "core/io/pattern_io.hpp"

using hlab::App;

namespace {
const hopfield::Pattern& letter(char name) {
  static const std::vector<hopfield::Pattern> all =
      hopfield::load_patterns(HOPFIELD_SOURCE_DIR "/assets/patterns/letters-16.txt");
  for (const hopfield::Pattern& p : all)
    if (p.name == std::string(1, name)) return p;
  throw std::logic_error("no letter");
}

hopfield::Verdict run_to_end(App& app) {
  app.step_sweeps(app.lab().settings().dynamics.max_sweeps);
  return app.lab().verdict().verdict;
}
}  // namespace

TEST_CASE("the recall lesson recalls A; the overload lesson fails far below 0.138 N",
          "[lessons]") {
  App app;
  hlab::ViewState view;
  hlab::start_lesson(app, view, "recall");
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"A", "B", "C"});
  CHECK(hopfield::hamming(app.lab().probe(), letter('A').spins) == 26);
  CHECK(run_to_end(app) == hopfield::Verdict::retrieved);
  CHECK(app.lab().state() == letter('A').spins);
  CHECK_THAT(view.hint(), Catch::StartsWith("1. Store three letters") && Catch::Contains("Press Run (or Space), or Step"));
  view.set_coarse_pointer(true);  // a finger: no keys named
  CHECK_THAT(view.hint(), Catch::Contains("Press Run, or Step") && !Catch::Contains("Space"));
  view.set_coarse_pointer(false);

  hlab::start_lesson(app, view, "overload");
  REQUIRE(app.lab().pattern_count() == 8);
  CHECK(8 < 0.138 * app.lab().size());  // far below the random-pattern capacity...
  CHECK(run_to_end(app) != hopfield::Verdict::retrieved);  // ...and recall fails
  CHECK(view.lesson() == "overload");
}

TEST_CASE("the 2-cycle lesson cycles under synchronous updates and settles asynchronously",
          "[lessons]") {
  App app;
  hlab::ViewState view;
  hlab::start_lesson(app, view, "two-cycles");
  CHECK(app.lab().settings().dynamics.mode == hopfield::UpdateMode::synchronous);
  CHECK(app.lab().probe() == hopfield::SpinVector::Ones(256));
  run_to_end(app);
  CHECK(app.lab().recall().outcome() == hopfield::Outcome::two_cycle);
  // All +1 has overlap 0 with each pattern: h_i = -P s_i, so every neuron flips at once.
  const std::vector<int>& flips = app.lab().recall().trace().flips;
  REQUIRE(flips.size() >= 3);
  for (std::size_t k = 1; k < flips.size(); ++k) CHECK(flips[k] == 256);
  const std::vector<double> e = app.lab().recall().trace().energy;  // a copy: set_settings replaces the Recall
  CHECK(e.front() == e.back());  // an energy that never falls
  hopfield::LabSettings s = app.lab().settings();
  s.dynamics.mode = hopfield::UpdateMode::async_random;
  app.set_settings(s);
  app.reset();
  run_to_end(app);
  CHECK(app.lab().recall().outcome() == hopfield::Outcome::fixed_point);
  CHECK(app.lab().recall().trace().energy.back() < e.front());
}

TEST_CASE("the temperature lesson: near A at T = 0.5, melted at T = 1.5", "[lessons]") {
  App app;
  hlab::ViewState view;
  hlab::start_lesson(app, view, "temperature");
  CHECK(app.lab().settings().dynamics.temperature == 0.5);
  // Mean |overlap with A| over the last half of the sweeps.
  auto mean_overlap = [&] {
    run_to_end(app);
    const auto& rows = app.lab().recall().trace().overlaps;
    double sum = 0;
    const std::size_t from = rows.size() / 2;
    for (std::size_t k = from; k < rows.size(); ++k) sum += std::abs(rows[k][0]);
    return sum / static_cast<double>(rows.size() - from);
  };
  // Mean field for one condensed pattern: m = tanh(m / T), m = 0.96 at T = 0.5.
  CHECK(mean_overlap() > 0.85);
  hopfield::LabSettings s = app.lab().settings();
  s.dynamics.temperature = 1.5;  // above T_c = 1: only m = 0
  app.set_settings(s);
  app.reset();
  CHECK(mean_overlap() < 0.3);
}

TEST_CASE("the unlearning lesson: E spoils A's recall until E is deleted", "[lessons]") {
  App app;
  hlab::ViewState view;
  hlab::start_lesson(app, view, "unlearning");
  REQUIRE(app.lab().pattern_names() == std::vector<std::string>{"A", "B", "C", "E"});
  CHECK(run_to_end(app) != hopfield::Verdict::retrieved);
  app.remove_pattern(3);
  app.reset();
  CHECK(run_to_end(app) == hopfield::Verdict::retrieved);
  CHECK(app.lab().state() == letter('A').spins);
}

TEST_CASE("the weights lesson stores one pattern: W_ij = xi_i xi_j off the diagonal",
          "[lessons]") {
  App app;
  hlab::ViewState view;
  hlab::start_lesson(app, view, "weights");
  REQUIRE(app.lab().pattern_count() == 1);
  const hopfield::SpinVector& xi = letter('A').spins;
  const Eigen::MatrixXf& w = app.lab().network().raw_weights();
  for (int i = 0; i < 256; i += 17)
    for (int j = 0; j < 256; j += 13) CHECK(w(i, j) == (i == j ? 0 : xi[i] * xi[j]));
}

TEST_CASE("lessons by id, by URL, and an unknown one refused with nothing changed",
          "[lessons]") {
  App app;
  hlab::ViewState view;
  for (const hlab::Lesson& l : hlab::lessons()) {
    INFO(l.id);
    hlab::start_lesson(app, view, l.id);
    CHECK(view.lesson() == l.id);
    CHECK(app.lab().pattern_count() > 0);
    CHECK(app.lab().width() == 16);
  }
  CHECK(hlab::find_lesson("pruning")->experiments);
  const std::string before = app.session_text();
  CHECK_THROWS_WITH(hlab::start_lesson(app, view, "nope"), Catch::Contains("no lesson 'nope'") &&
                                                         Catch::Contains("two-cycles"));
  CHECK(app.session_text() == before);

  App linked;
  hlab::ViewState linked_view;
  const auto warnings = hlab::apply_startup(
      linked, linked_view, hlab::parse_startup(hlab::parse_query("?lesson=two-cycles"), linked.lab().settings()));
  CHECK(warnings.empty());
  CHECK(linked_view.lesson() == "two-cycles");
  CHECK(linked.lab().settings().dynamics.mode == hopfield::UpdateMode::synchronous);
  const auto bad = hlab::parse_startup(hlab::parse_query("?lesson=nope"));
  REQUIRE(bad.warnings.size() == 1);
  CHECK_THAT(bad.warnings[0], Catch::Contains("no such lesson"));
}

TEST_CASE("the dense lesson recalls A among all 26 letters; at n = 2 it is the classic network",
          "[lessons][models]") {
  App app;
  hlab::ViewState view;
  hlab::start_lesson(app, view, "dense");
  REQUIRE(app.lab().pattern_count() == 26);
  CHECK(run_to_end(app) == hopfield::Verdict::retrieved);
  CHECK(app.lab().state() == letter('A').spins);
  // n = 2 is the Hebbian network: the same run as the classic model, which fails here.
  hopfield::LabSettings s = app.lab().settings();
  s.model.interaction.degree = 2;
  app.set_settings(s);
  CHECK(run_to_end(app) != hopfield::Verdict::retrieved);
  const hopfield::SpinVector dense_two = app.lab().state();
  s.model = hopfield::ModelOptions{};
  app.set_settings(s);
  run_to_end(app);
  CHECK(app.lab().state() == dense_two);
  // "With n = 3 it fails too: it ends two pixels from E, not on A."
  s.model.model = hopfield::Model::dense;
  s.model.interaction = {hopfield::InteractionKind::poly, 3};
  app.set_settings(s);
  CHECK(run_to_end(app) == hopfield::Verdict::spurious);
  CHECK(hopfield::hamming(app.lab().state(), letter('E').spins) == 2);
  CHECK(hopfield::hamming(app.lab().state(), letter('A').spins) > 2);
}

TEST_CASE("the sequence lesson walks A, B, C and back to A, a cycle of 3 states", "[lessons][models]") {
  App app;
  hlab::ViewState view;
  hlab::start_lesson(app, view, "sequence");
  run_to_end(app);
  // From s = xi^mu the field is W s = sum_nu xi^(nu+1) (xi^nu . xi^mu) (less the diagonal):
  // the nu = mu term is N xi^(mu+1), the others are crosstalk weighted by the letters' small
  // overlaps, so one synchronous step lands exactly on the next letter; the third step is
  // back at A, the state three steps before: the run stops there, a cycle of 3 states.
  const hopfield::Trace t = app.lab().recall().trace();  // a copy
  REQUIRE(t.rows() == 4);
  for (int k = 0; k < t.rows(); ++k) {
    const std::vector<double>& m = t.overlaps[static_cast<std::size_t>(k)];
    INFO("iteration " << k);
    CHECK(std::max_element(m.begin(), m.end()) - m.begin() == k % 3);
    CHECK(m[static_cast<std::size_t>(k % 3)] == 1.0);
  }
  CHECK(app.lab().recall().outcome() == hopfield::Outcome::cycle);
  CHECK(app.lab().recall().cycle_length() == 3);
  CHECK(app.lab().verdict().verdict == hopfield::Verdict::cycle);
  CHECK_THAT(app.lab().verdict().summary, Catch::Contains("Cycle of 3 states"));
}

TEST_CASE("keyboard_text keeps the keys' words for a keyboard and drops them for a finger", "[lessons]") {
  CHECK(hlab::keyboard_text("press Run{ (or Space)} now", true) == "press Run (or Space) now");
  CHECK(hlab::keyboard_text("press Run{ (or Space)} now", false) == "press Run now");
  CHECK(hlab::keyboard_text("{Tab: }next{ (F6)}", false) == "next");
  CHECK(hlab::keyboard_text("no keys here", false) == "no keys here");
}
