// The data sets the build prepares (scripts/prepare-datasets.mjs DIR): which there are and
// what their files are called. The one place that names them; the desktop host reads them
// from a folder, the web page fetches them from data/ beside it.
#pragma once

#include <string>
#include <vector>

namespace hlab {

struct DataSet {
  const char* name;   // "mnist": setOptions' and loadDataset's name
  const char* label;  // "MNIST digits": the Library panel's
  const char* classes_hint;     // an example of its classes, for a text field
  const char* classes_tooltip;  // all of them
};
inline constexpr DataSet kDataSets[] = {
    {"mnist", "MNIST digits", "classes: 3, 7", "Digits to load, e.g. 0, 1, 7 (blank: all ten)"},
    {"fashion-mnist", "Fashion-MNIST", "classes: Bag, Sneaker",
     "Classes to load: T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, "
     "Ankle boot (blank: all)"}};

// The files of data set `name` at a grid of width x height (16x16 uses the 16 px images,
// anything else the 28 px ones), relative to the data folder.
struct DataSetFiles {
  std::string stem;         // "mnist-28": the name of the set in messages
  std::string images;       // "mnist-28-images-idx3-ubyte.gz"
  std::string labels;       // "mnist-28-labels-idx1-ubyte.gz"
  std::string class_names;  // "mnist-classnames.txt"
};
// Throws std::invalid_argument naming the known sets for an unknown name.
DataSetFiles dataset_files(const std::string& name, int width, int height);

}  // namespace hlab
