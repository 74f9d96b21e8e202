import { describe, expect, it } from 'vitest';
import { DIRAC_DEFAULTS, diracText, parseDirac } from '../config/dirac.ts';
import { diracField, diracSummary, diracTrajectory } from './diracGan.ts';

const run = (patch: Partial<typeof DIRAC_DEFAULTS>, steps = 400) =>
  diracSummary(diracTrajectory({ ...DIRAC_DEFAULTS, ...patch }, steps));

describe('the Dirac GAN', () => {
  it('has its equilibrium at (0, 0), where the field vanishes', () => {
    for (const loss of ['minimax', 'nonsaturating', 'wgan'] as const) {
      const [dt, dp] = diracField({ ...DIRAC_DEFAULTS, loss, gamma: 1 }, 0, 0);
      expect(Math.abs(dt) + Math.abs(dp)).toBe(0);
    }
  });

  it('rotates around it: near (0, 0) the minimax field is (ψ/2, −θ/2)', () => {
    const [dt, dp] = diracField(DIRAC_DEFAULTS, 0.01, 0.02);
    expect(dt).toBeCloseTo(0.01, 4); // ψ·σ(ψθ) ≈ ψ/2
    expect(dp).toBeCloseTo(-0.005, 4); // −θ·σ(ψθ) ≈ −θ/2
  });

  it('circles and spirals out under simultaneous steps with the minimax loss', () => {
    const s = run({});
    expect(s.turns).toBeGreaterThan(1);
    expect(s.r1).toBeGreaterThan(s.r0);
  });

  it('orbits under alternating steps: WGAN keeps its distance, within a few percent', () => {
    const s = run({ loss: 'wgan', update: 'alternating' }, 600);
    expect(s.turns).toBeGreaterThan(1);
    expect(Math.abs(s.r1 / s.r0 - 1)).toBeLessThan(0.1);
    // Simultaneous WGAN steps multiply the radius by √(1 + η²) each: exactly, for this linear game.
    const sim = run({ loss: 'wgan' }, 100);
    expect(sim.r1 / sim.r0).toBeCloseTo((1 + 0.01) ** 50, 6);
  });

  it('converges with a gradient penalty on D', () => {
    const s = run({ gamma: 1 }, 2000);
    expect(s.r1).toBeLessThan(0.01);
  });

  it('travels in the link: dirac=1 is the default setup; a bad value is none', () => {
    expect(parseDirac('1')).toEqual(DIRAC_DEFAULTS);
    const s = { loss: 'wgan', update: 'alternating', lr: 0.2, ratio: 2, gamma: 0.5 } as const;
    expect(parseDirac(diracText(s))).toEqual(s);
    for (const bad of ['', 'minimax', 'minimax,simultaneous,0.1,1,9', 'gan,simultaneous,0.1,1,0']) {
      expect(parseDirac(bad)).toBeNull();
    }
  });
});
