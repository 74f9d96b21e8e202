import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { defaultsFor } from '../../config/models.ts';
import type { RunConfig } from '../../config/schema.ts';
import { MNIST_HELD_OUT } from '../../data/hostData.ts';
import { deviceFor } from '../../testing/data.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';
import { LossBuffer } from './lossBuffer.ts';
import type { DeviceData } from './deviceData.ts';
import { GRID_SIDE, TrainingSession } from './session.ts';

let data: DeviceData;
const config: RunConfig = { ...defaultsFor('vae'), hidden: 32, batch: 16 };

beforeAll(async () => {
  await useCpuBackend();
  data = deviceFor();
});

describe('TrainingSession (the worker loop, on the CPU backend)', () => {
  it('splits off the held-out digits', () => {
    expect(data.trainCount).toBe(10_000 - MNIST_HELD_OUT);
    expect(data.train.shape).toEqual([9000, 784]);
    expect(data.heldOutCount).toBe(MNIST_HELD_OUT);
    expect(data.heldOutX.shape).toEqual([256, 784]);
  });

  it('renders an 8×8 sample grid and a 2×8 reconstruction sheet', async () => {
    const s = new TrainingSession(config, data);
    const { samples, second } = await s.render();
    expect([samples.width, samples.height]).toEqual([GRID_SIDE * 29 + 1, GRID_SIDE * 29 + 1]);
    expect(samples.data.length).toBe(samples.width * samples.height * 4);
    expect(second.kind).toBe('reconstructions');
    expect([second.image.width, second.image.height]).toEqual([8 * 29 + 1, 2 * 29 + 1]);
    s.dispose();
  });

  it('the quality set’s digits are the same in any slices of a block of noise', async () => {
    const s = new TrainingSession({ ...defaultsFor('gan'), hidden: 32, batch: 16 }, data);
    const read = async (first: number, n: number) => {
      const t = s.qualitySamples(first, n);
      const v = await t.data();
      t.dispose();
      return Array.from(v);
    };
    const whole = await read(100, 100);
    const sliced = [...(await read(100, 10)), ...(await read(110, 40)), ...(await read(150, 50))];
    expect(sliced).toHaveLength(whole.length);
    sliced.forEach((v, i) => expect(v).toBeCloseTo(whole[i]!, 5));
    expect(await read(200, 10)).not.toEqual(whole.slice(0, 10 * 784)); // another block's noise
    expect(() => s.qualitySamples(190, 20)).toThrow(/cross a block/);
    s.dispose();
  });

  it('evaluates held-out losses for the VAE, none for the GAN', async () => {
    const vae = new TrainingSession(config, data);
    const values = await vae.evaluate();
    // [reconstruction, −ELBO]: untrained, both about 784·ln 2, and −ELBO = recon + KL ≥ recon.
    expect(values).toHaveLength(2);
    expect(values![0]).toBeGreaterThan(400);
    expect(values![1]).toBeGreaterThan(values![0]!);
    vae.dispose();
    const gan = new TrainingSession({ ...defaultsFor('gan'), hidden: 32, batch: 16 }, data);
    expect(await gan.evaluate()).toBeNull();
    gan.dispose();
  });

  it('a GAN shows real digits beside its samples, and trains through the registry', async () => {
    const s = new TrainingSession({ ...defaultsFor('gan'), hidden: 32, batch: 16 }, data);
    const buf = new LossBuffer();
    buf.push(s.trainStep());
    expect(await buf.flush()).toHaveLength(4); // D loss, G loss, D(x), D(G(z))
    const { second } = await s.render();
    expect(second.kind).toBe('real');
    expect([second.image.width, second.image.height]).toEqual([8 * 29 + 1, 29 + 1]);
    s.dispose();
  });

  it('reads losses back in batches and keeps the tensor count flat over steps and renders', async () => {
    const s = new TrainingSession(config, data);
    const buf = new LossBuffer();
    const chunk = async (k: number) => {
      for (let i = 0; i < k; i++) buf.push(s.trainStep());
      expect(buf.size).toBe(k); // nothing read back yet: the losses wait on the device
      return buf.flush();
    };
    const first = await chunk(1);
    expect(first).toHaveLength(3);
    await s.render();
    const base = tf.memory().numTensors;
    const rows = await chunk(10);
    expect(rows).toHaveLength(30);
    expect(Array.from(rows).every(Number.isFinite)).toBe(true);
    await s.render();
    expect(tf.memory().numTensors).toBe(base);
    expect(s.step).toBe(11);
    const before = tf.memory().numTensors;
    s.dispose();
    buf.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });

  it('the same config gives the same first losses and the same first grid', async () => {
    const run = async (seed: number) => {
      const s = new TrainingSession({ ...config, seed }, data);
      const grid = (await s.render()).samples.data;
      const buf = new LossBuffer();
      for (let i = 0; i < 3; i++) buf.push(s.trainStep());
      const losses = Array.from(await buf.flush());
      s.dispose();
      return { grid, losses };
    };
    const a = await run(5);
    const b = await run(5);
    const c = await run(6);
    expect(b.losses).toEqual(a.losses);
    expect(b.grid).toEqual(a.grid);
    expect(c.losses).not.toEqual(a.losses);
  });
});
