// Benchmark of the web build (prints figures; not a test):
//   - frames per second while recall runs, at 28x28 and 128x128 with 20 stored patterns
//     (Glauber at a small temperature never reaches a fixed point, so recall keeps animating):
//     frames the page actually drew (in full or only where something changed), next to the
//     browser's animation frames (requestAnimationFrame callbacks); an idle page draws nothing.
//     "in part": the share of frames drawn only where something changed; "pixels": the share of
//     the canvas a drawn frame redrew, on average; "dropped": 60 Hz frames the page missed.
//     Measured over S seconds from the run's second second on; the frames dropped in its first
//     second (the probe settling, the plots starting, the frame budget finding its level) are
//     printed apart
//   - the app's own work per frame (the time spent in its requestAnimationFrame callback:
//     recall sweeps, UI, GL calls), which decides the frame rate on a real GPU; headless
//     Chromium rasterises WebGL on the CPU (SwiftShader), sharing the machine's cores
//   - the capacity experiment of the experiments lab (N = 256, P = 1..64, 20 trials, recall from
//     10% flips), run in the page's Web Worker with its plot growing in the Experiments
//     window: how long it takes and the frames the page drew meanwhile
//   - the pruning study as published on the four Caltech silhouettes, in the Web Worker
//   - time from navigation to the runtime's JavaScript and the wasm received, the wasm
//     compiled, hopfield-ready (the API answers, after the app's first frame) and the next frame
//   - the size of dist/, raw and gzip -9 per file
// Usage: node tests/web/bench.mjs [--seconds S (10)] [--loads K] [--startup-only]
//                                 [--experiment-only [--runs K]] [--idle-only]
//   (HOPFIELD_DIST as for the tests; --startup-only: the page's start-up times and sizes alone;
//   --experiment-only: the capacity experiment alone, K runs (3), each figure printed;
//   --idle-only: an idle page, as it is and with redraw=full (which never idles): the frames
//   the app builds per second and the machine's busy CPU per second (Linux /proc/stat))
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, REPO, startSession, openApp, api, setUpEndlessRecall } from './harness.mjs';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const SECONDS = flag('--seconds', 10);
const LOADS = flag('--loads', 3);
const STORED = 20;
const STARTUP_ONLY = argv.includes('--startup-only');
const EXPERIMENT_ONLY = argv.includes('--experiment-only');
const RUNS = flag('--runs', 3);
const IDLE_ONLY = argv.includes('--idle-only');

