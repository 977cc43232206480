#include <catch2/catch.hpp>

#include "core/corruption.hpp"
#include "core/lab.hpp"
#include "core/io/pattern_io.hpp"
#include "core/io/session_link.hpp"
#include "helpers.hpp"

using namespace hopfield;

namespace {

// Three random 16x16 patterns: P / N = 0.012, far below capacity.
std::vector<Pattern> three_patterns() {
  const PatternMatrix x = test::random_patterns(256, 3, 11);
  const char* names[] = {"p0", "p1", "p2"};
  std::vector<Pattern> out;
  for (int mu = 0; mu < 3; ++mu) out.push_back(Pattern{16, 16, names[mu], x.col(mu)});
  return out;
}

}  // namespace

TEST_CASE("lab: store 3 patterns, corrupt one, recall converges to it", "[lab]") {
  Lab lab(16, 16);
  for (const Pattern& p : three_patterns()) lab.store(p.spins, p.name);
  REQUIRE(lab.pattern_count() == 3);
  lab.probe_from_pattern(1);
  lab.corrupt({CorruptionKind::flip, 0.15, -1, 0, 0, 0, 0, 42});
  CHECK(hamming(lab.state(), lab.patterns()[1].spins) == 38);  // round(0.15 * 256)
  CHECK(lab.run() == Outcome::fixed_point);
  CHECK(lab.state() == lab.patterns()[1].spins);
  const FinalStateReport v = lab.verdict();
  CHECK(v.verdict == Verdict::retrieved);
  CHECK(v.pattern == 1);
  CHECK(v.distances[1] == 0);
  CHECK(lab.recall().trace().hamming.back() == 0);  // Hamming to the target, pattern 1
}

TEST_CASE("lab: recall_version marks a new recall, not a step of the same one", "[lab]") {
  Lab lab(16, 16);
  for (const Pattern& p : three_patterns()) lab.store(p.spins, p.name);
  lab.probe_from_pattern(0);
  std::uint64_t v = lab.recall_version();
  lab.step_sweeps(1);
  lab.step_neuron();
  CHECK(lab.recall_version() == v);  // the trace only grew
  const auto changes = [&](const char* what, auto&& action) {
    action();
    INFO(what);
    CHECK(lab.recall_version() != v);
    v = lab.recall_version();
  };
  changes("reset", [&] { lab.reset_recall(); });
  changes("corrupt", [&] { lab.corrupt({CorruptionKind::flip, 0.1, -1, 0, 0, 0, 0, 1}); });
  changes("new probe", [&] { lab.probe_from_pattern(2); });
  changes("store", [&] { lab.store(lab.patterns()[0].spins * -1, "inverse"); });
  changes("remove", [&] { lab.remove_pattern(3); });
  LabSettings sync = lab.settings();
  sync.dynamics.mode = UpdateMode::synchronous;
  changes("settings", [&] { lab.set_settings(sync); });
}

TEST_CASE("lab: the verdict names the target when another memory is retrieved", "[lab]") {
  Lab lab(4, 1);
  lab.store(spins_from_string("##..", 4), "a");
  lab.store(spins_from_string("#.#.", 4), "b");
  lab.probe_from_pattern(0);
  lab.set_probe(spins_from_string("#.#.", 4));  // hand-drawn: no target any more
  lab.run();
  CHECK(lab.verdict().summary == "Retrieved \"b\" (pattern 1) exactly.");
  lab.probe_from_pattern(0);
  lab.corrupt({CorruptionKind::rectangle, 0, -1, 1, 0, 2, 1, 0});  // "##.." -> "#..."
  lab.corrupt({CorruptionKind::rectangle, 0, 1, 2, 0, 1, 1, 0});   // -> "#.#." = b
  CHECK(lab.probe_source() == 0);
  CHECK(lab.run() == Outcome::fixed_point);
  CHECK(lab.state() == spins_from_string("#.#.", 4));
  CHECK(lab.verdict().summary ==
        "Retrieved \"b\" (pattern 1) exactly. That is not the target, \"a\" (pattern 0).");
}

