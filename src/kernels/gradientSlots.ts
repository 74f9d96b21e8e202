import type * as tf from '../tf/tfjs.ts';
import { unfilledTensor } from './tfjsInternals.ts';

// Where a kernel may write a weight's gradient straight into the optimizer's flat gradient
// buffer (FusedAdam), instead of returning it as a tensor the optimizer then copies there.
//
// FusedAdam registers a slot for each weight it trains, by the weight's buffer (its dataId: a
// variable assigned a new value gets a new one, and so no slot until the next step registers
// it). A dense layer's gradient (fusedDense.ts) finds the slots of its kernel and bias, writes
// [∂W; ∂b] there in one dispatch, and hands tfjs an unfilled tensor of the right shape for
// each, which the optimizer recognises and skips. Such a tensor must reach nothing but that
// optimizer: each weight is used once in a step's forward pass (no gradient sums), and only
// FusedAdam trains a model built with these kernels on WebGPU.

export interface GradientSlot {
  /** The optimizer's flat gradient buffer. */
  grads: tf.Tensor;
  /** Where this weight's gradient starts in it, in floats. */
  offset: number;
}

const slots = new WeakMap<object, GradientSlot>();
/** Unfilled gradients → the flat buffer their values were written into. */
const written = new WeakMap<tf.Tensor, tf.Tensor>();

export const setGradientSlot = (w: tf.TensorInfo, slot: GradientSlot): void =>
  void slots.set(w.dataId, slot);

export const clearGradientSlot = (w: tf.TensorInfo): void => void slots.delete(w.dataId);

/**
 * The slot of a layer's kernel W and bias b when they are adjacent in one buffer ([∂W; ∂b] in
 * one write), else null.
 */
export function pairSlot(W: tf.TensorInfo, b: tf.TensorInfo): GradientSlot | null {
  const sw = slots.get(W.dataId);
  const sb = slots.get(b.dataId);
  const size = W.shape.reduce((a, c) => a * c, 1);
  return sw && sb && sw.grads === sb.grads && sb.offset === sw.offset + size ? sw : null;
}

/** The stand-in for a gradient written into `slot`. */
export function writtenGradient(shape: number[], slot: GradientSlot): tf.Tensor {
  const t = unfilledTensor(shape);
  written.set(t, slot.grads);
  return t;
}

/** The flat buffer g's values were written into, if g is such a stand-in. */
export const writtenInto = (g: tf.Tensor): tf.Tensor | undefined => written.get(g);
