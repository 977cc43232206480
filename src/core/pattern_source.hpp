// Where the stored patterns and the recall's input come from: a pattern file (text, PBM, IDX
// raw or gzip, a labelled IDX set picked by class) or an image made into one pattern, with a
// selection of indices. One reader for `hopfield-cli recall --patterns/--input` and the Python
// module's load_patterns, so both load the same patterns and refuse a file with the same
// message. Messages name the arguments as `names` spells them (the CLI's flags by default).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/image_import.hpp"
#include "core/pattern.hpp"

namespace hopfield {

// How an error message names each argument.
struct PatternSourceNames {
  std::string patterns = "--patterns";
  std::string input = "--input";
  std::string select = "--select";
  std::string classes = "--class";
  std::string size = "--size WxH";  // "give its grid size with --size WxH"
};

struct PatternSource {
  std::string path;
  // Index ranges into the file (parse_index_ranges), checked against its size before they
  // are expanded; empty = all.
  std::vector<std::pair<long long, long long>> select;
  // Names of the classes of a labelled IDX set to keep, in file order (empty = all).
  std::vector<std::string> classes;
  // For an image file: its grid (required) and how it is thresholded.
  std::optional<std::pair<int, int>> image_size;
  ImageImportOptions image;
};

// The stored patterns of `source`, its selection applied. `images` counts the image files read
// (0 or 1). Throws PatternFileError (unreadable or malformed file, exit 1 in the CLI) or
// std::invalid_argument (a selection or class the file does not have, an image without a size).
std::vector<Pattern> load_stored_patterns(const PatternSource& source, int& images,
                                          const PatternSourceNames& names = {});
// The patterns of an input file (the recall's probe is the first), an image made into one
// pattern of `size`. Throws as load_stored_patterns.
std::vector<Pattern> load_input_patterns(const std::string& path, std::pair<int, int> size,
                                         const ImageImportOptions& image, int& images,
                                         const PatternSourceNames& names = {});

}  // namespace hopfield
