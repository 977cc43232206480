// The models' parameters as text: one grammar for CLI flags, URL parameters, experiment specs
// and the JS API (core/models/models.hpp).
#include <catch2/catch.hpp>

#include "core/models/models.hpp"

using namespace hopfield;
using Catch::Matchers::Contains;

TEST_CASE("every model parameter reads back what it wrote", "[models]") {
  ModelOptions m;
  set_model_parameter(m, "interaction", "rectpoly:4");
  CHECK(m.interaction == Interaction{InteractionKind::rectpoly, 4});
  set_model_parameter(m, "interaction", "exp");
  CHECK(m.interaction.kind == InteractionKind::exp);
  set_model_parameter(m, "dream", "200:0.005");
  CHECK(m.dreams == 200);
  CHECK(m.dream_epsilon == 0.005);
  set_model_parameter(m, "dilute", "0.25:asymmetric");
  CHECK(m.connectivity == 0.25);
  CHECK(m.asymmetric_dilution);
  set_model_parameter(m, "dilute", "0.5");
  CHECK_FALSE(m.asymmetric_dilution);
  set_model_parameter(m, "sequence", "on");
  set_model_parameter(m, "symmetric", "0.5");
  set_model_parameter(m, "gainFunction", "tanh");
  set_model_parameter(m, "beta", "0.125");
  CHECK(m.sequence);
  CHECK(m.sequence_symmetric == 0.5);
  CHECK(m.gain_function == GainFunction::tanh);
  check_model_options(m);
  // Written out and read into a fresh value, every key gives the same options.
  ModelOptions copy;
  for (std::string_view key : kModelKeys) set_model_parameter(copy, key, model_parameter_text(m, key));
  CHECK(copy == m);
}

TEST_CASE("bad model parameters are refused with the accepted forms", "[models]") {
  ModelOptions m;
  CHECK_THROWS_WITH(set_model_parameter(m, "model", "hopfield"),
                    Contains("use one of classic, dense, modern, sparse, continuous"));
  CHECK_THROWS_WITH(set_model_parameter(m, "interaction", "poly"),
                    Contains("use poly:N or rectpoly:N"));
  CHECK_THROWS_WITH(set_model_parameter(m, "interaction", "poly:11"), Contains("2..10"));
  CHECK_THROWS_WITH(set_model_parameter(m, "dream", "100"), Contains("COUNT:EPS"));
  CHECK_THROWS_WITH(set_model_parameter(m, "dilute", "0.5:sideways"),
                    Contains("C:asymmetric"));
  CHECK_THROWS_WITH(set_model_parameter(m, "bogus", "1"), Contains("unknown model parameter"));
  for (auto [key, text] : {std::pair{"beta", "0"}, {"activity", "1"}, {"activity", "0"},
                           {"decay", "1.5"}, {"dilute", "0"}, {"gain", "-1"}, {"dt", "2"},
                           {"tau", "0"}, {"clip", "-1"}}) {
    INFO(key << "=" << text);
    ModelOptions bad;
    set_model_parameter(bad, key, text);
    CHECK_THROWS_AS(check_model_options(bad), std::invalid_argument);
  }
  ModelOptions lone;  // a symmetric part with no sequence rule to add it to
  set_model_parameter(lone, "symmetric", "1");
  CHECK_THROWS_WITH(check_model_options(lone), Contains("turn the sequence rule on"));
}

TEST_CASE("a parameter of another model is named with the model's own", "[models]") {
  ModelOptions m;
  m.model = Model::dense;
  CHECK_THROWS_WITH(check_model_keys(m, {"model", "beta"}, true),
                    "--beta does not apply to the dense model (it takes --interaction)");
  m.model = Model::continuous;
  CHECK_THROWS_WITH(check_model_keys(m, {"dream"}, false),
                    "dream does not apply to the continuous model (it takes gain, gainFunction, "
                    "dt, tau)");
  CHECK_NOTHROW(check_model_keys(m, {"gainFunction", "dt"}, false));
}

TEST_CASE("model_parameters lists what differs from the defaults; describe says it", "[models]") {
  ModelOptions m;
  CHECK(model_parameters(m) == std::vector<std::pair<std::string, std::string>>{{"model", "classic"}});
  CHECK(describe(m) == "classic");
  m.model = Model::dense;
  m.interaction = {InteractionKind::poly, 5};
  CHECK(model_parameters(m) ==
        std::vector<std::pair<std::string, std::string>>{{"model", "dense"}, {"interaction", "poly:5"}});
  CHECK(describe(m) == "dense, F(x) = x^5");
  ModelOptions c;
  c.dreams = 10;
  c.connectivity = 0.5;
  c.asymmetric_dilution = true;
  CHECK(describe(c) == "classic, 10 dreams of eps 0.01, connectivity 0.5 (asymmetric)");
  CHECK(has_weight_modifiers(c));
  CHECK_FALSE(energy_is_lyapunov(c));  // W_ij and W_ji dropped independently
  c.asymmetric_dilution = false;
  CHECK(energy_is_lyapunov(c));
}

TEST_CASE("the parameters as one text (share links, the JS bridge) and back", "[models]") {
  ModelOptions m;
  m.model = Model::dense;
  m.interaction = {InteractionKind::rectpoly, 4};
  CHECK(model_parameters_text(m) == "model=dense;interaction=rectpoly:4;");
  CHECK(split_model_parameters_text("model=dense;interaction=rectpoly:4;") ==
        std::vector<std::pair<std::string, std::string>>{{"model", "dense"},
                                                         {"interaction", "rectpoly:4"}});
  CHECK(split_model_parameters_text("").empty());
  CHECK_THROWS_AS(split_model_parameters_text("model=dense"), std::invalid_argument);
  CHECK_THROWS_AS(split_model_parameters_text("model;beta=1;"), std::invalid_argument);
}
