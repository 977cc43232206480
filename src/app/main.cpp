// hopfield-lab: the desktop program and (compiled with Emscripten) the web page.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/platform.hpp"
#include "app/startup.hpp"

namespace {

const char* const kUsage =
    "usage: hopfield-lab [--size 16|28|WxH] [--set letters|digits|classic]\n"
    "                    [--rule hebbian|storkey|pseudoinverse] [--scale none|n|p]\n"
    "                    [--mode sync|async|sequential] [--tie keep|plus|minus] [--seed S]\n"
    "                    [--temperature T] [--max-sweeps K] [--demo FLIP_FRACTION]\n"
    "                    [--smoke-frames N [--screenshot FILE.png]]\n";

}  // namespace

int main(int argc, char** argv) {
  hlab::platform::Config config;
  std::vector<hlab::Param> params;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (arg.rfind("--", 0) != 0 || i + 1 >= argc) {
      std::fprintf(stderr, "hopfield-lab: unexpected argument '%s'\n%s", arg.c_str(), kUsage);
      return 2;
    }
    const std::string value = argv[++i];
    if (arg == "--smoke-frames") {
      config.smoke_frames = std::atoi(value.c_str());
      if (config.smoke_frames < 1) {
        std::fprintf(stderr, "hopfield-lab: --smoke-frames needs a positive count\n");
        return 2;
      }
    } else if (arg == "--screenshot") {
      config.screenshot = value;
    } else {
      params.emplace_back(arg.substr(2), value);
    }
  }
  hlab::App& app = hlab::the_app();
  for (const std::string& w : hlab::apply_startup(app, params))  // also shown in the app
    std::fprintf(stderr, "hopfield-lab: %s\n", w.c_str());
  return hlab::platform::run(config, [&app] { app.frame(); });
}
