#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <sstream>

#include "core/io/pattern_io.hpp"
#include "io_helpers.hpp"

using namespace hopfield;
using namespace hopfield::test;
using Catch::Contains;

namespace {

std::string test_data(const std::string& name) { return HOPFIELD_TEST_DATA_DIR "/" + name; }

// A deterministic w x h pattern; `seed` shifts the stripes so patterns differ.
Pattern stripes(int w, int h, int seed, std::string name) {
  Pattern p = Pattern::filled(w, h, -1, std::move(name));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      if ((x * 7 + y * 3 + seed) % 5 < 2) p.set(x, y, 1);
  return p;
}

void require_same_patterns(const std::vector<Pattern>& a, const std::vector<Pattern>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    CHECK(a[k].width == b[k].width);
    CHECK(a[k].height == b[k].height);
    CHECK(to_string(a[k].spins) == to_string(b[k].spins));
  }
}

// 2 images of 2 rows x 3 columns; pixel >= 128 is +1. Also stored as the tiny-images fixtures.
const std::vector<int> kTinyPixels = {0,   255, 127, 128, 200, 1, 255, 255, 255,
                                      255, 255, 255, 0,   0,   0, 0,   0,   129};

// Deflate bits go out least significant first; Huffman codes most significant bit first.
struct BitWriter {
  std::string bytes;
  std::size_t used = 0;
  void put_bit(unsigned bit) {
    if (used % 8 == 0) bytes += '\0';
    bytes.back() =
        static_cast<char>(static_cast<unsigned char>(bytes.back()) | (bit << (used % 8)));
    ++used;
  }
  void put_value(unsigned value, int length) {
    for (int i = 0; i < length; ++i) put_bit((value >> i) & 1u);
  }
  void put_code(unsigned code, int length) {
    for (int i = length - 1; i >= 0; --i) put_bit((code >> i) & 1u);
  }
};

// A gzip member whose fixed-Huffman block writes one zero byte, then repeats "copy 258 bytes
// from distance 1" 1.1 million times: 1.8 MB that would inflate to 284 MB of zeros.
std::string gzip_bomb() {
  BitWriter bits;
  bits.put_value(1, 1);    // BFINAL
  bits.put_value(1, 2);    // BTYPE 01: fixed Huffman codes
  bits.put_code(0x30, 8);  // literal 0
  for (int i = 0; i < 1'100'000; ++i) {
    bits.put_code(0xc5, 8);  // length symbol 285: 258 bytes
    bits.put_code(0x00, 5);  // distance code 0: distance 1
  }
  return std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10) + bits.bytes;
}

int count_plus(const Pattern& p) { return static_cast<int>((p.spins.array() > Spin{0}).count()); }

std::string row_text(const Pattern& p, int y) {
  return to_string(p.spins).substr(static_cast<std::size_t>(y * p.width), p.width);
}

}  // namespace

// ---- text grids ----

TEST_CASE("[io] a 3x2 text grid parses to the exact spins") {
  const auto patterns = read_text_patterns("name: corner\n#.#\n.##\n", "t.txt");
  REQUIRE(patterns.size() == 1);
  const Pattern& p = patterns[0];
  CHECK(p.name == "corner");
  REQUIRE(p.width == 3);
  REQUIRE(p.height == 2);
  SpinVector expected(6);
  expected << 1, -1, 1, -1, 1, 1;
  CHECK(p.spins == expected);
  CHECK(p.at(1, 0) == -1);
  CHECK(p.at(1, 1) == 1);
}

TEST_CASE("[io] text blocks: blank-line runs, CR, trailing spaces, default names") {
  const std::string text = "\xEF\xBB\xBF#.\r\n.#  \r\n\r\n \t\n\n##\n..\n\n";
  const auto patterns = read_text_patterns(text, "s.txt");
  REQUIRE(patterns.size() == 2);
  CHECK(to_string(patterns[0].spins) == "#..#");
  CHECK(to_string(patterns[1].spins) == "##..");
  // Unnamed patterns are "<source> #<index in the file, from 0>".
  CHECK(patterns[0].name == "s.txt #0");
  CHECK(patterns[1].name == "s.txt #1");
  CHECK(read_text_patterns("name:   spaced out  \n#\n", "s.txt")[0].name == "spaced out");
  CHECK(read_text_patterns("name:\n#\n", "s.txt")[0].name == "s.txt #0");
}

