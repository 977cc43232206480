#include "app/state/datasets.hpp"

#include <stdexcept>

namespace hlab {

DataSetFiles dataset_files(const std::string& name, int width, int height) {
  bool known = false;
  std::string names;
  for (const DataSet& d : kDataSets) {
    known = known || name == d.name;
    names += (names.empty() ? "" : " or ") + std::string(d.name);
  }
  if (!known) throw std::invalid_argument("data set name must be " + names + ", not '" + name + "'");
  DataSetFiles f;
  f.stem = name + "-" + (width == 16 && height == 16 ? "16" : "28");
  f.images = f.stem + "-images-idx3-ubyte.gz";
  f.labels = f.stem + "-labels-idx1-ubyte.gz";
  f.class_names = name + "-classnames.txt";
  return f;
}

}  // namespace hlab
