// The embed messages: window.hopfield over postMessage for course pages on another origin.
(function () {
  'use strict';
  var w = hopfieldWeb, fail = w.fail;
  var api = w.api;

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
  // The height the lab's content needs (not the document's: that is the frame's own), sent
  // when it changes by more than a few pixels (panels open, the frame is resized).
  var postedHeight = 0;
  function postHeight() {
    if (!window.parent || window.parent === window) return;
    var height = Math.ceil(ccall('hl_content_height', 'number', [], []));
    if (!(height > 0) || Math.abs(height - postedHeight) <= 4) return;
    postedHeight = height;
    toParent({ event: 'resize', height: height });
  }

  // Called once window.hopfield exists (page.js): tells the host, and answers what waited.
  w.messagesReady = function () {
    toParent({ event: 'ready' });
    postHeight();
    window.addEventListener('resize', postHeight);
    setInterval(postHeight, 500);
    pendingMessages.splice(0).forEach(handleMessage);
  };
})();
