// Pattern files: the text grid format, PBM (P1 and P4) and IDX (raw or gzip), and IDX labels
// files. Every reader either returns every pattern in the input or throws PatternFileError
// naming the source and the line (text formats) or byte offset (binary formats); never a
// partial load. In gzip input the byte offsets count decompressed bytes.
//
// Text grid format (.txt):
//   name: letter A        <- optional name line, first line of a block
//   ..##..
//   .#..#.                <- '#' = +1, '.' = -1, one grid row per line
//   ######
//                         <- one or more blank lines end a block
// Every block in a file has the same width and height, each side 1..kMaxSide. Trailing spaces,
// tabs and CR are ignored, as is a UTF-8 byte order mark.
//
// Names: a pattern without a name line (text) or "# name: ..." header comment (PBM), and every
// IDX image, is named "<source> #<k>", k counting the file's patterns from 0 (for IDX, the
// index into the matching labels file). load_patterns passes the path as the source;
// core/io/labels.hpp renames an IDX set's patterns by class from the labels file beside it.
//
// Limits (core/limits.hpp), each refused before anything large is allocated: files over
// kMaxReadBytes, gzip data inflating to over kMaxDecompressedBytes, more than kMaxPatterns
// patterns or kMaxPatternSpins neurons in all. An IDX file has nothing after its last image.
#pragma once

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.hpp"
#include "core/pattern.hpp"

namespace hopfield {

class PatternFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class PatternFormat { text, pbm, idx };

// Work a reader did, for tests that bound it: bytes scanned to turn offsets into line numbers.
struct ReadWork {
  std::size_t line_count_bytes = 0;
};

// Reads patterns from bytes already in memory (a file upload in the browser, say), detecting
// the format from the content: gzip or IDX magic, "P1"/"P4", else text. `source` names the
// input in error messages. IDX pixels >= idx_threshold become +1.
std::vector<Pattern> read_patterns(std::string_view bytes, const std::string& source,
                                   int idx_threshold = 128);
// Reads a file from disk with read_patterns.
std::vector<Pattern> load_patterns(const std::string& path, int idx_threshold = 128);
// A whole file's bytes (read_bytes); throws PatternFileError "cannot open PATH: reason".
std::string load_bytes(const std::string& path);
// Reads a stream to its end (a file, a pipe, /dev/zero) in chunks, holding at most
// max_bytes + 1 bytes: a larger input throws PatternFileError naming `source`, a file whose
// size is known before a byte of it is read.
std::string read_bytes(std::istream& in, const std::string& source,
                       std::size_t max_bytes = kMaxReadBytes);

std::vector<Pattern> read_text_patterns(std::string_view text, const std::string& source);
// One or more images one after the other (the netpbm convention), all the same size; '#'
// comments may stand between any header or P1 pixel tokens. Black (1) is +1.
std::vector<Pattern> read_pbm(std::string_view bytes, const std::string& source,
                              ReadWork* work = nullptr);
// IDX image file (magic 0x00000803, uint8, N x rows x cols), raw or gzip-compressed. Each
// image is cols wide and rows high; pixels >= threshold (0..256) become +1.
std::vector<Pattern> read_idx(std::string_view bytes, const std::string& source,
                              int threshold = 128);
// IDX labels file (magic 0x00000801, uint8, N labels), raw or gzip: one class id 0..255 per
// image of the images file it belongs to (core/io/labels.hpp pairs them). Refuses, like read_idx,
// a bad header, no labels, more than kMaxPatterns, missing or trailing bytes.
std::vector<int> read_idx_labels(std::string_view bytes, const std::string& source);

// The writers' output reads back to the same patterns. They throw std::invalid_argument for a
// malformed pattern or patterns of different sizes; a line break in a name is written as a
// space. An empty list gives an empty string (which no reader accepts: no patterns).
std::string write_text_patterns(const std::vector<Pattern>& patterns);
// Plain (P1) or raw (P4) PBM, several images one after the other, each name in a header
// comment "# name: ...". Black (1) is +1.
std::string write_pbm(const std::vector<Pattern>& patterns, bool raw);

// Inflates gzip data, every member of a concatenation in turn; throws PatternFileError naming
// the source on corrupt or truncated input, trailing bytes, or output over
// kMaxDecompressedBytes (checked while inflating, before the output is allocated).
std::string gunzip(std::string_view bytes, const std::string& source);

// `s` without the text formats' blanks (space, tab and CR, so a CRLF file reads as an LF one)
// at either end: the pattern files' names and the class-names files' (labels.hpp) alike.
std::string_view trim_blanks(std::string_view s);

}  // namespace hopfield
