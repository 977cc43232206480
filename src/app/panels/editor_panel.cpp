// Editor: a drawing canvas with tools, shifts, undo/redo and grid size.
#include <imgui.h>

#include <algorithm>

#include "app/panels/gestures.hpp"
#include "app/panels/grid_view.hpp"
#include "app/panels/panels.hpp"
#include "app/panels/widgets.hpp"
#include "core/editing.hpp"

namespace hlab {
namespace {

using hopfield::Pattern;
using hopfield::Spin;

struct ToolInfo {
  Tool tool;
  const char* label;
  const char* tip;
  ImGuiKey key;
};

const ToolInfo kTools[] = {
    {Tool::pencil, "Pencil", "Pencil (P): left button draws +1, right button -1", ImGuiKey_P},
    {Tool::eraser, "Eraser", "Eraser (E): sets cells to -1", ImGuiKey_E},
    {Tool::toggle, "Toggle", "Toggle (T): flips each cell once per stroke", ImGuiKey_T},
    {Tool::line, "Line", "Line (L): drag from one end to the other", ImGuiKey_L},
    {Tool::rectangle, "Rect", "Rectangle (R): drag corner to corner", ImGuiKey_R},
    {Tool::fill, "Fill", "Flood fill (F): left fills with +1, right with -1", ImGuiKey_F},
};

// The drawing changed by `op`, as one undoable edit.
template <class Op>
void edit(App& app, Op op) {
  Pattern p = app.lab().drawing();
  op(p);
  app.attempt([&] { app.set_drawing(p); });
}

void shift_by(App& app, const EditorPanel& ed, int dx, int dy) {
  edit(app, [&](Pattern& p) {
    hopfield::shift(p, dx, dy, ed.wrap ? hopfield::ShiftEdge::wrap : hopfield::ShiftEdge::fill);
  });
}

void invert_drawing(App& app) {
  edit(app, [](Pattern& p) { hopfield::invert_cells(p); });
}
void clear_drawing(App& app) {
  edit(app, [](Pattern& p) { hopfield::clear_cells(p); });
}
void random_drawing(App& app, EditorPanel& ed) {
  edit(app, [&](Pattern& p) {
    hopfield::Rng rng(app.lab().settings().dynamics.seed, 100 + ed.random_draws++);
    hopfield::randomize(p, rng);
  });
}

void change_grid_size(App& app, int w, int h) {
  app.attempt([&] { app.set_grid_size(w, h); }, "Grid size");
}

void request_size(App& app, EditorPanel& ed, int w, int h) {
  if (w == app.lab().width() && h == app.lab().height()) return;
  if (app.lab().pattern_count() > 0) {
    ed.pending_w = w;
    ed.pending_h = h;
    ImGui::OpenPopup("Change grid size?");
  } else {
    change_grid_size(app, w, h);
  }
}

void size_controls(App& app, EditorPanel& ed) {
  ImGui::TextUnformatted("Grid");
  same_line_if_fits(checkbox_width("16x16"));
  if (ImGui::RadioButton("16x16", app.lab().width() == 16 && app.lab().height() == 16))
    request_size(app, ed, 16, 16);
  same_line_if_fits(checkbox_width("28x28"));
  if (ImGui::RadioButton("28x28", app.lab().width() == 28 && app.lab().height() == 28))
    request_size(app, ed, 28, 28);
  same_line_if_fits(ImGui::GetFontSize() * 7);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputInt2("##custom", &ed.custom_w);
  same_line_if_fits(button_width("Set size"));
  if (ImGui::Button("Set size")) {
    if (ed.custom_w < 1 || ed.custom_h < 1 || ed.custom_w > hopfield::kMaxSide ||
        ed.custom_h > hopfield::kMaxSide)
      app.error("Each side of the grid must be 1.." + std::to_string(hopfield::kMaxSide) + ".");
    else
      request_size(app, ed, ed.custom_w, ed.custom_h);
  }
  tooltip("Custom width x height, up to 128x128");
  if (ImGui::BeginPopupModal("Change grid size?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("The network has a fixed number of neurons (%d).", app.lab().size());
    ImGui::Text("Changing the grid to %dx%d forgets all %d stored patterns.", ed.pending_w,
                ed.pending_h, app.lab().pattern_count());
    if (ImGui::Button("Change size and clear the library")) {
      change_grid_size(app, ed.pending_w, ed.pending_h);
      ImGui::CloseCurrentPopup();
    }
    same_line_if_fits(button_width("Cancel"));
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void tool_buttons(App& app, EditorPanel& ed) {
  for (const ToolInfo& t : kTools) {
    if (&t != &kTools[0]) same_line_if_fits(button_width(t.label));
    const bool active = ed.tool == t.tool;
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(t.label)) ed.tool = t.tool;
    if (active) ImGui::PopStyleColor();
    tooltip(t.tip);
  }
  if (ImGui::Button("Invert")) invert_drawing(app);
  tooltip("Invert every cell (I)");
  same_line_if_fits(button_width("Clear"));
  if (ImGui::Button("Clear")) clear_drawing(app);
  tooltip("Set every cell to -1 (Delete)");
  same_line_if_fits(button_width("Random"));
  if (ImGui::Button("Random")) random_drawing(app, ed);
  tooltip("Each cell +1 with probability 1/2 (X)");
  same_line_if_fits(button_width("Undo"));
  ImGui::BeginDisabled(!app.lab().can_undo());
  if (ImGui::Button("Undo")) app.undo();
  tooltip("Undo (Ctrl+Z)");
  ImGui::EndDisabled();
  same_line_if_fits(button_width("Redo"));
  ImGui::BeginDisabled(!app.lab().can_redo());
  if (ImGui::Button("Redo")) app.redo();
  tooltip("Redo (Ctrl+Y or Ctrl+Shift+Z)");
  ImGui::EndDisabled();

  ImGui::TextUnformatted("Shift");
  ImGui::SameLine();
  if (ImGui::ArrowButton("left", ImGuiDir_Left)) shift_by(app, ed, -1, 0);
  tooltip("Shift left one cell (Left arrow)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("right", ImGuiDir_Right)) shift_by(app, ed, 1, 0);
  tooltip("Shift right one cell (Right arrow)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("up", ImGuiDir_Up)) shift_by(app, ed, 0, -1);
  tooltip("Shift up one cell (Up arrow)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("down", ImGuiDir_Down)) shift_by(app, ed, 0, 1);
  tooltip("Shift down one cell (Down arrow)");
  same_line_if_fits(checkbox_width("wrap"));
  ImGui::Checkbox("wrap", &ed.wrap);
  tooltip("Cells shifted off one edge come back on the other; off: new cells are -1");
  if (ed.tool == Tool::rectangle) {
    same_line_if_fits(checkbox_width("filled"));
    ImGui::Checkbox("filled", &ed.rect_filled);
  }
}

// The current tool's stroke begins at cell (x, y), painting `paint` (+1: the left button).
void start_stroke(App& app, EditorPanel& ed, int x, int y, Spin paint) {
  const hopfield::Lab& lab = app.lab();
  ed.stroke_active = true;
  ed.last_x = x;
  ed.last_y = y;
  switch (ed.tool) {
    case Tool::pencil:
    case Tool::eraser:
      ed.stroke_value = ed.tool == Tool::eraser ? Spin{-1} : paint;
      app.begin_stroke();
      app.stroke_cell(x, y, ed.stroke_value);
      break;
    case Tool::toggle:
      ed.stroke_value = static_cast<Spin>(-lab.drawing().at(x, y));
      app.begin_stroke();
      app.stroke_cell(x, y, ed.stroke_value);
      break;
    case Tool::line:
    case Tool::rectangle:
      ed.stroke_value = paint;
      break;
    case Tool::fill: {
      Pattern p = lab.drawing();
      if (hopfield::flood_fill(p, x, y, paint) > 0) app.attempt([&] { app.set_drawing(p); });
      ed.stroke_active = false;
      break;
    }
  }
}

// A finger held this long without moving starts a stroke.
constexpr double kLongPressSeconds = 0.45;

// A finger on the grid without Draw: a swipe scrolls the column (gestures.hpp), a tap paints
// the cell as a click would, a long press starts a stroke there (the finger then draws).
void finger_input(App& app, EditorPanel& ed, const GridHit& hit) {
  if (ImGui::IsItemActivated() && hit.index >= 0) {
    ed.finger_cell = std::pair{hit.x, hit.y};
    ed.finger_since = ImGui::GetTime();
  }
  if (!ed.finger_cell) return;
  if (gestures::swiped() || (!ImGui::IsItemActive() && !ImGui::IsItemDeactivated())) {
    ed.finger_cell.reset();
    return;
  }
  if (ImGui::IsItemActive() && ImGui::GetTime() - ed.finger_since < kLongPressSeconds) return;
  const auto [x, y] = *ed.finger_cell;
  ed.finger_cell.reset();
  gestures::claim();
  start_stroke(app, ed, x, y, Spin{1});
}

// Mouse handling on the canvas for the current tool (a finger's: finger_input, unless
// `finger_draws`).
void canvas_input(App& app, EditorPanel& ed, const GridHit& hit, bool finger_draws) {
  const hopfield::Lab& lab = app.lab();
  if (gestures::by_finger() && !finger_draws && !ed.stroke_active) {
    gestures::let_swipe_scroll();
    finger_input(app, ed, hit);
    return;
  }
  const bool left = ImGui::IsMouseClicked(ImGuiMouseButton_Left);
  const bool right = ImGui::IsMouseClicked(ImGuiMouseButton_Right);
  const bool down = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Right);
  if (hit.index >= 0 && ImGui::IsItemHovered() && (left || right)) {
    start_stroke(app, ed, hit.x, hit.y, left ? Spin{1} : Spin{-1});
    return;
  }
  if (!ed.stroke_active) return;
  const bool freehand = ed.tool == Tool::pencil || ed.tool == Tool::eraser || ed.tool == Tool::toggle;
  if (down) {
    if (freehand && hit.index >= 0 && (hit.x != ed.last_x || hit.y != ed.last_y)) {
      app.stroke_line(ed.last_x, ed.last_y, hit.x, hit.y, ed.stroke_value);
      ed.last_x = hit.x;
      ed.last_y = hit.y;
    }
    return;
  }
  // Released: line and rectangle are committed as one edit.
  ed.stroke_active = false;
  if (hit.index < 0 || freehand) return;
  Pattern p = lab.drawing();
  if (ed.tool == Tool::line) hopfield::draw_line(p, ed.last_x, ed.last_y, hit.x, hit.y, ed.stroke_value);
  else hopfield::draw_rectangle(p, ed.last_x, ed.last_y, hit.x, hit.y, ed.stroke_value, ed.rect_filled);
  app.attempt([&] { app.set_drawing(p); });
}

// Preview of a line or rectangle while it is being dragged.
void shape_preview(const App& app, const EditorPanel& ed, const GridHit& hit) {
  if (!ed.stroke_active || hit.index < 0 || (ed.tool != Tool::line && ed.tool != Tool::rectangle))
    return;
  Pattern p = Pattern::filled(app.lab().width(), app.lab().height(), -1);
  if (ed.tool == Tool::line) hopfield::draw_line(p, ed.last_x, ed.last_y, hit.x, hit.y, 1);
  else hopfield::draw_rectangle(p, ed.last_x, ed.last_y, hit.x, hit.y, 1, ed.rect_filled);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int y = 0; y < p.height; ++y)
    for (int x = 0; x < p.width; ++x)
      if (p.at(x, y) > 0) {
        const ImVec2 a(hit.origin.x + hit.cell * static_cast<float>(x), hit.origin.y + hit.cell * static_cast<float>(y));
        dl->AddRectFilled(a, ImVec2(a.x + hit.cell, a.y + hit.cell), IM_COL32(80, 180, 255, 150));
      }
}

}  // namespace

void EditorPanel::shortcuts(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
  if (io.KeyCtrl) {
    if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
      if (io.KeyShift) app.redo();
      else app.undo();
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) app.redo();
    return;
  }
  for (const ToolInfo& t : kTools)
    if (ImGui::IsKeyPressed(t.key, false)) tool = t.tool;
  if (ImGui::IsKeyPressed(ImGuiKey_I, false)) invert_drawing(app);
  if (ImGui::IsKeyPressed(ImGuiKey_X, false)) random_drawing(app, *this);
  if (ImGui::IsKeyPressed(ImGuiKey_Delete, false)) clear_drawing(app);
  if (ImGui::GetIO().NavVisible) return;  // arrows move the keyboard focus
  if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) shift_by(app, *this, -1, 0);
  if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) shift_by(app, *this, 1, 0);
  if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) shift_by(app, *this, 0, -1);
  if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) shift_by(app, *this, 0, 1);
}

