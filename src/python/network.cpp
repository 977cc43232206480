// The network and its recall as Python sees them (hopfield_lab._core.Network and .Recall): the
// core's Network, the settings it was made with (core/settings.hpp reads every setting from
// text), and a recall that runs with the GIL released and stops on Ctrl+C.
#include <chrono>

#include "core/corruption.hpp"
#include "core/pruning.hpp"
#include "core/report.hpp"
#include "python/arrays.hpp"
#include "python/bindings.hpp"

namespace hopfield::python {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct PyNetwork {
  PyNetwork(int n, const LabSettings& s) : net(n, s.rule, s.scale), settings(s) {}
  Network net;
  LabSettings settings;  // rule, scale and model; the dynamics come with each recall
  // Recalls running on it with the GIL released (changed only with the GIL held): while
  // one runs, nothing may change the network under it.
  int running = 0;
  void check_idle() const {
    if (running > 0)
      throw std::runtime_error(
          "the network is being recalled in another thread: change it "
          "when that recall has finished");
  }
};

// Counts a recall as running for its lifetime (made and destroyed with the GIL held).
class Running {
 public:
  explicit Running(int& count) : count_(count) { ++count_; }
  ~Running() { --count_; }
  Running(const Running&) = delete;
  Running& operator=(const Running&) = delete;

