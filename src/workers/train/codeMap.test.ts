import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { defaultsFor } from '../../config/models.ts';
import { deviceFor } from '../../testing/data.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';
import type { DeviceData } from './deviceData.ts';
import { CODE_MAP_COUNT, computeCodeMap, hasCodeMap, mapExtent } from './codeMap.ts';
import { TrainingSession } from './session.ts';

let data: DeviceData;

beforeAll(async () => {
  await useCpuBackend();
  data = deviceFor();
});

describe('code maps (compare mode)', () => {
  it('widens the map to show nearly all codes, never below ±4', () => {
    expect(mapExtent(Float32Array.of(0.1, -0.5, 1, 2))).toBe(4);
    expect(mapExtent(Float32Array.of(7, -7, 7, 1))).toBe(8); // 7 × 1.1 = 7.7
    expect(mapExtent(Float32Array.from({ length: 100 }, (_, i) => (i === 99 ? 500 : i / 10)))).toBe(
      12,
    );
    expect(mapExtent(Float32Array.of(900, 900))).toBe(50);
  });

  it('maps held-out digits with their classes: the VAE’s q(z) and KL, the AE’s histogram', async () => {
    for (const model of ['vae', 'ae'] as const) {
      const s = new TrainingSession({ ...defaultsFor(model), hidden: 32, latent: 2 }, data);
      expect(hasCodeMap(s.model, data)).toBe(true);
      const before = tf.memory().numTensors;
      const map = await computeCodeMap(s.model, data, 0, 42);
      expect(tf.memory().numTensors).toBe(before);
      expect(map.codes.length).toBe(2 * CODE_MAP_COUNT);
      expect(map.labels!.length).toBe(CODE_MAP_COUNT);
      expect(new Set(map.labels).size).toBe(10);
      expect(map.density.values.length).toBe(map.density.res ** 2);
      expect(map.extent).toBeGreaterThanOrEqual(4);
      const inside =
        map.density.values.reduce((a, v) => a + v, 0) * ((2 * map.extent) / map.density.res) ** 2;
      if (model === 'vae') {
        expect(map.density.kind).toBe('aggregate');
        expect(map.kl).toBeGreaterThanOrEqual(0);
        expect(inside).toBeGreaterThan(0.9); // a mixture of Gaussians, nearly all on the map
      } else {
        expect(map.density.kind).toBe('histogram');
        expect(map.kl).toBeNull();
        expect(inside).toBeCloseTo(1 - map.outside, 4);
      }
      s.dispose();
    }
  });

  it('draws none for a GAN (no encoder) or a latent wider than 2', () => {
    const gan = new TrainingSession({ ...defaultsFor('gan'), hidden: 32, latent: 2 }, data);
    expect(hasCodeMap(gan.model, data)).toBe(false);
    gan.dispose();
    const wide = new TrainingSession({ ...defaultsFor('vae'), hidden: 32, latent: 8 }, data);
    expect(hasCodeMap(wide.model, data)).toBe(false);
    wide.dispose();
  });
});
