#include "app/panels/ui.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/panels/gestures.hpp"
#include "app/panels/grid_view.hpp"
#include "app/panels/theme.hpp"
#include "app/hplot/hplot.hpp"
#include "app/state/lessons.hpp"
#include "app/platform/renderer.hpp"
#include "app/panels/widgets.hpp"

namespace hlab {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kAutosaveSeconds = 0.5;

// In a column's child window, before EndChild: how far its widest item reached past the
// visible width (the scrollbar excluded); > 0 means something is cut off on the right.
float overflow_x() {
  const ImGuiWindow* w = ImGui::GetCurrentWindow();
  return w->DC.CursorMaxPos.x - (w->Pos.x + w->Size.x - w->ScrollbarSizes.x);
}

// Below ~900 px (a narrow iframe, a tablet, a phone) the panels shown stack in one column,
// unless a single column of them is all there is anyway.
bool narrow_layout(float width, std::size_t columns) {
  return width < 900.0f && columns > 1;
}

// Below ~500 px the page is a phone's, whatever the pointer.
bool phone_width(float width) { return width < 500.0f; }

// The title line's buttons: small with a mouse, touch-sized for a finger; each goes on the
// next line when the line is full.
bool title_button(ViewState& view, const char* label, bool first = false) {
  if (!first) same_line_if_fits(button_width(label));
  const bool pressed = small_button(label);
  record_item(view, std::string("button:") + label);
  return pressed;
}

// Floating windows (Experiments, Help, Lessons, ...) stay inside the page: one that a phone's
// width, a resized browser or a drag put past an edge is pulled back and narrowed before it
// is drawn, so that its close button and contents are in reach.
void keep_windows_in_view(const ImGuiViewport* vp) {
  for (ImGuiWindow* w : GImGui->Windows) {
    if (!w->WasActive || w->IsFallbackWindow || (w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip |
                                      ImGuiWindowFlags_Popup | ImGuiWindowFlags_NoMove)))
      continue;
    const ImVec2 size(std::min(w->Size.x, vp->WorkSize.x), std::min(w->Size.y, vp->WorkSize.y));
    const ImVec2 pos(std::clamp(w->Pos.x, vp->WorkPos.x, vp->WorkPos.x + vp->WorkSize.x - size.x),
                     std::clamp(w->Pos.y, vp->WorkPos.y, vp->WorkPos.y + vp->WorkSize.y - size.y));
    if (size.x != w->Size.x || size.y != w->Size.y) ImGui::SetWindowSize(w->Name, size);
    if (pos.x != w->Pos.x || pos.y != w->Pos.y) ImGui::SetWindowPos(w->Name, pos);
  }
}

// Each floating window drawn this frame as the region "window:NAME".
void record_windows(ViewState& view) {
  for (const ImGuiWindow* w : GImGui->Windows)
    if (w->Active && !w->Hidden && !w->IsFallbackWindow && !(w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip)) &&
        w->RootWindow == w && std::string_view(w->Name) != "Hopfield Lab")
      view.set_region(std::string("window:") + w->Name, {w->Pos.x, w->Pos.y, w->Size.x, w->Size.y});
}

// Where the keyboard focus (ImGui's navigation cursor) is, as the app's region "focus", while
// it is shown: tests and the page's accessibility layer can tell which control has it.
void record_keyboard_focus(ViewState& view) {
  const ImGuiContext& g = *GImGui;
  if (!g.NavWindow || g.NavId == 0 || g.NavDisableHighlight) return;
  const ImRect r = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
  view.set_region("focus", {r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()});
}

// Colours (the theme's table, theme.cpp), text size and grid lines for the theme. Projector:
// the light colours on white with black text and borders, 1.5x text, thick dark grid lines.
void apply_theme(Theme theme) {
  apply_theme_colors(theme);
  ImGui::GetStyle().FrameBorderSize = theme == Theme::dark ? 0.0f : 1.0f;
  platform::set_ui_scale(theme == Theme::projector ? 1.5f : 1.0f);
  set_grid_lines(theme == Theme::projector ? IM_COL32(60, 60, 60, 220) : IM_COL32(128, 128, 128, 60),
                 theme == Theme::projector ? 2.0f : 1.0f);
}

}  // namespace

