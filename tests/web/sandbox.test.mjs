// The lab in a frame sandboxed without allow-same-origin, as some LMSs frame pages (issue 22
// item 3): index.html cannot fetch its wasm under the opaque origin, says so as page text and
// opens hopfield-lab-single.html, which works there; embed.js talks to such a frame (origin
// "null"), taking messages only from that frame. Run: tests/web/run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startCourseSite } from './harness.mjs';

let course;  // the site, its server and the browser (startCourseSite)
before(async () => {
  course = await startCourseSite('hopfield-lms-');
});
after(async () => {
  await course?.close();
});

async function hostPage(name, html) {
  fs.writeFileSync(path.join(course.site, name), `<!doctype html><html><body>\n${html}\n</body></html>`);
  const page = await course.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return { page, errors, url: `${course.url}${name}` };
}

test('index.html in <iframe sandbox="allow-scripts">: says why, opens the one file, and the lab works', async () => {
  const { page, errors, url } = await hostPage('plain.html',
    '<iframe sandbox="allow-scripts" src="hopfield-lab/index.html?set=letters&seed=3" ' +
    'style="width:900px;height:600px"></iframe>');
  try {
    // What the frame's status text said before it moved on (read as it changes: the
    // document is gone once the one file replaces it). Told as console messages, whose text
    // comes with the event: a call of an exposed binding is answered from the document that
    // made it, and was lost now and then when that document had already been replaced.
    const said = [];
    const prefix = 'hopfield-status: ';
    page.on('console', (msg) => {
      if (msg.text().startsWith(prefix)) said.push(msg.text().slice(prefix.length));
    });
    await page.addInitScript((tag) => {
      let last = '';
      new MutationObserver(() => {
        const status = document.getElementById('status');
        if (status && status.textContent !== last) console.info(tag + (last = status.textContent));
      }).observe(document, { childList: true, subtree: true, characterData: true });
    }, prefix);
    let asked = '';
    page.on('request', (r) => { if (r.url().includes('hopfield-lab-single.html')) asked = r.url(); });
    await page.goto(url);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => typeof window.hopfield === 'object', null, { timeout: 60000, polling: 100 });
    const text = said.find((t) => /sandboxed frame without allow-same-origin/.test(t));
    assert.ok(text, `the frame said why (it said: ${JSON.stringify(said)})`);
    assert.match(text, /hopfield-lab-single\.html/, 'the text names the file that works here');
    assert.match(text, /allow-scripts allow-same-origin/, 'and the sandbox that would let index.html work');
    assert.match(asked, /hopfield-lab-single\.html\?set=letters&seed=3$/, 'with the same parameters');
    assert.equal(await frame.evaluate(() => window.origin), 'null', 'the frame has an opaque origin');
    const s = await frame.evaluate(() => window.hopfield.getState());
    assert.equal(s.names.length, 26, 'set=letters applied');
    assert.equal(await frame.evaluate(() => getComputedStyle(document.getElementById('overlay')).display), 'none');
    // Experiments too: their Web Worker starts from a Blob URL, allowed under the opaque origin.
    const rows = await frame.evaluate(async () => (await window.hopfield.runExperiment(
      { experiment: 'capacity', size: '8x8', patterns: '2,4', trials: 2, seed: 1 })).rows.length);
    assert.equal(rows, 2, 'one row per number of patterns');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('embed.js with sandbox: allow-scripts: calls, results and events cross, a stranger frame is ignored', async () => {
  // A stranger: another sandboxed frame (origin "null" too) posting forged answers and events.
  fs.writeFileSync(path.join(course.site, 'stranger.html'), `<script>
    setInterval(function () {
      for (var id = 1; id < 10; ++id) parent.postMessage({ hopfield: 1, id: id, result: 'forged' }, '*');
      parent.postMessage({ hopfield: 1, event: 'finished', state: 'forged' }, '*');
    }, 5);
  </script>`);
  const { page, errors, url } = await hostPage('embed.html', `<div id="lab"></div>
<iframe sandbox="allow-scripts" src="stranger.html"></iframe>
<script src="hopfield-lab/embed.js"></script>
<script>
  window.lab = HopfieldLab.embed(document.getElementById('lab'), {
    src: 'hopfield-lab/index.html',
    params: { embed: 1, set: 'letters', panels: 'editor,recall,plots', autorun: 'off' },
    sandbox: 'allow-scripts', height: 560,
  });
  window.finished = [];
  lab.on('finished', function (state) { finished.push(state); });
</script>`);
  try {
    await page.goto(url);
    assert.equal(await page.evaluate(() => lab.iframe.getAttribute('sandbox')), 'allow-scripts');
    const result = await page.evaluate(async () => {
      await lab.ready;
      const s = await lab.call('getState');
      await lab.call('setPatterns', s.patterns.slice(0, 3), s.names.slice(0, 3));
      await lab.call('corrupt', { type: 'flip', fraction: 0.2, seed: 1, pattern: 1 });
      const end = await lab.call('run');
      const bad = await lab.call('setGridSize', 0, 0).then(() => 'resolved', (e) => e.message);
      return { names: (await lab.call('getState')).names, end, bad };
    });
    assert.deepEqual(result.names, ['A', 'B', 'C'], 'the calls reached the lab and came back');
    assert.equal(result.end.verdict, 'retrieved');
    assert.equal(result.end.target, 1);
    assert.match(result.bad, /^hopfield: /, 'an error comes back as the lab\'s message');
    await page.waitForFunction(() => finished.length > 0, null, { timeout: 20000 });
    const events = await page.evaluate(() => finished);
    assert.ok(events.every((e) => e !== 'forged' && e.verdict === 'retrieved'),
      'the finished event is the lab\'s, never the stranger\'s');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
