// Experiment plots exported whole (issue 22 item 8): Export PNG renders the plots off screen
// at the size asked, not a grab of the window cut at its edge; the picture is exactly that
// size at any window size, and what it draws reaches its edges. The legend's placement, the
// log axis and the reference lines' style are unit-tested (tests/app/test_plot_style.cpp).
// Run: tests/web/run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, withApp, api, decodePng, colourStats } from './harness.mjs';

let session;
before(async () => {
  // A small window: the Experiments window is narrower than the picture asked for.
  session = await startSession({ viewport: { width: 900, height: 700 } });
});
after(async () => {
  await session?.close();
});

// Three rules: nine curves, more than the on-screen legend lists ("+K more").
const SPEC = { experiment: 'capacity', size: '16x16', patterns: '2:40:2',
  rule: 'hebbian,storkey,pseudoinverse', trials: 3, seed: '5' };

const exportPng = (page, region, options) => page.evaluate(async ([r, o]) => {
  try {
    return { png: Array.from(await window.hopfield.exportPng(r, o)) };
  } catch (e) {
    return { error: e.message };
  }
}, [region, options]);

// The box around every pixel that differs from the top-left one (the window's background).
function contentBox(img) {
  const at = (x, y, c) => img.pixels[(y * img.width + x) * img.channels + c];
  let x0 = img.width, y0 = img.height, x1 = -1, y1 = -1;
  for (let y = 0; y < img.height; ++y)
    for (let x = 0; x < img.width; ++x) {
      let diff = 0;
      for (let c = 0; c < 3; ++c) diff = Math.max(diff, Math.abs(at(x, y, c) - at(0, 0, c)));
      if (diff <= 8) continue;
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
    }
  return { x0, y0, x1, y1 };
}

test('Export PNG of the experiment plots: exactly the size asked, drawn whole, not cut at the window', async () => {
  await withApp(session, '?panels=experiments', async (page, { problems }) => {
    const early = await exportPng(page, 'experiment-plots', { width: 800, height: 600 });
    assert.match(early.error ?? '', /no experiment has run yet/, 'nothing to export before a run');

    await page.evaluate((spec) => window.hopfield.runExperiment(spec), SPEC);
    await page.waitForFunction(() => (window.hopfield.getRegions()['experiment-plots'] || {}).width > 0, null,
      { timeout: 20000 });
    const onScreen = (await api(page, 'getRegions'))['experiment-plots'];

    for (const [width, height] of [[1200, 800], [700, 900]]) {
      const out = await exportPng(page, 'experiment-plots', { width, height });
      assert.ok(out.png, `exported (${out.error})`);
      const img = decodePng(Buffer.from(out.png));
      assert.equal(img.width, width, 'PNG width = the width asked');
      assert.equal(img.height, height, 'PNG height = the height asked');
      assert.ok(colourStats(img).distinct >= 16, 'the plots are drawn, not blank');
      // Whole: the plot spans the width (less the window's padding) and the plot with its
      // captions fills the height; a grab cut at the panel's edge would not.
      const box = contentBox(img);
      assert.ok(box.x0 <= 0.03 * width && box.x1 >= 0.97 * width, `content spans the width: ${JSON.stringify(box)}`);
      assert.ok(box.y0 <= 0.03 * height && box.y1 >= 0.9 * height, `content fills the height: ${JSON.stringify(box)}`);
    }
    assert.ok(onScreen.width < 1200, `the window's plots are ${onScreen.width} px wide: the export is not a grab`);

    // The log axis draws another picture (the first-step error's decades).
    const linear = await exportPng(page, 'experiment-plots', { width: 800, height: 600 });
    const log = await exportPng(page, 'experiment-plots', { width: 800, height: 600, logY: true });
    assert.notDeepEqual(log.png, linear.png, 'logY changes the picture');

    for (const [options, pattern] of [[{ width: 50, height: 600 }, /200 to 4096 pixels wide/],
      [{ width: 800, height: 9000 }, /150 to 4096 high/], [{ width: 800 }, /height/],
      [{ width: 800, height: 600, dpi: 2 }, /dpi/]]) {
      const bad = await exportPng(page, 'experiment-plots', options);
      assert.match(bad.error ?? '', pattern, `exportPng(${JSON.stringify(options)}) is refused`);
    }
    const other = await exportPng(page, 'editor', { width: 800, height: 600 });
    assert.match(other.error ?? '', /experiment-plots only/);
    assert.deepEqual(problems, [], 'no console errors');
  });
});
