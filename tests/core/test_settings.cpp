// The settings' one grammar (src/core/settings.hpp): each setting read from text by one
// function, applied by set_setting, and the one model switch.
#include <catch2/catch.hpp>

#include "core/limits.hpp"
#include "core/settings.hpp"

using namespace hopfield;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

TEST_CASE("parse_seed takes 0 to 2^64 - 1 and nothing else", "[settings]") {
  CHECK(parse_seed("0") == 0);
  CHECK(parse_seed("18446744073709551615") == 18446744073709551615ull);
  for (const char* bad : {"", "-1", "18446744073709551616", "1.5", " 1", "0x10", "1e3"})
    CHECK_THROWS_WITH(parse_seed(bad), StartsWith("seed must be an integer from 0 to "
                                                  "18446744073709551615, not '"));
}

TEST_CASE("parse_grid_size: WxH or one number for a square, sides 1..kMaxSide", "[settings]") {
  CHECK(parse_grid_size("16") == GridSize{16, 16});
  CHECK(parse_grid_size("20x12") == GridSize{20, 12});
  CHECK(parse_grid_size("7X3") == GridSize{7, 3});
  CHECK(parse_grid_size("128x1") == GridSize{128, 1});
  for (const char* bad : {"", "0", "129", "16x", "x16", "16x0", "abc", "4x4x4", "-4x4", "1.5x2"})
    CHECK_THROWS_WITH(parse_grid_size(bad), StartsWith("size must be WxH"));
}

TEST_CASE("set_setting reads every key and refuses with the setting's name", "[settings]") {
  LabSettings s;
  set_setting(s, "rule", "storkey");
  set_setting(s, "scale", "p");
  set_setting(s, "mode", "sync");
  set_setting(s, "tie", "minus");
  set_setting(s, "temperature", "0.25");
  set_setting(s, "seed", "42");
  set_setting(s, "maxSweeps", "7");
  CHECK(s.rule == Rule::storkey);
  CHECK(s.scale == HebbianScale::inv_p);
  CHECK(s.dynamics.mode == UpdateMode::synchronous);
  CHECK(s.dynamics.tie == TieRule::minus);
  CHECK(s.dynamics.temperature == 0.25);
  CHECK(s.dynamics.seed == 42);
  CHECK(s.dynamics.max_sweeps == 7);
  // Each reads back as it was written.
  for (std::string_view key : kDynamicsKeys) {
    LabSettings copy;
    set_setting(copy, key, setting_text(s, key));
    CHECK(setting_text(copy, key) == setting_text(s, key));
  }

  const LabSettings before = s;
  CHECK_THROWS_WITH(set_setting(s, "rule", "oja"), Contains("rule 'oja'"));
  CHECK_THROWS_WITH(set_setting(s, "temperature", "-1"), StartsWith("temperature must be"));
  CHECK_THROWS_WITH(set_setting(s, "temperature", "inf"), StartsWith("temperature must be"));
  CHECK_THROWS_WITH(set_setting(s, "maxSweeps", "0"), StartsWith("maxSweeps must be a whole number from 1 to 1000000"));
  CHECK_THROWS_WITH(set_setting(s, "maxSweeps", "1e12"), StartsWith("maxSweeps must be a whole number from 1 to 1000000"));
  CHECK_THROWS_WITH(set_setting(s, "gain", "2"), StartsWith("gain does not apply to the classic model"));
  CHECK_THROWS_WITH(set_setting(s, "gain", "2", true), StartsWith("--gain does not apply"));
  CHECK_THROWS_WITH(set_setting(s, "colour", "red"), StartsWith("unknown setting 'colour'"));
  CHECK(s == before);  // every refusal left the settings as they were
}

TEST_CASE("The model switch keeps T where the new model has Glauber dynamics", "[settings]") {
  LabSettings from;
  set_setting(from, "temperature", "0.5");
  set_setting(from, "mode", "sync");
  set_setting(from, "seed", "9");
  set_setting(from, "dream", "20:0.01");  // a classic parameter: reset by any switch

  const ModelSwitch sparse = switch_model(from, Model::sparse);
  CHECK(sparse.settings.dynamics.temperature == 0.5);  // sparse runs at T = 0.5
  CHECK(sparse.note.empty());
  CHECK(sparse.settings.model == [] { ModelOptions m; m.model = Model::sparse; return m; }());

  const ModelSwitch continuous = switch_model(from, Model::continuous);
  CHECK(continuous.settings.dynamics.temperature == 0);
  CHECK(continuous.note ==
        "The temperature T = 0.5 does not carry over: the continuous model runs at T = 0.");
  CHECK_NOTHROW(check_settings(continuous.settings));
  for (const ModelSwitch& m : {sparse, continuous}) {  // everything else carries over
    CHECK(m.settings.rule == from.rule);
    CHECK(m.settings.dynamics.mode == UpdateMode::synchronous);
    CHECK(m.settings.dynamics.seed == 9);
    CHECK(m.settings.dynamics.max_sweeps == from.dynamics.max_sweeps);
  }
  // Switching to the model it has changes nothing, its parameters included.
  CHECK(switch_model(from, Model::classic).settings == from);
}

TEST_CASE("apply_settings: the model first, then the rest, all or nothing", "[settings]") {
  LabSettings a, b;
  // The order given does not matter: the model's switch comes first.
  CHECK(apply_settings(a, {{"gain", "2"}, {"model", "continuous"}, {"dt", "0.05"}}) == "");
  CHECK(apply_settings(b, {{"model", "continuous"}, {"dt", "0.05"}, {"gain", "2"}}) == "");
  CHECK(a == b);
  CHECK(a.model.gain == 2);
  CHECK(a.model.dt == 0.05);

  LabSettings warm;
  set_setting(warm, "temperature", "0.5");
  LabSettings c = warm;
  CHECK(apply_settings(c, {{"model", "modern"}}) ==
        "The temperature T = 0.5 does not carry over: the modern model runs at T = 0.");
  // A temperature given with the model is checked against it.
  LabSettings d = warm;
  CHECK_THROWS_WITH(apply_settings(d, {{"model", "modern"}, {"temperature", "0.3"}}),
                    StartsWith("the modern model runs at T = 0"));
  CHECK(d == warm);
  CHECK_THROWS_WITH(apply_settings(d, {{"rule", "storkey"}, {"beta", "2"}}),
                    StartsWith("beta does not apply to the classic model"));
  CHECK(d == warm);  // the good rule was not applied either
}

TEST_CASE("check_settings holds a panel's typed values to the settings' own ranges", "[settings]") {
  // The Network panel writes typed numbers straight into the settings and relies on this
  // check (through set_settings) for the message; the range is the one maxSweeps= reads.
  LabSettings s;
  s.dynamics.max_sweeps = kMaxSweeps;
  CHECK_NOTHROW(check_settings(s));
  s.dynamics.max_sweeps = kMaxSweeps + 1;
  CHECK_THROWS_WITH(check_settings(s), "max sweeps must be a whole number from 1 to 1000000, not 1000001");
  s.dynamics.max_sweeps = 0;
  CHECK_THROWS_WITH(check_settings(s), "max sweeps must be at least 1");
  s.dynamics.max_sweeps = 1;
  s.dynamics.temperature = -0.25;
  CHECK_THROWS_WITH(check_settings(s), "temperature must be a finite number >= 0");
  s.dynamics.temperature = 2.5;
  CHECK_NOTHROW(check_settings(s));
}
