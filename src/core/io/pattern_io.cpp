// Readers and writers for the pattern file formats described in pattern_io.hpp.
#include "core/io/pattern_io.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <istream>
#include <sstream>
#include <utility>

namespace hopfield {
namespace {


[[noreturn]] void fail(const std::string& source, const std::string& where,
                       const std::string& what) {
  throw PatternFileError(source + (where.empty() ? "" : " " + where) + ": " + what);
}

std::string at_line(int line) { return "line " + std::to_string(line); }
std::string at_byte(std::size_t offset) { return "byte " + std::to_string(offset); }
std::string size_text(int width, int height) {
  return std::to_string(width) + "x" + std::to_string(height);
}
std::string megabytes(std::size_t bytes) {
  return std::to_string(bytes >> 20) + " MB";
}
std::string default_name(const std::string& source, std::size_t index) {
  return source + " #" + std::to_string(index);
}

// Quotes text for a message; bytes that would not print are shown as \xNN.
std::string quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    char hex[8];
    std::snprintf(hex, sizeof hex, "\\x%02x", u);
    out += (u >= 0x20 && u < 0x7f) ? std::string(1, c) : std::string(hex);
  }
  return out + "'";
}
std::string quoted(char c) { return quoted(std::string_view(&c, 1)); }

// A side written in decimal as 1..kMaxSide, else 0. Takes the digits as written, so a side of
// any length is reported as it is in the file, never clamped.
std::string_view without_leading_zeros(std::string_view digits) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  return digits;
}
int side_value(std::string_view digits) {
  digits = without_leading_zeros(digits);
  if (digits.empty() || digits.size() > 3) return 0;
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value <= kMaxSide ? value : 0;
}

// The sides as a grid size (check_grid_size's rule), or a file error at `where` quoting them.
std::pair<int, int> grid_sides(std::string_view width, std::string_view height,
                               const std::string& source, const std::string& where) {
  const int w = side_value(width), h = side_value(height);
  if (w == 0 || h == 0)
    fail(source, where,
         "grid size " + std::string(without_leading_zeros(width)) + "x" +
             std::string(without_leading_zeros(height)) +
             " is out of range: each side must be 1.." + std::to_string(kMaxSide));
  return {w, h};
}
std::pair<int, int> grid_sides(std::uint64_t width, std::uint64_t height, const std::string& source,
                               const std::string& where) {
  return grid_sides(std::to_string(width), std::to_string(height), source, where);
}

