// app_smoke helper: fails unless a screenshot shows a drawn UI (many colours, no single
// colour covering almost everything).
#include <cstdio>
#include <map>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#endif
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include "stb_image.h"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: app_smoke_check FILE.png\n");
    return 2;
  }
  int w = 0, h = 0, channels = 0;
  unsigned char* px = stbi_load(argv[1], &w, &h, &channels, 4);
  if (!px) {
    std::fprintf(stderr, "app_smoke_check: cannot read %s\n", argv[1]);
    return 1;
  }
  std::map<unsigned, long> counts;
  const long total = static_cast<long>(w) * h;
  for (long i = 0; i < total; ++i) {
    const unsigned char* p = px + 4 * i;
    ++counts[(unsigned(p[0]) << 16) | (unsigned(p[1]) << 8) | p[2]];
  }
  stbi_image_free(px);
  long most = 0;
  for (const auto& [colour, n] : counts) most = n > most ? n : most;
  const double dominant = static_cast<double>(most) / static_cast<double>(total);
  std::printf("%s: %dx%d, %zu colours, most common covers %.1f%%\n", argv[1], w, h, counts.size(),
              100.0 * dominant);
  return counts.size() >= 16 && dominant < 0.95 ? 0 : 1;
}
