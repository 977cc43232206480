// Shared by e2e.test.mjs and bench.mjs: where things are, launching Debian's Chromium through
// playwright-core, opening the app and waiting for window.hopfield, reading pattern files, and
// decoding screenshots. No browser is ever downloaded: Chromium comes from apt.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..');
export const DIST = path.resolve(process.env.HOPFIELD_DIST ?? path.join(REPO, 'dist'));
export const CHROMIUM = process.env.HOPFIELD_CHROMIUM ?? '/usr/bin/chromium';
export const CLI = path.resolve(
  process.env.HOPFIELD_CLI ?? path.join(REPO, 'build', 'native', 'src', 'cli', 'hopfield-cli'));

// Flags measured in /work/shared/TOOLCHAIN.md: WebGL2 through SwiftShader, nothing phoning home.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // tests/web/run.sh sets HOPFIELD_WASM_BASELINE=1: V8 then runs the wasm with its baseline
  // compiler only (Liftoff), never tiering hot functions up to its optimizing one. The same
  // binary, the same results (wasm is deterministic); the optimizer's compile on every page
  // load is what the suite no longer pays: 457 -> 373 CPU-s, 302 -> 262 s on 2 cores. The
  // benchmarks (bench.mjs) and the notebooks' show() run as users' browsers do; so does the
  // suite with HOPFIELD_WASM_BASELINE=0 tests/web/run.sh.
  ...(process.env.HOPFIELD_WASM_BASELINE === '1' ? ['--js-flags=--liftoff-only'] : []),
];

export function checkPrerequisites() {
  if (!fs.existsSync(path.join(DIST, 'index.html')))
    throw new Error(`${path.join(DIST, 'index.html')} is missing: build the web app first with ` +
      `./build-web.sh (or point HOPFIELD_DIST at a directory holding index.html, ` +
      `hopfield-lab.js and hopfield-lab.wasm)`);
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
}

// A browser with the flags above and Playwright's own fresh profile, for tests that open
// pages from several sites or from disk.
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

// A course site: a fresh folder holding the lab as hopfield-lab/ (a link to dist/), served
// over HTTP, and a browser. Pages written into `site` are at `url` + their name. close()
// undoes all three.
export async function startCourseSite(prefix) {
  checkPrerequisites();
  const site = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.symlinkSync(DIST, path.join(site, 'hopfield-lab'));
  const server = await serve(site);
  const browser = await launchBrowser();
  return {
    site,
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
      fs.rmSync(site, { recursive: true, force: true });
    },
  };
}

