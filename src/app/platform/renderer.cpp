#include "app/platform/renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <SDL.h>
#include <SDL_opengl.h>
#endif

namespace hlab::render {
namespace {

// The GL entry points beyond OpenGL 1.1. Natively they are looked up through SDL (no loader
// library needed); under Emscripten they are ordinary functions.
#define HLAB_GL_FUNCTIONS(X)                                  \
  X(PFNGLACTIVETEXTUREPROC, ActiveTexture, glActiveTexture)   \
  X(PFNGLATTACHSHADERPROC, AttachShader, glAttachShader)      \
  X(PFNGLBINDATTRIBLOCATIONPROC, BindAttribLocation, glBindAttribLocation) \
  X(PFNGLBINDBUFFERPROC, BindBuffer, glBindBuffer)            \
  X(PFNGLBINDFRAMEBUFFERPROC, BindFramebuffer, glBindFramebuffer) \
  X(PFNGLBINDRENDERBUFFERPROC, BindRenderbuffer, glBindRenderbuffer) \
  X(PFNGLCHECKFRAMEBUFFERSTATUSPROC, CheckFramebufferStatus, glCheckFramebufferStatus) \
  X(PFNGLDELETEFRAMEBUFFERSPROC, DeleteFramebuffers, glDeleteFramebuffers) \
  X(PFNGLDELETERENDERBUFFERSPROC, DeleteRenderbuffers, glDeleteRenderbuffers) \
  X(PFNGLFRAMEBUFFERRENDERBUFFERPROC, FramebufferRenderbuffer, glFramebufferRenderbuffer) \
  X(PFNGLGENFRAMEBUFFERSPROC, GenFramebuffers, glGenFramebuffers) \
  X(PFNGLGENRENDERBUFFERSPROC, GenRenderbuffers, glGenRenderbuffers) \
  X(PFNGLRENDERBUFFERSTORAGEPROC, RenderbufferStorage, glRenderbufferStorage) \
  X(PFNGLBINDVERTEXARRAYPROC, BindVertexArray, glBindVertexArray) \
  X(PFNGLBLENDEQUATIONPROC, BlendEquation, glBlendEquation)   \
  X(PFNGLBLENDFUNCSEPARATEPROC, BlendFuncSeparate, glBlendFuncSeparate) \
  X(PFNGLBUFFERDATAPROC, BufferData, glBufferData)            \
  X(PFNGLCOMPILESHADERPROC, CompileShader, glCompileShader)   \
  X(PFNGLCREATEPROGRAMPROC, CreateProgram, glCreateProgram)   \
  X(PFNGLCREATESHADERPROC, CreateShader, glCreateShader)      \
  X(PFNGLDELETEBUFFERSPROC, DeleteBuffers, glDeleteBuffers)   \
  X(PFNGLDELETEPROGRAMPROC, DeleteProgram, glDeleteProgram)   \
  X(PFNGLDELETESHADERPROC, DeleteShader, glDeleteShader)      \
  X(PFNGLDELETEVERTEXARRAYSPROC, DeleteVertexArrays, glDeleteVertexArrays) \
  X(PFNGLENABLEVERTEXATTRIBARRAYPROC, EnableVertexAttribArray, glEnableVertexAttribArray) \
  X(PFNGLGENBUFFERSPROC, GenBuffers, glGenBuffers)            \
  X(PFNGLGENVERTEXARRAYSPROC, GenVertexArrays, glGenVertexArrays) \
  X(PFNGLGETPROGRAMINFOLOGPROC, GetProgramInfoLog, glGetProgramInfoLog) \
  X(PFNGLGETPROGRAMIVPROC, GetProgramiv, glGetProgramiv)      \
  X(PFNGLGETSHADERINFOLOGPROC, GetShaderInfoLog, glGetShaderInfoLog) \
  X(PFNGLGETSHADERIVPROC, GetShaderiv, glGetShaderiv)         \
  X(PFNGLGETUNIFORMLOCATIONPROC, GetUniformLocation, glGetUniformLocation) \
  X(PFNGLLINKPROGRAMPROC, LinkProgram, glLinkProgram)         \
  X(PFNGLSHADERSOURCEPROC, ShaderSource, glShaderSource)      \
  X(PFNGLUNIFORM1IPROC, Uniform1i, glUniform1i)               \
  X(PFNGLUNIFORMMATRIX4FVPROC, UniformMatrix4fv, glUniformMatrix4fv) \
  X(PFNGLUSEPROGRAMPROC, UseProgram, glUseProgram)            \
  X(PFNGLVERTEXATTRIBPOINTERPROC, VertexAttribPointer, glVertexAttribPointer)

#ifdef __EMSCRIPTEN__
#define HLAB_GL_MEMBER(type, member, name) decltype(&::name) member = &::name;
#else
#define HLAB_GL_MEMBER(type, member, name) type member = nullptr;
#endif
struct Gl {
  HLAB_GL_FUNCTIONS(HLAB_GL_MEMBER)
};
#undef HLAB_GL_MEMBER

Gl gl;

bool load_functions() {
#ifndef __EMSCRIPTEN__
  bool ok = true;
#define HLAB_GL_LOAD(type, member, name)                                       \
  gl.member = reinterpret_cast<type>(SDL_GL_GetProcAddress(#name));            \
  if (gl.member == nullptr) {                                                  \
    std::fprintf(stderr, "hopfield-lab: OpenGL function %s is missing\n", #name); \
    ok = false;                                                                \
  }
  HLAB_GL_FUNCTIONS(HLAB_GL_LOAD)
#undef HLAB_GL_LOAD
  return ok;
#else
  return true;
#endif
}

#ifdef __EMSCRIPTEN__
constexpr const char* kHeader = "#version 300 es\nprecision mediump float;\n";
#else
constexpr const char* kHeader = "#version 130\n";
#endif

constexpr const char* kVertexShader = R"(
uniform mat4 ProjMtx;
in vec2 Position;
in vec2 UV;
in vec4 Color;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
  Frag_UV = UV;
  Frag_Color = Color;
  gl_Position = ProjMtx * vec4(Position.xy, 0.0, 1.0);
}
)";

constexpr const char* kFragmentShader = R"(
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
out vec4 Out_Color;
void main() {
  Out_Color = Frag_Color * texture(Texture, Frag_UV.st);
}
)";

// A command drawn in one pass (the whole frame, or a region), with the triangles that reach
// into it; or a user callback, called in its place.
struct Draw {
  const ImDrawCmd* cmd;
  Rect scissor;
  std::size_t first, count;  // in the list's indices (whole frame) or State::indices
};

struct State {
  std::vector<ImDrawIdx> indices;  // per list, reused
  std::vector<Draw> draws;
  GLuint program = 0;
  GLint projection = -1;
  GLint texture = -1;
  GLuint vao = 0, vbo = 0, ebo = 0;
  GLuint fonts = 0;
};
State s;

GLuint compile(GLenum kind, const char* body, const char* what) {
  const GLuint shader = gl.CreateShader(kind);
  const char* sources[2] = {kHeader, body};
  gl.ShaderSource(shader, 2, sources, nullptr);
  gl.CompileShader(shader);
  GLint ok = 0;
  gl.GetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = "";
    gl.GetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "hopfield-lab: the %s shader does not compile: %s\n", what, log);
    gl.DeleteShader(shader);
    return 0;
  }
  return shader;
}

