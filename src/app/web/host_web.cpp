// The browser's host: the page's file picker and downloads, this browser's saved state
// (localStorage, kept by js/session_store.js), data sets fetched from data/ beside the page, the
// share link and the clipboard. Each member calls a function the page's JavaScript defines
// (Module.hopfield...). Web build only.
#include <emscripten.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include <imgui.h>

#include "app/state/app.hpp"
#include "core/io/json.hpp"
#include "app/state/datasets.hpp"
#include "app/state/host.hpp"
#include "app/state/view_state.hpp"

namespace hlab {
namespace {

// The string a JavaScript expression gives: 0 the page's query, 1 its fragment (without '#'),
// 2 the autosaved session, 3 the saved theme ("" where there is none or storage is blocked).
std::string js_string(int which) {
  // (wasm32: a pointer fits EM_ASM_INT's int)
  char* text = reinterpret_cast<char*>(static_cast<std::intptr_t>(EM_ASM_INT({
    var t = "";
    try {
      // The address as js/session_store.js hands it over: an over-long link state dropped,
      // a link reopened after edits with its edits, origins= (the page's own) left out.
      if ($0 === 0) t = Module.hopfieldPageQuery();
      else if ($0 === 1) t = Module.hopfieldPageHash();
      else if ($0 === 2) t = (Module.hopfieldSavedSession && Module.hopfieldSavedSession()) || "";
      else t = (Module.hopfieldSavedTheme && Module.hopfieldSavedTheme()) || "";
    } catch (e) { t = ""; }
    var n = lengthBytesUTF8(t) + 1;
    var p = _malloc(n);
    stringToUTF8(t, p, n);
    return p;
  }, which)));
  std::string out = text ? text : "";
  std::free(text);
  return out;
}

}  // namespace

Host make_host() {
  Host host;
  host.page_query = [] { return js_string(0); };
  host.page_hash = [] { return js_string(1); };
  host.typed_paths = false;
  host.pick_file = [] {
    EM_ASM({
      var input = document.getElementById('hopfield-file');
      if (input) input.click();
    });
  };
  host.save_file = [](const std::string& filename, const std::string& bytes) {
    EM_ASM(
        {
          var name = UTF8ToString($0);
          var type = name.endsWith('.png') ? 'image/png' : name.endsWith('.csv') ? 'text/csv' : 'text/plain';
          var blob = new Blob([HEAPU8.slice($1, $1 + $2)], {type: type});
          var a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = name;
          document.body.appendChild(a);
          a.click();
          setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        },
        filename.c_str(), bytes.data(), bytes.size());
    return std::string();  // the browser shows its download
  };
  // The session start-up restores ('' inside a link's page: the student's own session belongs
  // to the plain address). No save_session: js/session_store.js encodes the session after a
  // change, in the browser's idle time, and keeps it under the student's key or the link's.
  host.saved_session = [] { return js_string(2); };
  host.forget_session = [] { EM_ASM({ Module.hopfieldForgetSession(); }); };
  host.saved_theme = [] { return js_string(3); };
  host.save_theme = [](const std::string& theme) {
    EM_ASM({ if (Module.hopfieldSaveTheme) Module.hopfieldSaveTheme(UTF8ToString($0)); }, theme.c_str());
  };
  host.load_dataset = [](App&, const std::string& name, const std::string& classes, int per_class,
                         bool replace) {
    dataset_files(name, 28, 28);  // an unknown name is refused here, with the C++ message
    EM_ASM({ Module.hopfieldFetchDataset(UTF8ToString($0), UTF8ToString($1), $2, $3 !== 0); },
           name.c_str(), classes.c_str(), per_class, replace ? 1 : 0);
  };
  host.share_link = [](const std::string& state) {
    char* link = reinterpret_cast<char*>(static_cast<std::intptr_t>(EM_ASM_INT({
      var t = Module.hopfieldShareLink(UTF8ToString($0));
      var n = lengthBytesUTF8(t) + 1;
      var p = _malloc(n);
      stringToUTF8(t, p, n);
      return p;
    }, state.c_str())));
    std::string out = link ? link : "";
    std::free(link);
    return out;
  };
  host.copy_text = [](const std::string& text) {
    ImGui::SetClipboardText(text.c_str());  // for a paste inside the app
    EM_ASM({
      try {
        if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString($0)).catch(function () {});
      } catch (e) { /* the text stays on screen to copy by hand */ }
    }, text.c_str());
  };
  host.open_full = [](const std::string& state) {
    EM_ASM({ Module.hopfieldOpenFull(UTF8ToString($0)); }, state.c_str());
  };
  host.ready = [] { EM_ASM({ if (Module.hopfieldReady) Module.hopfieldReady(); }); };
  host.recall_finished = [] { EM_ASM({ if (Module.hopfieldFinished) Module.hopfieldFinished(); }); };
  return host;
}

}  // namespace hlab

extern "C" {

// The files of a data set at a grid size, as JSON {stem, images, labels, classNames} for the
// page's loadDataset, which fetches them (datasets.hpp is the one place that names them), or
// {error} for an unknown name.
EMSCRIPTEN_KEEPALIVE const char* hl_dataset_files(const char* name, int size) {
  static std::string result;
  hopfield::JsonWriter json;
  json.begin_object();
  try {
    const hlab::DataSetFiles f = hlab::dataset_files(name ? name : "", size, size);
    json.key("stem").value(f.stem).key("images").value(f.images).key("labels").value(f.labels);
    json.key("classNames").value(f.class_names);
  } catch (const std::exception& e) {
    json.key("error").value(std::string(e.what()));
  }
  json.end_object();
  result = json.str();
  return result.c_str();
}

}  // extern "C"
