import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindGroupStats, reuseBindGroups } from './bindGroupCache.ts';

// Node has no WebGPU: stand-ins for the two classes the cache wraps, each call of which makes
// a new object, as the browser's do.
class FakeDevice {
  made = 0;
  createBindGroup(descriptor: GPUBindGroupDescriptor) {
    this.made++;
    return { descriptor } as unknown as GPUBindGroup;
  }
}
class FakePipeline {
  getBindGroupLayout(index: number) {
    return { index } as unknown as GPUBindGroupLayout;
  }
}
const globals = globalThis as Record<string, unknown>;

beforeAll(() => {
  globals.GPUDevice = FakeDevice;
  globals.GPUComputePipeline = FakePipeline;
  reuseBindGroups();
});
afterAll(() => {
  delete globals.GPUDevice;
  delete globals.GPUComputePipeline;
});

const buffer = () => ({}) as GPUBuffer;

describe('bind groups reused across steps', () => {
  it('gives one layout object per pipeline and index', () => {
    const a = new FakePipeline() as unknown as GPUComputePipeline;
    const b = new FakePipeline() as unknown as GPUComputePipeline;
    expect(a.getBindGroupLayout(0)).toBe(a.getBindGroupLayout(0));
    expect(a.getBindGroupLayout(0)).not.toBe(a.getBindGroupLayout(1));
    expect(a.getBindGroupLayout(0)).not.toBe(b.getBindGroupLayout(0));
  });

  it('reuses a bind group of the same layout, buffers, offsets and sizes, and only that', () => {
    const device = new FakeDevice();
    const gpu = device as unknown as GPUDevice;
    const layout = (new FakePipeline() as unknown as GPUComputePipeline).getBindGroupLayout(0);
    const [out, x, uniforms] = [buffer(), buffer(), buffer()];
    const group = (entries: GPUBindGroupEntry[], l = layout) =>
      gpu.createBindGroup({ layout: l, entries });
    const entries = (u: GPUBufferBinding = { buffer: uniforms, offset: 0, size: 32 }) => [
      { binding: 0, resource: { buffer: out } },
      { binding: 1, resource: { buffer: x } },
      { binding: 2, resource: u },
    ];
    const before = bindGroupStats();
    const first = group(entries());
    expect(group(entries())).toBe(first); // the next step's same dispatch
    expect(device.made).toBe(1);
    // Any difference is another bind group: a buffer, a uniform range, a binding, a layout.
    expect(group(entries({ buffer: buffer(), offset: 0, size: 32 }))).not.toBe(first);
    expect(group(entries({ buffer: uniforms, offset: 0, size: 48 }))).not.toBe(first);
    expect(group(entries({ buffer: uniforms, offset: 256, size: 32 }))).not.toBe(first);
    const swapped = [entries()[1]!, entries()[0]!, entries()[2]!];
    expect(group(swapped)).not.toBe(first);
    const other = (new FakePipeline() as unknown as GPUComputePipeline).getBindGroupLayout(0);
    expect(group(entries(), other)).not.toBe(first);
    expect(device.made).toBe(6);
    // Another device never shares a bind group.
    const second = new FakeDevice();
    (second as unknown as GPUDevice).createBindGroup({ layout, entries: entries() });
    expect(second.made).toBe(1);
    const after = bindGroupStats();
    expect([after.asked - before.asked, after.reused - before.reused]).toEqual([8, 1]);
  });

  it('builds a bind group with a texture every time (not cached)', () => {
    const device = new FakeDevice();
    const layout = (new FakePipeline() as unknown as GPUComputePipeline).getBindGroupLayout(0);
    const view = {} as GPUTextureView;
    const make = () =>
      (device as unknown as GPUDevice).createBindGroup({
        layout,
        entries: [{ binding: 0, resource: view }],
      });
    expect(make()).not.toBe(make());
    expect(device.made).toBe(2);
  });

  it('keeps at most 2048 bind groups, the least recently used going first', () => {
    const device = new FakeDevice();
    const gpu = device as unknown as GPUDevice;
    const layout = (new FakePipeline() as unknown as GPUComputePipeline).getBindGroupLayout(0);
    const buffers = Array.from({ length: 2050 }, buffer);
    const make = (b: GPUBuffer) =>
      gpu.createBindGroup({ layout, entries: [{ binding: 0, resource: { buffer: b } }] });
    const first = make(buffers[0]!);
    for (const b of buffers.slice(1, 2048)) make(b);
    expect(make(buffers[0]!)).toBe(first); // used again: now the most recent
    make(buffers[2048]!); // evicts buffers[1]'s, the least recent
    expect(device.made).toBe(2049);
    make(buffers[0]!);
    expect(device.made).toBe(2049);
    make(buffers[1]!);
    expect(device.made).toBe(2050);
  });

  it('turned off, builds every bind group and layout anew (a stock run in the same thread)', () => {
    const device = new FakeDevice();
    const pipeline = new FakePipeline() as unknown as GPUComputePipeline;
    const layout = pipeline.getBindGroupLayout(0);
    const entries = [{ binding: 0, resource: { buffer: buffer() } }];
    const make = () => (device as unknown as GPUDevice).createBindGroup({ layout, entries });
    const first = make();
    reuseBindGroups(false);
    try {
      expect(pipeline.getBindGroupLayout(0)).not.toBe(layout);
      expect(make()).not.toBe(first);
    } finally {
      reuseBindGroups();
    }
    expect(make()).toBe(first);
    expect(device.made).toBe(2);
  });
});
