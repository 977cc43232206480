// The windows that teach and tell: Help, Lessons, the toasts and the Messages log.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <vector>

#include "app/state/lessons.hpp"
#include "app/panels/panels.hpp"
#include "app/panels/theme.hpp"
#include "app/panels/widgets.hpp"

namespace hlab {
namespace {

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::SeparatorText(text);
}

void paragraph(const char* text) { text_wrapped("%s", text); }

void window_near_top(float width_em) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = std::min(ImGui::GetFontSize() * width_em, vp->WorkSize.x - 16.0f);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + (vp->WorkSize.x - w) * 0.5f, vp->WorkPos.y + 30.0f),
                          ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(w, std::min(vp->WorkSize.y - 40.0f, ImGui::GetFontSize() * 36)),
                           ImGuiCond_Appearing);
}

}  // namespace

void HelpWindow::draw() {
  if (!open) return;
  window_near_top(44);
  if (!ImGui::Begin("Help", &open, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  heading("What is a Hopfield network?");
  paragraph(
      "A Hopfield network is a memory made of N binary neurons (here the pixels of a grid, +1 "
      "black or -1 white), every one connected to every other. Storing patterns sets the "
      "connection weights (Hebb: neurons that agree in a pattern excite each other). Recall "
      "starts from a damaged pattern, the probe; each neuron in turn takes the sign of its "
      "field, the weighted vote of the others. Every such update lowers the energy, so the "
      "state slides downhill into the nearest stored pattern, or into a spurious mixture when "
      "too many or too similar patterns are stored.");
  heading("The panels");
  paragraph("Editor: draw a pattern (pencil, eraser, line, rectangle, fill), then Store it.");
  paragraph("Pattern library: the stored patterns; built-in letters, digits and classic "
            "shapes (type which ones, e.g. ABC), pattern files, export.");
  paragraph("Recall: make the probe (from a stored pattern with flipped pixels, a mask, "
            "salt-and-pepper, an inversion or a rectangle), then Step, Run, Reset.");
  paragraph("Plots: energy, Hamming distance and the overlap with each stored pattern per "
            "sweep, and the table of the same numbers.");
  paragraph("Network: learning rule, update order, tie rule, temperature, seed.");
  paragraph("Weights: W as a picture, and one neuron's field split into each pattern's vote.");
  paragraph("Experiments: capacity, basins of attraction, temperature and the pruning study "
            "over many random trials, plotted against theory.");
  heading("Keyboard");
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingStretchProp)) {
    const char* const keys[][2] = {
        {"Space", "run / pause the recall"},
        {"S / N", "one sweep / one neuron"},
        {"Backspace", "back to the probe"},
        {"P E T L R F", "pencil, eraser, toggle, line, rectangle, fill"},
        {"Ctrl+Z / Ctrl+Y", "undo / redo a drawing edit"},
        {"I / X / Delete", "invert / random / clear the drawing"},
        {"Arrows", "shift the drawing (while no control has keyboard focus)"},
        {"F6 / Shift+F6", "to the next / previous panel (then Tab within it)"},
        {"Tab, arrows, Enter", "move between controls and press them; Escape leaves, and Space runs again"},
    };
    for (const auto& k : keys) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(k[0]);
      ImGui::TableNextColumn();
      text_wrapped("%s", k[1]);
    }
    ImGui::EndTable();
  }
  heading("Conventions");
  paragraph("Energy: E = -1/2 s^T W s - b^T s, with W's diagonal zero. Asynchronous updates "
            "never raise it; synchronous ones may end in a 2-cycle.");
  paragraph("Hebbian scale: W = sum of xi xi^T (counts), divided by N or by P as you choose; "
            "the dynamics at T = 0 are the same whatever the scale.");
  paragraph("Ties: a neuron whose field is exactly 0 keeps its value (or takes +1 or -1, as "
            "set in Network).");
  paragraph("Temperature: Glauber dynamics, P(s_i = +1) = 1 / (1 + exp(-2 h_i / T)), with h "
            "the field of W / N for Hebbian weights whatever the scale, so the critical "
            "temperature of a lightly loaded network is 1.");
  paragraph("Capacity: about 0.138 N random patterns can be recalled (35 on a 16x16 grid). "
            "Letters and digits are far from random: they share strokes, and recall of them "
            "fails with a handful.");
  heading("Models beyond the classic network");
  paragraph("Network > model: dense associative memory (E = -sum F(xi . s): F = x^3 stores far "
            "more than 0.138 N; x^2 is the classic network), modern continuous Hopfield (a real "
            "state moved by softmax attention over the patterns: watch the softmax plot), sparse "
            "0/1 patterns (covariance rule and a threshold), and the continuous network of 1984 "
            "(graded neurons, RK4; 'Two neurons' draws its energy landscape). On the classic "
            "model, the weight modifiers add unlearning (dreams), forgetting (decay, a bound), "
            "dilution and the sequence rule (recall walks through the library).");
  paragraph("The definitions, with references, are in docs/science.md in the source "
            "repository.");
  ImGui::End();
}

