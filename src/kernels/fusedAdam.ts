import * as tf from '../tf/tfjs.ts';
import { runInPlace, sharesBuffer } from './tfjsInternals.ts';
import { elementwise, f32, i32 } from './webgpuPrograms.ts';

// Adam as two WebGPU dispatches per weight tensor instead of tfjs's fourteen.
//
// tfjs's AdamOptimizer updates each weight with 14 elementwise kernels (m and v, their bias
// corrections, the step), each a dispatch that reads and writes the whole tensor; for the
// dense GAN that is ~170 of a step's ~220 dispatches. Here the moments live in one buffer per
// weight, [m; v], and two programs update them and the weight *in place* (the output binding
// of a tfjs WebGPU program is read_write, so a program may read the value it overwrites):
//
//   moments:  m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²
//   weight:   w ← w − lr · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
//
// which is tfjs's Adam, with β1ᵗ and β2ᵗ computed in float64 on the CPU instead of float32
// tensors on the device. No tensor is created per step. Used on the WebGPU backend only
// (optimizers.ts); the others keep tfjs's optimizer.
//
// A weight written in place must not leave a stale copy of its values on the CPU
// (tfjsInternals.ts, runInPlace). A read still in flight when a step writes would cache the
// values it copied, older than the step's: the trainer never steps while it reads weights
// (snapshots, checkpoints, exports).

/** tfjs's `NamedTensor` (not exported by the tfjs package). */
interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

/** result = [m; v] (2n floats), updated from the gradient G. */
const momentsProgram = (n: number) =>
  elementwise(
    'fusedAdamMoments',
    n,
    ['G'],
    'beta1 : f32, beta2 : f32,',
    `let g = G[index];
          result[index] = uniforms.beta1 * result[index] + (1.0 - uniforms.beta1) * g;
          let j = index + uniforms.n;
          result[j] = uniforms.beta2 * result[j] + (1.0 - uniforms.beta2) * g * g;`,
  );

/** result = the weight (n floats), stepped along the moments M = [m; v]. */
const weightProgram = (n: number) =>
  elementwise(
    'fusedAdamWeight',
    n,
    ['M'],
    'lr : f32, c1 : f32, c2 : f32, eps : f32,',
    `let mHat = M[index] * uniforms.c1;
          let vHat = M[index + uniforms.n] * uniforms.c2;
          result[index] = result[index] - uniforms.lr * mHat / (sqrt(vHat) + uniforms.eps);`,
  );

export class FusedAdam extends tf.Optimizer {
  static get className(): string {
    return 'FusedAdam';
  }

  /** Read at every step, so a new learning rate applies at once (see setLearningRate). */
  learningRate: number;
  private readonly moments = new Map<string, tf.Tensor1D>();
  private t = 0;

  constructor(
    learningRate: number,
    private readonly beta1: number,
    private readonly beta2: number,
  ) {
    super();
    this.learningRate = learningRate;
  }

  override applyGradients(grads: tf.NamedTensorMap | NamedTensor[]): void {
    const list = Array.isArray(grads)
      ? grads
      : Object.entries(grads).map(([name, tensor]) => ({ name, tensor }));
    this.t++;
    const b1 = this.beta1;
    const b2 = this.beta2;
    const c1 = 1 / (1 - b1 ** this.t);
    const c2 = 1 / (1 - b2 ** this.t);
    for (const { name, tensor: g } of list) {
      const w = tf.engine().registeredVariables[name];
      if (!w || !g) continue;
      const n = w.size;
      this.ownBuffer(w);
      let m = this.moments.get(name);
      if (!m) {
        m = tf.keep(tf.zeros([2 * n]));
        this.moments.set(name, m);
      }
      runInPlace(momentsProgram(n), [g], [i32(n), f32(b1), f32(b2)], m);
      runInPlace(
        weightProgram(n),
        [m],
        [i32(n), f32(this.learningRate), f32(c1), f32(c2), f32(tf.backend().epsilon())],
        w,
      );
    }
    this.incrementIterations();
  }

  /**
   * Writing in place is safe only if no other tensor shares the variable's buffer (tfjs
   * shares buffers between a tensor and its clones, reshapes, and a variable and the value
   * it was last assigned). If another does, the variable first gets a copy of its own.
   */
  private ownBuffer(w: tf.Variable): void {
    if (!sharesBuffer(w)) return;
    const copy = tf.tidy(() => tf.mul(w, 1));
    w.assign(copy);
    copy.dispose();
  }

  override dispose(): void {
    for (const m of this.moments.values()) m.dispose();
    this.moments.clear();
    super.dispose();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2 };
  }

  override getWeights(): Promise<NamedTensor[]> {
    return Promise.resolve(
      [...this.moments].map(([name, tensor]) => ({ name: `${name}/mv`, tensor })),
    );
  }

  override setWeights(): Promise<void> {
    return Promise.reject(new Error('FusedAdam does not load saved optimizer state'));
  }
}
