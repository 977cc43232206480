// Numbers, lists and enum spellings as users type them (src/core/parse.hpp, src/core/names.hpp).
#include <catch2/catch.hpp>

#include "core/corruption.hpp"
#include "core/dynamics.hpp"
#include "core/network.hpp"
#include "core/parse.hpp"

using namespace hopfield;

TEST_CASE("parse_real takes one decimal number, nothing else", "[parse]") {
  CHECK(parse_real("0.25", "x") == 0.25);
  CHECK(parse_real("-3", "x") == -3.0);
  CHECK(parse_real("+.5", "x") == 0.5);
  CHECK(parse_real("1e-3", "x") == 0.001);
  CHECK(parse_real("1E+2", "x") == 100.0);
  // Too small for a double reads as 0, like any other rounding; too large is refused.
  CHECK(parse_real("1e-400", "x") == 0.0);
  CHECK_THROWS_WITH(parse_real("1e400", "flip"), Catch::Contains("flip is out of range"));
  for (const char* bad :
       {"", " 0.5", "0.5 ", "0x1p-1", "inf", "nan", "1e", ".", "-", "0.2x", "1,5"}) {
    INFO("'" << bad << "'");
    CHECK_THROWS_WITH(parse_real(bad, "flip"),
                      Catch::Contains("flip must be a number") && Catch::Contains(bad));
  }
}

TEST_CASE("parse_integer: a whole decimal integer in range", "[parse]") {
  CHECK(parse_integer("42", "k", 0, 100) == 42);
  CHECK(parse_integer("-1", "k", -1, 1) == -1);
  for (const char* bad : {"", "101", "-1", " 4", "4.0", "0x10"})
    CHECK_THROWS_WITH(parse_integer(bad, "k", 0, 100),
                      Catch::Contains("k must be an integer in 0..100"));
}

TEST_CASE("LISTs: a,b,c or from:to:step with the decimals as written", "[parse]") {
  CHECK(parse_real_list("0.1,0.2,0.5", "x") == std::vector<double>{0.1, 0.2, 0.5});
  const std::vector<double> r = parse_real_list("0:1:0.05", "x");
  REQUIRE(r.size() == 21);
  CHECK(r[3] == 0.15);  // not 0.15000000000000002
  CHECK(r[20] == 1.0);
  CHECK(parse_real_list("0:0.5:0.2", "x") == std::vector<double>{0, 0.2, 0.4});
  CHECK(parse_integer_list("1:64:1", "p", 1, 100).size() == 64);
  CHECK(parse_integer_list("10,20", "p", 1, 100) == std::vector<long long>{10, 20});
  CHECK(parse_integer_list("2:10:4", "p", 1, 100) == std::vector<long long>{2, 6, 10});
  for (const char* bad : {"", "1:2", "1:0:1", "0:1:0", "0:1:-1", "a,b", "1,,2"})
    CHECK_THROWS_WITH(parse_real_list(bad, "amounts"), Catch::Contains("amounts"));
  CHECK_THROWS_WITH(parse_real_list("0:1:1e-9", "x"), Catch::Contains("more than"));
  CHECK_THROWS(parse_integer_list("0:64:1", "p", 1, 100));
}

TEST_CASE("index ranges are checked before they are expanded", "[parse]") {
  const auto ranges = parse_index_ranges("0,3,5-7", "--select");
  CHECK(expand_index_ranges(ranges, "--select", 8) == std::vector<int>{0, 3, 5, 6, 7});
  CHECK_THROWS_WITH(expand_index_ranges(ranges, "--select", 7), Catch::Contains("only 7"));
  CHECK_THROWS_WITH(parse_index_ranges("-1", "--select"), Catch::Contains("'-1'"));
  CHECK_THROWS_WITH(parse_index_ranges("3-1", "--select"), Catch::Contains("'1'"));
  // 14,000 copies of 0-100000 are refused without expanding them (issue 13: 8.4 GB).
  std::string many;
  for (int k = 0; k < 14000; ++k) many += (k ? ",0-100000" : "0-100000");
  const auto big = parse_index_ranges(many, "--select");
  CHECK(big.size() == 14000);
  CHECK_THROWS_WITH(expand_index_ranges(big, "--select", 26), Catch::Contains("only 26"));
  CHECK_THROWS_WITH(expand_index_ranges(big, "--select", -1), Catch::Contains("more than 1000000"));
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

TEST_CASE("format_number: whole numbers in full, others to 6 significant digits", "[parse]") {
  CHECK(hopfield::format_number(-1474460.0) == "-1474460");
  CHECK(hopfield::format_number(-26000.0) == "-26000");
  CHECK(hopfield::format_number(-0.0) == "0");
  CHECK(hopfield::format_number(0.5) == "0.5");
  CHECK(hopfield::format_number(1.0 / 3.0) == "0.333333");
  CHECK(hopfield::format_number(2e15) == "2e+15");
}
