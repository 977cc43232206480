#include "app/state/lessons.hpp"

#include <stdexcept>

namespace hlab {
namespace {

hopfield::LabSettings defaults(hopfield::UpdateMode mode = hopfield::UpdateMode::async_random) {
  hopfield::LabSettings s;
  s.dynamics.mode = mode;
  s.dynamics.seed = 1;
  return s;
}

void setup(App& app, const std::string& id) {
  app.set_grid_size(16, 16);
  if (id == "recall") {
    app.set_settings(defaults());
    letters_with_noisy_first(app, "ABC", 0.1);
  } else if (id == "overload") {
    app.set_settings(defaults());
    letters_with_noisy_first(app, "ABCDEFGH", 0.1);
  } else if (id == "two-cycles") {
    app.set_settings(defaults(hopfield::UpdateMode::synchronous));
    app.load_builtin("classic", true, "checkerboard, stripes-horizontal, stripes-vertical");
    app.set_probe(hopfield::SpinVector::Ones(app.lab().size()));
    app.select(0);
  } else if (id == "temperature") {
    hopfield::LabSettings s = defaults();
    s.dynamics.temperature = 0.5;
    s.dynamics.max_sweeps = 40;
    app.set_settings(s);
    letters_with_noisy_first(app, "ADY", 0.1);
  } else if (id == "unlearning") {
    app.set_settings(defaults());
    letters_with_noisy_first(app, "ABCE", 0.05);
  } else if (id == "weights") {
    app.set_settings(defaults());
    letters_with_noisy_first(app, "A", 0.1);
  } else if (id == "pruning") {
    app.set_settings(defaults());
    letters_with_noisy_first(app, "ADY", 0.1);
  } else if (id == "dense") {
    hopfield::LabSettings s = defaults();
    s.model.model = hopfield::Model::dense;
    s.model.interaction = {hopfield::InteractionKind::poly, 4};
    app.set_settings(s);
    letters_with_noisy_first(app, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 0.1);
  } else if (id == "sequence") {
    hopfield::LabSettings s = defaults(hopfield::UpdateMode::synchronous);
    s.model.sequence = true;
    s.dynamics.max_sweeps = 12;
    app.set_settings(s);
    app.load_builtin("letters", true, "ABC");
    app.probe_from_pattern(0);
  }
}

}  // namespace

void letters_with_noisy_first(App& app, const char* pick, double flip) {
  app.load_builtin("letters", true, pick);
  hopfield::CorruptionRequest c;
  c.amount = flip;
  c.seed = app.lab().settings().dynamics.seed;
  app.corrupt(c, 0);
  app.select(0);
}

namespace {
// The panels a lesson's steps use.
constexpr std::uint32_t kEditor = panel_bit(PanelId::editor), kLibrary = panel_bit(PanelId::library),
                        kRecall = panel_bit(PanelId::recall), kPlots = panel_bit(PanelId::plots),
                        kNetwork = panel_bit(PanelId::network), kWeights = panel_bit(PanelId::weights),
                        kExperiments = panel_bit(PanelId::experiments);
}  // namespace

const std::vector<Lesson>& lessons() {
  static const std::vector<Lesson> all = {
      {"recall", "1. Store three letters and recall one",
       "A, B and C are stored with the Hebbian rule, and the probe is A with 10% of its pixels "
       "flipped. Press Run{ (or Space)}, or Step to go one sweep at a time.",
       "The energy falls with every flip and never rises; the Hamming distance to A reaches 0 "
       "and the network stops at a fixed point. Try 30% noise in the Recall panel.",
       false, kRecall | kPlots},
      {"overload", "2. Overload the network",
       "Eight letters A-H are stored and a noisy A is the probe. Press Run.",
       "Recall fails far below the famous 0.138 N (35 patterns here): that figure is for random "
       "patterns, whose overlaps are about 1/sqrt(N). Letters share strokes (overlaps up to 0.6), "
       "so their crosstalk adds up and the state ends in a mixture (see the overlaps in Plots). "
       "Delete letters from the library until A is recalled again.",
       false, kRecall | kPlots | kLibrary},
      {"two-cycles", "3. Synchronous updates and 2-cycles",
       "A checkerboard and two stripe patterns are stored; the probe is all +1 and every neuron "
       "updates at once (synchronous). Press Run.",
       "The overlap with each stored pattern is 0, so each neuron sees only the missing "
       "self-coupling and all of them flip together, back and forth: a 2-cycle, not a fixed "
       "point, at an energy that never falls. Set the update to asynchronous in Network and "
       "Run again: one neuron at a time, the energy must fall, and it ends at a fixed point.",
       false, kRecall | kPlots | kNetwork},
      {"temperature", "4. Temperature",
       "A, D and Y (letters that overlap little, so they behave like random patterns) are "
       "stored and the dynamics are Glauber's at T = 0.5, in units where the critical "
       "temperature of a lightly loaded network is 1. Press Run.",
       "At T = 0.5 the state stays near A, with a few pixels flickering (Hamming never quite "
       "0). Set T to 1.5 in Network and run again: above T = 1 the memory melts into noise.",
       false, kRecall | kPlots | kNetwork},
      {"unlearning", "5. Unlearning a pattern",
       "A, B, C and E are stored; the probe is A with 5% noise. Press Run: E's crosstalk "
       "pulls A into a spurious state.",
       "Now select E in the library, press Delete (the Hebbian rule subtracts E's outer product "
       "exactly) and Run again: with E unlearned, A is recalled. Hopfield, Feinstein and Palmer "
       "(1983) proposed unlearning spurious states the same way.",
       false, kRecall | kPlots | kLibrary},
      {"weights", "6. The weights as a picture",
       "Only A is stored. The Weights panel shows W = xi xi^T / scale: +1 where two pixels agree, "
       "-1 where they differ. Hover a pixel of the recall state to see its votes.",
       "Store another letter (draw it or load it) and watch W become the sum of two such "
       "pictures: the Weights panel's votes show each pattern's share of a neuron's field.",
       false, kEditor | kLibrary | kRecall | kWeights},
      {"pruning", "7. Pruning the weights",
       "A, D and Y are stored. The Experiments window opens on the pruning study: recall "
       "performance as a growing fraction of the weights is removed, at random or smallest "
       "first. Press Run there.",
       "Random pruning costs little until most weights are gone: the memory is spread over all "
       "of W. The spectrum section shows what pruning does to W's eigenvalues.",
       true, kExperiments},
      {"dense", "8. A dense memory holds the whole alphabet",
       "All 26 letters are stored, which the classic network cannot hold (it fails even on a "
       "clean A), and the model is the dense associative memory, E = -sum_mu (xi^mu . s)^4. "
       "The probe is A with 10% noise. Press Run.",
       "A comes back exactly: raising the overlaps to the 4th power lets the pattern nearest the "
       "state outvote all the others together. In Network set the degree n to 2 (that is the "
       "classic network) and Run again: the state falls into the same spurious mixture as the "
       "classic network. With n = 3 it fails too: it ends two pixels from E, not on A.",
       false, kRecall | kNetwork},
      {"sequence", "9. A sequence instead of a memory",
       "A, B and C are stored with the sequence rule W = sum xi^(mu+1) xi^mu^T (A leads to B, B to "
       "C, C back to A) and synchronous updates; the probe is A. Press Run.",
       "The state walks A, B, C and back to A: each step maps one letter to the next, and the "
       "overlap plot shows a staircase. The energy is not drawn: with an asymmetric W it is no "
       "Lyapunov function. The run never settles on a state; it stops when the state comes back "
       "to A, a cycle of 3 states.",
       false, kRecall | kPlots},
  };
  return all;
}

const Lesson* find_lesson(const std::string& id) {
  for (const Lesson& l : lessons())
    if (id == l.id) return &l;
  return nullptr;
}

void start_lesson(App& app, ViewState& view, const std::string& id) {
  const Lesson* lesson = find_lesson(id);
  if (!lesson) {
    std::string known;
    for (const Lesson& l : lessons()) known += (known.empty() ? "" : ", ") + std::string(l.id);
    throw std::invalid_argument("no lesson '" + id + "' (lessons: " + known + ")");
  }
  setup(app, id);
  app.clear_notices();
  show_lesson(view, *lesson);
}

void show_lesson(ViewState& view, const Lesson& lesson) {
  view.set_hint(std::string(lesson.title) + ": " + lesson.text);
  view.set_lesson(lesson.id);
}

}  // namespace hlab
