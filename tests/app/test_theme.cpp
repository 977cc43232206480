// Every text colour of every look reaches WCAG AA against each background it is drawn on
// (4.5:1), and every plot line 3:1 against the plot (issue 22, item 7: the verdict was
// 1.5:1 on the light and projector looks). The ratios are computed here with the WCAG 2.x
// formula, from the style Dear ImGui draws with after apply_theme_colors and from the theme's
// table (theme.hpp) for the panels' own words.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "app/hplot/hplot.hpp"
#include "app/panels/theme.hpp"
#include "imgui_context.hpp"

namespace {

using hlab::Rgb;

// WCAG 2.x relative luminance of an sRGB colour.
double luminance(Rgb c) {
  const auto channel = [](std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast(Rgb a, Rgb b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb opaque(const ImVec4& v) {
  REQUIRE(v.w == 1.0f);  // a translucent colour would depend on what lies under it
  const auto byte = [](float f) { return static_cast<std::uint8_t>(std::lround(f * 255.0f)); };
  return {byte(v.x), byte(v.y), byte(v.z)};
}

Rgb from_u32(ImU32 c) {
  REQUIRE(((c >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF);
  return {static_cast<std::uint8_t>((c >> IM_COL32_R_SHIFT) & 0xFF),
          static_cast<std::uint8_t>((c >> IM_COL32_G_SHIFT) & 0xFF),
          static_cast<std::uint8_t>((c >> IM_COL32_B_SHIFT) & 0xFF)};
}

using Named = std::pair<std::string, Rgb>;

void check_all(const std::vector<Named>& texts, const std::vector<Named>& backgrounds, double least,
               const char* theme) {
  for (const auto& [text, fg] : texts)
    for (const auto& [background, bg] : backgrounds) {
      const double ratio = contrast(fg, bg);
      INFO(theme << ": " << text << " (" << int(fg.r) << "," << int(fg.g) << "," << int(fg.b) << ") on "
                 << background << " (" << int(bg.r) << "," << int(bg.g) << "," << int(bg.b)
                 << "): " << ratio << ":1, needs " << least << ":1");
      CHECK(ratio >= least);
    }
}

}  // namespace

TEST_CASE("The contrast formula matches hand-worked WCAG cases", "[theme]") {
  const Rgb black{0, 0, 0}, white{255, 255, 255};
  CHECK(contrast(black, white) == Approx(21.0));
  CHECK(contrast(white, black) == Approx(21.0));
  // #777: channel 119/255 = 0.4667 -> ((0.4667 + 0.055) / 1.055)^2.4 = 0.1845, so
  // (1.05) / (0.1845 + 0.05) = 4.48 on white: just short of AA.
  CHECK(contrast({0x77, 0x77, 0x77}, white) == Approx(4.478).margin(0.005));
  // #767676, the lightest grey that passes on white.
  CHECK(contrast({0x76, 0x76, 0x76}, white) == Approx(4.54).margin(0.005));
  // The report: the verdict's green on white.
  CHECK(contrast({140, 230, 140}, white) == Approx(1.52).margin(0.01));
}

TEST_CASE("Every text colour and plot line of every theme reaches WCAG AA", "[theme]") {
  HeadlessImGui imgui;
  for (const auto& t : hlab::kThemeNames) {
    const std::string theme(t.text);
    hlab::apply_theme_colors(t.value);
    const hlab::ThemeColors& c = hlab::theme_colors(t.value);
    CHECK(&hlab::current_colors() == &c);
    const ImVec4* style = ImGui::GetStyle().Colors;
    const auto col = [&](ImGuiCol k) { return opaque(style[k]); };

    // Backgrounds as Dear ImGui draws them, children showing the window's.
    CHECK(style[ImGuiCol_ChildBg].w == 0.0f);
    const Named window{"window", col(ImGuiCol_WindowBg)}, popup{"popup", col(ImGuiCol_PopupBg)},
        frame{"frame", col(ImGuiCol_FrameBg)};
    const std::vector<Named> every_background = {
        window, popup, frame,
        {"title", col(ImGuiCol_TitleBg)}, {"active title", col(ImGuiCol_TitleBgActive)},
        {"hovered frame", col(ImGuiCol_FrameBgHovered)}, {"active frame", col(ImGuiCol_FrameBgActive)},
        {"button", col(ImGuiCol_Button)}, {"hovered button", col(ImGuiCol_ButtonHovered)},
        {"pressed button", col(ImGuiCol_ButtonActive)}, {"header", col(ImGuiCol_Header)},
        {"hovered header", col(ImGuiCol_HeaderHovered)}, {"active header", col(ImGuiCol_HeaderActive)},
        {"tab", col(ImGuiCol_Tab)}, {"active tab", col(ImGuiCol_TabActive)},
        {"selected text", col(ImGuiCol_TextSelectedBg)}};
    check_all({{"text", col(ImGuiCol_Text)}}, every_background, 4.5, theme.c_str());
    // Secondary lines sit on panels, popups and (as an input's hint) in fields.
    check_all({{"secondary text", col(ImGuiCol_TextDisabled)}}, {window, popup, frame}, 4.5, theme.c_str());
    // The panels' own words: the verdict, the legend, the hint and lessons on the window;
    // messages in the toasts and the log (popups).
    check_all({{"accent", col(ImGuiCol_PlotHistogram)},
               {"verdict: retrieved", c.retrieved},
               {"verdict: not retrieved", c.not_retrieved},
               {"flipped", c.flipped},
               {"next", c.next},
               {"error", c.error},
               {"information", c.info},
               {"logged message", c.logged}},
              {window, popup}, 4.5, theme.c_str());
    // Plot lines on the plot area (the window's colour): the series the plot library colours
    // from its palette, and the reference lines' one neutral colour (theory, thresholds).
    std::vector<Named> lines;
    for (int k = 0; k < 10; ++k) lines.push_back({"series " + std::to_string(k), from_u32(hplot::PaletteColor(k))});
    lines.push_back({"reference lines", from_u32(hplot::ReferenceColor())});
    check_all(lines, {window}, 3.0, theme.c_str());
  }
  hlab::apply_theme_colors(hlab::Theme::dark);
}