// Refuses, before they are allocated, more than `count` patterns of `size` neurons each.
void check_pattern_budget(std::uint64_t count, std::uint64_t size, const std::string& source,
                          const std::string& where) {
  if (count > static_cast<std::uint64_t>(kMaxPatterns))
    fail(source, where,
         "holds at least " + std::to_string(count) + " patterns, more than the " +
             std::to_string(kMaxPatterns) + " a file may hold");
  if (count * size > static_cast<std::uint64_t>(kMaxPatternSpins))
    fail(source, where,
         std::to_string(count) + " patterns of " + std::to_string(size) + " neurons are " +
             std::to_string(count * size) + " neurons in all, more than the " +
             std::to_string(kMaxPatternSpins) + " a file may hold");
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view strip_trailing_blanks(std::string_view s) {
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// If `text` is a name line ("name: ..."), stores the trimmed name and returns true.
bool parse_name_line(std::string_view text, std::string& name) {
  constexpr std::string_view kKey = "name:";
  if (text.substr(0, kKey.size()) != kKey) return false;
  name = std::string(trim_blanks(text.substr(kKey.size())));
  return true;
}

// Names are written on one line: a line break would end the name line or comment early.
std::string one_line(std::string name) {
  std::replace(name.begin(), name.end(), '\n', ' ');
  std::replace(name.begin(), name.end(), '\r', ' ');
  return name;
}

bool is_gzip(std::string_view b) {
  return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f &&
         static_cast<unsigned char>(b[1]) == 0x8b;
}

void check_threshold(int threshold) {
  if (threshold < 0 || threshold > 256)
    throw std::invalid_argument("IDX threshold " + std::to_string(threshold) +
                                " is out of range: pixels are 0..255, so use 0..256");
}

// ---- text grids ----

class TextParser {
 public:
  explicit TextParser(const std::string& source) : source_(source) {}
  void add_line(std::string_view line, int number);
  void end_block();
  std::vector<Pattern> take_patterns() { return std::move(patterns_); }

 private:
  void add_row(std::string_view row, int number);

  const std::string& source_;
  std::vector<Pattern> patterns_;
  std::vector<std::string_view> rows_;  // at most kMaxSide; longer blocks are only counted
  std::size_t rows_counted_ = 0;
  int first_row_line_ = 0;
  int name_line_ = 0;  // 0 while the block has no name line
  std::string name_;
};

void TextParser::add_line(std::string_view line, int number) {
  line = strip_trailing_blanks(line);
  if (line.empty()) return end_block();
  std::string name;
  if (parse_name_line(line, name)) {
    if (!rows_.empty() || name_line_ != 0)
      fail(source_, at_line(number),
           "a name line must start its block: put a blank line before it");
    name_ = std::move(name);
    name_line_ = number;
    return;
  }
  add_row(line, number);
}

void TextParser::add_row(std::string_view row, int number) {
  for (std::size_t i = 0; i < row.size(); ++i)
    if (row[i] != '#' && row[i] != '.')
      fail(source_, at_line(number) + ", column " + std::to_string(i + 1),
           "unexpected character " + quoted(row[i]) + " (expected '#' or '.')");
  if (rows_.empty())
    first_row_line_ = number;
  else if (row.size() != rows_.front().size())
    fail(source_, at_line(number),
         "row has " + std::to_string(row.size()) + " cells, the block started with " +
             std::to_string(rows_.front().size()));
  if (rows_.size() < static_cast<std::size_t>(kMaxSide)) rows_.push_back(row);
  ++rows_counted_;
}

void TextParser::end_block() {
  if (rows_.empty()) {
    if (name_line_ != 0) fail(source_, at_line(name_line_), "name line has no grid rows after it");
    return;
  }
  const auto [width, height] =
      grid_sides(rows_.front().size(), rows_counted_, source_, at_line(first_row_line_));
  check_pattern_budget(patterns_.size() + 1, static_cast<std::uint64_t>(width) * height, source_,
                       at_line(first_row_line_));
  if (!patterns_.empty() && (width != patterns_[0].width || height != patterns_[0].height))
    fail(source_, at_line(first_row_line_),
         "block is " + size_text(width, height) + ", earlier blocks are " +
             size_text(patterns_[0].width, patterns_[0].height));
  Pattern p = Pattern::filled(width, height, -1,
                              name_.empty() ? default_name(source_, patterns_.size()) : name_);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      if (rows_[y][x] == '#') p.set(x, y, 1);
  patterns_.push_back(std::move(p));
  rows_.clear();
  rows_counted_ = 0;
  name_line_ = 0;
  name_.clear();
}

// Blocks in a text file (non-blank lines after a blank line or the start), counted before
// any pattern is allocated.
std::size_t count_text_blocks(std::string_view text) {
  std::size_t blocks = 0;
  bool in_block = false;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const bool blank = strip_trailing_blanks(text.substr(start, end - start)).empty();
    if (!blank && !in_block) ++blocks;
    in_block = !blank;
    start = end + 1;
  }
  return blocks;
}

// ---- PBM ----

class PbmParser {
 public:
  PbmParser(std::string_view bytes, const std::string& source, ReadWork* work)
      : bytes_(bytes), source_(source), work_(work) {}
  std::vector<Pattern> read_all();

 private:
  bool at_end() const { return pos_ >= bytes_.size(); }
  char peek() const { return bytes_[pos_]; }
  std::string where();  // a line in P1, a byte offset in P4
  void skip_space_and_comments();
  void read_magic();
  std::string_view read_side(const char* what);
  void read_p1_pixels(Pattern& p);
  void read_p4_pixels(Pattern& p);

  std::string_view bytes_;
  const std::string& source_;
  ReadWork* work_;
  std::size_t pos_ = 0;
  bool raw_ = false;
  std::string name_;  // from a "# name: ..." comment in the current header
  // Newlines before lines_to_: where() counts on from there, as positions only grow.
  std::size_t lines_to_ = 0;
  int lines_ = 0;
};

std::string PbmParser::where() {
  if (raw_) return at_byte(pos_);
  const std::size_t end = std::min(pos_, bytes_.size());
  lines_ += static_cast<int>(std::count(bytes_.begin() + static_cast<std::ptrdiff_t>(lines_to_),
                                        bytes_.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
  if (work_) work_->line_count_bytes += end - lines_to_;
  lines_to_ = end;
  return at_line(1 + lines_);
}

void PbmParser::skip_space_and_comments() {
  while (!at_end()) {
    if (std::isspace(static_cast<unsigned char>(peek()))) {
      ++pos_;
    } else if (peek() == '#') {
      const std::size_t eol = std::min(bytes_.find_first_of("\r\n", pos_), bytes_.size());
      parse_name_line(trim_blanks(bytes_.substr(pos_ + 1, eol - pos_ - 1)), name_);
      pos_ = eol;
    } else {
      return;
    }
  }
}

void PbmParser::read_magic() {
  const std::string_view magic = bytes_.substr(pos_, 2);
  if (magic != "P1" && magic != "P4")
    fail(source_, at_byte(pos_),
         "bad magic " + quoted(magic) + ": expected P1 (plain) or P4 (raw) PBM");
  raw_ = magic == "P4";
  pos_ += 2;
  name_.clear();
}

// The side's digits as written (grid_sides checks them).
std::string_view PbmParser::read_side(const char* what) {
  skip_space_and_comments();
  if (at_end()) fail(source_, where(), std::string("truncated header: no image ") + what);
  if (!std::isdigit(static_cast<unsigned char>(peek())))
    fail(source_, where(), std::string("expected the image ") + what + ", found " + quoted(peek()));
  const std::size_t start = pos_;
  while (!at_end() && std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
  return bytes_.substr(start, pos_ - start);
}

void PbmParser::read_p1_pixels(Pattern& p) {
  for (int i = 0; i < p.size(); ++i) {
    skip_space_and_comments();
    if (at_end())
      fail(source_, where(),
           "truncated P1 data: the image has " + std::to_string(i) + " of " +
               std::to_string(p.size()) + " pixels");
    if (peek() != '0' && peek() != '1')
      fail(source_, where(),
           "unexpected character " + quoted(peek()) + " in P1 pixels (expected '0' or '1')");
    if (peek() == '1') p.spins[i] = 1;
    ++pos_;
  }
}

void PbmParser::read_p4_pixels(Pattern& p) {
  const std::size_t row_bytes = (static_cast<std::size_t>(p.width) + 7) / 8;
  const std::size_t needed = row_bytes * static_cast<std::size_t>(p.height);
  if (bytes_.size() - pos_ < needed)
    fail(source_, where(),
         "truncated P4 data: the image needs " + std::to_string(needed) + " bytes of pixels, " +
             std::to_string(bytes_.size() - pos_) + " remain");
  for (int y = 0; y < p.height; ++y)
    for (int x = 0; x < p.width; ++x) {
      const auto byte = static_cast<unsigned char>(bytes_[pos_ + y * row_bytes + x / 8]);
      if ((byte >> (7 - x % 8)) & 1) p.set(x, y, 1);
    }
  pos_ += needed;
}

std::vector<Pattern> PbmParser::read_all() {
  std::vector<Pattern> patterns;
  for (skip_space_and_comments(); !at_end(); skip_space_and_comments()) {
    read_magic();
    const std::string_view width_digits = read_side("width");
    const std::string_view height_digits = read_side("height");
    const auto [width, height] = grid_sides(width_digits, height_digits, source_, where());
    check_pattern_budget(patterns.size() + 1, static_cast<std::uint64_t>(width) * height, source_,
                         where());
    if (!patterns.empty() && (width != patterns[0].width || height != patterns[0].height))
      fail(source_, where(),
           "image " + std::to_string(patterns.size()) + " is " + size_text(width, height) +
               ", earlier images are " + size_text(patterns[0].width, patterns[0].height));
    // The header ends with exactly one whitespace character; P4 pixel bytes follow it.
    if (at_end() || !std::isspace(static_cast<unsigned char>(peek())))
      fail(source_, where(), "expected one whitespace character after the height");
    ++pos_;
    Pattern p = Pattern::filled(width, height, -1,
                                name_.empty() ? default_name(source_, patterns.size()) : name_);
    raw_ ? read_p4_pixels(p) : read_p1_pixels(p);
    patterns.push_back(std::move(p));
  }
  if (patterns.empty()) fail(source_, "", "file holds no patterns");
  return patterns;
}

// ---- IDX ----

std::uint32_t big_endian_u32(std::string_view b, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

// The header of an IDX file of unsigned bytes with `dims` dimensions: the magic (0x00000803
// for images, 0x00000801 for labels) and the sizes after it. `layout` names the dimensions.
void check_idx_header(std::string_view b, const std::string& source, int dims,
                      const std::string& layout) {
  if (b.size() < 4)
    fail(source, at_byte(b.size()), "truncated IDX header: the 4-byte magic number is cut short");
  char magic[16], expected[16];
  std::snprintf(magic, sizeof magic, "0x%08lx", static_cast<unsigned long>(big_endian_u32(b, 0)));
  std::snprintf(expected, sizeof expected, "0x%08x", 0x800u | static_cast<unsigned>(dims));
  if (b[0] != 0 || b[1] != 0)
    fail(source, at_byte(0), std::string("bad IDX magic ") + magic + ", expected " + expected);
  if (b[2] != 0x08)
    fail(source, at_byte(2),
         std::string("IDX magic ") + magic + " has an unsupported type code: only 0x08 " +
             "(unsigned bytes) is read");
  if (b[3] != dims)
    fail(source, at_byte(3),
         std::string("IDX magic ") + magic + " gives " +
             std::to_string(static_cast<unsigned char>(b[3])) + " dimensions, expected " +
             std::to_string(dims) + " (" + layout + ")");
  const std::size_t header = 4 + 4 * static_cast<std::size_t>(dims);
  if (b.size() < header)
    fail(source, at_byte(b.size()),
         "truncated IDX header: expected " + std::to_string(header) + " bytes, found " +
             std::to_string(b.size()));
}

std::vector<Pattern> decode_idx(std::string_view b, const std::string& source, int threshold) {
  check_idx_header(b, source, 3, "images x rows x columns");
  constexpr std::size_t kHeader = 16;
  const std::uint32_t count = big_endian_u32(b, 4);
  const std::uint32_t rows = big_endian_u32(b, 8);
  const std::uint32_t cols = big_endian_u32(b, 12);
  const auto [width, height] = grid_sides(cols, rows, source, at_byte(8));
  if (count == 0) fail(source, at_byte(4), "file holds no patterns (the image count is 0)");
  check_pattern_budget(count, std::uint64_t{rows} * cols, source, at_byte(4));
  // Checked before allocating: a header can claim more images than the file holds.
  const std::uint64_t needed = std::uint64_t{count} * rows * cols;
  const std::uint64_t found = b.size() - kHeader;
  if (found < needed)
    fail(source, at_byte(b.size()),
         "truncated IDX data: expected " + std::to_string(needed) + " bytes of pixels (" +
             std::to_string(count) + " images of " + std::to_string(rows) + "x" +
             std::to_string(cols) + "), found " + std::to_string(found));
  if (found > needed)
    fail(source, at_byte(static_cast<std::size_t>(kHeader + needed)),
         std::to_string(found - needed) + " bytes of unexpected data after the last image");
  const std::size_t n = std::size_t{rows} * cols;
  std::vector<Pattern> patterns;
  patterns.reserve(count);
  for (std::size_t k = 0; k < count; ++k) {
    Pattern p = Pattern::filled(width, height, -1, default_name(source, k));
    const std::string_view pixels = b.substr(kHeader + k * n, n);
    for (std::size_t i = 0; i < n; ++i)
      if (static_cast<unsigned char>(pixels[i]) >= threshold) p.spins[i] = 1;
    patterns.push_back(std::move(p));
  }
  return patterns;
}

std::vector<int> decode_idx_labels(std::string_view b, const std::string& source) {
  check_idx_header(b, source, 1, "labels");
  constexpr std::size_t kHeader = 8;
  const std::uint32_t count = big_endian_u32(b, 4);
  if (count == 0) fail(source, at_byte(4), "file holds no labels (the label count is 0)");
  if (count > static_cast<std::uint64_t>(kMaxPatterns))
    fail(source, at_byte(4),
         "holds " + std::to_string(count) + " labels, more than the " +
             std::to_string(kMaxPatterns) + " patterns a file may hold");
  const std::uint64_t found = b.size() - kHeader;
  if (found < count)
    fail(source, at_byte(b.size()),
         "truncated IDX data: expected " + std::to_string(count) + " bytes of labels, found " +
             std::to_string(found));
  if (found > count)
    fail(source, at_byte(static_cast<std::size_t>(kHeader + count)),
         std::to_string(found - count) + " bytes of unexpected data after the last label");
  std::vector<int> labels(count);
  for (std::size_t k = 0; k < count; ++k) labels[k] = static_cast<unsigned char>(b[kHeader + k]);
  return labels;
}

// The image formats we do not read, by their magic numbers (TGA has none: a colour-map type of
// 0 or 1 and an image type of 1-3 or 9-11 in its first 3 bytes, which no text file starts with),
// so that they are named instead of failing in the text parser. P1 and P4 are our PBM.
const char* unsupported_image_format(std::string_view b) {
  const auto starts = [&](std::string_view magic) { return b.substr(0, magic.size()) == magic; };
  if (starts("8BPS")) return "a Photoshop (PSD) image";
  if (starts("#?RADIANCE") || starts("#?RGBE")) return "a Radiance HDR image";
  if (b.size() >= 3 && b[0] == 'P' && std::string_view("2356").find(b[1]) != std::string_view::npos &&
      std::isspace(static_cast<unsigned char>(b[2])))
    return "a PGM, PPM or PNM image";
  if (starts("P7\n")) return "a PAM image";
  if (starts("II*") || starts(std::string_view("MM\0*", 4))) return "a TIFF image";
  if (starts("RIFF") && b.size() >= 12 && b.substr(8, 4) == "WEBP") return "a WebP image";
  const auto u8 = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
  if (b.size() >= 18 && u8(1) <= 1 && ((u8(2) >= 1 && u8(2) <= 3) || (u8(2) >= 9 && u8(2) <= 11)))
    return "a TGA image";
  return nullptr;
}

// Whether the name ends like an image file's (a text file renamed .png, say).
bool image_file_name(std::string_view name) {
  std::string lower(name.substr(name.size() >= 5 ? name.size() - 5 : 0));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto ends = [&](std::string_view ext) { return lower.ends_with(ext); };
  return ends(".png") || ends(".jpg") || ends(".jpeg") || ends(".gif") || ends(".bmp");
}

std::vector<Pattern> read_decompressed(std::string_view bytes, const std::string& source,
                                       int idx_threshold) {
  if (const char* format = unsupported_image_format(bytes))
    throw PatternFileError(source + ": not a supported image (PNG, JPEG, GIF, BMP) or pattern "
                           "file: it looks like " + std::string(format));
  if (bytes.size() >= 2 && bytes[0] == 0 && bytes[1] == 0)
    return decode_idx(bytes, source, idx_threshold);
  if (bytes.size() >= 2 && bytes[0] == 'P' && std::isdigit(static_cast<unsigned char>(bytes[1])))
    return read_pbm(bytes, source);
  return read_text_patterns(bytes, source);
}

// ---- writers ----

// A file holds patterns of one size, so the writers insist on it for the output to read back.
void check_writable(const std::vector<Pattern>& patterns) {
  for (std::size_t k = 0; k < patterns.size(); ++k) {
    const Pattern& p = patterns[k];
    const std::string what = "pattern " + std::to_string(k) + " (" + p.name + ")";
    check_grid_size(p.width, p.height);
    if (p.spins.size() != p.size())
      throw std::invalid_argument(what + " has " + std::to_string(p.spins.size()) +
                                  " neurons, expected " + std::to_string(p.size()));
    check_spins(p.spins, what);
    if (p.width != patterns[0].width || p.height != patterns[0].height)
      throw std::invalid_argument(what + " is " + size_text(p.width, p.height) + ", pattern 0 is " +
                                  size_text(patterns[0].width, patterns[0].height) +
                                  ": a file holds patterns of one size");
  }
}

void append_p1_pixels(const Pattern& p, std::string& out) {
  constexpr int kDigitsPerLine = 70;  // the netpbm line-length advice
  for (int y = 0; y < p.height; ++y) {
    for (int x = 0; x < p.width; ++x) {
      if (x > 0 && x % kDigitsPerLine == 0) out += '\n';
      out += p.at(x, y) > 0 ? '1' : '0';
    }
    out += '\n';
  }
}

void append_p4_pixels(const Pattern& p, std::string& out) {
  for (int y = 0; y < p.height; ++y)
    for (int x0 = 0; x0 < p.width; x0 += 8) {
      unsigned byte = 0;
      for (int x = x0; x < x0 + 8; ++x)
        byte = (byte << 1) | (x < p.width && p.at(x, y) > 0 ? 1u : 0u);
      out += static_cast<char>(byte);
    }
}

// Owns a zlib inflate stream, so every exit path frees it.
class GzipStream {
 public:
  GzipStream() {
    if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();
  }
  ~GzipStream() { inflateEnd(&z_); }
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;
  z_stream& z() { return z_; }

 private:
  z_stream z_{};
};

// Inflates every member of a gzip file (cat a.gz b.gz is valid, as for gzip -d), handing the
// output to `sink` in pieces; throws on corrupt, truncated or oversized data.
template <class Sink>
void inflate_members(std::string_view bytes, const std::string& source, Sink&& sink) {
  GzipStream stream;
  z_stream& z = stream.z();
  constexpr std::size_t kChunk = std::size_t{1} << 30;  // avail_in is 32-bit
  std::vector<char> buffer(std::size_t{1} << 16);
  std::size_t fed = 0, produced = 0;
  for (;;) {
    if (z.avail_in == 0 && fed < bytes.size()) {
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + fed));
      z.avail_in = static_cast<uInt>(std::min(bytes.size() - fed, kChunk));
      fed += z.avail_in;
    }
    z.next_out = reinterpret_cast<Bytef*>(buffer.data());
    z.avail_out = static_cast<uInt>(buffer.size());
    const int status = inflate(&z, Z_NO_FLUSH);
    const std::size_t n = buffer.size() - z.avail_out;
    const std::size_t consumed = fed - z.avail_in;
    produced += n;
    if (produced > kMaxDecompressedBytes)
      fail(source, at_byte(consumed),
           "gzip data inflates to more than " + megabytes(kMaxDecompressedBytes) +
               "; pattern files are limited to that");
    sink(buffer.data(), n);
    if (status == Z_STREAM_END) {
      if (consumed == bytes.size()) return;
      if (!is_gzip(bytes.substr(consumed)))
        fail(source, at_byte(consumed),
             std::to_string(bytes.size() - consumed) +
                 " bytes of unexpected data after the end of the gzip stream");
      inflateReset(&z);
    } else if (status == Z_BUF_ERROR && z.avail_in == 0 && fed == bytes.size()) {
      fail(source, at_byte(bytes.size()), "truncated gzip data: the stream ends early");
    } else if (status != Z_OK && status != Z_BUF_ERROR) {
      fail(source, at_byte(consumed),
           std::string("corrupt gzip data: ") + (z.msg ? z.msg : "inflate failed"));
    }
  }
}

}  // namespace

std::string gunzip(std::string_view bytes, const std::string& source) {
  if (!is_gzip(bytes)) fail(source, at_byte(0), "not gzip data (gzip starts with bytes 1f 8b)");
  // Two passes: the first checks the data and its size before anything large is allocated.
  std::size_t size = 0;
  inflate_members(bytes, source, [&size](const char*, std::size_t n) { size += n; });
  std::string out;
  out.reserve(size);
  inflate_members(bytes, source, [&out](const char* data, std::size_t n) { out.append(data, n); });
  return out;
}

std::vector<Pattern> read_text_patterns(std::string_view text, const std::string& source) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte order mark
  check_pattern_budget(count_text_blocks(text), 1, source, "");
  TextParser parser(source);
  int number = 1;
  for (std::size_t start = 0; start < text.size(); ++number) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    parser.add_line(text.substr(start, end - start), number);
    start = end + 1;
  }
  parser.end_block();
  std::vector<Pattern> patterns = parser.take_patterns();
  if (patterns.empty()) fail(source, "", "file holds no patterns");
  return patterns;
}

