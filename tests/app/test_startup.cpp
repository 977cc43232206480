// Start-up parameters (src/app/state/startup.hpp): the URL's and the desktop's, parsed one by one
// (a bad one is a warning and its default) and applied through the App's commands.
#include <catch2/catch.hpp>

#include "app/state/startup.hpp"
#include "core/io/pattern_io.hpp"
#include "core/rng.hpp"
#include "core/io/session_link.hpp"

using hlab::App;
using hlab::Param;

TEST_CASE("parse_query splits and percent-decodes names and values", "[startup]") {
  CHECK(hlab::parse_query("?size=28&set=letters") ==
        std::vector<Param>{{"size", "28"}, {"set", "letters"}});
  CHECK(hlab::parse_query("a=x%20y&b=1+2&&flag") ==
        std::vector<Param>{{"a", "x y"}, {"b", "1 2"}, {"flag", ""}});
  CHECK(hlab::parse_query("bad=%zz%4") == std::vector<Param>{{"bad", "%zz%4"}});
  CHECK(hlab::parse_query("").empty());
}

TEST_CASE("parse_startup: each good parameter is taken, each bad one named in a warning",
          "[startup]") {
  const hlab::StartupOptions o = hlab::parse_startup(
      hlab::parse_query("?size=20x12&rule=storkey&mode=sync&tie=plus&seed=18446744073709551615"
                        "&temperature=0.5&maxSweeps=7&demo=0.25&redraw=full&plots=image&set=digits"));
  CHECK(o.warnings.empty());
  CHECK(o.size == std::pair<int, int>{20, 12});
  CHECK(o.settings.rule == hopfield::Rule::storkey);
  CHECK(o.settings.dynamics.mode == hopfield::UpdateMode::synchronous);
  CHECK(o.settings.dynamics.tie == hopfield::TieRule::plus);
  CHECK(o.settings.dynamics.seed == 18446744073709551615ull);
  CHECK(o.settings.dynamics.temperature == 0.5);
  CHECK(o.settings.dynamics.max_sweeps == 7);
  CHECK(o.demo == 0.25);
  CHECK(o.full_redraw);
  CHECK(o.plot_lines == hlab::platform::PlotLines::Image);
  CHECK(o.set == "digits");

  const hlab::StartupOptions bad = hlab::parse_startup(hlab::parse_query(
      "?size=abc&size=200&rule=nope&seed=-3&temperature=-1&maxSweeps=0&demo=2&redraw=x&plots=y&bogus=1"));
  REQUIRE(bad.warnings.size() == 10);
  for (const char* name : {"size=abc", "size=200", "rule=nope", "seed=-3", "temperature=-1",
                           "maxSweeps=0", "demo=2", "redraw=x", "plots=y", "bogus=1"}) {
    INFO(name);
    bool named = false;
    for (const std::string& w : bad.warnings) named |= w.find(name) != std::string::npos;
    CHECK(named);
  }
  CHECK_FALSE(bad.size);
  CHECK(bad.settings == hopfield::LabSettings{});  // every default stays
}

TEST_CASE("parse_startup: the model and its parameters; one of another model is a warning",
          "[startup]") {
  const hlab::StartupOptions o =
      hlab::parse_startup(hlab::parse_query("?model=dense&interaction=poly:4"));
  CHECK(o.warnings.empty());
  CHECK(o.settings.model.model == hopfield::Model::dense);
  CHECK(o.settings.model.interaction.degree == 4);
  const hlab::StartupOptions bad =
      hlab::parse_startup(hlab::parse_query("?model=modern&beta=0&interaction=exp"));
  REQUIRE(bad.warnings.size() == 2);
  CHECK(bad.warnings[0].find("beta=0") != std::string::npos);
  CHECK(bad.warnings[1].find("interaction does not apply to the modern model") != std::string::npos);
}

