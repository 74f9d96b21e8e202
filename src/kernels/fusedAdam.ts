import * as tf from '../tf/tfjs.ts';
import { clearGradientSlot, setGradientSlot, writtenInto } from './gradientSlots.ts';
import { copyFloats, runInPlace, sharesBuffer } from './tfjsInternals.ts';
import { elementwise, f32, i32 } from './webgpuPrograms.ts';

// Adam over all of a network's weights in one WebGPU dispatch, where tfjs's AdamOptimizer
// issues fourteen elementwise kernels per weight tensor.
//
// The optimizer keeps one flat buffer per network, state = [w | m | v] (n floats each: every
// weight, then Adam's two moments), and a flat gradient buffer of n floats. A step
//   1. copies each weight into state's w part if the variable has a new buffer since the last
//      step (the first step, or a value assigned: an import, a restored checkpoint);
//   2. copies each gradient into its place in the flat gradient buffer, unless a kernel wrote it
//      there already (gradientSlots.ts: the dense layers do);
//   3. updates everything in one dispatch, in place (a tfjs WebGPU program's output binding is
//      read_write, so it may read what it overwrites):
//        m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²
//        w ← w − lr · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
//   4. copies state's w part back into each variable, which the forward passes, pictures and
//      exports read.
// Copies are not dispatches (tfjsInternals.ts, copyFloats). This is tfjs's Adam, with β1ᵗ and
// β2ᵗ computed in float64 on the CPU instead of float32 tensors on the device; no tensor is made
// per step. Used on the WebGPU backend only (optimizers.ts); the others keep tfjs's optimizer.
//
// A variable written in place must not leave a stale copy of its values on the CPU (copyFloats
// drops it). A read still in flight when a step writes would cache the values it copied, older
// than the step's: the trainer never steps while it reads weights (snapshots, checkpoints,
// exports).

/** tfjs's `NamedTensor` (not exported by the tfjs package). */
interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

/** result = state [w | m | v] (3n floats), stepped along the flat gradient G (n floats). */
const adamProgram = (n: number) =>
  elementwise(
    'fusedAdamFlat',
    n,
    ['G'],
    'beta1 : f32, beta2 : f32, lr : f32, c1 : f32, c2 : f32, eps : f32,',
    `let g = G[index];
          let im = index + uniforms.n;
          let iv = im + uniforms.n;
          let m = uniforms.beta1 * result[im] + (1.0 - uniforms.beta1) * g;
          let v = uniforms.beta2 * result[iv] + (1.0 - uniforms.beta2) * g * g;
          result[im] = m;
          result[iv] = v;
          result[index] = result[index] - uniforms.lr * (m * uniforms.c1) / (sqrt(v * uniforms.c2) + uniforms.eps);`,
  );

/** Each trained weight's place in the flat buffers. */
interface Layout {
  names: string[];
  offsets: Map<string, number>;
  n: number;
  state: tf.Tensor1D;
  grads: tf.Tensor1D;
}

export class FusedAdam extends tf.Optimizer {
  static get className(): string {
    return 'FusedAdam';
  }

  /** Read at every step, so a new learning rate applies at once (see setLearningRate). */
  learningRate: number;
  private layout: Layout | null = null;
  /** The buffer (dataId) each variable had when state's w part was last copied from it. */
  private readonly synced = new Map<string, object>();
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
    const list = (
      Array.isArray(grads)
        ? grads
        : Object.entries(grads).map(([name, tensor]) => ({ name, tensor }))
    ).filter(({ name, tensor }) => tensor && tf.engine().registeredVariables[name]);
    const layout = this.layoutFor(list.map((e) => e.name));
    const variable = (name: string) => tf.engine().registeredVariables[name]!;
    this.t++;
    for (const { name, tensor: g } of list) {
      const w = variable(name);
      const at = layout.offsets.get(name)!;
      this.ownBuffer(w);
      if (this.synced.get(name) !== w.dataId) {
        copyFloats(w, 0, layout.state, at, w.size);
        this.synced.set(name, w.dataId);
      }
      const into = writtenInto(g);
      if (into === undefined) copyFloats(g, 0, layout.grads, at, w.size);
      else if (into !== layout.grads) throw new Error(`the gradient of ${name} went elsewhere`);
    }
    const c1 = 1 / (1 - this.beta1 ** this.t);
    const c2 = 1 / (1 - this.beta2 ** this.t);
    runInPlace(
      adamProgram(layout.n),
      [layout.grads],
      [
        i32(layout.n),
        f32(this.beta1),
        f32(this.beta2),
        f32(this.learningRate),
        f32(c1),
        f32(c2),
        f32(tf.backend().epsilon()),
      ],
      layout.state,
    );
    for (const { name } of list) {
      const w = variable(name);
      const at = layout.offsets.get(name)!;
      copyFloats(layout.state, at, w, 0, w.size);
      // Kernels may write this weight's next gradient straight into the flat buffer.
      setGradientSlot(w, { grads: layout.grads, offset: at });
    }
    this.incrementIterations();
  }

  /** The flat buffers for these weights, made at the first step (in the order given). */
  private layoutFor(names: string[]): Layout {
    const same =
      this.layout &&
      this.layout.names.length === names.length &&
      names.every((name) => this.layout!.offsets.has(name));
    if (same) return this.layout!;
    if (this.layout) {
      throw new Error('FusedAdam trains one set of weights; these differ from its first step');
    }
    const offsets = new Map<string, number>();
    let n = 0;
    for (const name of names) {
      offsets.set(name, n);
      n += tf.engine().registeredVariables[name]!.size;
    }
    this.layout = {
      names,
      offsets,
      n,
      state: tf.keep(tf.zeros([3 * n])),
      grads: tf.keep(tf.zeros([n])),
    };
    return this.layout;
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
    if (this.layout) {
      for (const name of this.layout.names) {
        const w = tf.engine().registeredVariables[name];
        if (w) clearGradientSlot(w);
      }
      this.layout.state.dispose();
      this.layout.grads.dispose();
      this.layout = null;
    }
    super.dispose();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2 };
  }

  /** Each weight's moments [m; v], as new tensors (the caller disposes them). */
  override getWeights(): Promise<NamedTensor[]> {
    const layout = this.layout;
    if (!layout) return Promise.resolve([]);
    return Promise.resolve(
      layout.names.map((name) => {
        const at = layout.offsets.get(name)!;
        const size = tf.engine().registeredVariables[name]!.size;
        const tensor = tf.tidy(() =>
          tf.concat([
            layout.state.slice(layout.n + at, size),
            layout.state.slice(2 * layout.n + at, size),
          ]),
        );
        return { name: `${name}/mv`, tensor };
      }),
    );
  }

  override setWeights(): Promise<void> {
    return Promise.reject(new Error('FusedAdam does not load saved optimizer state'));
  }
}
