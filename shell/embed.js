// Hopfield Lab, host side: embeds the lab in a course page as an iframe and talks to it with
// postMessage, so it works from any origin. No dependencies; copy it next to your page or load
// it from the lab's folder.
//
//   <div id="lab"></div>
//   <script src="hopfield-lab/embed.js"></script>
//   <script type="module">   (a module: await works at its top level)
//     const lab = HopfieldLab.embed(document.getElementById('lab'), {
//       src: 'hopfield-lab/index.html',          // the lab's folder on your site
//       params: { set: 'letters', panels: 'editor,recall,plots', embed: 1 },
//       height: 520,                             // px; or autoHeight: true to follow the lab
//       // sandbox: 'allow-scripts',                // optional: the frame's sandbox attribute
//     });
//     await lab.ready;
//     await lab.call('corrupt', { type: 'flip', fraction: 0.2, seed: 1, pattern: 0 });
//     lab.on('finished', (state) => console.log(state.verdict));
//   </script>
//
// lab.call(method, ...args) mirrors window.hopfield in the frame and returns a Promise of
// its result (rejected with the lab's error message). Events: 'ready', 'finished' (the state
// when a recall ends), 'resize' (the lab's content height).
//
// A frame sandboxed without allow-same-origin (options.sandbox, or the attribute set by the
// host) has the opaque origin "null": messages are then posted to it with target '*' and
// taken from it with origin "null", but only ever from this iframe's own window.
(function (global) {
  'use strict';

  function embed(container, options) {
    var o = options || {};
    if (!container || typeof container.appendChild !== 'function')
      throw new Error('HopfieldLab.embed: give the element to put the lab in');
    var url = new URL(o.src || 'index.html', document.baseURI);
    var params = o.params || {};
    Object.keys(params).forEach(function (k) { url.searchParams.set(k, String(params[k])); });
    if (o.state) url.hash = 'state=' + o.state;
    var iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = o.title || 'Hopfield Lab: an interactive Hopfield network';
    iframe.style.width = o.width ? o.width + 'px' : '100%';
    iframe.style.height = (o.height || 520) + 'px';
    iframe.style.border = '0';
    iframe.setAttribute('allow', 'clipboard-write');
    if (o.sandbox !== undefined) iframe.setAttribute('sandbox', String(o.sandbox));
    container.appendChild(iframe);

    // The frame's origin as its messages carry it: "null" when sandboxed without
    // allow-same-origin (read when used: the host may set the attribute after embed()).
    function frameOrigin() {
      var sandbox = iframe.getAttribute('sandbox');
      var opaque = sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/i.test(sandbox);
      return opaque || url.protocol === 'file:' ? 'null' : url.origin;
    }
    var nextId = 1;
    var waiting = {};
    var listeners = {};
    var resolveReady;
    var ready = new Promise(function (resolve) { resolveReady = resolve; });

    function emit(name, value) {
      (listeners[name] || []).forEach(function (fn) { fn(value); });
    }
    window.addEventListener('message', function (event) {
      if (event.source !== iframe.contentWindow || event.origin !== frameOrigin()) return;
      var d = event.data;
      if (!d || d.hopfield !== 1) return;
      if (d.event) {
        if (d.event === 'ready') resolveReady();
        if (d.event === 'resize' && o.autoHeight && d.height > 0) iframe.style.height = d.height + 'px';
        emit(d.event, d.event === 'finished' ? d.state : d.height);
        return;
      }
      var w = waiting[d.id];
      if (!w) return;
      delete waiting[d.id];
      if ('error' in d) w.reject(new Error(d.error));
      else w.resolve(d.result);
    });

    return {
      iframe: iframe,
      ready: ready,
      call: function (method) {
        var args = Array.prototype.slice.call(arguments, 1);
        return ready.then(function () {
          return new Promise(function (resolve, reject) {
            var id = nextId++;
            waiting[id] = { resolve: resolve, reject: reject };
            var origin = frameOrigin();
            iframe.contentWindow.postMessage({ hopfield: 1, id: id, method: method, args: args },
                                             origin === 'null' ? '*' : origin);
          });
        });
      },
      on: function (name, fn) {
        (listeners[name] = listeners[name] || []).push(fn);
      },
    };
  }

  global.HopfieldLab = { embed: embed };
})(window);
