// hopfield_lab.show() in a notebook exported to HTML: scripts/run-notebooks.py executes
// tests/notebooks/show.ipynb and renders it (HOPFIELD_SHOW_HTML, default
// build/notebooks-test/show.html); this opens that HTML in Chromium, from disk (file://, as a
// student opens an exported notebook) and from a local server, and checks that the lab inside
// the notebook's <iframe srcdoc> is ready and holds what the notebook gave it: letters A, B, C
// (read here from the pattern file), the probe (A with 51 of its 256 pixels flipped, target A),
// the light theme and the library and recall panels.
//   node --test notebook-show.mjs   (from tests/web, after npm ci; not a *.test.mjs file: run.sh
// runs before the notebooks are executed, scripts/test-all.sh runs this after them)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO, loadPatternFile, startSession } from './harness.mjs';
import { serve } from './serve.mjs';

const HTML = path.resolve(process.env.HOPFIELD_SHOW_HTML ??
  path.join(REPO, 'build', 'notebooks-test', 'show.html'));

async function labInFrame(page, url) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  const deadline = Date.now() + 120000;
  for (;;) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith('about:srcdoc'));
    const ready = frame && await frame.evaluate(() => !!window.hopfield).catch(() => false);
    if (ready) return { frame, errors };
    assert.ok(Date.now() < deadline, `${url}: the lab in the notebook's frame never became ready (${errors.join('; ')})`);
    await page.waitForTimeout(250);
  }
}

function checkState(state) {
  const letters = loadPatternFile('assets/patterns/letters-16.txt');
  assert.equal(state.width, 16);
  assert.equal(state.height, 16);
  assert.deepEqual(state.names, ['A', 'B', 'C']);
  assert.deepEqual(state.patterns, letters.slice(0, 3).map((p) => p.grid));
  const a = state.patterns[0];
  let flipped = 0;
  for (let i = 0; i < a.length; ++i) flipped += a[i] !== state.probe[i];
  assert.equal(flipped, Math.round(0.2 * 256));
  assert.equal(state.target, 0);
  assert.equal(state.theme, 'light');
  assert.deepEqual([...state.panels].sort(), ['library', 'recall']);
}

test('the lab shown by a notebook cell is ready and holds the notebook\'s patterns', async () => {
  assert.ok(fs.existsSync(HTML), `${HTML} is missing: run scripts/run-notebooks.py --out ` +
    `${path.dirname(HTML)} tests/notebooks/show.ipynb first`);
  const html = fs.readFileSync(HTML, 'utf8');
  assert.match(html, /<iframe srcdoc="/);
  const session = await startSession();
  const server = await serve(path.dirname(HTML));
  try {
    for (const url of [pathToFileURL(HTML).href, `${server.url}${path.basename(HTML)}`]) {
      const page = await session.context.newPage();
      const { frame, errors } = await labInFrame(page, url);
      const state = await frame.evaluate(() => window.hopfield.getState());
      checkState(state);
      assert.deepEqual(errors, [], url);
      await page.close();
    }
  } finally {
    await server.close();
    await session.close();
  }
});
