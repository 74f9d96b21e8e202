import * as tf from '../tf/tfjs.ts';

// Conditional models (the article's conditional probability p(x|y)): the class y, one-hot,
// joins a network's input beside x or z, so one network learns a distribution per class.

/** MNIST's ten digit classes. */
export const CLASSES = 10;

/** Each row's class one-hot ([n, 10]): `classes[i]`, or i mod 10 (every class in turn). */
export function classRows(n: number, classes?: ArrayLike<number> | null): tf.Tensor2D {
  return tf.tidy(() => {
    const ids = Int32Array.from({ length: n }, (_, i) => (classes ? classes[i]! : i % CLASSES));
    return tf.oneHot(tf.tensor1d(ids, 'int32'), CLASSES).toFloat() as tf.Tensor2D;
  });
}

/** Classes drawn uniformly from seeded noise u ∈ [0, 1) ([n, 1]), one-hot. */
export function randomClasses(u: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const ids = u
      .mul(CLASSES)
      .floor()
      .clipByValue(0, CLASSES - 1)
      .reshape([-1])
      .toInt();
    return tf.oneHot(ids as tf.Tensor1D, CLASSES).toFloat() as tf.Tensor2D;
  });
}

/** [a, y]: a network's input with the class beside it. */
export const withClass = (a: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D =>
  tf.concat([a, y], 1) as tf.Tensor2D;

/** The classes of rows of x that a conditional model was given, or why it cannot go on. */
export function givenClasses(
  n: number,
  classes: ArrayLike<number> | null | undefined,
): tf.Tensor2D {
  if (!classes || classes.length < n) {
    throw new Error('A conditional model needs the class of each x: train it on MNIST.');
  }
  return classRows(n, classes);
}
