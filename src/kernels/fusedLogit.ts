import * as tf from '../tf/tfjs.ts';
import {
  D_TERMS,
  dTermsSummand,
  G_LOSS,
  ganFamily,
  gLossSummand,
  type GanFamily,
} from './fusedLosses.ts';
import { pairSlot, writtenGradient } from './gradientSlots.ts';
import { runInPlace, type WebGPUBackend } from './tfjsInternals.ts';
import {
  elementwise,
  f32,
  i32,
  reduction,
  runReduction,
  runToTensor,
  WGSL_MATH,
} from './webgpuPrograms.ts';

// D's last layer, one logit d = h·w + b, taken into the GAN's loss kernels (fusedLosses.ts):
// the loss reads D's last hidden layer h and computes each row's d itself, and the gradients
// form ∂L/∂d on the fly from it:
//   ∂h[i, k] = ∂L/∂dᵢ · w[k]      [∂w; ∂b] = [Σᵢ hᵢ·∂L/∂dᵢ; Σᵢ ∂L/∂dᵢ]
// ([∂w; ∂b] straight into FusedAdam's flat gradient buffer, gradientSlots.ts). Where tfjs's
// ops and our dense kernel take a dispatch for the logit layer forward, one for the loss, one
// for its gradient and two for the layer's, these take the loss and the two gradients.

/** WGSL: dᵢ = b + Σₖ H[i, k]·W[k], D's logit for row i (the shader binds H, W and B). */
const LOGIT = `
  fn logitOf(i : i32) -> f32 {
    var d = B[0];
    for (var k = 0; k < uniforms.inDim; k = k + 1) { d = d + H[i * uniforms.inDim + k] * W[k]; }
    return d;
  }`;

/** WGSL: `let gd` = ∂L/∂dᵢ of D's terms (real rows first), weighted by DY. */
const dTermsGrad = (f: GanFamily) => `
  fn gradOf(i : i32) -> f32 {
    let d = logitOf(i);
    let s = sigmoidOf(d);
    let t = uniforms.t;
    if (i < uniforms.nReal) { return (${D_TERMS[f].grad[0]}) / f32(uniforms.nReal); }
    return (${D_TERMS[f].grad[1]}) / f32(uniforms.m - uniforms.nReal);
  }`;

/** WGSL: ∂L/∂dᵢ of G's loss, weighted by DY[1] (the loss's place in the metric row). */
const gRowGrad = (loss: string) => `
  fn gradOf(i : i32) -> f32 {
    let d = logitOf(i);
    return DY[1] * (${G_LOSS[loss]!.grad}) / f32(uniforms.m);
  }`;

interface LogitAttrs {
  /** The WGSL of gradOf(i) (one of the two above) and the uniforms it reads. */
  grad: string;
  key: string;
  uniforms: string;
  values: { type: 'int32' | 'float32'; data: number[] }[];
}

/** ∂h and [∂w; ∂b] of a loss on the logit of h, from gradOf (LogitAttrs). */
function logitGradients(
  dy: tf.Tensor,
  [h, W, b]: tf.Tensor[],
  a: LogitAttrs,
): Record<'h' | 'W' | 'b', () => tf.Tensor> {
  const [m, inDim] = h!.shape as [number, number];
  const names = ['DY', 'H', 'W', 'B'];
  const uniforms = `m : i32, inDim : i32, ${a.uniforms}`;
  const values = (n: number) => [i32(n), i32(m), i32(inDim), ...a.values];
  const prelude = WGSL_MATH + LOGIT + a.grad;
  const slot = pairSlot(W!, b!);
  let written = false;
  const write = () => {
    if (written || !slot) return;
    written = true;
    const program = elementwise(
      `${a.key}_weights`,
      inDim + 1,
      names,
      `offset : i32, ${uniforms}`,
      `var s = 0.0;
          for (var i = 0; i < uniforms.m; i = i + 1) {
            let x = select(1.0, H[i * uniforms.inDim + index], index < uniforms.inDim);
            s = s + x * gradOf(i);
          }
          result[uniforms.offset + index] = s;`,
      prelude,
    );
    const [n, ...rest] = values(inDim + 1);
    runInPlace(program, [dy, h!, W!, b!], [n!, i32(slot.offset), ...rest], slot.grads);
  };
  // Without a slot (the first step): ∂w and ∂b as tensors, one dispatch each.
  const part = (key: string, size: number, body: string, shape: number[]) =>
    runToTensor(
      elementwise(`${a.key}_${key}`, size, names, uniforms, body, prelude),
      [dy, h!, W!, b!],
      values(size),
      shape,
    );
  return {
    h: () =>
      part(
        'h',
        m * inDim,
        `let i = index / uniforms.inDim;
          result[index] = gradOf(i) * W[index - i * uniforms.inDim];`,
        [m, inDim],
      ),
    W: () => {
      if (slot) return (write(), writtenGradient(W!.shape, slot));
      return part(
        'w',
        inDim,
        `var s = 0.0;
          for (var i = 0; i < uniforms.m; i = i + 1) { s = s + H[i * uniforms.inDim + index] * gradOf(i); }
          result[index] = s;`,
        W!.shape,
      );
    },
    b: () => {
      if (slot) return (write(), writtenGradient(b!.shape, slot));
      return part(
        'b',
        1,
        `var s = 0.0;
          for (var i = 0; i < uniforms.m; i = i + 1) { s = s + gradOf(i); }
          result[0] = s;`,
        b!.shape,
      );
    },
  };
}

