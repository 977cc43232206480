// Pattern library: thumbnails of every stored pattern; select, rename, delete (unlearn);
// built-in sets, pattern files, export.
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "app/builtin_patterns.hpp"
#include "app/grid_view.hpp"
#include "app/panels.hpp"
#include "app/widgets.hpp"
#include "core/pattern_io.hpp"

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

// The data sets the build prepares (scripts/prepare-datasets.mjs): the web page fetches them
// from data/ when asked; the desktop reads them from $HOPFIELD_DATA_DIR or dist/data.
void dataset_controls(App& app, LibraryPanel& ui) {
  static const char* const kNames[] = {"mnist", "fashion-mnist"};
  static const char* const kLabels[] = {"MNIST digits", "Fashion-MNIST"};
  ImGui::TextUnformatted("Data set");
  same_line_if_fits(ImGui::GetFontSize() * 8);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  ImGui::Combo("##dataset", &ui.dataset, kLabels, 2);
  same_line_if_fits(ImGui::GetFontSize() * 9);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  ImGui::InputTextWithHint("##classes", ui.dataset == 0 ? "classes: 3, 7" : "classes: Bag, Sneaker",
                           ui.classes, sizeof ui.classes);
  tooltip(ui.dataset == 0 ? "Digits to load, e.g. 0, 1, 7 (blank: all ten)"
                          : "Classes to load: T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, "
                            "Shirt, Sneaker, Bag, Ankle boot (blank: all)");
  same_line_if_fits(ImGui::GetFontSize() * 6);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::SliderInt("##per", &ui.per_class, 1, 50, "%d each");
  same_line_if_fits(button_width("Load set"));
  if (ImGui::Button("Load set")) {
    const std::string name = kNames[ui.dataset];
    if (app.hooks.fetch_dataset) {
      app.hooks.fetch_dataset(name, ui.classes, ui.per_class, ui.replace);
    } else {
      app.attempt([&] {
        const hopfield::Lab& lab = app.lab();
        const std::string stem = name + "-" + (lab.width() == 16 && lab.height() == 16 ? "16" : "28");
        const char* env = std::getenv("HOPFIELD_DATA_DIR");
        const std::string dir = env ? env : "dist/data";
        App::LabelledSetFiles f;
        f.name = stem;
        f.images = hopfield::load_bytes(dir + "/" + stem + "-images-idx3-ubyte.gz");
        f.labels = hopfield::load_bytes(dir + "/" + stem + "-labels-idx1-ubyte.gz");
        f.class_names = hopfield::load_bytes(dir + "/" + name + "-classnames.txt");
        app.load_labelled_set(f, ui.classes, ui.per_class, ui.replace);
      }, "Data set (prepare it with scripts/prepare-datasets.mjs DIR and set HOPFIELD_DATA_DIR=DIR)");
    }
  }
  tooltip("Binarised images, 50 per class, prepared by the build; loaded only when asked");
}

void file_controls(App& app, LibraryPanel& ui) {
  if (app.hooks.upload_patterns) {
    if (ImGui::Button("Load file...")) app.hooks.upload_patterns();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Patterns (text grid .txt, PBM, IDX, .gz too): added to the library.\n"
                        "An image (PNG, JPEG, GIF, BMP): into the editor, to store or probe.\n"
                        "Or drop a file anywhere on the page.");
  } else {
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
    ImGui::InputTextWithHint("##path", "pattern file or image (.txt .pbm idx .gz .png .jpg)", ui.load_path,
                             sizeof ui.load_path);
    same_line_if_fits(button_width("Load"));
    if (ImGui::Button("Load"))
      app.attempt([&] {
        std::ifstream in(ui.load_path, std::ios::binary);
        if (!in) throw hopfield::PatternFileError(std::string("cannot open ") + ui.load_path);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        app.open_file(bytes.str(), ui.load_path);
      });
  }
  if (app.hooks.download) {
    if (ImGui::Button("Export library as text")) app.hooks.download("patterns.txt", app.lab().export_text());
  } else {
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
    ImGui::InputText("##export", ui.export_path, sizeof ui.export_path);
    same_line_if_fits(button_width("Export"));
    if (ImGui::Button("Export") && app.attempt([&] {
          std::ofstream out(ui.export_path, std::ios::binary);
          out << app.lab().export_text();
          if (!out) throw std::runtime_error(std::string("cannot write ") + ui.export_path);
        }))
      app.info("Wrote " + std::to_string(app.lab().pattern_count()) + " patterns to " +
               ui.export_path);
  }
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

void LibraryPanel::draw(App& app) {
  builtin_controls(app, *this);
  dataset_controls(app, *this);
  file_controls(app, *this);
  ImGui::Separator();
  selected_controls(app, *this);
  thumbnails(app);
  ImGui::BeginDisabled(app.lab().pattern_count() == 0);
  if (ImGui::Button("Clear library")) app.attempt([&] { app.clear_patterns(); });
  ImGui::EndDisabled();
}

}  // namespace hlab
