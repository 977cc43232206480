// Start-up parameters, shared by the desktop command line (--size 28) and the web page's
// URL (?size=28&set=letters&rule=storkey&mode=sync&seed=3): parsed into StartupOptions, then
// applied through App's commands. A bad value is skipped with a warning (its default stays);
// the rest still apply.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/state/app.hpp"
#include "app/platform/platform.hpp"
#include "app/state/view_state.hpp"

namespace hlab {

using Param = std::pair<std::string, std::string>;

// Every start-up parameter, as the URL (?name=value) and the desktop (--name value, words
// joined by '-': maxSweeps is --max-sweeps) take it: the one list that --help, the message for
// an unknown parameter and the README show. parse_startup reads each.
struct StartupParameter {
  std::string_view name;
  std::string_view values;
  std::string_view what;
};
inline constexpr StartupParameter kStartupParameters[] = {
    {"size", "16|28|WxH", "grid size (sides 1..128)"},
    {"set", "letters|digits|classic[:WHICH]", "a built-in set, or only those typed (letters:ABC)"},
    {"start", "welcome|empty", "what a page with nothing else set up starts with"},
    {"lesson", "recall|overload|two-cycles|temperature|unlearning|weights|pruning|dense|sequence",
     "a guided lesson"},
    {"theme", "dark|light|projector", "the look"},
    {"demo", "FRACTION", "probe = pattern 0 with that fraction flipped, recalled at once"},
    {"probe", "K[:flip|mask|saltpepper:AMOUNT|:invert]", "start from stored pattern K"},
    {"autorun", "off|on|SECONDS", "when the recall starts"},
    {"rule", "hebbian|storkey|pseudoinverse", "learning rule"},
    {"scale", "none|n|p", "Hebbian scale"},
    {"mode", "sync|async|sequential", "update mode"},
    {"tie", "keep|plus|minus", "what a neuron does at h = 0"},
    {"seed", "S", "random seed, 0..2^64-1"},
    {"temperature", "T", "Glauber temperature (classic and sparse models)"},
    {"maxSweeps", "M", "most sweeps a recall runs, 1..1000000"},
    {"model", "classic|dense|modern|sparse|continuous", "memory model"},
    {"interaction", "poly:N|rectpoly:N|exp", "dense model's F"},
    {"beta", "B", "modern model's inverse temperature"},
    {"activity", "A", "sparse model's activity"},
    {"threshold", "THETA", "sparse model's threshold"},
    {"dream", "COUNT:EPS", "unlearning (classic)"},
    {"clip", "A", "forgetting by bounded weights (classic)"},
    {"decay", "LAMBDA", "forgetting by decay (classic)"},
    {"dilute", "C[:asymmetric]", "dilution (classic)"},
    {"sequence", "on|off", "the sequence rule (classic)"},
    {"symmetric", "LAMBDA", "the sequence rule's symmetric part"},
    {"gain", "LAMBDA", "continuous model's gain"},
    {"gainFunction", "tanh|arctan", "continuous model's g"},
    {"dt", "D", "continuous model's RK4 step"},
    {"tau", "T", "continuous model's time constant"},
    {"panels", "editor,library,recall,plots,network,weights,experiments", "only those panels"},
    {"embed", "0|1", "a compact frame for iframes"},
    {"state", "TEXT", "a whole session, as a share link carries it"},
    {"redraw", "changes|full", "draw only what changed, or every frame whole"},
    {"plots", "auto|image|triangles", "how plot lines are drawn"},
};
// The desktop program's --help: every parameter above as --flag VALUES, and its own options.
std::string desktop_usage();

// Splits "?a=1&b=x%20y" into pairs (percent-decoding names and values).
std::vector<Param> parse_query(const std::string& query);

struct StartupOptions {
  std::optional<std::pair<int, int>> size;  // width, height
  std::optional<std::string> set;           // a built-in family, loaded after the size
  std::string set_pick;                     // set=letters:ABC -> "ABC" (pick_patterns)
  std::optional<std::string> lesson;        // lesson=ID (lessons.hpp), before the state
  // A page opened with nothing that sets up the library (no size, set, demo, probe, a state
  // that restores, or start=empty) starts with the welcome session (apply_welcome).
  bool welcome = true;
  std::optional<double> demo;               // probe = pattern 0 with this fraction flipped
  // probe=K[:KIND:AMOUNT]: stored pattern K, corrupted (flip, mask, saltpepper: a fraction;
  // invert), seeded by the seed parameter.
  struct Probe {
    int pattern = 0;
    std::optional<hopfield::CorruptionRequest> corruption;
  };
  std::optional<Probe> probe;
  // autorun=off|on|SECONDS: recall waits for Run, starts at once, or after a delay. Without
  // it, demo= runs before the first frame as it always did.
  std::optional<double> autorun;  // seconds; < 0 for off
  std::optional<std::uint32_t> panels;      // panels=editor,library,... (PanelId names)
  bool embed = false;                       // embed=1
  std::optional<Theme> theme;               // theme=dark|light|projector
  hopfield::LabSettings settings;           // the defaults, with the parameters given
  bool settings_given = false;
  bool full_redraw = false;                 // redraw=full
  platform::PlotLines plot_lines = platform::PlotLines::Auto;
  // A whole session (state=, from a share link's #state= or the autosave); applied last, so
  // it wins over the other parameters.
  std::optional<std::string> state;
  std::string state_origin = "the link";    // what the state came from, for messages
  std::vector<std::string> warnings;        // one per parameter ignored
};

// Checks every parameter on its own (names, types, ranges); `defaults` are the settings the
// parameters modify.
StartupOptions parse_startup(const std::vector<Param>& params,
                             const hopfield::LabSettings& defaults = {});

// Applies size, then the network settings, then the set, then the demo run, through App's
// commands, and what the page shows (panels, embed, theme, the hint) to `view`; a failure
// there is one more warning. Every warning is also shown in the app. Returns all the warnings.
std::vector<std::string> apply_startup(App& app, ViewState& view, StartupOptions options);

// The demo recall runs before the first frame for at most this many multiply-adds, counted
// at a sweep's worst case (demo_sweeps_before_first_frame); a longer one (a high temperature
// and a huge sweep limit, a synchronous run on a dense W) goes on animated instead of holding
// up the page. About 20-50 ms natively.
inline constexpr long long kDemoWorkBeforeFirstFrame = 50'000'000;
int demo_sweeps_before_first_frame(const hopfield::Lab& lab);

// The first visit: three letters that recall (A, B, C at the current size), a noisy A ready
// as the probe (10% of its pixels flipped, seeded), and a hint saying what to press.
void apply_welcome(App& app, ViewState& view);
inline constexpr const char* kWelcomeLetters = "ABC";
inline constexpr double kWelcomeFlip = 0.1;

}  // namespace hlab
