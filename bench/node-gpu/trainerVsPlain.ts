// Imported first: tfjs's WebGPU backend registers itself only where navigator.gpu exists.
import './dawnGlobals.ts';
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseDigitSet } from '../../src/data/mnistFormat.ts';
import { parseLink } from '../../src/config/link.ts';
import { MemoryStore } from '../../src/testing/memoryStore.ts';
import { Checkpoints } from '../../src/workers/train/checkpoints.ts';
import type { FromWorker } from '../../src/workers/train/protocol.ts';
import { SWITCHES_OFF, type Switches } from '../../src/config/switches.ts';
import type { BackendInfo } from '../../src/workers/messages.ts';
import { Trainer } from '../../src/workers/train/trainer.ts';
import { STEPS_ONLY, TRAINER_VS_PLAIN_LINKS } from '../trainerLinks.ts';
import { fixed, gpuSection, writeGpuSection, type NodeGpuResults } from './gpuReport.ts';

// The benchmark's "our trainer vs a plain tfjs loop" (bench/bench.spec.ts), in Node on Dawn's
// WebGPU, for a machine with a GPU and no browser. The same Trainer as the page's worker runs the
// same links; the plain loop is the plainLoop switch (one step per chunk, its loss read back at once,
// tfjs's own ops and Adam). Nothing paints here, so each status is answered at once.
//
//   DAWN_NODE=…/dawn.node node bench/node-gpu/dist/trainerVsPlain.mjs [seconds per run] [soak steps]
//
// Writes bench/results/<date>-node-gpu.json (or OUT_JSON) and its section of BENCHMARKS.md (or
// BENCHMARKS_MD); `node bench/node-gpu/dist/report.mjs <json>` rewrites the section from a JSON.

const WINDOW_S = Number(process.argv[2] ?? 8);
const SOAK_STEPS = Number(process.argv[3] ?? 2000);
const MODELS: Record<string, string> = {
  ...TRAINER_VS_PLAIN_LINKS,
  'dense GAN, batch 256': 'model=gan&batch=256',
  'DCGAN, batch 64': 'model=gan&arch=conv&batch=64',
};

type Status = Extract<FromWorker, { type: 'status' }>;
interface Seen {
  status: Status;
  at: number;
}

const digitsFile = process.env.MNIST_BIN ?? 'public/data/mnist-10k.bin';
const digits = parseDigitSet(new Uint8Array(gunzipSync(readFileSync(digitsFile))));

