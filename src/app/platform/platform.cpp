#include "app/platform/platform.hpp"

#include "app/platform/damage.hpp"
#include "app/platform/renderer.hpp"
#include "core/io/pattern_io.hpp"

#include <SDL.h>
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cctype>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
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

namespace hlab {
std::string_view ui_font_gzip();  // ui_font_data.cpp, made by embed_font.cmake
}  // namespace hlab

namespace hlab::platform {
namespace {

struct State {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  std::function<void(const FrameInfo&)> frame;
  Config config;
  int frames = 0;
  bool done = false;
  int exit_code = 0;
  float ratio = 1.0f;
  float ui_scale = 1.0f;  // the text size, times the screen's pixel ratio (projector mode: 1.5)
  // Partial redraw (web): what the last drawn frame showed, and whether the canvas keeps its
  // pixels between frames (WebGL preserveDrawingBuffer, set by the shell page).
  damage::Fingerprint shown;
  bool shown_valid = false;
  bool keeps_pixels = false;
  bool gl_lost = false;  // the WebGL context is lost: nothing is drawn until it is back
  Status status;
  double draw_ms = 0.0;
  std::chrono::steady_clock::time_point last_frame;
  bool first = true;
  bool coarse_pointer = false;  // asked again when the window changes (a keyboard docked...)
  struct Capture {
    float x, y, width, height;
    std::function<void(const std::string&)> done;
  };
  std::vector<Capture> captures;  // taken after the next frame is drawn
  struct Offscreen {
    int width, height;
    std::function<void()> draw;
    std::function<void(const std::string&)> done;
  };
  std::vector<Offscreen> offscreen;  // rendered after the next frame is drawn
  // Idle frames (web, see idle_frame): the main loop builds every frame until then, and at
  // kIdleFps after it.
  std::chrono::steady_clock::time_point active_until;
};

State* g = nullptr;  // set by run()

float current_ratio() {
  int w = 0, h = 0, pw = 0, ph = 0;
  SDL_GetWindowSize(g->window, &w, &h);
  SDL_GL_GetDrawableSize(g->window, &pw, &ph);
  return w > 0 && pw > 0 ? static_cast<float>(pw) / static_cast<float>(w) : 1.0f;
}

// Fonts are rasterised at the physical pixel size and drawn at 1/ratio: crisp on HiDPI.
// The UI font's TrueType bytes (DejaVu Sans, inflated once), or empty for ImGui's own.
const std::string& ui_font() {
  static const std::string ttf = [] {
    try {
      const std::string_view gz = ui_font_gzip();
      return gz.empty() ? std::string() : hopfield::gunzip(gz, "the UI font");
    } catch (const std::exception&) {
      return std::string();  // ImGui's font still works
    }
  }();
  return ttf;
}

void build_fonts(float ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.SizePixels = std::round(13.0f * ratio * g->ui_scale);
  cfg.OversampleH = cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  const std::string& ttf = ui_font();
  if (ttf.empty()) {
    io.Fonts->AddFontDefault(&cfg);
  } else {
    cfg.FontDataOwnedByAtlas = false;  // the bytes stay ours (static)
    io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(ttf.data()), static_cast<int>(ttf.size()),
                                   cfg.SizePixels, &cfg);
  }
  io.FontGlobalScale = 1.0f / ratio;
  g->ratio = ratio;
}

std::string encode_png(std::vector<unsigned char>& pixels, int w, int h);

// The PNG of a framebuffer rectangle (logical pixels scaled by the ratio), top row first.
std::string read_png(float x, float y, float width, float height) {
  int fb_w = 0, fb_h = 0;
  SDL_GL_GetDrawableSize(g->window, &fb_w, &fb_h);
  const int x0 = std::clamp(static_cast<int>(std::floor(x * g->ratio)), 0, fb_w);
  const int y0 = std::clamp(static_cast<int>(std::floor(y * g->ratio)), 0, fb_h);
  const int x1 = std::clamp(static_cast<int>(std::ceil((x + width) * g->ratio)), 0, fb_w);
  const int y1 = std::clamp(static_cast<int>(std::ceil((y + height) * g->ratio)), 0, fb_h);
  const int w = x1 - x0, h = y1 - y0;
  if (w <= 0 || h <= 0) return "";
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x0, fb_h - y1, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());  // GL: y up
  return encode_png(pixels, w, h);
}

