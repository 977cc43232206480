#include "core/io/session_link.hpp"

#include <zlib.h>

#include <cmath>
#include <cstring>

#include "core/limits.hpp"

namespace hopfield {
namespace {

constexpr std::uint8_t kVersion = 1;
constexpr std::uint8_t kCompressed = 1;
constexpr std::size_t kMaxNameBytes = kMaxPatternNameBytes;  // names and the model's text
constexpr std::uint64_t kMaxRawBytes = std::uint64_t{64} << 20;

// --- writing ---------------------------------------------------------------------------
struct Writer {
  std::string out;
  void byte(std::uint8_t b) { out.push_back(static_cast<char>(b)); }
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      byte(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    byte(static_cast<std::uint8_t>(v));
  }
  void real(double v) {
    std::uint64_t bits = 0;  // (no std::bit_cast in Emscripten 3.1.6's libc++)
    std::memcpy(&bits, &v, sizeof bits);
    for (int k = 0; k < 8; ++k) byte(static_cast<std::uint8_t>(bits >> (8 * k)));
  }
  void spins(const SpinVector& s) {
    std::uint8_t acc = 0;
    for (Eigen::Index i = 0; i < s.size(); ++i) {
      if (s[i] > 0) acc = static_cast<std::uint8_t>(acc | (1u << (i % 8)));
      if (i % 8 == 7) {
        byte(acc);
        acc = 0;
      }
    }
    if (s.size() % 8 != 0) byte(acc);
  }
};

// --- reading: every read checks what is left ---------------------------------------------
struct Reader {
  std::string_view in;
  std::size_t pos = 0;
  [[noreturn]] static void fail(const std::string& what) {
    throw SessionLinkError("the link's state is damaged: " + what);
  }
  std::size_t left() const { return in.size() - pos; }
  std::uint8_t byte(const char* what) {
    if (pos >= in.size()) fail(std::string("it ends before the ") + what);
    return static_cast<std::uint8_t>(in[pos++]);
  }
  std::uint64_t varint(const char* what) {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t b = byte(what);
      v |= std::uint64_t{b & 0x7fu} << shift;
      if (!(b & 0x80)) return v;
    }
    fail(std::string("the ") + what + " is not a number");
  }
  std::uint64_t count(const char* what, std::uint64_t max) {
    const std::uint64_t v = varint(what);
    if (v > max) fail(std::string("the ") + what + " " + std::to_string(v) + " is over " + std::to_string(max));
    return v;
  }
  double real(const char* what) {
    std::uint64_t bits = 0;
    for (int k = 0; k < 8; ++k) bits |= std::uint64_t{byte(what)} << (8 * k);
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  SpinVector spins(int n, const char* what) {
    const std::size_t bytes = (static_cast<std::size_t>(n) + 7) / 8;
    if (left() < bytes) fail(std::string("it ends inside the ") + what);
    SpinVector s(n);
    for (int i = 0; i < n; ++i)
      s[i] = (static_cast<std::uint8_t>(in[pos + static_cast<std::size_t>(i / 8)]) >> (i % 8)) & 1 ? 1 : -1;
    pos += bytes;
    return s;
  }
};

template <class Enum, std::size_t K>
Enum enum_from(Reader& r, const EnumName<Enum> (&names)[K], const char* what) {
  const std::uint8_t v = r.byte(what);
  for (const auto& n : names)
    if (static_cast<std::uint8_t>(n.value) == v) return n.value;
  Reader::fail(std::string("unknown ") + what + " " + std::to_string(v));
}

// --- base64url ---------------------------------------------------------------------------
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string from_base64url(std::string_view text) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v = -1;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '-') v = 62;
    else if (c == '_') v = 63;
    if (v < 0) throw SessionLinkError("the link's state is not base64url text (found '" + std::string(1, c) + "')");
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return out;
}

std::string deflate_bytes(const std::string& raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                Z_BEST_COMPRESSION) != Z_OK)
    return {};
  out.resize(size);
  return out;
}

std::string inflate_bytes(std::string_view z, std::uint64_t raw_size) {
  std::string out(static_cast<std::size_t>(raw_size), '\0');
  uLongf size = static_cast<uLongf>(raw_size);
  const int status = uncompress(reinterpret_cast<Bytef*>(out.data()), &size,
                                reinterpret_cast<const Bytef*>(z.data()), static_cast<uLong>(z.size()));
  if (status != Z_OK || size != raw_size)
    throw SessionLinkError("the link's state is damaged: its compressed part does not unpack");
  return out;
}

}  // namespace