namespace {
// The last image loaded (Load file..., a drop, loadImage): redo it with another threshold,
// inversion or fit; the drawing updates at once.
void image_controls(App& app) {
  if (app.image_name().empty()) return;
  hopfield::ImageImportOptions o = app.image_options();
  bool changed = false;
  ImGui::TextDisabled("image:");
  tooltip(("The drawing comes from " + app.image_name() + ": these redo it").c_str());
  int method = static_cast<int>(o.threshold.method);  // otsu, fixed, dither
  same_line_if_fits(ImGui::GetFontSize() * 7);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  changed |= ImGui::Combo("##threshold", &method, "Otsu\0level\0dither\0");
  tooltip("How grey becomes black or white: Otsu's automatic level, a level you set, or "
          "Floyd-Steinberg dithering");
  o.threshold.method = static_cast<hopfield::ThresholdMethod>(method);
  if (o.threshold.method == hopfield::ThresholdMethod::fixed) {
    same_line_if_fits(ImGui::GetFontSize() * 7);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    float level = static_cast<float>(o.threshold.level);
    if (ImGui::SliderFloat("##level", &level, 0.0f, 1.0f, "level %.2f")) {
      o.threshold.level = level;
      changed = true;
    }
  }
  same_line_if_fits(checkbox_width("invert"));
  changed |= ImGui::Checkbox("invert", &o.invert);
  tooltip("Light pixels become +1 instead of dark ones");
  int fit = static_cast<int>(o.fit);
  same_line_if_fits(ImGui::GetFontSize() * 6);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  changed |= ImGui::Combo("##fit", &fit, "contain\0cover\0");
  tooltip("contain: the whole image, with a margin; cover: fill the grid, cropping the centre");
  o.fit = static_cast<hopfield::ImageFit>(fit);
  if (changed) app.attempt([&] { app.set_image_options(o); }, "Image");
  if (hopfield::real_valued(app.lab().settings().model.model)) {
    same_line_if_fits(button_width("Grey probe"));
    if (ImGui::Button("Grey probe")) app.attempt([&] { app.probe_from_image_levels(); }, "Grey probe");
    tooltip("The image's grey levels, not thresholded, as the probe of this real-valued model");
  }
}
}  // namespace

