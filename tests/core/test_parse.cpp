// Numbers and enum spellings as users type them (src/core/parse.hpp, src/core/names.hpp).
#include <catch2/catch.hpp>

#include "core/corruption.hpp"
#include "core/dynamics.hpp"
#include "core/network.hpp"
#include "core/parse.hpp"

using namespace hopfield;

TEST_CASE("parse_real takes a whole finite number and names what it rejects", "[parse]") {
  CHECK(parse_real("0.25", "x") == 0.25);
  CHECK(parse_real("-3", "x") == -3.0);
  CHECK(parse_real("1e-3", "x") == 0.001);
  for (const char* bad : {"", "abc", "0.2x", "nan", "inf", " ", " 0.5", "0.5 ", "0x1p-1", "1e", "+", ".", "1..2", "--1"}) {
    INFO("'" << bad << "'");
    CHECK_THROWS_WITH(parse_real(bad, "temperature"),
                      Catch::Contains("temperature must be a number") && Catch::Contains(bad));
  }
}

TEST_CASE("parse_real: forms a person types, underflow to 0, overflow refused", "[parse]") {
  CHECK(parse_real(".5", "x") == 0.5);
  CHECK(parse_real("5.", "x") == 5.0);
  CHECK(parse_real("+2E2", "x") == 200.0);
  CHECK(parse_real("1e-400", "x") == 0.0);
  CHECK_THROWS_WITH(parse_real("1e400", "flip"), Catch::Contains("flip is too large"));
}

TEST_CASE("each enum's one name table gives to_string and parse, both ways", "[parse]") {
  for (const auto& n : kRuleNames) CHECK(parse_rule(to_string(n.value)) == n.value);
  for (const auto& n : kScaleNames) CHECK(parse_scale(to_string(n.value)) == n.value);
  for (const auto& n : kModeNames) CHECK(parse_mode(to_string(n.value)) == n.value);
  for (const auto& n : kTieNames) CHECK(parse_tie(to_string(n.value)) == n.value);
  for (const auto& n : kCorruptionNames) CHECK(parse_corruption(to_string(n.value)) == n.value);
  // The spellings users and scripts rely on (hopfield-cli flags, URL parameters, JSON).
  CHECK(to_string(Rule::pseudoinverse) == "pseudoinverse");
  CHECK(to_string(HebbianScale::inv_n) == "n");
  CHECK(to_string(UpdateMode::synchronous) == "sync");
  CHECK(to_string(Outcome::two_cycle) == "2-cycle");
  CHECK(parse_corruption("saltpepper") == CorruptionKind::salt_pepper);
  CHECK(parse_mode("sequential") == UpdateMode::async_sequential);
  CHECK_THROWS_AS(parse_corruption("blur"), std::invalid_argument);
  CHECK_THROWS_WITH(parse_rule("hebb"),
                    Catch::Contains("unknown rule 'hebb'") && Catch::Contains("hebbian, storkey, pseudoinverse"));
}