let seen: Seen | null = null;
let backend: BackendInfo | null = null;
const errors: string[] = [];
const trainer: Trainer = new Trainer(
  (m) => {
    if (m.type === 'status') {
      seen = { status: m, at: performance.now() };
      // No page to paint: answer at once, never hold the loop (a hardware GPU never asks).
      if (m.paintTicket !== null) trainer.pacer.painted(m.paintTicket);
    } else if (m.type === 'backend') backend = m.info;
    else if (m.type === 'error') errors.push(m.message);
  },
  async () => digits,
  new Checkpoints(new MemoryStore()),
  () => {
    throw new Error('no digit judge here (the links set quality=0)');
  },
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const latest = (): Seen => seen!;

/** Starts a fresh run of the link on WebGPU (no pictures, no quality metrics inside it). */
async function startRun(link: string, on: Partial<Switches>, steps = 0) {
  seen = null;
  const { config, ignored } = parseLink('?backend=webgpu', `#${link}&${STEPS_ONLY}&steps=${steps}`);
  if (ignored.length) throw new Error(`the link has values out of range: ${ignored.join('; ')}`);
  await trainer.init(config, 'unused', { ...SWITCHES_OFF, ...on });
  if (backend?.name !== 'webgpu') throw new Error(`not on WebGPU: ${JSON.stringify(backend)}`);
  trainer.start();
  return config;
}

/** Trains one link; steps/s between the first status after step 1 and the last in the window. */
async function speed(link: string, on: Partial<Switches>, seconds: number) {
  const config = await startRun(link, on);
  while (!seen || latest().status.step < 1) {
    if (errors.length) throw new Error(errors.join('; '));
    await sleep(5);
  }
  const a = latest();
  await sleep(seconds * 1000);
  // A slow device may post no status inside the window: then the window ends at the next one.
  while (latest().status.step === a.status.step) await sleep(5);
  const b = latest();
  await trainer.pause();
  if (errors.length) throw new Error(errors.join('; '));
  const steps = b.status.step - a.status.step;
  const per = (key: 'dispatches' | 'submits') => {
    const [x, y] = [a.status.gpuCalls, b.status.gpuCalls];
    return x && y && steps > 0 ? (y[key] - x[key]) / steps : null;
  };
  return {
    stepsPerSec: (steps * 1000) / (b.at - a.at),
    samplesPerSec: (steps * config.batch * 1000) / (b.at - a.at),
    steps,
    firstStepMs: a.status.firstStepMs,
    dispatchesPerStep: per('dispatches'),
    submitsPerStep: per('submits'),
    tensorsAfter: b.status.numTensors,
  };
}

/** One run that stops at each step budget in turn (a live field): its settled tensor counts. */
async function tensorsAt(link: string, budgets: number[]) {
  const counts: { step: number; numTensors: number; numBytes: number }[] = [];
  const config = await startRun(link, {}, budgets[0]);
  for (const [i, steps] of budgets.entries()) {
    if (i > 0) {
      trainer.update({ ...config, steps });
      trainer.start();
    }
    while (!seen || latest().status.running || latest().status.step < steps) await sleep(20);
    const { step, numTensors, numBytes } = latest().status;
    counts.push({ step, numTensors, numBytes });
  }
  return counts;
}

/**
 * p50 and p95 of one small GPU op read back (`await data()`), on the backend the runs left. The
 * op's input has 4,096 numbers, above tfjs's hand-off threshold, so it runs on the GPU (a scalar
 * op would run on the CPU and read back nothing).
 */
async function readbackMs(n: number) {
  const w = tf.randomNormal([64, 64], 0, 1, 'float32', 1);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = tf.tidy(() => tf.sum(tf.matMul(w, w)));
    const t0 = performance.now();
    await x.data();
    ms.push(performance.now() - t0);
    x.dispose();
  }
  w.dispose();
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(n / 2)]!, p95: ms[Math.floor(n * 0.95)]! };
}

const date = new Date().toISOString();

// 1. Ours vs the plain loop: the page benchmark's three models, and two larger batches.
const vsPlain: NodeGpuResults['trainer_vs_plain'] = {};
for (const [name, link] of Object.entries(MODELS)) {
  const ours = await speed(link, { countGpu: true }, WINDOW_S);
  const plain = await speed(link, { countGpu: true, plainLoop: true }, WINDOW_S);
  const ratio = plain.stepsPerSec > 0 ? ours.stepsPerSec / plain.stepsPerSec : null;
  vsPlain[name] = { link, ours, plain, ratio };
  console.log(`${name}: ${fixed(ours.stepsPerSec)} vs ${fixed(plain.stepsPerSec)} steps/s`);
}

// 2. Batch scaling of our trainer (dense GAN): samples/s should grow with the batch, no cliff.
const batchScaling: Record<string, number> = {};
for (const batch of [16, 32, 64, 128, 256]) {
  batchScaling[batch] = (await speed(`model=gan&batch=${batch}`, {}, WINDOW_S / 2)).samplesPerSec;
}

// 3. Memory: the tensor count of one dense GAN run at step 100 and at the end (should be flat).
const soak = await tensorsAt('model=gan', [100, SOAK_STEPS]);

// 4. What one read-back costs here (the plain loop pays one per step, ours one per chunk).
const readback = await readbackMs(50);

const results: NodeGpuResults = {
  date,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
  adapter: backend,
  windowSeconds: WINDOW_S,
  trainer_vs_plain: vsPlain,
  batch_samples_per_sec: batchScaling,
  tensors_after: soak,
  readback_ms: readback,
};
const out = process.env.OUT_JSON ?? `bench/results/${date.slice(0, 10)}-node-gpu.json`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
const section = gpuSection(results);
const md = process.env.BENCHMARKS_MD ?? 'BENCHMARKS.md';
writeGpuSection(md, section);
console.log(`\n${section}\n\nWrote ${out} and the section of ${md}`);
process.exit(0); // Dawn keeps the event loop alive
