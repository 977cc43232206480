// NumPy arrays in and out of the core, checked at the door: +-1 patterns of any integer, float
// or bool dtype (True is +1), shape (N,) or (P, N). A bad array raises ValueError naming the
// argument and what was expected, before the core sees it.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "core/pattern.hpp"

namespace hopfield::python {

namespace py = pybind11;

// One pattern (shape (N,)) of `n` neurons (any n when n < 0).
SpinVector spins_in(py::handle array, const std::string& what, int n = -1);
// Several patterns, shape (P, N) or (N,) for one, as the N x P matrix the core stores
// (column mu: pattern mu). At least one pattern; N equal to `n` when n >= 0.
PatternMatrix patterns_in(py::handle array, const std::string& what, int n = -1);
// A probe for a real-valued model: values in [-1, 1], shape (N,).
std::vector<double> values_in(py::handle array, const std::string& what, int n);
// Whether `array` is a float array holding a value other than +-1 (a real-valued probe).
bool holds_real_values(py::handle array);

// int8 arrays out: one pattern (N,), or the N x P matrix as (P, N).
py::array_t<std::int8_t> spins_out(const SpinVector& s);
py::array_t<std::int8_t> patterns_out(const PatternMatrix& columns);
template <class T>
py::array_t<T> vector_out(const std::vector<T>& v) {
  return py::array_t<T>(static_cast<py::ssize_t>(v.size()), v.data());
}
// Rows of equal length as a 2-D array (rows x cols); `cols` when there are no rows.
py::array_t<double> rows_out(const std::vector<std::vector<double>>& rows, std::size_t cols);

}  // namespace hopfield::python