// The PNG of w x h RGBA pixels read from GL (bottom row first), made opaque.
std::string encode_png(std::vector<unsigned char>& pixels, int w, int h) {
  for (std::size_t k = 3; k < pixels.size(); k += 4) pixels[k] = 255;  // opaque
  std::string png;
  stbi_flip_vertically_on_write(1);
  stbi_write_png_to_func(
      [](void* out, void* data, int size) {
        static_cast<std::string*>(out)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
      },
      &png, w, h, 4, pixels.data(), w * 4);
  return png;
}

// Runs `job.draw` as the only window of a frame of a second ImGui context (the same fonts and
// style, no mouse) sized job.width x job.height framebuffer pixels, draws that frame off
// screen and returns its PNG; empty when GL cannot.
std::string render_offscreen(const State::Offscreen& job) {
  ImGuiContext* main = ImGui::GetCurrentContext();
  const ImGuiIO& main_io = ImGui::GetIO();
  const ImGuiStyle style = ImGui::GetStyle();
  ImGuiContext* context = ImGui::CreateContext(main_io.Fonts);
  ImGui::SetCurrentContext(context);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.DisplaySize = ImVec2(static_cast<float>(job.width) / g->ratio, static_cast<float>(job.height) / g->ratio);
  io.DisplayFramebufferScale = ImVec2(g->ratio, g->ratio);
  io.FontGlobalScale = main_io.FontGlobalScale;
  io.DeltaTime = 1.0f / 60.0f;
  ImGui::GetStyle() = style;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##offscreen", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav);
  job.draw();
  ImGui::End();
  ImGui::Render();
  ImVec4 bg = style.Colors[ImGuiCol_WindowBg];
  bg.w = 1.0f;
  std::vector<unsigned char> pixels;
  const bool drawn = render::draw_offscreen(ImGui::GetDrawData(), bg, &pixels);
  ImGui::SetCurrentContext(main);
  ImGui::DestroyContext(context);
  const bool exact = pixels.size() == static_cast<std::size_t>(job.width) * static_cast<std::size_t>(job.height) * 4;
  return drawn && exact ? encode_png(pixels, job.width, job.height) : std::string();
}

// The whole window as a PNG file (the desktop's --screenshot).
bool save_png(const std::string& path) {
  int w = 0, h = 0;
  SDL_GetWindowSize(g->window, &w, &h);
  const std::string png = read_png(0, 0, static_cast<float>(w), static_cast<float>(h));
  if (png.empty()) return false;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  const bool written = std::fwrite(png.data(), 1, png.size(), f) == png.size();
  return std::fclose(f) == 0 && written;
}

