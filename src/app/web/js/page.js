// The page's glue: upload, theme, "Open in full", wheel, live region, and the start once the
// app has drawn its first frame (window.hopfield appears then). Autosave and links:
// session_store.js.
(function () {
  'use strict';
  var w = hopfieldWeb, withBytes = w.withBytes, callC = w.callC, cstr = w.cstr, notice = w.notice;
  var api = w.api;

  // The shell's <input type=file> and a drop hand uploads here; errors are shown in the app
  // itself. An image is decoded off the page's thread (image_worker.js).
  function upload(bytes, name) {
    withBytes(bytes, function (ptr, length) {
      callC('hl_upload_file', null, [ptr, length, name]);
    });
    w.changed();
  }
  function uploadImage(bytes, name) {
    return w.decodeImage(bytes, name).then(function (image) {
      withBytes(image.pixels, function (ptr, length) {
        callC('hl_upload_image', null, [ptr, length, image.width, image.height, name, '']);
      });
      w.changed();
    }, function (e) {
      callC('hl_upload_image', null, [0, 0, 0, 0, name, e.message]);
    });
  }
  Module['hopfieldUpload'] = function (file) {
    return file.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var image = !w.imagesOnPage() && withBytes(bytes.subarray(0, 16), function (ptr, length) {
        return callC('hl_looks_like_image', 'number', [ptr, length]);
      });
      return image ? uploadImage(bytes, file.name) : upload(bytes, file.name);
    }).catch(function (e) { notice('Loading ' + file.name + ': ' + e.message.replace(/^hopfield: /, ''), true); });
  };

  // The look (dark, light, projector) is the reader's, not the page's: one entry for every
  // page of this origin.
  var THEME_KEY = 'hopfield-lab.theme';
  Module['hopfieldSavedTheme'] = function () {
    try { return window.localStorage.getItem(THEME_KEY) || ''; } catch (e) { return ''; }
  };
  Module['hopfieldSaveTheme'] = function (theme) {
    try { window.localStorage.setItem(THEME_KEY, theme); } catch (e) { /* storage blocked: not kept */ }
  };
  // Embed mode's "Open in full": this session in a new tab, without the embed parameters.
  Module['hopfieldOpenFull'] = function (state) {
    var params = new URLSearchParams(location.search);
    ['embed', 'panels', 'autorun', 'probe', 'state'].forEach(function (k) { params.delete(k); });
    var query = params.toString();
    window.open(location.pathname + (query ? '?' + query : '') + '#state=' + state, '_blank', 'noopener');
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
    // Each call of the API wakes the app's main loop, so what it changes is drawn at once: an
    // idle page builds 10 frames a second, not one per display refresh (platform.cpp).
    Object.keys(api).forEach(function (name) {
      var method = api[name];
      if (typeof method !== 'function') return;
      api[name] = function () {
        ccall('hl_wake', null, [], []);
        return method.apply(this, arguments);
      };
    });
    window.hopfield = api;
    w.messagesReady();
    w.sessionReady();
    setInterval(announce, 1000);
    window.dispatchEvent(new Event('hopfield-ready'));
  };
})();