void EditorPanel::draw(App& app, ViewState& view) {
  size_controls(app, *this);
  tool_buttons(app, *this);
  const Pattern& d = app.lab().drawing();
  // In one narrow column (a phone, a small iframe) the grid takes the width, up to 60% of
  // the height so the controls below stay in reach.
  const ImVec2 work = ImGui::GetMainViewport()->WorkSize;
  const float side = work.x < 900.0f ? std::max(ImGui::GetFontSize() * 22.0f, work.y * 0.6f)
                                     : ImGui::GetFontSize() * 22.0f;
  if (view.coarse_pointer() || gestures::by_finger()) {
    // A finger both scrolls and draws: drawing is a mode (or a long press on a cell).
    ImGui::Checkbox("Draw", &draw_mode);
    record_item(view, "switch:Draw");
    const char* what = draw_mode ? "a swipe on the grid draws" : "a swipe scrolls; tap a cell, or hold to draw";
    same_line_if_fits(ImGui::CalcTextSize(what).x);
    ImGui::TextDisabled("%s", what);
  }
  const GridHit hit = grid_canvas("canvas", d.spins, d.width, d.height, side);
  view.set_editor_rect({hit.origin.x, hit.origin.y, hit.cell * static_cast<float>(d.width),
                       hit.cell * static_cast<float>(d.height)});
  canvas_input(app, *this, hit, draw_mode);
  shape_preview(app, *this, hit);
  if (hit.index >= 0)
    ImGui::Text("cell (%d, %d) = %+d   neuron %d", hit.x, hit.y, int(d.at(hit.x, hit.y)), hit.index);
  else
    ImGui::TextDisabled("cell: hover the grid");

  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  ImGui::InputText("##name", name, sizeof name);
  same_line_if_fits(button_width("Store in library"));
  if (ImGui::Button("Store in library")) app.attempt([&] { app.store_drawing(name); }, "Store");
  tooltip("Learn the drawing: the network's weights change");
  same_line_if_fits(button_width("Use drawing as probe"));
  if (ImGui::Button("Use drawing as probe")) app.attempt([&] { app.probe_from_drawing(); });
  tooltip("Start recall from this drawing");
  image_controls(app);
}

}  // namespace hlab
