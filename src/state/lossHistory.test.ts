import { describe, expect, it } from 'vitest';
import { LossHistory, positiveOnly, smoothPoints, withEvaluations } from './lossHistory.ts';

const NAMES = ['reconstruction', 'kl', 'total'] as const;

function rows(first: number, n: number): Float32Array {
  const v = new Float32Array(n * 3);
  for (let r = 0; r < n; r++) v.set([first + r, 1, first + r + 1], r * 3);
  return v;
}

describe('LossHistory', () => {
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