// Attribute locations, fixed before linking.
enum : GLuint { kPosition = 0, kUv = 1, kColor = 2 };

// Points the vertex attributes at the bound vertex buffer, starting at vertex `first`.
void point_attributes(unsigned int first) {
  const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
  const std::size_t base = static_cast<std::size_t>(first) * sizeof(ImDrawVert);
  gl.VertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, stride,
                         reinterpret_cast<void*>(base + offsetof(ImDrawVert, pos)));
  gl.VertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, stride,
                         reinterpret_cast<void*>(base + offsetof(ImDrawVert, uv)));
  gl.VertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                         reinterpret_cast<void*>(base + offsetof(ImDrawVert, col)));
}

}  // namespace

bool init() {
  if (!load_functions()) return false;
  const GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader, "vertex");
  const GLuint fs = compile(GL_FRAGMENT_SHADER, kFragmentShader, "fragment");
  if (vs == 0 || fs == 0) return false;
  s.program = gl.CreateProgram();
  gl.AttachShader(s.program, vs);
  gl.AttachShader(s.program, fs);
  gl.BindAttribLocation(s.program, kPosition, "Position");
  gl.BindAttribLocation(s.program, kUv, "UV");
  gl.BindAttribLocation(s.program, kColor, "Color");
  gl.LinkProgram(s.program);
  gl.DeleteShader(vs);
  gl.DeleteShader(fs);
  GLint ok = 0;
  gl.GetProgramiv(s.program, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = "";
    gl.GetProgramInfoLog(s.program, sizeof log, nullptr, log);
    std::fprintf(stderr, "hopfield-lab: the shaders do not link: %s\n", log);
    return false;
  }
  s.projection = gl.GetUniformLocation(s.program, "ProjMtx");
  s.texture = gl.GetUniformLocation(s.program, "Texture");

  gl.GenVertexArrays(1, &s.vao);
  gl.GenBuffers(1, &s.vbo);
  gl.GenBuffers(1, &s.ebo);
  gl.BindVertexArray(s.vao);
  gl.BindBuffer(GL_ARRAY_BUFFER, s.vbo);
  gl.BindBuffer(GL_ELEMENT_ARRAY_BUFFER, s.ebo);  // part of the vertex array's state
  gl.EnableVertexAttribArray(kPosition);
  gl.EnableVertexAttribArray(kUv);
  gl.EnableVertexAttribArray(kColor);
  point_attributes(0);
  gl.BindVertexArray(0);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "hopfield-lab (OpenGL 3 / WebGL2)";
  // Draw lists may pass 64k vertices with 16-bit indices: ImGui then starts commands at a
  // vertex offset, which draw() applies by moving the attribute pointers (WebGL2 has no
  // glDrawElementsBaseVertex).
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  return true;
}

