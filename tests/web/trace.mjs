// Where a frame's time goes, from a Chrome trace of the page (prints figures; not a test).
// Opens the app at SIDE x SIDE with 20 stored patterns, optionally starts a flat-out recall,
// records 2 s of trace and prints, per event, how many there were and the median duration:
//   - FrameRequestCallbackCollection::ExecuteFrameCallbacks: the app's work per frame
//   - GLES2::ReadPixels: the page's thread waiting for WebGL's raster (software compositing)
//   - ContextVk::finishImpl: ANGLE waiting for the rasteriser (SwiftShader) to finish a frame
//   - GLES2Implementation::GetIntegerv: synchronous GL state reads (round trips)
//   - SoftwareRenderer::DoDrawQuad: the compositor drawing the page
// Usage: node tests/web/trace.mjs [--side 28] [--idle] [--query '?redraw=full'] [--out t.json]
import fs from 'node:fs';
import { startSession, openApp, setUpEndlessRecall } from './harness.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const SIDE = Number(arg('--side', 28));
const RUN = !argv.includes('--idle');
const QUERY = arg('--query', '');
const OUT = arg('--out', '');
const EVENTS = ['FrameRequestCallbackCollection::ExecuteFrameCallbacks', 'GLES2::ReadPixels',
  'ContextVk::finishImpl', 'GLES2Implementation::GetIntegerv', 'SoftwareRenderer::DoDrawQuad'];

const session = await startSession();
const events = [];
try {
  const { page } = await openApp(session, QUERY);
  await setUpEndlessRecall(page, SIDE, 20);
  if (RUN) await page.evaluate(() => { window.hopfield.run(); });
  await new Promise((r) => setTimeout(r, 1000));
  const cdp = await session.context.newCDPSession(page);
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'blink', 'gpu', 'viz', 'gpu.angle',
      'disabled-by-default-gpu.angle', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  await new Promise((r) => setTimeout(r, 2000));
  await cdp.send('Tracing.end');
  await complete;
} finally {
  await session.close();
}
if (OUT) fs.writeFileSync(OUT, JSON.stringify(events));
console.log(`${SIDE}x${SIDE}, 20 stored patterns, ${RUN ? 'recall running flat out' : 'idle'}` +
  `${QUERY ? `, ${QUERY}` : ''}: 2 s of trace`);
console.log(`${'event'.padEnd(56)}${'count'.padStart(6)}${'median ms'.padStart(11)}`);
for (const name of EVENTS) {
  const d = events.filter((e) => e.ph === 'X' && e.name === name).map((e) => e.dur / 1000)
    .sort((a, b) => a - b);
  const median = d.length ? d[d.length >> 1].toFixed(2) : '-';
  console.log(`${name.padEnd(56)}${String(d.length).padStart(6)}${median.padStart(11)}`);
}
