#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/io/pattern_io.hpp"
#include "core/io/session_link.hpp"
#include "helpers.hpp"

using namespace hopfield;

namespace {

Session rich_session() {
  Session s;
  s.width = 12;
  s.height = 7;  // N = 84, not a multiple of 8
  Rng rng(11);
  for (const char* name : {"A", "with, comma", "ünïcode ✓", ""}) {
    Pattern p{12, 7, name, test::random_spins(84, rng)};
    s.patterns.push_back(p);
  }
  s.probe = test::random_spins(84, rng);
  s.probe_source = 2;
  s.selected = 3;
  s.drawing = test::random_spins(84, rng);
  s.settings.rule = Rule::storkey;
  s.settings.scale = HebbianScale::inv_p;
  s.settings.dynamics.mode = UpdateMode::synchronous;
  s.settings.dynamics.tie = TieRule::minus;
  s.settings.dynamics.temperature = 0.37;
  s.settings.dynamics.seed = 0xfedcba9876543210ULL;
  s.settings.dynamics.max_sweeps = 1234;
  s.panels = 0b101101;
  return s;
}

void check_same(const Session& a, const Session& b) {
  CHECK(a.width == b.width);
  CHECK(a.height == b.height);
  REQUIRE(a.patterns.size() == b.patterns.size());
  for (std::size_t k = 0; k < a.patterns.size(); ++k) {
    CHECK(a.patterns[k].name == b.patterns[k].name);
    CHECK(a.patterns[k].width == b.patterns[k].width);
    CHECK(a.patterns[k].spins == b.patterns[k].spins);
  }
  REQUIRE(a.probe.has_value() == b.probe.has_value());
  if (a.probe) CHECK(*a.probe == *b.probe);
  CHECK(a.probe_source == b.probe_source);
  CHECK(a.selected == b.selected);
  REQUIRE(a.drawing.has_value() == b.drawing.has_value());
  if (a.drawing) CHECK(*a.drawing == *b.drawing);
  CHECK(a.settings == b.settings);
  CHECK(a.panels == b.panels);
}

std::vector<Pattern> asset(const std::string& name) {
  std::ifstream in(std::string(HOPFIELD_ASSETS_DIR) + "/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return read_patterns(bytes.str(), name);
}

}  // namespace

TEST_CASE("a session survives the link exactly", "[session]") {
  const Session s = rich_session();
  const std::string link = encode_session(s);
  CHECK(link.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
        std::string::npos);
  check_same(decode_session(link), s);
  Session bare;  // defaults: no patterns, no probe, no drawing
  check_same(decode_session(encode_session(bare)), bare);
}

TEST_CASE("the model travels in the link; a link without one is the classic model", "[session]") {
  Session s = rich_session();
  const std::string classic = encode_session(s);
  s.settings.model.model = Model::dense;
  s.settings.model.interaction = {InteractionKind::rectpoly, 4};
  const std::string dense = encode_session(s);
  check_same(decode_session(dense), s);
  CHECK(decode_session(classic).settings.model == ModelOptions{});
  s.settings.model = ModelOptions{};
  s.settings.model.dreams = 50;
  s.settings.model.sequence = true;
  s.settings.model.sequence_symmetric = 0.25;
  check_same(decode_session(encode_session(s)), s);
}

TEST_CASE("the format, worked by hand: an empty 2x1 session", "[session]") {
  // version 1, flags 0 (too short to compress), width 2, height 1, hebbian, none, async (1),
  // keep, temperature 0.0 (8 zero bytes), seed 0, max sweeps 100 (0x64), selected -1 + 1 = 0,
  // panels 0, 0 patterns, no probe, no drawing; base64url by Python's base64 module.
  // (The encoder compresses this one: 20 bytes deflated beat 21 raw.)
  Session s;
  s.width = 2;
  s.height = 1;
  check_same(decode_session("AQACAQAAAQAAAAAAAAAAAABkAAAAAAA"), s);
  check_same(decode_session(encode_session(s)), s);
}

TEST_CASE("built-in sets make short links: compressed where it helps", "[session]") {
  for (const auto& [file, side, count] : {std::tuple{"letters-16.txt", 16, 26}, std::tuple{"digits-28.txt", 28, 10}}) {
    Session s;
    s.width = s.height = side;
    s.patterns = asset(file);
    REQUIRE(s.patterns.size() == static_cast<std::size_t>(count));
    const std::string link = encode_session(s);
    // The raw bits alone take N P / 6 base64 characters.
    const std::size_t raw_chars = static_cast<std::size_t>(side * side * count) / 6;
    CHECK(link.size() < raw_chars);
    check_same(decode_session(link), s);
  }
}

TEST_CASE("a damaged or foreign link is refused with a message, never half-read", "[session]") {
  const std::string link = encode_session(rich_session());
  // Every truncation.
  for (std::size_t k = 0; k < link.size(); ++k)
    CHECK_THROWS_AS(decode_session(link.substr(0, k)), SessionLinkError);
  CHECK_THROWS_WITH(decode_session("AQ!C"), Catch::Contains("base64url"));
  CHECK_THROWS_WITH(decode_session("Ag"), Catch::Contains("version 2"));
  CHECK_THROWS_AS(decode_session(link + "AAAA"), SessionLinkError);  // trailing bytes
  CHECK_THROWS_AS(decode_session(std::string(kMaxSessionLinkChars + 1, 'A')), SessionLinkError);
  // A pattern count far beyond the bytes: refused before allocating.
  Session huge;
  huge.width = huge.height = 128;
  const std::string head = encode_session(huge);
  CHECK_THROWS_AS(decode_session(head.substr(0, head.size() - 4) + "_____8B"), SessionLinkError);
  // Flipped characters anywhere: either a clean error or a session that encodes back.
  Rng rng(3);
  for (int trial = 0; trial < 500; ++trial) {
    std::string bad = link;
    bad[static_cast<std::size_t>(rng.below(bad.size()))] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[rng.below(64)];
    try {
      const Session s = decode_session(bad);
      CHECK(encode_session(decode_session(encode_session(s))) == encode_session(s));
    } catch (const SessionLinkError&) {
    }
  }
}

TEST_CASE("a Lab restored from its link is the same Lab; a bad session changes nothing", "[session]") {
  Lab lab(12, 7);
  const Session s = rich_session();
  restore_session(lab, s);
  CHECK(lab.width() == 12);
  CHECK(lab.pattern_names() == std::vector<std::string>{"A", "with, comma", "ünïcode ✓", ""});
  CHECK(lab.settings() == s.settings);
  CHECK(lab.probe() == *s.probe);
  CHECK(lab.probe_source() == s.probe_source);
  CHECK(lab.drawing().spins == *s.drawing);
  Session back = session_of(lab);
  back.selected = s.selected;
  back.panels = s.panels;
  CHECK(encode_session(back) == encode_session(s));

  // The pseudo-inverse rule cannot store a pattern twice: the whole restore is refused.
  Session bad = s;
  bad.settings.rule = Rule::pseudoinverse;
  bad.patterns.push_back(bad.patterns.front());
  const std::string before = encode_session(session_of(lab));
  CHECK_THROWS(restore_session(lab, bad));
  CHECK(encode_session(session_of(lab)) == before);
  CHECK(lab.pattern_count() == 4);
  CHECK(lab.settings() == s.settings);
}

TEST_CASE("base64url: RFC 4648's test vectors, without padding, - and _ for + and /", "[session]") {
  CHECK(base64url("") == "");
  CHECK(base64url("f") == "Zg");
  CHECK(base64url("fo") == "Zm8");
  CHECK(base64url("foo") == "Zm9v");
  CHECK(base64url("foob") == "Zm9vYg");
  CHECK(base64url("fooba") == "Zm9vYmE");
  CHECK(base64url("foobar") == "Zm9vYmFy");
  CHECK(base64url("\xfb\xff") == "-_8");
}
