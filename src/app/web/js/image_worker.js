// Images decoded off the page's thread (loadImage, the file picker, a drop): a JPEG of many
// scans takes seconds to decode even within the core's bound (kMaxImageScanPixels), and on the
// page's thread those would be seconds without a frame. The experiments' worker program
// (hopfield-worker.js, worker.cpp's hw_decode_image) decodes the file to grey pixels with the
// core's decoder; the app then fits and thresholds them as for any image
// (App::import_decoded_image: the same drawing, the same messages).
//
// The switch: Module.hopfieldImagesOnPage = true decodes on the page's thread, as before. That
// saves starting a worker for each batch of images (its wasm compiled and started) and one
// copy of the file, and costs frames: the page is frozen while a file decodes (a hostile
// JPEG of 1000 scans at the work bound: 0.5-0.9 s on a busy 2-core machine).
(function () {
  'use strict';
  var w = hopfieldWeb;

  // One worker while images are waiting; ended when none is, so the memory a large image took
  // in it (the file, its pixels in RGBA and in grey) goes back.
  var worker = null;
  var waiting = {};
  var pending = 0;
  var requests = 0;

  function stop() {
    if (worker) worker.terminate();
    worker = null;
  }
  function failAll(message) {
    var jobs = waiting;
    waiting = {};
    pending = 0;
    stop();
    Object.keys(jobs).forEach(function (id) { jobs[id].reject(new Error(message)); });
  }
  function start() {
    // The single-file build (scripts/single-file.mjs) brings the worker as a Blob URL.
    worker = new Worker(Module.hopfieldWorkerUrl || locateFile('hopfield-worker.js'));
    worker.onmessage = function (e) {
      var m = e.data, job = waiting[m.id];
      if (!job) return;
      delete waiting[m.id];
      if (--pending === 0) stop();
      if (m.type === 'image') job.resolve({ width: m.width, height: m.height, pixels: m.pixels });
      else job.reject(new Error(m.text || 'the image did not decode'));
    };
    worker.onerror = function (e) {
      if (e.preventDefault) e.preventDefault();
      failAll('the image worker failed: ' + (e.message || 'hopfield-worker.js did not load'));
    };
  }

  // The image file `bytes` (a Uint8Array, left whole) decoded in the worker: a Promise of
  // {width, height, pixels: Uint8Array of grey levels, row-major}, or rejected with the
  // decoder's message (naming `name`). Requests are answered in the order they were made.
  w.decodeImage = function (bytes, name) {
    w.checkFileSize(bytes);
    return new Promise(function (resolve, reject) {
      if (!worker) start();
      var id = ++requests;
      waiting[id] = { resolve: resolve, reject: reject };
      ++pending;
      var copy = bytes.slice();  // transferred to the worker, so the caller's array stays
      worker.postMessage({ image: copy, id: id, name: name }, [copy.buffer]);
    });
  };
  w.imagesOnPage = function () {
    return !!Module.hopfieldImagesOnPage;
  };
})();
