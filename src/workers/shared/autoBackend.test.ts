import { describe, expect, it } from 'vitest';
import { autoBackendFor } from './backend.ts';
import { backendInfo } from '../../testing/backendInfo.ts';

const swiftshader = backendInfo('webgpu', 'google / swiftshader (software fallback adapter)', true);

describe('auto backend per kind of data', () => {
  it('2-D data on a software WebGPU adapter moves to the CPU, saying why', () => {
    const info = autoBackendFor(swiftshader, 'points');
    expect(info.name).toBe('cpu');
    expect(info.autoChoice).toBe('points-on-cpu');
  });

  it('images, real GPUs, forced backends and other backends stay as they are', () => {
    expect(autoBackendFor(swiftshader, 'image')).toBe(swiftshader);
    const gpu = { ...swiftshader, isFallbackAdapter: false, adapter: 'nvidia / hopper' };
    expect(autoBackendFor(gpu, 'points')).toBe(gpu);
    const forced = { ...swiftshader, forced: true };
    expect(autoBackendFor(forced, 'points')).toBe(forced);
    const webgl = { ...swiftshader, name: 'webgl' as const, isFallbackAdapter: null };
    expect(autoBackendFor(webgl, 'points')).toBe(webgl);
  });
});
