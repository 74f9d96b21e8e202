import { describe, expect, it } from 'vitest';
import { defaultsFor } from '../config/models.ts';
import { costKey } from '../config/costKey.ts';
import {
  MEASURED_AFTER,
  REWRITE_MS,
  SpeedRecord,
  speedGap,
  type SpeedStorage,
} from './speedRecord.ts';

const memory = (): SpeedStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

describe('the speed record', () => {
  const vae = defaultsFor('vae');

  it('keeps steps/s per setup and backend, past the warm-up, across page loads', () => {
    const storage = memory();
    let now = 0;
    const first = new SpeedRecord(storage, () => now);
    expect(first.note(vae, 'webgpu', MEASURED_AFTER - 1, 9)).toBe(false); // still warming up
    expect(first.note(vae, 'webgpu', MEASURED_AFTER, 2.3)).toBe(true);
    expect(first.note(vae, 'webgpu', 60, 2.35)).toBe(false); // within 5%: not written again
    now += REWRITE_MS - 1;
    expect(first.note(vae, 'webgpu', 90, 3)).toBe(false); // too soon after the last write
    now += 1;
    expect(first.note(vae, 'webgpu', 120, 2.3)).toBe(false); // back within 5%
    expect(first.note(vae, 'webgpu', 120, 3)).toBe(true);
    expect(first.note(vae, 'webgpu', 150, 2.3)).toBe(false); // too soon again
    now += REWRITE_MS;
    expect(first.note(vae, 'webgpu', 180, 2.3)).toBe(true);
    // The page reloads onto WebGL: the WebGPU figure is still known.
    const second = new SpeedRecord(storage);
    second.note(vae, 'webgl', 100, 8.5);
    expect(second.of(vae)).toEqual({ webgpu: 2.3, webgl: 8.5 });
    // The seed and the learning rate do not change a step's cost; the batch does.
    expect(second.of({ ...vae, seed: 9, lr: 0.01 })).toEqual({ webgpu: 2.3, webgl: 8.5 });
    expect(second.of({ ...vae, batch: 64 })).toEqual({});
    expect(costKey(vae)).not.toBe(costKey({ ...vae, batch: 64 }));
  });

  it('says which backend was faster, and by how much, once two are measured', () => {
    expect(speedGap({ webgpu: 2.3 })).toBeNull();
    const gap = speedGap({ webgpu: 2.3, webgl: 8.5, cpu: 4 })!;
    expect(gap.fast).toBe('webgl');
    expect(gap.slow).toBe('webgpu');
    expect(gap.ratio).toBeCloseTo(8.5 / 2.3, 10);
  });

  it('survives broken, hostile or refused storage', () => {
    const broken = memory();
    broken.data.set('playground.speeds', '{not json');
    expect(new SpeedRecord(broken).of(vae)).toEqual({});
    broken.data.set('playground.speeds', JSON.stringify([[costKey(vae), { webgl: -1, cpu: 'x' }]]));
    expect(new SpeedRecord(broken).of(vae)).toEqual({});
    const refusing: SpeedStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    const record = new SpeedRecord(refusing);
    expect(record.note(vae, 'cpu', 100, 5)).toBe(true);
    expect(record.of(vae)).toEqual({ cpu: 5 });
    expect(new SpeedRecord(null).of(vae)).toEqual({});
  });

  it('remembers a bounded number of setups, dropping the oldest', () => {
    const storage = memory();
    const record = new SpeedRecord(storage);
    for (let latent = 1; latent <= 50; latent++)
      record.note({ ...vae, latent }, 'cpu', 100, latent);
    const again = new SpeedRecord(storage);
    expect(again.of({ ...vae, latent: 1 })).toEqual({});
    expect(again.of({ ...vae, latent: 50 })).toEqual({ cpu: 50 });
    expect((JSON.parse(storage.data.get('playground.speeds')!) as unknown[]).length).toBe(40);
  });
});