// A copy of the single file alone in a fresh folder (nothing beside it could be loaded):
// { file, remove() }, or null after skipping test `t` when ./build-web.sh did not write it.
export function singleFileCopy(t) {
  const single = path.join(DIST, 'hopfield-lab-single.html');
  if (!fs.existsSync(single)) {
    t.skip(`${single} not found: ./build-web.sh writes it unless --no-single-file`);
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hopfield-single-'));
  const file = path.join(dir, 'hopfield-lab.html');
  fs.copyFileSync(single, file);
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

// Starts the static server and a browser with a fresh profile. close() undoes both.
// `scale` is the device pixel ratio (2 for 200% zoom: a 1280x800 window is then 640x400 CSS
// pixels); `touch` makes the page a touch screen (page.touchscreen); `mobile` a phone's or
// tablet's browser (its meta viewport, a coarse pointer with touch). With `browser` (from
// launchBrowser), the session is a fresh context of that browser instead (its own storage,
// nothing shared with other contexts): for tests that open many sessions in turn, a context
// takes about 0.5 s where a browser launch takes 1.2 s. close() then leaves the browser open.
export async function startSession({ viewport = { width: 1280, height: 800 }, scale = 1, touch = false,
  mobile = false, browser = null } = {}) {
  checkPrerequisites();
  const server = await serve(DIST);
  const options = { viewport, deviceScaleFactor: scale, hasTouch: touch, isMobile: mobile };
  // launchPersistentContext is the playwright way to pass --user-data-dir.
  const profile = browser ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'hopfield-chromium-'));
  const context = browser ? await browser.newContext(options) :
    await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      ...options,
    });
  return {
    server,
    context,
    baseUrl: server.url,
    async close() {
      await context.close().catch(() => {});
      await server.close();
      if (profile) fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Opens the app at `query` (e.g. '?size=28', or '#state=...') in a new page with no autosaved
// session, records console errors and page errors, and resolves once hopfield-ready has fired
// and window.hopfield exists.
export async function openApp(session, query = '', { timeout = 60000 } = {}) {
  const page = await session.context.newPage();
  return { ...(await loadApp(page, session.baseUrl + query, { timeout })), page };
}

// Loads the app at `url` in `page` (a new one, or reloads an open one) and waits for
// hopfield-ready, as openApp does.
export async function loadApp(page, url, { timeout = 60000 } = {}) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('requestfailed', (req) =>
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  await page.addInitScript(() => {
    // Each new page starts without the autosave of earlier tests (pages of one context share
    // localStorage); a reload of the same page keeps it (window.name survives reloads).
    if (!window.name.includes('hopfield-test-page')) {
      try { localStorage.clear(); } catch (e) { /* storage blocked: nothing to clear */ }
      window.name += 'hopfield-test-page';
    }
    window.__hopfieldReadyAt = undefined;
    window.addEventListener('hopfield-ready', () => {
      window.__hopfieldReadyAt = performance.now();
    });
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  try {
    await page.waitForFunction(
      () => window.__hopfieldReadyAt !== undefined && typeof window.hopfield === 'object',
      null, { timeout, polling: 50 });
  } catch (err) {
    throw new Error(`hopfield-ready did not fire within ${timeout} ms` +
      (problems.length ? `; page reported:\n  ${problems.join('\n  ')}` : '') +
      `\n(${err.message.split('\n')[0]})`);
  }
  return { page, problems, loadMs: Date.now() - started };
}

// Calls window.hopfield[method](...args) in the page. An Error thrown by the page comes back
// as { threw: message } instead of rejecting, so tests can assert on it.
export async function callApi(page, method, ...args) {
  return page.evaluate(async ([m, a]) => {
    if (typeof window.hopfield[m] !== 'function') return { missing: m };
    try {
      return { value: await window.hopfield[m](...a) };
    } catch (e) {
      return { threw: e instanceof Error ? e.message : String(e), isError: e instanceof Error };
    }
  }, [method, args]);
}

// Like callApi but throws on a page-side error, returning the value.
export async function api(page, method, ...args) {
  const r = await callApi(page, method, ...args);
  if ('missing' in r) throw new Error(`window.hopfield.${method} does not exist`);
  if ('threw' in r) throw new Error(`hopfield.${method}(${JSON.stringify(args)}) threw: ${r.threw}`);
  return r.value;
}

// Text grid format (src/core/io/pattern_io.hpp): blocks split by blank lines, optional
// "name: X" first line, rows of '#'/'.'. Returns [{ name, width, height, grid }], grid being
// the row-major string the JS API takes.
export function parsePatternText(text, source = 'patterns') {
  const blocks = [];
  let current = null;
  const lines = text.replace(/\r/g, '').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { name: '', rows: [] };
      blocks.push(current);
      const m = /^name:\s*(.*)$/.exec(line);
      if (m) {
        current.name = m[1];
        return;
      }
    }
    if (!/^[#.]+$/.test(line)) throw new Error(`${source}:${i + 1}: not a grid row: '${line}'`);
    current.rows.push(line);
  });
  return blocks.map((b) => {
    const width = b.rows[0].length;
    if (b.rows.some((r) => r.length !== width))
      throw new Error(`${source}: pattern '${b.name}' has rows of different widths`);
    return { name: b.name, width, height: b.rows.length, grid: b.rows.join('') };
  });
}

export function loadPatternFile(relPath) {
  const file = path.join(REPO, relPath);
  return parsePatternText(fs.readFileSync(file, 'utf8'), relPath);
}

// Minimal PNG decoder: 8-bit greyscale, grey+alpha, RGB or RGBA, non-interlaced (what Chromium
// screenshots are). Returns { width, height, channels, pixels } with unfiltered bytes.
export function decodePng(buf) {
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  if (!buf.subarray(0, 8).equals(sig)) throw new Error('not a PNG');
  let off = 8;
  let width = 0, height = 0, depth = 0, colorType = 0, interlace = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8];
      colorType = data[9];
      interlace = data[12];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    off += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  if (depth !== 8 || !channels || interlace !== 0)
    throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${interlace}`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; ++x) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = prev ? prev[x] : 0;
      const c = prev && x >= channels ? prev[x - channels] : 0;
      let v = line[x];
      switch (filter) {
        case 0: break;
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) >> 1; break;
        case 4: {
          const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`bad PNG filter ${filter} on row ${y}`);
      }
      out[x] = v & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

// Colour statistics of a decoded image: distinct colours and the share of the commonest one.
export function colourStats({ width, height, channels, pixels }) {
  const counts = new Map();
  for (let i = 0; i < width * height; ++i) {
    let key = 0;
    for (let c = 0; c < Math.min(channels, 3); ++c) key = key * 256 + pixels[i * channels + c];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = Math.max(...counts.values());
  return { distinct: counts.size, dominantShare: top / (width * height) };
}

// Reproducible +-1 patterns as '#'/'.' strings (xorshift32; the exact values don't matter).
export function randomPatterns(count, n, seed) {
  let s = seed >>> 0 || 1;
  const bit = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s & 1;
  };
  return Array.from({ length: count }, () => Array.from({ length: n }, () => (bit() ? '#' : '.')).join(''));
}

// Sets the page up for a recall that keeps animating: a side x side grid, `stored` random
// patterns, another random pattern as the probe, and Glauber dynamics at a small temperature
// (it never reaches a fixed point) with a seed. Starting it (run()) is up to the caller.
export async function setUpEndlessRecall(page, side, stored) {
  const patterns = randomPatterns(stored + 1, side * side, side);
  await api(page, 'setGridSize', side, side);
  await api(page, 'setPatterns', patterns.slice(0, stored));
  // A small temperature, so recall never settles: 0.05 in the fields' raw counts, as before T
  // got its unit (W_raw / N for the Hebbian rule), so the benchmark's work is what it was.
  await api(page, 'setOptions', { temperature: 0.05 / (side * side), maxSweeps: 1000000, seed: 1 });
  await api(page, 'setState', patterns[stored]);
}

// A greyscale PNG (8 bits, no filter), width x height, grey(x, y) in 0..255: made here, so
// image tests know exactly what the file holds.
export function encodeGreyPng(width, height, grey) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;  // bit depth
  ihdr[9] = 0;  // greyscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; ++y)
    for (let x = 0; x < width; ++x) raw[y * (width + 1) + 1 + x] = grey(x, y);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Opens the app at `query` in a new page of `session`, runs `body(page, app)`, and always
// closes the page.
export async function withApp(session, query, body) {
  const app = await openApp(session, query);
  try {
    return await body(app.page, app);
  } finally {
    await app.page.close();
  }
}

// Waits until the page has written its session to storage (getSessionInfo().saved is 'yes').
export async function waitSaved(page) {
  await page.waitForFunction(() => window.hopfield.getSessionInfo().saved === 'yes', null,
    { timeout: 20000, polling: 100 });
}
