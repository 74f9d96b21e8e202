import {
  dataKind,
  digitsFromMask,
  uploadShape,
  type DataKind,
  type DataSetId,
  type UploadSize,
} from '../config/datasets.ts';
import type { RunConfig } from '../config/schema.ts';
import type { DataShape } from './shape.ts';
import type { DigitSet } from './mnistFormat.ts';
import { deriveSeed, mulberry32 } from './random.ts';
import { generateShapes, SHAPE_SIZE } from './shapes.ts';
import { makeRand, sampleDrawn, sampleToy, type ToySetId } from './toy2d.ts';

// A data set as the worker uploads it: flat float rows (images in [0, 1], HWC; points as
// (x, y)), split into a training part and a held-out part that is never trained on.

export interface HostData {
  kind: DataKind;
  /** Images: height × width × channels. Points: 1 × 2 × 1. */
  height: number;
  width: number;
  channels: number;
  train: Float32Array;
  trainCount: number;
  heldOut: Float32Array;
  heldOutCount: number;
  /** Labels of the held-out rows when the data have them (MNIST), for metrics. */
  heldOutLabels: Uint8Array | null;
  /** Labels of the training rows when the data have them (MNIST), for conditional models. */
  trainLabels: Uint8Array | null;
  /** The data set's name and size in English (for the test handle and logs). */
  description: string;
  /** What the page needs to name the data set in its own words. */
  label: DataLabel;
}

export interface DataLabel {
  set: DataSetId;
  /** MNIST's digits when only some are trained on. */
  digits: number[] | null;
  /** The drawing's points (data = drawn). */
  points: number | null;
}

/** The person's own data, sent by the page: drawn points, decoded uploaded images. */
export interface CustomData {
  /** (x, y) pairs in plane coordinates. */
  drawn: Float32Array | null;
  upload: { size: UploadSize; count: number; pixels: Uint8Array } | null;
}

/**
 * The first MNIST_HELD_OUT digits of the class-interleaved file (100 of each class) are never
 * trained on. (Its tail is not balanced: the classes run out at different points, 5s first.)
 */
export const MNIST_HELD_OUT = 1000;
export const TOY_TRAIN = 10_000;
export const TOY_HELD_OUT = 1_000;
export const SHAPES_TRAIN = 4_000;
export const SHAPES_HELD_OUT = 500;
/** Uploads keep a tenth (at least one image, at most 1,000) for held-out measurements. */
export const uploadHeldOut = (count: number) => Math.min(1000, Math.max(1, Math.round(count / 10)));

/**
 * Bytes 0…255 as floats 0…1, written into `out` from `at`. A plain loop: Float32Array.from with
 * a mapping function calls it once a byte (half a second for the digits).
 */
function bytesToFloats(bytes: Uint8Array, out: Float32Array, at = 0): Float32Array {
  for (let i = 0; i < bytes.length; i++) out[at + i] = bytes[i]! / 255;
  return out;
}
const toFloats = (bytes: Uint8Array) => bytesToFloats(bytes, new Float32Array(bytes.length));

function mnist(set: DigitSet, mask: number): HostData {
  const wanted = new Set(digitsFromMask(mask));
  const pixels = set.rows * set.cols;
  const pick = (from: number, to: number) => {
    const rows: number[] = [];
    for (let i = from; i < to; i++) if (wanted.has(set.labels[i]!)) rows.push(i);
    const out = new Float32Array(rows.length * pixels);
    rows.forEach((r, k) =>
      bytesToFloats(set.pixels.subarray(r * pixels, (r + 1) * pixels), out, k * pixels),
    );
    return { rows, out };
  };
  const held = pick(0, MNIST_HELD_OUT);
  const train = pick(MNIST_HELD_OUT, set.count);
  const which = wanted.size === 10 ? '' : ` (only ${[...wanted].join(', ')})`;
  return {
    kind: 'image',
    height: set.rows,
    width: set.cols,
    channels: 1,
    train: train.out,
    trainCount: train.rows.length,
    heldOut: held.out,
    heldOutCount: held.rows.length,
    heldOutLabels: Uint8Array.from(held.rows, (r) => set.labels[r]!),
    trainLabels: Uint8Array.from(train.rows, (r) => set.labels[r]!),
    description: `MNIST${which}: ${train.rows.length} training and ${held.rows.length} held-out digits`,
    label: { set: 'mnist', digits: wanted.size === 10 ? null : [...wanted], points: null },
  };
}

