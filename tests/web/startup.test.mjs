// Start-up never fails silently (issue 22 item 4): where WebGL 2 or the program cannot start the
// page says so as text with a Reload button (the runtime's status line never writes over it),
// and a lost WebGL context, before the app's shaders are compiled or while it runs, is waited
// for and restored, after which the lab draws and answers again. Run: tests/web/run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, colourStats, decodePng, loadApp, startSession } from './harness.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

// The overlay as the reader sees it.
const overlay = (page) => page.evaluate(() => {
  const el = document.getElementById('overlay');
  const reload = document.getElementById('hopfield-reload');
  const spinner = el.querySelector('.spinner');
  return {
    shown: getComputedStyle(el).display !== 'none',
    text: document.getElementById('status').textContent,
    reload: !!reload && getComputedStyle(reload).display !== 'none',
    spinner: !!spinner && getComputedStyle(spinner).display !== 'none',
  };
});

// Waits until the runtime has had every chance to write its status ("Running...") over the
// message: the page has loaded and two more animation frames and timers have passed.
const settle = (page) => page.evaluate(() => new Promise((done) =>
  requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(done, 200)), 200))));

test('no WebGL 2: the page says so with a Reload button, and nothing writes over it', async () => {
  const page = await session.context.newPage();
  try {
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : getContext.call(this, kind, ...rest);
      };
    });
    await page.goto(session.baseUrl, { waitUntil: 'load' });
    await settle(page);
    const o = await overlay(page);
    assert.ok(o.shown, 'the message is shown');
    assert.match(o.text, /needs WebGL 2/);
    assert.ok(o.reload, 'a Reload button');
    assert.ok(!o.spinner, 'no spinner');
    assert.equal(await page.evaluate(() => typeof window.hopfield), 'undefined');
    // Reload reloads: the page comes back (with the same message, WebGL 2 being still absent).
    await Promise.all([page.waitForEvent('load'), page.click('#hopfield-reload')]);
    assert.match((await overlay(page)).text, /needs WebGL 2/);
  } finally {
    await page.close();
  }
});

test('the program does not load: the page says which file and offers Reload', async () => {
  const page = await session.context.newPage();
  try {
    await page.route('**/hopfield-lab.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(session.baseUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('hopfield-reload'), null, { timeout: 20000 });
    await settle(page);
    const o = await overlay(page);
    assert.match(o.text, /could not load its program, hopfield-lab\.wasm \(HTTP 404\)/);
    assert.ok(o.reload && !o.spinner);
  } finally {
    await page.close();
  }
});

test('a broken program (not WebAssembly): a message, not a spinner for ever', async () => {
  const page = await session.context.newPage();
  try {
    await page.route('**/hopfield-lab.wasm', (route) =>
      route.fulfill({ status: 200, contentType: 'application/wasm', body: '<html>a login page</html>' }));
    await page.goto(session.baseUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('hopfield-reload'), null, { timeout: 20000 });
    const o = await overlay(page);
    assert.match(o.text, /could not load its program/);
    assert.ok(o.reload && !o.spinner);
  } finally {
    await page.close();
  }
});

// Keeps A, B and C of the letters (26 are past the network's capacity) and corrupts one.
async function threeLetters(page, pattern) {
  const s = await api(page, 'getState');
  await api(page, 'setPatterns', s.patterns.slice(0, 3), s.names.slice(0, 3));
  await api(page, 'corrupt', { type: 'flip', fraction: 0.1, seed: 2, pattern });
}

// The page's canvas context, lost the moment the shell creates it (before the app compiles a
// shader: what made start-up fail under load), and restored when the test says so.
function loseAtCreation() {
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
    const gl = getContext.call(this, kind, ...rest);
    if (kind === 'webgl2' && gl && this.id === 'canvas' && !window.__loser) {
      window.__loser = gl.getExtension('WEBGL_lose_context');
      window.__loser.loseContext();
    }
    return gl;
  };
}

test('a context lost before the shaders compile: the page waits, then the lab starts and draws', async () => {
  const page = await session.context.newPage();
  try {
    await page.addInitScript(loseAtCreation);
    // The app starts with the context lost (its shaders "do not compile" then): it waits,
    // its frames go on without drawing, and its API is up; the page keeps saying why.
    const { problems } = await loadApp(page, session.baseUrl + '?set=letters');
    assert.equal((await api(page, 'getFrameStats')).full, 0, 'nothing drawn without a context');
    const waiting = await overlay(page);
    assert.ok(waiting.shown && waiting.reload, 'the loss is said, with Reload');
    assert.match(waiting.text, /context was lost/, 'the status line does not write over it');
    await page.evaluate(() => window.__loser.restoreContext());
    await page.waitForFunction(() => getComputedStyle(document.getElementById('overlay')).display === 'none',
      null, { timeout: 20000, polling: 50 });
    await page.waitForFunction(() => window.hopfield.getFrameStats().full > 0, null, { timeout: 20000, polling: 50 });
    assert.equal((await api(page, 'getState')).names.length, 26, 'the letters are stored');
    await threeLetters(page, 0);
    assert.equal((await api(page, 'run')).verdict, 'retrieved');
    assert.deepEqual(problems.filter((p) => !/WebGL|GL_/.test(p)), [], 'no other errors');
  } finally {
    await page.close();
  }
});

test('a context lost while the lab runs: the page says so, and after the restore the lab draws and answers', async () => {
  const page = await session.context.newPage();
  try {
    const { problems } = await loadApp(page, session.baseUrl + '?set=letters');
    await threeLetters(page, 1);
    await page.evaluate(() => {
      window.__loser = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
      window.__loser.loseContext();
    });
    await page.waitForFunction(() => /context was lost/.test(document.getElementById('status').textContent),
      null, { timeout: 20000, polling: 50 });
    const lost = await overlay(page);
    assert.ok(lost.shown && lost.reload, 'the loss is said as page text, with Reload');
    // The lab keeps answering meanwhile: a recall runs to its end without a context.
    assert.equal((await api(page, 'run')).verdict, 'retrieved');
    const before = await api(page, 'getFrameStats');
    await page.evaluate(() => window.__loser.restoreContext());
    await page.waitForFunction(() => getComputedStyle(document.getElementById('overlay')).display === 'none',
      null, { timeout: 20000, polling: 50 });
    // Drawn again in full (every GL object made anew), and the canvas shows the lab, not black.
    await page.waitForFunction((n) => window.hopfield.getFrameStats().full > n, before.full,
      { timeout: 20000, polling: 50 });
    const png = await page.evaluate(async () => Array.from(await window.hopfield.exportPng('editor')));
    assert.ok(colourStats(decodePng(Buffer.from(png))).distinct >= 2, 'the editor is read back from the restored context');
    assert.ok(colourStats(decodePng(await page.screenshot())).distinct > 20, 'the lab is drawn after the restore');
    await api(page, 'setPatterns', ['#'.repeat(256), '.'.repeat(256)], ['on', 'off']);
    assert.deepEqual((await api(page, 'getState')).names, ['on', 'off'], 'the lab answers after the restore');
    assert.deepEqual(problems.filter((p) => !/WebGL|GL_/.test(p)), [], 'no other errors');
  } finally {
    await page.close();
  }
});
