// The page's glue: upload, autosave, theme, share link, wheel, live region, and the start
// once the app has drawn its first frame (window.hopfield appears then).
(function () {
  'use strict';
  var w = hopfieldWeb, withBytes = w.withBytes, cstr = w.cstr, notice = w.notice;
  var api = w.api;

  // The shell's <input type=file> hands uploads here; errors are shown in the app itself.
  Module['hopfieldUpload'] = function (file) {
    file.arrayBuffer().then(function (buffer) {
      withBytes(new Uint8Array(buffer), function (ptr, length) {
        ccall('hl_upload_file', null, ['number', 'number', 'string'], [ptr, length, file.name]);
      });
    });
  };

  // Autosave: the session (hl_session_text), within half a second of a change and on
  // pagehide, in localStorage under this page's address (embeds with other parameters keep
  // their own). Restored at start-up unless the link carries a #state= (main.cpp).
  var SAVE_KEY = 'hopfield-lab.session:' + location.pathname + location.search;
  var saving = false, lastSaved = null, storageWarned = false;
  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }
  // The look (dark, light, projector) is the reader's, not the page's: one entry for every
  // page of this origin.
  var THEME_KEY = 'hopfield-lab.theme';
  Module['hopfieldSavedTheme'] = function () {
    try { return storage().getItem(THEME_KEY) || ''; } catch (e) { return ''; }
  };
  Module['hopfieldSaveTheme'] = function (theme) {
    try { storage().setItem(THEME_KEY, theme); } catch (e) { /* storage blocked: not kept */ }
  };
  Module['hopfieldSavedSession'] = function () {
    try { return storage().getItem(SAVE_KEY) || ''; } catch (e) { return ''; }
  };
  function autosave() {
    if (!saving) return;
    var text = cstr(ccall('hl_session_text', 'number', [], []));
    if (text === lastSaved) return;
    try {
      storage().setItem(SAVE_KEY, text);
      lastSaved = text;
    } catch (e) {
      lastSaved = text;  // tried; try again after the next change
      if (!storageWarned) {
        storageWarned = true;
        notice('This browser does not let the page keep its work (private mode, or storage blocked ' +
               'in this frame): a reload starts afresh. Use Share to keep a link.', false);
      }
    }
  }
  Module['hopfieldForgetSession'] = function () {
    try { storage().removeItem(SAVE_KEY); } catch (e) { /* nothing saved, nothing to forget */ }
    lastSaved = null;
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  };
  function shareLink(state) {
    return location.href.split('#')[0] + '#state=' + state;
  }
  Module['hopfieldShareLink'] = function (state) {
    var link = shareLink(state);
    try {
      if (navigator.clipboard) navigator.clipboard.writeText(link).catch(function () {});
    } catch (e) { /* the popup shows the link to copy by hand */ }
    return link;
  };
  // Embed mode's "Open in full": this session in a new tab, without the embed parameters.
  Module['hopfieldOpenFull'] = function (state) {
    var params = new URLSearchParams(location.search);
    ['embed', 'panels', 'autorun', 'probe', 'state'].forEach(function (k) { params.delete(k); });
    var query = params.toString();
    window.open(location.pathname + (query ? '?' + query : '') + '#state=' + state, '_blank', 'noopener');
  };

  // The address of a link that opens this session as it is now (#state=..., see
  // docs/embedding.md); the page's own address and parameters are kept.
  api.getShareLink = function () {
    return shareLink(cstr(ccall('hl_session_text', 'number', [], [])));
  };

  // The wheel over the lab scrolls what it points at in the lab; when that has nothing (more)
  // to scroll, the browser gets the wheel and scrolls the page around an embedded lab.
  window.addEventListener('wheel', function (event) {
    if (!window.hopfield || !event.target || event.target.id !== 'canvas') return;
    if (!ccall('hl_wheel_scrolls', 'number', ['number'], [event.deltaY]))
      event.stopImmediatePropagation();  // SDL never sees it, so nothing prevents the default
  }, { capture: true, passive: true });

  // Screen readers: the canvas is one picture to them, so a polite live region outside it
  // says where the recall is (ready, the sweep with its energy and distance, the verdict),
  // at most once a second and only when it changed.
  var lastStatus = '';
  function announce() {
    var region = document.getElementById('hopfield-live');
    if (!region) return;
    var text = cstr(ccall('hl_status_text', 'number', [], []));
    if (text !== lastStatus) region.textContent = lastStatus = text;
  }

  // Called by the app after its first frame.
  Module['hopfieldReady'] = function () {
    window.hopfield = api;
    w.messagesReady();
    saving = true;
    lastSaved = Module['hopfieldSavedSession']();
    setInterval(autosave, 500);
    setInterval(announce, 1000);
    window.addEventListener('pagehide', autosave);
    window.dispatchEvent(new Event('hopfield-ready'));
  };
})();
