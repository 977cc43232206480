// One model switch (core/settings.hpp's switch_model) through every way in: the Network
// panel's command (App::switch_model), the start-up parameters (parse_startup, as the URL and
// the desktop flags give them) and the JS API's setOptions (App::apply_settings, which the
// bridge calls). Each pair of models, from a state with a non-default temperature, dynamics and
// model parameter, must come out the same each way, as the core's switch says.
#include <catch2/catch.hpp>

#include "app/state/app.hpp"
#include "app/state/startup.hpp"

using hlab::App;
using hopfield::LabSettings;
using hopfield::Model;

namespace {

// A non-default state of model `m`: T = 0.5 where it has Glauber dynamics, synchronous
// updates, seed 9, 40 sweeps, and one of its own parameters changed.
LabSettings state_of(Model m) {
  LabSettings s;
  s = hopfield::switch_model(s, m).settings;
  hopfield::set_setting(s, "mode", "sync");
  hopfield::set_setting(s, "seed", "9");
  hopfield::set_setting(s, "maxSweeps", "40");
  if (hopfield::has_glauber_dynamics(m)) hopfield::set_setting(s, "temperature", "0.5");
  switch (m) {
    case Model::classic: hopfield::set_setting(s, "clip", "3"); break;
    case Model::dense: hopfield::set_setting(s, "interaction", "poly:4"); break;
    case Model::modern: hopfield::set_setting(s, "beta", "2"); break;
    case Model::sparse: hopfield::set_setting(s, "activity", "0.2"); break;
    case Model::continuous: hopfield::set_setting(s, "gain", "2"); break;
  }
  return s;
}

std::string last_info(const App& app) {
  for (auto it = app.message_log().rbegin(); it != app.message_log().rend(); ++it) return it->text;
  return "";
}

}  // namespace

TEST_CASE("Switching models gives the same settings through every way in", "[app][settings]") {
  const Model models[] = {Model::classic, Model::dense, Model::modern, Model::sparse,
                          Model::continuous};
  for (Model from : models) {
    for (Model to : models) {
      CAPTURE(hopfield::to_string(from), hopfield::to_string(to));
      const LabSettings start = state_of(from);
      const hopfield::ModelSwitch expected = hopfield::switch_model(start, to);
      // What the switch must do, independently of how it is written: T carries over exactly
      // when the new model has Glauber dynamics; the rest of the dynamics and the rule always.
      CHECK(expected.settings.dynamics.temperature ==
            (hopfield::has_glauber_dynamics(to) ? start.dynamics.temperature : 0.0));
      CHECK(expected.settings.dynamics.mode == start.dynamics.mode);
      CHECK(expected.settings.dynamics.seed == 9);
      CHECK(expected.settings.dynamics.max_sweeps == 40);
      CHECK(expected.settings.model.model == to);
      CHECK(expected.note.empty() ==
            (from == to || start.dynamics.temperature == 0 || hopfield::has_glauber_dynamics(to)));

      App panel;  // the Network panel's model selector
      panel.set_settings(start);
      panel.switch_model(to);
      CHECK(panel.lab().settings() == expected.settings);
      if (!expected.note.empty()) CHECK(last_info(panel) == expected.note);

      App api;  // hopfield.setOptions({model: ...}) through the bridge
      api.set_settings(start);
      api.apply_settings({{"model", hopfield::to_string(to)}});
      CHECK(api.lab().settings() == expected.settings);
      if (!expected.note.empty()) CHECK(last_info(api) == expected.note);

      // The start-up parameters (?model=...) over the same state.
      const hlab::StartupOptions url =
          hlab::parse_startup({{"model", hopfield::to_string(to)}}, start);
      CHECK(url.warnings.empty());
      CHECK(url.settings == expected.settings);
    }
  }
}

TEST_CASE("A temperature the new model cannot take is refused the same way everywhere",
          "[app][settings]") {
  const hlab::StartupOptions url =
      hlab::parse_startup(hlab::parse_query("?temperature=0.5&model=continuous&gain=2"));
  REQUIRE(url.warnings.size() == 1);
  CHECK_THAT(url.warnings[0], Catch::Matchers::Contains("temperature=0.5") &&
                                  Catch::Matchers::Contains("the continuous model runs at T = 0"));
  CHECK(url.settings.model.model == Model::continuous);
  CHECK(url.settings.model.gain == 2);
  CHECK(url.settings.dynamics.temperature == 0);

  App api;
  const LabSettings before = api.lab().settings();
  CHECK_THROWS_WITH(api.apply_settings({{"model", "continuous"}, {"temperature", "0.5"}}),
                    Catch::Matchers::StartsWith("the continuous model runs at T = 0"));
  CHECK(api.lab().settings() == before);
}
