// Class labels and names of IDX image sets (labels.hpp).
#include "core/io/labels.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "core/io/pattern_io.hpp"

namespace hopfield {
namespace {

// IDX labels are bytes, so a names file names at most labels 0..255.
constexpr int kMaxLabel = 255;

[[noreturn]] void fail_at_line(const std::string& source, int line, const std::string& what) {
  throw PatternFileError(source + " line " + std::to_string(line) + ": " + what);
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

// Length of the common start of a and b, ASCII case ignored.
std::size_t common_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && lower(a[n]) == lower(b[n])) ++n;
  return n;
}

// "LABEL<TAB>NAME": the label's digits and the name, or nullopt for a plain NAME line.
std::optional<std::pair<std::string_view, std::string_view>> split_labelled(std::string_view line) {
  const std::size_t tab = line.find('\t');
  if (tab == std::string_view::npos || !is_digits(line.substr(0, tab))) return std::nullopt;
  return std::make_pair(line.substr(0, tab), line.substr(tab + 1));
}

bool exists(const std::string& path) {
  std::error_code ignored;
  return std::filesystem::exists(path, ignored);
}

}  // namespace

ClassNames read_class_names(std::string_view text, const std::string& source) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte order mark
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  while (!lines.empty() && trim_blanks(lines.back()).empty()) lines.pop_back();
  if (lines.empty()) throw PatternFileError(source + ": file holds no class names");
  const bool labelled = split_labelled(lines.front()).has_value();
  if (!labelled && lines.size() > kMaxLabel + 1)
    fail_at_line(source, kMaxLabel + 2,
                 "more than " + std::to_string(kMaxLabel + 1) +
                     " class names: labels are bytes, 0.." + std::to_string(kMaxLabel));
  ClassNames names;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const int number = static_cast<int>(k) + 1;
    const auto parts = split_labelled(lines[k]);
    if (parts.has_value() != labelled)
      fail_at_line(source, number,
                   labelled ? "expected LABEL<TAB>NAME, as on line 1"
                            : "a LABEL<TAB>NAME line in a file of plain names (line 1 has none)");
    std::size_t label = k;
    std::string_view name = trim_blanks(lines[k]);
    if (parts) {
      const std::string_view digits = parts->first;
      label = 0;
      for (const char c : digits)
        label = std::min<std::size_t>(label * 10 + (c - '0'), kMaxLabel + 1);
      if (label > kMaxLabel)
        fail_at_line(source, number,
                     "label " + std::string(digits) + " is out of range: labels are bytes, 0.." +
                         std::to_string(kMaxLabel));
      name = trim_blanks(parts->second);
    }
    if (name.empty())
      fail_at_line(source, number, "class " + std::to_string(label) + " has no name");
    if (label >= names.size()) names.resize(label + 1);
    if (!names[label].empty())
      fail_at_line(source, number,
                   "label " + std::to_string(label) + " is named twice ('" + names[label] +
                       "' and '" + std::string(name) + "')");
    names[label] = std::string(name);
  }
  return names;
}

std::string PatternClasses::class_name(int label) const {
  if (label >= 0 && label < static_cast<int>(names.size()) && !names[label].empty())
    return names[label];
  return std::to_string(label);
}

std::vector<int> PatternClasses::known_labels() const {
  std::vector<int> known;
  if (!names.empty()) {
    for (std::size_t label = 0; label < names.size(); ++label)
      if (!names[label].empty()) known.push_back(static_cast<int>(label));
    return known;
  }
  std::vector<bool> present(kMaxLabel + 1, false);
  for (const int label : labels)
    if (label >= 0 && label <= kMaxLabel) present[label] = true;
  for (int label = 0; label <= kMaxLabel; ++label)
    if (present[label]) known.push_back(label);
  return known;
}

PatternClasses name_by_class(std::vector<Pattern>& patterns, std::vector<int> labels,
                             ClassNames names, const std::string& labels_source,
                             const std::string& names_source) {
  if (labels.size() != patterns.size())
    throw PatternFileError(labels_source + ": holds " + std::to_string(labels.size()) +
                           " labels for " + std::to_string(patterns.size()) +
                           " images: a labels file has one label per image");
  PatternClasses classes{std::move(labels), std::move(names)};
  constexpr std::size_t kLabelsHeader = 8;  // labels[k] is at this byte offset plus k
  for (std::size_t k = 0; k < classes.labels.size() && !classes.names.empty(); ++k) {
    const int label = classes.labels[k];
    if (label < 0 || label >= static_cast<int>(classes.names.size()) ||
        classes.names[label].empty())
      throw PatternFileError(labels_source + " byte " + std::to_string(kLabelsHeader + k) +
                             ": label " + std::to_string(label) + " of image " + std::to_string(k) +
                             " has no class name in " + names_source);
  }
  for (std::size_t k = 0; k < patterns.size(); ++k)
    patterns[k].name = classes.class_name(classes.labels[k]) + " #" + std::to_string(k);
  return classes;
}

