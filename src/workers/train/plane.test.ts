import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { defaultsFor } from '../../config/models.ts';
import type { ModelId, RunConfig } from '../../config/schema.ts';
import { deviceFor } from '../../testing/data.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';
import type { DeviceData } from './deviceData.ts';
import { LossBuffer } from './lossBuffer.ts';
import { ARROWS, HEAT_RES, heatGrid, MANIFOLD_SIDE } from './plane.ts';
import { TrainingSession } from './session.ts';

// The 2-D path of the engine: models on points, and the 2-D view's data.

let ring: DeviceData;
beforeAll(async () => {
  await useCpuBackend();
  ring = deviceFor({ data: 'ring' });
});

const cfg = (model: ModelId, patch: Partial<RunConfig> = {}): RunConfig => ({
  ...defaultsFor(model),
  data: 'ring',
  hidden: 32,
  batch: 64,
  ...patch,
});

async function train(s: TrainingSession, steps: number): Promise<number[][]> {
  const buf = new LossBuffer();
  for (let i = 0; i < steps; i++) buf.push(s.trainStep());
  const flat = Array.from(await buf.flush());
  const k = s.model.metricNames.length;
  return Array.from({ length: steps }, (_, i) => flat.slice(i * k, (i + 1) * k));
}

describe('the 2-D view', () => {
  it('heat grid: row 0 at the top, cells centred', () => {
    const g = heatGrid(2, 1);
    expect(Array.from(g)).toEqual([-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5]);
  });

  it('a GAN posts real and generated points, D on the grid, the manifold and arrows', async () => {
    const s = new TrainingSession(cfg('gan'), ring);
    expect(s.isPlane).toBe(true);
    const v = await s.renderPlane();
    expect(v.real.length).toBe(1000);
    expect(v.fake.length).toBe(1000);
    expect(v.heat!.values.length).toBe(HEAT_RES * HEAT_RES);
    expect(v.heat!.probability).toBe(true);
    expect(v.heat!.values.every((p) => p > 0 && p < 1)).toBe(true);
    expect(v.manifold.points.length).toBe(2 * MANIFOLD_SIDE * MANIFOLD_SIDE);
    expect(v.arrows!.from.length).toBe(2 * ARROWS);
    expect(v.arrows!.from).toEqual(v.fake.subarray(0, 2 * ARROWS));
    expect(v.codes).toBeNull();
    s.dispose();
  });

  it('the arrows point where D says "more real": a small move along them raises D', async () => {
    const s = new TrainingSession(cfg('gan'), ring);
    await train(s, 30);
    const v = await s.renderPlane();
    const { from, push } = v.arrows!;
    const moved = Float32Array.from(from, (x, i) => x + (1e-2 * push[i]!) / norm(push, i));
    const [before, after] = tf.tidy(() =>
      [from, moved].map((p) => s.model.critic!(tf.tensor2d(p, [ARROWS, 2])).dataSync()),
    );
    let up = 0;
    for (let i = 0; i < ARROWS; i++) if (after![i]! > before![i]!) up++;
    expect(up).toBeGreaterThan(0.9 * ARROWS);
    s.dispose();
  });

  it('a WGAN-GP critic posts raw scores, flagged as such when they leave [0, 1]', async () => {
    const s = new TrainingSession(cfg('gan', { loss: 'wgangp', lr: 1e-3, dlr: 1e-3 }), ring);
    await train(s, 20);
    const v = await s.renderPlane();
    const values = Array.from(v.heat!.values);
    expect(v.heat!.probability).toBe(values.every((x) => x >= 0 && x <= 1));
    s.dispose();
  });

  it('a VAE posts the codes of real points and no heat; its reconstruction falls', async () => {
    const s = new TrainingSession(cfg('vae', { lr: 3e-3 }), ring);
    const v = await s.renderPlane();
    expect(v.codes!.length).toBe(1000);
    expect(v.heat).toBeNull();
    expect(v.arrows).toBeNull();
    const rows = await train(s, 150);
    const mean = (r: number[][]) => r.reduce((a, x) => a + x[0]!, 0) / r.length;
    expect(mean(rows.slice(-20))).toBeLessThan(0.5 * mean(rows.slice(0, 20)));
    s.dispose();
  });

  it('the autoencoder trains on points too, and the tensor count stays flat', async () => {
    const s = new TrainingSession(cfg('ae', { lr: 3e-3 }), ring);
    await train(s, 2);
    await s.renderPlane();
    const base = tf.memory().numTensors;
    await train(s, 5);
    await s.renderPlane();
    expect(tf.memory().numTensors).toBe(base);
    s.dispose();
  });

  it('points always use the dense networks, whatever the architecture field says', () => {
    const s = new TrainingSession(cfg('gan', { arch: 'conv' }), ring);
    expect(s.model.networks[0]!.layers.some((l) => l.getClassName() === 'Conv2DTranspose')).toBe(
      false,
    );
    s.dispose();
  });
});

function norm(v: Float32Array, i: number): number {
  const j = i - (i % 2);
  return Math.hypot(v[j]!, v[j + 1]!) || 1;
}