void detect_renderer() {
#ifdef __EMSCRIPTEN__
  // WebGL reports "WebKit WebGL"; the real name needs WEBGL_debug_renderer_info.
  char name[256] = "";
  EM_ASM({
    const ext = GLctx && GLctx.getExtension('WEBGL_debug_renderer_info');
    stringToUTF8(ext ? String(GLctx.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : "", $0, $1);
  }, name, sizeof name);
  g->status.renderer = name;
#else
  const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  g->status.renderer = name ? name : "";
#endif
  std::string lower = g->status.renderer;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  g->status.software = false;
  for (const char* software : {"swiftshader", "llvmpipe", "softpipe", "microsoft basic render", "software"})
    if (lower.find(software) != std::string::npos) g->status.software = true;
}

// Start-up cannot go on (no context, shaders that do not compile): said on stderr and, in the
// browser, as page text with a Reload button (the shell's Module.hopfieldFailed), so the page
// never waits for ever.
void report_failure(const std::string& what) {
  std::fprintf(stderr, "hopfield-lab: %s\n", what.c_str());
#ifdef __EMSCRIPTEN__
  EM_ASM({ if (Module.hopfieldFailed) Module.hopfieldFailed(UTF8ToString($0)); }, what.c_str());
#endif
}

#ifdef __EMSCRIPTEN__
// WebGL may lose its context at any time (the GPU process restarts, the driver resets, the
// machine is overloaded), even before the first shader is compiled: then every GL call does
// nothing and compiling "fails". The shell page prevents the default, so the browser restores
// the context; the frames go on meanwhile without drawing, and every GL object is made again.
bool context_lost() {
  return EM_ASM_INT({ return typeof GLctx === 'undefined' || !GLctx || GLctx.isContextLost() ? 1 : 0; }) != 0;
}
EM_BOOL on_context_lost(int, const void*, void*) {
  g->gl_lost = true;
  return EM_TRUE;  // preventDefault: ask the browser to restore it
}
bool canvas_keeps_pixels() {
  return EM_ASM_INT({
    const attributes = GLctx && GLctx.getContextAttributes();
    return attributes && attributes.preserveDrawingBuffer ? 1 : 0;
  }) != 0;
}
#else
bool context_lost() { return false; }
bool canvas_keeps_pixels() { return false; }
#endif

// Makes the renderer's GL objects and the font texture, in a new or restored context. False
// while the context is (still) lost; a failure in a live context is reported and ends the loop.
bool start_drawing() {
  if (context_lost()) return false;
  render::forget();
  if (!render::init()) {
    if (context_lost()) return false;  // lost while compiling: wait for it again
    report_failure("cannot set up OpenGL drawing (the shaders do not compile or link)");
    g->done = true;
#ifdef __EMSCRIPTEN__
    emscripten_cancel_main_loop();
#endif
    return false;
  }
  render::create_fonts_texture();
  detect_renderer();
  g->keeps_pixels = canvas_keeps_pixels();
  g->shown_valid = false;
  g->gl_lost = false;
  return true;
}

#ifdef __EMSCRIPTEN__
// Idle frames. The browser calls the main loop at the display's rate (60 Hz or more), and
// laying out the UI costs the same whether or not anything changed. So when nothing happens
// - no input, no call of the page's API (hl_wake), no picture asked for, and the frames drawn
// showed nothing new - for kIdleAfter, the loop builds a frame at kIdleFps only, as
// hello_imgui's idling does: work that goes on without input (a worker's progress, a decoded
// image, the text cursor's blink, autosave) shows within a tenth of a second, and any change
// it makes restores the full rate. An idle page in headless Chromium then keeps the machine
// 0.11 CPU-s a second busy instead of about 0.3 (node tests/web/bench.mjs --idle-only prints
// it). redraw=full (draw every frame in full) turns this off too.
constexpr auto kIdleAfter = std::chrono::milliseconds(1000);
constexpr double kIdleFps = 10.0;

void stay_active() { g->active_until = std::chrono::steady_clock::now() + kIdleAfter; }

// True when this call of the main loop should build no frame.
bool idle_frame(bool input) {
  if (input || g->first || g->gl_lost || g->config.full_redraw || !g->captures.empty() ||
      !g->offscreen.empty())
    stay_active();
  const auto now = std::chrono::steady_clock::now();
  return now >= g->active_until &&
         std::chrono::duration<double>(now - g->last_frame).count() < 1.0 / kIdleFps;
}
#else
void stay_active() {}
#endif

// Draws what changed since the last frame drawn: nothing when the picture is the same (the
// browser keeps showing the last frame), only the changed regions when the canvas keeps its
// pixels, else everything. The desktop build always draws everything (after a buffer swap
// the back buffer's contents are undefined).
void draw_changes(const ImDrawData* data, const ImVec4& clear) {
#ifdef __EMSCRIPTEN__
  damage::Fingerprint now = damage::fingerprint(data, render::changed_textures());
  damage::Damage d;
  d.full = true;
  if (g->shown_valid && !g->config.full_redraw) d = damage::compare(g->shown, now);
  g->shown = std::move(now);
  g->shown_valid = true;
  if (!d.full && d.regions.empty()) {
    ++g->status.frames.skipped;
    return;
  }
  stay_active();  // the picture changed: more may follow
  if (d.full || !g->keeps_pixels) {
    ++g->status.frames.full;
    g->status.frames.pixels += static_cast<double>(g->shown.fb_w) * g->shown.fb_h;
    render::draw(data, clear);
  } else {
    ++g->status.frames.partial;
    for (const render::Rect& r : d.regions)
      g->status.frames.pixels += static_cast<double>(r.x1 - r.x0) * static_cast<double>(r.y1 - r.y0);
    render::draw(data, clear, d.regions);
  }
#else
  ++g->status.frames.full;
  render::draw(data, clear);
#endif
}

bool pointer_is_coarse() {
#ifdef __EMSCRIPTEN__
  return EM_ASM_INT({ return window.matchMedia && matchMedia('(pointer: coarse)').matches ? 1 : 0; }) != 0;
#else
  return false;
#endif
}

void one_frame() {
  SDL_Event event;
  bool input = false;
  while (SDL_PollEvent(&event)) {
    input = true;
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_WINDOWEVENT) g->coarse_pointer = pointer_is_coarse();
    if (event.type == SDL_QUIT) g->done = true;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
        event.window.windowID == SDL_GetWindowID(g->window))
      g->done = true;
  }
#ifdef __EMSCRIPTEN__
  if (idle_frame(input)) return;
#else
  (void)input;  // the desktop builds every frame (its swap waits for the display)