function points(
  train: Float32Array,
  heldOut: Float32Array,
  description: string,
  label: DataLabel,
): HostData {
  return {
    kind: 'points',
    height: 1,
    width: 2,
    channels: 1,
    train,
    trainCount: train.length / 2,
    heldOut,
    heldOutCount: heldOut.length / 2,
    heldOutLabels: null,
    trainLabels: null,
    description,
    label,
  };
}

function images(
  bytes: Uint8Array,
  count: number,
  heldOutCount: number,
  shape: { height: number; width: number; channels: number },
  description: string,
  label: DataLabel,
): HostData {
  const size = shape.height * shape.width * shape.channels;
  const trainCount = count - heldOutCount;
  return {
    kind: 'image',
    ...shape,
    train: toFloats(bytes.subarray(0, trainCount * size)),
    trainCount,
    heldOut: toFloats(bytes.subarray(trainCount * size, count * size)),
    heldOutCount,
    heldOutLabels: null,
    trainLabels: null,
    description,
    label,
  };
}

/** Data a person must give first: the page says what to do, in its language. */
export type Missing = 'digits' | 'images' | 'drawing';

export class MissingData extends Error {
  constructor(
    readonly missing: Missing,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The data set a config asks for. `digits` must be loaded for MNIST; `custom` must hold the
 * drawn points or uploaded images for those sets. Throws an Error with a message for the page
 * when something is missing.
 */
export function buildHostData(
  config: RunConfig,
  digits: DigitSet | null,
  custom: CustomData,
): HostData {
  const id = config.data;
  const rand = () => makeRand(mulberry32(deriveSeed(config.seed, `data/${id}`)));
  if (id === 'mnist') {
    if (!digits) throw new MissingData('digits', 'The MNIST digits have not loaded.');
    return mnist(digits, config.digits);
  }
  if (id === 'shapes') {
    const bytes = generateShapes(SHAPES_TRAIN + SHAPES_HELD_OUT, rand());
    const shape = { height: SHAPE_SIZE, width: SHAPE_SIZE, channels: 3 };
    return images(
      bytes,
      SHAPES_TRAIN + SHAPES_HELD_OUT,
      SHAPES_HELD_OUT,
      shape,
      'Colored shapes: 4000 training and 500 held-out images',
      { set: 'shapes', digits: null, points: null },
    );
  }
  if (id === 'upload') {
    const up = custom.upload;
    if (!up || up.count < 2)
      throw new MissingData(
        'images',
        'Add at least two images of your own first (pick files or drop them on the page).',
      );
    const held = uploadHeldOut(up.count);
    return images(
      up.pixels,
      up.count,
      held,
      uploadShape(up.size),
      `Your images: ${up.count - held} training and ${held} held-out`,
      { set: 'upload', digits: null, points: null },
    );
  }
  const r = rand();
  if (id === 'drawn') {
    if (!custom.drawn || custom.drawn.length < 2)
      throw new MissingData('drawing', 'Draw some points first: the drawing canvas is empty.');
    const train = sampleDrawn(custom.drawn, TOY_TRAIN, config.spread, r);
    const heldOut = sampleDrawn(custom.drawn, TOY_HELD_OUT, config.spread, r);
    return points(
      train,
      heldOut,
      `Your drawing: ${custom.drawn.length / 2} points, ${TOY_TRAIN} samples`,
      { set: 'drawn', digits: null, points: custom.drawn.length / 2 },
    );
  }
  if (dataKind(id) !== 'points') throw new Error(`unknown data set ${id}`);
  const toy = id as ToySetId;
  return points(
    sampleToy(toy, TOY_TRAIN, r),
    sampleToy(toy, TOY_HELD_OUT, r),
    `${id}: ${TOY_TRAIN} samples`,
    { set: id, digits: null, points: null },
  );
}

/** The part of a config that decides the data: a new data set is built only when it changes. */
export function dataKey(config: RunConfig): string {
  const { data, seed } = config;
  if (data === 'mnist') return `mnist/${config.digits}`;
  if (data === 'upload') return `upload`;
  if (data === 'drawn') return `drawn/${seed}/${config.spread}`;
  return `${data}/${seed}`;
}

/** The shape of the data a config asks for, known before any data is built. */
export function dataShapeFor(config: RunConfig): DataShape {
  if (dataKind(config.data) === 'points')
    return { kind: 'points', height: 1, width: 2, channels: 1 };
  if (config.data === 'shapes')
    return { kind: 'image', height: SHAPE_SIZE, width: SHAPE_SIZE, channels: 3 };
  if (config.data === 'upload') return { kind: 'image', ...uploadShape(config.usize) };
  return { kind: 'image', height: 28, width: 28, channels: 1 };
}
