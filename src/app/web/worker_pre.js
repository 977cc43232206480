// The worker's message handling (linked with --pre-js into hopfield-worker.js): writes the
// files the spec reads into the worker's memory file system, then runs the spec.
var hopfieldPending = null;
var hopfieldReady = false;
function hopfieldRun(message) {
  (message.files || []).forEach(function (f) { FS.writeFile(f[0], f[1]); });
  // The spec goes through the heap: ccall's 'string' would copy it onto the wasm stack.
  var size = lengthBytesUTF8(message.spec) + 1;
  var ptr = _malloc(size);
  if (!ptr) {
    postMessage({ type: 'error', text: 'not enough memory in the experiment worker for its spec' });
    return;
  }
  stringToUTF8(message.spec, ptr, size);
  try {
    Module.ccall('hw_run', null, ['number'], [ptr]);
  } finally {
    _free(ptr);
  }
}
self.onmessage = function (event) {
  if (hopfieldReady) hopfieldRun(event.data);
  else hopfieldPending = event.data;
};
Module['onRuntimeInitialized'] = function () {
  hopfieldReady = true;
  if (hopfieldPending) hopfieldRun(hopfieldPending);
};