// --- images for this frame ------------------------------------------------------------

namespace {

struct Texture {
  GLuint id = 0;
  int w = 0, h = 0;
  std::vector<std::uint32_t> pixels;  // what was uploaded last: unchanged images are not re-sent
};

struct Images {
  std::vector<Texture> pool;  // reused every frame, in the order images are asked for
  std::size_t used = 0;
  std::vector<ImTextureID> changed;  // uploaded this frame
} images;

}  // namespace

void begin_frame() {
  images.used = 0;
  images.changed.clear();
}

const std::vector<ImTextureID>& changed_textures() { return images.changed; }

ImTextureID frame_image(int w, int h, const std::uint32_t* rgba) {
  if (images.used == images.pool.size()) images.pool.push_back({});
  Texture& t = images.pool[images.used++];
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
  images.changed.push_back(id);
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

void shutdown() {
  for (Texture& t : images.pool)
    if (t.id) glDeleteTextures(1, &t.id);
  images = Images{};
  if (s.fonts) glDeleteTextures(1, &s.fonts);
  if (s.vbo) gl.DeleteBuffers(1, &s.vbo);
  if (s.ebo) gl.DeleteBuffers(1, &s.ebo);
  if (s.vao) gl.DeleteVertexArrays(1, &s.vao);
  if (s.program) gl.DeleteProgram(s.program);
  s = State{};
  ImGui::GetIO().Fonts->SetTexID(nullptr);
}

void forget() {
  images = Images{};
  s = State{};
  ImGui::GetIO().Fonts->SetTexID(nullptr);
}

void create_fonts_texture() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  if (s.fonts == 0) glGenTextures(1, &s.fonts);
  glBindTexture(GL_TEXTURE_2D, s.fonts);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(s.fonts)));
}

