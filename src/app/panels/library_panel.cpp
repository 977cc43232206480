// Pattern library: thumbnails of every stored pattern; select, rename, delete (unlearn);
// built-in sets, pattern files, export.
#include <imgui.h>

#include <algorithm>

#include "app/state/builtin_patterns.hpp"
#include "app/state/datasets.hpp"
#include "app/panels/grid_view.hpp"
#include "app/panels/panels.hpp"
#include "app/panels/widgets.hpp"

namespace hlab {
namespace {

void builtin_controls(App& app, LibraryPanel& ui) {
  ImGui::TextUnformatted("Built-in");
  same_line_if_fits(ImGui::GetFontSize() * 8);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  ImGui::InputTextWithHint("##pick", "which: ABC", ui.pick, sizeof ui.pick);
  tooltip("Which patterns of the set to store, e.g. ABC (letters), 0123 (digits) or "
          "cross, ring (classic); blank stores them all");
  for (const std::string& family : builtin_families()) {
    same_line_if_fits(button_width(family.c_str()));
    const bool available = find_builtin(family, app.lab().width(), app.lab().height()) != nullptr;
    ImGui::BeginDisabled(!available);
    if (ImGui::Button(family.c_str()))
      app.attempt([&] { app.load_builtin(family, ui.replace, ui.pick); }, "Loading " + family);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip(available ? (ui.pick[0] ? "Store these of the %s set" : "Store the whole %s set")
                                  : "No %s set at this size: switch the grid to 16x16 or 28x28",
                        family.c_str());
  }
  same_line_if_fits(checkbox_width("replace library"));
  ImGui::Checkbox("replace library", &ui.replace);
}

// The data sets the build prepares (datasets.hpp), loaded through the host when asked.
void dataset_controls(App& app, LibraryPanel& ui) {
  const DataSet& set = kDataSets[ui.dataset];
  ImGui::TextUnformatted("Data set");
  same_line_if_fits(ImGui::GetFontSize() * 8);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (ImGui::BeginCombo("##dataset", set.label)) {
    for (int k = 0; k < IM_ARRAYSIZE(kDataSets); ++k)
      if (ImGui::Selectable(kDataSets[k].label, k == ui.dataset)) ui.dataset = k;
    ImGui::EndCombo();
  }
  same_line_if_fits(ImGui::GetFontSize() * 9);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  ImGui::InputTextWithHint("##classes", set.classes_hint, ui.classes, sizeof ui.classes);
  tooltip(set.classes_tooltip);
  same_line_if_fits(ImGui::GetFontSize() * 6);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::SliderInt("##per", &ui.per_class, 1, 50, "%d each");
  same_line_if_fits(button_width("Load set"));
  if (ImGui::Button("Load set"))
    app.attempt([&] { app.load_dataset(set.name, ui.classes, ui.per_class, ui.replace); }, "Data set");
  tooltip("Binarised images, 50 per class, prepared by the build; loaded only when asked");
}

// Where the host has a file picker and downloads (the browser), buttons; where the user
// types paths (the desktop), a path field beside Load and Export.
void file_controls(App& app, LibraryPanel& ui) {
  if (!app.host().typed_paths) {
    if (ImGui::Button("Load file...")) app.attempt([&] { app.pick_file(); }, "Load file");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Patterns (text grid .txt, PBM, IDX, .gz too): added to the library.\n"
                        "An image (PNG, JPEG, GIF, BMP): into the editor, to store or probe.\n"
                        "Or drop a file anywhere on the page.");
    if (ImGui::Button("Export library as text"))
      app.attempt([&] { app.save_file("patterns.txt", app.lab().export_text()); }, "Export");
    return;
  }
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
  ImGui::InputTextWithHint("##path", "pattern file or image (.txt .pbm idx .gz .png .jpg)", ui.load_path,
                           sizeof ui.load_path);
  same_line_if_fits(button_width("Load"));
  if (ImGui::Button("Load")) app.attempt([&] { app.open_path(ui.load_path); });
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
  ImGui::InputText("##export", ui.export_path, sizeof ui.export_path);
  same_line_if_fits(button_width("Export"));
  if (ImGui::Button("Export"))
    app.attempt([&] { app.save_file(ui.export_path, app.lab().export_text()); });
}

void selected_controls(App& app, LibraryPanel& ui) {
  const hopfield::Lab& lab = app.lab();
  if (app.selected() < 0 || app.selected() >= lab.pattern_count()) return;
  const int mu = app.selected();
  char (&name)[64] = ui.name;
  if (!ui.typing) {
    const std::string& current = lab.patterns()[static_cast<std::size_t>(mu)].name;
    std::snprintf(name, sizeof name, "%s", current.c_str());
  }
  ImGui::Text("Pattern %d", mu);
  same_line_if_fits(ImGui::GetFontSize() * 9);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  if (ImGui::InputText("##rename", name, sizeof name, ImGuiInputTextFlags_EnterReturnsTrue))
    app.attempt([&] { app.rename_pattern(mu, name); });
  if (ImGui::IsItemDeactivatedAfterEdit()) app.attempt([&] { app.rename_pattern(mu, name); });
  ui.typing = ImGui::IsItemActive();
  same_line_if_fits(button_width("Use as probe"));
  if (ImGui::Button("Use as probe")) app.attempt([&] { app.probe_from_pattern(mu); });
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("This pattern, undamaged, becomes the recall probe");
  same_line_if_fits(button_width("Edit"));
  if (ImGui::Button("Edit")) app.attempt([&] { app.edit_pattern(mu); });
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy into the editor");
  same_line_if_fits(button_width("Delete"));
  if (ImGui::Button("Delete")) app.attempt([&] { app.remove_pattern(mu); }, "Delete");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Forget this pattern (Hebbian: subtract its term)");
}

// The name, shortened with '~' to fit under a thumbnail.
std::string fitted_label(std::string label, float width) {
  if (ImGui::CalcTextSize(label.c_str()).x <= width) return label;
  while (label.size() > 1 && ImGui::CalcTextSize((label + "~").c_str()).x > width) label.pop_back();
  return label + "~";
}

void thumbnails(App& app) {
  const hopfield::Lab& lab = app.lab();
  if (lab.pattern_count() == 0) {
    ImGui::TextDisabled("No stored patterns yet: draw one and Store it, or load a set.");
    return;
  }
  const float side = ImGui::GetFontSize() * 3.6f;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float cell_w = side + style.FramePadding.x * 2 + style.ItemSpacing.x;
  const int per_row = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / cell_w));
  const float rows_height = ImGui::GetFontSize() * 16.0f;
  ImGui::BeginChild("thumbs", ImVec2(0, rows_height), true);
  // Only the visible rows are laid out: a library can hold thousands of imported images.
  const int rows = (lab.pattern_count() + per_row - 1) / per_row;
  ImGuiListClipper clipper;
  clipper.Begin(rows, side + ImGui::GetTextLineHeightWithSpacing() + style.ItemSpacing.y);
  while (clipper.Step())
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
      for (int mu = row * per_row; mu < std::min((row + 1) * per_row, lab.pattern_count()); ++mu) {
        const hopfield::Pattern& p = lab.patterns()[static_cast<std::size_t>(mu)];
        if (mu % per_row != 0) ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::PushID(mu);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##sel", app.selected() == mu, 0,
                              ImVec2(side, side + ImGui::GetTextLineHeight())))
          app.select(mu);
        ImGui::SetCursorScreenPos(pos);
        grid_thumbnail(p.spins, p.width, p.height, side);
        ImGui::TextUnformatted(fitted_label(p.name.empty() ? std::to_string(mu) : p.name, side).c_str());
        ImGui::PopID();
        ImGui::EndGroup();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%d: %s", mu, p.name.c_str());
      }
  ImGui::EndChild();
}

}  // namespace

void LibraryPanel::draw(App& app, ViewState& view) {
  builtin_controls(app, *this);
  dataset_controls(app, *this);
  file_controls(app, *this);
  if (!view.storage_note().empty()) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    text_disabled_wrapped("%s", view.storage_note().c_str());
    record_region(view, "storage-note", top, ImGui::GetContentRegionAvail().x);
  }
  ImGui::Separator();
  selected_controls(app, *this);
  thumbnails(app);
  ImGui::BeginDisabled(app.lab().pattern_count() == 0);
  if (ImGui::Button("Clear library")) app.attempt([&] { app.clear_patterns(); });
  ImGui::EndDisabled();
}

}  // namespace hlab
