// Autosave (issue 23 item 8): the session is encoded only after a change; a session too large
// for the browser's storage is said to be so, with the file export offered, and a reload then
// says that it brings back an older session; a pattern name over the limit is refused where it
// comes in, so a saved session always restores. Run: tests/web/run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, openApp, loadApp, api, callApi, randomPatterns, waitSaved } from './harness.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
});

const saved = waitSaved;

const wait = (ms) => new Promise((r) => setTimeout(r, ms));

test('autosave encodes the session only after a change', async () => {
  const { page } = await openApp(session, '');
  try {
    await saved(page);
    const idle = (await api(page, 'getSessionInfo')).encodes;
    await wait(2500);  // five of the old 500 ms autosave ticks
    assert.equal((await api(page, 'getSessionInfo')).encodes, idle, 'an idle page encodes nothing');
    await api(page, 'corrupt', { type: 'flip', fraction: 0.1, seed: 5 });
    await saved(page);
    assert.equal((await api(page, 'getSessionInfo')).encodes, idle + 1, 'one change, one encoding');
  } finally {
    await page.close();
  }
});

test('a session over the storage quota: said to be too large, the file export offered, and a reload says it is older', async () => {
  const page = await session.context.newPage();
  try {
    // The browser's quota, made small: a session longer than window.__quota characters is refused.
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).startsWith('hopfield-lab.session') && String(value).length > (window.__quota ?? Infinity))
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await loadApp(page, session.baseUrl);
    await saved(page);
    const kept = await api(page, 'getState');
    const keptLength = (await api(page, 'getShareLink')).split('#state=')[1].length;
    await page.evaluate((n) => { window.__quota = n; }, keptLength);
    // 20 random patterns do not compress: the session outgrows the quota.
    const more = randomPatterns(20, 256, 5);
    await api(page, 'setPatterns', [...kept.patterns, ...more]);
    await page.waitForFunction(() => window.hopfield.getSessionInfo().saved === 'too-large', null, { timeout: 20000 });
    const s = await api(page, 'getState');
    const notice = s.messages.find((m) => m.includes('too large for this browser to keep'));
    assert.ok(notice, JSON.stringify(s.messages));
    assert.match(notice, /Export library as text/, 'the file export is offered');
    assert.match(notice, /Share/, 'a link is offered: this one is short enough to open');
    assert.ok(!/private mode/.test(notice), 'it does not blame private mode');
    // The reload brings back the older session, and says so.
    await loadApp(page, session.baseUrl);
    const again = await api(page, 'getState');
    assert.deepEqual(again.patterns, kept.patterns, 'the last session that fitted');
    assert.ok(again.messages.some((m) => m.includes('the changes after it were too large to keep')),
      JSON.stringify(again.messages));
  } finally {
    await page.close();
  }
});

test('a pattern name over 1024 bytes is refused by setPatterns; one of 1024 survives a reload', async () => {
  const { page } = await openApp(session, '');
  try {
    const s = await api(page, 'getState');
    const r = await callApi(page, 'setPatterns', s.patterns, ['n'.repeat(1025), ...s.names.slice(1)]);
    assert.match(r.threw ?? '', /1025 bytes long, more than the limit of 1024/);
    assert.deepEqual((await api(page, 'getState')).names, s.names, 'nothing changed');
    const names = ['n'.repeat(1024), ...s.names.slice(1)];
    await api(page, 'setPatterns', s.patterns, names);
    await saved(page);
    await loadApp(page, page.url());
    assert.deepEqual((await api(page, 'getState')).names, names, 'the saved session restores');
  } finally {
    await page.close();
  }
});
