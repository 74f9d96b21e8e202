import * as tf from '../../tf/tfjs.ts';
import type { DataLabel, HostData } from '../../data/hostData.ts';
import type { DataShape } from '../../models/types.ts';

// A data set on the device: the training rows as one tensor (batches are gathered from it by
// index, never copied from the host per step), the first held-out rows for held-out losses,
// and small host copies for the pictures. Built once per data set; sessions share it.

/** Held-out rows measured for the held-out losses (and the VAE's −ELBO). */
export const EVAL_COUNT = 256;
/** Real images shown on the page (a row of them). */
export const ROW_COUNT = 8;
/** Real points drawn in the 2-D view. */
export const PLANE_POINTS = 500;

export interface DeviceData {
  shape: DataShape;
  /** [trainCount, size]: images in [0, 1], points as (x, y). */
  train: tf.Tensor2D;
  trainCount: number;
  /** The first held-out rows (up to EVAL_COUNT) on the device. */
  heldOutX: tf.Tensor2D;
  heldOutCount: number;
  /** The first training rows: ROW_COUNT images, or PLANE_POINTS points. */
  trainPreview: Float32Array;
  previewCount: number;
  /** The first held-out rows (up to ROW_COUNT), shown above their reconstructions. */
  heldOutPreview: Float32Array;
  /** Every held-out row, on the host (MNIST's 1,000 digits are the quality metrics' reference). */
  heldOut: Float32Array;
  /** The training rows' classes one-hot, [trainCount, 10], when the data have them (MNIST). */
  trainLabels: tf.Tensor2D | null;
  /** The held-out rows' classes when the data have them (MNIST), else null. */
  heldOutLabels: Uint8Array | null;
  /** 2-D data: held-out points to compare generated ones with (PLANE_POINTS of them). */
  heldOutPoints: Float32Array | null;
  description: string;
  label: DataLabel;
}

export function toDevice(host: HostData): DeviceData {
  const shape: DataShape = {
    kind: host.kind,
    height: host.height,
    width: host.width,
    channels: host.channels,
  };
  const size = host.height * host.width * host.channels;
  const evalCount = Math.min(EVAL_COUNT, host.heldOutCount);
  const previewCount = Math.min(host.kind === 'points' ? PLANE_POINTS : ROW_COUNT, host.trainCount);
  return {
    shape,
    train: tf.tensor2d(host.train, [host.trainCount, size]),
    trainCount: host.trainCount,
    heldOutX: tf.tensor2d(host.heldOut.subarray(0, evalCount * size), [evalCount, size]),
    heldOutCount: host.heldOutCount,
    trainPreview: host.train.slice(0, previewCount * size),
    previewCount,
    heldOutPreview: host.heldOut.slice(0, Math.min(ROW_COUNT, evalCount) * size),
    heldOut: host.heldOut,
    heldOutLabels: host.heldOutLabels,
    trainLabels: host.trainLabels
      ? tf.tidy(
          () => tf.oneHot(tf.tensor1d(host.trainLabels!, 'int32'), 10).toFloat() as tf.Tensor2D,
        )
      : null,
    heldOutPoints: host.kind === 'points' ? host.heldOut.slice(0, PLANE_POINTS * 2) : null,
    description: host.description,
    label: host.label,
  };
}

export function disposeDevice(data: DeviceData): void {
  data.train.dispose();
  data.heldOutX.dispose();
  data.trainLabels?.dispose();
}