TEST_CASE("[io] malformed text files name the line and column") {
  const auto read = [](const std::string& text) { return read_text_patterns(text, "s.txt"); };
  REQUIRE_THROWS_AS(read("##\n#x\n"), PatternFileError);
  REQUIRE_THROWS_WITH(
      read("##\n#x\n"),
      Contains("s.txt line 2, column 2: unexpected character 'x' (expected '#' or '.')"));
  REQUIRE_THROWS_WITH(read(" #\n"), Contains("line 1, column 1: unexpected character ' '"));
  REQUIRE_THROWS_WITH(read("#\x01\n"), Contains("column 2: unexpected character '\\x01'"));
  REQUIRE_THROWS_WITH(read("###\n##\n"),
                      Contains("s.txt line 2: row has 2 cells, the block started with 3"));
  REQUIRE_THROWS_WITH(read("##\n##\n\n\n##\n##\n##\n"),
                      Contains("s.txt line 5: block is 2x3, earlier blocks are 2x2"));
  REQUIRE_THROWS_WITH(read("##\n##\n\n###\n###\n"),
                      Contains("line 4: block is 3x2, earlier blocks are 2x2"));
  REQUIRE_THROWS_WITH(read(""), Contains("s.txt: file holds no patterns"));
  REQUIRE_THROWS_WITH(read("\n  \r\n\n"), Contains("s.txt: file holds no patterns"));
  REQUIRE_THROWS_WITH(read("##\n\nname: lonely\n"),
                      Contains("line 3: name line has no grid rows after it"));
  REQUIRE_THROWS_WITH(read("##\nname: late\n##\n"),
                      Contains("line 2: a name line must start its block"));
  REQUIRE_THROWS_WITH(
      read(std::string(129, '#') + "\n"),
      Contains("line 1: grid size 129x1 is out of range: each side must be 1..128"));
  std::string tall;
  for (int i = 0; i < 129; ++i) tall += "#.\n";
  REQUIRE_THROWS_WITH(read(tall), Contains("line 1: grid size 2x129 is out of range"));
}

TEST_CASE("[io] text files round-trip through write_text_patterns") {
  const std::vector<Pattern> patterns = {stripes(5, 4, 0, "first"), stripes(5, 4, 1, "second"),
                                         stripes(5, 4, 2, "")};
  const std::string text = write_text_patterns(patterns);
  CHECK(text.substr(0, 13) == "name: first\n#");
  const auto back = read_text_patterns(text, "rt.txt");
  require_same_patterns(back, patterns);
  CHECK(back[0].name == "first");
  CHECK(back[1].name == "second");
  CHECK(back[2].name == "rt.txt #2");
  const Pattern big = stripes(128, 128, 3, "big");
  require_same_patterns(read_text_patterns(write_text_patterns({big}), "big.txt"), {big});
  // A line break in a name would end the name line early.
  CHECK(read_text_patterns(write_text_patterns({stripes(2, 2, 0, "a\nb")}), "n")[0].name == "a b");
}

TEST_CASE("[io] writers refuse what could not be read back") {
  const std::vector<Pattern> mixed = {stripes(3, 3, 0, "a"), stripes(3, 4, 0, "b")};
  REQUIRE_THROWS_WITH(write_text_patterns(mixed),
                      Contains("pattern 1 (b) is 3x4, pattern 0 is 3x3"));
  REQUIRE_THROWS_AS(write_pbm(mixed, true), std::invalid_argument);
  CHECK(write_text_patterns({}).empty());
  CHECK(write_pbm({}, true).empty());
  Pattern bad = stripes(2, 2, 0, "bad");
  bad.spins[3] = 0;
  REQUIRE_THROWS_WITH(write_pbm({bad}, false), Contains("neuron 3 is 0"));
}

// ---- PBM ----

