import type { Page } from '@playwright/test';

// What a dispatch's bind group costs in JavaScript, tfjs's way against bindGroupCache.ts's, in
// the page's own WebGPU device (a one-binding-per-buffer compute pipeline like tfjs's: output,
// input, uniforms). A worker that is not cross-origin isolated times in coarse steps, so the
// trainer's per-dispatch sums cannot resolve a few µs; 20,000 calls in one interval can.
// tfjs: getBindGroupLayout(0) and createBindGroup on every dispatch. Cached: the layout kept
// per pipeline, the key built and looked up (a hit, as 96% of the dense GAN's are), as
// bindGroupCache.ts does per call.
export function bindGroupMicro(page: Page): Promise<{ tfjsUs: number; cachedUs: number }> {
  return page.evaluate(async () => {
    const adapter = await navigator.gpu.requestAdapter();
    const device = await adapter!.requestDevice();
    const module = device.createShaderModule({
      code: `
        @group(0) @binding(0) var<storage, read_write> result : array<f32>;
        @group(0) @binding(1) var<storage, read> x : array<f32>;
        @group(0) @binding(2) var<uniform> u : vec4<f32>;
        @compute @workgroup_size(64) fn main(@builtin(global_invocation_id) g : vec3<u32>) {
          result[g.x] = x[g.x] * u.x;
        }`,
    });
    const pipeline = device.createComputePipeline({
      layout: 'auto',
      compute: { module, entryPoint: 'main' },
    });
    const storage = () => device.createBuffer({ size: 1024, usage: GPUBufferUsage.STORAGE });
    const [out, x] = [storage(), storage()];
    const uniforms = device.createBuffer({
      size: 16,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    const entries = (): GPUBindGroupEntry[] => [
      { binding: 0, resource: { buffer: out } },
      { binding: 1, resource: { buffer: x } },
      { binding: 2, resource: { offset: 0, size: 16, buffer: uniforms } },
    ];
    const N = 20_000;
    const perCall = (f: () => void) => {
      const t0 = performance.now();
      for (let i = 0; i < N; i++) f();
      return ((performance.now() - t0) * 1000) / N;
    };
    const tfjsUs = perCall(() =>
      device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: entries() }),
    );
    const ids = new WeakMap<object, number>();
    let next = 1;
    const idOf = (o: object) => {
      let id = ids.get(o);
      if (id === undefined) ids.set(o, (id = next++));
      return id;
    };
    const layout = pipeline.getBindGroupLayout(0);
    const cache = new Map<string, GPUBindGroup>();
    const cachedUs = perCall(() => {
      const descriptor = { layout, entries: entries() };
      let key = String(idOf(descriptor.layout));
      for (const e of descriptor.entries) {
        const r = e.resource as GPUBufferBinding;
        key += `|${e.binding}:${idOf(r.buffer)}:${r.offset ?? 0}:${r.size ?? -1}`;
      }
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
      } else {
        cache.set(key, device.createBindGroup(descriptor));
      }
    });
    device.destroy();
    return { tfjsUs, cachedUs };
  });
}
