// window.hopfield: the JavaScript API of the Hopfield Lab page, the lab's state, recall, settings,
// lessons and experiments (api_files.js adds the imports and exports). Nothing changes when a
// call throws. Pattern strings are row-major, '#' = +1, '.' = -1.
(function () {
  'use strict';
  var w = hopfieldWeb;
  var fail = w.fail, withCString = w.withCString, callC = w.callC, cstr = w.cstr, checked = w.checked;
  var requireInt = w.requireInt, requireNumber = w.requireNumber, requireString = w.requireString,
      requireWord = w.requireWord, seedString = w.seedString, checkKeys = w.checkKeys,
      patternList = w.patternList;

  // {state, done, total, etaSeconds, elapsedSeconds, error, run (which start this is)}
  function experimentStatus() {
    return JSON.parse(cstr(ccall('hl_experiment_status', 'number', [], [])));
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
      var type = requireWord('type', request.type);
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
      checked(callC('hl_corrupt', 'number',
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

    // The library's Delete: stored pattern `index` leaves the library (the Hebbian rule
    // unlearns it exactly; the other rules relearn the rest).
    removePattern: function (index) {
      checked(ccall('hl_remove_pattern', 'number', ['number'], [requireInt('index', index)]));
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
        if (o[k] !== undefined) requireWord(k, o[k]);
      });
      if (o.temperature !== undefined) requireNumber('temperature', o.temperature);
      if (o.maxSweeps !== undefined) requireInt('maxSweeps', o.maxSweeps);
      // Every setting as "key=value;" text, read in C++ by the core's one grammar (the same
      // as the URL's and the CLI's): the model first, then the rest, all or nothing.
      var text = '';
      ['rule', 'scale', 'mode', 'tie', 'temperature', 'seed', 'maxSweeps'].concat(modelKeys)
        .forEach(function (k) {
          var v = o[k];
          if (v === undefined) return;
          if (k === 'seed') v = seedString(v);
          else if (typeof v === 'boolean') v = v ? 'on' : 'off';
          else if (typeof v === 'number') v = String(requireNumber(k, v));
          else requireWord(k, v);
          if (v.indexOf(';') >= 0 || v.indexOf('=') >= 0) fail(k + ' must not contain ; or =');
          text += k + '=' + v + ';';
        });
      checked(callC('hl_set_options', 'number', [text]));
    },

    // A built-in set at the current grid size: 'letters', 'digits' or 'classic'. Options:
    // {replace (default true), pick: 'ABC' or 'cross, ring' (only these, in this order)}.
    loadBuiltin: function (family, options) {
      requireWord('family', family);
      var replace = !options || options.replace !== false;
      var pick = options && options.pick !== undefined ? requireString('pick', options.pick) : '';
      checked(callC('hl_load_builtin', 'number', [family, replace ? 1 : 0, pick]));
    },

    // Runs an experiment (off the page's thread, in a Web Worker) and resolves with the same
    // {experiment, parameters, rows} as `hopfield-cli <experiment> --json`. spec: {experiment:
    // 'capacity'|'basins'|'temperature'|'prune-study', ...the CLI's flags in camelCase}; a
    // pattern source 'library' is the current library. options: {onProgress({done, total,
    // etaSeconds}), signal (an AbortSignal: aborting cancels this run, and its Promise rejects)}.
    // A bad spec throws an Error naming the field, and so does a call while another experiment
    // runs. The app's Experiments window shows the run.
    runExperiment: function (spec, options) {
      if (spec === null || typeof spec !== 'object' || Array.isArray(spec))
        fail('spec must be an object, e.g. {experiment: "capacity", neurons: 256, patterns: "1:64:1"}');
      var o = options === undefined ? {} : options;
      checkKeys('runExperiment options', o, ['onProgress', 'signal']);
      if (o.onProgress !== undefined && typeof o.onProgress !== 'function') fail('onProgress must be a function');
      if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) fail('signal must be an AbortSignal');
      if (o.signal && o.signal.aborted) fail('the signal is already aborted');
      // One run at a time: a second call while one runs is refused (it would take over the
      // first's worker, status and result).
      if (experimentStatus().state === 'running')
        fail('an experiment is already running: wait for it to end, or abort it (options.signal), ' +
             'before starting another');
      withCString(JSON.stringify(spec), function (p) {
        checked(ccall('hl_experiment_start', 'number', ['number'], [p]));
      });
      var run = experimentStatus().run;  // this call's run: the status of no other is taken
      return new Promise(function (resolve, reject) {
        var finished = false;
        if (o.signal) o.signal.addEventListener('abort', function () {
          if (!finished && experimentStatus().run === run) ccall('hl_experiment_cancel', null, [], []);
        });
        var seen = -1;
        function poll() {
          try {
            var s = experimentStatus();
            if (s.run !== run) {
              finished = true;
              reject(new Error('hopfield: the experiment was replaced by another one started in the ' +
                               'Experiments window'));
              return;
            }
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

    // The look: 'dark', 'light' or 'projector' (large text, thick lines, high contrast); the
    // browser keeps it for the next visit.
    setTheme: function (name) {
      requireWord('name', name);
      checked(callC('hl_set_theme', 'number', [name]));
    },

    // Sets up a lesson ('recall', 'overload', 'two-cycles', 'temperature', 'unlearning',
    // 'weights', 'pruning', 'dense', 'sequence'): library, probe and settings, and its text as
    // the hint.
    loadLesson: function (id) {
      requireWord('id', id);
      checked(callC('hl_load_lesson', 'number', [id]));
    }
  };
  w.api = api;
})();
