import * as tf from '../../tf/tfjs.ts';

// The parity check's `ops` row: tfjs's matMul and convolution ops as this WebGPU device runs
// them (on a software adapter, loopKernels.ts's loops) against tfjs's CPU backend, on the same
// seeded inputs, in every form our networks call them in: transposed, batched, fused with a
// bias and each activation, strided, padded 'same' and 'valid', dilated, and both gradients
// of a convolution; and one product of over 4,194,240 outputs, past a dispatch's one row of
// workgroups.

/** Seeded uniform values in [−1, 1] (typed 4-D: the conv ops ask for it; matMul takes any). */
const u = (shape: number[], seed: number): tf.Tensor4D => {
  const t: tf.Tensor = tf.randomUniform(shape, -1, 1, 'float32', seed);
  return t as tf.Tensor4D;
};

const convGrads = (stride: number, pad: 'same' | 'valid'): tf.Tensor[] => {
  const x = u([2, 7, 7, 3], 11);
  const W = u([5, 5, 3, 4], 12);
  // L = Σ conv(x, W) ⊙ R: dy = R, not all ones.
  const f = (x: tf.Tensor, W: tf.Tensor) => {
    const y = tf.conv2d(x as tf.Tensor4D, W as tf.Tensor4D, stride, pad);
    return tf.sum(tf.mul(y, u(y.shape, 13)));
  };
  return tf.grads(f)([x, W]);
};

/** Each case's name and its result on the current backend. */
const CASES: [string, () => tf.Tensor][] = [
  ['matMul', () => tf.matMul(u([3, 5], 1), u([5, 4], 2))],
  ['matMul aᵀ', () => tf.matMul(u([5, 3], 1), u([5, 4], 2), true, false)],
  ['matMul bᵀ', () => tf.matMul(u([3, 5], 1), u([4, 5], 2), false, true)],
  ['matMul aᵀ bᵀ', () => tf.matMul(u([5, 3], 1), u([4, 5], 2), true, true)],
  ['matMul batched, b broadcast', () => tf.matMul(u([2, 3, 5], 1), u([1, 5, 4], 2))],
  ...(['linear', 'relu', 'elu', 'leakyrelu', 'sigmoid'] as const).map(
    (activation): [string, () => tf.Tensor] => [
      `fused matMul + bias, ${activation}`,
      () =>
        tf.fused.matMul({
          a: u([6, 9], 3),
          b: u([9, 7], 4),
          bias: u([7], 5),
          activation,
          leakyreluAlpha: 0.3,
        }),
    ],
  ),
  ['matMul, 4.4M outputs', () => tf.matMul(u([2100, 3], 6), u([3, 2100], 7))],
  ['conv2d 5×5 /2 same', () => tf.conv2d(u([2, 7, 7, 3], 8), u([5, 5, 3, 4], 9), 2, 'same')],
  ['conv2d 3×3 /1 valid', () => tf.conv2d(u([2, 7, 7, 3], 8), u([3, 3, 3, 4], 9), 1, 'valid')],
  [
    'conv2d 3×3 dilated 2',
    () => tf.conv2d(u([2, 7, 7, 3], 8), u([3, 3, 3, 4], 9), 1, 'same', 'NHWC', 2),
  ],
  [
    'fused conv2d + bias, leakyrelu',
    () =>
      tf.fused.conv2d({
        x: u([2, 8, 8, 3], 8),
        filter: u([5, 5, 3, 4], 9),
        strides: 2,
        pad: 'same',
        bias: u([4], 10),
        activation: 'leakyrelu',
        leakyreluAlpha: 0.3,
      }),
  ],
  [
    'conv2dTranspose 5×5 /2 same',
    () => tf.conv2dTranspose(u([2, 4, 4, 4], 8), u([5, 5, 3, 4], 9), [2, 8, 8, 3], 2, 'same'),
  ],
  ['conv2d /2 same: ∂x', () => convGrads(2, 'same')[0]!],
  ['conv2d /2 same: ∂W', () => convGrads(2, 'same')[1]!],
  ['conv2d /1 valid: ∂x', () => convGrads(1, 'valid')[0]!],
  ['conv2d /1 valid: ∂W', () => convGrads(1, 'valid')[1]!],
];

/** Every case's values on the current backend, by name. */
export async function opValues(): Promise<Map<string, Float32Array>> {
  const values = new Map<string, Float32Array>();
  for (const [name, run] of CASES) {
    const y = tf.tidy(run);
    values.set(name, await y.data<'float32'>());
    y.dispose();
  }
  return values;
}