Session session_of(const Lab& lab) {
  Session s;
  s.width = lab.width();
  s.height = lab.height();
  s.patterns = lab.patterns();
  if (lab.probe().size() == lab.size()) s.probe = lab.probe();
  s.probe_source = lab.probe_source();
  if (!s.probe) s.probe_source.reset();
  s.drawing = lab.drawing().spins;
  s.settings = lab.settings();
  return s;
}

namespace {
void apply_session(Lab& lab, const Session& s) {
  lab.set_grid_size(s.width, s.height);  // forgets the library
  lab.set_settings(s.settings);           // on the empty library, then the library under it
  lab.set_patterns(s.patterns);
  if (s.probe) lab.set_probe(*s.probe, s.probe_source);
  if (s.drawing) lab.set_drawing(Pattern{s.width, s.height, lab.drawing().name, *s.drawing});
}
}  // namespace

void restore_session(Lab& lab, const Session& session) {
  // Costed before any work: a session over the Lab's budget is refused as it stands.
  check_cost(session_cost(session.width * session.height,
                          static_cast<std::int64_t>(session.patterns.size()), session.settings),
             lab.budget());
  // Built on a scratch Lab that starts from `lab`'s drawing (a session without one keeps it,
  // resampled), then swapped in: an error leaves `lab` untouched, and the work is done once.
  Lab scratch(lab.width(), lab.height());
  scratch.set_budget(lab.budget());
  scratch.set_drawing(lab.drawing());
  apply_session(scratch, session);
  lab.swap_state(scratch);
}

std::string base64url(std::string_view bytes) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : bytes) {
    acc = (acc << 8) | static_cast<std::uint8_t>(c);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(acc >> bits) & 63]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(acc << (6 - bits)) & 63]);
  return out;
}

std::string encode_session(const Session& s) {
  const int n = s.width * s.height;
  Writer body;
  body.varint(static_cast<std::uint64_t>(s.width));
  body.varint(static_cast<std::uint64_t>(s.height));
  body.byte(static_cast<std::uint8_t>(s.settings.rule));
  body.byte(static_cast<std::uint8_t>(s.settings.scale));
  body.byte(static_cast<std::uint8_t>(s.settings.dynamics.mode));
  body.byte(static_cast<std::uint8_t>(s.settings.dynamics.tie));
  body.real(s.settings.dynamics.temperature);
  body.varint(s.settings.dynamics.seed);
  body.varint(static_cast<std::uint64_t>(s.settings.dynamics.max_sweeps));
  body.varint(static_cast<std::uint64_t>(s.selected + 1));
  body.varint(s.panels);
  body.varint(s.patterns.size());
  for (const Pattern& p : s.patterns) {
    if (p.size() != n) throw std::invalid_argument("encode_session: a pattern of the wrong size");
    body.varint(p.name.size());
    body.out += p.name;
    body.spins(p.spins);
  }
  body.byte(!s.probe ? 0 : s.probe_source ? 2 : 1);
  if (s.probe) {
    if (s.probe_source) body.varint(static_cast<std::uint64_t>(*s.probe_source));
    body.spins(*s.probe);
  }
  body.byte(s.drawing ? 1 : 0);
  if (s.drawing) body.spins(*s.drawing);
  // The model, as "key=value;..." (models.hpp's text form), only when it is not the plain
  // classic model: links made before models existed end here and read as classic.
  if (!(s.settings.model == ModelOptions{})) {
    const std::string text = model_parameters_text(s.settings.model);
    body.varint(text.size());
    body.out += text;
  }

  Writer head;
  head.byte(kVersion);
  const std::string z = deflate_bytes(body.out);
  Writer packed;
  packed.varint(body.out.size());
  packed.out += z;
  if (!z.empty() && packed.out.size() < body.out.size()) {
    head.byte(kCompressed);
    head.out += packed.out;
  } else {
    head.byte(0);
    head.out += body.out;
  }
  return base64url(head.out);
}

