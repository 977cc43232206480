// libFuzzer harness: the page's URL query (and the desktop's flags), parsed and applied to a
// fresh App. Any input must give warnings, never a crash or an uncaught exception, and leave
// an App that still works (a recall step, a state read).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "app/state/startup.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);
  hlab::App app;
  hlab::ViewState view;
  const std::vector<std::string> warnings = hlab::apply_startup(
      app, view, hlab::parse_startup(hlab::parse_query(query), app.lab().settings()));
  const hopfield::Lab& lab = app.lab();
  if (lab.state().size() != lab.size()) std::abort();
  app.step_sweeps(1);
  return warnings.size() > 1000 ? 1 : 0;
}