const D_KERNEL = 'PlaygroundGanDTermsLogit';
const G_KERNEL = 'PlaygroundGanGRowLogit';
let registered = false;

function register(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({
    kernelName: D_KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { h, W, b } = inputs as Record<string, tf.TensorInfo>;
      const f = attrs!.family as GanFamily;
      const [m, inDim] = h!.shape as [number, number];
      const program = reduction(
        `playgroundGanDTermsLogit_${f}`,
        3,
        ['H', 'W', 'B'],
        'inDim : i32, nReal : i32, t : f32,',
        `let d = logitOf(i); ${dTermsSummand(f)}`,
        'result[0] = s.x; result[1] = s.y; result[2] = s.z;',
        WGSL_MATH + LOGIT,
      );
      return runReduction(
        backend as unknown as WebGPUBackend,
        program,
        [h!, W!, b!],
        [i32(m), i32(inDim), i32(attrs!.nReal as number), f32(attrs!.t as number)],
        [3],
      );
    },
  });
  tf.registerGradient({
    kernelName: D_KERNEL,
    inputsToSave: ['h', 'W', 'b'],
    gradFunc: (dy, saved, attrs) => {
      const f = attrs.family as GanFamily;
      return logitGradients(dy as tf.Tensor, saved, {
        grad: dTermsGrad(f),
        key: `playgroundGanDTermsLogitGrad_${f}`,
        uniforms: 'nReal : i32, t : f32,',
        values: [i32(attrs.nReal as number), f32(attrs.t as number)],
      });
    },
  });
  tf.registerKernel({
    kernelName: G_KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { h, W, b, terms } = inputs as Record<string, tf.TensorInfo>;
      const loss = attrs!.loss as string;
      const [m, inDim] = h!.shape as [number, number];
      const program = reduction(
        `playgroundGanGRowLogit_${loss}`,
        4,
        ['H', 'W', 'B', 'T'],
        'inDim : i32,',
        `let d = logitOf(i); ${gLossSummand(loss)}`,
        'result[0] = T[0]; result[1] = s.x; result[2] = T[1]; result[3] = T[2];',
        WGSL_MATH + LOGIT,
      );
      return runReduction(
        backend as unknown as WebGPUBackend,
        program,
        [h!, W!, b!, terms!],
        [i32(m), i32(inDim)],
        [4],
      );
    },
  });
  tf.registerGradient({
    kernelName: G_KERNEL,
    inputsToSave: ['h', 'W', 'b'],
    gradFunc: (dy, saved, attrs) => ({
      ...logitGradients(dy as tf.Tensor, saved, {
        grad: gRowGrad(attrs.loss as string),
        key: `playgroundGanGRowLogitGrad_${attrs.loss as string}`,
        uniforms: '',
        values: [],
      }),
      // The row copies D's terms to places 0, 2 and 3.
      terms: () => tf.gather(dy as tf.Tensor, tf.tensor1d([0, 2, 3], 'int32')),
    }),
  });
}

/** [L_D, mean D(x), mean D(G(z))] from D's last hidden layer h on [real; fake] and its logit. */
export function ganDiscriminatorTermsOfLogit(
  loss: string,
  h: tf.Tensor2D,
  [W, b]: [tf.Tensor2D, tf.Tensor1D],
  nReal: number,
  realTarget: number,
): tf.Tensor1D {
  register();
  return tf.engine().runKernel(D_KERNEL, { h, W, b }, {
    family: ganFamily(loss),
    nReal,
    t: realTarget,
  } as unknown as tf.NamedAttrMap) as tf.Tensor1D;
}

/** The GAN's metric row [L_D, L_G, D(x), D(G(z))] from D's last hidden layer on G(z). */
export function ganMetricRowOfLogit(
  loss: string,
  h: tf.Tensor2D,
  [W, b]: [tf.Tensor2D, tf.Tensor1D],
  dTerms: tf.Tensor1D,
): tf.Tensor1D {
  register();
  return tf.engine().runKernel(G_KERNEL, { h, W, b, terms: dTerms }, {
    loss,
  } as unknown as tf.NamedAttrMap) as tf.Tensor1D;
}
