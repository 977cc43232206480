// hopfield_lab._core: the core (src/core) for Python, thin: arrays and errors converted, the
// core called. The package around it (hopfield_lab/__init__.py) adds keywords, pandas, tqdm
// and the docstrings users read.
#include "python/bindings.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "The C++ core of hopfield_lab (use the hopfield_lab package, not this module).";
  hopfield::python::bind_network(m);
  hopfield::python::bind_files(m);
  hopfield::python::bind_experiments(m);
  hopfield::python::bind_session_link(m);
}
