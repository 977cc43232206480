// The JSON writer behind hopfield-cli --json and the web bridge, and the reader behind
// experiment specs and merge (src/core/io/json.hpp).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "core/io/json.hpp"

using namespace hopfield;

TEST_CASE("JsonWriter: nested objects and arrays with commas only between members", "[json]") {
  JsonWriter json;
  json.begin_object();
  json.key("a").value(1);
  json.key("b").begin_array().value("x").value(true).null().end_array();
  json.key("c").begin_object().end_object();
  json.key("d").array(std::vector<int>{1, 2, 3});
  json.key("e").begin_array().begin_array().end_array().begin_array().value(2LL).end_array().end_array();
  json.end_object();
  CHECK(json.str() == R"({"a":1,"b":["x",true,null],"c":{},"d":[1,2,3],"e":[[],[2]]})");
}

TEST_CASE("json_quote escapes quotes, backslashes and control characters", "[json]") {
  CHECK(json_quote("plain") == "\"plain\"");
  CHECK(json_quote("say \"hi\"\\") == R"("say \"hi\"\\")");
  CHECK(json_quote("a\nb\tc\rd") == R"("a\nb\tc\rd")");
  CHECK(json_quote(std::string("\x01\x1f", 2)) == R"("\u0001\u001f")");
  CHECK(json_quote("caf\xc3\xa9") == "\"caf\xc3\xa9\"");  // UTF-8 passes through
}

TEST_CASE("json_number round-trips every double bit for bit; non-finite is null", "[json]") {
  for (double v : {0.1, 1.0 / 3.0, -2.5e-300, 6.02214076e23, 123456789.0, -0.0,
                   std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max()}) {
    INFO(v);
    const std::string text = json_number(v);
    CHECK(std::strtod(text.c_str(), nullptr) == v);
  }
  CHECK(json_number(42.0) == "42");
  CHECK(json_number(std::numeric_limits<double>::infinity()) == "null");
  CHECK(json_number(std::numeric_limits<double>::quiet_NaN()) == "null");
  JsonWriter json;
  json.begin_array().value(0.5).value(-7).end_array();
  CHECK(json.str() == "[0.5,-7]");
}

TEST_CASE("parse_json reads every JSON type and keeps member order", "[json]") {
  const JsonValue v = parse_json(
      R"( {"b": [1, -2.5e3, true, false, null], "a": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} )");
  REQUIRE(v.is(JsonValue::Type::object));
  REQUIRE(v.members.size() == 3);
  CHECK(v.members[0].first == "b");
  const JsonValue& b = *v.find("b");
  REQUIRE(b.items.size() == 5);
  CHECK(b.items[0].number == 1);
  CHECK(b.items[0].text == "1");
  CHECK(b.items[1].number == -2500);
  CHECK(b.items[2].boolean);
  CHECK(b.items[4].is(JsonValue::Type::null));
  CHECK(v.find("a")->text == "x\"\\/\n\xc3\xa9\xf0\x9f\x98\x80");
  CHECK(v.find("c")->is(JsonValue::Type::object));
  CHECK(v.find("zz") == nullptr);
  CHECK(to_json(v) == R"({"b":[1,-2.5e3,true,false,null],"a":"x\"\\/\n)"
                      "\xc3\xa9\xf0\x9f\x98\x80"
                      R"(","c":{}})");
}

TEST_CASE("parse_json names the problem and the byte", "[json]") {
  for (const char* bad : {"", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"abc", "tru", "[1] x",
                          "{\"a\":1,}", "\"\\x\"", "-"})
    CHECK_THROWS_WITH(parse_json(bad), Catch::StartsWith("JSON: ") && Catch::Contains("at byte"));
  std::string deep(100, '[');
  CHECK_THROWS_WITH(parse_json(deep), Catch::Contains("deeper than 64"));
}

TEST_CASE("json_number_short: the fewest digits that read back the same double", "[json]") {
  CHECK(json_number_short(0.15) == "0.15");
  CHECK(json_number_short(30) == "30");
  CHECK(json_number_short(-0.0) == "0");
  CHECK(json_number_short(1.0 / 3) == "0.3333333333333333");
  CHECK(json_number_short(6.388754400537906e-58) == "6.388754400537906e-58");
  for (double x : {0.1 + 0.2, 1e300, 5e-324, 123456.789})
    CHECK(parse_json(json_number_short(x)).number == x);
}