// A panel: its collapsing header (a place F6 goes to), its content, and its region
// ("panel-editor"...: header and content, as far as they show in the column).
void Ui::section(ViewState& view, PanelId id, const char* title, const std::function<void()>& draw) {
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  // The open state is kept here, not by ImGui's header, which folds on a press over its arrow
  // or a release anywhere on it, so under a swipe that starts on it: here a tap, a click or
  // the keyboard folds it, and a swipe scrolls the column.
  ImGui::PushID(title);
  const ImGuiID key = ImGui::GetID("open");
  ImGui::PopID();
  ImGuiStorage* storage = ImGui::GetStateStorage();
  bool open = storage->GetBool(key, true);
  ImGui::SetNextItemOpen(open, ImGuiCond_Always);
  const bool toggled = ImGui::CollapsingHeader(title) != open;
  const std::string region = std::string("panel-") + kPanelNames[static_cast<int>(id)];
  places_.push_back({region, ImGui::GetCurrentWindow()->ID, ImGui::GetItemID()});
  if (scroll_to_ != 0 && scroll_to_ == ImGui::GetItemID()) {
    ImGui::SetScrollHereY(0.0f);
    scroll_to_ = 0;
  }
  gestures::let_swipe_scroll();
  const bool pointer = ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Left) ||
                       ImGui::IsMouseReleased(ImGuiMouseButton_Left);
  if ((toggled && !pointer) || gestures::tapped()) open = !open;
  storage->SetBool(key, open);
  record_item(view, std::string("header:") + title);
  if (open) {
    ImGui::PushID(title);
    draw();
    ImGui::PopID();
    ImGui::Spacing();
  }
  record_region(view, region.c_str(), top, width);
}

// A floating window drawn this frame: a place F6 goes to, and its region.
void Ui::window_place(ViewState& view, const char* name, const char* region) {
  const ImGuiWindow* w = ImGui::FindWindowByName(name);
  if (!w || !w->Active || w->Hidden) return;
  places_.push_back({region, w->ID, 0});
  view.set_region(region, {w->Pos.x, w->Pos.y, w->Size.x, w->Size.y});
}

