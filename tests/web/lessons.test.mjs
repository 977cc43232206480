// Lessons followed as written (issue 22 item 2): the pruning lesson, with its Run pressed in the
// Experiments window it opens, runs the study on the lesson's own letters and shows what its
// "what to notice" line promises. Run: tests/web/run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, withApp, api } from './harness.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
});

// The Experiments window's run, read as the window reads it.
const status = (page) => page.evaluate(() => JSON.parse(UTF8ToString(ccall('hl_experiment_status', 'number', [], []))));

test('the pruning lesson: Run in the Experiments window studies A, D and Y; random pruning costs little until most weights are gone', async () => {
  await withApp(session, '?lesson=pruning', async (page) => {
    assert.deepEqual((await api(page, 'getState')).names, ['A', 'D', 'Y'], 'the lesson stores A, D and Y');
    await page.waitForFunction(() => (window.hopfield.getRegions()['experiment-run'] || {}).width > 0, null,
      { timeout: 20000 });
    const run = (await api(page, 'getRegions'))['experiment-run'];
    const canvas = await page.locator('#canvas').boundingBox();
    // As a user presses it: move, press, release, a frame or more apart (ImGui sees each).
    await page.mouse.move(canvas.x + run.x + run.width / 2, canvas.y + run.y + run.height / 2);
    await new Promise((r) => setTimeout(r, 150));
    await page.mouse.down();
    await new Promise((r) => setTimeout(r, 150));
    await page.mouse.up();
    await page.waitForFunction(() => {
      const s = JSON.parse(UTF8ToString(ccall('hl_experiment_status', 'number', [], [])));
      return s.state !== 'running' && s.state !== 'idle';
    }, null, { timeout: 120000, polling: 250 });
    const s = await status(page);
    assert.equal(s.state, 'done', `the study ran (${s.error})`);
    const result = await page.evaluate(() => JSON.parse(UTF8ToString(ccall('hl_experiment_result', 'number', [], []))));
    assert.equal(result.parameters.select, '0-2', 'on the lesson\'s three letters');
    const random = result.rows.filter((r) => r.kind === 'random' && r.noise === 0.25);
    const at = (level) => random.find((r) => Math.abs(r.level - level) < 1e-9).mean_performance;
    for (const level of [0, 0.25, 0.5, 0.75]) assert.ok(at(level) >= 99, `${level * 100}% pruned: ${at(level)}% recalled`);
    assert.ok(at(1) < at(0.75), `all weights gone: ${at(1)}% recalled, less than at 75% (${at(0.75)}%)`);
  });
});
