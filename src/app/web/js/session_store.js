// Autosave and share links. The student's own session is kept in localStorage under this
// page's address (embeds with other parameters keep their own) and restored at the plain
// address. A session opened from a link (#state=... or ?state=..., at load or pasted into an
// open page) never overwrites it: it is saved under its own key (with the link it came from,
// so a reload of the link brings back its edits) until the student keeps it (the shell's
// "Keep this session" bar, or hopfield.keepSession()). The session is encoded only after a
// change (an input event, an API call, a finished upload), in the browser's idle time.
(function () {
  'use strict';
  var w = hopfieldWeb, cstr = w.cstr, notice = w.notice, callC = w.callC, fail = w.fail;
  var api = w.api;

  // The longest link state the page opens or suggests: 1 MiB, the longest address Firefox
  // opens (Chromium: 2 MiB). A longer state is refused on its length, before it is read.
  var MAX_LINK_CHARS = 1 << 20;
  var SAVE_DELAY_MS = 500;

  // Raw `name=value` from a query or hash text ('?a=1&b=2', '#state=...'), or null.
  function rawParam(text, name) {
    var parts = String(text).replace(/^[?#]/, '').split('&');
    for (var i = 0; i < parts.length; ++i)
      if (parts[i].slice(0, name.length + 1) === name + '=') return parts[i].slice(name.length + 1);
    return null;
  }
  function withoutParam(text, name, prefix) {
    var kept = String(text).replace(/^[?#]/, '').split('&').filter(function (p) {
      return p && p !== name && p.slice(0, name.length + 1) !== name + '=';
    });
    return kept.length ? prefix + kept.join('&') : '';
  }
  function replaceParam(text, name, value, prefix) {
    return String(text).replace(/^[?#]/, '').split('&').map(function (p) {
      return p.slice(0, name.length + 1) === name + '=' ? name + '=' + value : p;
    }).join('&').replace(/^/, prefix);
  }

  var pagePath = location.pathname + withoutParam(location.search, 'state', '?');
  var OWN_KEY = 'hopfield-lab.session:' + pagePath;
  var LINK_KEY = 'hopfield-lab.linked:' + pagePath;
  var STALE_SUFFIX = ':stale';  // when the session after the saved one was too large to keep

  // The link this page shows (a #state= wins over a ?state=, as at start-up), or null.
  function linkOfAddress() {
    var s = rawParam(location.hash, 'state');
    return s !== null ? s : rawParam(location.search, 'state');
  }
  var link = linkOfAddress();  // non-null: the session shown came from this link
  var saving = false, dirty = true, scheduled = false, lastSaved = null;
  var warned = {}, pending = [], problem = '';

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }
  function read(key) {
    try { return storage().getItem(key) || ''; } catch (e) { return ''; }
  }
  function remove(key) {
    try { storage().removeItem(key); } catch (e) { /* nothing kept, nothing to remove */ }
  }
  // The edits of a linked session, if they were made to this same link.
  function linkedEdits(state) {
    try {
      var saved = JSON.parse(read(LINK_KEY) || 'null');
      if (saved && saved.link === state && typeof saved.session === 'string') return saved.session;
    } catch (e) { /* not ours: ignored */ }
    return null;
  }
  function tooLong(state) {
    return 'The link was not opened: its state is ' + state.length + ' characters, longer than ' +
      'any session a link can hold (at most ' + MAX_LINK_CHARS + ').';
  }
  // The start-up address as the app reads it (platform.cpp): an over-long state is dropped
  // (with a notice) before anything reads it, and a link reopened after edits brings them back.
  function forApp(text, prefix) {
    var state = rawParam(text, 'state');
    if (state === null) return text.replace(/^[?#]/, prefix);
    if (state.length > MAX_LINK_CHARS) {
      pending.push([tooLong(state), true]);
      return withoutParam(text, 'state', prefix);
    }
    var edits = state === link ? linkedEdits(state) : null;
    if (edits !== null) staleNotice(LINK_KEY);
    return edits === null ? text.replace(/^[?#]/, prefix) : replaceParam(text, 'state', edits, prefix);
  }
  Module['hopfieldPageHash'] = function () { return forApp(location.hash, ''); };
  Module['hopfieldPageQuery'] = function () {
    // origins= is the page's own (messages.js), not a start-up parameter of the app.
    var query = withoutParam(location.search, 'origins', '?');
    // A #state= wins: the query's own state is then not read at all.
    return rawParam(location.hash, 'state') !== null ? withoutParam(query, 'state', '?') : forApp(query, '?');
  };
  // The session start-up restores when the address carries no link ('' inside a link's page:
  // the student's session belongs to the plain address).
  Module['hopfieldSavedSession'] = function () {
    if (link !== null) return '';
    if (read(OWN_KEY)) staleNotice(OWN_KEY);
    return read(OWN_KEY);
  };
  // A session restored although later changes could not be saved: said, never silent.
  function staleNotice(key) {
    var stale = read(key + STALE_SUFFIX);
    if (stale)
      pending.push(['This is the session this browser kept before ' + new Date(Number(stale)).toLocaleString() +
                    ': the changes after it were too large to keep.', true]);
  }

  var encodes = 0;  // sessions encoded for autosave (getSessionInfo: idle pages encode none)
  function sessionText() {
    return cstr(ccall('hl_session_text', 'number', [], []));
  }
  function isQuota(e) {
    return e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);
  }
  // Blocked storage is a standing fact of this page, not news: said once, as a quiet line in
  // the Library panel (hl_storage_note) that covers nothing, never as a toast over the lab.
  function storageBlocked() {
    problem = 'blocked';
    if (warned.blocked) return;
    warned.blocked = true;
    callC('hl_storage_note', null, ['This browser does not let the page keep its work here (private ' +
      'mode, or storage blocked in this frame): a reload starts afresh. Export the library as text to keep it.']);
  }
  function storageWorks() {
    try {
      storage().setItem('hopfield-lab.probe', '1');
      storage().removeItem('hopfield-lab.probe');
      return true;
    } catch (e) {
      return isQuota(e);  // full, not blocked: said when a session does not fit
    }
  }
  function warnOnce(kind, text) {
    if (warned[kind]) return;
    warned[kind] = true;
    notice(text, kind === 'quota');
  }
  // Writes the session where it belongs; says once what went wrong (quota or blocked storage).
  function write(text) {
    var key = link === null ? OWN_KEY : LINK_KEY;
    // (an over-long link is not kept: it was never opened)
    var value = link === null ? text :
      JSON.stringify({ link: link.length <= MAX_LINK_CHARS ? link : '', session: text });
    try {
      storage().setItem(key, value);
      remove(key + STALE_SUFFIX);
      problem = '';
      return true;
    } catch (e) {
      if (!isQuota(e)) {
        storageBlocked();
        return false;
      }
      problem = 'too-large';
      // A reload must not bring back the older session as if it were this one: it is marked.
      try {
        if (read(key)) storage().setItem(key + STALE_SUFFIX, String(Date.now()));
      } catch (e2) {
        remove(key);
      }
      warnOnce('quota', 'This session (' + text.length + ' characters) is too large for this browser to ' +
               'keep: a reload will not bring these changes back. Keep it as a file with "Export library ' +
               'as text" in the Library' + (shareLink(text).length <= MAX_LINK_CHARS ? ', or copy a link with Share.' : '.'));
      return false;
    }
  }
  function save() {
    scheduled = false;
    if (!saving || !dirty) return;
    dirty = false;
    ++encodes;
    var text = sessionText();
    if (text === lastSaved) return;
    lastSaved = text;  // tried: after a failure, tried again after the next change
    write(text);
  }
  // Something may have changed: saved within SAVE_DELAY_MS, in the browser's idle time.
  function changed() {
    dirty = true;
    if (scheduled || !saving) return;
    scheduled = true;
    setTimeout(function () {
      if (window.requestIdleCallback) window.requestIdleCallback(save, { timeout: 1000 });
      else save();
    }, SAVE_DELAY_MS);
  }
  w.changed = changed;
  ['pointerup', 'keyup', 'touchend', 'drop'].forEach(function (type) {
    window.addEventListener(type, changed, { capture: true, passive: true });
  });

  // Opens a session text in the running app; '' opens a fresh one. Returns the error, or ''.
  function restore(text) {
    var decoded = text;
    try { decoded = decodeURIComponent(text); } catch (e) { /* read as it is */ }
    return cstr(callC('hl_restore_session', 'number', [decoded]));
  }
  function plainAddress() {
    return location.pathname + withoutParam(location.search, 'state', '?') +
      withoutParam(location.hash, 'state', '#');
  }

  // The shell's bar over a linked session (not in an embed: there the course page decides).
  function showBar() {
    var bar = document.getElementById('hopfield-link-bar');
    if (!bar) return;
    var embedded = window.self !== window.top ||
      (rawParam(location.search, 'embed') !== null && rawParam(location.search, 'embed') !== '0');
    bar.hidden = link === null || embedded;
  }
  function wireBar() {
    var keep = document.getElementById('hopfield-link-keep');
    var mine = document.getElementById('hopfield-link-mine');
    var close = document.getElementById('hopfield-link-close');
    if (keep) keep.addEventListener('click', function () {
      try { api.keepSession(); } catch (e) { notice(e.message.replace(/^hopfield: /, ''), true); }
    });
    if (mine) mine.addEventListener('click', function () {
      save();
      location.assign(plainAddress());
    });
    if (close) close.addEventListener('click', function () {
      document.getElementById('hopfield-link-bar').hidden = true;
    });
  }

  // A link pasted into the open page (only the # part changed: no reload) opens like a load.
  window.addEventListener('hashchange', function () {
    if (!saving) return;
    var state = rawParam(location.hash, 'state');
    if (state === link) return;
    save();
    if (state === null) {
      if (rawParam(location.search, 'state') !== null) return location.reload();
      link = null;
      var own = read(OWN_KEY);
      var error = restore(own);
      if (error) notice('Could not restore this browser\'s session: ' + error, true);
    } else {
      link = state;
      if (state.length > MAX_LINK_CHARS) {
        notice(tooLong(state), true);
      } else {
        var edits = linkedEdits(state);
        var message = restore(edits === null ? state : edits);
        if (message) notice('Could not restore the session from the link: ' + message, true);
      }
    }
    lastSaved = null;
    changed();
    showBar();
  });

  Module['hopfieldForgetSession'] = function () {
    remove(OWN_KEY);
    remove(OWN_KEY + STALE_SUFFIX);
    remove(LINK_KEY);
    lastSaved = null;
    link = null;
    if (location.hash || rawParam(location.search, 'state') !== null)
      history.replaceState(null, '', plainAddress());
    showBar();
  };

  function shareLink(state) {
    return location.href.split(/[?#]/)[0] + withoutParam(location.search, 'state', '?') + '#state=' + state;
  }
  function tooLongToShare(state) {
    return 'This session makes a link of ' + state.length + ' characters, longer than browsers open (' +
      MAX_LINK_CHARS + '): keep it as a file with "Export library as text" in the Library instead.';
  }
  Module['hopfieldShareLink'] = function (state) {
    var address = shareLink(state);
    if (state.length > MAX_LINK_CHARS) {
      notice(tooLongToShare(state), true);
      return '';
    }
    try {
      if (navigator.clipboard) navigator.clipboard.writeText(address).catch(function () {});
    } catch (e) { /* the popup shows the link to copy by hand */ }
    return address;
  };

  // The address of a link that opens this session as it is now (#state=..., see
  // docs/embedding.md); the page's own address and parameters are kept.
  api.getShareLink = function () {
    var state = sessionText();
    if (state.length > MAX_LINK_CHARS) fail(tooLongToShare(state));
    return shareLink(state);
  };

  // Makes a session opened from a link this browser's own (restored at the plain address),
  // replacing the one kept before; the address loses its state.
  api.keepSession = function () {
    if (link === null) fail('this session is already the one this browser keeps (it was not opened from a link)');
    var text = sessionText();
    var was = link;
    link = null;
    if (!write(text)) {
      link = was;
      fail(problem === 'too-large' ? 'this session is too large for this browser to keep'
                                   : 'this browser does not let the page keep its work');
    }
    remove(LINK_KEY);
    lastSaved = text;
    history.replaceState(null, '', plainAddress());
    showBar();
    notice('Kept: this session is the one this browser restores from now on.', false);
  };

  // {linked: whether the session shown came from a link (kept apart from this browser's own),
  //  saved: 'yes' | 'pending' | 'too-large' | 'blocked', encodes: how many times autosave
  //  encoded the session (only after a change)}
  api.getSessionInfo = function () {
    return { linked: link !== null, saved: problem || (dirty || scheduled ? 'pending' : 'yes'),
             encodes: encodes };
  };

  // An API call may change the session (the getters and exports do not); a Promise's result
  // may change it when it settles.
  Object.keys(api).forEach(function (name) {
    var method = api[name];
    if (typeof method !== 'function' || /^(get|export)/.test(name)) return;
    api[name] = function () {
      try {
        var result = method.apply(api, arguments);
        if (result && typeof result.then === 'function') result.then(changed, changed);
        return result;
      } finally {
        changed();
      }
    };
  });

  // Called once the app is up (page.js): saving starts, and what start-up had to say is said.
  w.sessionReady = function () {
    saving = true;
    var stored = link === null ? read(OWN_KEY) : linkedEdits(link);
    lastSaved = stored;
    pending.splice(0).forEach(function (n) { notice(n[0], n[1]); });
    if (!storageWorks()) storageBlocked();
    changed();
    window.addEventListener('pagehide', save);
    wireBar();
    showBar();
  };
})();