std::vector<Pattern> read_pbm(std::string_view bytes, const std::string& source, ReadWork* work) {
  return PbmParser(bytes, source, work).read_all();
}

std::vector<Pattern> read_idx(std::string_view bytes, const std::string& source, int threshold) {
  check_threshold(threshold);
  if (is_gzip(bytes)) return decode_idx(gunzip(bytes, source), source, threshold);
  return decode_idx(bytes, source, threshold);
}

std::vector<int> read_idx_labels(std::string_view bytes, const std::string& source) {
  if (is_gzip(bytes)) return decode_idx_labels(gunzip(bytes, source), source);
  return decode_idx_labels(bytes, source);
}

std::vector<Pattern> read_patterns(std::string_view bytes, const std::string& source,
                                   int idx_threshold) {
  check_threshold(idx_threshold);
  try {
    if (is_gzip(bytes)) return read_decompressed(gunzip(bytes, source), source, idx_threshold);
    return read_decompressed(bytes, source, idx_threshold);
  } catch (const PatternFileError& e) {
    // Named like an image but read as a pattern file: it is neither (its bytes start like none
    // of the images we read, or it would not have come here).
    if (!image_file_name(source)) throw;
    throw PatternFileError(source + ": not an image of a supported format (PNG, JPEG, GIF, BMP) "
                           "despite its name, nor a pattern file (" + e.what() + ")");
  }
}

