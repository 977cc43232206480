// The parts of the module hopfield_lab._core, one function per file that adds its names.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

namespace hopfield::python {

namespace py = pybind11;

void bind_network(py::module_& m);      // network.cpp: Network, Recall, corrupt
void bind_files(py::module_& m);        // files.cpp: load_patterns, load_image, save_patterns
void bind_experiments(py::module_& m);  // experiments.cpp: run_experiment, merge_shards
void bind_session_link(py::module_& m);  // session_link.cpp: encode_session, decode_session (share links)

}  // namespace hopfield::python
