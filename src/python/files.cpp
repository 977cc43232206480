// Pattern files and images for Python: the core's readers (core/pattern_source.hpp, the one
// behind hopfield-cli recall --patterns) and writers, arrays out.

#include "core/image_import.hpp"
#include "core/labels.hpp"
#include "core/parse.hpp"
#include "core/pattern_io.hpp"
#include "core/pattern_source.hpp"
#include "core/settings.hpp"
#include "python/arrays.hpp"
#include "python/bindings.hpp"

namespace hopfield::python {
namespace {

// How messages name the Python arguments.
PatternSourceNames python_names() {
  return {"load_patterns", "probe", "select", "classes", "size=(width, height)"};
}

ImageImportOptions image_options(const std::string& threshold, const std::string& fit,
                                 bool invert) {
  ImageImportOptions o;
  o.threshold = parse_image_threshold(threshold);
  o.fit = parse_image_fit(fit);
  o.invert = invert;
  return o;
}

std::optional<std::pair<int, int>> size_of(const std::optional<std::string>& size) {
  if (!size) return std::nullopt;
  const GridSize g = parse_grid_size(*size, "size");
  return std::pair{g.width, g.height};
}

py::tuple load_patterns(const std::string& path, const std::optional<std::string>& select,
                        const std::vector<std::string>& classes,
                        const std::optional<std::string>& size, const std::string& threshold,
                        const std::string& fit, bool invert) {
  PatternSource source{path, {}, classes, size_of(size), image_options(threshold, fit, invert)};
  if (select) source.select = parse_index_ranges(*select, "select");
  std::vector<Pattern> patterns;
  {
    py::gil_scoped_release release;
    int images = 0;
    patterns = load_stored_patterns(source, images, python_names());
  }
  const Pattern& first = patterns.front();
  PatternMatrix all(first.size(), static_cast<Eigen::Index>(patterns.size()));
  std::vector<std::string> names;
  for (std::size_t k = 0; k < patterns.size(); ++k) {
    all.col(static_cast<Eigen::Index>(k)) = patterns[k].spins;
    names.push_back(patterns[k].name);
  }
  return py::make_tuple(patterns_out(all), names, first.width, first.height);
}

py::object load_image(const py::bytes& data, const std::string& source, const std::string& size,
                      const std::string& threshold, const std::string& fit, bool invert,
                      bool grey) {
  const GridSize g = parse_grid_size(size, "size");
  const ImageImportOptions o = image_options(threshold, fit, invert);
  const std::string bytes = data;
  if (grey) return vector_out(import_grey_levels(bytes, g.width, g.height, o, source));
  return spins_out(import_image(bytes, g.width, g.height, o, source).spins);
}

py::bytes write_patterns(py::handle x, const std::vector<std::string>& names, int width,
                         const std::string& format) {
  const PatternMatrix m = patterns_in(x, "X");
  if (width < 1 || m.rows() % width != 0)
    throw py::value_error("size: the width " + std::to_string(width) +
                          " does not divide N = " + std::to_string(m.rows()));
  std::vector<Pattern> patterns;
  for (Eigen::Index k = 0; k < m.cols(); ++k) {
    Pattern p;
    p.width = width;
    p.height = static_cast<int>(m.rows() / width);
    p.spins = m.col(k);
    if (static_cast<std::size_t>(k) < names.size()) p.name = names[static_cast<std::size_t>(k)];
    patterns.push_back(std::move(p));
  }
  if (format == "text") return py::bytes(write_text_patterns(patterns));
  if (format == "pbm" || format == "pbm-raw")
    return py::bytes(write_pbm(patterns, format == "pbm-raw"));
  throw py::value_error("format must be text, pbm or pbm-raw, not '" + format + "'");
}

}  // namespace

void bind_files(py::module_& m) {
  m.def("load_patterns", &load_patterns);
  m.def("load_image", &load_image);
  m.def("write_patterns", &write_patterns);
  m.def("parse_class_list", [](const std::string& text, const std::string& what) {
    return parse_class_list(text, what);
  });
  py::register_exception<PatternFileError>(m, "PatternFileError", PyExc_ValueError);
}

}  // namespace hopfield::python