TEST_CASE("apply_startup: size, settings, set and demo through the App; warnings shown too",
          "[startup]") {
  App app;
  hlab::ViewState view;
  const std::vector<std::string> warnings = hlab::apply_startup(
      app, view, hlab::parse_startup(hlab::parse_query("?size=28&set=digits&mode=sync&demo=0.25&bogus=1"),
                               app.lab().settings()));
  REQUIRE(warnings.size() == 1);
  CHECK(app.lab().width() == 28);
  CHECK(app.lab().pattern_count() == 10);
  CHECK(app.lab().settings().dynamics.mode == hopfield::UpdateMode::synchronous);
  CHECK(app.lab().probe_source() == 0);
  CHECK(hopfield::hamming(app.lab().probe(), app.lab().patterns()[0].spins) == 196);  // 0.25 * 784
  CHECK(app.lab().finished());  // a short demo has run before the first frame
  bool shown = false;
  for (const hlab::Notice& n : app.notices()) shown |= n.error && n.text == warnings[0];
  CHECK(shown);
}

TEST_CASE("apply_startup: a set missing at this size is one warning, checked once", "[startup]") {
  App app;
  hlab::ViewState view;
  const std::vector<std::string> warnings =
      hlab::apply_startup(app, view, hlab::parse_startup(hlab::parse_query("?size=20&set=letters")));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("set=letters") != std::string::npos);
  CHECK(warnings[0].find("no built-in 'letters' set at 20x20") != std::string::npos);
  CHECK(app.lab().pattern_count() == 0);
}

TEST_CASE("apply_startup: a demo that would run for ever is bounded before the first frame",
          "[startup]") {
  // Issue 13's start-up hang: at T > 0 no fixed point ends the run, and the page never got to
  // its first frame. Its sweep limit is now refused by the settings' range (the defaults stay,
  // with a warning); just under the trace's limit the demo still stops before the first frame.
  {
    // Past the settings' own range it is refused as it is read, naming the range.
    App app;
    hlab::ViewState view;
    const std::vector<std::string> warnings = hlab::apply_startup(
        app, view, hlab::parse_startup(hlab::parse_query(
                 "?set=letters&demo=0.3&temperature=1&maxSweeps=2147483647")));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("maxSweeps must be a whole number from 1 to 1000000") != std::string::npos);
    CHECK(app.lab().settings().dynamics.max_sweeps == 100);
  }
  App app;
  hlab::ViewState view;
  hlab::apply_startup(app, view, hlab::parse_startup(hlab::parse_query(
                               "?set=letters&demo=0.3&temperature=1&maxSweeps=900000")));
  CHECK(app.lab().settings().dynamics.max_sweeps == 900000);
  // 26 letters at 16x16 recall from the patterns: a sweep costs at most N (P + 1) products.
  const long long work = 1LL * app.lab().recall().sweeps() * app.lab().size() * 27;
  CHECK(work <= hlab::kDemoWorkBeforeFirstFrame);
  CHECK(app.lab().recall().sweeps() == hlab::kDemoWorkBeforeFirstFrame / (256 * 27));
  CHECK_FALSE(app.lab().finished());
  CHECK(app.running());  // it goes on, animated, in the frames
}

TEST_CASE("a synchronous demo on a dense W is bounded by its N x N work per step", "[startup]") {
  // The fuzzer's time-out: 28x28 Storkey (dense W), synchronous, T = 0.4 (never settles): a
  // step costs N^2 = 614,656 products, so the demo takes 81 steps before the first frame,
  // not 2,551 (2M updates / N, the old bound).
  App app;
  hlab::ViewState view;
  hlab::apply_startup(app, view, hlab::parse_startup(hlab::parse_query(
                               "?size=28&set=letters&rule=storkey&mode=sync&temperature=0.4&demo=0.25")));
  REQUIRE(app.lab().settings().rule == hopfield::Rule::storkey);
  CHECK(app.lab().recall().sweeps() == hlab::kDemoWorkBeforeFirstFrame / (784LL * 784));
  CHECK(app.running());
}

