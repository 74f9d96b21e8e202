import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { BUILDERS } from '../../models/registry.ts';
import type { DataShape, GenerativeModel } from '../../models/types.ts';
import { MemoryStore } from '../../testing/memoryStore.ts';
import { smallConfig, trainRows } from '../../testing/models.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';
import { Checkpoints } from '../train/checkpoints.ts';
import {
  captureNetwork,
  fromFiles,
  loadNetworks,
  metaOf,
  snapshotArtifacts,
  takeSnapshot,
  toFiles,
} from './modelFiles.ts';
import type { SavedModelMeta } from '../messages.ts';

// Saving and loading trained networks: tfjs layers-format files and checkpoints, on the CPU
// backend. "Same model" is checked by decoding the same z to the same pixels.

const DIGIT: DataShape = { kind: 'image', height: 28, width: 28, channels: 1 };
const SMALL: DataShape = { kind: 'image', height: 8, width: 8, channels: 1 };
const meta: SavedModelMeta = { id: 'x1', hash: '#model=gan', step: 7, savedAt: 1, roles: [] };

beforeAll(useCpuBackend);

function generated(model: GenerativeModel, seed = 3): Float32Array {
  return tf.tidy(() => {
    const z = tf.randomNormal([4, model.latentDim], 0, 1, 'float32', seed) as tf.Tensor2D;
    return model.generate(z).dataSync() as Float32Array;
  });
}

async function trained(model: 'vae' | 'gan', patch = {}, shape = DIGIT) {
  const config = smallConfig(model, { batch: 8, ...patch });
  const m = BUILDERS[model](config, shape);
  const size = shape.height * shape.width * shape.channels;
  const data = tf.randomUniform([32, size], 0, 1, 'float32', 5) as tf.Tensor2D;
  await trainRows(m, data, config, 2);
  data.dispose();
  return { config, shape, model: m };
}

async function filesOf(model: GenerativeModel) {
  const files = [];
  for (const net of model.networks) files.push(...toFiles(await captureNetwork(net, meta), 'p'));
  return files;
}

describe('model files (tfjs layers format)', () => {
  it('round-trip: a fresh model of the same setup decodes the same z to the same pixels', async () => {
    for (const [kind, patch, shape] of [
      ['vae', {}, DIGIT],
      ['gan', { act: 'leakyRelu' }, DIGIT],
      ['gan', { arch: 'conv', bn: 'on' }, SMALL],
    ] as const) {
      const { config, model } = await trained(kind, patch, shape);
      const files = await filesOf(model);
      expect(files.map((f) => f.name).sort()).toEqual(
        model.networks.flatMap((n) => [`p-${n.name}.json`, `p-${n.name}.weights.bin`]).sort(),
      );
      const fresh = BUILDERS[kind]({ ...config, seed: 999 }, shape);
      expect(generated(fresh)).not.toEqual(generated(model));
      const before = tf.memory().numTensors;
      const artifacts = fromFiles(files);
      loadNetworks(fresh.networks, new Map(artifacts.map((a) => [metaOf(a)!.role, a])));
      expect(tf.memory().numTensors).toBe(before);
      expect(generated(fresh)).toEqual(generated(model));
      expect(metaOf(artifacts[0]!)).toMatchObject({ id: 'x1', hash: '#model=gan', step: 7 });
      model.dispose();
      fresh.dispose();
    }
  });

  it('tf.loadLayersModel loads exported networks with stock layers only', async () => {
    // Our twice-differentiable LeakyReLU is written as tfjs's LeakyReLU, our seeded dropout as
    // tfjs's Dropout (both the identity outside training).
    const dense = await trained('gan', { act: 'leakyRelu' });
    const conv = await trained('gan', { arch: 'conv' }, SMALL);
    for (const net of [...dense.model.networks, ...conv.model.networks]) {
      const [json, bin] = toFiles(await captureNetwork(net, meta), 'p');
      expect(new TextDecoder().decode(json!.bytes)).not.toMatch(/TwiceDifferentiable|Seeded/);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(fromFiles([json!, bin!])[0]!));
      const inputSize = net.inputs[0]!.shape[1]!;
      const x = tf.randomNormal([3, inputSize], 0, 1, 'float32', 1);
      const a = net.predict(x) as tf.Tensor;
      const b = loaded.predict(x) as tf.Tensor;
      expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
      tf.dispose([x, a, b]);
      loaded.dispose();
    }
    dense.model.dispose();
    conv.model.dispose();
  });

  it('files that are not a model, or do not fit, get a message and change nothing', async () => {
    const { config, model } = await trained('vae');
    const files = await filesOf(model);
    const text = (s: string) => new TextEncoder().encode(s);
    expect(() => fromFiles([{ name: 'a.png', bytes: text('x') }])).toThrow(
      /choose the model files/,
    );
    expect(() => fromFiles([{ name: 'm.json', bytes: text('{oops') }])).toThrow(
      /m.json is not JSON/,
    );
    expect(() => fromFiles([{ name: 'm.json', bytes: text('{"a":1}') }])).toThrow(
      /not a tfjs layers model/,
    );
    expect(() => fromFiles(files.filter((f) => !f.name.endsWith('.bin')))).toThrow(
      /needs p-(encoder|decoder)\.weights\.bin: choose it too/,
    );
    // Another architecture: a latent of 8 instead of 2.
    const other = BUILDERS.vae({ ...config, latent: 8 }, DIGIT);
    const before = generated(other);
    const byRole = new Map(fromFiles(files).map((a) => [metaOf(a)!.role, a]));
    expect(() => loadNetworks(other.networks, byRole)).toThrow(
      /p-encoder\.json: weight \d+ \(z_mean\/kernel\) is \[\d+, 2\]; this setup needs \[\d+, 8\]/,
    );
    expect(generated(other)).toEqual(before);
    // Truncated weights.
    const cut = files.map((f) =>
      f.name.endsWith('decoder.weights.bin') ? { ...f, bytes: f.bytes.slice(0, 100) } : f,
    );
    const same = BUILDERS.vae(config, DIGIT);
    const sameBefore = generated(same);
    const cutRoles = new Map(fromFiles(cut).map((a) => [metaOf(a)!.role, a]));
    expect(() => loadNetworks(same.networks, cutRoles)).toThrow(
      /p-decoder\.json's weights are 100 bytes/,
    );
    expect(generated(same)).toEqual(sameBefore); // the encoder went back too
    [model, other, same].forEach((m) => m.dispose());
  });
});