namespace {

bool overlap(const ScreenRect& a, const ScreenRect& b) {
  return a.width > 0 && b.width > 0 && a.x < b.x + b.width && b.x < a.x + a.width &&
         a.y < b.y + b.height && b.y < a.y + a.height;
}

ScreenRect span(const ScreenRect& a, const ScreenRect& b) {
  const float x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  const float x1 = std::max(a.x + a.width, b.x + b.width), y1 = std::max(a.y + a.height, b.y + b.height);
  return {x0, y0, x1 - x0, y1 - y0};
}

// Where the Lessons window docks for a lesson using `used` (panel bits): over the largest
// stretch of the panels it does not use (one panel, or two one above the other in a column)
// that covers none it uses, as the last frame drew them. Width 0: no such stretch big enough.
ScreenRect lesson_dock(const ViewState& view, std::uint32_t used) {
  std::vector<ScreenRect> free, busy;
  for (int p = 0; p < static_cast<int>(std::size(kPanelNames)); ++p) {
    const ScreenRect r = view.region(std::string("panel-") + kPanelNames[p]);
    if (r.width <= 0) continue;
    ((used & panel_bit(static_cast<PanelId>(p))) ? busy : free).push_back(r);
  }
  std::vector<ScreenRect> candidates = free;
  for (std::size_t i = 0; i < free.size(); ++i)
    for (std::size_t j = i + 1; j < free.size(); ++j)
      if (std::abs(free[i].x - free[j].x) < 1.0f) candidates.push_back(span(free[i], free[j]));
  const float font = ImGui::GetFontSize();
  ScreenRect best;
  for (const ScreenRect& c : candidates) {
    if (c.width < font * 16 || c.height < font * 10) continue;  // too small to read a lesson in
    if (std::any_of(busy.begin(), busy.end(), [&](const ScreenRect& b) { return overlap(c, b); })) continue;
    if (c.width * c.height > best.width * best.height) best = c;
  }
  return best;
}

}  // namespace

void LessonsWindow::draw(App& app, ViewState& view) {
  if (!open) return;
  // Docked over panels the current lesson does not use (the library stays in view while
  // lesson 2 asks to edit it); with no lesson, or no room, bottom left and movable.
  const Lesson* current_lesson = find_lesson(view.lesson());
  const ScreenRect dock = current_lesson ? lesson_dock(view, current_lesson->panels) : ScreenRect{};
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings;
  if (dock.width > 0) {
    ImGui::SetNextWindowPos(ImVec2(dock.x, dock.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(dock.width, dock.height), ImGuiCond_Always);
    flags |= ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;
  } else {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = std::min(ImGui::GetFontSize() * 34, vp->WorkSize.x - 16.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 8.0f, vp->WorkPos.y + vp->WorkSize.y - 8.0f),
                            ImGuiCond_Appearing, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(w, std::min(vp->WorkSize.y * 0.5f, ImGui::GetFontSize() * 30)),
                             ImGuiCond_Appearing);
  }
  if (!ImGui::Begin("Lessons", &open, flags)) {
    ImGui::End();
    return;
  }
  text_disabled_wrapped("Each lesson replaces the library and the settings (Share keeps a link "
                        "to your work first).");
  for (const Lesson& l : lessons()) {
    ImGui::PushID(l.id);
    const bool current = view.lesson() == l.id;
    if (ImGui::Selectable(l.title, current)) app.attempt([&] { start_lesson(app, view, l.id); }, l.title);
    if (current) {
      ImGui::Indent();
      text_wrapped("%s", keyboard_text(l.text, !view.coarse_pointer()).c_str());
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram));
      text_wrapped("What to notice: %s", l.notice);
      ImGui::PopStyleColor();
      ImGui::Unindent();
      ImGui::Spacing();
    }
    ImGui::PopID();
  }
  ImGui::End();
}

