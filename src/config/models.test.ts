import { describe, expect, it } from 'vitest';
import { defaultsFor, withDataSet } from './models.ts';

describe('defaults per data set', () => {
  it('moving to 2-D data takes its defaults for fields left alone, keeps changed ones', () => {
    const mnist = { ...defaultsFor('gan'), hidden: 64, seed: 7 };
    const ring = withDataSet(mnist, 'ring');
    expect(ring.data).toBe('ring');
    expect([ring.latent, ring.layers, ring.gp]).toEqual([2, 2, 0.1]);
    expect([ring.hidden, ring.seed]).toEqual([64, 7]); // the person's own choices
    const back = withDataSet(ring, 'mnist');
    expect(back).toEqual({ ...mnist });
    // Between two 2-D sets nothing but the data set changes.
    expect(withDataSet(ring, 'moons')).toEqual({ ...ring, data: 'moons' });
  });
});
