#include "python/arrays.hpp"

#include <cmath>
#include <cstring>
#include <sstream>

namespace hopfield::python {
namespace {

std::string shape_text(const py::array& a) {
  std::string out = "(";
  for (py::ssize_t d = 0; d < a.ndim(); ++d) out += (d ? ", " : "") + std::to_string(a.shape(d));
  return out + (a.ndim() == 1 ? ",)" : ")");
}

std::string number_text(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

// The array of `obj` (lists too), its dtype kind checked.
py::array as_numeric_array(py::handle obj, const std::string& what) {
  py::array a = py::array::ensure(obj);
  if (!a) throw py::value_error(what + " must be a NumPy array (or a list) of +1/-1 values");
  const char kind = a.dtype().kind();
  if (kind != 'b' && kind != 'i' && kind != 'u' && kind != 'f')
    throw py::value_error(what +
                          " must hold +1/-1 values of an integer, float or bool dtype, not " +
                          std::string(py::str(a.dtype())));
  return a;
}

// The values as doubles, bool True/False as +1/-1.
py::array_t<double> as_doubles(const py::array& a) {
  if (a.dtype().kind() == 'b') {
    py::array_t<bool, py::array::c_style | py::array::forcecast> b(a);
    py::array_t<double> d(b.request().shape);
    const bool* in = b.data();
    double* out = d.mutable_data();
    for (py::ssize_t i = 0; i < b.size(); ++i) out[i] = in[i] ? 1.0 : -1.0;
    return d;
  }
  return py::array_t<double, py::array::c_style | py::array::forcecast>(a);
}

void copy_spins(const py::array& a, const std::string& what, Spin* out, py::ssize_t cols) {
  if (a.dtype().kind() == 'i' && a.itemsize() == 1) {  // int8: no conversion
    py::array_t<std::int8_t, py::array::c_style | py::array::forcecast> c(a);
    std::memcpy(out, c.data(), static_cast<std::size_t>(c.size()));
    for (py::ssize_t i = 0; i < c.size(); ++i)
      if (out[i] != 1 && out[i] != -1) {
        const std::string where =
            cols > 0 && a.ndim() == 2
                ? "[" + std::to_string(i / cols) + ", " + std::to_string(i % cols) + "]"
                : std::to_string(i);
        throw py::value_error(what + " must hold only +1 and -1 (or booleans), found " +
                              std::to_string(out[i]) + " at index " + where);
      }
    return;
  }
  const py::array_t<double> d = as_doubles(a);
  const double* v = d.data();
  for (py::ssize_t i = 0; i < d.size(); ++i) {
    if (v[i] != 1.0 && v[i] != -1.0) {
      const std::string where =
          a.ndim() == 2 ? "[" + std::to_string(i / cols) + ", " + std::to_string(i % cols) + "]"
                        : std::to_string(i);
      throw py::value_error(what + " must hold only +1 and -1 (or booleans), found " +
                            number_text(v[i]) + " at index " + where);
    }
    out[i] = v[i] > 0 ? 1 : -1;
  }
}

void check_length(py::ssize_t length, int n, const std::string& what) {
  if (n >= 0 && length != n)
    throw py::value_error(what + " has " + std::to_string(length) + " values; the network has " +
                          std::to_string(n) + " neurons");
  if (length < 1) throw py::value_error(what + " is empty");
}

}  // namespace

SpinVector spins_in(py::handle obj, const std::string& what, int n) {
  const py::array a = as_numeric_array(obj, what);
  if (a.ndim() != 1)
    throw py::value_error(what + " must be one pattern of shape (N,), not an array of shape " +
                          shape_text(a));
  check_length(a.shape(0), n, what);
  SpinVector s(a.shape(0));
  copy_spins(a, what, s.data(), a.shape(0));
  return s;
}

PatternMatrix patterns_in(py::handle obj, const std::string& what, int n) {
  const py::array a = as_numeric_array(obj, what);
  if (a.ndim() != 1 && a.ndim() != 2)
    throw py::value_error(what + " must have shape (N,) or (P, N), not " + shape_text(a));
  const py::ssize_t p = a.ndim() == 2 ? a.shape(0) : 1, cols = a.shape(a.ndim() - 1);
  if (p < 1) throw py::value_error(what + " holds no patterns (shape " + shape_text(a) + ")");
  check_length(cols, n, what);
  PatternMatrix m(cols, p);  // column-major N x P: the memory of a C-ordered (P, N) array
  copy_spins(a, what, m.data(), cols);
  return m;
}

bool holds_real_values(py::handle obj) {
  py::array a = py::array::ensure(obj);
  if (!a || a.dtype().kind() != 'f') return false;
  const py::array_t<double> d = as_doubles(a);
  for (py::ssize_t i = 0; i < d.size(); ++i)
    if (d.data()[i] != 1.0 && d.data()[i] != -1.0) return true;
  return false;
}

std::vector<double> values_in(py::handle obj, const std::string& what, int n) {
  const py::array a = as_numeric_array(obj, what);
  if (a.ndim() != 1)
    throw py::value_error(what + " must be one state of shape (N,), not an array of shape " +
                          shape_text(a));
  check_length(a.shape(0), n, what);
  const py::array_t<double> d = as_doubles(a);
  std::vector<double> v(d.data(), d.data() + d.size());
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!(v[i] >= -1.0 && v[i] <= 1.0))
      throw py::value_error(what + " must hold values in [-1, 1], found " + number_text(v[i]) +
                            " at index " + std::to_string(i));
  return v;
}

py::array_t<std::int8_t> spins_out(const SpinVector& s) {
  return py::array_t<std::int8_t>(static_cast<py::ssize_t>(s.size()), s.data());
}

py::array_t<std::int8_t> patterns_out(const PatternMatrix& m) {
  return py::array_t<std::int8_t>(
      {static_cast<py::ssize_t>(m.cols()), static_cast<py::ssize_t>(m.rows())}, m.data());
}

py::array_t<double> rows_out(const std::vector<std::vector<double>>& rows, std::size_t cols) {
  if (!rows.empty()) cols = rows.front().size();
  py::array_t<double> out({static_cast<py::ssize_t>(rows.size()), static_cast<py::ssize_t>(cols)});
  double* p = out.mutable_data();
  for (const auto& row : rows) p = std::copy(row.begin(), row.end(), p);
  return out;
}

}  // namespace hopfield::python
