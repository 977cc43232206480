// One model switch through the JS API (issue 19): hopfield.setOptions({model}) goes through the
// core's settings grammar (App::apply_settings), as the Network panel and the start-up
// parameters do (tests/app/test_model_switch.cpp checks those give the same). From a state with
// a temperature, dynamics and a model parameter changed, every pair of models must come out as
// the switch promises: T kept exactly where the new model has Glauber dynamics (classic,
// sparse), said in one line where it is lost, the rest of the dynamics kept, the old model's
// parameters gone. Run: tests/web/run.sh.
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

const MODELS = ['classic', 'dense', 'modern', 'sparse', 'continuous'];
const GLAUBER = new Set(['classic', 'sparse']);
// One parameter of each model's own, changed from its default.
const OWN = { classic: { clip: 3 }, dense: { interaction: 'poly:4' }, modern: { beta: 2 },
  sparse: { activity: 0.2 }, continuous: { gain: 2 } };

test('setOptions({model}) switches every pair of models as the core switch says', async () => {
  await withApp(session, '?set=letters:ABC', async (page) => {
    for (const from of MODELS) {
      for (const to of MODELS) {
        const start = { model: from, ...OWN[from], mode: 'sync', seed: '9', maxSweeps: 40,
          temperature: GLAUBER.has(from) ? 0.5 : 0 };
        await api(page, 'setOptions', start);
        const before = (await api(page, 'getState')).options;
        // A marker notice: what the switch says comes after it.
        const marker = `switching ${from} to ${to}`;
        await page.evaluate((m) => hopfieldWeb.notice(m, false), marker);
        await api(page, 'setOptions', { model: to });
        const state = await api(page, 'getState');
        const said = state.messages.slice(state.messages.indexOf(marker) + 1);
        const o = state.options;
        const label = `${from} -> ${to}`;
        assert.equal(o.model, to, label);
        assert.equal(o.temperature, GLAUBER.has(to) ? before.temperature : 0, `${label}: temperature`);
        assert.equal(o.mode, 'sync', `${label}: mode`);
        assert.equal(o.seed, '9', `${label}: seed`);
        assert.equal(o.maxSweeps, 40, `${label}: max sweeps`);
        // The old model's parameter goes with it (unless the model did not change).
        for (const [key, value] of Object.entries(OWN[from]))
          assert.equal(o[key], from === to ? String(value) : undefined, `${label}: ${key}`);
        const lost = before.temperature > 0 && !GLAUBER.has(to) && from !== to;
        const note = `The temperature T = 0.5 does not carry over: the ${to} model runs at T = 0.`;
        assert.ok(state.messages.includes(marker), `${label}: the marker is still shown`);
        assert.deepEqual(said, lost ? [note] : [], `${label}: the one-line note`);
      }
    }
  });
});

test('a temperature the model cannot take is refused, settings unchanged, on every way in', async () => {
  await withApp(session, '?set=letters:ABC&temperature=0.5&model=continuous', async (page) => {
    const state = await api(page, 'getState');
    assert.equal(state.options.model, 'continuous');
    assert.equal(state.options.temperature, 0, 'the URL\'s temperature is ignored with a warning');
    assert.ok(state.messages.some((n) => n.includes('temperature=0.5') && n.includes('runs at T = 0')),
      JSON.stringify(state.messages));
    const err = await page.evaluate(() => {
      try { window.hopfield.setOptions({ temperature: 0.5 }); return null; } catch (e) { return e.message; }
    });
    assert.match(err, /^hopfield: the continuous model runs at T = 0/);
    assert.equal((await api(page, 'getState')).options.temperature, 0);
  });
});