void MessagesWindow::draw_toasts(App& app, ViewState& view) {
  const double now = ImGui::GetTime();
  // Information fades after kInfoSeconds; errors stay until dismissed. All stay in the log.
  std::vector<std::uint64_t> expired;
  for (const Notice& n : app.notices()) {
    const double shown = shown_at.try_emplace(n.id, now).first->second;
    if (!n.error && now - shown > kInfoSeconds) expired.push_back(n.id);
  }
  for (std::uint64_t id : expired) {
    app.dismiss(id);
    shown_at.erase(id);
  }
  const std::vector<Notice>& notices = app.notices();
  if (notices.empty()) return;
  // Over the canvas, bottom right: nothing under the pointer moves when a message comes.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float width = std::min(ImGui::GetFontSize() * 30, vp->WorkSize.x - 16.0f);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 8.0f, vp->WorkPos.y + vp->WorkSize.y - 8.0f),
                          ImGuiCond_Always, ImVec2(1.0f, 1.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->WorkSize.y * 0.5f));
  ImGui::SetNextWindowBgAlpha(0.92f);
  constexpr std::size_t kShown = 3;
  const std::size_t first = notices.size() > kShown ? notices.size() - kShown : 0;
  // Information alone is click-through: a toast over the bottom of a phone's column must not
  // stop a swipe or a click there. Errors (and "show all") take clicks, to be dismissed.
  const bool any_error = std::any_of(notices.begin() + static_cast<std::ptrdiff_t>(first), notices.end(),
                                     [](const Notice& n) { return n.error; });
  ImGui::Begin("##toasts", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove |
                   (any_error || first > 0 ? 0 : ImGuiWindowFlags_NoInputs));
  if (first > 0) {
    ImGui::TextDisabled("%zu more message%s", first, first == 1 ? "" : "s");
    ImGui::SameLine();
    if (small_button("show all")) open = true;
  }
  std::optional<std::uint64_t> dismissed;
  for (std::size_t k = first; k < notices.size(); ++k) {
    const Notice& n = notices[k];
    ImGui::PushID(static_cast<int>(n.id));
    if (n.error && small_button("x")) dismissed = n.id;
    if (n.error) {
      tooltip("Dismiss (it stays in Messages)");
      ImGui::SameLine();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(n.error ? current_colors().error : current_colors().info));
    text_wrapped("%s%s", n.error ? "Error: " : "", n.text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  view.set_region("toasts", {pos.x, pos.y, size.x, size.y});
  ImGui::End();
  if (dismissed) {
    shown_at.erase(*dismissed);
    app.dismiss(*dismissed);
  }
}

void MessagesWindow::draw(App& app, ViewState& view) {
  draw_toasts(app, view);
  if (!open) return;
  window_near_top(40);
  if (!ImGui::Begin("Messages", &open, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  if (app.message_log().empty()) ImGui::TextDisabled("No messages yet.");
  if (!app.notices().empty() && small_button("Dismiss all")) app.clear_notices();
  for (auto it = app.message_log().rbegin(); it != app.message_log().rend(); ++it) {
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(it->error ? current_colors().error : current_colors().logged));
    text_wrapped("%s%s", it->error ? "Error: " : "", it->text.c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();
  }
  ImGui::End();
}

}  // namespace hlab
