// Seeded randomness on the JS side: data order, the seeds handed to tfjs's own initializers
// and random ops, and hashed noise. Every stream derives from the run's seed, so runs repeat.

/** mulberry32: a small, fast 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed for one named use ("weights", "noise"…) and index (layer, step) of a run, so that
 * streams never share values. A 32-bit hash mix (murmur3's finalizer) of the three.
 */
export function deriveSeed(runSeed: number, stream: string, index = 0): number {
  let h = (runSeed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ index, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // tfjs seeds go through seedrandom as numbers; keep them positive and exact in a double.
  return (h >>> 0) % 2147483647;
}

/** lowbias32 (Chris Wellons's 32-bit integer hash): the mix behind hashedUniforms. */
function lowbias32(v: number): number {
  let x = v ^ (v >>> 16);
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * n uniform values in [0, 1), value i a hash of (seed, i): with k = lowbias32(seed) and
 * k′ = lowbias32(k ⊕ 0x5bd1e995), uᵢ = (top 24 bits of lowbias32(lowbias32(i + k) ⊕ k′)) / 2²⁴,
 * exact in float32 (the second round keeps two seeds' streams from being shifts of one
 * sequence). Random access by index, so a GPU kernel computes the same values where it needs
 * them (DROPOUT_NOISE in kernels/fusedLayers.ts: the dropout masks of the DCGAN's D, made on
 * the GPU where tfjs's randomUniform draws them one by one in JavaScript and uploads them).
 * `seed`: a 31-bit integer, as deriveSeed gives.
 */
export function hashedUniforms(seed: number, n: number): Float32Array {
  const key = lowbias32(seed);
  const key2 = lowbias32(key ^ 0x5bd1e995);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = (lowbias32(lowbias32((i + key) >>> 0) ^ key2) >>> 8) / 16777216;
  }
  return out;
}

/** Fisher–Yates shuffle of 0..n-1 with a seeded generator. */
export function permutation(n: number, rand: () => number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/**
 * Yields batches of indices into a data set, epoch after epoch, each epoch in a fresh seeded
 * order. Batches never straddle epochs' ends: the tail of an epoch is dropped.
 */
export class BatchOrder {
  private readonly rand: () => number;
  private order: Int32Array;
  private at = 0;

  constructor(
    private readonly n: number,
    private readonly batchSize: number,
    seed: number,
  ) {
    if (batchSize > n) throw new Error(`batch size ${batchSize} is larger than the data (${n})`);
    this.rand = mulberry32(seed);
    this.order = permutation(n, this.rand);
  }

  next(): Int32Array {
    if (this.at + this.batchSize > this.n) {
      this.order = permutation(this.n, this.rand);
      this.at = 0;
    }
    const batch = this.order.slice(this.at, this.at + this.batchSize);
    this.at += this.batchSize;
    return batch;
  }
}
