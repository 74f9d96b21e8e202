import { describe, expect, it } from 'vitest';
import type { Uniform } from './tfjsInternals.ts';
import { reuseUniforms, uniformHash, uniformStats } from './uniformCache.ts';

// Node has no WebGPU: a stand-in for tfjs's WebGPUBackend's uniform path, which, as tfjs's
// does, takes a buffer for every call, writes it and queues it for the pool.
class FakeBackend {
  written: GPUBuffer[] = [];
  uniformPendingDisposal: GPUBuffer[] = [];
  makeUniforms(uniforms: Uniform[]) {
    const buffer = { values: JSON.stringify(uniforms) } as unknown as GPUBuffer;
    this.written.push(buffer);
    this.uniformPendingDisposal.push(buffer);
    return { offset: 0, size: 16, buffer };
  }
  /** tfjs's submitQueue: the queued buffers go back to the pool. */
  submit() {
    const released = this.uniformPendingDisposal;
    this.uniformPendingDisposal = [];
    return released;
  }
}
reuseUniforms(FakeBackend.prototype);

const shapes = (n: number): Uniform[] => [
  { type: 'float32', data: [NaN] },
  { type: 'float32', data: [Infinity] },
  { type: 'int32', data: [n, 4] },
  { type: 'int32', data: [4] },
];
/** The set of values used twice: from then on, its buffer is the cache's. */
const twice = (backend: FakeBackend, uniforms: Uniform[]) => {
  backend.makeUniforms(uniforms);
  const kept = backend.makeUniforms(uniforms).buffer;
  backend.submit();
  return kept;
};

describe('uniform buffers reused across steps', () => {
  it('keeps the buffer of values used a second time, and binds it again unwritten', () => {
    const backend = new FakeBackend();
    const before = uniformStats();
    // The first use is tfjs's: its buffer goes back to the pool at the submit.
    const first = backend.makeUniforms(shapes(8)).buffer;
    expect(backend.submit()).toEqual([first]);
    // The second is written once more, and kept by the cache, out of the pool.
    const kept = backend.makeUniforms(shapes(8)).buffer;
    expect(backend.submit()).toEqual([]);
    // From the third on: the same buffer, not written again.
    expect(backend.makeUniforms(shapes(8)).buffer).toBe(kept);
    expect(backend.makeUniforms(shapes(8)).buffer).toBe(kept);
    expect(backend.written).toHaveLength(2);
    expect(backend.submit()).toEqual([]);
    const after = uniformStats();
    expect([after.asked - before.asked, after.reused - before.reused]).toEqual([4, 2]);
    // Another backend (another device) never shares a buffer.
    const second = new FakeBackend();
    expect(twice(second, shapes(8))).not.toBe(kept);
  });

  it('leaves values used once (a step counter) to tfjs’s pool', () => {
    const backend = new FakeBackend();
    for (let step = 1; step <= 5; step++) {
      const { buffer } = backend.makeUniforms([{ type: 'float32', data: [1 - 0.9 ** step] }]);
      expect(backend.submit()).toEqual([buffer]);
    }
  });

  it('binds one buffer only to the same types and values', () => {
    const backend = new FakeBackend();
    const sets: Uniform[][] = [
      [
        { type: 'int32', data: [1, 2] },
        { type: 'int32', data: [3] },
      ],
      [
        { type: 'int32', data: [1] },
        { type: 'int32', data: [2, 3] }, // the same numbers, split otherwise
      ],
      [
        { type: 'float32', data: [1, 2] },
        { type: 'int32', data: [3] },
      ],
      [{ type: 'float32', data: [0] }],
      [{ type: 'float32', data: [-0] }], // other bits than 0
      [{ type: 'float32', data: [0.1] }],
      [{ type: 'float32', data: [0.1 + 1e-12] }],
      [{ type: 'float32', data: [NaN] }],
      [{ type: 'int32', data: [] }],
      [{ type: 'int32', data: [1] }],
    ];
    const copy = (set: Uniform[]) => set.map((u) => ({ ...u, data: [...u.data] }));
    const kept = sets.map((set) => twice(backend, copy(set)));
    expect(new Set(kept).size).toBe(sets.length);
    sets.forEach((set, i) => expect(backend.makeUniforms(copy(set)).buffer).toBe(kept[i]));
    expect(backend.written).toHaveLength(2 * sets.length);
  });

  it('tells apart two sets whose hashes collide', () => {
    // A 32-bit hash: among some 10⁵ sets two share one (the birthday bound), found here.
    // (Values whose bits look random: sin n.)
    const seen = new Map<number, number>();
    let pair: [number, number] | null = null;
    for (let n = 0; pair === null && n < 1 << 20; n++) {
      const h = uniformHash([{ type: 'float32', data: [Math.sin(n)] }]);
      const other = seen.get(h);
      if (other !== undefined) pair = [other, n];
      seen.set(h, n);
    }
    expect(pair).not.toBeNull();
    const [a, b] = pair!.map((n) => [{ type: 'float32', data: [Math.sin(n)] }] as Uniform[]) as [
      Uniform[],
      Uniform[],
    ];
    const backend = new FakeBackend();
    const keptA = twice(backend, a);
    // b is new: written, and a's kept buffer goes back to the pool after the next submit.
    const bBuffer = backend.makeUniforms(b).buffer;
    expect(bBuffer).not.toBe(keptA);
    expect(backend.submit()).toEqual([bBuffer, keptA]);
    // a is then new again, written into another buffer.
    expect(backend.makeUniforms(a).buffer).not.toBe(keptA);
  });

  it('remembers at most 2048 sets of values, and forgets the least recently used', () => {
    const backend = new FakeBackend();
    const first = twice(backend, shapes(0));
    const second = twice(backend, shapes(1));
    for (let n = 2; n < 2048; n++) backend.makeUniforms(shapes(n));
    expect(backend.makeUniforms(shapes(0)).buffer).toBe(first); // now the most recent
    backend.submit();
    backend.makeUniforms(shapes(2048)); // forgets shapes(1), the least recent
    // Its kept buffer goes back to the pool after the next submit.
    expect(backend.submit()).toContain(second);
    expect(backend.makeUniforms(shapes(0)).buffer).toBe(first);
    expect(backend.makeUniforms(shapes(1)).buffer).not.toBe(second);
  });

  it('turned off, leaves every dispatch to tfjs (a stock run in the same thread)', () => {
    const backend = new FakeBackend();
    const kept = twice(backend, shapes(5));
    reuseUniforms(FakeBackend.prototype, false);
    try {
      const before = uniformStats();
      const { buffer } = backend.makeUniforms(shapes(5));
      expect(buffer).not.toBe(kept);
      expect(backend.submit()).toEqual([buffer]);
      expect(uniformStats()).toEqual(before);
    } finally {
      reuseUniforms(FakeBackend.prototype);
    }
    expect(backend.makeUniforms(shapes(5)).buffer).toBe(kept);
  });
});
