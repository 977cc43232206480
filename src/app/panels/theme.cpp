#include "app/panels/theme.hpp"

#include "app/hplot/hplot.hpp"

namespace hlab {
namespace {

// Dear ImGui's dark look with its translucent blues made opaque over the window, and hovered
// and pressed blues dark enough for white text.
const ThemeColors kDark = {
    .window = {15, 15, 15},
    .popup = {20, 20, 20},
    .title = {10, 10, 10},
    .title_active = {41, 74, 122},
    .frame = {29, 47, 73},
    .frame_hovered = {36, 69, 109},
    .frame_active = {49, 106, 172},
    .button = {36, 69, 109},
    .button_hovered = {41, 98, 170},
    .button_active = {28, 80, 150},
    .header = {31, 57, 88},
    .header_hovered = {41, 98, 170},
    .header_active = {28, 80, 150},
    .text_selected = {33, 62, 97},
    .text = {255, 255, 255},
    .text_disabled = {155, 155, 155},
    .accent = {230, 179, 0},
    .retrieved = {140, 230, 140},
    .not_retrieved = {255, 200, 100},
    .flipped = {255, 171, 61},
    .next = {61, 199, 255},
    .error = {255, 120, 110},
    .info = {150, 220, 150},
    .logged = {200, 200, 200},
    // Seaborn "deep" (ImPlot's Deep colormap), its grey teal (grey is the reference lines'):
    // every colour at least 3.9:1 on the dark window.
    .palette = {{{76, 114, 176}, {221, 132, 82}, {85, 168, 104}, {196, 78, 82}, {129, 114, 179},
                 {147, 120, 96}, {218, 139, 195}, {0, 128, 128}, {204, 185, 116}, {100, 181, 205}}},
};

// Dark words for a light window: the same hues as the dark look's, darkened to AA.
constexpr Rgb kLightRetrieved{0, 110, 30}, kLightNotRetrieved{150, 75, 0}, kLightFlipped{160, 72, 0},
    kLightNext{0, 100, 160}, kLightError{180, 30, 20}, kLightAccent{140, 69, 0};
// Seaborn "deep" with each light colour darkened to 3.6:1 on the light window, same hues (its
// grey teal, as in the dark look).
constexpr std::array<Rgb, 10> kLightPalette = {{{76, 114, 176}, {179, 107, 66}, {70, 138, 85},
                                                {196, 78, 82}, {129, 114, 179}, {147, 120, 96},
                                                {166, 106, 148}, {0, 128, 128}, {137, 124, 78},
                                                {73, 132, 150}}};

// Dear ImGui's light look, opaque; secondary text dark grey instead of its 2.6:1 light grey.
const ThemeColors kLight = {
    .window = {240, 240, 240},
    .popup = {255, 255, 255},
    .title = {245, 245, 245},
    .title_active = {209, 209, 209},
    .frame = {255, 255, 255},
    .frame_hovered = {171, 204, 244},
    .frame_active = {124, 180, 247},
    .button = {171, 204, 244},
    .button_hovered = {66, 150, 250},
    .button_active = {15, 135, 250},
    .header = {186, 212, 243},
    .header_hovered = {101, 168, 248},
    .header_active = {66, 150, 250},
    .text_selected = {179, 209, 243},
    .text = {0, 0, 0},
    .text_disabled = {96, 96, 96},
    .accent = kLightAccent,
    .retrieved = kLightRetrieved,
    .not_retrieved = kLightNotRetrieved,
    .flipped = kLightFlipped,
    .next = kLightNext,
    .error = kLightError,
    .info = kLightRetrieved,
    .logged = {40, 40, 40},
    .palette = kLightPalette,
};

// The light look on pure white with black text and near-black secondary text.
const ThemeColors kProjector = [] {
  ThemeColors c = kLight;
  c.window = {255, 255, 255};
  c.frame_hovered = {180, 213, 253};
  c.frame_active = {129, 185, 252};
  c.button = {180, 213, 253};
  c.header = {197, 223, 253};
  c.header_hovered = {104, 171, 251};
  c.text_selected = {189, 218, 253};
  c.text_disabled = {64, 64, 64};
  c.logged = {0, 0, 0};
  return c;
}();

const ThemeColors* g_current = &kDark;

}  // namespace

const ThemeColors& theme_colors(Theme theme) {
  switch (theme) {
    case Theme::light: return kLight;
    case Theme::projector: return kProjector;
    case Theme::dark: break;
  }
  return kDark;
}

const ThemeColors& current_colors() { return *g_current; }

void apply_theme_colors(Theme theme) {
  const ThemeColors& c = theme_colors(theme);
  g_current = &c;
  if (theme == Theme::dark) ImGui::StyleColorsDark();
  else ImGui::StyleColorsLight();
  ImVec4* col = ImGui::GetStyle().Colors;
  col[ImGuiCol_WindowBg] = vec4(c.window);
  col[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);  // children show the window's colour
  col[ImGuiCol_PopupBg] = vec4(c.popup);
  col[ImGuiCol_TitleBg] = vec4(c.title);
  col[ImGuiCol_TitleBgCollapsed] = vec4(c.title);
  col[ImGuiCol_TitleBgActive] = vec4(c.title_active);
  col[ImGuiCol_FrameBg] = vec4(c.frame);
  col[ImGuiCol_FrameBgHovered] = vec4(c.frame_hovered);
  col[ImGuiCol_FrameBgActive] = vec4(c.frame_active);
  col[ImGuiCol_Button] = vec4(c.button);
  col[ImGuiCol_ButtonHovered] = vec4(c.button_hovered);
  col[ImGuiCol_ButtonActive] = vec4(c.button_active);
  col[ImGuiCol_Header] = vec4(c.header);
  col[ImGuiCol_HeaderHovered] = vec4(c.header_hovered);
  col[ImGuiCol_HeaderActive] = vec4(c.header_active);
  col[ImGuiCol_Tab] = vec4(c.header);
  col[ImGuiCol_TabHovered] = vec4(c.header_hovered);
  col[ImGuiCol_TabActive] = vec4(c.header_active);
  col[ImGuiCol_TabUnfocused] = vec4(c.header);
  col[ImGuiCol_TabUnfocusedActive] = vec4(c.header_active);
  col[ImGuiCol_TextSelectedBg] = vec4(c.text_selected);
  col[ImGuiCol_Text] = vec4(c.text);
  col[ImGuiCol_TextDisabled] = vec4(c.text_disabled);
  col[ImGuiCol_PlotHistogram] = vec4(c.accent);
  if (theme == Theme::projector) col[ImGuiCol_Border] = ImVec4(0, 0, 0, 0.6f);
  std::array<ImU32, 10> palette{};
  for (std::size_t k = 0; k < palette.size(); ++k) palette[k] = u32(c.palette[k]);
  hplot::SetPalette(palette.data(), static_cast<int>(palette.size()));
}

}  // namespace hlab
