#!/usr/bin/env node
// Writes DIST/hopfield-lab-single.html: the whole web app in one file that works opened from
// disk (file://), with no server. The page's JavaScript goes inline; both WebAssembly modules
// go in as base64 and reach Emscripten as Module.wasmBinary, so nothing is fetched; the
// experiments' Web Worker starts from a Blob URL holding its script and its module. The
// prepared data sets of DIST/data (when built) go in as base64 too, so "Load set" works from
// disk (Module.hopfieldDataFiles, read by src/app/web/js/api_files.js).
//   node scripts/single-file.mjs [DIST]        (default: dist)
// Prints the file's size, raw and gzipped. Needs only node.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const read = (name) => fs.readFileSync(path.join(dist, name));
const html = read('index.html').toString('utf8');
const tag = /<script[^>]*src="hopfield-lab\.js"[^>]*><\/script>/;
if (!tag.test(html)) {
  console.error(`single-file.mjs: ${dist}/index.html does not load hopfield-lab.js`);
  process.exit(1);
}
// Inline text must not close its <script> early.
const inline = (text) => text.replace(/<\/(script)/gi, '<\\/$1');
const b64 = (name) => read(name).toString('base64');
const bytes = 'function (s) { var b = atob(s), a = new Uint8Array(b.length); ' +
  'for (var i = 0; i < b.length; ++i) a[i] = b.charCodeAt(i); return a; }';
// The data sets' files by name (a few tens of kB in all), as base64.
const dataDir = path.join(dist, 'data');
const dataFiles = {};
if (fs.existsSync(dataDir))
  for (const name of fs.readdirSync(dataDir).sort()) dataFiles[name] = b64(path.join('data', name));
const setup = `<script>
(function () {
  var decode = ${bytes};
  if (!window.Module || window.Module.noInitialRun) return;  // the browser lacks something
  window.Module.wasmBinary = decode(${JSON.stringify(b64('hopfield-lab.wasm'))});
  window.Module.hopfieldDataFiles = ${JSON.stringify(dataFiles)};
  var worker = 'var Module = { wasmBinary: (' + ${JSON.stringify(bytes)} + ')(' +
    ${JSON.stringify(JSON.stringify(b64('hopfield-worker.wasm')))} + ') };\\n' +
    ${inline(JSON.stringify(read('hopfield-worker.js').toString('utf8')))};
  window.Module.hopfieldWorkerUrl = URL.createObjectURL(new Blob([worker], { type: 'text/javascript' }));
})();
</script>
<script>${inline(read('hopfield-lab.js').toString('utf8'))}</script>`;
// The page's early download of hopfield-lab.wasm (shell/index.html) is off: it is inside.
const early = '/*HOPFIELD_EARLY_WASM*/true';
if (!html.includes(early)) {
  console.error(`single-file.mjs: ${early} not found in index.html (shell/index.html changed?)`);
  process.exit(1);
}
const out = html.replace(early, 'false').replace(tag, () => setup);
const file = path.join(dist, 'hopfield-lab-single.html');
fs.writeFileSync(file, out);
const gz = zlib.gzipSync(out, { level: 9 }).length;
console.log(`  ${path.relative(process.cwd(), file).padEnd(28)} ${String(out.length).padStart(8)} bytes, ` +
  `${String(gz).padStart(8)} gzipped (one file: open it from disk; ${Object.keys(dataFiles).length} data set files inside)`);
