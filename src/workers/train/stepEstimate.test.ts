import { beforeAll, describe, expect, it } from 'vitest';
import { defaultsFor } from '../../config/models.ts';
import type { RunConfig } from '../../config/schema.ts';
import { BUILDERS } from '../../models/registry.ts';
import type { DataShape } from '../../models/types.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';
import { estimateStep, forwardFlops, stepFlops } from './stepEstimate.ts';

// The step estimate: the arithmetic counted from the layers (checked by hand for the DCGAN),
// and a heavy setup's estimate with its quicker alternatives.

beforeAll(useCpuBackend);

const DIGITS: DataShape = { kind: 'image', height: 28, width: 28, channels: 1 };

describe('step estimate', () => {
  it("counts the DCGAN's arithmetic layer by layer", () => {
    const config: RunConfig = { ...defaultsFor('gan'), arch: 'conv' };
    const gan = BUILDERS.gan(config, DIGITS, { fused: false });
    const [g, d] = gan.networks as [never, never];
    // D: three 5×5 convolutions (1→32 at 14×14, 32→64 at 7×7, 64→128 at 4×4), Dense(2048→1).
    const dFlops = 2 * 25 * (1 * 32 * 196 + 32 * 64 * 49 + 64 * 128 * 16) + 2 * 2048;
    expect(forwardFlops(d)).toBe(dFlops);
    // G: Dense(latent → 7·7·128), then 5×5 transposed convolutions from 7×7 (128→64, 64→32)
    // and from 14×14 (32→1), counted at their inputs.
    const gFlops =
      2 * config.latent * 6272 + 2 * 25 * (128 * 64 * 49 + 64 * 32 * 49 + 32 * 1 * 196);
    expect(forwardFlops(g)).toBe(gFlops);
    // One D update (D on 2n examples, G forward on n) and one G update (through G and D).
    const n = 16;
    expect(stepFlops(gan, config, n)).toBe(
      3 * dFlops * 2 * n + gFlops * n + 3 * (gFlops + dFlops) * n,
    );
    gan.dispose();
  });

  it('a heavy setup gets an estimate and quicker setups; a light one none', async () => {
    const heavy: RunConfig = { ...defaultsFor('gan'), arch: 'conv', batch: 512 };
    const build = (c: RunConfig) => BUILDERS[c.model](c, DIGITS, { fused: false });
    const gan = build(heavy);
    // The speed is timed on the device in the page (e2e/estimate.spec.ts); here, a given one.
    const speed = async () => 2e9;
    const estimate = (await estimateStep(gan, heavy, 512, build, speed))!;
    expect(estimate.flops).toBeGreaterThan(1e11);
    expect(estimate.speed).toBe(2e9);
    expect(estimate.seconds).toBeCloseTo(estimate.flops / 2e9, 6);
    expect(estimate.quicker.map((q) => q.label)).toEqual(['batch 16', 'dense networks']);
    for (const q of estimate.quicker) expect(q.seconds).toBeLessThan(estimate.seconds / 10);
    gan.dispose();

    const light = { ...defaultsFor('vae'), hidden: 32 };
    const vae = build(light);
    expect(await estimateStep(vae, light, 32, build, speed)).toBeNull();
    vae.dispose();
  });
});