TEST_CASE("a share link's state= restores the session and wins; a damaged one is a warning",
          "[startup][session]") {
  App source;
  source.set_grid_size(16, 16);
  source.load_builtin("letters", true);
  source.set_patterns({source.lab().patterns()[0], source.lab().patterns()[1], source.lab().patterns()[2]});
  source.rename_pattern(1, "bee, the letter");
  hopfield::LabSettings s = source.lab().settings();
  s.dynamics.mode = hopfield::UpdateMode::synchronous;
  s.dynamics.seed = 99;
  source.set_settings(s);
  hopfield::CorruptionRequest flip;
  flip.amount = 0.2;
  flip.seed = 4;
  source.corrupt(flip, 2);
  source.select(1);
  const std::string state = source.session_text();

  App app;
  hlab::ViewState view;
  // set=digits and size=28 come first; the state replaces what they did.
  const auto warnings = hlab::apply_startup(
      app, view, hlab::parse_startup({{"size", "28"}, {"set", "digits"}, {"state", state}}, app.lab().settings()));
  CHECK(warnings.empty());
  CHECK(app.lab().width() == 16);
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"A", "bee, the letter", "C"});
  CHECK(app.lab().settings() == source.lab().settings());
  CHECK(app.lab().probe() == source.lab().probe());
  CHECK(app.lab().probe_source() == 2);
  CHECK(app.selected() == 1);
  CHECK(app.session_text() == state);

  App damaged;
  hlab::ViewState damaged_view;
  std::string bad = state;
  bad.resize(bad.size() / 2);
  const auto w = hlab::apply_startup(
      damaged, damaged_view, hlab::parse_startup({{"set", "letters"}, {"state", bad}}, damaged.lab().settings()));
  REQUIRE(w.size() == 1);
  CHECK_THAT(w[0], Catch::StartsWith("Could not restore the session from the link: the link's state"));
  CHECK(damaged.lab().pattern_count() == 26);  // what the other parameters did stays

  app.new_session();
  CHECK(app.lab().pattern_count() == 0);
  CHECK(app.selected() == -1);
  CHECK(app.lab().settings() == hopfield::LabSettings{});
}

TEST_CASE("embed=1, panels=, probe= and autorun= for course pages; bad values are warnings",
          "[startup][embed]") {
  App app;
  hlab::ViewState view;
  auto warnings = hlab::apply_startup(
      app, view, hlab::parse_startup(hlab::parse_query("?set=letters&embed=1&panels=editor,recall,plots"
                                                 "&probe=2:flip:0.25&seed=5&autorun=1.5"),
                               app.lab().settings()));
  CHECK(warnings.empty());
  CHECK(view.embed());
  CHECK(hlab::panel_names(view.panels()) == std::vector<std::string>{"editor", "recall", "plots"});
  CHECK(view.shows(hlab::PanelId::recall));
  CHECK_FALSE(view.shows(hlab::PanelId::weights));
  // The probe is letter C with round(0.25 x 256) = 64 pixels flipped; C is the target.
  CHECK(app.lab().probe_source() == 2);
  CHECK(app.selected() == 2);
  CHECK(hopfield::hamming(app.lab().probe(), app.lab().patterns()[2].spins) == 64);
  // Recall waits 1.5 s of frames, then runs on its own.
  CHECK_FALSE(app.running());
  app.advance(1.0, 0, 0);
  CHECK_FALSE(app.running());
  CHECK(app.lab().recall().sweeps() == 0);  // nothing ran before the delay is up
  app.advance(0.6, 0, 0);
  CHECK((app.running() || app.lab().finished()));
  CHECK(app.lab().recall().sweeps() > 0);

  App waiting;
  hlab::ViewState waiting_view;
  hlab::apply_startup(waiting, waiting_view, hlab::parse_startup(hlab::parse_query("?set=letters&demo=0.2&autorun=off"),
                                                   waiting.lab().settings()));
  CHECK(waiting.lab().recall().sweeps() == 0);  // demo= set the probe; recall waits for Run
  for (int k = 0; k < 100; ++k) waiting.advance(0.1, 0, 0);
  CHECK_FALSE(waiting.running());

  App bad;
  hlab::ViewState bad_view;
  warnings = hlab::apply_startup(
      bad, bad_view, hlab::parse_startup(hlab::parse_query("?panels=editor,sidebar&embed=yes&autorun=soon&probe=3:blur:0.1"),
                               bad.lab().settings()));
  REQUIRE(warnings.size() == 4);
  CHECK_THAT(warnings[0], Catch::Contains("unknown panel 'sidebar'"));
  CHECK(bad_view.panels() == hlab::kAllPanels);
  CHECK_FALSE(bad_view.embed());
  CHECK(bad.autorun_pending() < 0);
}