std::string read_bytes(std::istream& in, const std::string& source, std::size_t max_bytes) {
  const auto too_large = [&](const std::string& size) {
    return PatternFileError(source + ": the file is " + size + "; pattern files are limited to " +
                            megabytes(max_bytes));
  };
  std::string content;
  // A regular file says its size: refuse it unread, or read it into one exact allocation.
  // Anything else (a pipe, /dev/zero) grows, never past max_bytes + 1 bytes.
  const std::istream::pos_type start = in.tellg();
  if (start != std::istream::pos_type(-1) && in.seekg(0, std::ios::end)) {
    const auto size = static_cast<std::uint64_t>(in.tellg() - start);
    in.seekg(start);
    if (size > max_bytes) throw too_large(std::to_string(size) + " bytes");
    content.reserve(static_cast<std::size_t>(size) + 1);
  }
  in.clear();
  constexpr std::size_t kChunk = std::size_t{1} << 16;
  errno = 0;
  for (;;) {
    const std::size_t have = content.size();
    if (content.capacity() == have) {
      // Full: double, but straight to the cap once near it, so never a copy of a full buffer.
      const std::size_t grown = std::max(2 * have, kChunk);
      content.reserve(grown >= max_bytes ? max_bytes + 1 : grown);
    }
    // Only into the room already there: a file of known size fills its one allocation.
    const std::size_t want = std::min({kChunk, content.capacity() - have, max_bytes + 1 - have});
    content.resize(have + want);
    in.read(content.data() + have, static_cast<std::streamsize>(want));
    content.resize(have + static_cast<std::size_t>(in.gcount()));
    if (content.size() > max_bytes) throw too_large("larger than " + megabytes(max_bytes));
    if (!in) break;
  }
  // A read error (a directory, say) ends the loop like the end of the file; errno tells them
  // apart, but a successful call may leave errno set too, so only an empty read consults it.
  if (in.bad() || (content.empty() && errno != 0))
    throw PatternFileError("cannot read " + source + ": " +
                           std::strerror(errno != 0 ? errno : EIO));
  return content;
}

