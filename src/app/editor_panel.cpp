// Editor: a drawing canvas with tools, shifts, undo/redo and grid size.
#include <imgui.h>

#include "app/grid_view.hpp"
#include "app/panels.hpp"
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

void edit(App& app, void (*op)(Pattern&, App&)) {
  Pattern p = app.lab.drawing();
  op(p, app);
  app.attempt([&] { app.lab.set_drawing(p); });
}

void shift_by(App& app, int dx, int dy) {
  Pattern p = app.lab.drawing();
  hopfield::shift(p, dx, dy, app.editor.wrap ? hopfield::ShiftEdge::wrap : hopfield::ShiftEdge::fill);
  app.attempt([&] { app.lab.set_drawing(p); });
}

void invert_drawing(App& app) {
  edit(app, [](Pattern& p, App&) { hopfield::invert_cells(p); });
}
void clear_drawing(App& app) {
  edit(app, [](Pattern& p, App&) { hopfield::clear_cells(p); });
}
void random_drawing(App& app) {
  edit(app, [](Pattern& p, App& a) {
    hopfield::Rng rng(a.lab.settings().dynamics.seed, 100 + a.editor.random_draws++);
    hopfield::randomize(p, rng);
  });
}

void tooltip(const char* text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", text);
}

void request_size(App& app, int w, int h) {
  if (w == app.lab.width() && h == app.lab.height()) return;
  if (app.lab.pattern_count() > 0) {
    app.editor.pending_w = w;
    app.editor.pending_h = h;
    ImGui::OpenPopup("Change grid size?");
  } else {
    app.change_grid_size(w, h);
  }
}