TEST_CASE("lab: the same requests give the same run as the core called directly", "[lab]") {
  const std::vector<Pattern> pats = three_patterns();
  Lab lab;
  lab.set_patterns(pats);
  LabSettings s;
  s.dynamics.seed = 9;
  s.dynamics.mode = UpdateMode::async_random;
  lab.set_settings(s);
  lab.corrupt({CorruptionKind::flip, 0.3, -1, 0, 0, 0, 0, 9});  // corrupts pattern 0
  lab.run();

  Network net(256);
  for (const Pattern& p : pats) net.store(p.spins);
  Rng rng(9, kCorruptionStream);
  const SpinVector probe = flip_fraction(pats[0].spins, 0.3, rng);
  const Recall direct = recall(net, probe, s.dynamics, pats[0].spins);
  CHECK(lab.state() == direct.state());
  CHECK(lab.recall().trace().energy == direct.trace().energy);
  CHECK(lab.recall().trace().hamming == direct.trace().hamming);
}

TEST_CASE("lab: a rule that rejects the library leaves everything unchanged", "[lab]") {
  Lab lab(4, 1);
  lab.store(spins_from_string("##..", 4), "a");
  lab.store(spins_from_string("#.#.", 4), "b");
  LabSettings pinv = lab.settings();
  pinv.rule = Rule::pseudoinverse;
  lab.set_settings(pinv);
  // "..##" = -a: linearly dependent, so the projection rule cannot learn it.
  CHECK_THROWS_AS(lab.store(spins_from_string("..##", 4), "c"), std::invalid_argument);
  CHECK(lab.pattern_count() == 2);
  CHECK(lab.network().pattern_count() == 2);

  Lab heb(4, 1);
  heb.store(spins_from_string("##..", 4), "a");
  heb.store(spins_from_string("..##", 4), "minus a");
  const std::uint64_t version = heb.network_version();
  CHECK_THROWS_AS(heb.set_settings(pinv), std::invalid_argument);
  CHECK(heb.settings().rule == Rule::hebbian);
  CHECK(heb.network().rule() == Rule::hebbian);
  CHECK(heb.network_version() == version);

  LabSettings bad = heb.settings();
  bad.dynamics.max_sweeps = 0;
  CHECK_THROWS_AS(heb.set_settings(bad), std::invalid_argument);
  CHECK(heb.settings().dynamics.max_sweeps == 100);
}

TEST_CASE("lab: remove, rename, and grid size changes forget the library", "[lab]") {
  Lab lab(16, 16);
  for (const Pattern& p : three_patterns()) lab.store(p.spins, p.name);
  lab.probe_from_pattern(2);
  lab.remove_pattern(0);
  CHECK(lab.pattern_names() == std::vector<std::string>{"p1", "p2"});
  CHECK(lab.probe_source() == 1);  // still pattern "p2"
  lab.rename_pattern(0, "first");
  CHECK(lab.patterns()[0].name == "first");
  CHECK_THROWS_AS(lab.remove_pattern(5), std::out_of_range);
  CHECK_THROWS_AS(lab.store(SpinVector::Constant(10, 1), "wrong size"), std::invalid_argument);

  lab.set_grid_size(28, 28);
  CHECK(lab.pattern_count() == 0);
  CHECK(lab.network().size() == 784);
  CHECK(lab.drawing().width == 28);
  CHECK(lab.state().size() == 784);
  CHECK_THROWS_AS(lab.set_grid_size(0, 5), std::invalid_argument);
  CHECK(lab.width() == 28);
}

TEST_CASE("lab: loading a file adopts its size only when the library is empty", "[lab]") {
  Lab lab(16, 16);
  const std::string text = "name: bar\n#..\n#..\n\nname: dot\n...\n.#.\n";
  lab.load_pattern_bytes(text, "two.txt", false);
  CHECK(lab.width() == 3);
  CHECK(lab.pattern_names() == std::vector<std::string>{"bar", "dot"});
  const std::string other = "#.\n.#\n";
  CHECK_THROWS(lab.load_pattern_bytes(other, "small.txt", false));
  CHECK(lab.pattern_count() == 2);
  CHECK_THROWS_AS(lab.load_pattern_bytes("#x\n", "bad.txt", true), PatternFileError);
  CHECK(lab.width() == 3);
  CHECK(lab.pattern_count() == 2);
  lab.load_pattern_bytes(other, "small.txt", true);
  CHECK(lab.width() == 2);
  CHECK(lab.pattern_count() == 1);
  CHECK(lab.export_text().find(".#") != std::string::npos);
}