std::string load_bytes(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw PatternFileError("cannot open " + path + ": " + std::strerror(errno));
  return read_bytes(file, path);
}

std::vector<Pattern> load_patterns(const std::string& path, int idx_threshold) {
  return read_patterns(load_bytes(path), path, idx_threshold);
}

std::string write_text_patterns(const std::vector<Pattern>& patterns) {
  check_writable(patterns);
  std::string out;
  for (const Pattern& p : patterns) {
    if (&p != &patterns.front()) out += '\n';
    if (!p.name.empty()) out += "name: " + one_line(p.name) + "\n";
    const std::string cells = to_string(p.spins);
    for (int y = 0; y < p.height; ++y)
      out.append(cells, static_cast<std::size_t>(y * p.width), p.width) += '\n';
  }
  return out;
}

std::string write_pbm(const std::vector<Pattern>& patterns, bool raw) {
  check_writable(patterns);
  std::string out;
  for (const Pattern& p : patterns) {
    out += raw ? "P4\n" : "P1\n";
    if (!p.name.empty()) out += "# name: " + one_line(p.name) + "\n";
    out += std::to_string(p.width) + " " + std::to_string(p.height) + "\n";
    raw ? append_p4_pixels(p, out) : append_p1_pixels(p, out);
  }
  return out;
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  return strip_trailing_blanks(s);
}

}  // namespace hopfield
