// window.hopfield's imports and exports: PNG and CSV exports, images, pattern files and the
// prepared data sets (fetched from data/ beside the page only when asked).
(function () {
  'use strict';
  var w = hopfieldWeb;
  var fail = w.fail, describe = w.describe, notice = w.notice;
  var withBytes = w.withBytes, withCString = w.withCString, callC = w.callC, cstr = w.cstr, checked = w.checked;
  var requireInt = w.requireInt, requireString = w.requireString, requireWord = w.requireWord,
      checkKeys = w.checkKeys;
  var api = w.api;

  // Data sets: fetched on request (the first frame never waits for them), then handed to the
  // app with their labels and class names (App::load_labelled_set). Their files are named by
  // the app (src/app/state/datasets.hpp, through hl_dataset_files), not here.
  // The one-file page carries them inside (scripts/single-file.mjs: Module.hopfieldDataFiles,
  // base64 by file name); the site's page fetches them from data/ beside it.
  var inside = Module['hopfieldDataFiles'];
  function dataFile(name) {
    if (inside) {
      if (!Object.prototype.hasOwnProperty.call(inside, name))
        return Promise.reject(new Error(name + ' is not inside this one-file page: it was built ' +
                                        'without data sets'));
      return Promise.resolve(Uint8Array.from(atob(inside[name]), function (c) { return c.charCodeAt(0); }));
    }
    var url = 'data/' + name;
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status + ' for ' + url);
      return r.arrayBuffer();
    }).then(function (b) { return new Uint8Array(b); });
  }
  function fetchDataset(name, o) {
    return new Promise(function (resolve) {
      requireWord('name', name);
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
      var files = JSON.parse(cstr(callC('hl_dataset_files', 'number', [name, size])));
      if (files.error) fail(files.error);
      resolve(Promise.all([dataFile(files.images), dataFile(files.labels), dataFile(files.classNames)])
        .catch(function (e) {
          throw new Error('hopfield: the ' + name + ' data set did not load (' + e.message + ')' +
            (inside ? '.' : '. Data sets come from the data/ folder beside the page.'));
        })
        .then(function (bytes) {
          return { name: files.stem, bytes: bytes, classes: classes, perClass: perClass,
                   replace: o.replace !== false };
        }));
    });
  }
  function loadLabelledSet(f) {
    return withBytes(f.bytes[0], function (images, imagesLength) {
      return withBytes(f.bytes[1], function (labels, labelsLength) {
        return withBytes(f.bytes[2], function (names, namesLength) {
          return cstr(callC('hl_load_labelled_set', 'number',
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
        w.changed();
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

  Object.assign(api, {
    // A PNG (Uint8Array) of what a region of the page shows, as the next frame draws it:
    // 'editor', 'recall' (the state grid), 'plots' (the recall's plots; 'recall-plots' too),
    // 'experiment-plots' (the Experiments window's) or 'window'. Rejects when the region is
    // not on screen. Pixels are the canvas's (devicePixelRatio applies). With options
    // {width, height, logY} ('experiment-plots' only) the experiment's plots are drawn off
    // screen instead, whole, exactly width x height pixels, with every legend entry.
    exportPng: function (region, options) {
      requireString('region', region);
      var size = null;
      if (options !== undefined) {
        checkKeys('exportPng options', options, ['width', 'height', 'logY']);
        if (region !== 'experiment-plots') fail('a size applies to experiment-plots only, not ' + region);
        size = [requireInt('width', options.width), requireInt('height', options.height), options.logY ? 1 : 0];
      }
      var id = ++pngRequests;
      return new Promise(function (resolve, reject) {
        pngWaiting[id] = { resolve: resolve, reject: reject };
        try {
          if (size) {
            checked(ccall('hl_export_plots_png', 'number', ['number', 'number', 'number', 'number'],
                          [id, size[0], size[1], size[2]]));
          } else {
            withCString(region, function (p) {
              checked(ccall('hl_export_png', 'number', ['number', 'number'], [p, id]));
            });
          }
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
        var name = o.name === undefined ? 'image' : requireWord('name', o.name);
        var invert = o.invert ? 1 : 0;
        if (w.imagesOnPage()) {
          withBytes(data, function (ptr, length) {
            checked(callC('hl_load_image', 'number', [ptr, length, name, threshold, invert, fit]));
          });
          resolve(api.getState().drawing);
          return;
        }
        // Decoded in the image worker (image_worker.js), then fitted and thresholded here.
        resolve(w.decodeImage(data, name).then(function (image) {
          withBytes(image.pixels, function (ptr, length) {
            checked(callC('hl_load_grey_image', 'number',
              [ptr, length, image.width, image.height, name, threshold, invert, fit]));
          });
          return api.getState().drawing;
        }, function (e) { fail(e.message); }));
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
      var source = name === undefined ? 'file' : requireWord('name', name);
      var replace = !!(options && options.replace);
      withBytes(bytes, function (ptr, length) {
        checked(callC('hl_load_file', 'number', [ptr, length, source, replace ? 1 : 0]));
      });
    }
  });
})();
