#include "app/app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdarg>
#include <chrono>
#include <exception>

#include "app/builtin_patterns.hpp"
#include "app/panels.hpp"
#include "app/platform.hpp"

namespace hlab {
namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

App& the_app() {
  static App app;
  return app;
}

App::App() : lab(16, 16) {
  recall.corruption.amount = 0.2;
  recall.corruption.seed = 1;
}

void App::info(std::string text) {
  notices.push_back({std::move(text), false, ImGui::GetCurrentContext() ? ImGui::GetTime() + 6 : 6});
}

void App::error(std::string text) { notices.push_back({std::move(text), true, 0.0}); }

bool App::attempt(const std::function<void()>& action, const std::string& context) {
  try {
    action();
    return true;
  } catch (const std::exception& e) {
    error(context.empty() ? e.what() : context + ": " + e.what());
  }
  return false;
}

bool App::load_builtin(const std::string& family, bool replace) {
  const BuiltinFile* file = find_builtin(family, lab.width(), lab.height());
  if (!file) {
    error("There is no built-in '" + family + "' set at " + std::to_string(lab.width()) + "x" +
          std::to_string(lab.height()) + ": the sets come at 16x16 and 28x28.");
    return false;
  }
  const bool ok = attempt([&] { lab.load_pattern_bytes(file->text, std::string(file->stem) + ".txt", replace); },
                          "Loading " + std::string(file->stem));
  if (ok) {
    info("Loaded " + std::string(file->stem) + ": " + std::to_string(lab.pattern_count()) +
         " patterns stored.");
    selected = lab.pattern_count() > 0 ? 0 : -1;
    recall.running = false;
  }
  return ok;
}

void App::change_grid_size(int width, int height) {
  const int forgotten = lab.pattern_count();
  const hopfield::Rule rule = lab.settings().rule;
  if (!attempt([&] { lab.set_grid_size(width, height); }, "Grid size")) return;
  selected = -1;
  recall.running = false;
  std::string text = "Grid is now " + std::to_string(width) + "x" + std::to_string(height) + " (" +
                     std::to_string(width * height) + " neurons).";
  if (forgotten > 0)
    text += " The " + std::to_string(forgotten) +
            " stored patterns were forgotten: the network has a fixed number of neurons.";
  if (lab.settings().rule != rule)
    text += " The rule is now Hebbian: " + hopfield::to_string(rule) +
            " needs a dense weight matrix, at most 4096 neurons.";
  info(text);
}

void App::advance_recall(float dt) {
  if (!recall.running) {
    budget_timing_ = false;
    return;
  }
  // The first frame of a run follows an idle stretch of any length: not a frame to judge.
  if (budget_timing_) frame_budget_.update(static_cast<double>(dt) * 1000.0);
  budget_timing_ = true;
  if (lab.finished()) {
    recall.running = false;
    return;
  }
  const Clock::time_point start = Clock::now();
  const auto elapsed_ms = [&] { return milliseconds_since(start); };
  recall_budget_ms_ = std::max(kMinRecallMs, frame_budget_.ms() - ui_ms_ - platform::last_draw_ms());
  const double budget_ms = recall_budget_ms_;
  recall.budget_bound = false;
  if (recall.fastest || recall.flat_out) {
    while (!lab.finished() && elapsed_ms() < budget_ms) lab.step_sweeps(1);
    recall.budget_bound = !lab.finished();
  } else {
    recall.budget += static_cast<double>(dt) * recall.speed;
    // A slow frame must not make the page stall trying to catch up.
    recall.budget = std::min(recall.budget, static_cast<double>(recall.speed) * 0.25 + 1.0);
    while (recall.budget >= 1.0 && !lab.finished()) {
      if (recall.per_neuron) lab.step_neuron();
      else lab.step_sweeps(1);
      recall.budget -= 1.0;
      if (elapsed_ms() >= budget_ms) {  // the speed asked for more than a frame can do
        recall.budget_bound = recall.budget >= 1.0;
        recall.budget = std::min(recall.budget, 1.0);
        break;
      }
    }
  }
  if (lab.finished()) recall.running = false;
}

void App::draw_notices() {
  const double now = ImGui::GetTime();
  notices.erase(std::remove_if(notices.begin(), notices.end(),
                               [&](const Notice& n) { return n.until > 0 && n.until < now; }),
                notices.end());
  if (notices.size() > 4) notices.erase(notices.begin(), notices.end() - 4);
  for (std::size_t k = 0; k < notices.size(); ++k) {
    const Notice& n = notices[k];
    ImGui::PushID(static_cast<int>(k));
    ImGui::PushStyleColor(ImGuiCol_Text, n.error ? IM_COL32(255, 120, 110, 255)
                                                 : IM_COL32(150, 220, 150, 255));
    ImGui::TextWrapped("%s %s", n.error ? "Error:" : "", n.text.c_str());
    ImGui::PopStyleColor();
    if (n.error) {
      ImGui::SameLine();
      if (ImGui::SmallButton("dismiss")) {
        notices.erase(notices.begin() + static_cast<std::ptrdiff_t>(k));
        ImGui::PopID();
        break;
      }
    }
    ImGui::PopID();
  }
}

void text_disabled_wrapped(const char* fmt, ...) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  va_list args;
  va_start(args, fmt);
  ImGui::TextWrappedV(fmt, args);
  va_end(args);
  ImGui::PopStyleColor();
}

