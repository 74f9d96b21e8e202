import { existsSync, readFileSync, writeFileSync } from 'node:fs';

// The Markdown for the Node GPU benchmark (trainerVsPlain.ts): a section of BENCHMARKS.md
// between two markers, so that `npm run bench` (which rewrites the rest of the file) keeps it,
// and `npm run bench:node-gpu` replaces only it.

export interface SpeedResult {
  stepsPerSec: number;
  samplesPerSec: number;
  steps: number;
  firstStepMs: number | null;
  dispatchesPerStep: number | null;
  submitsPerStep: number | null;
}

export interface NodeGpuResults {
  date: string;
  machine: { cpus: number; cpu: string; node: string };
  adapter: { adapter: string } | null;
  windowSeconds: number;
  trainer_vs_plain: Record<
    string,
    { link: string; ours: SpeedResult; plain: SpeedResult; ratio: number | null }
  >;
  batch_samples_per_sec: Record<string, number>;
  tensors_after: { step: number; numTensors: number; numBytes: number }[];
  /** A small GPU op read back (`await data()`), in ms; absent in the first results file. */
  readback_ms?: { p50: number; p95: number };
}

export const SECTION_START = '<!-- node-gpu: written by npm run bench:node-gpu -->';
export const SECTION_END = '<!-- /node-gpu -->';

export const fixed = (v: number | null, d = 2) => (v === null ? 'n/a' : v.toFixed(d));

/** The section, markers included. */
export function gpuSection(r: NodeGpuResults): string {
  const day = r.date.slice(0, 10);
  const speeds = Object.entries(r.trainer_vs_plain).map(
    ([name, { ours, plain, ratio }]) =>
      `| ${name} | ${fixed(ratio)}× | ${fixed(ours.stepsPerSec)} vs ${fixed(plain.stepsPerSec)} | ${fixed(ours.dispatchesPerStep, 0)} vs ${fixed(plain.dispatchesPerStep, 0)} | ${fixed(ours.submitsPerStep, 1)} vs ${fixed(plain.submitsPerStep, 1)} |`,
  );
  const batches = Object.keys(r.batch_samples_per_sec);
  const [first, last] = [r.tensors_after[0], r.tensors_after.at(-1)];
  return [
    SECTION_START,
    '## On a hardware GPU: our trainer vs the plain loop, in Node on Dawn',
    '',
    `Written by \`npm run bench:node-gpu\` on ${day} (${r.machine.cpus} × ${r.machine.cpu}, ${r.adapter?.adapter ?? 'unknown adapter'}, Node ${r.machine.node}). ` +
      "No browser: the page's `Trainer` runs the same links as above on WebGPU from Dawn (the `webgpu` package's dawn.node, the WebGPU implementation inside Chrome). " +
      `The raw numbers are in \`bench/results/${day}-node-gpu.json\`. Speeds are steps per second over ${r.windowSeconds} s after the first step (half that for the batch sizes).`,
    '',
    '| model | ours ÷ plain | steps/s, ours vs plain | GPU dispatches per step | queue submits per step |',
    '| --- | --- | --- | --- | --- |',
    ...speeds,
    '',
    `| dense GAN, ours: batch | ${batches.join(' | ')} |`,
    `| --- | ${batches.map(() => '---').join(' | ')} |`,
    `| samples/s | ${batches.map((b) => fixed(r.batch_samples_per_sec[b] ?? null, 0)).join(' | ')} |`,
    '',
    first && last
      ? `Tensors of the dense GAN at step ${first.step} and at step ${last.step}: ${first.numTensors} → ${last.numTensors} (${first.numBytes} → ${last.numBytes} bytes).`
      : '',
    r.readback_ms
      ? `\nA small GPU op read back (\`await data()\`) took ${fixed(r.readback_ms.p50, 1)} ms (p50), ${fixed(r.readback_ms.p95, 1)} ms (p95): the plain loop pays one per step, ours one per chunk of up to 64 steps.`
      : '',
    SECTION_END,
  ].join('\n');
}

/** The section in a BENCHMARKS.md, or '' when it has none. */
export function keptGpuSection(markdown: string): string {
  const start = markdown.indexOf(SECTION_START);
  const end = markdown.indexOf(SECTION_END, start);
  return start >= 0 && end > start ? markdown.slice(start, end + SECTION_END.length) : '';
}

/** The file with its section replaced by `section` (or `section` appended where it had none). */
export function withGpuSection(markdown: string, section: string): string {
  const old = keptGpuSection(markdown);
  if (old) return markdown.replace(old, section);
  return `${markdown.trimEnd()}\n\n${section}\n`;
}

/** Puts the section into the Markdown file at `path` (a new file holds a title and the section). */
export function writeGpuSection(path: string, section: string): void {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  writeFileSync(path, withGpuSection(old, section));
}