describe('weight snapshots (the page’s way back after a fault)', () => {
  it('restore the same pixels, and a non-finite weight gives no snapshot', async () => {
    const { config, model } = await trained('gan', { arch: 'conv', bn: 'on' }, SMALL);
    const snap = (await takeSnapshot(model.networks, 12))!;
    expect(snap.step).toBe(12);
    expect(snap.networks.map((n) => n.role).sort()).toEqual(['discriminator', 'generator']);
    const fresh = BUILDERS.gan({ ...config, seed: 5 }, SMALL);
    loadNetworks(fresh.networks, snapshotArtifacts(structuredClone(snap)));
    expect(generated(fresh)).toEqual(generated(model));
    // A NaN anywhere: no snapshot (it would be no way back from a diverged run).
    const g = model.networks[0]!;
    const ws = g.getWeights();
    const nan = tf.fill(ws[0]!.shape, NaN);
    g.setWeights([nan, ...ws.slice(1)]);
    nan.dispose();
    expect(await takeSnapshot(model.networks, 13)).toBeNull();
    model.dispose();
    fresh.dispose();
  });
});

describe('checkpoints', () => {
  it('save, list (newest first), load and delete', async () => {
    const store = new MemoryStore();
    const cps = new Checkpoints(store);
    const { model } = await trained('vae');
    const a = await cps.save(model, '#latent=2', 10);
    await new Promise((r) => setTimeout(r, 5));
    const b = await cps.save(model, '#latent=2&beta=4', 20);
    expect(store.items.size).toBe(4); // encoder and decoder, twice
    expect((await cps.list()).map((m) => m.step)).toEqual([20, 10]);
    const { meta: m, byRole } = await cps.load(a.id);
    expect(m).toEqual(a);
    expect([...byRole.keys()].sort()).toEqual(['decoder', 'encoder']);
    await cps.remove(b.id);
    expect((await cps.list()).map((x) => x.id)).toEqual([a.id]);
    await expect(cps.load(b.id)).rejects.toThrow(/no longer stored/);
    model.dispose();
  });

  it('a full store leaves nothing half-written behind', async () => {
    const store = new MemoryStore(1); // the second network's save fails
    const cps = new Checkpoints(store);
    const { model } = await trained('vae');
    const before = generated(model);
    await expect(cps.save(model, '', 1)).rejects.toThrow(/QuotaExceeded/);
    expect(store.items.size).toBe(0);
    expect(generated(model)).toEqual(before);
    model.dispose();
  });
});