std::vector<int> select_by_class(const PatternClasses& classes,
                                 const std::vector<std::string>& wanted) {
  const std::vector<int> known = classes.known_labels();
  std::vector<bool> chosen(kMaxLabel + 1, false);
  for (const std::string& name : wanted) {
    bool found = false;
    for (const int label : known)
      if (same_ignoring_case(classes.class_name(label), name)) chosen[label] = found = true;
    if (found) continue;
    // A few classes to try instead: those that start most like it, then in label order.
    std::vector<int> hints = known;
    std::stable_sort(hints.begin(), hints.end(), [&](int a, int b) {
      return common_prefix(classes.class_name(a), name) >
             common_prefix(classes.class_name(b), name);
    });
    constexpr std::size_t kHints = 5;
    std::string listed;
    for (std::size_t i = 0; i < std::min(kHints, hints.size()); ++i)
      listed += (i ? ", '" : "'") + classes.class_name(hints[i]) + "'";
    if (hints.size() > kHints) listed += ", ... (" + std::to_string(hints.size()) + " in all)";
    throw std::invalid_argument("unknown class '" + name + "': classes are " + listed);
  }
  std::vector<int> indices;
  for (std::size_t k = 0; k < classes.labels.size(); ++k) {
    const int label = classes.labels[k];
    if (label >= 0 && label <= kMaxLabel && chosen[label]) indices.push_back(static_cast<int>(k));
  }
  return indices;
}

std::vector<std::string> parse_class_list(const std::string& text, std::string_view what) {
  std::vector<std::string> items;
  for (std::size_t start = 0;;) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view item = trim_blanks(std::string_view(text).substr(start, comma - start));
    if (item.empty())
      throw std::invalid_argument(std::string(what) + " expects class names separated by commas, " +
                                  "got '" + text + "'");
    items.emplace_back(item);
    if (comma == text.size()) return items;
    start = comma + 1;
  }
}

std::optional<CompanionFiles> companion_files(const std::string& images_path) {
  const std::size_t slash = images_path.find_last_of('/');
  const std::size_t base = slash == std::string::npos ? 0 : slash + 1;
  const std::string_view name = std::string_view(images_path).substr(base);
  constexpr std::string_view kImages = "-images-idx3-ubyte";
  constexpr std::string_view kGz = ".gz";
  const bool gz = name.size() >= kGz.size() && name.substr(name.size() - kGz.size()) == kGz;
  const std::string_view stem = gz ? name.substr(0, name.size() - kGz.size()) : name;
  if (stem.size() <= kImages.size() || stem.substr(stem.size() - kImages.size()) != kImages)
    return std::nullopt;
  const std::string_view set = stem.substr(0, stem.size() - kImages.size());
  // The names are shared by every size of a set: drop a trailing "-16".
  std::string_view family = set;
  const std::size_t dash = set.find_last_of('-');
  if (dash != std::string_view::npos && dash > 0 && is_digits(set.substr(dash + 1)))
    family = set.substr(0, dash);
  const std::string dir = images_path.substr(0, base);
  return CompanionFiles{dir + std::string(set) + "-labels-idx1-ubyte" + (gz ? ".gz" : ""),
                        dir + std::string(family) + "-classnames.txt"};
}

LabelledPatterns load_labelled_patterns(const std::string& path, int idx_threshold) {
  LabelledPatterns out{load_patterns(path, idx_threshold), std::nullopt};
  const std::optional<CompanionFiles> files = companion_files(path);
  if (!files || !exists(files->labels)) return out;
  std::vector<int> labels = read_idx_labels(load_bytes(files->labels), files->labels);
  ClassNames names;
  if (exists(files->class_names))
    names = read_class_names(load_bytes(files->class_names), files->class_names);
  out.classes = name_by_class(out.patterns, std::move(labels), std::move(names), files->labels,
                              files->class_names);
  return out;
}

}  // namespace hopfield