TEST_CASE("lab: drawing edits are undoable, strokes count once", "[lab]") {
  Lab lab(3, 1);
  lab.begin_stroke();
  lab.stroke_cell(0, 0, 1);
  lab.stroke_cell(1, 0, 1);
  lab.stroke_cell(7, 0, 1);  // outside: ignored
  CHECK(to_string(lab.drawing().spins) == "##.");
  Pattern inv = lab.drawing();
  invert_cells(inv);
  lab.set_drawing(inv);
  CHECK(to_string(lab.drawing().spins) == "..#");
  REQUIRE(lab.undo());
  CHECK(to_string(lab.drawing().spins) == "##.");
  REQUIRE(lab.undo());
  CHECK(to_string(lab.drawing().spins) == "...");
  CHECK_FALSE(lab.undo());
  REQUIRE(lab.redo());
  REQUIRE(lab.redo());
  CHECK(to_string(lab.drawing().spins) == "..#");
  lab.store_drawing("d");
  CHECK(lab.patterns()[0].spins == lab.drawing().spins);
}

TEST_CASE("lab: corruption requests", "[lab]") {
  Lab lab(4, 2);
  lab.set_probe(spins_from_string("########", 8));
  CHECK_FALSE(lab.probe_source().has_value());
  lab.corrupt({CorruptionKind::rectangle, 0, -1, 1, 0, 2, 5, 0});
  CHECK(to_string(lab.state()) == "#..##..#");
  lab.corrupt({CorruptionKind::invert, 0, -1, 0, 0, 0, 0, 0});
  CHECK(to_string(lab.probe()) == ".##..##.");
  CHECK_THROWS_AS(lab.corrupt({CorruptionKind::flip, 1.5, -1, 0, 0, 0, 0, 0}),
                  std::invalid_argument);
  CHECK(to_string(lab.probe()) == ".##..##.");
}

TEST_CASE("every model can be chosen with an empty library, run, and keeps working as patterns come and go",
          "[lab][models]") {
  for (Model model : {Model::classic, Model::dense, Model::modern, Model::sparse, Model::continuous}) {
    INFO(to_string(model));
    Lab lab(4, 4);
    LabSettings s = lab.settings();
    s.model.model = model;
    lab.set_settings(s);  // nothing stored yet (the first visit of a page with model=...)
    CHECK(lab.settings().model.model == model);
    lab.run();
    CHECK(lab.finished());
    SpinVector a = SpinVector::Constant(16, -1), b = SpinVector::Constant(16, -1);
    for (int i = 0; i < 8; ++i) a[i] = 1;
    for (int i = 0; i < 16; i += 2) b[i] = 1;
    lab.store(a, "a");
    lab.store(b, "b");
    lab.probe_from_pattern(0);
    lab.run();
    CHECK(lab.finished());
    lab.remove_pattern(0);
    lab.clear_patterns();
    CHECK(lab.settings().model.model == model);
  }
}

TEST_CASE("a grid too large for a dense W sends the models that need one back to classic",
          "[lab][models]") {
  Lab lab(16, 16);
  LabSettings s = lab.settings();
  s.model.model = Model::continuous;
  lab.set_settings(s);
  lab.set_grid_size(128, 128);  // N = 16384 > kMaxDenseNeurons
  CHECK(lab.settings().model.model == Model::classic);
  s = lab.settings();
  s.model.model = Model::dense;  // from the patterns alone: fine at any N
  lab.set_settings(s);
  lab.set_grid_size(100, 100);
  CHECK(lab.settings().model.model == Model::dense);
}

TEST_CASE("lab: a pattern name over kMaxPatternNameBytes is refused wherever it comes in, so a saved session always restores", "[lab]") {
  Lab lab(16, 16);
  for (const Pattern& p : three_patterns()) lab.store(p.spins, p.name);
  const std::string longest(kMaxPatternNameBytes, 'n');
  const std::string over(kMaxPatternNameBytes + 1, 'n');
  const SpinVector xi = lab.patterns()[0].spins;
  CHECK_THROWS_AS(lab.store(xi, over), std::invalid_argument);
  CHECK_THROWS_AS(lab.rename_pattern(0, over), std::invalid_argument);
  std::vector<Pattern> library = lab.patterns();
  library[1].name = over;
  CHECK_THROWS_AS(lab.set_patterns(library), std::invalid_argument);
  CHECK_THROWS_AS(lab.add_patterns({Pattern{16, 16, over, xi}}), std::invalid_argument);
  CHECK(lab.pattern_names() == std::vector<std::string>{"p0", "p1", "p2"});  // nothing changed
  // The longest name allowed goes in, and the session holding it restores.
  lab.rename_pattern(0, longest);
  Lab restored(16, 16);
  restore_session(restored, decode_session(encode_session(session_of(lab))));
  CHECK(restored.patterns()[0].name == longest);
}
