import { describe, expect, it } from 'vitest';
import { ganEquilibrium } from './ganEquilibrium.ts';

describe('the GAN equilibrium the chart draws', () => {
  it('non-saturating: D = ½, D loss 2 ln 2, G loss ln 2', () => {
    const e = ganEquilibrium('nonsaturating', 0)!;
    expect(e.d).toBe(0.5);
    expect(e.dLoss).toBeCloseTo(2 * Math.LN2, 12);
    expect(e.gLoss).toBeCloseTo(Math.LN2, 12);
  });

  it('minimax: G’s E[log(1 − D(G(z)))] is −ln 2', () => {
    expect(ganEquilibrium('minimax', 0)!.gLoss).toBeCloseTo(-Math.LN2, 12);
  });

  it('LSGAN: ¼ and ⅛', () => {
    expect(ganEquilibrium('lsgan', 0)).toEqual({ d: 0.5, dLoss: 0.25, gLoss: 0.125 });
  });

  it('label smoothing moves the best D to (1 − s)/2, which minimises D’s loss', () => {
    const s = 0.2;
    const e = ganEquilibrium('nonsaturating', s)!;
    expect(e.d).toBeCloseTo(0.4, 12);
    const t = 1 - s;
    const dLoss = (d: number) => -(t * Math.log(d) + (1 - t) * Math.log(1 - d)) - Math.log(1 - d);
    expect(dLoss(e.d)).toBeCloseTo(e.dLoss, 12);
    expect(dLoss(e.d - 0.01)).toBeGreaterThan(e.dLoss);
    expect(dLoss(e.d + 0.01)).toBeGreaterThan(e.dLoss);
  });

  it('WGAN-GP has none', () => {
    expect(ganEquilibrium('wgangp', 0)).toBeNull();
  });
});
