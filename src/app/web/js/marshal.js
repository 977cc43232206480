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

  // Copies bytes (a Uint8Array) into wasm memory for the call fn(pointer, length).
  function withBytes(bytes, fn) {
    var ptr = _malloc(Math.max(bytes.length, 1));
    HEAPU8.set(bytes, ptr);
    try {
      return fn(ptr, bytes.length);
    } finally {
      _free(ptr);
    }
  }

  // Copies a JS string into wasm memory (heap, not stack: patterns can be megabytes).
  function withCString(text, fn) {
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    try {
      return fn(ptr);
    } finally {
      _free(ptr);
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
    fail: fail, withBytes: withBytes, withCString: withCString, cstr: cstr, checked: checked,
    describe: describe, requireInt: requireInt, requireNumber: requireNumber,
    requireString: requireString, seedString: seedString, checkKeys: checkKeys,
    patternList: patternList, notice: notice,
    api: null  // window.hopfield's methods (api.js), published once the app is ready (page.js)
  };
})();
