import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';
import { TRAINED_DEMOS } from '../../config/trainedDemos.ts';
import { PRESETS, presetOf, type PresetId } from '../../config/presets.ts';
import { parseLink, toHash } from '../../config/link.ts';
import type { TrainedDemo } from '../../config/trained.ts';
import { checkedMeta, fromFiles, probeWeights, roleOf } from './modelFiles.ts';

// Every demo's shipped weights (public/trained/, written by `npm run train:demos`): they load
// into a fresh model of their demo's setup, every weight of its shape, finite and trained (not
// the initial values), their saved step and link are the recorded ones, and all together stay
// within the 6 MB the page may ship.

const shipped = Object.entries(TRAINED_DEMOS) as [PresetId, TrainedDemo][];
const read = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../public/trained/${name}`, import.meta.url)));

describe('the shipped trained weights', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  it('ship for the demos that train in minutes here, within 6 MB in all, pictures included', () => {
    expect(shipped.map(([id]) => id).sort()).toEqual(
      ['ae-2d', 'beta-vae', 'conv-vae', 'ring-gan', 'vae-2d', 'vae-moons', 'wgan-spiral'].sort(),
    );
    const weights = shipped.flatMap(([, d]) => d.files).reduce((n, f) => n + f.bytes, 0);
    const pictures = shipped.reduce((n, [, d]) => n + read(d.picture).byteLength, 0);
    expect(weights + pictures).toBeLessThanOrEqual(6 * 2 ** 20);
  });

  for (const [id, demo] of shipped) {
    it(`${id}: loads into its demo's setup, shapes, step and link as recorded`, () => {
      const preset = PRESETS.find((p) => p.id === id)!;
      expect(demo.link).toBe(toHash(preset.config));
      const { config, ignored } = parseLink('', demo.link);
      expect(ignored).toEqual([]);
      expect(presetOf(config)).toBe(id);
      const files = demo.files.map((f) => {
        const bytes = read(f.name);
        expect(bytes.byteLength, f.name).toBe(f.bytes);
        return { name: f.name, bytes };
      });
      const artifacts = fromFiles(files);
      const byRole = new Map(artifacts.map((a) => [roleOf(a)!, a] as const));
      for (const a of artifacts) {
        const meta = checkedMeta(a)!;
        expect(meta.step).toBe(demo.step);
        expect(meta.hash).toBe(demo.link);
        // float16: half the bytes of the float32 they decode to.
        expect(a.weightSpecs!.every((s) => s.quantization?.dtype === 'float16')).toBe(true);
      }
      // Throws when a network is missing or a weight's name, shape or bytes do not fit.
      probeWeights(config, byRole);
      // No value is NaN or infinite, and no kernel is constant.
      for (const a of artifacts) {
        const named = tf.io.decodeWeights(a.weightData!, a.weightSpecs!);
        for (const [name, t] of Object.entries(named)) {
          const v = t.dataSync() as Float32Array;
          expect(v.every(Number.isFinite), name).toBe(true);
          if (name.endsWith('kernel')) {
            const mean = v.reduce((s, x) => s + x, 0) / v.length;
            const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
            expect(sd, name).toBeGreaterThan(1e-3);
          }
        }
        tf.dispose(Object.values(named));
      }
    });
  }
});
