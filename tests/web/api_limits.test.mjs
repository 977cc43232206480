// The JS API under hostile or unlucky calls (issue 23 items 1 and 5): strings of any length
// are refused with a message and the lab keeps working; overlapping experiments each get their
// own answer. Run: tests/web/run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, withApp as withAppIn, api } from './harness.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
});

const withApp = (query, body) => withAppIn(session, query, body);

test('a 2M-character string argument is refused with a message, and the next call works', async () => {
  await withApp('', async (page, { problems }) => {
    const calls = [
      ['setTheme', (long) => [long]],
      ['corrupt', (long) => [{ type: long }]],
      ['setOptions', (long) => [{ model: long }]],
      ['loadImage', (long) => [new Uint8Array([1, 2, 3]), { name: long }]],
      ['loadPatternFile', (long) => ['name: A\n#.\n.#\n', long]],
    ];
    for (const [method] of calls) {
      const r = await page.evaluate(async ([m, index]) => {
        const long = 'x'.repeat(2_000_000);
        const args = [
          [long], [{ type: long }], [{ model: long }],
          [new Uint8Array([1, 2, 3]), { name: long }], ['name: A\n#.\n.#\n', long],
        ][index];
        try {
          await window.hopfield[m](...args);
          return { ok: true };
        } catch (e) {
          return { threw: e.message };
        }
      }, [method, calls.findIndex((c) => c[0] === method)]);
      assert.ok(r.threw, `${method}: refused`);
      assert.match(r.threw, /2000000 characters long, more than the limit of 1024 bytes/, `${method}: ${r.threw}`);
      // The lab carries on: a normal call of the same method works.
      await api(page, 'setTheme', 'light');
      assert.equal((await api(page, 'getState')).theme, 'light', `after ${method}, the next call works`);
      await api(page, 'setTheme', 'dark');
    }
    await api(page, 'corrupt', { type: 'flip', fraction: 0.1, seed: 1 });
    await api(page, 'setOptions', { model: 'classic' });
    await api(page, 'loadPatternFile', 'name: Q\n' + '#'.repeat(16) + '\n'.repeat(1) + ('.'.repeat(16) + '\n').repeat(15), 'q.txt');
    assert.equal((await api(page, 'getState')).names.at(-1), 'Q', 'a pattern file still loads');
    assert.deepEqual(problems, [], 'no console errors');
  });
});

test('runExperiment: a second run while one runs is refused; each call gets its own result; an abort cancels only its own run', async () => {
  await withApp('', async (page) => {
    const out = await page.evaluate(async () => {
      const small = { experiment: 'basins', random: 2, size: '8x8', amounts: '0,0.1', trials: 2, seed: '3' };
      const long = { experiment: 'capacity', neurons: 2000, patterns: '10:200:10', trials: 50, seed: '1' };
      const settle = (p) => p.then((v) => ({ value: v }), (e) => ({ error: e.message }));
      // A small run to its end, with a signal aborted only later.
      const first = new AbortController();
      const a = await settle(window.hopfield.runExperiment(small, { signal: first.signal }));
      // A long run; a second call while it runs; the first run's signal aborted meanwhile.
      const second = new AbortController();
      const b = settle(window.hopfield.runExperiment(long, { signal: second.signal }));
      let refused;
      try {
        await window.hopfield.runExperiment(small);
        refused = 'started';
      } catch (e) {
        refused = e.message;
      }
      first.abort();
      await new Promise((r) => setTimeout(r, 300));
      const runningAfterOtherAbort = window.hopfield.getState && JSON.parse(
        UTF8ToString(ccall('hl_experiment_status', 'number', [], []))).state;
      second.abort();
      const bResult = await b;
      // And after it, a new run answers with its own result.
      const c = await settle(window.hopfield.runExperiment({ ...small, seed: '4' }));
      return { a, refused, runningAfterOtherAbort, b: bResult, c };
    });
    assert.equal(out.a.value.experiment, 'basins', 'the first run resolves with its own result');
    assert.match(out.refused, /an experiment is already running/, 'a second run while one runs is refused');
    assert.equal(out.runningAfterOtherAbort, 'running', 'aborting a finished run\'s signal cancels nothing else');
    assert.match(out.b.error, /cancelled/, 'the long run is cancelled by its own signal');
    assert.equal(out.c.value.experiment, 'basins');
    assert.equal(String(out.c.value.parameters.seed), '4', 'the third run resolves with its own parameters');
  });
});
