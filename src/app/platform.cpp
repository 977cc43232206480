#include "app/platform.hpp"

#include <SDL.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten.h>
#else
#include <SDL_opengl.h>
#endif

#define STB_IMAGE_WRITE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif
#include "stb_image_write.h"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace hlab::platform {
namespace {

struct Texture {
  GLuint id = 0;
  int w = 0, h = 0;
  std::vector<std::uint32_t> pixels;  // what was uploaded last: unchanged images are not re-sent
};

struct State {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  std::function<void()> frame;
  Config config;
  int frames = 0;
  bool done = false;
  int exit_code = 0;
  float ratio = 1.0f;
  std::vector<Texture> textures;  // pool reused every frame
  std::size_t used = 0;
};

State* g = nullptr;

float current_ratio() {
  int w = 0, h = 0, pw = 0, ph = 0;
  SDL_GetWindowSize(g->window, &w, &h);
  SDL_GL_GetDrawableSize(g->window, &pw, &ph);
  return w > 0 && pw > 0 ? static_cast<float>(pw) / static_cast<float>(w) : 1.0f;
}

// Fonts are rasterised at the physical pixel size and drawn at 1/ratio: crisp on HiDPI.
void build_fonts(float ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.SizePixels = std::round(13.0f * ratio);
  cfg.OversampleH = cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  io.Fonts->AddFontDefault(&cfg);
  io.FontGlobalScale = 1.0f / ratio;
  g->ratio = ratio;
}

bool save_png(const std::string& path) {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(g->window, &w, &h);
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  stbi_flip_vertically_on_write(1);
  return stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4) != 0;
}

void one_frame() {
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) g->done = true;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
        event.window.windowID == SDL_GetWindowID(g->window))
      g->done = true;
  }
  const float ratio = current_ratio();
  if (std::fabs(ratio - g->ratio) > 0.01f) {  // moved to another screen, or browser zoom
    build_fonts(ratio);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  g->used = 0;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  g->frame();
  ImGui::Render();
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(g->window, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];  // the app window draws none
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++g->frames;
  if (g->config.smoke_frames > 0 && g->frames >= g->config.smoke_frames) {
    if (!g->config.screenshot.empty() && !save_png(g->config.screenshot)) {
      std::fprintf(stderr, "hopfield-lab: cannot write %s\n", g->config.screenshot.c_str());
      g->exit_code = 1;
    }
    g->done = true;
  }
  SDL_GL_SwapWindow(g->window);
}

}  // namespace

float pixel_ratio() { return g ? g->ratio : 1.0f; }

ImTextureID frame_image(int w, int h, const std::uint32_t* rgba) {
  if (g->used == g->textures.size()) g->textures.push_back({});
  Texture& t = g->textures[g->used++];
  if (t.id == 0) {
    glGenTextures(1, &t.id);
    glBindTexture(GL_TEXTURE_2D, t.id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
  const std::size_t count = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
  const auto id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t.id));
  if (t.w == w && t.h == h && std::equal(rgba, rgba + count, t.pixels.begin())) return id;
  t.pixels.assign(rgba, rgba + count);
  glBindTexture(GL_TEXTURE_2D, t.id);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (t.w != w || t.h != h) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    t.w = w;
    t.h = h;
  } else {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  }
  return id;
}

int run(const Config& config, const std::function<void()>& frame) {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "hopfield-lab: SDL_Init failed: %s\n", SDL_GetError());
    return 1;
  }
#ifdef __EMSCRIPTEN__
  const char* glsl_version = "#version 300 es";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
  const char* glsl_version = "#version 130";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#endif
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_SetHint(SDL_HINT_IME_SHOW_UI, "1");
  const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE |
                                                  SDL_WINDOW_ALLOW_HIGHDPI);
  static State state;
  g = &state;
  g->config = config;
  g->frame = frame;
  g->window = SDL_CreateWindow(config.title.c_str(), SDL_WINDOWPOS_CENTERED,
                               SDL_WINDOWPOS_CENTERED, config.width, config.height, flags);
  if (!g->window) {
    std::fprintf(stderr, "hopfield-lab: cannot create a window: %s\n", SDL_GetError());
    return 1;
  }
  g->gl = SDL_GL_CreateContext(g->window);
  if (!g->gl) {
    std::fprintf(stderr, "hopfield-lab: cannot create an OpenGL 3 context: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(g->window, g->gl);
  SDL_GL_SetSwapInterval(config.smoke_frames > 0 ? 0 : 1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // No keyboard navigation: letters and arrows are the editor's shortcuts.
  io.IniFilename = nullptr;  // the layout is computed from the window size
  ImGui::StyleColorsDark();
  ImGui_ImplSDL2_InitForOpenGL(g->window, g->gl);
  ImGui_ImplOpenGL3_Init(glsl_version);
  build_fonts(current_ratio());

#ifdef __EMSCRIPTEN__
  emscripten_set_main_loop(one_frame, 0, true);
#else
  while (!g->done) one_frame();
#endif
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(g->gl);
  SDL_DestroyWindow(g->window);
  SDL_Quit();
  return g->exit_code;
}

}  // namespace hlab::platform