function distSizes() {
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(DIST);
  const rows = files.sort().map((f) => {
    const body = fs.readFileSync(f);
    return { file: path.relative(DIST, f), raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
  });
  const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
  return { files: rows, ...total };
}

const kb = (b) => (b / 1024).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function startupTimes(session) {
  const rows = { wasm: [], js: [], compiled: [], ready: [], frame: [] };
  for (let k = 0; k < LOADS; ++k) {
    const { page } = await openApp(session);
    const t = await page.evaluate(() => new Promise((resolve) => {
      const at = window.__hopfieldReadyAt;
      const end = (name) => {
        const e = performance.getEntriesByType('resource').find((r) => r.name.endsWith(name));
        return e ? e.responseEnd : NaN;
      };
      // The first frame the browser presents after ready: one rAF, measured from navigation.
      requestAnimationFrame(() => resolve({
        wasm: end('/hopfield-lab.wasm'), js: end('/hopfield-lab.js'),
        compiled: window.hopfieldWasmCompiledAt ?? NaN, ready: at, frame: performance.now() }));
    }));
    for (const key of Object.keys(rows)) rows[key].push(t[key]);
    await page.close();
  }
  return { wasmMs: median(rows.wasm), jsMs: median(rows.js), compiledMs: median(rows.compiled),
           readyMs: median(rows.ready), firstFrameMs: median(rows.frame) };
}

function printStartup(startup) {
  console.log(`navigation -> hopfield-lab.js received   ${startup.jsMs.toFixed(0)} ms (median of ${LOADS})`);
  console.log(`navigation -> hopfield-lab.wasm received ${startup.wasmMs.toFixed(0)} ms`);
  console.log(`navigation -> wasm compiled              ${startup.compiledMs.toFixed(0)} ms`);
  console.log(`navigation -> hopfield-ready (API)       ${startup.readyMs.toFixed(0)} ms (after the app's first frame)`);
  console.log(`navigation -> first frame after ready    ${startup.firstFrameMs.toFixed(0)} ms`);
}

// Times every requestAnimationFrame callback the page runs (the app's main loop is one):
// window.__frameWork collects their durations in ms.
function timeFrameCallbacks() {
  const raf = window.requestAnimationFrame.bind(window);
  window.__frameWork = [];
  window.requestAnimationFrame = (callback) => raf((time) => {
    if (callback.benchTick) return callback(time);  // countFrames' own: not the app's work
    const start = performance.now();
    try {
      callback(time);
    } finally {
      window.__frameWork.push(performance.now() - start);
    }
  });
}

// Counts requestAnimationFrame callbacks in the page for `seconds`, and the app's work per
// frame (median and 90th percentile of its callback durations) meanwhile.
function countFrames(page, seconds) {
  return page.evaluate((s) => new Promise((resolve) => {
    let frames = 0, worst = 0, dropped = 0, last = performance.now();
    const t0 = last;
    const stats0 = window.hopfield.getFrameStats();
    window.__frameWork = [];
    const tick = (now) => {
      frames += 1;
      worst = Math.max(worst, now - last);
      if (frames > 1) dropped += Math.max(0, Math.round((now - last) / (1000 / 60)) - 1);  // at 60 Hz
      last = now;
      if (now - t0 < s * 1000) {
        requestAnimationFrame(tick);
        return;
      }
      const work = [...window.__frameWork].sort((a, b) => a - b);
      const at = (q) => work[Math.min(work.length - 1, Math.floor(q * work.length))] ?? NaN;
      const stats = window.hopfield.getFrameStats();
      const drawn = stats.full + stats.partial - stats0.full - stats0.partial;
      const canvas = document.querySelector('canvas');
      resolve({ fps: (drawn * 1000) / (now - t0), rafPerSecond: (frames * 1000) / (now - t0),
        partialShare: drawn > 0 ? (stats.partial - stats0.partial) / drawn : 0,
        pixelShare: drawn > 0 ? (stats.pixels - stats0.pixels) / drawn / (canvas.width * canvas.height) : 0,
        ms: now - t0, worstFrameMs: worst, dropped, workMedianMs: at(0.5), workP90Ms: at(0.9),
        renderer: stats.renderer, software: stats.software });
    };
    tick.benchTick = true;
    requestAnimationFrame(tick);
  }), seconds);
}

async function idleFps(session) {
  const { page } = await openApp(session);
  try {
    return await countFrames(page, SECONDS);
  } finally {
    await page.close();
  }
}

// An idle page (`query`) after 2 s without input: the frames the app builds per second (read
// without the API, whose calls wake the main loop) and the whole machine's busy CPU-seconds
// per second meanwhile (the browser's processes and anything else running).
function busyCpuSeconds() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / 100;  // user nice system irq softirq steal, USER_HZ
}
async function idleCost(session, query) {
  const { page } = await openApp(session, query);
  try {
    const built = () => page.evaluate(() => Module._hl_frame_count());
    await page.waitForTimeout(2000);
    const f0 = await built(), c0 = busyCpuSeconds(), t0 = Date.now();
    await page.waitForTimeout(SECONDS * 1000);
    const f1 = await built(), c1 = busyCpuSeconds(), seconds = (Date.now() - t0) / 1000;
    return { query, framesPerSecond: (f1 - f0) / seconds, cpuPerSecond: (c1 - c0) / seconds };
  } finally {
    await page.close();
  }
}

async function recallFps(session, side) {
  const { page } = await openApp(session);
  try {
    await setUpEndlessRecall(page, side, STORED);
    // run() resolves only when recall stops; don't wait for it. Its first second (the probe
    // settling, the plots starting, the frame budget finding its level) is counted apart.
    await page.evaluate(() => { window.__benchRun = window.hopfield.run(); });
    const start = await countFrames(page, 1);
    const sweeps1 = (await api(page, 'getState')).iteration;
    const r = await countFrames(page, SECONDS);
    const s = await api(page, 'getState');
    return {
      side,
      fps: r.fps,
      rafPerSecond: r.rafPerSecond,
      partialShare: r.partialShare,
      pixelShare: r.pixelShare,
      worstFrameMs: r.worstFrameMs,
      dropped: r.dropped,
      droppedAtStart: start.dropped,
      workMedianMs: r.workMedianMs,
      workP90Ms: r.workP90Ms,
      sweepsPerSecond: ((s.iteration - sweeps1) * 1000) / r.ms,
      stillRunning: !s.converged,
    };
  } finally {
    await page.close();
  }
}

const CAPACITY = { experiment: 'capacity', size: '16x16', patterns: '1:64:1', trials: 20, seed: '1' };

