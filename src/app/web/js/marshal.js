// Shared by the page's scripts (linked with --post-js, in this order: marshal.js first, so the
// Emscripten runtime - ccall, UTF8ToString, _malloc... - and this object are in scope):
// argument checks and the copying of strings and bytes into wasm memory.
// Types are checked here; values are checked by the C++ core, whose message becomes
// `throw new Error(msg)`.
var hopfieldWeb = (function () {
  'use strict';

  function fail(message) {
    throw new Error('hopfield: ' + message);
  }

  // How long a string argument may be is the core's rule (core/arguments.hpp): names and
  // options at most 1024 bytes (the session format's limit for names), text and files at most
  // 128 MB. Asked before anything is copied into wasm memory.
  var WORD = 0, TEXT = 1;
  function lengthError(name, length, kind, inCharacters) {
    var size = lengthBytesUTF8(name) + 1;
    var ptr = allocate(size, 'an argument\'s name');
    stringToUTF8(name, ptr, size);
    try {
      return cstr(ccall('hl_argument_length_error', 'number', ['number', 'number', 'number', 'number'],
                        [ptr, length, kind, inCharacters ? 1 : 0]));
    } finally {
      _free(ptr);
    }
  }
  // Characters first (never fewer than its UTF-8 bytes): a huge string is refused uncounted.
  function checkLength(name, text, kind) {
    var message = lengthError(name, text.length, kind, true) ||
                  lengthError(name, lengthBytesUTF8(text), kind, false);
    if (message) fail(message);
  }

  // wasm memory for `size` bytes, or an Error (never address 0: _malloc's answer when the
  // memory cannot grow).
  function allocate(size, what) {
    var ptr = _malloc(Math.max(size, 1));
    if (!ptr) fail('not enough memory for ' + what + ' (' + size + ' bytes)');
    return ptr;
  }

  function checkFileSize(bytes) {
    var message = lengthError('the file', bytes.length, TEXT, false);
    if (message) fail(message);
  }

  // Copies bytes (a Uint8Array) into wasm memory for the call fn(pointer, length).
  function withBytes(bytes, fn) {
    checkFileSize(bytes);
    var ptr = allocate(bytes.length, 'the file');
    HEAPU8.set(bytes, ptr);
    try {
      return fn(ptr, bytes.length);
    } finally {
      _free(ptr);
    }
  }

  // A JS string as a C string on the heap (never the wasm stack, which a long one overflows:
  // "memory access out of bounds" and every later call broken). The caller frees it.
  function heapString(text, what) {
    checkLength(what || 'a text argument', text, TEXT);
    var size = lengthBytesUTF8(text) + 1;
    var ptr = allocate(size, what || 'a text argument');
    stringToUTF8(text, ptr, size);
    return ptr;
  }

  // Copies a JS string into wasm memory for the call fn(pointer).
  function withCString(text, fn) {
    var ptr = heapString(text);
    try {
      return fn(ptr);
    } finally {
      _free(ptr);
    }
  }

  // ccall(fn, returns, args) with every string argument copied to the heap and freed after
  // the call (ccall's own 'string' type copies onto the 5 MB stack, unchecked).
  function callC(fn, returns, args) {
    var pointers = [];
    try {
      var values = args.map(function (a) {
        if (typeof a !== 'string') return a;
        var ptr = heapString(a);
        pointers.push(ptr);
        return ptr;
      });
      return ccall(fn, returns, args.map(function () { return 'number'; }), values);
    } finally {
      pointers.forEach(function (ptr) { _free(ptr); });
    }
  }

  function cstr(ptr) {
    return UTF8ToString(ptr);
  }

  function checked(errorPtr) {
    var message = cstr(errorPtr);
    if (message) fail(message);
  }

  // A value as a message shows it: NaN, Infinity and undefined by name (JSON says null).
  function describe(v) {
    if (v === undefined || typeof v === 'number' || typeof v === 'bigint') return String(v);
    try { return JSON.stringify(v); } catch (e) { return String(v); }
  }

  function isInt(v) {
    return typeof v === 'number' && Number.isInteger(v);
  }

  function requireInt(name, v) {
    if (!isInt(v)) fail(name + ' must be an integer, got ' + describe(v));
    return v;
  }

  function requireNumber(name, v) {
    if (typeof v !== 'number' || !Number.isFinite(v))
      fail(name + ' must be a finite number, got ' + describe(v));
    return v;
  }

  function requireString(name, v) {
    if (typeof v !== 'string') fail(name + ' must be a string, got ' + describe(v));
    return v;
  }

  // A name or an option: a string of at most 1024 bytes (UTF-8).
  function requireWord(name, v) {
    requireString(name, v);
    checkLength(name, v, WORD);
    return v;
  }

  // Seeds are 64-bit: a non-negative safe integer, a BigInt, or a string of digits.
  function seedString(v) {
    if (v === undefined) return '0';
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v) || v < 0)
        fail('seed must be a non-negative integer (up to 2^53; use a string or BigInt above), got ' + v);
      return String(v);
    }
    if (typeof v === 'string' && /^[0-9]+$/.test(v)) return v;
    fail('seed must be a non-negative integer, got ' + describe(v));
  }

  function checkKeys(what, obj, allowed) {
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj))
      fail(what + ' must be an object');
    Object.keys(obj).forEach(function (k) {
      if (allowed.indexOf(k) < 0)
        fail(what + ': unknown option "' + k + '" (known: ' + allowed.join(', ') + ')');
    });
  }

  function patternList(name, list) {
    if (!Array.isArray(list)) fail(name + ' must be an array of strings');
    list.forEach(function (s, i) {
      requireString(name + '[' + i + ']', s);
      if (s.indexOf('\n') >= 0) fail(name + '[' + i + '] must not contain a newline');
    });
    return list.join('\n');
  }

  // A notice in the app (an error or information), as its own messages show.
  function notice(text, isError) {
    withCString(text, function (p) { ccall('hl_notice', null, ['number', 'number'], [p, isError ? 1 : 0]); });
  }

  return {
    fail: fail, checkFileSize: checkFileSize, withBytes: withBytes, withCString: withCString, callC: callC, cstr: cstr,
    checked: checked, describe: describe, requireInt: requireInt, requireNumber: requireNumber,
    requireString: requireString, requireWord: requireWord, seedString: seedString, checkKeys: checkKeys,
    patternList: patternList, notice: notice,
    api: null,  // window.hopfield's methods (api.js), published once the app is ready (page.js)
    changed: function () {}  // the session may have changed (session_store.js saves it)
  };
})();
