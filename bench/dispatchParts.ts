import type { Page } from '@playwright/test';
import { fixed } from './measure.ts';

// What a dispatch's bind group and uniforms cost in JavaScript, tfjs's way against
// bindGroupCache.ts's and uniformCache.ts's, in the page's own WebGPU device. A worker that is
// not cross-origin isolated times in coarse steps, so the trainer's per-dispatch sums cannot
// resolve a few µs; 20,000 calls in one interval can. The caches' lookups are written out here
// as they are there: a page cannot import them.

/** The bench's rows ([what, value, note]) and results fields for both. */
export async function dispatchParts(
  page: Page,
): Promise<{ rows: [string, string, string][]; results: Record<string, unknown> }> {
  const groups = await bindGroupMicro(page);
  const uniforms = await uniformMicro(page);
  const pair = (m: { tfjsUs: number; cachedUs: number }) =>
    `${fixed(m.tfjsUs, 1)} vs ${fixed(m.cachedUs, 1)} µs`;
  return {
    rows: [
      [
        'a dispatch’s bind group: tfjs’s vs reused',
        pair(groups),
        'JavaScript per call, 20,000 calls in the page: getBindGroupLayout + createBindGroup, against bindGroupCache.ts’s key and lookup',
      ],
      [
        'a dispatch’s uniforms: tfjs’s vs reused',
        pair(uniforms),
        'JavaScript per call, 20,000 calls in the page: packed, a pooled buffer, queue.writeBuffer, against uniformCache.ts’s lookup by the values’ hash',
      ],
    ],
    results: {
      bind_group_us: { tfjs: groups.tfjsUs, reused: groups.cachedUs },
      uniforms_us: { tfjs: uniforms.tfjsUs, reused: uniforms.cachedUs },
    },
  };
}

// Bind groups, on a one-binding-per-buffer compute pipeline like tfjs's (output, input,
// uniforms). tfjs: getBindGroupLayout(0) and createBindGroup on every dispatch. Cached: the
// layout kept per pipeline, the key built and looked up (a hit, as 95% of the dense GAN's
// are), as bindGroupCache.ts does per call.
function bindGroupMicro(page: Page): Promise<{ tfjsUs: number; cachedUs: number }> {
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

// Uniforms, as a dense layer's dispatch has them: NaN, Infinity, the shapes and strides of
// x [64, 784], W [784, 128] and the output [64, 128], the output's size. tfjs: packed into a new
// ArrayBuffer at WGSL's alignments, a buffer taken from the pool, queue.writeBuffer, the buffer
// back to the pool (at the submit, makeUniforms and submitQueue). Cached: uniformCache.ts's
// hash and comparison of the values (a hit).
function uniformMicro(page: Page): Promise<{ tfjsUs: number; cachedUs: number }> {
  return page.evaluate(async () => {
    const adapter = await navigator.gpu.requestAdapter();
    const device = await adapter!.requestDevice();
    type Field = { type: 'float32' | 'int32'; data: number[] };
    const uniforms: Field[] = [
      { type: 'float32', data: [NaN] },
      { type: 'float32', data: [Infinity] },
      { type: 'int32', data: [64, 784] },
      { type: 'int32', data: [784] },
      { type: 'int32', data: [784, 128] },
      { type: 'int32', data: [128] },
      { type: 'int32', data: [64, 128] },
      { type: 'int32', data: [128] },
      { type: 'int32', data: [8192] },
    ];
    const usage = GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST;
    const pool = [device.createBuffer({ size: 64, usage })];
    const N = 20_000;
    const perCall = (f: () => void) => {
      const t0 = performance.now();
      for (let i = 0; i < N; i++) f();
      return ((performance.now() - t0) * 1000) / N;
    };
    const tfjsUs = perCall(() => {
      let at = 0;
      let maxAlign = 1;
      const offsets = uniforms.map(({ data }) => {
        const align = data.length === 1 ? 4 : data.length === 2 ? 8 : 16;
        maxAlign = Math.max(maxAlign, align);
        const offset = Math.ceil(at / align) * align;
        at = offset + 4 * data.length;
        return offset;
      });
      const size = Math.ceil(at / maxAlign) * maxAlign;
      const bytes = new ArrayBuffer(size);
      uniforms.forEach(({ type, data }, i) =>
        (type === 'int32'
          ? new Int32Array(bytes, offsets[i], data.length)
          : new Float32Array(bytes, offsets[i], data.length)
        ).set(data),
      );
      const buffer = pool.pop()!;
      device.queue.writeBuffer(buffer, 0, bytes, 0, size);
      pool.push(buffer);
    });
    // uniformCache.ts's lookup: the hash of the values, then the values compared.
    const bits = new Float64Array(1);
    const words = new Uint32Array(bits.buffer);
    const tagOf = (u: Field) => 2 * u.data.length + (u.type === 'float32' ? 1 : 0);
    const hashOf = (us: Field[]) => {
      let h = 0x811c9dc5;
      for (const u of us) {
        h = Math.imul(h ^ tagOf(u), 16777619);
        for (const v of u.data) {
          bits[0] = v;
          h = Math.imul(h ^ words[0]!, 16777619);
          h = Math.imul(h ^ words[1]!, 16777619);
        }
      }
      return h;
    };
    const same = (us: Field[], flat: number[]) => {
      let i = 0;
      for (const u of us) {
        if (flat[i++] !== tagOf(u)) return false;
        for (const v of u.data) if (!Object.is(flat[i++], v)) return false;
      }
      return i === flat.length;
    };
    const kept = {
      values: uniforms.flatMap((u) => [tagOf(u), ...u.data]),
      binding: { offset: 0, size: 64, buffer: pool[0]! },
    };
    const cache = new Map([[hashOf(uniforms), kept]]);
    let hits = 0;
    const cachedUs = perCall(() => {
      const hash = hashOf(uniforms);
      const hit = cache.get(hash);
      if (hit) cache.delete(hash);
      if (hit && same(uniforms, hit.values)) {
        cache.set(hash, hit);
        hits++;
      }
    });
    if (hits !== N) throw new Error(`the cached lookup missed ${N - hits} times`);
    await device.queue.onSubmittedWorkDone();
    device.destroy();
    return { tfjsUs, cachedUs };
  });
}
