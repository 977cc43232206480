// Plot benchmark: the app's three recall plots (Hamming distance, energy, and the overlaps
// with 20 stored patterns) as the web page draws them on a machine without a GPU, each line
// rasterised on the CPU (hplot::LineCanvas) into one image per plot. Prints figures, asserts
// nothing. Same source natively and under node (wasm).
//
//   hopfield_bench_plot [--quick] [--json]
//
// The data imitate a recall at a small temperature, 35 sweeps a frame (a 28x28 recall running
// flat out in the browser): a distance that drops and then jitters, an energy that falls and
// settles, one overlap near 1 and nineteen that hover near 0. Every frame appends to each
// series, so every plot is drawn again, as at full speed.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "app/hplot/hplot.hpp"
#include "app/panels/recall_plots.hpp"
#include "imgui_context.hpp"  // tests/app

using Clock = std::chrono::steady_clock;

namespace {

// Stands in for the platform's uploader: keeps a copy of the pixels (as it does, to skip
// re-sending an unchanged image) and hands out a texture id.
std::vector<std::uint32_t> g_uploaded;
ImTextureID upload(int w, int h, const std::uint32_t* rgba) {
  g_uploaded.assign(rgba, rgba + static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
  return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1));
}

// Appends one sweep of made-up data to each series of the plots.
struct Recall {
  static constexpr int kPatterns = 20;
  std::mt19937 rng{7};
  std::normal_distribution<double> noise{0.0, 1.0};
  hlab::TracePlots plots;
  std::vector<std::string> names;
  int sweeps = 0;

  Recall() {
    plots.overlaps.resize(kPatterns);
    for (int mu = 0; mu < kPatterns; ++mu) names.push_back("pattern " + std::to_string(mu));
  }

  void sweep() {
    const double settle = std::exp(-sweeps / 20.0);
    plots.hamming.Append(std::max(0.0, std::round(150.0 * settle + 3.0 * std::fabs(noise(rng)))));
    plots.energy.Append(-3.0e5 * (1.0 - 0.5 * settle) + 200.0 * noise(rng));
    for (int mu = 0; mu < kPatterns; ++mu)
      plots.overlaps[static_cast<std::size_t>(mu)].Append(mu == 0 ? 1.0 - 0.4 * settle - 0.01 * std::fabs(noise(rng))
                                                                  : 0.036 * noise(rng));
    ++sweeps;
  }
};

// One frame of the Plots panel's plots, laid out as the app does (430 px wide column).
void frame(Recall& r) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60.0f;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(410, 540));
  ImGui::SetNextWindowSize(ImVec2(445, 260));
  ImGui::Begin("Plots", nullptr, ImGuiWindowFlags_NoDecoration);
  hlab::draw_recall_plots(r.plots, r.names, "to nearest");
  ImGui::End();
  ImGui::Render();
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false, json = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) quick = true;
    else if (std::strcmp(argv[i], "--json") == 0) json = true;
    else {
      std::fprintf(stderr, "usage: hopfield_bench_plot [--quick] [--json]\n");
      return 2;
    }
  }
  const HeadlessImGui imgui;

  if (!json)
    std::printf("Recall plots, 20 overlap series, 35 sweeps appended per frame; ms per frame\n"
                "(median of 60-frame batches) at points in a run\n\n"
                "%-34s %14s %14s\n", "", "CPU lines", "GPU triangles");
  const int batches = quick ? 3 : 7;
  const int frames = 60;
  for (const int at : {2000, 20000, 200000}) {  // sweeps already run: 1 s, 10 s, 100 s
    double ms[2] = {0, 0};
    for (int mode = 0; mode < 2; ++mode) {
      hplot::SetImageUploader(mode == 0 ? upload : nullptr);
      Recall r;
      for (int k = 0; k < at; ++k) r.sweep();
      for (int k = 0; k < 10; ++k) frame(r);  // warm-up: buffers, and V8's optimising tier
      std::vector<double> t;
      for (int b = 0; b < batches; ++b) {
        const auto start = Clock::now();
        for (int f = 0; f < frames; ++f) {
          for (int k = 0; k < 35; ++k) r.sweep();
          frame(r);
        }
        t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count() / frames);
      }
      std::nth_element(t.begin(), t.begin() + batches / 2, t.end());
      ms[mode] = t[static_cast<std::size_t>(batches / 2)];
    }
    const std::string name = "plots frame after " + std::to_string(at) + " sweeps";
    if (json) {
      std::printf("{\"name\":\"%s, CPU lines\",\"value\":%.6g,\"unit\":\"ms\"}\n", name.c_str(), ms[0]);
      std::printf("{\"name\":\"%s, GPU triangles\",\"value\":%.6g,\"unit\":\"ms\"}\n", name.c_str(), ms[1]);
    } else {
      std::printf("%-34s %14.3f %14.3f\n", name.c_str(), ms[0], ms[1]);
    }
  }
  if (!json)
    std::printf("\n(GPU triangles: building the ImDrawList only; the GPU's work is not counted.)\n");
  return 0;
}
