import { describe, expect, it } from 'vitest';
import { gpuSection, keptGpuSection, withGpuSection, type NodeGpuResults } from './gpuReport.ts';

const speed = (stepsPerSec: number, dispatches: number) => ({
  stepsPerSec,
  samplesPerSec: stepsPerSec * 32,
  steps: 100,
  firstStepMs: 500,
  dispatchesPerStep: dispatches,
  submitsPerStep: 3.5,
});

const results: NodeGpuResults = {
  date: '2026-11-30T21:50:09.285Z',
  machine: { cpus: 16, cpu: 'Xeon', node: 'v20.20.2' },
  adapter: { adapter: 'nvidia / nvidia-h200' },
  windowSeconds: 8,
  trainer_vs_plain: {
    'dense GAN': {
      link: 'model=gan',
      ours: speed(141.56, 50.3),
      plain: speed(16.42, 222.4),
      ratio: 8.621,
    },
  },
  batch_samples_per_sec: { 16: 3169.4, 256: 45328 },
  tensors_after: [
    { step: 100, numTensors: 20, numBytes: 1000 },
    { step: 2000, numTensors: 20, numBytes: 1000 },
  ],
  readback_ms: { p50: 1.23, p95: 4.56 },
};

describe('the Node GPU section of BENCHMARKS.md', () => {
  it('shows the ratio, the speeds, the dispatches, the batch row and the tensor counts', () => {
    const md = gpuSection(results);
    expect(md).toContain('| dense GAN | 8.62× | 141.56 vs 16.42 | 50 vs 222 | 3.5 vs 3.5 |');
    expect(md).toContain('| samples/s | 3169 | 45328 |');
    expect(md).toContain('step 100 and at step 2000: 20 → 20');
    expect(md).toContain('bench/results/2026-11-30-node-gpu.json');
    expect(md).toContain('nvidia / nvidia-h200');
    expect(md).toContain('took 1.2 ms (p50), 4.6 ms (p95)');
    expect(gpuSection({ ...results, readback_ms: undefined })).not.toContain('await data()');
  });

  it('is appended once, replaced in place, and kept when the rest of the file is rewritten', () => {
    const first = withGpuSection('# Benchmarks\n\n| a | b |\n', gpuSection(results));
    expect(first.startsWith('# Benchmarks\n\n| a | b |\n\n<!-- node-gpu')).toBe(true);
    const faster = gpuSection({
      ...results,
      trainer_vs_plain: {
        'dense GAN': { ...results.trainer_vs_plain['dense GAN']!, ratio: 9 },
      },
    });
    const second = withGpuSection(`${first}\nafter\n`, faster);
    expect(second).toContain('| dense GAN | 9.00× |');
    expect(second).not.toContain('8.62×');
    expect(second.match(/<!-- node-gpu/g)).toHaveLength(1);
    expect(second.endsWith('\nafter\n')).toBe(true);
    expect(keptGpuSection(second)).toBe(faster);
    expect(keptGpuSection('# Benchmarks\n')).toBe('');
  });
});
