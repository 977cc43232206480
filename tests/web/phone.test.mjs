// Phones and tablets (issue 22, item 6), as their browsers are: touch, a coarse pointer, the
// page's meta viewport. What a student relies on: Run and the probe in the first screen and a
// hint that names no key; a swipe scrolls (on the grid too, unless Draw is on; a long press
// draws); a header folds on a tap, not under a swipe; floating windows inside the page;
// controls at least 40 px tall. Screenshots go to HOPFIELD_SHOTS (default /work/helpers/shots).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, startSession, openApp, api } from './harness.mjs';

const SHOTS = process.env.HOPFIELD_SHOTS ??
  (fs.existsSync('/work/helpers') ? '/work/helpers/shots' : path.join(os.tmpdir(), 'hopfield-shots'));
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// One browser for the file; each test is a fresh context of it (its own storage).
let browser = null;
after(async () => { if (browser) await browser.close(); });

async function withDevice(viewport, query, body) {
  browser ??= await launchBrowser();
  const session = await startSession({ viewport, touch: true, mobile: true, browser });
  try {
    const { page, problems } = await openApp(session, query);
    await wait(500);
    await body(page);
    assert.deepEqual(problems, [], 'no console errors');
  } finally {
    await session.close();
  }
}

// A finger put down at `from`, moved in steps to `to` (a frame or two each), held `holdMs`
// first, then lifted: touch events as a phone's browser sends them.
async function swipe(page, from, to, { holdMs = 0, steps = 12 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const point = (x, y) => [{ x: Math.round(x), y: Math.round(y), id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from.x, from.y) });
  await wait(80 + holdMs);
  for (let k = 1; k <= steps; ++k) {
    const t = k / steps;
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove', touchPoints: point(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t),
    });
    await wait(40);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await wait(250);
  await cdp.detach();
}

const centre = (r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const inView = (r, v) => r.x >= -0.5 && r.y >= -0.5 && r.x + r.width <= v.width + 0.5 && r.y + r.height <= v.height + 0.5;

for (const [name, viewport] of [['phone', PHONE], ['tablet', TABLET]]) {
  test(`${name} ${viewport.width}x${viewport.height}: Run and the probe first, no Space in the hint, touch-sized controls, Run by a tap`, async () => {
    await withDevice(viewport, '', async (page) => {
      const s = await api(page, 'getState');
      assert.equal(s.layout.coarsePointer, true, 'the browser says the pointer is coarse');
      assert.match(s.hint, /press Run and watch/, 'the first visit\'s hint');
      assert.doesNotMatch(s.hint, /Space/, 'names no key a phone lacks');
      const regions = await api(page, 'getRegions');
      assert.ok(regions.run?.width > 0 && inView(regions.run, viewport),
        `Run in the first screen (${JSON.stringify(regions.run)})`);
      assert.ok(regions.recall?.width > 0 && regions.recall.y < viewport.height - 100,
        `the probe's grid starts in the first screen (${JSON.stringify(regions.recall)})`);
      assert.ok(regions.recall.y < regions.editor.y, 'the recall comes before the editor');
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `phone-${viewport.width}x${viewport.height}.png`) });

      // Every button and header drawn, and ImGui's control height, at least 40 px.
      assert.ok(s.layout.controlHeight >= 40, `controls are ${s.layout.controlHeight} px tall`);
      const sized = Object.entries(regions).filter(([k]) => /^(button|header):|^run$/.test(k));
      assert.ok(sized.length >= 8, `buttons and headers found: ${sized.map(([k]) => k).join(', ')}`);
      for (const [k, r] of sized) assert.ok(r.height >= 40, `${k} is ${r.height} px tall`);

      // A tap on Run runs the recall to its end: A comes back.
      await page.touchscreen.tap(centre(regions.run).x, centre(regions.run).y);
      await page.waitForFunction(() => window.hopfield.getState().finished, null, { timeout: 20000 });
      const end = await api(page, 'getState');
      assert.equal(end.verdict, 'retrieved');
      assert.equal(end.verdictPattern, 0);
    });
  });

  test(`${name}: the Experiments window fits the page (panels=experiments,network)`, async () => {
    await withDevice(viewport, '?panels=experiments,network', async (page) => {
      await wait(300);
      const regions = await api(page, 'getRegions');
      const windows = Object.entries(regions).filter(([k]) => k.startsWith('window:'));
      assert.ok(regions['window:Experiments']?.width > 0, `the Experiments window is open (${Object.keys(regions)})`);
      for (const [k, r] of windows) assert.ok(inView(r, viewport), `${k} inside ${viewport.width}x${viewport.height}: ${JSON.stringify(r)}`);
      const run = regions['experiment-run'];
      assert.ok(run?.width > 0 && inView(run, viewport) && run.height >= 40, `its Run button: ${JSON.stringify(run)}`);
      await page.screenshot({ path: path.join(SHOTS, `phone-${viewport.width}x${viewport.height}-experiments.png`) });
    });
  });
}

