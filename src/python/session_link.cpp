// The page's share-link state (#state=..., core/io/session_link.hpp) for Python: the one encoder
// and decoder the page and the app use, fed with NumPy arrays and the settings as the core's
// (key, text) pairs (core/settings.hpp reads them). hopfield_lab/jupyter.py builds show(),
// Network.share_link and from_share_link on these two functions.
#include "core/io/session_link.hpp"
#include "core/settings.hpp"
#include "python/arrays.hpp"
#include "python/bindings.hpp"

#include <pybind11/stl.h>

namespace hopfield::python {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

std::string encode(int width, int height, py::handle patterns, const std::vector<std::string>& names,
                   py::handle probe, std::optional<int> probe_source, const Pairs& settings,
                   std::uint32_t panels) {
  if (width < 1 || height < 1)
    throw py::value_error("size must be (width, height) of at least 1 x 1, not " +
                          std::to_string(width) + " x " + std::to_string(height));
  const int n = width * height;
  Session s;
  s.width = width;
  s.height = height;
  apply_settings(s.settings, settings);  // throws ValueError naming a bad setting
  if (!patterns.is_none()) {
    const PatternMatrix x = patterns_in(patterns, "patterns", n);
    if (!names.empty() && names.size() != static_cast<std::size_t>(x.cols()))
      throw py::value_error("names: " + std::to_string(names.size()) + " names for " +
                            std::to_string(x.cols()) + " patterns");
    for (Eigen::Index k = 0; k < x.cols(); ++k)
      s.patterns.push_back(Pattern{width, height,
                                   names.empty() ? std::to_string(k) : names[static_cast<std::size_t>(k)],
                                   x.col(k)});
  }
  if (!probe.is_none()) s.probe = spins_in(probe, "probe", n);
  if (probe_source) {
    if (!s.probe) throw py::value_error("target: a target needs a probe");
    if (*probe_source < 0 || *probe_source >= static_cast<int>(s.patterns.size()))
      throw py::value_error("target: pattern " + std::to_string(*probe_source) + " does not exist (" +
                            std::to_string(s.patterns.size()) + " stored)");
    s.probe_source = probe_source;
  }
  s.panels = panels;
  return encode_session(s);
}

py::dict decode(const std::string& text) {
  Session s;
  try {
    s = decode_session(text);
  } catch (const SessionLinkError& e) {
    throw py::value_error(e.what());
  }
  py::dict out;
  out["width"] = s.width;
  out["height"] = s.height;
  PatternMatrix x(s.width * s.height, static_cast<Eigen::Index>(s.patterns.size()));
  py::list names;
  for (std::size_t k = 0; k < s.patterns.size(); ++k) {
    x.col(static_cast<Eigen::Index>(k)) = s.patterns[k].spins;
    names.append(s.patterns[k].name);
  }
  out["patterns"] = patterns_out(x);
  out["names"] = names;
  out["probe"] = s.probe ? py::object(spins_out(*s.probe)) : py::object(py::none());
  out["probe_source"] = s.probe_source ? py::object(py::int_(*s.probe_source)) : py::object(py::none());
  out["selected"] = s.selected;
  out["panels"] = s.panels;
  Pairs settings;
  for (std::string_view key : {"rule", "scale"}) settings.emplace_back(key, setting_text(s.settings, key));
  for (std::string_view key : kDynamicsKeys)
    if (key != "rule" && key != "scale") settings.emplace_back(key, setting_text(s.settings, key));
  for (auto& pair : model_parameters(s.settings.model)) settings.push_back(std::move(pair));
  out["settings"] = settings;
  return out;
}

}  // namespace

void bind_session_link(py::module_& m) {
  m.def("encode_session", &encode, py::arg("width"), py::arg("height"), py::arg("patterns"),
        py::arg("names"), py::arg("probe"), py::arg("probe_source"), py::arg("settings"),
        py::arg("panels"));
  m.def("decode_session", &decode, py::arg("text"));
}

}  // namespace hopfield::python
