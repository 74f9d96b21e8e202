import { describe, expect, it } from 'vitest';
import {
  LossHistory,
  MAX_ROWS,
  positiveOnly,
  smoothPoints,
  withEvaluations,
} from './lossHistory.ts';

const NAMES = ['reconstruction', 'kl', 'total'] as const;

function rows(first: number, n: number): Float32Array {
  const v = new Float32Array(n * 3);
  for (let r = 0; r < n; r++) v.set([first + r, 1, first + r + 1], r * 3);
  return v;
}

describe('LossHistory', () => {
  it('stays bounded on long runs: old steps averaged in pairs, the newest exact', () => {
    const h = new LossHistory();
    const chunk = 10_000;
    for (let first = 1; first <= 300_000; first += chunk)
      h.append(first, [...NAMES], rows(first, chunk));
    expect(h.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(h.length).toBeGreaterThan(MAX_ROWS / 2);
    const rec = h.series('reconstruction');
    // Steps still increase, end at the newest, and the newest chunk is untouched.
    expect(rec.steps.every((s, i) => i === 0 || s > rec.steps[i - 1]!)).toBe(true);
    expect(rec.steps.at(-1)).toBe(300_000);
    expect(rec.values.slice(-chunk)).toEqual(Array.from({ length: chunk }, (_, i) => 290_001 + i));
    // An averaged pair of steps s-1, s holds the mean of their values, (s - 1 + s) / 2.
    const size = rec.steps[1]! - rec.steps[0]!;
    expect(size).toBeGreaterThan(1);
    expect(rec.values[0]).toBe(rec.steps[0]! - (size - 1) / 2);
    expect(h.series('kl').values.every((v) => v === 1)).toBe(true);
  });

  it('truncates after a step (a restored snapshot goes on from there)', () => {
    const h = new LossHistory();
    h.append(1, [...NAMES], rows(1, 50));
    h.truncateAfter(30);
    expect(h.length).toBe(30);
    h.append(31, [...NAMES], rows(31, 5));
    expect(h.series('total').steps.slice(-6)).toEqual([30, 31, 32, 33, 34, 35]);
  });

  it('appends rows across chunks and grows past its first capacity', () => {
    const h = new LossHistory();
    h.append(1, [...NAMES], rows(1, 700));
    h.append(701, [...NAMES], rows(701, 700));
    expect(h.length).toBe(1400);
    const rec = h.series('reconstruction');
    expect(rec.steps[0]).toBe(1);
    expect(rec.steps[1399]).toBe(1400);
    expect(rec.values[1399]).toBe(1400);
    expect(h.series('kl').values.every((v) => v === 1)).toBe(true);
  });

  it('chart points are bounded, averaged per bucket, and end at the newest step', () => {
    const h = new LossHistory();
    h.append(1, [...NAMES], rows(1, 1000));
    const pts = h.chartPoints(100);
    expect(pts).toHaveLength(100);
    expect(pts[0]).toEqual({ step: 10, reconstruction: 5.5, kl: 1, total: 6.5 });
    expect(pts[pts.length - 1]!.step).toBe(1000);
    expect(h.chartPoints(5000)).toHaveLength(1000);
  });

  it('clear empties it', () => {
    const h = new LossHistory();
    h.append(1, [...NAMES], rows(1, 5));
    h.clear();
    expect(h.length).toBe(0);
    expect(h.chartPoints(10)).toEqual([]);
    expect(h.series('total')).toEqual({ steps: [], values: [] });
  });
});

describe('withEvaluations', () => {
  it('gives each chart point the newest evaluation at or before its step', () => {
    const h = new LossHistory();
    h.append(1, [...NAMES], rows(1, 10));
    const evals = new LossHistory();
    evals.append(0, ['heldOutTotal'], new Float32Array([500]));
    evals.append(5, ['heldOutTotal'], new Float32Array([300]));
    const pts = withEvaluations(h.chartPoints(100), evals);
    expect(pts.map((p) => p['heldOutTotal'])).toEqual([
      500, 500, 500, 500, 300, 300, 300, 300, 300, 300,
    ]);
    expect(pts[0]!['reconstruction']).toBe(1);
  });

  it('leaves the points alone without evaluations', () => {
    const h = new LossHistory();
    h.append(1, [...NAMES], rows(1, 3));
    const pts = h.chartPoints(10);
    expect(withEvaluations(pts, new LossHistory())).toBe(pts);
  });
});

describe('chart smoothing and log scale', () => {
  it('smooths each series by an exponential moving average', () => {
    const pts = [
      { step: 1, a: 0, b: 10 },
      { step: 2, a: 10, b: 10 },
      { step: 3, a: 10, b: 10 },
    ];
    const s = smoothPoints(pts, ['a', 'b'], 0.5);
    expect(s.map((p) => p.a)).toEqual([0, 5, 7.5]);
    expect(s.map((p) => p.b)).toEqual([10, 10, 10]);
    expect(smoothPoints(pts, ['a'], 0)).toBe(pts);
  });

  it('drops values a log axis cannot draw', () => {
    expect(positiveOnly([{ step: 1, a: -1, b: 2 }], ['a', 'b'])).toEqual([{ step: 1, b: 2 }]);
  });
});
