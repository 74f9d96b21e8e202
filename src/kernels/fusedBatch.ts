import type * as tf from '../tf/tfjs.ts';
import { elementwise, f32, i32, runToTensor } from './webgpuPrograms.ts';

/**
 * D's batch in its step, [real; fake]: the data's `rows`, each value v shown as scale·v + shift
 * (2v − 1 for images, which G draws in [−1, 1]), then G's samples. One dispatch where tfjs's
 * ops take four (gather, multiply, subtract, concat). Off the gradient tape: D's step
 * differentiates neither the data nor G.
 */
export function realAndFake(
  data: tf.Tensor2D,
  rows: tf.Tensor1D,
  fake: tf.Tensor2D,
  scale: number,
  shift: number,
): tf.Tensor2D {
  const n = rows.shape[0];
  const cols = data.shape[1];
  const size = (n + fake.shape[0]) * cols;
  const program = elementwise(
    'playgroundRealAndFake',
    size,
    ['DATA', 'ROWS', 'FAKE'],
    'cols : i32, nReal : i32, scale : f32, shift : f32,',
    `let i = index / uniforms.cols;
          if (i < uniforms.nReal) {
            let c = index - i * uniforms.cols;
            result[index] = DATA[ROWS[i] * uniforms.cols + c] * uniforms.scale + uniforms.shift;
          } else {
            result[index] = FAKE[index - uniforms.nReal * uniforms.cols];
          }`,
  );
  return runToTensor(
    program,
    [data, rows, fake],
    [i32(size), i32(cols), i32(n), f32(scale), f32(shift)],
    [n + fake.shape[0], cols],
  ) as tf.Tensor2D;
}
