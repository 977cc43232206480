// What the app needs from where it runs, as a table of functions (chips-test's webapi turned
// around): files, saved state, export, data sets, the share link, the clipboard, opening a
// link. main hands the build's own (host_desktop.cpp natively, web/host_web.cpp in the
// browser) to the App; tests use a null Host or one of their own. Panels never ask which
// platform they are on: they call App's commands, which call these. A member left empty is
// something this host cannot do; each says what the App does then. No SDL, GL or Emscripten
// here.
#pragma once

#include <functional>
#include <string>

namespace hlab {

class App;

struct Host {
  // --- start-up ------------------------------------------------------------------------
  // The start-up parameters the page was opened with ("?size=28&set=letters") and its
  // fragment ("state=...", without the '#'); empty: none (the desktop's come from argv).
  std::function<std::string()> page_query;
  std::function<std::string()> page_hash;

  // --- files the user gives and keeps --------------------------------------------------
  // True where the user names files by typing a path (the desktop: a path field beside Load
  // and Export); false where the host's own picker and downloads name them (the browser).
  bool typed_paths = false;
  // Opens the host's file picker; the file comes back through App::open_file. Empty: none.
  std::function<void()> pick_file;
  // The bytes of the file at `path`; throws naming it. Empty: files cannot be read here.
  std::function<std::string(const std::string& path)> read_file;
  // Keeps `bytes` (text or binary; the type follows the extension) as `filename`: a download
  // in the browser, a file (relative to the working directory) on the desktop. Returns what
  // to tell the user ("" when the host shows it itself); throws when it cannot write.
  // Empty: App::save_file refuses.
  std::function<std::string(const std::string& filename, const std::string& bytes)> save_file;

  // --- saved state (this browser's autosave and look) -----------------------------------
  // The session saved last time (App::session_text) and the theme's name; "" for none.
  std::function<std::string()> saved_session;
  std::function<void(const std::string& session)> save_session;
  std::function<void()> forget_session;  // also drops a #state= from the address
  std::function<std::string()> saved_theme;
  std::function<void(const std::string& theme)> save_theme;

  // --- data sets (scripts/prepare-datasets.mjs; datasets.hpp names their files) ---------
  // Reads the prepared data set `name` ("mnist", "fashion-mnist") at the grid's size and
  // loads it with App::load_labelled_set: at once on the desktop (throws for a missing
  // file), once fetched in the browser (its problems then become notices).
  std::function<void(App& app, const std::string& name, const std::string& classes,
                     int per_class, bool replace)>
      load_dataset;

  // --- links, clipboard, the page around -------------------------------------------------
  // The address of a share link for the session text `state` (the page's own address +
  // "#state=" + state); natively "#state=..." alone.
  std::function<std::string(const std::string& state)> share_link;
  std::function<void(const std::string& text)> copy_text;  // to the clipboard, where allowed
  // Embed mode's "Open in full": the session `state` in a new tab with every panel.
  std::function<void(const std::string& state)> open_full;
  std::function<void()> ready;            // the first frame is drawn
  std::function<void()> recall_finished;  // a running (animated) recall has just ended
};

// The build's own host (host_desktop.cpp, or web/host_web.cpp under Emscripten).
Host make_host();

}  // namespace hlab