TEST_CASE("panels travel in the share link; open-in-full leaves them out", "[startup][embed]") {
  App app;
  hlab::ViewState view;
  view.set_panels(hlab::parse_panels("recall,plots"));
  App other;
  hlab::ViewState other_view;
  hlab::restore_session_text(other, other_view, hlab::session_text(app, view));
  CHECK(other_view.panels() == view.panels());
  App full;
  hlab::ViewState full_view;
  hlab::restore_session_text(full, full_view, hlab::session_text(app, view, false));
  CHECK(full_view.panels() == hlab::kAllPanels);
}

// The letters file as the user would read it: the patterns named `names`, in that order.
static std::vector<hopfield::Pattern> letters_named(const std::string& names) {
  const std::vector<hopfield::Pattern> all = hopfield::load_patterns(HOPFIELD_SOURCE_DIR "/assets/patterns/letters-16.txt");
  std::vector<hopfield::Pattern> out;
  for (char c : names)
    for (const hopfield::Pattern& p : all)
      if (p.name == std::string(1, c)) out.push_back(p);
  return out;
}

TEST_CASE("a bare page opens on the welcome: A, B, C stored, a noisy A ready, a hint",
          "[startup][welcome]") {
  App app;
  hlab::ViewState view;
  const auto warnings = hlab::apply_startup(app, view, hlab::parse_startup({}, app.lab().settings()));
  CHECK(warnings.empty());
  REQUIRE(app.lab().pattern_count() == 3);
  const std::vector<hopfield::Pattern> abc = letters_named("ABC");
  for (int mu = 0; mu < 3; ++mu) CHECK(app.lab().patterns()[static_cast<std::size_t>(mu)].spins == abc[static_cast<std::size_t>(mu)].spins);
  CHECK(app.lab().probe_source() == 0);
  // 10% of 256 pixels, rounded: 26 flipped.
  CHECK(hopfield::hamming(app.lab().probe(), abc[0].spins) == 26);
  CHECK_FALSE(app.lab().finished());  // waiting for Run
  CHECK_THAT(view.hint(), Catch::Contains("press Run (or Space) and watch"));
  // A phone or tablet has no Space key: the same line without it.
  view.set_coarse_pointer(true);
  CHECK_THAT(view.hint(), Catch::Contains("press Run and watch") && !Catch::Contains("Space"));
  view.set_coarse_pointer(false);
  CHECK(app.notices().empty());
  CHECK_THAT(app.status_text(), Catch::StartsWith("Ready: the probe has energy") &&
                                    Catch::Contains("Hamming distance 26"));
  // The welcome is a recall that works: A comes back exactly.
  app.step_sweeps(100);
  CHECK(app.lab().state() == abc[0].spins);
  CHECK_THAT(app.status_text(), Catch::Contains("Retrieved \"A\""));

  // Anything that sets the library up, or start=empty, means no welcome.
  for (const char* query : {"?start=empty", "?size=16", "?set=digits", "?demo=0.1"}) {
    INFO(query);
    App other;
    hlab::ViewState other_view;
    hlab::apply_startup(other, other_view, hlab::parse_startup(hlab::parse_query(query), other.lab().settings()));
    CHECK(other_view.hint().empty());
    if (std::string(query) != "?set=digits" && std::string(query) != "?demo=0.1")
      CHECK(other.lab().pattern_count() == 0);
  }
  // A restored session, even an empty one, is what the user left: no welcome over it.
  App empty;
  App restored;
  hlab::ViewState restored_view;
  hlab::apply_startup(restored, restored_view, hlab::parse_startup({{"state", empty.session_text()}}, restored.lab().settings()));
  CHECK(restored.lab().pattern_count() == 0);
  // A damaged one gives the welcome (and says so).
  App damaged;
  hlab::ViewState damaged_view;
  const auto w = hlab::apply_startup(damaged, damaged_view, hlab::parse_startup({{"state", "garbage!"}}, damaged.lab().settings()));
  CHECK(w.size() == 1);
  CHECK(damaged.lab().pattern_count() == 3);
}

