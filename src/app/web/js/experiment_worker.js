// The experiment worker backend (bridge_worker.cpp asks for it): experiments run in a Web
// Worker, created for each run (cancelling terminates it); its messages go back to the app.
(function () {
  'use strict';
  var withCString = hopfieldWeb.withCString;

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
})();