#endif
  const bool drawing = !g->gl_lost || start_drawing();
  const float ratio = current_ratio();
  if (std::fabs(ratio - g->ratio) > 0.01f) {  // moved to another screen, or browser zoom
    build_fonts(ratio);
    if (drawing) render::create_fonts_texture();
    g->shown_valid = false;
  }
  render::begin_frame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  const auto now = std::chrono::steady_clock::now();
  FrameInfo info;
  info.dt = g->first ? 1.0 / 60.0 : std::chrono::duration<double>(now - g->last_frame).count();
  info.draw_ms = g->draw_ms;
  info.coarse_pointer = g->coarse_pointer;
  info.plot_images = g->config.plot_lines == PlotLines::Image ||
                     (g->config.plot_lines == PlotLines::Auto && g->status.software);
  g->first = false;
  g->last_frame = now;
  g->frame(info);
  ImGui::Render();
  ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];  // the app window draws none
  bg.w = 1.0f;
  const auto draw_start = std::chrono::steady_clock::now();
  if (!g->captures.empty()) g->shown_valid = false;  // a capture needs the whole picture drawn
  if (drawing) draw_changes(ImGui::GetDrawData(), bg);
  for (State::Capture& c : std::exchange(g->captures, {}))
    c.done(drawing ? read_png(c.x, c.y, c.width, c.height) : std::string());
  for (State::Offscreen& job : std::exchange(g->offscreen, {}))
    job.done(drawing ? render_offscreen(job) : std::string());
  g->draw_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - draw_start).count();
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

Status status() { return g ? g->status : Status{}; }

void wake() {
  if (g) stay_active();
}

void capture_png(float x, float y, float width, float height,
                 std::function<void(const std::string& png)> done) {
  if (!g) {
    done("");
    return;
  }
  g->captures.push_back({x, y, width, height, std::move(done)});
}

void render_png(int width, int height, std::function<void()> draw,
                std::function<void(const std::string& png)> done) {
  if (!g || width <= 0 || height <= 0) {
    done("");
    return;
  }
  g->offscreen.push_back({width, height, std::move(draw), std::move(done)});
}

void set_ui_scale(float scale) {
  if (!g || std::fabs(scale - g->ui_scale) < 0.01f) return;
  g->ui_scale = scale;
  g->ratio = -1.0f;  // the next frame rebuilds the fonts at the new size
}

int run(const Config& config, const std::function<void(const FrameInfo&)>& frame) {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "hopfield-lab: SDL_Init failed: %s\n", SDL_GetError());
    return 1;
  }
#ifdef __EMSCRIPTEN__
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
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
  WindowRect place{static_cast<int>(SDL_WINDOWPOS_CENTERED), static_cast<int>(SDL_WINDOWPOS_CENTERED),
                   config.width, config.height};
#ifndef __EMSCRIPTEN__
  SDL_Rect usable;
  if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 0 && usable.h > 0)
    place = fit_window(config.width, config.height, {usable.x, usable.y, usable.w, usable.h});
#endif
  g->window = SDL_CreateWindow(config.title.c_str(), place.x, place.y, place.width, place.height,
                               flags);
  if (!g->window) {
    std::fprintf(stderr, "hopfield-lab: cannot create a window: %s\n", SDL_GetError());
    return 1;
  }
  g->gl = SDL_GL_CreateContext(g->window);
  if (!g->gl) {
    report_failure(std::string("cannot create an OpenGL 3 / WebGL 2 context: ") + SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(g->window, g->gl);
  SDL_GL_SetSwapInterval(config.smoke_frames > 0 ? 0 : 1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // Keyboard navigation: Tab and Shift+Tab move between controls, arrows too, Enter or Space
  // presses; the editor's arrow and the recall's Space shortcuts give way while it shows.
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.IniFilename = nullptr;  // the layout is computed from the window size
  ImGui::StyleColorsDark();
  ImGui_ImplSDL2_InitForOpenGL(g->window, g->gl);
  build_fonts(current_ratio());
  g->gl_lost = true;  // nothing made yet
  if (!start_drawing() && (g->done || !context_lost())) return 1;  // else: made once it is back
  g->coarse_pointer = pointer_is_coarse();
#ifdef __EMSCRIPTEN__
  emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_TRUE, on_context_lost);
  emscripten_set_main_loop(one_frame, 0, true);
#else
  while (!g->done) one_frame();
#endif
  render::shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(g->gl);
  SDL_DestroyWindow(g->window);
  SDL_Quit();
  return g->exit_code;
}

}  // namespace hlab::platform