 private:
  int& count_;
};

struct PyRecall {
  RecallResult result;
  RecallContext context;
};

LabSettings settings_of(const Pairs& given) {
  LabSettings s;
  apply_settings(s, given);
  return s;
}

// The settings in the network's rule, scale and model, refusing every other key.
void check_network_keys(const Pairs& given) {
  for (const auto& [key, text] : given)
    if (key != "rule" && key != "scale" && !is_model_key(key))
      throw py::value_error("'" + key +
                            "' is not a setting of the network (rule, scale, model "
                            "and the model's parameters)");
}

std::unique_ptr<PyNetwork> make_network(int n, const Pairs& given) {
  check_network_keys(given);
  const LabSettings s = settings_of(given);
  auto p = std::make_unique<PyNetwork>(n, s);
  p->net.set_model(s.model);
  return p;
}

// As hopfield-cli recall builds it: the rule's network, every pattern learnt at once, then
// the model.
std::unique_ptr<PyNetwork> from_patterns(py::handle x, const Pairs& given) {
  check_network_keys(given);
  const LabSettings s = settings_of(given);
  const PatternMatrix all = patterns_in(x, "X");
  auto p = std::make_unique<PyNetwork>(static_cast<int>(all.rows()), s);
  p->net.store_all(all);
  p->net.set_model(s.model);
  return p;
}

// Runs to the end a sweep at a time with the GIL released, looking for Ctrl+C (a pending
// signal) every 50 ms: the same steps as Recall::run, so the same result bit for bit.
void run_interruptibly(Recall& run) {
  using clock = std::chrono::steady_clock;
  py::gil_scoped_release release;
  auto last = clock::now();
  while (!run.finished()) {
    run.step_sweep();
    const auto now = clock::now();
    if (now - last < std::chrono::milliseconds(50)) continue;
    last = now;
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
  }
}

std::optional<SpinVector> target_of(const Network& net, py::handle target) {
  if (target.is_none()) return std::nullopt;
  if (py::isinstance<py::int_>(target)) {
    const long long k = target.cast<long long>();
    if (k < 0 || k >= net.pattern_count())
      throw py::value_error("target " + std::to_string(k) + ": only " +
                            std::to_string(net.pattern_count()) + " patterns are stored");
    return net.pattern(static_cast<int>(k));
  }
  return spins_in(target, "target", net.size());
}

PyRecall recall(PyNetwork& p, py::handle probe, const Pairs& dynamics, py::handle target) {
  for (const auto& [key, text] : dynamics)
    if (key == "rule" || key == "scale" || is_model_key(key))
      throw py::value_error("'" + key + "' is a setting of the network, not of a recall");
  PyRecall out;
  out.context.settings = p.settings;
  apply_settings(out.context.settings, dynamics);
  const DynamicsOptions& options = out.context.settings.dynamics;
  const Network& net = p.net;
  std::optional<SpinVector> goal = target_of(net, target);
  std::optional<Recall> run;
  if (real_valued(p.settings.model.model) && holds_real_values(probe))
    run.emplace(net, values_in(probe, "probe", net.size()), options, std::move(goal));
  else
    run.emplace(net, spins_in(probe, "probe", net.size()), options, std::move(goal));
  out.context.initial = run->state();  // a real-valued probe: the sign the model starts from
  // The network's lazy parts (the patterns in 16 bits, a dense W) were built by the Recall's
  // constructor under the GIL: while it runs, the run only reads.
  Running running(p.running);
  run_interruptibly(*run);
  out.result = recall_result(*run);
  out.context.width = net.size();
  out.context.height = 1;
  out.context.names.assign(static_cast<std::size_t>(net.pattern_count()), "");
  return out;
}

// The core's own time for `repeats` recalls of `probe` (bench/bench_python.py compares a
// recall through Python with it): Recall built and run, in C++ only.
double core_recall_seconds(const PyNetwork& p, py::handle probe, const Pairs& dynamics,
                           int repeats) {
  LabSettings s = p.settings;
  apply_settings(s, dynamics);
  const SpinVector x = spins_in(probe, "probe", p.net.size());
  py::gil_scoped_release release;
  const auto start = std::chrono::steady_clock::now();
  for (int k = 0; k < repeats; ++k) {
    Recall run(p.net, x, s.dynamics);
    run.run();
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

py::object weights(const PyNetwork& p) {
  const Model m = p.net.model().model;
  if (m == Model::dense || m == Model::modern) return py::none();
  const Eigen::MatrixXf& raw = p.net.raw_weights();  // column j: the weights W_ij out of j
  const auto n = static_cast<py::ssize_t>(p.net.size());
  py::array_t<double> w({n, n});
  using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  Eigen::Map<RowMajor>(w.mutable_data(), n, n) = raw.cast<double>() * p.net.weight_scale();
  py::detail::array_proxy(w.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return w;
}

py::dict prune(PyNetwork& p, const std::string& request, const std::string& seed) {
  p.check_idle();
  const PruneReport r = apply_prune(p.net, parse_prune_request(request), parse_seed(seed));
  py::dict d;
  d["removed"] = r.removed;
  d["candidates"] = r.candidates;
  d["zeros"] = r.zeros;
  d["sparsity"] = r.sparsity();
  return d;
}

void unlearn(PyNetwork& p, py::handle x) {
  p.check_idle();
  if (py::isinstance<py::int_>(x)) {
    const long long k = x.cast<long long>();
    if (k < 0 || k >= p.net.pattern_count())
      throw py::value_error("unlearn(" + std::to_string(k) + "): only " +
                            std::to_string(p.net.pattern_count()) + " patterns are stored");
    p.net.remove(static_cast<int>(k));
    return;
  }
  const SpinVector s = spins_in(x, "x", p.net.size());
  for (int mu = 0; mu < p.net.pattern_count(); ++mu)
    if (p.net.patterns().col(mu) == s) {
      p.net.remove(mu);
      return;
    }
  throw py::value_error("x is not a stored pattern (unlearn forgets a stored one)");
}

py::array_t<std::int8_t> corrupt(py::handle x, const std::string& kind, double amount,
                                 const std::string& seed, int mask_value, int width,
                                 std::array<int, 4> rect) {
  const SpinVector s = spins_in(x, "x");
  CorruptionRequest r;
  r.kind = parse_corruption(kind);
  r.amount = amount;
  if (mask_value != 1 && mask_value != -1)
    throw py::value_error("mask_value must be +1 or -1, not " + std::to_string(mask_value));
  r.value = static_cast<Spin>(mask_value);
  r.seed = parse_seed(seed);
  r.x = rect[0], r.y = rect[1], r.w = rect[2], r.h = rect[3];
  if (r.kind == CorruptionKind::rectangle && (width < 1 || s.size() % width != 0))
    throw py::value_error(
        "rect needs the grid's width (width=W dividing N = " + std::to_string(s.size()) + ")");
  return spins_out(apply_corruption(s, width, r));
}

}  // namespace

void bind_network(py::module_& m) {
  py::class_<PyRecall>(m, "Recall")
      .def_property_readonly("state", [](const PyRecall& r) { return spins_out(r.result.state); })
      .def_property_readonly("initial",
                             [](const PyRecall& r) { return spins_out(r.context.initial); })
      .def_property_readonly("outcome",
                             [](const PyRecall& r) { return to_string(r.result.outcome); })
      .def_property_readonly("sweeps", [](const PyRecall& r) { return r.result.sweeps; })
      .def_property_readonly(
          "converged", [](const PyRecall& r) { return r.result.outcome == Outcome::fixed_point; })
      .def_property_readonly("cycle_length",
                             [](const PyRecall& r) { return r.result.cycle_length; })
      .def_property_readonly("energy",
                             [](const PyRecall& r) { return vector_out(r.result.trace.energy); })
      .def_property_readonly("hamming",
                             [](const PyRecall& r) { return vector_out(r.result.trace.hamming); })
      .def_property_readonly("flips",
                             [](const PyRecall& r) { return vector_out(r.result.trace.flips); })
      .def_property_readonly("overlaps",
                             [](const PyRecall& r) {
                               return rows_out(r.result.trace.overlaps, r.context.names.size());
                             })
      .def_property_readonly("state_values",
                             [](const PyRecall& r) -> py::object {
                               if (r.result.state_values.empty()) return py::none();
                               return vector_out(r.result.state_values);
                             })
      .def_property_readonly("attention",
                             [](const PyRecall& r) -> py::object {
                               if (r.result.attention.empty()) return py::none();
                               return rows_out(r.result.attention, r.context.names.size());
                             })
      .def("json", [](const PyRecall& r) { return recall_json(r.context, r.result); });

  py::class_<PyNetwork>(m, "Network")
      .def(py::init(&make_network), py::arg("n"), py::arg("settings"))
      .def_static("from_patterns", &from_patterns, py::arg("x"), py::arg("settings"))
      .def("store",
           [](PyNetwork& p, py::handle x) {
             p.check_idle();
             p.net.store_all(patterns_in(x, "X", p.net.size()));
           })
      .def("unlearn", &unlearn)
      .def_property_readonly("patterns",
                             [](const PyNetwork& p) { return patterns_out(p.net.patterns()); })
      .def_property_readonly("n", [](const PyNetwork& p) { return p.net.size(); })
      .def_property_readonly("p", [](const PyNetwork& p) { return p.net.pattern_count(); })
      .def_property_readonly("weights", &weights)
      .def_property_readonly("bias",
                             [](const PyNetwork& p) {
                               const Eigen::VectorXd& b = p.net.bias();
                               return py::array_t<double>(b.size(), b.data());
                             })
      .def("set_bias",
           [](PyNetwork& p,
              const py::array_t<double, py::array::c_style | py::array::forcecast>& b) {
             if (b.ndim() != 1)
               throw py::value_error("bias must have shape (N,), not a " +
                                     std::to_string(b.ndim()) + "-D array");
             p.check_idle();
             p.net.set_bias(Eigen::Map<const Eigen::VectorXd>(b.data(), b.shape(0)));
           })
      .def("energy", [](const PyNetwork& p,
                        py::handle s) { return p.net.energy(spins_in(s, "s", p.net.size())); })
      .def("field",
           [](const PyNetwork& p, py::handle s) {
             const Eigen::VectorXd h = p.net.local_fields(spins_in(s, "s", p.net.size()));
             return py::array_t<double>(h.size(), h.data());
           })
      .def("prune", &prune)
      .def("recall", &recall, py::arg("probe"), py::arg("dynamics"), py::arg("target"))
      .def("core_recall_seconds", &core_recall_seconds)
      .def("setting",
           [](const PyNetwork& p, const std::string& key) { return setting_text(p.settings, key); })
      .def_property_readonly("description",
                             [](const PyNetwork& p) { return describe(p.net.model()); });

  m.def("corrupt", &corrupt);
  m.def("model_keys", [] {
    std::vector<std::string> keys;
    for (std::string_view k : kModelKeys) keys.emplace_back(k);
    return keys;
  });
  m.def("model_keys_for", [](const std::string& model) {
    std::vector<std::string> keys;
    for (std::string_view k : model_keys_for(parse_model(model))) keys.emplace_back(k);
    return keys;
  });
}

}  // namespace hopfield::python
