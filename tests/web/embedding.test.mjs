// docs/embedding.md followed literally (issue 22 item 3): every ```html block of the guide is
// put in a course page beside the lab's folder, written `hopfield-lab/` as the guide writes
// it, and must load its lab with no error in the host page; the embed.js example stores three
// letters and runs a recall to its end; autoHeight follows the height the content needs.
// Run: tests/web/run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, startCourseSite } from './harness.mjs';

const GUIDE = fs.readFileSync(path.join(REPO, 'docs', 'embedding.md'), 'utf8');
const BLOCKS = [...GUIDE.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);

let course;  // the site, its server and the browser (startCourseSite)
before(async () => {
  course = await startCourseSite('hopfield-course-');
});
after(async () => {
  await course?.close();
});

// Opens `html` as a course page of the site; returns the page and the host's errors.
async function coursePage(name, html, { width = 1000, height = 800 } = {}) {
  fs.writeFileSync(path.join(course.site, name), `<!doctype html><html><body>\n${html}\n</body></html>`);
  const page = await course.browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(`${course.url}${name}`);
  return { page, errors };
}

// The lab in the page's first iframe (same origin here), once it is ready.
async function labIn(page) {
  const frame = await (await page.waitForSelector('iframe', { timeout: 20000 })).contentFrame();
  await frame.waitForFunction(() => typeof window.hopfield === 'object', null, { timeout: 60000, polling: 100 });
  return frame;
}

test('every html block of docs/embedding.md loads its lab, with no error in the course page', async () => {
  assert.ok(BLOCKS.length >= 4, `the guide's html blocks (${BLOCKS.length})`);
  for (const [i, block] of BLOCKS.entries()) {
    const { page, errors } = await coursePage(`block-${i}.html`, block);
    try {
      const frame = await labIn(page);
      assert.equal(typeof (await frame.evaluate(() => window.hopfield.getState().width)), 'number');
      assert.deepEqual(errors, [], `block ${i}: no error in the course page`);
    } finally {
      await page.close();
    }
  }
});

test('the guide\'s embed.js example stores A, B and C and runs the recall to its end', async () => {
  const block = BLOCKS.find((b) => b.includes('embed.js'));
  assert.ok(block, 'the guide has the embed.js example');
  const { page, errors } = await coursePage('embed-js.html', block);
  try {
    const frame = await labIn(page);
    await frame.waitForFunction(() => window.hopfield.getState().finished &&
      window.hopfield.getState().names.join() === 'A,B,C', null, { timeout: 60000, polling: 100 });
    const s = await frame.evaluate(() => window.hopfield.getState());
    assert.equal(s.target, 0, 'the probe came from A');
    assert.deepEqual(errors, [], 'no error in the course page');
  } finally {
    await page.close();
  }
});

test('autoHeight: a 600 px wide frame grows to the height its stacked panels need', async () => {
  const html = `<div id="lab" style="width:600px"></div>
<script src="hopfield-lab/embed.js"></script>
<script>
  HopfieldLab.embed(document.getElementById('lab'), {
    src: 'hopfield-lab/index.html',
    params: { embed: 1, panels: 'editor,recall,plots,library,network' },
    autoHeight: true,
  });
</script>`;
  const { page, errors } = await coursePage('auto-height.html', html, { width: 800, height: 600 });
  try {
    await labIn(page);
    await page.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 700,
      null, { timeout: 20000, polling: 100 });
    const height = await page.evaluate(() => parseFloat(document.querySelector('iframe').style.height));
    console.log(`# autoHeight: the 600 px wide frame is ${height} px tall`);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