Session decode_session(std::string_view text) {
  if (text.empty()) throw SessionLinkError("the link's state is empty");
  if (text.size() > kMaxSessionLinkChars)
    throw SessionLinkError("the link's state is " + std::to_string(text.size()) +
                           " characters long, more than the limit of " +
                           std::to_string(kMaxSessionLinkChars));
  const std::string bytes = from_base64url(text);
  Reader head{bytes};
  const std::uint8_t version = head.byte("version");
  if (version != kVersion)
    throw SessionLinkError("the link's state has version " + std::to_string(version) +
                           "; this Hopfield Lab reads version " + std::to_string(kVersion));
  const std::uint8_t flags = head.byte("flags");
  if (flags & ~kCompressed) Reader::fail("unknown flags " + std::to_string(flags));
  std::string raw;
  if (flags & kCompressed) {
    const std::uint64_t size = head.count("unpacked size", kMaxRawBytes);
    raw = inflate_bytes(head.in.substr(head.pos), size);
  } else {
    raw = std::string(head.in.substr(head.pos));
  }

  Reader r{raw};
  Session s;
  s.width = static_cast<int>(r.count("width", kMaxSide));
  s.height = static_cast<int>(r.count("height", kMaxSide));
  if (s.width < 1 || s.height < 1) Reader::fail("the grid is empty");
  const int n = s.width * s.height;
  s.settings.rule = enum_from(r, kRuleNames, "rule");
  s.settings.scale = enum_from(r, kScaleNames, "scale");
  s.settings.dynamics.mode = enum_from(r, kModeNames, "update mode");
  s.settings.dynamics.tie = enum_from(r, kTieNames, "tie rule");
  s.settings.dynamics.temperature = r.real("temperature");
  s.settings.dynamics.seed = r.varint("seed");
  s.settings.dynamics.max_sweeps = static_cast<int>(r.count("max sweeps", INT32_MAX));
  try {
    check_options(s.settings.dynamics);
  } catch (const std::invalid_argument& e) {
    Reader::fail(e.what());
  }
  s.selected = static_cast<int>(r.count("selected pattern", kMaxPatterns)) - 1;
  s.panels = static_cast<std::uint32_t>(r.count("panels", UINT32_MAX));
  // Each pattern needs at least one byte (its name's length) plus its bits: a count the
  // bytes left cannot hold is refused before anything is allocated.
  const std::uint64_t per_pattern = 1 + (static_cast<std::uint64_t>(n) + 7) / 8;
  const std::uint64_t p = r.count("pattern count", kMaxPatterns);
  if (p * per_pattern > r.left()) Reader::fail("it holds fewer patterns than it says");
  if (static_cast<std::int64_t>(p) * n > kMaxPatternSpins)
    Reader::fail(std::to_string(p) + " patterns of " + std::to_string(n) + " neurons are over the limit");
  s.patterns.reserve(static_cast<std::size_t>(p));
  for (std::uint64_t k = 0; k < p; ++k) {
    const std::uint64_t length = r.count("name length", kMaxNameBytes);
    if (r.left() < length) Reader::fail("it ends inside a pattern name");
    Pattern pat{s.width, s.height, std::string(r.in.substr(r.pos, static_cast<std::size_t>(length))), {}};
    r.pos += static_cast<std::size_t>(length);
    pat.spins = r.spins(n, "pattern bits");
    s.patterns.push_back(std::move(pat));
  }
  if (s.selected >= static_cast<int>(p)) Reader::fail("the selected pattern does not exist");
  const std::uint8_t probe = r.byte("probe");
  if (probe > 2) Reader::fail("unknown probe kind " + std::to_string(probe));
  if (probe == 2) {
    const std::uint64_t source = r.count("probe's pattern", kMaxPatterns);
    if (source >= p) Reader::fail("the probe's pattern does not exist");
    s.probe_source = static_cast<int>(source);
  }
  if (probe != 0) s.probe = r.spins(n, "probe");
  const std::uint8_t drawing = r.byte("drawing");
  if (drawing > 1) Reader::fail("unknown drawing flag " + std::to_string(drawing));
  if (drawing) s.drawing = r.spins(n, "drawing");
  if (r.left() != 0) {  // the model (see encode_session)
    const std::uint64_t length = r.count("model length", kMaxNameBytes);
    if (r.left() < length) Reader::fail("it ends inside the model");
    const std::string model_text(r.in.substr(r.pos, static_cast<std::size_t>(length)));
    r.pos += static_cast<std::size_t>(length);
    ModelOptions m;
    try {
      for (const auto& [key, value] : split_model_parameters_text(model_text))
        set_model_parameter(m, key, value);
      check_model_options(m);
    } catch (const std::invalid_argument& e) {
      Reader::fail(std::string("the model: ") + e.what());
    }
    s.settings.model = m;
  }
  if (r.left() != 0) Reader::fail(std::to_string(r.left()) + " bytes after the end");
  return s;
}

}  // namespace hopfield
