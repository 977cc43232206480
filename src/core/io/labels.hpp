// Classes of a labelled IDX image set: the labels file beside the images (the MNIST
// convention: X-images-idx3-ubyte[.gz] and X-labels-idx1-ubyte[.gz], one label per image) and
// a class-names file, which name each pattern "<class name> #k" (k: its index in the file) and
// let users pick patterns by class ("sea horse", "Sneaker", "3").
//
// Class-names file (P-classnames.txt, UTF-8), one class per line, in one of two forms:
//   T-shirt/top          <- NAME: line k (from 0) names label k
//   83<TAB>sea horse     <- LABEL<TAB>NAME: names label 0..255 (the Caltech 101 file's form)
// Names are trimmed; blank lines may only end the file; CR and a byte order mark are ignored.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/pattern.hpp"

namespace hopfield {

// Index: a label; the class's name, or "" for a label the file does not name.
using ClassNames = std::vector<std::string>;

// Reads a class-names file; throws PatternFileError naming the source and line (a blank or
// duplicate entry, a label over 255, forms mixed, more than 256 lines).
ClassNames read_class_names(std::string_view text, const std::string& source);

// The classes of a loaded set: a label per pattern and, when a names file was found, names.
struct PatternClasses {
  std::vector<int> labels;  // labels[k]: the class of pattern k, as in the labels file
  ClassNames names;         // empty: classes are known by their label number ("3")

  // The class's name, or its label in decimal when it has none.
  std::string class_name(int label) const;
  // Every class a selection may name: the named labels, or without names every label present.
  std::vector<int> known_labels() const;
};

// Names pattern k "<class name> #k" and returns the classes. Throws PatternFileError naming
// labels_source when the label count differs from the pattern count (giving both), or when
// `names` is not empty and lacks a name for a label present (naming names_source).
PatternClasses name_by_class(std::vector<Pattern>& patterns, std::vector<int> labels,
                             ClassNames names, const std::string& labels_source,
                             const std::string& names_source = {});

// Indices, ascending, of the patterns whose class is one of `wanted` (exact names, ASCII case
// ignored; without names, the label numbers). Throws std::invalid_argument for a name that is
// no class, listing a few classes that are (those with its first letter first).
std::vector<int> select_by_class(const PatternClasses& classes,
                                 const std::vector<std::string>& wanted);

// "sea horse, headphone" as {"sea horse", "headphone"}: split at commas, each item trimmed.
// Throws std::invalid_argument naming `what` for an empty list or item.
std::vector<std::string> parse_class_list(const std::string& text, std::string_view what);

// The files beside an images file that hold its classes.
struct CompanionFiles {
  std::string labels;       // DIR/X-labels-idx1-ubyte[.gz], compressed like the images
  std::string class_names;  // DIR/P-classnames.txt
};
// For DIR/X-images-idx3-ubyte[.gz]: P is X without a trailing "-<digits>" (the size, as in
// caltech101-silhouettes-16 or mnist-28), else X. Pure: looks at the path only. Other names:
// nullopt.
std::optional<CompanionFiles> companion_files(const std::string& images_path);

struct LabelledPatterns {
  std::vector<Pattern> patterns;
  std::optional<PatternClasses> classes;  // when a labels file is beside the images
};
// load_patterns, then the classes from the companion files that exist (a names file without a
// labels file is ignored). A companion that exists but is malformed throws PatternFileError.
LabelledPatterns load_labelled_patterns(const std::string& path, int idx_threshold = 128);

}  // namespace hopfield
