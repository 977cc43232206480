// Lessons followed as written (issue 22 item 2): each lesson is set up as its button does
// (hopfield.loadLesson, or ?lesson= for the pruning one), its steps are done through the
// commands the app's buttons call (run, setOptions, removePattern, loadBuiltin, ...), and what
// its "what to notice" line promises is checked against values worked out here, from the
// patterns and the physics, not read back from the lesson. Run: tests/web/run.sh.
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

const hamming = (a, b) => [...a].filter((c, i) => c !== b[i]).length;
const spins = (s) => [...s].map((c) => (c === '#' ? 1 : -1));
const dot = (a, b) => spins(a).reduce((sum, x, i) => sum + x * spins(b)[i], 0);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

// Loads lesson `id` as the Lessons window's button does and checks its hint is shown.
async function lesson(page, id) {
  await api(page, 'loadLesson', id);
  const s = await api(page, 'getState');
  assert.equal(s.width, 16, `${id}: a 16x16 grid`);
  return s;
}

// Run, as the Run button: to the end of the recall.
const run = (page) => api(page, 'run');

// One page, every lesson in turn, as a student moves from one to the next.
let page;
test('every lesson but pruning, one after another in one page', async (t) => {
  await withApp(session, '', async (p) => {
    page = p;
    await t.test('1. recall: the energy never rises and A comes back exactly, at a fixed point', async () => {
      const s = await lesson(page, 'recall');
      assert.deepEqual(s.names, ['A', 'B', 'C']);
      const a = s.patterns[0];
      assert.equal(hamming(s.probe, a), Math.round(0.1 * 256), 'the probe is A with 10% flipped');
      const end = await run(page);
      const trace = await api(page, 'getTrace');
      for (let k = 1; k < trace.energy.length; ++k)
        assert.ok(trace.energy[k] <= trace.energy[k - 1] + 1e-9, `energy rose at sweep ${k}: ${trace.energy}`);
      assert.equal(end.state, a, 'the state is A');
      assert.equal(end.hamming, 0);
      assert.equal(end.outcome, 'fixed point');
      assert.equal(end.verdict, 'retrieved');
    });

    await t.test('2. overload: eight letters fail on A (a mixture); deleting letters brings A back', async () => {
      const s = await lesson(page, 'overload');
      assert.deepEqual(s.names, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
      assert.ok(8 < 0.138 * 256, 'far below 0.138 N');
      const end = await run(page);
      assert.notEqual(end.verdict, 'retrieved', `recall fails: ${end.summary}`);
      assert.notEqual(end.state, s.patterns[0]);
      // A mixture: the final state overlaps several letters clearly, none of them fully.
      const overlaps = s.patterns.map((p) => dot(end.state, p) / 256);
      assert.ok(overlaps.every((m) => Math.abs(m) < 1), `no letter exactly: ${overlaps}`);
      assert.ok(overlaps.filter((m) => Math.abs(m) > 0.3).length >= 2, `overlaps ${overlaps.map((m) => m.toFixed(2))}`);
      // "Delete letters from the library until A is recalled again": the last one each time.
      let names = s.names;
      let recalled = false;
      while (names.length > 1 && !recalled) {
        await api(page, 'removePattern', names.length - 1);
        await api(page, 'reset');
        const again = await run(page);
        names = again.names;
        recalled = again.verdict === 'retrieved' && again.state === s.patterns[0];
      }
      assert.ok(recalled, 'A is recalled again');
      assert.ok(names.length >= 3, `with ${names.join(', ')} still stored`);
    });

    await t.test('3. two-cycles: all neurons flip together, energy flat; asynchronous ends at a fixed point', async () => {
      const s = await lesson(page, 'two-cycles');
      assert.equal(s.options.mode, 'sync');
      assert.equal(s.probe, '#'.repeat(256), 'the probe is all +1');
      for (const p of s.patterns) assert.equal(dot(s.probe, p), 0, 'overlap 0 with each stored pattern');
      const end = await run(page);
      assert.equal(end.outcome, '2-cycle');
      const trace = await api(page, 'getTrace');
      assert.ok(trace.flips.length >= 3);
      for (let k = 1; k < trace.flips.length; ++k) assert.equal(trace.flips[k], 256, `sweep ${k}: every neuron flips`);
      assert.ok(trace.energy.every((e) => e === trace.energy[0]), `an energy that never falls: ${trace.energy}`);
      // "Set the update to asynchronous in Network and Run again."
      await api(page, 'setOptions', { mode: 'async' });
      await api(page, 'reset');
      const settled = await run(page);
      assert.equal(settled.outcome, 'fixed point');
      const async = await api(page, 'getTrace');
      assert.ok(async.energy.at(-1) < async.energy[0], 'the energy fell');
      for (let k = 1; k < async.energy.length; ++k) assert.ok(async.energy[k] <= async.energy[k - 1] + 1e-9);
    });

    await t.test('4. temperature: near A with a few pixels flickering at T = 0.5; melted at T = 1.5', async () => {
      const s = await lesson(page, 'temperature');
      assert.deepEqual(s.names, ['A', 'D', 'Y']);
      assert.equal(s.options.temperature, 0.5);
      // |overlap with A| and Hamming distance to A over the second half of the sweeps.
      const tail = async () => {
        await run(page);
        const trace = await api(page, 'getTrace');
        const from = Math.floor(trace.overlaps.length / 2);
        return { m: mean(trace.overlaps.slice(from).map((row) => Math.abs(row[0]))),
          h: trace.hamming.slice(from) };
      };
      const cold = await tail();
      // Mean field for one condensed pattern: m = tanh(m / T) gives m = 0.96 at T = 0.5.
      assert.ok(cold.m > 0.85, `near A: mean |m| ${cold.m}`);
      assert.ok(mean(cold.h) > 0, `pixels flicker (Hamming never quite 0): ${cold.h}`);
      assert.ok(Math.max(...cold.h) < 0.1 * 256, `but stay near A: ${cold.h}`);
      await api(page, 'setOptions', { temperature: 1.5 });
      await api(page, 'reset');
      const hot = await tail();
      assert.ok(hot.m < 0.3, `above T = 1 the memory melts: mean |m| ${hot.m}`);
    });

    await t.test('5. unlearning: E pulls A into a spurious state until E is deleted', async () => {
      const s = await lesson(page, 'unlearning');
      assert.deepEqual(s.names, ['A', 'B', 'C', 'E']);
      assert.equal(hamming(s.probe, s.patterns[0]), Math.round(0.05 * 256), 'A with 5% noise');
      const spoiled = await run(page);
      assert.equal(spoiled.verdict, 'spurious', spoiled.summary);
      // "Select E in the library, press Delete and Run again."
      await api(page, 'removePattern', 3);
      await api(page, 'reset');
      const end = await run(page);
      assert.deepEqual(end.names, ['A', 'B', 'C']);
      assert.equal(end.verdict, 'retrieved', end.summary);
      assert.equal(end.state, s.patterns[0]);
    });

    await t.test('6. weights: W is A A^T; a second letter adds its own picture', async () => {
      const s = await lesson(page, 'weights');
      assert.deepEqual(s.names, ['A']);
      assert.equal(s.options.scale, 'none', 'W = xi xi^T, unscaled');
      const a = s.patterns[0];
      // E(s) = -1/2 s^T W s with a zero diagonal: for s = A and W = A A^T it is -(N^2 - N)/2.
      await api(page, 'setState', a);
      assert.equal((await api(page, 'getState')).energy, -(256 * 256 - 256) / 2);
      // "Store another letter": W = A A^T + B B^T, so E(A) = -((A.A)^2 + (A.B)^2 - 2N)/2.
      await api(page, 'loadBuiltin', 'letters', { replace: false, pick: 'B' });
      const two = await api(page, 'getState');
      assert.deepEqual(two.names, ['A', 'B']);
      const b = two.patterns[1];
      await api(page, 'setState', a);
      assert.equal((await api(page, 'getState')).energy, -(256 * 256 + dot(a, b) ** 2 - 2 * 256) / 2);
      await api(page, 'setState', b);
      assert.equal((await api(page, 'getState')).energy, -(256 * 256 + dot(a, b) ** 2 - 2 * 256) / 2);
    });

    await t.test('8. dense: n = 4 recalls A among 26 letters; n = 2 is the classic mixture; n = 3 ends two pixels from E', async () => {
      const s = await lesson(page, 'dense');
      assert.equal(s.names.length, 26);
      assert.equal(s.options.model, 'dense');
      const a = s.patterns[0];
      const dense = await run(page);
      assert.equal(dense.verdict, 'retrieved', dense.summary);
      assert.equal(dense.state, a, 'A comes back exactly');
      // "In Network set the degree n to 2 and Run again": the classic network's spurious mixture.
      await api(page, 'setOptions', { interaction: 'poly:2' });
      const two = await run(page);
      assert.notEqual(two.verdict, 'retrieved', two.summary);
      await api(page, 'setOptions', { model: 'classic' });
      const classic = await run(page);
      assert.notEqual(classic.verdict, 'retrieved', 'the classic network fails even here');
      assert.equal(two.state, classic.state, 'n = 2 ends where the classic network does');
      await api(page, 'setOptions', { model: 'dense', interaction: 'poly:3' });
      const three = await run(page);
      // "With n = 3 it fails too: it ends two pixels from E, not on A."
      assert.equal(three.verdict, 'spurious', three.summary);
      assert.equal(hamming(three.state, s.patterns[s.names.indexOf('E')]), 2, `two pixels from E: ${three.summary}`);
      assert.ok(hamming(three.state, a) > 2, 'not on A');
    });

    await t.test('9. sequence: A, B, C and back to A, a cycle of 3 states', async () => {
      const s = await lesson(page, 'sequence');
      assert.deepEqual(s.names, ['A', 'B', 'C']);
      assert.equal(s.probe, s.patterns[0], 'the probe is A');
      const end = await run(page);
      const trace = await api(page, 'getTrace');
      assert.equal(trace.overlaps.length, 4, 'A, B, C, A');
      trace.overlaps.forEach((row, k) => {
        assert.equal(row[k % 3], 1, `step ${k} is ${s.names[k % 3]} exactly`);
        assert.equal(Math.max(...row), 1);
      });
      assert.equal(end.outcome, 'cycle');
      assert.equal(end.cycleLength, 3);
      assert.match(end.summary, /Cycle of 3 states/);
    });
  });
});

// The Experiments window's run, read as the window reads it.
const status = (p) => p.evaluate(() => JSON.parse(UTF8ToString(ccall('hl_experiment_status', 'number', [], []))));

test('7. the pruning lesson: Run in the Experiments window studies A, D and Y; random pruning costs little until most weights are gone', async () => {
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