void size_controls(App& app) {
  EditorState& ed = app.editor;
  ImGui::TextUnformatted("Grid");
  ImGui::SameLine();
  if (ImGui::RadioButton("16x16", app.lab.width() == 16 && app.lab.height() == 16))
    request_size(app, 16, 16);
  ImGui::SameLine();
  if (ImGui::RadioButton("28x28", app.lab.width() == 28 && app.lab.height() == 28))
    request_size(app, 28, 28);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputInt2("##custom", &ed.custom_w);
  ImGui::SameLine();
  if (ImGui::Button("Set size")) {
    if (ed.custom_w < 1 || ed.custom_h < 1 || ed.custom_w > hopfield::kMaxSide ||
        ed.custom_h > hopfield::kMaxSide)
      app.error("Each side of the grid must be 1.." + std::to_string(hopfield::kMaxSide) + ".");
    else
      request_size(app, ed.custom_w, ed.custom_h);
  }
  tooltip("Custom width x height, up to 128x128");
  if (ImGui::BeginPopupModal("Change grid size?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("The network has a fixed number of neurons (%d).", app.lab.size());
    ImGui::Text("Changing the grid to %dx%d forgets all %d stored patterns.", ed.pending_w,
                ed.pending_h, app.lab.pattern_count());
    if (ImGui::Button("Change size and clear the library")) {
      app.change_grid_size(ed.pending_w, ed.pending_h);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void tool_buttons(App& app) {
  for (const ToolInfo& t : kTools) {
    const bool active = app.editor.tool == t.tool;
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(t.label)) app.editor.tool = t.tool;
    if (active) ImGui::PopStyleColor();
    tooltip(t.tip);
    ImGui::SameLine();
  }
  ImGui::NewLine();
  if (ImGui::Button("Invert")) invert_drawing(app);
  tooltip("Invert every cell (I)");
  ImGui::SameLine();
  if (ImGui::Button("Clear")) clear_drawing(app);
  tooltip("Set every cell to -1 (Delete)");
  ImGui::SameLine();
  if (ImGui::Button("Random")) random_drawing(app);
  tooltip("Each cell +1 with probability 1/2 (X)");
  ImGui::SameLine();
  ImGui::BeginDisabled(!app.lab.can_undo());
  if (ImGui::Button("Undo")) app.lab.undo();
  tooltip("Undo (Ctrl+Z)");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!app.lab.can_redo());
  if (ImGui::Button("Redo")) app.lab.redo();
  tooltip("Redo (Ctrl+Y or Ctrl+Shift+Z)");
  ImGui::EndDisabled();

  ImGui::TextUnformatted("Shift");
  ImGui::SameLine();
  if (ImGui::ArrowButton("left", ImGuiDir_Left)) shift_by(app, -1, 0);
  tooltip("Shift left one cell (Left arrow)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("right", ImGuiDir_Right)) shift_by(app, 1, 0);
  tooltip("Shift right one cell (Right arrow)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("up", ImGuiDir_Up)) shift_by(app, 0, -1);
  tooltip("Shift up one cell (Up arrow)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("down", ImGuiDir_Down)) shift_by(app, 0, 1);
  tooltip("Shift down one cell (Down arrow)");
  ImGui::SameLine();
  ImGui::Checkbox("wrap", &app.editor.wrap);
  tooltip("Cells shifted off one edge come back on the other; off: new cells are -1");
  if (app.editor.tool == Tool::rectangle) {
    ImGui::SameLine();
    ImGui::Checkbox("filled", &app.editor.rect_filled);
  }
}

// Mouse handling on the canvas for the current tool.
void canvas_input(App& app, const GridHit& hit) {
  EditorState& ed = app.editor;
  hopfield::Lab& lab = app.lab;
  const bool left = ImGui::IsMouseClicked(ImGuiMouseButton_Left);
  const bool right = ImGui::IsMouseClicked(ImGuiMouseButton_Right);
  const bool down = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Right);
  if (hit.index >= 0 && ImGui::IsItemHovered() && (left || right)) {
    const Spin paint = left ? Spin{1} : Spin{-1};
    ed.stroke_active = true;
    ed.last_x = hit.x;
    ed.last_y = hit.y;
    switch (ed.tool) {
      case Tool::pencil:
      case Tool::eraser:
        ed.stroke_value = ed.tool == Tool::eraser ? Spin{-1} : paint;
        lab.begin_stroke();
        lab.stroke_cell(hit.x, hit.y, ed.stroke_value);
        break;
      case Tool::toggle:
        ed.stroke_value = static_cast<Spin>(-lab.drawing().at(hit.x, hit.y));
        lab.begin_stroke();
        lab.stroke_cell(hit.x, hit.y, ed.stroke_value);
        break;
      case Tool::line:
      case Tool::rectangle:
        ed.stroke_value = paint;
        break;
      case Tool::fill: {
        Pattern p = lab.drawing();
        if (hopfield::flood_fill(p, hit.x, hit.y, paint) > 0) app.attempt([&] { lab.set_drawing(p); });
        ed.stroke_active = false;
        break;
      }
    }
    return;
  }
  if (!ed.stroke_active) return;
  const bool freehand = ed.tool == Tool::pencil || ed.tool == Tool::eraser || ed.tool == Tool::toggle;
  if (down) {
    if (freehand && hit.index >= 0 && (hit.x != ed.last_x || hit.y != ed.last_y)) {
      lab.stroke_line(ed.last_x, ed.last_y, hit.x, hit.y, ed.stroke_value);
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
  app.attempt([&] { lab.set_drawing(p); });
}

// Preview of a line or rectangle while it is being dragged.
void shape_preview(const App& app, const GridHit& hit) {
  const EditorState& ed = app.editor;
  if (!ed.stroke_active || hit.index < 0 || (ed.tool != Tool::line && ed.tool != Tool::rectangle))
    return;
  Pattern p = Pattern::filled(app.lab.width(), app.lab.height(), -1);
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

void editor_shortcuts(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
  if (io.KeyCtrl) {
    if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
      if (io.KeyShift) app.lab.redo();
      else app.lab.undo();
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) app.lab.redo();
    return;
  }
  for (const ToolInfo& t : kTools)
    if (ImGui::IsKeyPressed(t.key, false)) app.editor.tool = t.tool;
  if (ImGui::IsKeyPressed(ImGuiKey_I, false)) invert_drawing(app);
  if (ImGui::IsKeyPressed(ImGuiKey_X, false)) random_drawing(app);
  if (ImGui::IsKeyPressed(ImGuiKey_Delete, false)) clear_drawing(app);
  if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) shift_by(app, -1, 0);
  if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) shift_by(app, 1, 0);
  if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) shift_by(app, 0, -1);
  if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) shift_by(app, 0, 1);
}

void editor_panel(App& app) {
  size_controls(app);
  tool_buttons(app);
  const Pattern& d = app.lab.drawing();
  const GridHit hit = grid_canvas("canvas", d.spins, d.width, d.height,
                                  ImGui::GetFontSize() * 22.0f);
  app.editor.canvas_x = hit.origin.x;
  app.editor.canvas_y = hit.origin.y;
  app.editor.canvas_w = hit.cell * static_cast<float>(d.width);
  app.editor.canvas_h = hit.cell * static_cast<float>(d.height);
  canvas_input(app, hit);
  shape_preview(app, hit);
  if (hit.index >= 0)
    ImGui::Text("cell (%d, %d) = %+d   neuron %d", hit.x, hit.y, int(d.at(hit.x, hit.y)), hit.index);
  else
    ImGui::TextDisabled("cell: hover the grid");

  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  ImGui::InputText("##name", app.editor.name, sizeof app.editor.name);
  ImGui::SameLine();
  if (ImGui::Button("Store in library")) {
    if (app.attempt([&] { app.lab.store_drawing(app.editor.name); }, "Store")) {
      app.selected = app.lab.pattern_count() - 1;
      app.info("Stored \"" + std::string(app.editor.name) + "\" as pattern " +
               std::to_string(app.selected) + ".");
    }
  }
  tooltip("Learn the drawing: the network's weights change");
  ImGui::SameLine();
  if (ImGui::Button("Use as probe")) {
    app.attempt([&] { app.lab.set_probe(app.lab.drawing().spins); });
    app.recall.running = false;
  }
  tooltip("Start recall from this drawing");
}

}  // namespace hlab
