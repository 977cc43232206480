// window.hopfield: the JavaScript API of the Hopfield Lab page (linked with --post-js, so the
// Emscripten runtime - ccall, UTF8ToString, _malloc... - is in scope). Types are checked
// here; values are checked by the C++ core, whose message becomes `throw new Error(msg)`.
// Nothing changes when a call throws. Pattern strings are row-major, '#' = +1, '.' = -1.
(function () {
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

  var api = {
    getState: function () {
      return JSON.parse(cstr(ccall('hl_get_state', 'number', [], [])));
    },

    // {energy, hamming, flips, overlaps, final, converged, cycle, sweeps, outcome}: the same
    // members, in the same format, as `hopfield-cli recall --json`.
    getTrace: function () {
      return JSON.parse(cstr(ccall('hl_get_trace', 'number', [], [])));
    },

    // {full, partial, unchanged, pixels, renderer, software}: frames drawn whole, drawn only
    // where something changed, and not drawn (nothing changed); the canvas pixels redrawn in
    // all those frames; the WebGL renderer's name and whether it rasterises on the CPU. For
    // benchmarks and bug reports.
    getFrameStats: function () {
      return JSON.parse(cstr(ccall('hl_get_frame_stats', 'number', [], [])));
    },

    setGridSize: function (width, height) {
      requireInt('width', width);
      requireInt('height', height);
      checked(ccall('hl_set_grid_size', 'number', ['number', 'number'], [width, height]));
    },

    // Replaces the library and retrains; the probe becomes pattern 0 (the recall target).
    setPatterns: function (patterns, names) {
      var joined = patternList('patterns', patterns);
      var joinedNames = '';
      if (names !== undefined) {
        joinedNames = patternList('names', names);
        if (names.length !== patterns.length) fail('names must have one entry per pattern');
      }
      withCString(joined, function (p) {
        withCString(joinedNames, function (n) {
          checked(ccall('hl_set_patterns', 'number', ['number', 'number'], [p, n]));
        });
      });
    },

    // Sets the probe (a hand-drawn state, no target) and restarts the recall.
    setState: function (state) {
      requireString('state', state);
      withCString(state, function (p) {
        checked(ccall('hl_set_state', 'number', ['number'], [p]));
      });
    },

    // Replaces the editor's drawing (one undoable edit); getState().drawing reads it back.
    setDrawing: function (grid) {
      requireString('drawing', grid);
      withCString(grid, function (p) {
        checked(ccall('hl_set_drawing', 'number', ['number'], [p]));
      });
    },

    // Where the editor grid was drawn in the last frame: {x, y, width, height} in CSS pixels
    // relative to the canvas (width 0 before the editor is first drawn). Cell (cx, cy) is at
    // x + (cx + 0.5) * width / gridWidth.
    getEditorRect: function () {
      return JSON.parse(cstr(ccall('hl_get_editor_rect', 'number', [], [])));
    },

    // Damages the current state (or stored pattern `pattern`, if given); the result becomes
    // the probe. {type:'flip', fraction, seed} | {type:'saltpepper', probability, seed} |
    // {type:'mask', fraction, value, seed} | {type:'rect', x, y, w, h, value} | {type:'invert'}
    corrupt: function (request) {
      checkKeys('corrupt', request, ['type', 'fraction', 'probability', 'value', 'seed', 'x', 'y',
                                     'w', 'h', 'pattern']);
      var type = requireString('type', request.type);
      var amount = 0;
      if (type === 'flip' || type === 'mask') amount = requireNumber('fraction', request.fraction);
      if (type === 'saltpepper') amount = requireNumber('probability', request.probability);
      var value = request.value === undefined ? -1 : requireInt('value', request.value);
      var rect = [0, 0, 0, 0];
      if (type === 'rect')
        rect = ['x', 'y', 'w', 'h'].map(function (k) { return requireInt(k, request[k]); });
      var pattern = request.pattern === undefined ? -1 : requireInt('pattern', request.pattern);
      if (request.pattern !== undefined && pattern < 0) fail('pattern must be >= 0');
      var seed = seedString(request.seed);
      checked(ccall('hl_corrupt', 'number',
                    ['string', 'number', 'number', 'number', 'number', 'number', 'number',
                     'string', 'number'],
                    [type, amount, value, rect[0], rect[1], rect[2], rect[3], seed, pattern]));
    },

    // n sweeps (default 1); stops early when the recall ends. Returns getState().
    step: function (n) {
      var sweeps = n === undefined ? 1 : requireInt('n', n);
      if (sweeps < 0) fail('n must be >= 0');
      checked(ccall('hl_step', 'number', ['number'], [sweeps]));
      return api.getState();
    },

    stepNeuron: function () {
      checked(ccall('hl_step_neuron', 'number', [], []));
      return api.getState();
    },

    // Back to the probe.
    reset: function () {
      checked(ccall('hl_reset', 'number', [], []));
    },

    // Runs to a fixed point, a 2-cycle or maxSweeps at full speed, animated: the app spends
    // a few milliseconds per frame on it, so the page stays fluid. Resolves with getState()
    // when recall stops (finished, or paused by the user or by another API call).
    run: function () {
      ccall('hl_run_start', null, [], []);
      return new Promise(function (resolve, reject) {
        var seenFrames = -1;
        var seenAt = performance.now();
        function poll() {
          try {
            if (!ccall('hl_is_running', 'number', [], [])) {
              resolve(api.getState());
              return;
            }
            var frames = ccall('hl_frame_count', 'number', [], []);
            var now = performance.now();
            if (frames !== seenFrames) {
              seenFrames = frames;
              seenAt = now;
            } else if (document.hidden || now - seenAt > 250) {
              // The page draws no frames (a hidden tab): advance here instead. Not for a frame
              // that is merely late: 8 ms more on its thread would make the next one late too.
              ccall('hl_run_chunk', null, ['number'], [8]);
            }
            setTimeout(poll, 20);
          } catch (e) {
            reject(e);
          }
        }
        setTimeout(poll, 0);
      });
    },

    // {rule: hebbian|storkey|pseudoinverse, scale: none|n|p, mode: sync|async|sequential,
    //  tie: keep|plus|minus, temperature, seed, maxSweeps, and the model's: model:
    //  classic|dense|modern|sparse|continuous, interaction ('poly:3', 'rectpoly:4', 'exp'),
    //  beta, activity, threshold, dream ('200:0.01'), clip, decay, dilute (0.5 or
    //  '0.5:asymmetric'), sequence (true/false), symmetric, gain, gainFunction ('tanh' or
    //  'arctan'), dt, tau}; omitted options stay as they are, a new model starts from its
    //  defaults, and a parameter that does not apply to the model is an error.
    setOptions: function (options) {
      var modelKeys = ['model', 'interaction', 'beta', 'activity', 'threshold', 'dream', 'clip',
                       'decay', 'dilute', 'sequence', 'symmetric', 'gain', 'gainFunction', 'dt',
                       'tau'];
      checkKeys('setOptions', options, ['rule', 'scale', 'mode', 'tie', 'temperature', 'seed',
                                        'maxSweeps'].concat(modelKeys));
      var o = options;
      ['rule', 'scale', 'mode', 'tie'].forEach(function (k) {
        if (o[k] !== undefined) requireString(k, o[k]);
      });
      if (o.temperature !== undefined) requireNumber('temperature', o.temperature);
      if (o.maxSweeps !== undefined) requireInt('maxSweeps', o.maxSweeps);
      var seed = o.seed === undefined ? '' : seedString(o.seed);
      var model = '';
      modelKeys.forEach(function (k) {
        var v = o[k];
        if (v === undefined) return;
        if (typeof v === 'boolean') v = v ? 'on' : 'off';
        else if (typeof v === 'number') v = String(requireNumber(k, v));
        else requireString(k, v);
        if (v.indexOf(';') >= 0 || v.indexOf('=') >= 0) fail(k + ' must not contain ; or =');
        model += k + '=' + v + ';';
      });
      checked(ccall('hl_set_options', 'number',
                    ['string', 'string', 'string', 'string', 'number', 'number', 'string',
                     'number', 'number', 'string'],
                    [o.rule || '', o.scale || '', o.mode || '', o.tie || '',
                     o.temperature === undefined ? 0 : 1, o.temperature || 0, seed,
                     o.maxSweeps === undefined ? 0 : 1, o.maxSweeps || 0, model]));
    },

    // A built-in set at the current grid size: 'letters', 'digits' or 'classic'. Options:
    // {replace (default true), pick: 'ABC' or 'cross, ring' (only these, in this order)}.
    loadBuiltin: function (family, options) {
      requireString('family', family);
      var replace = !options || options.replace !== false;
      var pick = options && options.pick !== undefined ? requireString('pick', options.pick) : '';
      checked(ccall('hl_load_builtin', 'number', ['string', 'number', 'string'],
                    [family, replace ? 1 : 0, pick]));
    },

    // Runs an experiment (off the page's thread, in a Web Worker) and resolves with the same
    // {experiment, parameters, rows} as `hopfield-cli <experiment> --json`. spec: {experiment:
    // 'capacity'|'basins'|'temperature'|'prune-study', ...the CLI's flags in camelCase}; a
    // pattern source 'library' is the current library. options: {onProgress({done, total,
    // etaSeconds}), signal (an AbortSignal: aborting cancels, and the Promise rejects)}. A bad
    // spec throws an Error naming the field. The app's Experiments window shows the run.
    runExperiment: function (spec, options) {
      if (spec === null || typeof spec !== 'object' || Array.isArray(spec))
        fail('spec must be an object, e.g. {experiment: "capacity", neurons: 256, patterns: "1:64:1"}');
      var o = options === undefined ? {} : options;
      checkKeys('runExperiment options', o, ['onProgress', 'signal']);
      if (o.onProgress !== undefined && typeof o.onProgress !== 'function') fail('onProgress must be a function');
      if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) fail('signal must be an AbortSignal');
      if (o.signal && o.signal.aborted) fail('the signal is already aborted');
      withCString(JSON.stringify(spec), function (p) {
        checked(ccall('hl_experiment_start', 'number', ['number'], [p]));
      });
      return new Promise(function (resolve, reject) {
        var finished = false;
        if (o.signal) o.signal.addEventListener('abort', function () {
          if (!finished) ccall('hl_experiment_cancel', null, [], []);
        });
        var seen = -1;
        function poll() {
          try {
            var s = JSON.parse(cstr(ccall('hl_experiment_status', 'number', [], [])));
            if (o.onProgress && s.done !== seen) {
              seen = s.done;
              o.onProgress({ done: s.done, total: s.total, etaSeconds: s.etaSeconds });
            }
            if (s.state === 'running') {
              setTimeout(poll, 30);
              return;
            }
            finished = true;
            if (s.state === 'done') resolve(JSON.parse(cstr(ccall('hl_experiment_result', 'number', [], []))));
            else if (s.state === 'cancelled') reject(new Error('hopfield: the experiment was cancelled'));
            else reject(new Error('hopfield: ' + (s.error || 'the experiment did not finish')));
          } catch (e) {
            finished = true;
            reject(e);
          }
        }
        setTimeout(poll, 0);
      });
    },

    // A PNG (Uint8Array) of what a region of the page shows, as the next frame draws it:
    // 'editor', 'recall' (the state grid), 'plots' (the recall's plots; 'recall-plots' too),
    // 'experiment-plots' (the Experiments window's) or 'window'. Rejects when the region is
    // not on screen. Pixels are the canvas's (devicePixelRatio applies).
    exportPng: function (region) {
      requireString('region', region);
      var id = ++pngRequests;
      return new Promise(function (resolve, reject) {
        pngWaiting[id] = { resolve: resolve, reject: reject };
        try {
          withCString(region, function (p) {
            checked(ccall('hl_export_png', 'number', ['number', 'number'], [p, id]));
          });
        } catch (e) {
          delete pngWaiting[id];
          reject(e);
        }
      });
    },

    // The recall's trace as CSV text: iter,energy,hamming,flips, then one overlap column per
    // stored pattern (named by the pattern).
    exportCsv: function () {
      return cstr(ccall('hl_trace_csv', 'number', [], []));
    },

    // Where the last frame drew things, in CSS pixels relative to the canvas: {editor, recall,
    // 'recall-plots', run, focus (the keyboard focus, while shown), window, ...}.
    getRegions: function () {
      return JSON.parse(cstr(ccall('hl_get_regions', 'number', [], [])));
    },

    // The look: 'dark', 'light' or 'projector' (large text, thick lines, high contrast); the
    // browser keeps it for the next visit.
    setTheme: function (name) {
      requireString('name', name);
      checked(ccall('hl_set_theme', 'number', ['string'], [name]));
    },

    // Sets up a lesson ('recall', 'overload', 'two-cycles', 'temperature', 'unlearning',
    // 'weights', 'pruning'): library, probe and settings, and its text as the hint.
    loadLesson: function (id) {
      requireString('id', id);
      checked(ccall('hl_load_lesson', 'number', ['string'], [id]));
    },

    // A prepared data set ('mnist' digits or 'fashion-mnist', 50 images per class), fetched
    // from data/ beside the page only now: a Promise. Options: {classes: '3, 7' or ['Sneaker',
    // 'Bag'] (default all), perClass: 1..50 (default 5), replace (default true), size: 16 or 28
    // (default: the grid's, 28 unless it is 16x16)}.
    loadDataset: function (name, options) {
      return fetchDataset(name, options || {}).then(function (files) {
        var message = loadLabelledSet(files);
        if (message) fail(message);
      });
    },

    // An image (PNG, JPEG, GIF or BMP bytes: ArrayBuffer or Uint8Array) into the editor's
    // drawing at the grid's size, as a preview before it is stored: a Promise of the drawing.
    // Options: {threshold: 'otsu' (default) | 'dither' | a level in [0, 1], invert, fit:
    // 'contain' (default) | 'cover', name}. A bad file rejects and keeps the drawing.
    loadImage: function (bytes, options) {
      return new Promise(function (resolve) {
        var data;
        if (bytes instanceof ArrayBuffer) data = new Uint8Array(bytes);
        else if (bytes instanceof Uint8Array) data = bytes;
        else fail('bytes must be an ArrayBuffer or Uint8Array, got ' + describe(bytes));
        var o = options || {};
        var threshold = o.threshold === undefined ? 'otsu' : o.threshold;
        if (typeof threshold === 'number') {
          if (!(threshold >= 0 && threshold <= 1)) fail('threshold level must be in [0, 1], got ' + describe(threshold));
          threshold = String(threshold);
        } else if (threshold !== 'otsu' && threshold !== 'dither') {
          fail("threshold must be 'otsu', 'dither' or a level in [0, 1], got " + describe(threshold));
        }
        var fit = o.fit === undefined ? 'contain' : o.fit;
        if (fit !== 'contain' && fit !== 'cover') fail("fit must be 'contain' or 'cover', got " + describe(fit));
        var name = o.name === undefined ? 'image' : requireString('name', o.name);
        withBytes(data, function (ptr, length) {
          checked(ccall('hl_load_image', 'number', ['number', 'number', 'string', 'string', 'number', 'string'],
                        [ptr, length, name, threshold, o.invert ? 1 : 0, fit]));
        });
        resolve(api.getState().drawing);
      });
    },

    // The last image's grey levels (loadImage, no threshold) as the probe of the modern and
    // continuous models: getState().probe holds their signs. An error for the other models.
    greyProbe: function () {
      checked(ccall('hl_grey_probe', 'number', [], []));
    },

    // Pattern file contents (text grid, PBM, IDX, gzip) as a string, ArrayBuffer or Uint8Array.
    // Added to the library unless {replace: true}.
    loadPatternFile: function (contents, name, options) {
      var bytes;
      if (typeof contents === 'string') bytes = new TextEncoder().encode(contents);
      else if (contents instanceof ArrayBuffer) bytes = new Uint8Array(contents);
      else if (contents instanceof Uint8Array) bytes = contents;
      else fail('contents must be a string, ArrayBuffer or Uint8Array');
      var source = name === undefined ? 'file' : requireString('name', name);
      var replace = !!(options && options.replace);
      withBytes(bytes, function (ptr, length) {
        checked(ccall('hl_load_file', 'number', ['number', 'number', 'string', 'number'],
                      [ptr, length, source, replace ? 1 : 0]));
      });
    }
  };

  // Data sets: fetched on request (the first frame never waits for them), then handed to the
  // app with their labels and class names (App::load_labelled_set).
  var DATASETS = ['mnist', 'fashion-mnist'];
  function fetchBytes(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status + ' for ' + url);
      return r.arrayBuffer();
    }).then(function (b) { return new Uint8Array(b); });
  }
  function fetchDataset(name, o) {
    return new Promise(function (resolve) {
      if (DATASETS.indexOf(name) < 0)
        fail('name must be ' + DATASETS.join(' or ') + ', not ' + describe(name));
      var classes = o.classes === undefined ? '' :
        Array.isArray(o.classes) ? o.classes.join(', ') : requireString('classes', o.classes);
      var perClass = o.perClass === undefined ? 5 : requireInt('perClass', o.perClass);
      if (perClass < 1 || perClass > 50) fail('perClass must be 1 to 50, got ' + perClass);
      var size = o.size;
      if (size === undefined) {
        var s = api.getState();
        size = s.width === 16 && s.height === 16 ? 16 : 28;
      } else if (size !== 16 && size !== 28) {
        fail('size must be 16 or 28, got ' + describe(size));
      }
      var stem = 'data/' + name + '-' + size;
      resolve(Promise.all([fetchBytes(stem + '-images-idx3-ubyte.gz'),
        fetchBytes(stem + '-labels-idx1-ubyte.gz'), fetchBytes('data/' + name + '-classnames.txt')])
        .catch(function (e) {
          throw new Error('hopfield: the ' + name + ' data set did not load (' + e.message + '). Data ' +
            'sets come from the data/ folder beside the page; the single-file page has none.');
        })
        .then(function (bytes) {
          return { name: name + '-' + size, bytes: bytes, classes: classes, perClass: perClass,
                   replace: o.replace !== false };
        }));
    });
  }
  function loadLabelledSet(f) {
    return withBytes(f.bytes[0], function (images, imagesLength) {
      return withBytes(f.bytes[1], function (labels, labelsLength) {
        return withBytes(f.bytes[2], function (names, namesLength) {
          return cstr(ccall('hl_load_labelled_set', 'number',
            ['string', 'number', 'number', 'number', 'number', 'number', 'number', 'string', 'number', 'number'],
            [f.name, images, imagesLength, labels, labelsLength, names, namesLength,
             f.classes, f.perClass, f.replace ? 1 : 0]));
        });
      });
    });
  }
  // The Library panel's Load button: errors become the app's notices.
  Module['hopfieldFetchDataset'] = function (name, classes, perClass, replace) {
    fetchDataset(name, { classes: classes, perClass: perClass, replace: !!replace })
      .then(function (files) {
        var message = loadLabelledSet(files);
        if (message) notice(name + ': ' + message, true);
      })
      .catch(function (e) { notice(e.message.replace(/^hopfield: /, ''), true); });
  };

  // exportPng's requests waiting for their frame; hl_export_png answers through hopfieldPng.
  var pngRequests = 0;
  var pngWaiting = {};
  Module['hopfieldPng'] = function (id, ptr, length) {
    var waiting = pngWaiting[id];
    delete pngWaiting[id];
    if (!waiting) return;
    if (length === 0) waiting.reject(new Error('hopfield: could not read the picture'));
    else waiting.resolve(HEAPU8.slice(ptr, ptr + length));
  };

  // Experiments run in a Web Worker, created for each run (cancelling terminates it).
  var worker = null;
  function toApp(type, text) {
    withCString(type, function (t) {
      withCString(text, function (x) {
        ccall('hl_worker_message', null, ['number', 'number'], [t, x]);
      });
    });
  }
  Module['hopfieldWorkerStart'] = function (spec, files) {
    if (worker) worker.terminate();
    // The single-file build (scripts/single-file.mjs) brings the worker as a Blob URL.
    worker = new Worker(Module.hopfieldWorkerUrl || locateFile('hopfield-worker.js'));
    worker.onmessage = function (e) { toApp(e.data.type, e.data.text || ''); };
    worker.onerror = function (e) {
      if (e.preventDefault) e.preventDefault();
      toApp('error', 'the experiment worker failed: ' + (e.message || 'hopfield-worker.js did not load'));
    };
    worker.postMessage({ spec: spec, files: files });
  };
  Module['hopfieldWorkerStop'] = function () {
    if (worker) worker.terminate();
    worker = null;
  };

  // The shell's <input type=file> hands uploads here; errors are shown in the app itself.
  Module['hopfieldUpload'] = function (file) {
    file.arrayBuffer().then(function (buffer) {
      withBytes(new Uint8Array(buffer), function (ptr, length) {
        ccall('hl_upload_file', null, ['number', 'number', 'string'], [ptr, length, file.name]);
      });
    });
  };

  // Autosave: the session (the app hands it over, Host::save_session), within half a second
  // of a change and on pagehide, in localStorage under this page's address (embeds with other
  // parameters keep their own). Restored at start-up unless the link carries a #state= (main.cpp).
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
  function notice(text, isError) {
    withCString(text, function (p) { ccall('hl_notice', null, ['number', 'number'], [p, isError ? 1 : 0]); });
  }
  Module['hopfieldSaveSession'] = function (text) {
    if (!saving || text === lastSaved) return;
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
  };
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

  // postMessage API, for course pages on another origin (an iframe): the host posts
  // {hopfield: 1, id, method, args} and gets {hopfield: 1, id, result} or {hopfield: 1, id,
  // error} back (a Promise's value once it settles); the page posts {hopfield: 1, event:
  // 'ready' | 'finished' (with state) | 'resize' (with height)} to its parent. Any origin may
  // call unless ?origins=a,b lists the allowed ones: the page holds nothing private (no
  // cookies, no server, no credentials), and a caller can do only what the JS API lets a
  // student do by hand in the frame. shell/embed.js is the host-side helper.
  var allowedOrigins = (new URLSearchParams(location.search).get('origins') || '')
    .split(',').filter(function (o) { return o; });
  var pendingMessages = [];
  function toParent(message) {
    if (window.parent && window.parent !== window) {
      message.hopfield = 1;
      window.parent.postMessage(message, '*');
    }
  }
  function answer(event, reply) {
    reply.hopfield = 1;
    reply.id = event.data.id;
    try {
      event.source.postMessage(reply, event.origin === 'null' ? '*' : event.origin);
    } catch (e) {  // a result that cannot be cloned
      event.source.postMessage({ hopfield: 1, id: event.data.id, error: 'hopfield: ' + e.message },
                               event.origin === 'null' ? '*' : event.origin);
    }
  }
  function handleMessage(event) {
    var d = event.data;
    if (!d || d.hopfield !== 1 || d.event !== undefined || !event.source) return;
    if (allowedOrigins.length && allowedOrigins.indexOf(event.origin) < 0) {
      answer(event, { error: 'hopfield: origin ' + event.origin + ' is not in this page\'s origins=' });
      return;
    }
    if (!window.hopfield) {  // before ready: answered once the app is up
      pendingMessages.push(event);
      return;
    }
    try {
      if (typeof d.method !== 'string' || !Object.prototype.hasOwnProperty.call(api, d.method) ||
          typeof api[d.method] !== 'function')
        fail('unknown method ' + JSON.stringify(d.method) + ' (methods: ' + Object.keys(api).join(', ') + ')');
      if (d.args !== undefined && !Array.isArray(d.args)) fail('args must be an array of the arguments');
      var result = api[d.method].apply(api, d.args || []);
      Promise.resolve(result).then(function (value) {
        answer(event, { result: value === undefined ? null : value });
      }, function (e) {
        answer(event, { error: e && e.message ? e.message : String(e) });
      });
    } catch (e) {
      answer(event, { error: e && e.message ? e.message : String(e) });
    }
  }
  window.addEventListener('message', handleMessage);
  Module['hopfieldFinished'] = function () {
    toParent({ event: 'finished', state: api.getState() });
  };
  function postHeight() {
    toParent({ event: 'resize', height: document.documentElement.scrollHeight });
  }

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
    toParent({ event: 'ready' });
    postHeight();
    window.addEventListener('resize', postHeight);
    pendingMessages.splice(0).forEach(handleMessage);
    saving = true;
    lastSaved = Module['hopfieldSavedSession']();
    setInterval(announce, 1000);
    window.addEventListener('pagehide', function () { ccall('hl_autosave', null, [], []); });
    window.dispatchEvent(new Event('hopfield-ready'));
  };
})();