// F6 / Shift+F6: the keyboard focus to the next / previous panel's header or open window
// (the places of the last frame, in the order drawn), shown and scrolled into view. One
// Escape leaves keyboard navigation (ImGui's own leaves a field, then a column, one a press),
// so that Space and the other shortcuts act on the lab again.
void Ui::focus_keys(const ViewState& view) {
  ImGuiContext& g = *GImGui;
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
    g.NavDisableHighlight = true;
  if (!ImGui::IsKeyPressed(ImGuiKey_F6, false) || last_places_.empty() ||
      ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
    return;
  // Where the focus is: the open window it is in, or the panel whose region holds it.
  const int n = static_cast<int>(last_places_.size());
  int current = -1;
  const ImGuiWindow* root = g.NavWindow ? g.NavWindow->RootWindow : nullptr;
  const ScreenRect focus = view.region("focus");
  for (int k = 0; k < n && current < 0; ++k) {
    const FocusPlace& p = last_places_[static_cast<std::size_t>(k)];
    if (p.item == 0) {
      if (root && root->ID == p.window) current = k;
      continue;
    }
    const ScreenRect r = view.region(p.region);
    const float cx = focus.x + focus.width * 0.5f, cy = focus.y + focus.height * 0.5f;
    if (focus.width > 0 && r.width > 0 && cx >= r.x && cx <= r.x + r.width && cy >= r.y &&
        cy <= r.y + r.height)
      current = k;
  }
  const bool back = ImGui::GetIO().KeyShift;
  const int next = current < 0 ? (back ? n - 1 : 0) : (current + (back ? n - 1 : 1)) % n;
  const FocusPlace& p = last_places_[static_cast<std::size_t>(next)];
  ImGuiWindow* w = ImGui::FindWindowByID(p.window);
  if (!w) return;
  ImGui::FocusWindow(w);
  if (p.item != 0) {
    ImGui::SetFocusID(p.item, w);
    scroll_to_ = p.item;
  } else {
    ImGui::NavInitWindow(w, true);
  }
  ImGui::NavRestoreHighlightAfterMove();
}

void Ui::frame(App& app, ViewState& view, const platform::FrameInfo& info) {
  if (first_frame_ && info.plot_images) {
    // A software rasteriser (SwiftShader in headless or GPU-less browsers, llvmpipe) pays per
    // triangle: there plot lines are drawn on the CPU, one image per plot, at most 1.5 ms of
    // it a frame (a plot's new image may take a few frames; the old one shows meanwhile).
    // A GPU draws the triangles for free, so elsewhere they stay ImDrawList polylines.
    hplot::SetImageUploader(render::frame_image);
    hplot::SetRasterBudget(1.5);
  }
  const Clock::time_point ui_start = Clock::now();
  if (!theme_applied_ || *theme_applied_ != view.theme()) {
    apply_theme(view.theme());
    theme_applied_ = view.theme();
  }
  if (first_frame_ && view.shows(PanelId::experiments)) experiments_.open = true;
  focus_keys(view);  // with the regions of the last frame
  view.clear_regions();  // the panels record where they draw this frame
  view.set_coarse_pointer(info.coarse_pointer);
  last_places_ = std::exchange(places_, {});
  if (!ImGui::GetIO().WantTextInput) {
    editor_.shortcuts(app);
    recall_.shortcuts(app);
  }

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // Touch-sized wherever a finger points, and on a phone-wide page.
  use_touch_sizes(view.coarse_pointer() || phone_width(vp->WorkSize.x));
  keep_windows_in_view(vp);
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  if (first_frame_) ImGui::SetNextWindowFocus();  // so that Tab starts in the lab at once
  // No background: the platform layer clears to the window colour, and a software rasteriser
  // (headless browsers, VMs) then fills each pixel once less per frame.
  ImGui::Begin("Hopfield Lab", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
  const hopfield::Lab& lab = app.lab();
  if (!view.embed()) {
    ImGui::TextUnformatted("Hopfield Lab");
    if (vp->WorkSize.x >= 900.0f) {  // narrower: the buttons come first
      ImGui::SameLine();
      ImGui::TextDisabled("| %dx%d grid, N = %d neurons, P = %d stored patterns", lab.width(),
                          lab.height(), lab.size(), lab.pattern_count());
    }
  }
  if (!view.embed() || view.shows(PanelId::experiments)) {
    if (title_button(view, "Experiments", view.embed())) experiments_.open = !experiments_.open;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Capacity, basins of attraction, temperature and the pruning study, over many trials");
  }
  if (!view.embed()) {
    if (title_button(view, "Lessons")) lessons_.open = !lessons_.open;
    tooltip("Guided steps: recall, overload, 2-cycles, temperature, unlearning, weights, pruning, a dense memory, a sequence");
    if (title_button(view, "Help")) help_.open = !help_.open;
    tooltip("What a Hopfield network is, the panels, the keys, the conventions");
  }
  if (!view.embed()) {
    const std::string look = std::string("Look: ") + hopfield::name_of(kThemeNames, view.theme()).data();
    if (title_button(view, look.c_str())) ImGui::OpenPopup("look");
    tooltip("Dark, light, or projector (large text, thick lines, high contrast); kept by this browser");
    if (ImGui::BeginPopup("look")) {
      for (const auto& t : kThemeNames)
        if (ImGui::Selectable(std::string(t.label).c_str(), view.theme() == t.value)) view.choose_theme(t.value, app.host());
      ImGui::EndPopup();
    }
  }
  const std::string messages = "Messages (" + std::to_string(app.message_log().size()) + ")";
  if (!app.message_log().empty() && title_button(view, messages.c_str(), false)) messages_.open = !messages_.open;
  if (title_button(view, "Share", view.embed() && !view.shows(PanelId::experiments))) {
    app.attempt([&] {
      share_link_ = app.share_link(session_text(app, view));
      ImGui::OpenPopup("Share this session");
    }, "Share");
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("A link that opens this session as it is now: grid, library, probe, settings");
  if (view.embed()) {
    if (title_button(view, "Open in full"))
      app.attempt([&] { app.open_full(session_text(app, view, false)); }, "Open in full");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("This session in a new tab, with every panel");
  } else if (title_button(view, "New session")) {
    ImGui::OpenPopup("Start a new session?");
  }
  if (ImGui::BeginPopup("Share this session")) {
    ImGui::TextUnformatted("Copied to the clipboard where the browser allows. The link:");
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 40, vp->WorkSize.x * 0.8f));
    ImGui::InputText("##link", share_link_.data(), share_link_.size() + 1, ImGuiInputTextFlags_ReadOnly);
    ImGui::TextDisabled("%zu characters", share_link_.size());
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopup("Start a new session?")) {
    ImGui::TextUnformatted("Forget the library, the drawing and the settings (and this browser's autosave)?");
    if (ImGui::Button("New session")) {
      app.attempt([&] { new_session(app, view); }, "New session");
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (const std::string hint = view.hint(); !hint.empty()) {
    // One line (wrapped) that says what to do: it is there from the first frame, so it moves
    // nothing under the pointer; only its own close button removes it.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram));
    text_wrapped("%s", hint.c_str());
    ImGui::PopStyleColor();
    const ImVec2 top = ImGui::GetItemRectMin();
    same_line_if_fits(button_width("Got it"));
    if (small_button("Got it")) view.set_hint("");
    record_item(view, "button:Got it");
    record_region(view, "hint", top, ImGui::GetContentRegionAvail().x);
  }
  if (view.lesson_starts() != lessons_seen_) {
    lessons_seen_ = view.lesson_starts();
    const Lesson* lesson = find_lesson(view.lesson());
    if (lesson && lesson->experiments) {
      experiments_.show("prune-study");
      // On the lesson's own library (the presets' default images are the Caltech set's).
      std::snprintf(experiments_.prune_select, sizeof experiments_.prune_select, "0-%d",
                    std::max(app.lab().pattern_count() - 1, 0));
    }
    if (lesson && !view.embed()) lessons_.open = true;
  }

  // Three columns of two panels each; panels= hides some, and a column with none goes.
  struct Section {
    PanelId id;
    const char* title;
    std::function<void()> draw;
  };
  const std::vector<std::vector<Section>> layout = {
      {{PanelId::editor, "Editor", [&] { editor_.draw(app, view); }},
       {PanelId::library, "Pattern library", [&] { library_.draw(app, view); }}},
      {{PanelId::recall, "Recall", [&] { recall_.draw(app, view); }},
       {PanelId::plots, "Plots", [&] { plots_.draw(app, view); }}},
      {{PanelId::network, "Network", [&] { network_.draw(app); }},
       {PanelId::weights, "Weights", [&] { weights_.draw(app, recall_.last_neuron); }}}};
  constexpr float kWeights[3] = {1.0f, 1.15f, 1.0f};
  const char* const kColumns[3] = {"left", "middle", "right"};
  std::vector<int> shown;
  for (int c = 0; c < 3; ++c)
    for (const Section& sec : layout[static_cast<std::size_t>(c)])
      if (view.shows(sec.id)) {
        shown.push_back(c);
        break;
      }
  const ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV;
  if (narrow_layout(vp->WorkSize.x, shown.size())) {
    // One scrolling column, in the order a student uses them: draw, recall, watch, then the
    // library and the network. On a phone or a tablet the recall comes first: the first
    // screen shows the probe and Run (the lesson), the editor follows. A swipe scrolls.
    ImGui::BeginChild("single column", ImGui::GetContentRegionAvail(), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NavFlattened);
    using Order = std::array<std::pair<int, int>, 6>;
    constexpr Order kDrawFirst = {{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {2, 0}, {2, 1}}};
    constexpr Order kRecallFirst = {{{1, 0}, {1, 1}, {0, 0}, {0, 1}, {2, 0}, {2, 1}}};
    const bool recall_first = view.coarse_pointer() || phone_width(vp->WorkSize.x);
    for (const auto& [c, k] : recall_first ? kRecallFirst : kDrawFirst) {
      const Section& sec = layout[static_cast<std::size_t>(c)][static_cast<std::size_t>(k)];
      if (view.shows(sec.id)) section(view, sec.id, sec.title, sec.draw);
    }
    gestures::scroll_by_swipe();
    view.set_layout({1, overflow_x(), ImGui::GetFrameHeight()});
    ImGui::EndChild();
  } else if (!shown.empty() &&
      ImGui::BeginTable("columns", static_cast<int>(shown.size()), flags, ImGui::GetContentRegionAvail())) {
    for (int c : shown)
      ImGui::TableSetupColumn(kColumns[c], ImGuiTableColumnFlags_WidthStretch, kWeights[c]);
    ImGui::TableNextRow();
    const float height = ImGui::GetContentRegionAvail().y;
    ViewState::Layout laid{static_cast<int>(shown.size()), -1e9f, ImGui::GetFrameHeight()};
    for (int c : shown) {
      ImGui::TableNextColumn();
      // Flattened: Tab and the arrows go from column to column as if they were one window.
      ImGui::BeginChild(kColumns[c], ImVec2(0, height), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
      for (const Section& sec : layout[static_cast<std::size_t>(c)])
        if (view.shows(sec.id)) section(view, sec.id, sec.title, sec.draw);
      gestures::scroll_by_swipe();
      laid.overflow_px = std::max(laid.overflow_px, overflow_x());
      ImGui::EndChild();
    }
    view.set_layout(laid);
    ImGui::EndTable();
  }
  ImGui::End();
  experiments_.draw(app, view);
  window_place(view, "Experiments", "panel-experiments");
  lessons_.draw(app, view);
  window_place(view, "Lessons", "lessons");
  help_.draw();
  window_place(view, "Help", "help");
  messages_.draw(app, view);
  record_windows(view);
  window_place(view, "Messages", "messages");
  record_keyboard_focus(view);
  view.set_region("window", {vp->Pos.x, vp->Pos.y, vp->Size.x, vp->Size.y});
  const double ui_ms =
      std::chrono::duration<double, std::milli>(Clock::now() - ui_start).count();
  // The sweeps of this frame show in the next one.
  app.advance(info.dt, ui_ms, info.draw_ms);
  if (first_frame_) {
    first_frame_ = false;
    if (app.host().ready) app.host().ready();
  }
  // The session goes to the host's saved state when it changed, twice a second once the page
  // is up (the page also asks for it when it is left).
  autosave_in_ -= info.dt;
  if (autosave_in_ <= 0) {
    autosave_in_ = kAutosaveSeconds;
    autosave(app, view);
  }
}

}  // namespace hlab
