import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { PRESETS, type PresetId } from '../../src/config/presets.ts';
import type { RunConfig } from '../../src/config/schema.ts';
import { dataKind } from '../../src/config/datasets.ts';
import { toHash } from '../../src/config/link.ts';
import type { TrainedDemo, TrainedScores } from '../../src/config/trained.ts';
import { encodeHalf } from '../../src/data/float16.ts';
import { runToBudget } from '../../bench/runToBudget.ts';
import { en } from '../../src/i18n/en.tsx';

// `npm run train:demos`: trains every demo from its link and seed to a stated step, in the
// built page (headless Chromium: WebGL for images, the CPU backend for 2-D data), and ships its
// weights in public/trained/ as tfjs layers models with float16 weights (half the bytes; tfjs
// reads them back into float32). Each demo's scores must meet its threshold, or nothing of it is
// written. Writes src/config/trainedDemos.ts (what the page offers) and the "Shipped weights"
// section of bench/PRESET_SCORES.md.

interface Plan {
  steps: number;
  /** The score that must be met, and the most it may be (lower is better for all of them). */
  threshold: [keyof TrainedScores, number];
}

/**
 * The demos that ship weights. Not the DCGAN (the article's networks take ~16 s a step on this
 * 2-core machine: the steps it needs are for a machine with a GPU), nor the drawing (its point
 * is a drawing of your own).
 */
const PLANS: Partial<Record<PresetId, Plan>> = {
  'vae-2d': { steps: 4000, threshold: ['frechet', 150] },
  'ae-2d': { steps: 3000, threshold: ['heldOutLoss', 170] },
  'beta-vae': { steps: 3000, threshold: ['frechet', 110] },
  'conv-vae': { steps: 1000, threshold: ['frechet', 230] },
  'ring-gan': { steps: 3000, threshold: ['js', 0.45] },
  'wgan-spiral': { steps: 1000, threshold: ['swd', 0.1] },
  'vae-moons': { steps: 2000, threshold: ['js', 0.15] },
};

const OUT = 'public/trained';
const trained: Partial<Record<PresetId, TrainedDemo>> = {};

/** A downloaded network's files made compact: float16 weights, the demo's link and step. */
function compact(
  id: PresetId,
  json: Record<string, unknown>,
  bin: Buffer,
  role: string,
  link: string,
): { name: string; bytes: Uint8Array }[] {
  const manifest = json.weightsManifest as {
    paths: string[];
    weights: { quantization?: unknown }[];
  }[];
  const weights = manifest.flatMap((g) => g.weights);
  const floats = new Float32Array(bin.buffer, bin.byteOffset, bin.byteLength / 4);
  const half = encodeHalf(floats);
  const name = `${id}-${role}`;
  const meta = (json.userDefinedMetadata as { playground: Record<string, unknown> }).playground;
  const out = {
    ...json,
    weightsManifest: [
      {
        paths: [`./${name}.weights.bin`],
        weights: weights.map((w) => ({ ...w, quantization: { dtype: 'float16' } })),
      },
    ],
    // Deterministic: the demo's id and link, no time of day.
    userDefinedMetadata: { playground: { ...meta, id: `trained-${id}`, hash: link, savedAt: 0 } },
  };
  return [
    { name: `${name}.json`, bytes: new TextEncoder().encode(JSON.stringify(out)) },
    { name: `${name}.weights.bin`, bytes: new Uint8Array(half.buffer) },
  ];
}

