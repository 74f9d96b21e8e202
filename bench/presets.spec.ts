import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { test } from '@playwright/test';
import { PRESETS } from '../src/config/presets.ts';
import type { RunConfig } from '../src/config/schema.ts';
import { dataKind } from '../src/config/datasets.ts';
import { MODELS } from '../src/config/models.ts';
import { en } from '../src/i18n/en.tsx';
import { runToBudget } from './runToBudget.ts';

// `npm run bench:presets`: the quality each demo reaches after a fixed number of steps on this
// machine, so runs and machines can be compared. MNIST demos report the Fréchet digit distance
// (and the classes covered), 2-D demos the JS divergence and sliced Wasserstein distance, each
// at step 0 and at the end. Images train on WebGL (4× faster than WebGPU on this machine's
// software adapter; the scores do not depend on the backend beyond float round-off).
// Writes bench/results/presets-<date>.json and bench/PRESET_SCORES.md.

const IMAGE_STEPS = 300;
/** The article's DCGAN takes ~15 s a step here on WebGL (batch 16). */
const DCGAN_STEPS = 40;
const POINT_STEPS = 1000;
/** The conditional models are scored on whether they draw the class asked for: that takes longer. */
const CONDITIONAL_STEPS = 1000;

interface Score {
  preset: string;
  title: string;
  steps: number;
  seconds: number;
  backend: string | null;
  frechet?: [number, number];
  classes?: number;
  /** Conditional models: the share of samples the classifier reads as the class asked for. */
  agreement?: number;
  heldOutLoss?: [number, number];
  js?: [number, number];
  swd?: [number, number];
}

const scores: Score[] = [];

test.afterAll(() => {
  const day = new Date().toISOString().slice(0, 10);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/presets-${day}.json`, `${JSON.stringify(scores, null, 2)}\n`);
  const pair = (p?: [number, number], d = 1) =>
    p ? `${p[0].toFixed(d)} → **${p[1].toFixed(d)}**` : '';
  const row = (s: Score) =>
    `| ${s.title} | ${s.steps} | ${s.seconds.toFixed(0)} s (${s.backend}) | ${pair(s.frechet)}${
      s.classes !== undefined ? ` (${s.classes.toFixed(1)} classes)` : ''
    }${s.agreement !== undefined ? `; as asked: **${Math.round(100 * s.agreement)}%**` : ''} | ${pair(
      s.heldOutLoss,
    )} | ${pair(s.js, 3)} | ${pair(s.swd, 3)} |`;
  // A run of some demos (-g) keeps the other demos' rows as they were.
  const before = readFileSync('bench/PRESET_SCORES.md', 'utf8');
  const kept = new Map(
    before
      .split('## Shipped weights')[0]!
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| demo') && !l.startsWith('| ---'))
      .map((l) => [l.split(' | ')[0]!.slice(2), l] as const),
  );
  const lines = PRESETS.map((p) => {
    const title = en.presets[p.id].title;
    const s = scores.find((x) => x.preset === p.id);
    return s ? row(s) : kept.get(title);
  }).filter((l): l is string => l !== undefined);
  // The shipped weights' section is npm run train:demos's: kept as it is.
  const shipped = before.includes('## Shipped weights')
    ? `\n## Shipped weights${before.split('## Shipped weights')[1]}`
    : '';
  writeFileSync(
    'bench/PRESET_SCORES.md',
    `# Demo scores\n\nWritten by \`npm run bench:presets\` on ${day} (${cpus().length} × ${
      cpus()[0]?.model ?? 'unknown'
    }, headless Chromium). Each demo trains from its link for a fixed number of steps; each score is given at step 0 → at the end (lower is better). Fréchet: the Fréchet digit distance of 1,000 generated vs 1,000 held-out digits (for the conditional models, "as asked": the share of those digits, asked for 0–9 in turn, that the digit classifier reads as the class asked for, higher is better); held-out loss: the VAE's −ELBO or the autoencoder's reconstruction loss; JS and SWD: the Jensen–Shannon divergence and sliced Wasserstein distance of 500 generated vs 500 held-out points.\n\n| demo | steps | time | Fréchet digit distance | held-out loss | JS | SWD |\n| --- | --- | --- | --- | --- | --- | --- |\n${lines.join('\n')}\n${shipped}`,
  );
});

for (const preset of PRESETS) {
  test(`${en.presets[preset.id].title}: scores after a fixed number of steps`, async ({ page }) => {
    const points = dataKind(preset.config.data) === 'points';
    const steps = points
      ? POINT_STEPS
      : preset.id === 'dcgan'
        ? DCGAN_STEPS
        : MODELS[preset.config.model].conditional
          ? CONDITIONAL_STEPS
          : IMAGE_STEPS;
    const config: RunConfig = {
      ...preset.config,
      steps,
      // Measured at step 0 and at the end.
      every: points ? steps / 4 : steps,
      quality: steps,
      backend: points ? preset.config.backend : 'webgl',
    };
    const { seconds, ...handle } = await runToBudget(page, config, 1_800_000);
    const ends = (xs?: number[]): [number, number] | undefined =>
      xs && xs.length >= 2 ? [xs[0]!, xs.at(-1)!] : undefined;
    const e = handle.evaluations;
    scores.push({
      preset: preset.id,
      title: en.presets[preset.id].title,
      steps,
      seconds,
      backend: handle.status.backend,
      frechet: ends(handle.quality.frechet),
      classes: handle.quality.latest?.generatedClasses,
      agreement: MODELS[preset.config.model].conditional
        ? handle.quality.latest?.agreement
        : undefined,
      heldOutLoss: ends(e.heldOutTotal ?? e.heldOutReconstruction),
      js: ends(e.jsDivergence),
      swd: ends(e.slicedWasserstein),
    });
  });
}
