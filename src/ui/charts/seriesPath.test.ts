import { describe, expect, it } from 'vitest';
import type { ChartPoint } from '../../state/lossHistory.ts';
import { nearestIndex, pathData } from './seriesPath.ts';

const x = (v: number) => v * 10;
const y = (v: number) => 100 - v;

describe('pathData', () => {
  it('draws each point through the scales, one run per stretch of finite values', () => {
    const points: ChartPoint[] = [
      { step: 1, a: 10 },
      { step: 2, a: 20.25 },
      { step: 3 }, // no value: the line breaks
      { step: 4, a: NaN },
      { step: 5, a: 30 },
      { step: 6, a: 40 },
    ];
    expect(pathData(points, 'a', x, y)).toBe('M10.0,90.0L20.0,79.8M50.0,70.0L60.0,60.0');
  });

  it('leaves out points a scale cannot place (a log scale below zero)', () => {
    const log = (v: number) => (v > 0 ? -Math.log10(v) * 100 : undefined);
    const points = [
      { step: 1, a: 1 },
      { step: 2, a: 0 },
      { step: 3, a: 10 },
    ];
    expect(pathData(points, 'a', x, log)).toBe('M10.0,0.0M30.0,-100.0');
    expect(pathData([], 'a', x, y)).toBe('');
  });
});

describe('nearestIndex', () => {
  const points = [{ step: 1 }, { step: 5 }, { step: 20 }, { step: 40 }];
  it('finds the point nearest a step', () => {
    expect(nearestIndex(points, -3)).toBe(0);
    expect(nearestIndex(points, 2.9)).toBe(0);
    expect(nearestIndex(points, 3.1)).toBe(1);
    expect(nearestIndex(points, 12.5)).toBe(1); // a tie goes to the earlier point
    expect(nearestIndex(points, 13)).toBe(2);
    expect(nearestIndex(points, 40)).toBe(3);
    expect(nearestIndex(points, 1e9)).toBe(3);
    expect(nearestIndex([], 3)).toBe(-1);
    expect(nearestIndex(points, NaN)).toBe(-1);
  });
});
