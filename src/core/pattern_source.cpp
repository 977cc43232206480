#include "core/pattern_source.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include "core/labels.hpp"
#include "core/parse.hpp"
#include "core/pattern_io.hpp"

namespace hopfield {
namespace {

// The file's patterns of the chosen classes (all without a choice), in file order.
std::vector<Pattern> class_patterns(const PatternSource& s, const PatternSourceNames& names) {
  LabelledPatterns set = load_labelled_patterns(s.path);
  if (s.classes.empty()) return std::move(set.patterns);
  if (!set.classes) {
    const std::optional<CompanionFiles> files = companion_files(s.path);
    throw std::invalid_argument(
        names.classes + " needs class labels: " +
        (files ? "there is no " + files->labels + " beside " + s.path
               : s.path + " is not an IDX file named " +
                     "X-images-idx3-ubyte[.gz] with X-labels-idx1-ubyte[.gz] beside it"));
  }
  std::vector<int> chosen;
  try {
    chosen = select_by_class(*set.classes, s.classes);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(names.classes + ": " + e.what());
  }
  if (chosen.empty())
    throw std::invalid_argument(names.classes + ": " + s.path + " holds no patterns of " +
                                (s.classes.size() == 1 ? "that class" : "those classes"));
  std::vector<Pattern> patterns;
  for (const int k : chosen)
    patterns.push_back(std::move(set.patterns[static_cast<std::size_t>(k)]));
  return patterns;
}

std::ifstream open(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw PatternFileError("cannot open " + path + ": " + std::strerror(errno));
  return file;
}

// An image's bytes as one pattern of `size`.
std::vector<Pattern> image_pattern(const std::string& bytes, const std::string& path,
                                   const std::string& flag, std::optional<std::pair<int, int>> size,
                                   const ImageImportOptions& image, int& images,
                                   const PatternSourceNames& names) {
  if (!size)
    throw std::invalid_argument(flag + " " + path + " is an image: give its grid size with " +
                                names.size);
  ++images;
  return {import_image(bytes, size->first, size->second, image, path)};
}

}  // namespace

std::vector<Pattern> load_stored_patterns(const PatternSource& s, int& images,
                                          const PatternSourceNames& names) {
  std::vector<Pattern> all;
  {
    std::ifstream file = open(s.path);
    // A pattern file keeps its classes (a labelled IDX set, read by class_patterns, which
    // finds the labels beside the file); the first bytes decide.
    char head[16] = {};
    file.read(head, sizeof head);
    if (!looks_like_image(std::string_view(head, static_cast<std::size_t>(file.gcount())))) {
      all = class_patterns(s, names);
    } else {
      if (!s.classes.empty())
        throw std::invalid_argument(names.classes + " needs a labelled IDX set, and " + s.path +
                                    " is an image");
      file.clear();
      file.seekg(0);
      const std::string bytes = read_bytes(file, s.path);
      all = looks_like_image(bytes)
                ? image_pattern(bytes, s.path, names.patterns, s.image_size, s.image, images, names)
                : read_patterns(bytes, s.path);
    }
  }
  if (s.select.empty()) return all;
  // Ranges are checked against the file before they are expanded.
  const std::string holds =
      s.classes.empty() ? s.path + " holds only " : names.classes + " chose only ";
  for (const auto& range : s.select)
    if (range.second >= static_cast<long long>(all.size()))
      throw std::invalid_argument(names.select + " " + std::to_string(range.second) + ": " + holds +
                                  std::to_string(all.size()) + " patterns");
  std::vector<Pattern> chosen;
  for (int i : expand_index_ranges(s.select, names.select, static_cast<long long>(all.size())))
    chosen.push_back(all[static_cast<std::size_t>(i)]);
  return chosen;
}

std::vector<Pattern> load_input_patterns(const std::string& path, std::pair<int, int> size,
                                         const ImageImportOptions& image, int& images,
                                         const PatternSourceNames& names) {
  std::ifstream file = open(path);
  const std::string bytes = read_bytes(file, path);
  if (!looks_like_image(bytes)) return read_patterns(bytes, path);
  return image_pattern(bytes, path, names.input, size, image, images, names);
}

}  // namespace hopfield
