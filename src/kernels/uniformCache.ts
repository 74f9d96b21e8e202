// Uniform buffers reused across steps. For every dispatch tfjs's WebGPU backend packs the
// program's uniforms (NaN, Infinity, each buffer's shape and strides, the output's size, the
// program's own values) into a new ArrayBuffer, takes a buffer from its pool, writes it
// (`queue.writeBuffer`, a call into the GPU process) and gives it back to the pool after the
// next submit (`makeUniforms`). A training step's dispatches repeat with the same shapes and
// mostly the same values, so the same uniforms were written a step before: the second time a
// set of values comes, the cache keeps the buffer written for it, and from then on binds it
// again unwritten. A kept buffer is never written again, so a dispatch already recorded always
// reads what it was given.
//
// It also steadies the bind groups (bindGroupCache.ts): a dispatch binds the same uniform
// buffer every step, where tfjs's pool handed back whichever buffer was freed last.
//
// On in the training worker (off for the benchmark's plain loop, which is stock tfjs), on
// WebGPUBackend.prototype (tfjsInternals.ts, 13), so it applies to every backend instance.

import type { Uniform, UniformMaker } from './tfjsInternals.ts';

/** Sets of values remembered per backend (with or without a kept buffer): a few steps of the
 * largest model's dispatches. */
const MAX_SEEN = 2048;

/** What makeUniforms returns: a bind group entry's resource. */
type UniformBinding = ReturnType<UniformMaker['makeUniforms']>;

/** How many uniform bindings were asked for, and how many of those came from the cache. */
const stats = { asked: 0, reused: 0 };

// A set of uniforms is looked up by a hash of its values, then compared value by value: equal
// kinds (float, or integer: int32 and uint32 write an integer's same bits), lengths and values
// (as Object.is: -0 is not 0) are equal bytes, which makeUniforms packs the same way. Hashing
// the numbers was ~8× faster in V8 than building a string key of them.

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** A field's tag in the hash and the kept values: its length and whether it is float. */
const tagOf = ({ type, data }: Uniform): number => 2 * data.length + (type === 'float32' ? 1 : 0);

/** FNV-1a over each field's tag and the float64 bits of its values. */
export function uniformHash(uniforms: Uniform[]): number {
  let h = 0x811c9dc5;
  for (const u of uniforms) {
    h = Math.imul(h ^ tagOf(u), 16777619);
    for (const v of u.data) {
      bits[0] = v;
      h = Math.imul(h ^ words[0]!, 16777619);
      h = Math.imul(h ^ words[1]!, 16777619);
    }
  }
  return h;
}

/** The values kept with a cached buffer: each field's tag, then its values. */
const flatten = (uniforms: Uniform[]): number[] => uniforms.flatMap((u) => [tagOf(u), ...u.data]);

function sameValues(uniforms: Uniform[], flat: number[]): boolean {
  let i = 0;
  for (const u of uniforms) {
    if (flat[i++] !== tagOf(u)) return false;
    for (const v of u.data) if (!Object.is(flat[i++], v)) return false;
  }
  return i === flat.length;
}

/** A set of values seen before, and its buffer once it is kept (from its second use). */
interface Seen {
  values: number[];
  binding: UniformBinding | null;
}

const installedOn = new WeakSet<object>();
/** Off: the wrapper calls through (a later run in the same thread that must be stock tfjs). */
let enabled = false;

/**
 * Turns the reuse on, wrapping `prototype.makeUniforms` (tfjs's WebGPUBackend's) with the
 * cache once per prototype, or off.
 */
export function reuseUniforms(prototype: object, on = true): void {
  enabled = on;
  if (!on || installedOn.has(prototype)) return;
  installedOn.add(prototype);
  const proto = prototype as UniformMaker;
  const make = proto.makeUniforms;
  const caches = new WeakMap<UniformMaker, Map<number, Seen>>();
  proto.makeUniforms = function (this: UniformMaker, uniforms: Uniform[]) {
    if (!enabled) return make.call(this, uniforms);
    stats.asked++;
    const hash = uniformHash(uniforms);
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    const seen = cache.get(hash);
    const again = seen !== undefined && sameValues(uniforms, seen.values);
    if (again && seen.binding) {
      // Most recently used last: a Map iterates in insertion order, the oldest first.
      cache.delete(hash);
      cache.set(hash, seen);
      stats.reused++;
      return seen.binding;
    }
    // Flattened before makeUniforms, which writes an empty field as [1].
    const values = again ? seen.values : flatten(uniforms);
    const binding = make.call(this, uniforms);
    const pending = this.uniformPendingDisposal;
    // Kept from the second use on. Values used once (Adam's bias corrections change every
    // step) stay on tfjs's way: their buffer goes back to the pool at the next submit, where
    // the next step's dispatch finds it again, and so does its bind group.
    if (again) pending.splice(pending.lastIndexOf(binding.buffer), 1);
    // Another set of values with the same hash is forgotten: its buffer, if kept, goes back to
    // the pool after the next submit, once no recorded command can still read it.
    if (seen?.binding && !again) pending.push(seen.binding.buffer);
    cache.delete(hash);
    cache.set(hash, { values, binding: again ? binding : null });
    if (cache.size > MAX_SEEN) {
      const [oldest, forgotten] = cache.entries().next().value!;
      cache.delete(oldest);
      if (forgotten.binding) pending.push(forgotten.binding.buffer);
    }
    return binding;
  };
}

/** Uniform bindings asked for and reused since the cache was installed (the bench reports them). */
export const uniformStats = (): { asked: number; reused: number } => ({ ...stats });