void same_line_if_fits(float width) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine();
}

static void section(const char* title, void (*panel)(App&), App& app) {
  if (ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::PushID(title);
    panel(app);
    ImGui::PopID();
    ImGui::Spacing();
  }
}

void App::frame() {
  ++frames;
  const Clock::time_point ui_start = Clock::now();
  recall.hovered_neuron = -1;
  if (!ImGui::GetIO().WantTextInput) {
    editor_shortcuts(*this);
    recall_shortcuts(*this);
  }

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  // No background: the platform layer clears to the window colour, and a software rasteriser
  // (headless browsers, VMs) then fills each pixel once less per frame.
  ImGui::Begin("Hopfield Lab", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
  ImGui::TextUnformatted("Hopfield Lab");
  ImGui::SameLine();
  ImGui::TextDisabled("| %dx%d grid, N = %d neurons, P = %d stored patterns", lab.width(),
                      lab.height(), lab.size(), lab.pattern_count());
  draw_notices();

  struct Section {
    const char* title;
    void (*panel)(App&);
  };
  struct Column {
    const char* id;
    float weight;
    Section sections[2];
  };
  static const Column kColumns[] = {
      {"left", 1.0f, {{"Editor", editor_panel}, {"Pattern library", library_panel}}},
      {"middle", 1.15f, {{"Recall", recall_panel}, {"Plots", plots_panel}}},
      {"right", 1.0f, {{"Network", network_panel}, {"Weights", weights_panel}}},
  };
  const ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV;
  if (ImGui::BeginTable("columns", IM_ARRAYSIZE(kColumns), flags, ImGui::GetContentRegionAvail())) {
    for (const Column& c : kColumns)
      ImGui::TableSetupColumn(c.id, ImGuiTableColumnFlags_WidthStretch, c.weight);
    ImGui::TableNextRow();
    const float height = ImGui::GetContentRegionAvail().y;
    for (const Column& c : kColumns) {
      ImGui::TableNextColumn();
      ImGui::BeginChild(c.id, ImVec2(0, height));
      for (const Section& s : c.sections) section(s.title, s.panel, *this);
      ImGui::EndChild();
    }
    ImGui::EndTable();
  }
  ImGui::End();
  ui_ms_ = milliseconds_since(ui_start);
  // The sweeps of this frame show in the next one.
  advance_recall(ImGui::GetIO().DeltaTime);
  if (!drawn_once_) {
    drawn_once_ = true;
    if (hooks.first_frame) hooks.first_frame();
  }
}

}  // namespace hlab
