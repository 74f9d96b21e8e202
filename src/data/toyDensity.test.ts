import { describe, expect, it } from 'vitest';
import { DATA_SETS, POINT_SETS } from '../config/datasets.ts';
import { makeRand, sampleToy, TOY, type ToySetId } from './toy2d.ts';
import { mulberry32 } from './random.ts';
import { toyDensity } from './toyDensity.ts';

const TOY_SETS = DATA_SETS.filter((d) => POINT_SETS.has(d) && d !== 'drawn') as ToySetId[];

describe('the toy sets’ densities', () => {
  it('each integrates to 1 over the view', () => {
    const res = 200;
    const e = 2.5;
    const cell = (2 * e) / res;
    for (const id of TOY_SETS) {
      let mass = 0;
      for (let i = 0; i < res; i++)
        for (let j = 0; j < res; j++)
          mass += toyDensity(id, -e + (i + 0.5) * cell, -e + (j + 0.5) * cell) * cell * cell;
      expect(mass, id).toBeGreaterThan(0.97);
      expect(mass, id).toBeLessThan(1.03);
    }
  });

  it('is high where the sampler puts points and 0 far away', () => {
    for (const id of TOY_SETS) {
      const pts = sampleToy(id, 200, makeRand(mulberry32(5)));
      let atSamples = 0;
      for (let i = 0; i < 200; i++) atSamples += toyDensity(id, pts[2 * i]!, pts[2 * i + 1]!);
      expect(atSamples / 200, id).toBeGreaterThan(0.1);
      expect(toyDensity(id, 5, 5), id).toBeLessThan(1e-6);
    }
  });

  it('is the mixture’s own value at a ring mode: 1/8 · 1/(2πσ²)', () => {
    const { radius, sigma } = TOY.ring;
    expect(toyDensity('ring', radius, 0)).toBeCloseTo(1 / (8 * 2 * Math.PI * sigma * sigma), 3);
  });
});
