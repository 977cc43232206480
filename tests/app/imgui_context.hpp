// An ImGui context for tests that lay out frames without a window: a font atlas built as a
// backend would, no imgui.ini left behind. Destroyed with the object.
#pragma once

#include <imgui.h>

struct HeadlessImGui {
  HeadlessImGui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    unsigned char* atlas = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&atlas, &w, &h);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};