test('phone: a swipe on the editor\'s grid scrolls; with Draw on, or after a long press, it draws; a tap paints one cell', async () => {
  await withDevice(PHONE, '?size=16&start=empty&panels=editor,library', async (page) => {
    const drawn = async () => ((await api(page, 'getState')).drawing.match(/#/g) ?? []).length;
    const grid = await api(page, 'getEditorRect');
    assert.ok(grid.width >= 300 && inView(grid, PHONE), `the grid is in view: ${JSON.stringify(grid)}`);
    const cellAt = (r, cx, cy) => ({ x: r.x + r.width * ((cx + 0.5) / 16), y: r.y + r.height * ((cy + 0.5) / 16) });

    // A swipe up that starts on the grid scrolls the column and draws nothing.
    await swipe(page, cellAt(grid, 8, 14), cellAt(grid, 8, 2));
    const scrolled = await api(page, 'getEditorRect');
    assert.ok(scrolled.y < grid.y - 100, `the column scrolled (grid from y=${grid.y} to ${scrolled.y})`);
    assert.equal(await drawn(), 0, 'and nothing was drawn');
    await swipe(page, cellAt(scrolled, 8, 2), cellAt(scrolled, 8, 15));  // back down
    const back = await api(page, 'getEditorRect');
    assert.ok(Math.abs(back.y - grid.y) < 2, `scrolled back (y=${back.y})`);
    assert.equal(await drawn(), 0);

    // A tap paints the cell tapped, and only it.
    const tap = cellAt(back, 3, 5);
    await page.touchscreen.tap(tap.x, tap.y);
    await wait(250);
    let s = await api(page, 'getState');
    assert.equal(s.drawing[5 * 16 + 3], '#', 'the tapped cell (3, 5) is painted');
    assert.equal(await drawn(), 1, 'and only that cell');

    // A long press, then a swipe along row 10: the finger draws, the column stays.
    await swipe(page, cellAt(back, 2, 10), cellAt(back, 13, 10), { holdMs: 700 });
    s = await api(page, 'getState');
    const row = s.drawing.slice(10 * 16, 11 * 16);
    assert.equal(row.slice(2, 14), '#'.repeat(12), `the long press drew row 10 from 2 to 13: ${row}`);
    assert.equal((await api(page, 'getEditorRect')).y, back.y, 'and did not scroll');

    // Draw on: a vertical swipe draws column 12 instead of scrolling.
    const regions = await api(page, 'getRegions');
    assert.ok(regions['switch:Draw']?.height >= 40, `the Draw switch, touch-sized: ${JSON.stringify(regions['switch:Draw'])}`);
    await page.touchscreen.tap(centre(regions['switch:Draw']).x, centre(regions['switch:Draw']).y);
    await wait(250);
    const on = await api(page, 'getEditorRect');
    await swipe(page, cellAt(on, 12, 1), cellAt(on, 12, 8));
    s = await api(page, 'getState');
    for (let y = 1; y <= 8; ++y) assert.equal(s.drawing[y * 16 + 12], '#', `Draw on: cell (12, ${y}) drawn`);
    assert.equal((await api(page, 'getEditorRect')).y, on.y, 'and the column did not scroll');
  });
});

test('phone: a swipe that starts on a panel header scrolls and folds nothing; a tap folds it', async () => {
  await withDevice(PHONE, '?set=letters&autorun=off', async (page) => {
    const before = await api(page, 'getRegions');
    const header = before['header:Recall'];
    assert.ok(header?.width > 0, 'the Recall header is drawn');
    await swipe(page, centre(header), { x: centre(header).x, y: centre(header).y - 250 });
    const after = await api(page, 'getRegions');
    assert.ok(after.run?.width > 0, 'the Recall panel is still open');
    assert.ok(after['header:Recall'].y < header.y - 100,
      `the column scrolled (header from y=${header.y} to ${after['header:Recall'].y})`);
    // A tap on the Plots header folds the plots, another unfolds them.
    const plots = after['header:Plots'];
    assert.ok(after['recall-plots']?.width > 0, 'the plots are shown');
    await page.touchscreen.tap(centre(plots).x, centre(plots).y);
    await wait(250);
    assert.ok(!((await api(page, 'getRegions'))['recall-plots']?.width > 0), 'a tap folded the plots');
    await page.touchscreen.tap(centre(plots).x, centre(plots).y);
    await wait(250);
    assert.ok((await api(page, 'getRegions'))['recall-plots']?.width > 0, 'another unfolded them');
  });
});
