// Bind groups reused across steps. For every dispatch tfjs's WebGPU backend asks the pipeline
// for its bind group layout (`getBindGroupLayout(0)`, a new object each call) and builds a new
// bind group of the output's buffer, the inputs' and a uniform buffer (`createBindGroup`). A
// training step repeats the same dispatches on buffers that tfjs's pool hands back in the same
// order, so most of these bind groups were built a step before: the same layout with the same
// buffers at the same offsets and sizes is the same bind group, and is taken from a cache.
// A bind group is immutable and refers to its buffers, not to their contents; a buffer freed
// and destroyed is never bound again (a new buffer is a new object, hence a new key).
//
// On in the training worker (off for the benchmark's plain loop, which is stock tfjs). Both
// wrap prototypes, so they apply to the device tfjs creates whenever it creates it.

/** Bind groups kept per device: a few steps of the largest model's dispatches. */
const MAX_GROUPS = 2048;

let installed = false;
/** Off: the wrappers call through (a later run in the same thread that must be stock tfjs). */
let enabled = false;
/** How many bind groups were asked for, and how many of those came from the cache. */
const stats = { asked: 0, reused: 0 };

const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (o: object): number => {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
};

/** The cache's key of a descriptor whose entries are all whole or ranged buffers, else null. */
function keyOf(descriptor: GPUBindGroupDescriptor): string | null {
  let key = String(idOf(descriptor.layout));
  for (const entry of descriptor.entries) {
    const resource = entry.resource as Partial<GPUBufferBinding>;
    if (!resource.buffer) return null; // a texture or sampler: not cached
    key += `|${entry.binding}:${idOf(resource.buffer)}:${resource.offset ?? 0}:${resource.size ?? -1}`;
  }
  return key;
}

/** Turns the reuse on (installing the wrappers, once) or off. */
export function reuseBindGroups(on = true): void {
  enabled = on;
  if (!on || installed) return;
  if (typeof GPUDevice === 'undefined' || typeof GPUComputePipeline === 'undefined') return;
  installed = true;

  // One layout object per pipeline and index, so that equal layouts have equal keys.
  const layouts = new WeakMap<GPUComputePipeline, GPUBindGroupLayout[]>();
  const getLayout = GPUComputePipeline.prototype.getBindGroupLayout;
  GPUComputePipeline.prototype.getBindGroupLayout = function (index: number) {
    if (!enabled) return getLayout.call(this, index);
    let byIndex = layouts.get(this);
    if (!byIndex) layouts.set(this, (byIndex = []));
    return (byIndex[index] ??= getLayout.call(this, index));
  };

  const caches = new WeakMap<GPUDevice, Map<string, GPUBindGroup>>();
  const create = GPUDevice.prototype.createBindGroup;
  GPUDevice.prototype.createBindGroup = function (descriptor: GPUBindGroupDescriptor) {
    if (!enabled) return create.call(this, descriptor);
    stats.asked++;
    const key = keyOf(descriptor);
    if (key === null) return create.call(this, descriptor);
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    const hit = cache.get(key);
    if (hit) {
      // Most recently used last: a Map iterates in insertion order, the oldest first.
      cache.delete(key);
      cache.set(key, hit);
      stats.reused++;
      return hit;
    }
    const group = create.call(this, descriptor);
    cache.set(key, group);
    if (cache.size > MAX_GROUPS) cache.delete(cache.keys().next().value!);
    return group;
  };
}

/** Bind groups asked for and reused since the cache was installed (the bench reports them). */
export const bindGroupStats = (): { asked: number; reused: number } => ({ ...stats });
