// hopfield-lab: the desktop program and (compiled with Emscripten) the web page.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/platform.hpp"
#include "app/plot.hpp"
#include "app/startup.hpp"

namespace {

const char* const kUsage =
    "usage: hopfield-lab [--size 16|28|WxH] [--set letters|digits|classic]\n"
    "                    [--rule hebbian|storkey|pseudoinverse] [--scale none|n|p]\n"
    "                    [--mode sync|async|sequential] [--tie keep|plus|minus] [--seed S]\n"
    "                    [--temperature T] [--max-sweeps K] [--demo FLIP_FRACTION]\n"
    "                    [--plots auto|image|triangles]\n"
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
  bool first_frame = true;
  return hlab::platform::run(config, [&app, &first_frame] {
    if (first_frame) {  // the GL context exists now
      first_frame = false;
      // A software rasteriser (SwiftShader in headless or GPU-less browsers, llvmpipe) pays per
      // triangle: there plot lines are drawn on the CPU, one image per plot, at most 1.5 ms of
      // it a frame (a plot's new image may take a few frames; the old one shows meanwhile).
      // A GPU draws the triangles for free, so elsewhere they stay ImDrawList polylines.
      if (hlab::platform::plot_lines_as_images()) {  // (or as the URL / --plots asks)
        hplot::SetImageUploader(hlab::platform::frame_image);
        hplot::SetRasterBudget(1.5);
      }
    }
    app.frame();
  });
}
