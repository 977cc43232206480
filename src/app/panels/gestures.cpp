#include "app/panels/gestures.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace hlab::gestures {
namespace {

// A finger wobbles by a few pixels while it taps; more than this is a swipe.
constexpr float kTapJitter = 10.0f;

struct Press {
  int frame = -1;          // the frame the press began
  ImGuiID window = 0;      // the window its drag scrolls, 0: none
  bool claimed = false;
};

// The current press; a new click starts a new one (no scrolling until something allows it).
Press& press() {
  static Press current;
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && current.frame != ImGui::GetFrameCount()) {
    current = Press{};
    current.frame = ImGui::GetFrameCount();
  }
  return current;
}

}  // namespace

void let_swipe_scroll() {
  if (ImGui::IsItemActivated()) press().window = ImGui::GetCurrentWindow()->ID;
}

bool swiped() {
  return ImGui::GetIO().MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] > kTapJitter * kTapJitter;
}

bool tapped() {
  return ImGui::IsItemDeactivated() && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !swiped();
}

void claim() { press().claimed = true; }

bool by_finger() { return ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen; }

void scroll_by_swipe() {
  Press& p = press();
  const ImGuiID window = ImGui::GetCurrentWindow()->ID;
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    // The press's first frame: its delta is the jump from where the last one ended.
    if (p.window == 0 && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && !ImGui::IsAnyItemHovered())
      p.window = window;
    return;
  }
  if (p.window != window || p.claimed || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) return;
  const float dy = ImGui::GetIO().MouseDelta.y;
  if (dy != 0.0f) ImGui::SetScrollY(ImGui::GetScrollY() - dy);
}

}  // namespace hlab::gestures