TEST_CASE("[io] P1 and P4 encodings of the same image give identical patterns") {
  // Rows #.##....## and .....##### : 10 pixels, so each P4 row is padded to 2 bytes.
  const std::string plain = "P1\n# a comment\n10 2\n1 0 1 1 0 0 0 0 1 1\n0000011111\n";
  const std::string raw = std::string("P4\n10 2\n") + "\xb0\xc0\x07\xc0";
  const auto from_plain = read_pbm(plain, "a.pbm");
  const auto from_raw = read_pbm(raw, "b.pbm");
  REQUIRE(from_plain.size() == 1);
  REQUIRE(from_plain[0].width == 10);
  REQUIRE(from_plain[0].height == 2);
  CHECK(to_string(from_plain[0].spins) == "#.##....##.....#####");
  require_same_patterns(from_plain, from_raw);
  CHECK(from_raw[0].name == "b.pbm #0");
  // The header and pixels may share a line, with comments anywhere between tokens.
  require_same_patterns(read_pbm("P1 10#w\n2 1011000011 00000 11111", "c.pbm"), from_plain);
}

TEST_CASE("[io] fixture letters load the same as text, P1 and P4") {
  const auto text = load_patterns(test_data("letters.txt"));
  const auto plain = load_patterns(test_data("letters-p1.pbm"));
  const auto raw = load_patterns(test_data("letters-p4.pbm"));
  REQUIRE(text.size() == 3);
  CHECK(text[0].width == 10);
  CHECK(text[0].height == 6);
  CHECK(row_text(text[0], 2) == "##########");
  CHECK(row_text(text[1], 1) == "....##....");
  require_same_patterns(plain, text);
  require_same_patterns(raw, text);
  for (const auto* set : {&text, &plain, &raw}) {
    CHECK((*set)[0].name == "letter H");
    CHECK((*set)[1].name == "letter T");
    CHECK_THAT((*set)[2].name, Catch::EndsWith(" #2"));
  }
}

TEST_CASE("[io] PBM files round-trip through write_pbm, plain and raw") {
  for (const bool raw : {false, true}) {
    INFO((raw ? "P4" : "P1"));
    for (const auto& size : {std::pair{1, 1}, std::pair{9, 3}, std::pair{16, 2},
                             std::pair{128, 128}, std::pair{71, 5}}) {
      const std::vector<Pattern> patterns = {stripes(size.first, size.second, 0, "one"),
                                             stripes(size.first, size.second, 4, "")};
      const std::string bytes = write_pbm(patterns, raw);
      CHECK(bytes.substr(0, 2) == (raw ? "P4" : "P1"));
      const auto back = read_pbm(bytes, "rt.pbm");
      require_same_patterns(back, patterns);
      CHECK(back[0].name == "one");
      CHECK(back[1].name == "rt.pbm #1");
    }
  }
}

TEST_CASE("[io] malformed PBM files name the line (P1) or byte (P4)") {
  const auto read = [](const std::string& bytes) { return read_pbm(bytes, "m.pbm"); };
  REQUIRE_THROWS_WITH(
      read(std::string("P4\n10 2\n") + "\xb0\xc0\x07"),
      Contains("m.pbm byte 8: truncated P4 data: the image needs 4 bytes of pixels, 3 remain"));
  REQUIRE_THROWS_WITH(read(std::string("P4\n1 1\n\x80P4\n1 1\n")),
                      Contains("byte 15: truncated P4 data"));
  REQUIRE_THROWS_WITH(read("P1\n3 2\n1 0 1\n0 1\n"),
                      Contains("m.pbm line 5: truncated P1 data: the image has 5 of 6 pixels"));
  REQUIRE_THROWS_WITH(read("P5\n2 2\n255\n"),
                      Contains("m.pbm byte 0: bad magic 'P5': expected P1 (plain) or P4 (raw)"));
  REQUIRE_THROWS_WITH(read("P1\n1 1\n1\nxy"), Contains("byte 9: bad magic 'xy'"));
  REQUIRE_THROWS_WITH(read("P1\n0 2\n"),
                      Contains("line 2: grid size 0x2 is out of range: each side must be 1..128"));
  REQUIRE_THROWS_WITH(read("P4\n129 1\n"), Contains("byte 8: grid size 129x1 is out of range"));
  REQUIRE_THROWS_WITH(read("P4\n99999999999999 1\n"), Contains("grid size 99999999999999x1"));
  REQUIRE_THROWS_WITH(read("P1\n2 1\n10\nP1\n3 1\n101\n"),
                      Contains("line 5: image 1 is 3x1, earlier images are 2x1"));
  REQUIRE_THROWS_WITH(
      read("P1\n2 1\n12\n"),
      Contains("line 3: unexpected character '2' in P1 pixels (expected '0' or '1')"));
  REQUIRE_THROWS_WITH(read("P1\n2\n"), Contains("line 3: truncated header: no image height"));
  REQUIRE_THROWS_WITH(read("P1\nw 2\n"), Contains("line 2: expected the image width, found 'w'"));
  REQUIRE_THROWS_WITH(read("P4\n1 1"),
                      Contains("byte 6: expected one whitespace character after the height"));
  REQUIRE_THROWS_WITH(read(""), Contains("m.pbm: file holds no patterns"));
  REQUIRE_THROWS_WITH(read("  \n# only a comment\n"), Contains("file holds no patterns"));
}