TEST_CASE("set=FAMILY:PICK and load_builtin's pick store only the named patterns, in order",
          "[startup][builtin]") {
  App app;
  hlab::ViewState view;
  hlab::apply_startup(app, view, hlab::parse_startup(hlab::parse_query("?set=letters:cab"), app.lab().settings()));
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"C", "A", "B"});
  CHECK(app.lab().patterns()[1].spins == letters_named("A")[0].spins);
  app.load_builtin("classic", true, "ring, cross");
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"ring", "cross"});
  app.load_builtin("digits", false, "07");
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"ring", "cross", "0", "7"});
  // Unknown and repeated names are refused with the library unchanged.
  CHECK_THROWS_WITH(app.load_builtin("letters", true, "AB?"), Catch::Contains("no pattern named '?'") &&
                                                                   Catch::Contains("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  CHECK_THROWS_WITH(app.load_builtin("classic", true, "ring, ring"), Catch::Contains("'ring' is named twice"));
  CHECK_THROWS_WITH(app.load_builtin("classic", true, "ring, blob"), Catch::Contains("'blob'") && Catch::Contains("checkerboard"));
  CHECK(app.lab().pattern_count() == 4);
  // Blank: the whole set.
  app.load_builtin("letters", true, " ");
  CHECK(app.lab().pattern_count() == 26);
}

TEST_CASE("every start-up warning stays in the message log, however many", "[startup]") {
  App app;
  hlab::ViewState view;
  const auto warnings = hlab::apply_startup(app, view, hlab::parse_startup(hlab::parse_query(
      "?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8"), app.lab().settings()));
  REQUIRE(warnings.size() == 8);
  std::size_t logged = 0;
  for (const hlab::Notice& n : app.message_log()) logged += n.error;
  CHECK(logged == 8);
  CHECK(app.notices().size() == 8);  // the toasts show the newest and count the rest
}

TEST_CASE("the README's example URL recalls what it says", "[startup]") {
  App app;
  hlab::ViewState view;
  hlab::apply_startup(app, view, hlab::parse_startup(
      hlab::parse_query("?size=28&set=digits:017&mode=sync&demo=0.25"), app.lab().settings()));
  REQUIRE(app.lab().pattern_names() == std::vector<std::string>{"0", "1", "7"});
  CHECK(app.lab().finished());  // the demo ran before the first frame
  CHECK(app.lab().verdict().verdict == hopfield::Verdict::retrieved);
  CHECK(app.lab().state() == app.lab().patterns()[0].spins);
}

TEST_CASE("Every start-up parameter is listed once: read by parse_startup, shown by --help",
          "[startup]") {
  const std::string usage = hlab::desktop_usage();
  for (const hlab::StartupParameter& p : hlab::kStartupParameters) {
    CAPTURE(p.name);
    // A value no parameter takes: the warning names the parameter's own problem, never
    // "unknown parameter".
    const hlab::StartupOptions o = hlab::parse_startup({{std::string(p.name), "\x01"}});
    for (const std::string& w : o.warnings) CHECK(w.find("unknown parameter") == std::string::npos);
    CHECK(usage.find(hopfield::flag_of_key(p.name) + " ") != std::string::npos);
  }
  // The desktop spells camelCase keys as flags: --max-sweeps, --gain-function.
  CHECK(hopfield::key_of_flag("--max-sweeps") == "maxSweeps");
  CHECK(hopfield::key_of_flag("--gain-function") == "gainFunction");
  const hlab::StartupOptions o = hlab::parse_startup(
      {{hopfield::key_of_flag("--model"), "continuous"}, {hopfield::key_of_flag("--gain-function"), "tanh"}});
  CHECK(o.warnings.empty());
  CHECK(o.settings.model.gain_function == hopfield::GainFunction::tanh);
  // An unknown one lists them all.
  const hlab::StartupOptions bad = hlab::parse_startup({{"colour", "red"}});
  REQUIRE(bad.warnings.size() == 1);
  CHECK(bad.warnings[0].find("known: size, set, start, lesson") != std::string::npos);
  CHECK(bad.warnings[0].find("redraw, plots)") != std::string::npos);
}

namespace {

// A share link's state: `p` patterns at side x side under `rule`, with `dreams`; random ones,
// or (`repeat`) one random pattern again and again, which compresses to a short link.
std::string link_state(int side, int p, hopfield::Rule rule, int dreams = 0, bool repeat = false) {
  hopfield::Session s;
  s.width = s.height = side;
  hopfield::Rng rng(17);
  hopfield::SpinVector x(side * side);
  for (int mu = 0; mu < p; ++mu) {
    if (mu == 0 || !repeat)
      for (int i = 0; i < x.size(); ++i) x[i] = rng.bernoulli(0.5) ? 1 : -1;
    s.patterns.push_back(hopfield::Pattern{side, side, std::string(1, 'p').append(std::to_string(mu)), x});
  }
  s.settings.rule = rule;
  s.settings.model.dreams = dreams;
  return hopfield::encode_session(s);
}

}  // namespace

TEST_CASE("a link whose learning would hold up the page is refused, the session kept",
          "[startup][costs]") {
  App app;
  hlab::ViewState view;
  app.load_builtin("letters", true, "ABC");
  // Storkey at 64x64 with P = 200 (103 s in the page), dream=100000:0.01 at 64x64 (not ready
  // after 150 s), 4096 patterns at 128x128 (675 MB): each refused from its estimate.
  const std::string storkey = link_state(64, 200, hopfield::Rule::storkey);
  CHECK_THROWS_WITH(hlab::restore_session_text(app, view, storkey),
                    Catch::Contains("Storkey learning of 200 patterns of 4096 neurons") &&
                        Catch::Contains("s here)"));
  CHECK_THROWS_WITH(hlab::restore_session_text(app, view, link_state(64, 3, hopfield::Rule::hebbian, 100000)),
                    Catch::Contains("100000 dreams"));
  const std::string large = link_state(128, 4096, hopfield::Rule::hebbian, 0, true);
  CHECK(large.size() < 100'000);  // the was 68 KB
  CHECK_THROWS_WITH(hlab::restore_session_text(app, view, large),
                    Catch::StartsWith("the session is too large: 4096 patterns of 16384 neurons"));
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"A", "B", "C"});
  CHECK(app.lab().width() == 16);
  // The same link at start-up: one warning, no first-visit session over it.
  App fresh;
  hlab::ViewState fresh_view;
  const std::vector<std::string> warnings =
      hlab::apply_startup(fresh, fresh_view, hlab::parse_startup({{"state", storkey}}));
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::StartsWith("Could not restore the session from the link: "
                                            "learning (Storkey learning of 200 patterns"));
  // A normal session, 26 letters under Storkey at 16x16, still loads.
  App letters;
  letters.load_builtin("letters", true);
  hopfield::LabSettings s = letters.lab().settings();
  s.rule = hopfield::Rule::storkey;
  letters.set_settings(s);
  App restored;
  hlab::ViewState letters_view, restored_view;
  hlab::restore_session_text(restored, restored_view, hlab::session_text(letters, letters_view));
  CHECK(restored.lab().pattern_count() == 26);
  CHECK(restored.lab().settings().rule == hopfield::Rule::storkey);
}

