// The classroom's keyboard, storage notice and Lessons window (issue 22, items 9, 10 and 11),
// at 1280x800: F6 / Shift+F6 move the focus panel by panel and Run is a few keys away; after
// Escape, Space runs the recall again; a page whose storage is blocked (a cross-site iframe)
// says so once, as a line in the Library panel, never as a toast over the lab; each lesson's
// window covers none of the panels its steps use. Run: tests/web/run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, withApp, loadApp, api } from './harness.mjs';

let session;
before(async () => {
  session = await startSession({ viewport: { width: 1280, height: 800 } });
});
after(async () => {
  await session?.close();
});

const wait = (ms) => new Promise((r) => setTimeout(r, ms));
const shown = (r) => !!r && r.width > 0 && r.height > 0;
const centre = (r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const holds = (r, p) => shown(r) && p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
const overlap = (a, b) => shown(a) && shown(b) && a.x < b.x + b.width && b.x < a.x + a.width &&
  a.y < b.y + b.height && b.y < a.y + a.height;
const PANELS = ['editor', 'library', 'recall', 'plots', 'network', 'weights'];

// The panel whose region holds the centre of the keyboard focus, or null.
async function focusedPanel(page) {
  const r = await api(page, 'getRegions');
  if (!shown(r.focus)) return null;
  return PANELS.find((p) => holds(r[`panel-${p}`], centre(r.focus))) ?? null;
}

async function press(page, key) {
  await page.keyboard.press(key);
  await wait(150);  // a few frames: the focus is moved, shown and scrolled to
}

test('keyboard: F6 and Shift+F6 go from panel to panel; Run is a few keys away', async () => {
  await withApp(session, '', async (page) => {
    await page.focus('#canvas');
    const visited = [];
    for (let k = 0; k < PANELS.length; ++k) {
      await press(page, 'F6');
      visited.push(await focusedPanel(page));
    }
    assert.deepEqual(visited, PANELS, 'F6 visits each panel in turn, column by column');
    await press(page, 'F6');
    assert.equal(await focusedPanel(page), 'editor', 'and comes round to the first');
    await press(page, 'Shift+F6');
    assert.equal(await focusedPanel(page), 'weights', 'Shift+F6 goes back');
    await press(page, 'Shift+F6');
    assert.equal(await focusedPanel(page), 'network');

    // Run: F6 to the Recall panel, then Tab within it (61 Tabs from the top before).
    await page.reload();
    await loadApp(page, page.url());
    await page.focus('#canvas');
    let keys = 0;
    while ((await focusedPanel(page)) !== 'recall' && keys < 10) {
      await press(page, 'F6');
      ++keys;
    }
    let onRun = false;
    while (!onRun && keys < 30) {
      await press(page, 'Tab');
      ++keys;
      const r = await api(page, 'getRegions');
      onRun = shown(r.focus) && shown(r.run) && Math.abs(r.focus.x - r.run.x) < 3 && Math.abs(r.focus.y - r.run.y) < 3;
    }
    assert.ok(onRun, `Run has the focus after ${keys} keys`);
    assert.ok(keys <= 15, `Run is ${keys} keys away, at most 15 (61 Tabs before)`);
    await press(page, 'Enter');
    await page.waitForFunction(() => window.hopfield.getState().finished, null, { timeout: 10000, polling: 100 });

  });
});

test('keyboard: after Escape, Space runs the recall again', async () => {
  await withApp(session, '', async (page) => {
    await page.focus('#canvas');
    for (let k = 0; k < 4; ++k) await press(page, 'Tab');
    assert.ok(shown((await api(page, 'getRegions')).focus), 'Tab shows a keyboard focus');
    await press(page, 'Escape');
    assert.ok(!shown((await api(page, 'getRegions')).focus), 'Escape leaves keyboard navigation');
    const before = await api(page, 'getState');
    assert.equal(before.iteration, 0, 'nothing has run yet');
    await press(page, 'Space');
    await page.waitForFunction(() => window.hopfield.getState().finished, null, { timeout: 10000, polling: 100 });
    assert.equal((await api(page, 'getState')).verdict, 'retrieved', 'Space ran the recall to its end');
    // One Escape also leaves a field Tab went into (ImGui's Escape leaves only the field).
    await press(page, 'Backspace');
    for (let k = 0; k < 9; ++k) await press(page, 'Tab');
    await press(page, 'Escape');
    await press(page, 'Space');
    await page.waitForFunction(() => window.hopfield.getState().finished, null, { timeout: 10000, polling: 100 });
  });
});

test('blocked storage (a cross-site iframe) is said once, as a line in the Library panel, not a toast', async () => {
  const page = await session.context.newPage();
  // What a third-party iframe with storage partitioning off sees: any use of localStorage throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  try {
    for (let load = 0; load < 2; ++load) {
      if (load === 0) await loadApp(page, session.baseUrl);
      else {
        await page.reload();
        await loadApp(page, page.url());
      }
      await page.waitForFunction(() => window.hopfield.getState().storageNote !== '', null,
        { timeout: 10000, polling: 100 });
      // A change, whose autosave fails too: still no toast.
      await api(page, 'loadBuiltin', 'letters', { pick: 'XYZ' });
      await page.waitForFunction(() => window.hopfield.getSessionInfo().saved === 'blocked', null,
        { timeout: 10000, polling: 100 });
      await wait(300);
      const s = await api(page, 'getState');
      assert.match(s.storageNote, /does not let the page keep its work/, `load ${load + 1}: the note says it`);
      assert.deepEqual(s.messages.filter((m) => /keep its work|storage/i.test(m)), [],
        `load ${load + 1}: no toast says it`);
      const r = await api(page, 'getRegions');
      assert.ok(shown(r['storage-note']), 'the note is a line on screen');
      assert.ok(holds(r['panel-library'], centre(r['storage-note'])), 'in the Library panel');
      for (const other of ['recall', 'run', 'editor']) assert.ok(!overlap(r['storage-note'], r[other]), `covering no ${other}`);
    }
  } finally {
    await page.close();
  }
});