// ---- IDX and gzip ----

TEST_CASE("[io] a hand-built IDX byte string decodes to known pixels") {
  const std::string bytes = idx_bytes(3, 2, 3, kTinyPixels);
  const auto patterns = read_idx(bytes, "hand.idx");
  REQUIRE(patterns.size() == 3);
  REQUIRE(patterns[0].width == 3);   // columns
  REQUIRE(patterns[0].height == 2);  // rows
  // Pixels 0 255 127 / 128 200 1 against the threshold 128.
  CHECK(to_string(patterns[0].spins) == ".#.##.");
  CHECK(to_string(patterns[1].spins) == "######");
  CHECK(to_string(patterns[2].spins) == ".....#");
  CHECK(patterns[2].name == "hand.idx #2");
  CHECK(to_string(read_idx(bytes, "h", 200)[0].spins) == ".#..#.");
  CHECK(to_string(read_idx(bytes, "h", 0)[0].spins) == "######");
  CHECK(to_string(read_idx(bytes, "h", 256)[1].spins) == "......");
  REQUIRE_THROWS_AS(read_idx(bytes, "h", 257), std::invalid_argument);
  // The committed fixture holds exactly these bytes.
  CHECK(file_bytes(test_data("tiny-images-idx3-ubyte")) == bytes);
}