test.afterAll(() => {
  const body = JSON.stringify(trained, null, 2);
  writeFileSync(
    'src/config/trainedDemos.ts',
    `import type { PresetId } from './presets.ts';\nimport type { TrainedDemo } from './trainedTypes.ts';\n\n// Written by \`npm run train:demos\` (scripts/train-demos): the demos' shipped weights.\n\nexport const TRAINED_DEMOS: Partial<Record<PresetId, TrainedDemo>> = ${body};\n`,
  );
  execFileSync('npx', ['prettier', '--write', 'src/config/trainedDemos.ts']);
  const day = new Date().toISOString().slice(0, 10);
  const n = (v: number | undefined, d: number) => (v === undefined ? '' : v.toFixed(d));
  const rows = (Object.entries(trained) as [PresetId, TrainedDemo][]).map(
    ([id, d]) =>
      `| ${en.presets[id].title} | ${d.step} | ${d.seconds.toFixed(0)} s (${d.backend}) | ${n(d.scores.frechet, 1)}${
        d.scores.classes !== undefined ? ` (${d.scores.classes.toFixed(1)} classes)` : ''
      } | ${n(d.scores.heldOutLoss, 1)} | ${n(d.scores.js, 3)} | ${n(d.scores.swd, 3)} | ${(
        d.files.reduce((s, f) => s + f.bytes, 0) / 1024
      ).toFixed(0)} KiB |`,
  );
  const section = `## Shipped weights\n\nWritten by \`npm run train:demos\` on ${day} (${cpus().length} × ${
    cpus()[0]?.model ?? 'unknown'
  }, headless Chromium): each demo trained from its link and seed to the step shown, its weights shipped in public/trained/ as float16. "Start trained" and \`from=trained\` load them.\n\n| demo | step | time | Fréchet digit distance | held-out loss | JS | SWD | size |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
  const file = 'bench/PRESET_SCORES.md';
  const before = readFileSync(file, 'utf8').split('## Shipped weights')[0]!.trimEnd();
  writeFileSync(file, `${before}\n\n${section}`);
});

for (const preset of PRESETS) {
  const plan = PLANS[preset.id];
  if (!plan) continue;
  test(`${en.presets[preset.id].title}: trained to step ${plan.steps}`, async ({ page }) => {
    const points = dataKind(preset.config.data) === 'points';
    const { steps } = plan;
    const config: RunConfig = {
      ...preset.config,
      steps,
      every: points ? steps / 4 : Math.min(steps, 500),
      quality: steps,
      backend: points ? 'cpu' : 'webgl',
    };
    const { seconds, ...handle } = await runToBudget(page, config, 3_000_000);
    const e = handle.evaluations;
    const last = (xs?: number[]) => xs?.at(-1);
    const scores: TrainedScores = Object.fromEntries(
      Object.entries({
        frechet: last(handle.quality.frechet),
        classes: handle.quality.latest?.generatedClasses,
        heldOutLoss: last(e.heldOutTotal ?? e.heldOutReconstruction),
        js: last(e.jsDivergence),
        swd: last(e.slicedWasserstein),
      })
        .filter(([, v]) => v !== undefined)
        // Six significant digits: what the page and the bench table show, and no more.
        .map(([k, v]) => [k, Number(v!.toPrecision(6))]),
    );
    const [key, most] = plan.threshold;
    expect(scores[key], `${preset.id}: ${key} must be at most ${most}`).toBeLessThanOrEqual(most);

    // The picture of where a run from scratch is heading.
    mkdirSync(OUT, { recursive: true });
    await page
      .getByTestId(points ? 'plane' : 'samples')
      .screenshot({ path: `${OUT}/${preset.id}.png` });
    // The weights, as the page downloads them.
    const downloads: { name: string; path: string }[] = [];
    page.on('download', (d) => {
      void d.path().then((path) => downloads.push({ name: d.suggestedFilename(), path }));
    });
    await page.getByRole('button', { name: 'Download model files' }).click();
    await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(4);
    const link = toHash(preset.config);
    const files: TrainedDemo['files'] = [];
    for (const d of downloads.filter((f) => f.name.endsWith('.json'))) {
      const role = /-(\w+)\.json$/.exec(d.name)![1]!;
      const bin = downloads.find((f) => f.name === d.name.replace(/\.json$/, '.weights.bin'))!;
      const json = JSON.parse(readFileSync(d.path, 'utf8')) as Record<string, unknown>;
      for (const f of compact(preset.id, json, readFileSync(bin.path), role, link)) {
        writeFileSync(`${OUT}/${f.name}`, f.bytes);
        files.push({ name: f.name, bytes: f.bytes.byteLength });
      }
    }
    files.sort((a, b) => a.name.localeCompare(b.name));
    trained[preset.id] = {
      link,
      step: handle.status.step,
      seconds: Math.round(seconds),
      backend: handle.status.backend ?? 'unknown',
      scores,
      files,
      picture: `${preset.id}.png`,
    };
  });
}