// The panels each lesson's text asks the student to use (src/app/state/lessons.cpp's words).
const LESSON_USES = {
  recall: ['recall', 'plots'],                 // Run; energy and Hamming distance; noise in Recall
  overload: ['recall', 'plots', 'library'],    // "Delete letters from the library"
  'two-cycles': ['recall', 'plots', 'network'],  // "Set the update to asynchronous in Network"
  temperature: ['recall', 'plots', 'network'],   // "Set T to 1.5 in Network"
  unlearning: ['recall', 'library'],           // "select E in the library, press Delete"
  weights: ['editor', 'library', 'recall', 'weights'],  // draw or load a letter, watch Weights
  pruning: ['experiments'],                    // "Press Run there"
  dense: ['recall', 'network'],                // "In Network set the degree n to 2"
  sequence: ['recall', 'plots'],               // the overlap plot's staircase
};

test('each lesson\'s window at 1280x800 covers none of the panels the lesson uses', async () => {
  for (const [lesson, uses] of Object.entries(LESSON_USES)) {
    await withApp(session, `?lesson=${lesson}`, async (page) => {
      await page.waitForFunction(() => (window.hopfield.getRegions().lessons || {}).width > 0, null,
        { timeout: 10000, polling: 100 });
      await wait(300);
      const r = await api(page, 'getRegions');
      const name = (p) => (p === 'experiments' ? 'panel-experiments' : `panel-${p}`);
      for (const p of uses) {
        assert.ok(shown(r[name(p)]), `${lesson}: the ${p} panel is on screen`);
        assert.ok(!overlap(r.lessons, r[name(p)]),
          `${lesson}: the Lessons window ${JSON.stringify(r.lessons)} covers ${p} ${JSON.stringify(r[name(p)])}`);
      }
      assert.ok(r.lessons.height >= 130 && r.lessons.width >= 200, `${lesson}: the window has room for its text`);
    });
  }
});