TEST_CASE("[io] gzip-compressed IDX gives the same patterns as raw") {
  const std::string bytes = idx_bytes(3, 2, 3, kTinyPixels);
  const auto expected = read_idx(bytes, "hand.idx");
  // The .gz fixtures were made once with python3 gzip.compress (one member, and two members).
  require_same_patterns(load_patterns(test_data("tiny-images-idx3-ubyte.gz")), expected);
  require_same_patterns(load_patterns(test_data("tiny-images-2members-idx3-ubyte.gz")), expected);
  require_same_patterns(read_idx(gzip_stored(bytes), "s.gz"), expected);
  require_same_patterns(read_patterns(gzip_stored(bytes), "s.gz"), expected);
  CHECK(gunzip(gzip_stored(bytes), "s.gz") == bytes);
  CHECK(gunzip(gzip_stored(""), "empty.gz").empty());
  const std::string long_text(70'000, 'x');  // two stored blocks
  CHECK(gunzip(gzip_stored(long_text), "long.gz") == long_text);
}

TEST_CASE("[io] malformed IDX files name the byte offset and expected size") {
  const std::string bytes = idx_bytes(2, 2, 3, std::vector<int>(12, 255));
  const auto read = [](const std::string& b) { return read_idx(b, "m.idx"); };
  const std::string cut = bytes.substr(0, bytes.size() - 1);
  REQUIRE_THROWS_WITH(read(cut), Contains("m.idx byte 27: truncated IDX data: expected 12 bytes "
                                          "of pixels (2 images of 2x3), found 11"));
  REQUIRE_THROWS_WITH(read(gzip_stored(cut)), Contains("byte 27: truncated IDX data"));
  REQUIRE_THROWS_WITH(read(bytes.substr(0, 10)),
                      Contains("byte 10: truncated IDX header: expected 16 bytes, found 10"));
  REQUIRE_THROWS_WITH(read(bytes.substr(0, 3)), Contains("byte 3: truncated IDX header"));
  REQUIRE_THROWS_WITH(read("P1\n1 1\n1\n"),
                      Contains("byte 0: bad IDX magic 0x50310a31, expected 0x00000803"));
  std::string labels = bytes;  // idx1: the labels file's magic
  labels[3] = 1;
  REQUIRE_THROWS_WITH(read(labels), Contains("byte 3: IDX magic 0x00000801 gives 1 dimensions, "
                                             "expected 3 (images x rows x columns)"));
  std::string floats = bytes;
  floats[2] = 0x0d;
  REQUIRE_THROWS_WITH(read(floats),
                      Contains("byte 2: IDX magic 0x00000d03 has an unsupported type code"));
  REQUIRE_THROWS_WITH(read(idx_bytes(1, 2, 129, {})),
                      Contains("byte 8: grid size 129x2 is out of range"));
  REQUIRE_THROWS_WITH(read(idx_bytes(1, 0, 3, {})), Contains("grid size 3x0 is out of range"));
  REQUIRE_THROWS_WITH(read(idx_bytes(0, 2, 3, {})), Contains("byte 4: file holds no patterns"));
  REQUIRE_THROWS_WITH(read(idx_bytes(2'000'000, 1, 1, {})),
                      Contains("byte 4: holds at least 2000000 patterns, more than the 1000000"));
  // A header may claim far more than the file holds: refused before any allocation.
  REQUIRE_THROWS_WITH(read(idx_bytes(4096, 128, 128, {})),
                      Contains("byte 16: truncated IDX data: expected 67108864 bytes"));
  REQUIRE_THROWS_WITH(read(bytes + "z"),
                      Contains("byte 28: 1 bytes of unexpected data after the last image"));
}

TEST_CASE("[io] corrupt, truncated and oversized gzip data is rejected") {
  const std::string gz = file_bytes(test_data("tiny-images-idx3-ubyte.gz"));
  REQUIRE_THROWS_WITH(read_patterns(gz.substr(0, gz.size() - 5), "t.gz"),
                      Contains("t.gz byte 37: truncated gzip data"));
  REQUIRE_THROWS_WITH(read_patterns(gz.substr(0, 2), "t.gz"), Contains("truncated gzip data"));
  REQUIRE_THROWS_WITH(
      read_patterns(gz + "xyz", "t.gz"),
      Contains("t.gz byte 42: 3 bytes of unexpected data after the end of the gzip stream"));
  std::string flipped = gzip_stored("some text");
  flipped[15] ^= 0x20;  // a data byte: the CRC no longer matches
  REQUIRE_THROWS_WITH(read_patterns(flipped, "f.gz"), Contains("corrupt gzip data"));
  REQUIRE_THROWS_WITH(gunzip("abc", "x"), Contains("x byte 0: not gzip data"));
  REQUIRE_THROWS_WITH(
      read_patterns(gzip_bomb(), "bomb.gz"),
      Contains("bomb.gz byte ") && Contains("gzip data inflates to more than 128 MB"));
}

// ---- format detection and files ----

TEST_CASE("[io] read_patterns detects the format from the content") {
  const std::vector<Pattern> two = {stripes(9, 3, 0, "a"), stripes(9, 3, 1, "b")};
  const std::string text = write_text_patterns(two);
  require_same_patterns(read_patterns(text, "x"), two);
  require_same_patterns(read_patterns(write_pbm(two, false), "x"), two);
  require_same_patterns(read_patterns(write_pbm(two, true), "x"), two);
  require_same_patterns(read_patterns(gzip_stored(text), "x"), two);
  require_same_patterns(read_patterns(gzip_stored(write_pbm(two, true)), "x"), two);
  CHECK(read_patterns(idx_bytes(3, 2, 3, kTinyPixels), "x").size() == 3);
  CHECK(to_string(read_patterns(idx_bytes(3, 2, 3, kTinyPixels), "x", 200)[0].spins) == ".#..#.");
  // A PPM (P6) is an image we do not read (issue 23), named as such; other P-digits are bad PBM.
  REQUIRE_THROWS_WITH(read_patterns("P6\n1 1\n255\nabc", "x"), Contains("it looks like a PGM, PPM"));
  REQUIRE_THROWS_WITH(read_patterns("P9\n1 1\n255\nabc", "x"), Contains("bad magic 'P9'"));
  REQUIRE_THROWS_WITH(read_patterns("hello", "x"), Contains("unexpected character 'h'"));
}

TEST_CASE("[io] load_patterns reports a file it cannot open") {
  const std::string path = test_data("no-such-file.txt");
  REQUIRE_THROWS_AS(load_patterns(path), PatternFileError);
  REQUIRE_THROWS_WITH(load_patterns(path), Contains("cannot open " + path + ": "));
  // A directory opens on some platforms, then fails to read.
  REQUIRE_THROWS_WITH(load_patterns(HOPFIELD_TEST_DATA_DIR), Contains(HOPFIELD_TEST_DATA_DIR ": "));
}

// ---- the real data set ----

// Pixel counts were derived once with python3: gzip.open(file).read(), pixels after the 16-byte
// header, 256 (or 784) per image, counting bytes >= 128 (the files hold only 0 and 255).
TEST_CASE("[io] Caltech 101 silhouettes load from the shared data set") {
  struct Expected {
    const char* file;
    int side, count, plus_first, plus_second, plus_last, plus_min, plus_max;
  };
  for (const Expected& e :
       {Expected{"caltech101-silhouettes-16-images-idx3-ubyte.gz", 16, 8641, 98, 119, 210, 29, 230},
        Expected{"caltech101-silhouettes-28-images-idx3-ubyte.gz", 28, 8671, 214, 258, 527, 89,
                 700}}) {
    const std::string path = std::string(HOPFIELD_SHARED_DATA_DIR) + "/" + e.file;
    if (!file_exists(path)) {
      WARN("skipped: " << path << " not found (a user's clone has no ../shared/data)");
      return;
    }
    const auto images = load_patterns(path);
    REQUIRE(static_cast<int>(images.size()) == e.count);
    CHECK(images[0].width == e.side);
    CHECK(images[0].height == e.side);
    CHECK(images[0].name == path + " #0");
    CHECK(count_plus(images[0]) == e.plus_first);
    CHECK(count_plus(images[1]) == e.plus_second);
    CHECK(count_plus(images.back()) == e.plus_last);
    int fewest = e.side * e.side, most = 0;
    for (const Pattern& p : images) {
      fewest = std::min(fewest, count_plus(p));
      most = std::max(most, count_plus(p));
    }
    CHECK(fewest == e.plus_min);
    CHECK(most == e.plus_max);
    if (e.side == 16) {  // rows of image 0, an airplane, to pin the row-major orientation
      CHECK(row_text(images[0], 2) == "###.............");
      CHECK(row_text(images[0], 11) == ".###############");
    }
  }
}

// ---- limits: refused before anything large is allocated, in work bounded by the input ----

TEST_CASE("[io] PBM line numbers cost one pass over the file, not one per image") {
  // Issue 13: each image's line number was counted from byte 0, so 200k images took a minute.
  std::string bytes;
  for (int k = 0; k < 20'000; ++k) bytes += "P1 1 1 1\n";
  ReadWork work;
  CHECK(read_pbm(bytes, "many.pbm", &work).size() == 20'000);
  CHECK(work.line_count_bytes <= bytes.size());
  // The line numbers themselves are unchanged: the bad image is on line 20001.
  REQUIRE_THROWS_WITH(read_pbm(bytes + "P1 2 1 1\n", "many.pbm"),
                      Contains("many.pbm line 20001: image 20000 is 2x1, earlier images are 1x1"));
}

TEST_CASE("[io] oversized sides are reported as written, not clamped") {
  const std::string digits(40, '9');
  REQUIRE_THROWS_WITH(read_pbm("P1\n" + digits + " 1\n", "w.pbm"),
                      Contains("grid size " + digits + "x1 is out of range"));
  REQUIRE_THROWS_WITH(read_pbm("P1\n0003 00129\n", "w.pbm"), Contains("grid size 3x129"));
  REQUIRE_THROWS_WITH(read_text_patterns(std::string(52'428'800, '#'), "wide.txt"),
                      Contains("wide.txt line 1: grid size 52428800x1 is out of range"));
  std::string tall;
  for (int y = 0; y < 300; ++y) tall += "#\n";
  REQUIRE_THROWS_WITH(read_text_patterns(tall, "tall.txt"), Contains("grid size 1x300"));
  REQUIRE_THROWS_WITH(read_idx(idx_bytes(1, 0xffffffffu, 2, {}), "big.idx"),
                      Contains("grid size 2x4294967295 is out of range"));
}

TEST_CASE("[io] pattern counts and sizes over the limits are refused before allocation") {
  // Text: 1,000,001 one-pixel blocks, counted before any pattern is built.
  std::string blocks;
  for (int k = 0; k < 1'000'001; ++k) blocks += "#\n\n";
  REQUIRE_THROWS_WITH(read_text_patterns(blocks, "many.txt"),
                      Contains("many.txt: holds at least 1000001 patterns, more than the 1000000 "
                               "a file may hold"));
  // IDX: the header's count x size is checked before the pixels are even looked for.
  REQUIRE_THROWS_WITH(read_idx(idx_bytes(4097, 128, 128, {}), "big.idx"),
                      Contains("big.idx byte 4: 4097 patterns of 16384 neurons are 67125248 "
                               "neurons in all, more than the 67108864 a file may hold"));
  // PBM: image 4097 of 128x128 (P4: 2048 bytes each) is refused before it is allocated.
  std::string pbm;
  for (int k = 0; k < 4097; ++k) pbm += "P4\n128 128\n" + std::string(2048, '\0');
  REQUIRE_THROWS_WITH(read_pbm(pbm, "big.pbm"), Contains("4097 patterns of 16384 neurons"));
  CHECK(read_pbm(pbm.substr(0, 4096 * (11 + 2048)), "big.pbm").size() == 4096);
}

namespace {

// A stream of zero bytes that cannot seek, like /dev/zero or a pipe, and counts what it
// hands out; endless unless given a length.
class Zeros : public std::streambuf {
 public:
  explicit Zeros(std::size_t length = SIZE_MAX) : left_(length) {}
  std::size_t served = 0;

 protected:
  int_type underflow() override {
    if (left_ == 0) return traits_type::eof();
    const std::size_t n = std::min(sizeof block_, left_);
    setg(block_, block_, block_ + n);
    served += n;
    left_ -= n;
    return 0;
  }

 private:
  std::size_t left_;
  char block_[4096] = {};
};

}  // namespace

TEST_CASE("[io] read_bytes stops at the cap while reading, holding at most cap + 1 bytes") {
  Zeros zeros;
  std::istream endless(&zeros);
  constexpr std::size_t kCap = std::size_t{1} << 20;
  REQUIRE_THROWS_WITH(read_bytes(endless, "/dev/zero", kCap),
                      Contains("/dev/zero: the file is larger than 1 MB; pattern files are "
                               "limited to 1 MB"));
  CHECK(zeros.served <= kCap + 4096);  // what the stream handed out, in its own blocks
  // A stream that knows its size is refused before a byte of it is read.
  std::istringstream sized(std::string(kCap + 1, 'x'));
  REQUIRE_THROWS_WITH(read_bytes(sized, "big.txt", kCap),
                      Contains("big.txt: the file is 1048577 bytes; pattern files are limited"));
  CHECK(sized.tellg() == 0);
  std::istringstream exact(std::string(kCap, 'x'));
  CHECK(read_bytes(exact, "exact.txt", kCap).size() == kCap);
  // A stream of known size is read into one allocation of its size (+1 to see the end).
  std::istringstream odd(std::string(kCap / 2 + 1000, 'x'));
  const std::string odd_bytes = read_bytes(odd, "odd.txt", kCap);
  CHECK(odd_bytes.size() == kCap / 2 + 1000);
  // (libc++, the WebAssembly build's library, rounds a string's capacity up to 16 bytes.)
  constexpr std::size_t kRounding = 16;
  CHECK(odd_bytes.capacity() <= kCap / 2 + 1001 + kRounding);
  // Growing to the cap never allocates past it (a doubling to 2x the cap would).
  Zeros pipe(kCap);
  std::istream piped(&pipe);
  const std::string all = read_bytes(piped, "pipe", kCap);
  CHECK(all.size() == kCap);
  CHECK(all.capacity() <= kCap + 1 + kRounding);
}

TEST_CASE("[io] images of formats we do not read are named, not parsed as text") {
  const std::string expected = "not a supported image (PNG, JPEG, GIF, BMP) or pattern file: it "
                               "looks like ";
  const auto refused = [](const std::string& bytes, const std::string& name) {
    try {
      read_patterns(bytes, name);
    } catch (const PatternFileError& e) {
      return std::string(e.what());
    }
    return std::string("read");
  };
  CHECK(refused(std::string("8BPS\0\1\0\0\0\0\0\0\0\3", 14), "a.psd") ==
        "a.psd: " + expected + "a Photoshop (PSD) image");
  CHECK(refused("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 2 +X 2\n", "a.hdr") ==
        "a.hdr: " + expected + "a Radiance HDR image");
  CHECK(refused("P6\n2 2\n255\n012345678901", "a.ppm") == "a.ppm: " + expected +
                                                            "a PGM, PPM or PNM image");
  CHECK(refused("P5 2 2 255\n0123", "a.pgm") == "a.pgm: " + expected + "a PGM, PPM or PNM image");
  // TGA has no magic number: an 18-byte header, uncompressed true colour (type 2).
  std::string tga(18, '\0');
  tga[2] = 2;
  tga[12] = 1;
  tga[14] = 1;
  tga[16] = 24;
  CHECK(refused(tga + "\xff\xff\xff", "a.tga") == "a.tga: " + expected + "a TGA image");
  // Gzipped, the same after inflating.
  CHECK(refused(gzip_stored(std::string("8BPS\0\1", 6)), "a.psd.gz") ==
        "a.psd.gz: " + expected + "a Photoshop (PSD) image");
  // TIFF: little- and big-endian (the big-endian magic holds a NUL byte); WebP by its RIFF form.
  CHECK(refused("II*\0\x08\0\0\0", "a.tif") == "a.tif: " + expected + "a TIFF image");
  CHECK(refused(std::string("MM\0*\0\0\0\x08", 8), "b.tif") == "b.tif: " + expected + "a TIFF image");
  CHECK(refused(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16), "a.webp") ==
        "a.webp: " + expected + "a WebP image");
  // Too short to say (the fuzzer's "RIFF\xef" threw out_of_range), or "MM" text: not an image.
  CHECK(refused("RIFF\xef", "short").find("looks like") == std::string::npos);
  CHECK(refused("MMM\n", "mm.txt").find("TIFF") == std::string::npos);
  // PBM (P1, P4) and IDX still read.
  CHECK(read_patterns("P1\n2 1\n1 0\n", "ok.pbm").size() == 1);
}

TEST_CASE("[io] a text file named like an image says it is not an image") {
  try {
    read_patterns("hello, this is not a picture\n", "photo.PNG");
    FAIL("read");
  } catch (const PatternFileError& e) {
    CHECK_THAT(e.what(), Contains("photo.PNG: not an image of a supported format (PNG, JPEG, GIF, "
                                  "BMP) despite its name, nor a pattern file (") &&
                             Contains("unexpected character"));
  }
  // A pattern file with an image's name still reads, and any other name keeps its message.
  CHECK(read_patterns("#.\n.#\n", "odd.png").size() == 1);
  CHECK_THROWS_WITH(read_patterns("hello\n", "notes.txt"), !Contains("image"));
}
