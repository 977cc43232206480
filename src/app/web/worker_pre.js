// The worker's message handling (linked with --pre-js into hopfield-worker.js): an experiment
// ({spec, files}: the files the spec reads go into the worker's memory file system, then the
// spec runs) or an image to decode ({image: Uint8Array, id, name}, js/image_worker.js).
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
// The bytes and the name go through the heap, never the wasm stack.
function hopfieldDecode(message) {
  var bytes = message.image, nameSize = lengthBytesUTF8(message.name) + 1;
  var ptr = _malloc(Math.max(bytes.length, 1)), name = _malloc(nameSize);
  try {
    if (!ptr || !name) {
      postMessage({ type: 'error', id: message.id,
                    text: message.name + ': not enough memory in the image worker for its ' +
                          bytes.length + ' bytes' });
      return;
    }
    HEAPU8.set(bytes, ptr);
    stringToUTF8(message.name, name, nameSize);
    Module.ccall('hw_decode_image', null, ['number', 'number', 'number', 'number'],
                 [message.id, ptr, bytes.length, name]);
  } finally {
    if (ptr) _free(ptr);
    if (name) _free(name);
  }
}
var hopfieldQueue = [];
function hopfieldHandle(message) {
  if (message.image) hopfieldDecode(message);
  else hopfieldRun(message);
}
self.onmessage = function (event) {
  if (hopfieldReady) hopfieldHandle(event.data);
  else hopfieldQueue.push(event.data);
};
Module['onRuntimeInitialized'] = function () {
  hopfieldReady = true;
  hopfieldQueue.splice(0).forEach(hopfieldHandle);
};
