// The worker's message handling (linked with --pre-js into hopfield-worker.js): writes the
// files the spec reads into the worker's memory file system, then runs the spec.
var hopfieldPending = null;
var hopfieldReady = false;
function hopfieldRun(message) {
  (message.files || []).forEach(function (f) { FS.writeFile(f[0], f[1]); });
  Module.ccall('hw_run', null, ['string'], [message.spec]);
}
self.onmessage = function (event) {
  if (hopfieldReady) hopfieldRun(event.data);
  else hopfieldPending = event.data;
};
Module['onRuntimeInitialized'] = function () {
  hopfieldReady = true;
  if (hopfieldPending) hopfieldRun(hopfieldPending);
};