async function experimentRun(session) {
  const { page } = await openApp(session);
  try {
    return await page.evaluate(async (spec) => {
      const stats0 = window.hopfield.getFrameStats();
      window.__frameWork = [];
      const t0 = performance.now();
      let dropped = 0, last = t0, running = true;
      const tick = (now) => {
        dropped += Math.max(0, Math.round((now - last) / (1000 / 60)) - 1);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      tick.benchTick = true;
      requestAnimationFrame(tick);
      const result = await window.hopfield.runExperiment(spec);
      running = false;
      const ms = performance.now() - t0;
      const stats = window.hopfield.getFrameStats();
      const drawn = stats.full + stats.partial - stats0.full - stats0.partial;
      const skipped = stats.unchanged - stats0.unchanged;
      const work = [...window.__frameWork].sort((a, b) => a - b);
      const at = (q) => work.length ? work[Math.min(work.length - 1, Math.floor(q * work.length))] : 0;
      return { ms, rows: result.rows.length, fps: (drawn * 1000) / ms,
        presentedFps: ((drawn + skipped) * 1000) / ms, dropped, workMedian: at(0.5), work90: at(0.9),
        full: stats.full - stats0.full, partial: stats.partial - stats0.partial,
        pixels: (stats.pixels - stats0.pixels) / Math.max(1, drawn) };
    }, CAPACITY);
  } finally {
    await page.close();
  }
}

// The pruning study as published (21 random levels + 5 thresholds, 3 noise levels, 100 trials)
// on the four Caltech silhouettes it used, run in the page's Web Worker. The images come from
// ../shared/data (skipped, with a note, where it is absent).
const SILHOUETTES = path.join(REPO, '..', 'shared', 'data', 'caltech101-silhouettes-16-images-idx3-ubyte.gz');
function silhouettesText(indices) {
  const b = zlib.gunzipSync(fs.readFileSync(SILHOUETTES));
  const rows = b.readUInt32BE(8), cols = b.readUInt32BE(12);
  return indices.map((k) => {
    const lines = [`name: silhouette ${k}`];
    for (let y = 0; y < rows; ++y) {
      let line = '';
      for (let x = 0; x < cols; ++x) line += b[16 + k * rows * cols + y * cols + x] >= 128 ? '#' : '.';
      lines.push(line);
    }
    return lines.join('\n');
  }).join('\n\n') + '\n';
}

async function pruneStudyRun(session) {
  if (!fs.existsSync(SILHOUETTES)) return { skipped: `${SILHOUETTES} not found` };
  const { page } = await openApp(session);
  try {
    return await page.evaluate(async (text) => {
      window.hopfield.loadPatternFile(text, 'silhouettes.txt', { replace: true });
      const t0 = performance.now();
      const result = await window.hopfield.runExperiment(
        { experiment: 'prune-study', patterns: 'library', preset: 'published', select: '0-3' });
      return { ms: performance.now() - t0, rows: result.rows.length };
    }, silhouettesText([7383, 7384, 5403, 5404]));
  } finally {
    await page.close();
  }
}

const session = await startSession();
await session.context.addInitScript(timeFrameCallbacks);
let result;
try {
  if (EXPERIMENT_ONLY) {
    console.log(`capacity experiment (N = 256, P = 1..64, 20 trials; Web Worker; ${DIST})`);
    for (let k = 0; k < RUNS; ++k) {
      const e = await experimentRun(session);
      console.log(`  run ${k + 1}: ${(e.ms / 1000).toFixed(2)} s, page drew ${e.fps.toFixed(1)} fps ` +
        `(${e.presentedFps.toFixed(1)} presented, ${e.dropped} 60 Hz frames dropped), ${e.rows} rows; ` +
        `the app's work per frame ${e.workMedian.toFixed(1)} ms median, ${e.work90.toFixed(1)} ms 90th percentile; ` +
        `${e.full} frames drawn in full, ${e.partial} in part, ${(e.pixels / 1e3).toFixed(0)} k pixels a frame drawn`);
    }
    await session.close();
    process.exit(0);
  }
  if (IDLE_ONLY) {
    console.log(`an idle page over ${SECONDS} s (${DIST}; headless Chromium)`);
    for (const query of ['', '?redraw=full']) {
      const r = await idleCost(session, query);
      console.log(`  ${(query || 'as it is').padEnd(14)} ${r.framesPerSecond.toFixed(1).padStart(5)} frames built/s, ` +
        `the machine busy ${r.cpuPerSecond.toFixed(2)} CPU-s/s`);
    }
    await session.close();
    process.exit(0);
  }
  const startup = await startupTimes(session);
  if (STARTUP_ONLY) {
    const dist = distSizes();
    console.log(`Hopfield Lab start-up (${DIST}; headless Chromium; a first visit: no parameters)`);
    printStartup(startup);
    console.log(`dist/ total ${kb(dist.raw)} KB, ${kb(dist.gzip)} KB gzip -9`);
    await session.close();
    process.exit(0);
  }
  const idle = await idleFps(session);
  const fps = [];
  for (const side of [28, 128]) fps.push(await recallFps(session, side));
  const experiment = await experimentRun(session);
  const pruneStudy = await pruneStudyRun(session);
  result = { startup, idle, fps, experiment, pruneStudy, dist: distSizes() };
} finally {
  await session.close();
}

console.log(`Hopfield Lab web benchmark (${DIST}; headless Chromium)`);
console.log(`WebGL renderer: ${result.idle.renderer || 'not disclosed'}` +
  (result.idle.software ? ' (rasterises on the CPU)' : ''));
console.log('');
console.log(`${SECONDS} s windows              drawn fps  (in part)  (pixels)  rAF/s  dropped  worst gap ms` +
  '   app work ms/frame (median, p90)   sweeps/s');
const work = (r) => `${r.workMedianMs.toFixed(1).padStart(12)}, ${r.workP90Ms.toFixed(1).padStart(5)}`;
const row = (label, r) => `  ${label.padEnd(26)}${r.fps.toFixed(1).padStart(9)}` +
  `${`${(r.partialShare * 100).toFixed(0)}%`.padStart(11)}` +
  `${`${(r.pixelShare * 100).toFixed(0)}%`.padStart(10)}${r.rafPerSecond.toFixed(1).padStart(7)}` +
  `${String(r.dropped).padStart(9)}${r.worstFrameMs.toFixed(1).padStart(14)}${work(r)}`;
console.log(row('idle (nothing to draw)', result.idle));
console.log('  recall running, 20 stored patterns:');
for (const f of result.fps)
  console.log(row(`  ${f.side}x${f.side}`, f) + f.sweepsPerSecond.toFixed(1).padStart(27) +
    (f.stillRunning ? '' : '  (recall stopped early)'));
console.log(`  (from the run's second second on; frames dropped in its first second: ${result.fps.map((f) =>
  `${f.droppedAtStart} at ${f.side}x${f.side}`).join(', ')})`);
console.log('');
const e = result.experiment;
console.log(`capacity experiment (N = 256, P = 1..64, 20 trials; Web Worker): ${(e.ms / 1000).toFixed(2)} s, ` +
  `${e.rows} rows; meanwhile the page drew ${e.fps.toFixed(1)} fps (${e.presentedFps.toFixed(1)} frames/s ` +
  `with the unchanged ones), ${e.dropped} frames dropped`);
const ps = result.pruneStudy;
console.log(ps.skipped ? `pruning study as published: skipped (${ps.skipped})`
  : `pruning study as published (4 silhouettes, 26 levels x 3 noise x 100 trials; Web Worker): ` +
    `${(ps.ms / 1000).toFixed(2)} s, ${ps.rows} rows`);
console.log('');
printStartup(result.startup);
console.log('');
console.log('dist/ file                              raw KB   gzip -9 KB');
for (const f of result.dist.files)
  console.log(`  ${f.file.padEnd(36)}${kb(f.raw).padStart(8)}${kb(f.gzip).padStart(13)}`);
console.log(`  ${'total'.padEnd(36)}${kb(result.dist.raw).padStart(8)}${kb(result.dist.gzip).padStart(13)}`);
console.log('');
console.log(JSON.stringify({
  drawnFpsIdle: +result.idle.fps.toFixed(1),
  fps28: +result.fps[0].fps.toFixed(1),
  fps128: +result.fps[1].fps.toFixed(1),
  dropped28: result.fps[0].dropped,
  dropped128: result.fps[1].dropped,
  droppedAtStart28: result.fps[0].droppedAtStart,
  droppedAtStart128: result.fps[1].droppedAtStart,
  workMs: { idle: +result.idle.workMedianMs.toFixed(2), run28: +result.fps[0].workMedianMs.toFixed(2),
    run128: +result.fps[1].workMedianMs.toFixed(2) },
  sweepsPerSecond28: +result.fps[0].sweepsPerSecond.toFixed(1),
  sweepsPerSecond128: +result.fps[1].sweepsPerSecond.toFixed(1),
  experimentSeconds: +(result.experiment.ms / 1000).toFixed(2),
  experimentFps: +result.experiment.fps.toFixed(1),
  readyMs: +result.startup.readyMs.toFixed(0),
  firstFrameMs: +result.startup.firstFrameMs.toFixed(0),
  distBytes: result.dist.raw,
  distGzipBytes: result.dist.gzip,
}));
