// The one file opened from disk (file://) loads the prepared data sets it offers (issue 22
// item 5): they are inside it, so "Load set" and loadDataset work with no server, giving the
// same pixels as dist/data; index.html opened from disk opens the one file. Run: tests/web/run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { DIST, checkPrerequisites, launchBrowser } from './harness.mjs';

const SINGLE = path.join(DIST, 'hopfield-lab-single.html');
let browser;
before(async () => {
  checkPrerequisites();
  assert.ok(fs.existsSync(SINGLE), `${SINGLE} is missing: ./build-web.sh writes it`);
  assert.ok(fs.existsSync(path.join(DIST, 'data')), 'dist/data is missing: ./build-web.sh without --no-datasets');
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

// Image k of a prepared set as the page's pattern string, decoded here from dist/data: an IDX
// header of 16 bytes, then side x side bytes per image, ink where >= 128.
function image(set, side, k) {
  const bytes = zlib.gunzipSync(fs.readFileSync(path.join(DIST, 'data', `${set}-${side}-images-idx3-ubyte.gz`)));
  const n = side * side;
  return Array.from(bytes.subarray(16 + n * k, 16 + n * (k + 1)), (v) => (v >= 128 ? '#' : '.')).join('');
}

async function openFromDisk(file, query = '') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) problems.push(`request: ${r.url()}`); });
  await page.goto(pathToFileURL(file).href + query);
  await page.waitForFunction(() => typeof window.hopfield === 'object', null, { timeout: 60000, polling: 100 });
  return { page, problems };
}

test('from disk, loadDataset gives the prepared images of both sets, with nothing fetched', async () => {
  const { page, problems } = await openFromDisk(SINGLE, '?size=28&start=empty');
  try {
    await page.evaluate(() => window.hopfield.loadDataset('mnist', { classes: '3, 7', perClass: 2 }));
    let s = await page.evaluate(() => window.hopfield.getState());
    assert.deepEqual(s.names, ['3 #150', '3 #151', '7 #350', '7 #351'], 'named by class and index');
    assert.deepEqual(s.patterns, [150, 151, 350, 351].map((k) => image('mnist', 28, k)), 'the pixels of dist/data');
    await page.evaluate(() => window.hopfield.setGridSize(16, 16));
    await page.evaluate(() => window.hopfield.loadDataset('fashion-mnist', { classes: ['Bag'], perClass: 1 }));
    s = await page.evaluate(() => window.hopfield.getState());
    assert.deepEqual(s.names, ['Bag #400']);
    assert.equal(s.patterns[0], image('fashion-mnist', 16, 400), 'the 16x16 file at a 16x16 grid');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('from disk, the Library\'s "Load set" (the host\'s data-set function) loads with no error notice', async () => {
  const { page, problems } = await openFromDisk(SINGLE, '?size=28&start=empty');
  try {
    // What the Library panel's Load button reaches through App::load_dataset and the web host.
    await page.evaluate(() => Module.hopfieldFetchDataset('fashion-mnist', 'Sneaker', 3, true));
    await page.waitForFunction(() => window.hopfield.getState().names.length === 3, null, { timeout: 20000 });
    const s = await page.evaluate(() => window.hopfield.getState());
    assert.deepEqual(s.names, ['Sneaker #350', 'Sneaker #351', 'Sneaker #352']);
    assert.deepEqual(s.messages.filter((m) => /did not load|data set/i.test(m)), [], 'no failure notice');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('index.html opened from disk opens the one file beside it', async () => {
  const { page, problems } = await openFromDisk(path.join(DIST, 'index.html'), '?set=digits');
  try {
    assert.match(page.url(), /hopfield-lab-single\.html\?set=digits$/);
    assert.equal((await page.evaluate(() => window.hopfield.getState())).names.length, 10);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});
