import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { defaultsFor } from '../../config/models.ts';
import type { RunConfig } from '../../config/schema.ts';
import { deviceFor } from '../../testing/data.ts';
import { trainRows } from '../../testing/models.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';
import type { DeviceData } from '../train/deviceData.ts';
import { LatentMirror } from './latentMirror.ts';
import { LatentQueries } from '../shared/latentQueries.ts';
import { takeSnapshot } from '../shared/modelFiles.ts';
import type { LatentQuery } from '../messages.ts';
import { TrainingSession } from '../train/session.ts';

let data: DeviceData;
beforeAll(async () => {
  await useCpuBackend();
  data = deviceFor();
});

const vae: RunConfig = { ...defaultsFor('vae'), hidden: 32, latent: 3, batch: 16 };

/** A session trained a few steps, and a mirror loaded from its snapshot. */
async function trained(config: RunConfig, steps = 3) {
  const session = new TrainingSession(config, data);
  await trainRows(session.model, data.train, config, steps);
  session.step = steps;
  const mirror = new LatentMirror();
  mirror.setWeights(config, data.shape, (await takeSnapshot(session.model.networks, steps))!);
  return { session, mirror };
}

/** The mirror's worker answers through these (mirror.worker.ts). */
const answers = (mirror: LatentMirror) => new LatentQueries(() => mirror.decoder());

describe('the latent mirror', () => {
  it('decodes exactly what the training session decodes, and says from which step', async () => {
    const { session, mirror } = await trained(vae);
    const queries: LatentQuery[] = [
      { kind: 'decode', z: [0.5, -1, 0.25] },
      { kind: 'grid', base: [0, 0, 0], dims: [0, 2], range: 2, side: 5 },
      { kind: 'interpolate', from: [1, 0, 0], to: [0, 1, 0], steps: 7, mode: 'spherical' },
    ];
    for (const query of queries) {
      const decoder = mirror.decoder()!;
      expect(decoder.step).toBe(3);
      // Sliced (as in the worker) or not, the sheet is the session's, pixel for pixel.
      const sliced = await decoder.decodeLatent(query, async () => undefined);
      const whole = await session.decodeLatent(query);
      expect([sliced.width, sliced.height]).toEqual([whole.width, whole.height]);
      expect(Array.from(sliced.data)).toEqual(Array.from(whole.data));
    }
    session.dispose();
    mirror.dispose();
  });

  it('is not ready before its first weights', async () => {
    const queries = answers(new LatentMirror());
    const answer = await queries.request({ kind: 'decode', z: [0, 0, 0] });
    expect(answer.error).toBe('the model is not ready yet');
  });

  it("answers a slider's query between two slices of a grid", async () => {
    const { session, mirror } = await trained(vae);
    const queries = answers(mirror);
    const order: string[] = [];
    const note = (a: { kind: string; error: string | null }) => order.push(`${a.kind} ${a.error}`);
    const grid = queries
      .request({ kind: 'grid', base: [0, 0, 0], dims: [0, 1], range: 2, side: 16 })
      .then(note);
    await new Promise((r) => setTimeout(r, 0)); // the grid's first slice is under way
    const decode = queries.request({ kind: 'decode', z: [1, 1, 1] }).then(note);
    await Promise.all([grid, decode]);
    expect(order).toEqual(['decode null', 'grid null']);
    session.dispose();
    mirror.dispose();
  });

  it('takes new weights at the next query, and rebuilds for another setup', async () => {
    const first = await trained(vae, 2);
    const mirror = first.mirror;
    const z = [0.3, 0.3, 0.3];
    const before = await mirror.decoder()!.decodeLatent({ kind: 'decode', z });
    // More training: the mirror's answer follows the new weights, not the old.
    await trainRows(first.session.model, data.train, vae, 5, 2);
    mirror.setWeights(vae, data.shape, (await takeSnapshot(first.session.model.networks, 7))!);
    const decoder = mirror.decoder()!;
    const after = await decoder.decodeLatent({ kind: 'decode', z });
    expect(decoder.step).toBe(7);
    expect(after.data).not.toEqual(before.data);
    expect(after.data).toEqual((await first.session.decodeLatent({ kind: 'decode', z })).data);
    // A GAN with a 5-D latent replaces the VAE: the mirror builds the GAN's networks.
    const gan = { ...defaultsFor('gan'), hidden: 32, latent: 5, batch: 16 };
    const second = await trained(gan, 1);
    mirror.setWeights(gan, data.shape, (await takeSnapshot(second.session.model.networks, 1))!);
    const z5 = [0, 1, 0, -1, 0];
    const fromGan = await mirror.decoder()!.decodeLatent({ kind: 'decode', z: z5 });
    expect(fromGan.data).toEqual(
      (await second.session.decodeLatent({ kind: 'decode', z: z5 })).data,
    );
    first.session.dispose();
    second.session.dispose();
    second.mirror.dispose();
    mirror.dispose();
  });

  it('keeps the tensor count flat across new weights and queries', async () => {
    const { session, mirror } = await trained(vae);
    const snapshot = (await takeSnapshot(session.model.networks, 3))!;
    const queries = answers(mirror);
    await queries.request({ kind: 'grid', base: [0, 0, 0], dims: [0, 1], range: 2, side: 4 });
    const count = tf.memory().numTensors;
    for (let id = 2; id < 8; id++) {
      mirror.setWeights(vae, data.shape, snapshot);
      await Promise.all([
        queries.request({ kind: 'grid', base: [0, 0, 0], dims: [0, 1], range: 2, side: 4 }),
        queries.request({ kind: 'decode', z: [id, 0, 0] }),
      ]);
    }
    expect(tf.memory().numTensors).toBe(count);
    session.dispose();
    mirror.dispose();
  });
});