TEST_CASE("commands that relearn are held to the page's budget", "[startup][costs]") {
  App app;
  app.set_grid_size(64, 64);
  const auto patterns = [](int p) {
    hopfield::Rng rng(5);
    std::vector<hopfield::Pattern> out;
    for (int mu = 0; mu < p; ++mu) {
      hopfield::SpinVector x(4096);
      for (int i = 0; i < 4096; ++i) x[i] = rng.bernoulli(0.5) ? 1 : -1;
      out.push_back(hopfield::Pattern{64, 64, std::string(1, 'p').append(std::to_string(mu)), x});
    }
    return out;
  };
  app.set_patterns(patterns(2));
  hopfield::LabSettings s = app.lab().settings();
  s.rule = hopfield::Rule::storkey;
  app.set_settings(s);  // Storkey on 2 patterns at 64x64: within a second
  CHECK_THROWS_WITH(app.set_patterns(patterns(26)), Catch::Contains("Storkey learning of 26"));
  CHECK(app.lab().pattern_count() == 2);
  CHECK_THROWS_WITH(app.apply_settings({{"dream", "1000:0.01"}}), Catch::Contains("1000 dreams"));
  CHECK(app.lab().settings().model.dreams == 0);
  CHECK(app.lab().settings().rule == hopfield::Rule::storkey);
}
