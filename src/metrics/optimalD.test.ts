import { describe, expect, it } from 'vitest';
import { kde, optimalDiscriminator, scottBandwidth } from './optimalD.ts';

describe('the optimal discriminator', () => {
  it('uses Scott’s bandwidth σ̂·n^(−1/6) and a KDE that integrates to 1', () => {
    const pts = Float32Array.of(-1, 0, 1, 0, -1, 2, 1, 2); // x: sd 1.155, y: sd 1.155
    const [hx, hy] = scottBandwidth(pts);
    expect(hx).toBeCloseTo(Math.sqrt(4 / 3) * 4 ** (-1 / 6), 6);
    expect(hy).toBeCloseTo(hx, 6);
    let mass = 0;
    const c = 0.05;
    for (let x = -6; x < 6; x += c)
      for (let y = -5; y < 7; y += c) mass += kde(pts, [hx, hy], x, y) * c * c;
    expect(mass).toBeCloseTo(1, 2);
  });

  it('is p_data / (p_data + p_g): 1 where only data is, 0 where only G is, ½ where neither', () => {
    const fake = Float32Array.from({ length: 200 }, (_, i) =>
      i % 2 ? 0.01 * (i % 7) : 0.01 * (i % 5),
    );
    const centres = Float32Array.of(1.5, 1.5, 0, 0, -30, -30);
    const pData = Float32Array.of(2, 0, 0);
    const d = optimalDiscriminator(pData, centres, fake);
    expect(d[0]).toBeCloseTo(1, 6); // data, no generated mass near (1.5, 1.5)
    expect(d[1]).toBe(0); // G's points, no data
    expect(d[2]).toBe(0.5); // nothing to tell apart
    // Equal densities: ½.
    const pg = kde(fake, scottBandwidth(fake), 0, 0);
    expect(optimalDiscriminator(Float32Array.of(pg), Float32Array.of(0, 0), fake)[0]).toBeCloseTo(
      0.5,
      6,
    );
  });
});