void draw(const ImDrawData* data, const ImVec4& clear, const std::vector<Rect>& regions) {
  const int fb_w = static_cast<int>(std::lround(data->DisplaySize.x * data->FramebufferScale.x));
  const int fb_h = static_cast<int>(std::lround(data->DisplaySize.y * data->FramebufferScale.y));
  if (fb_w <= 0 || fb_h <= 0) return;
  const std::vector<Rect> whole{{0.0f, 0.0f, static_cast<float>(fb_w), static_cast<float>(fb_h)}};
  const std::vector<Rect>& passes = regions.empty() ? whole : regions;

  glViewport(0, 0, fb_w, fb_h);
  glEnable(GL_SCISSOR_TEST);
  glClearColor(clear.x, clear.y, clear.z, clear.w);
  const auto scissor = [fb_h](const Rect& r) {  // GL's y goes up
    glScissor(static_cast<GLint>(r.x0), static_cast<GLint>(static_cast<float>(fb_h) - r.y1),
              static_cast<GLsizei>(r.x1 - r.x0), static_cast<GLsizei>(r.y1 - r.y0));
  };
  for (const Rect& r : passes) {
    scissor(r);
    glClear(GL_COLOR_BUFFER_BIT);
  }

  glEnable(GL_BLEND);
  gl.BlendEquation(GL_FUNC_ADD);
  gl.BlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  gl.UseProgram(s.program);
  gl.Uniform1i(s.texture, 0);
  gl.ActiveTexture(GL_TEXTURE0);
  const float l = data->DisplayPos.x, r = data->DisplayPos.x + data->DisplaySize.x;
  const float t = data->DisplayPos.y, b = data->DisplayPos.y + data->DisplaySize.y;
  const float projection[16] = {2.0f / (r - l),    0.0f, 0.0f, 0.0f,  //
                                0.0f, 2.0f / (t - b),    0.0f, 0.0f,  //
                                0.0f, 0.0f, -1.0f, 0.0f,              //
                                (r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f};
  gl.UniformMatrix4fv(s.projection, 1, GL_FALSE, projection);
  gl.BindVertexArray(s.vao);
  gl.BindBuffer(GL_ARRAY_BUFFER, s.vbo);

  GLuint bound_texture = 0;
  unsigned int vertex_offset = 0;  // where the attribute pointers start, in vertices
  const auto bind = [&](const ImDrawCmd& cmd) {
    const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID()));
    if (texture != bound_texture) {
      glBindTexture(GL_TEXTURE_2D, texture);
      bound_texture = texture;
    }
    if (cmd.VtxOffset != vertex_offset) {
      vertex_offset = cmd.VtxOffset;
      point_attributes(vertex_offset);
    }
  };
  const auto upload = [](GLenum target, const void* from, std::size_t bytes) {
    gl.BufferData(target, static_cast<GLsizeiptr>(bytes), from, GL_STREAM_DRAW);
  };
  const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
  // Each command once per pass it meets. Inside regions, a command gets only the triangles
  // that reach into the region: a software rasteriser pays for every triangle it is given,
  // scissored away or not. Drawing everything, it gets the list's own indices.
  const bool whole_frame = regions.empty();
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    s.indices.clear();
    s.draws.clear();
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback != nullptr) {  // the app registers none; honour the protocol anyway
        s.draws.push_back({&cmd, Rect{}, 0, 0});
        continue;
      }
      const Rect clip = framebuffer_rect(data, cmd.ClipRect);
      const ImDrawVert* v = list->VtxBuffer.Data + cmd.VtxOffset;
      const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
      for (const Rect& pass : passes) {
        const Rect c{std::max(clip.x0, pass.x0), std::max(clip.y0, pass.y0),
                     std::min(clip.x1, pass.x1), std::min(clip.y1, pass.y1)};
        if (c.x1 <= c.x0 || c.y1 <= c.y0) continue;
        if (whole_frame) {
          s.draws.push_back({&cmd, c, cmd.IdxOffset, cmd.ElemCount});
          continue;
        }
        const std::size_t first = s.indices.size();
        for (unsigned int k = 0; k + 2 < cmd.ElemCount; k += 3) {
          const Rect tri = triangle_bounds(data, v[idx[k]].pos, v[idx[k + 1]].pos, v[idx[k + 2]].pos);
          if (tri.x1 <= c.x0 || tri.x0 >= c.x1 || tri.y1 <= c.y0 || tri.y0 >= c.y1) continue;
          s.indices.insert(s.indices.end(), idx + k, idx + k + 3);
        }
        if (s.indices.size() > first) s.draws.push_back({&cmd, c, first, s.indices.size() - first});
      }
    }
    if (s.draws.empty()) continue;  // nothing of this list in the passes: not even uploaded
    upload(GL_ARRAY_BUFFER, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    if (whole_frame)
      upload(GL_ELEMENT_ARRAY_BUFFER, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    else
      upload(GL_ELEMENT_ARRAY_BUFFER, s.indices.data(), s.indices.size() * sizeof(ImDrawIdx));
    for (const Draw& draw : s.draws) {
      if (draw.cmd->UserCallback != nullptr) {
        if (draw.cmd->UserCallback != ImDrawCallback_ResetRenderState) draw.cmd->UserCallback(list, draw.cmd);
        continue;
      }
      scissor(draw.scissor);
      bind(*draw.cmd);
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(draw.count), index_type,
                     reinterpret_cast<void*>(static_cast<std::intptr_t>(draw.first * sizeof(ImDrawIdx))));
    }
  }
  if (vertex_offset != 0) point_attributes(0);
  gl.BindVertexArray(0);
}

bool draw_offscreen(const ImDrawData* data, const ImVec4& clear, std::vector<unsigned char>* rgba) {
  const int w = static_cast<int>(std::lround(data->DisplaySize.x * data->FramebufferScale.x));
  const int h = static_cast<int>(std::lround(data->DisplaySize.y * data->FramebufferScale.y));
  if (w <= 0 || h <= 0) return false;
  GLuint fbo = 0, colour = 0;
  gl.GenFramebuffers(1, &fbo);
  gl.GenRenderbuffers(1, &colour);
  gl.BindRenderbuffer(GL_RENDERBUFFER, colour);
  gl.RenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
  gl.BindFramebuffer(GL_FRAMEBUFFER, fbo);
  gl.FramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
  const bool complete = gl.CheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  if (complete) {
    draw(data, clear);
    rgba->assign(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4, 0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba->data());
  }
  gl.BindFramebuffer(GL_FRAMEBUFFER, 0);
  gl.DeleteRenderbuffers(1, &colour);
  gl.DeleteFramebuffers(1, &fbo);
  return complete;
}

}  // namespace hlab::render
