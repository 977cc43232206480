#include "app/panels/widgets.hpp"

#include <algorithm>
#include <cstdarg>
#include <stdexcept>
#include <utility>

#include "app/platform/platform.hpp"

namespace hlab {

namespace {
// Wrapped 2 px short of the edge: with a proportional font ImGui's own wrap may end a line a
// fraction of a pixel past it.
void text_wrapped_v(const char* fmt, va_list args) {
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - 2.0f);
  ImGui::TextV(fmt, args);
  ImGui::PopTextWrapPos();
}
}  // namespace

void text_wrapped(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  text_wrapped_v(fmt, args);
  va_end(args);
}

void text_disabled_wrapped(const char* fmt, ...) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  va_list args;
  va_start(args, fmt);
  text_wrapped_v(fmt, args);
  va_end(args);
  ImGui::PopStyleColor();
}

void same_line_if_fits(float width) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine();
}

namespace {
bool g_touch_sizes = false;
}  // namespace

void use_touch_sizes(bool on) {
  static const ImGuiStyle base = ImGui::GetStyle();
  ImGuiStyle& style = ImGui::GetStyle();
  g_touch_sizes = on;
  style.FramePadding = on ? ImVec2(10.0f, 14.0f) : base.FramePadding;  // 13 + 2 x 14 = 41 px
  style.ItemSpacing = on ? ImVec2(8.0f, 8.0f) : base.ItemSpacing;
  style.TouchExtraPadding = on ? ImVec2(2.0f, 2.0f) : base.TouchExtraPadding;
  style.ScrollbarSize = on ? 18.0f : base.ScrollbarSize;
}

bool touch_sizes() { return g_touch_sizes; }

bool small_button(const char* label) { return g_touch_sizes ? ImGui::Button(label) : ImGui::SmallButton(label); }

void tooltip(const char* text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", text);
}

float button_width(const char* label) {
  // Button and SmallButton alike: the label and the horizontal frame padding on both sides.
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

float checkbox_width(const char* label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  return ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

void record_region(ViewState& view, const char* name, ImVec2 top, float width) {
  const ImVec2 bottom = ImGui::GetCursorScreenPos();
  const ImVec2 wmin = ImGui::GetWindowPos();
  const ImVec2 wmax(wmin.x + ImGui::GetWindowSize().x, wmin.y + ImGui::GetWindowSize().y);
  const float x0 = std::max(top.x, wmin.x), y0 = std::max(top.y, wmin.y);
  const float x1 = std::min(top.x + width, wmax.x), y1 = std::min(bottom.y, wmax.y);
  if (x1 > x0 && y1 > y0) view.set_region(name, {x0, y0, x1 - x0, y1 - y0});
}

void record_item(ViewState& view, const std::string& name) {
  const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
  view.set_region(name, {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y});
}

void capture_region_png(const ViewState& view, const std::string& region,
                        std::function<void(const std::string& png)> done, const std::string& what) {
  const ScreenRect r = view.region(region);
  if (r.width <= 0 || r.height <= 0)
    throw std::invalid_argument("the " + (what.empty() ? region : what) + " are not on screen");
  platform::capture_png(r.x, r.y, r.width, r.height, std::move(done));
}

void export_png(App& app, const ViewState& view, const std::string& region, const std::string& filename) {
  try {
    capture_region_png(view, region, [&app, filename](const std::string& png) {
      if (png.empty()) {
        app.error("Export PNG: could not read the picture");
        return;
      }
      app.attempt([&] { app.save_file(filename, png); }, "Export PNG");
    });
  } catch (const std::invalid_argument& e) {
    app.error(std::string("Export PNG: nothing to export (") + e.what() + ")");
  }
}

}  // namespace hlab
