import type * as tf from '../../tf/tfjs.ts';

// What a model file may be before the page reads it. The limits are checked before the costly
// work (parsing JSON, decoding bytes), so a hostile file gets a sentence, not a stack overflow;
// each weight is checked (name, shape, type, length, every value finite) before any goes into a
// model. A file the page exported is far inside every limit: its largest network (dense, four
// layers of 1,024 units on 32×32 color images) has 14 weight arrays and about 25 MB.

export const IMPORT_LIMITS = {
  /** Files chosen at once (a model has at most two networks, each a .json and a .bin). */
  files: 32,
  /** One model.json (the page's are a few kB). */
  jsonBytes: 4 * 2 ** 20,
  /** Nesting of [ and { in a model.json (the page's reach about 10). */
  jsonDepth: 64,
  /** Weight arrays listed in one model.json. */
  weightSpecs: 512,
  /** Dimensions of one weight array. */
  rank: 8,
  /** All chosen files together. */
  totalBytes: 256 * 2 ** 20,
  /** A weight's name, and the saved link's length. */
  nameLength: 512,
  linkLength: 1 << 20,
} as const;

/** A problem with a file the person chose, said so that the page can show it as it is. */
export class ModelFileError extends Error {}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** Throws unless the chosen files are few and small enough to read. */
export function checkFileSizes(files: readonly { name: string; bytes: Uint8Array }[]): void {
  if (files.length > IMPORT_LIMITS.files) {
    throw new ModelFileError(
      `${files.length} files were chosen; a model's files are at most ${IMPORT_LIMITS.files}`,
    );
  }
  const total = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (total > IMPORT_LIMITS.totalBytes) {
    throw new ModelFileError(
      `the files hold ${mib(total)}; the largest model of this page needs far less than ${mib(IMPORT_LIMITS.totalBytes)}`,
    );
  }
}

/**
 * The deepest nesting of arrays and objects in JSON text (outside strings), counted without
 * parsing; it stops at limit + 1, so a file of a million brackets costs one pass.
 */
export function jsonDepth(text: string, limit: number = IMPORT_LIMITS.jsonDepth): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** JSON text parsed after its size and nesting are checked; `file` names it in messages. */
export function parseModelJson(file: string, bytes: Uint8Array): unknown {
  if (bytes.byteLength > IMPORT_LIMITS.jsonBytes) {
    throw new ModelFileError(
      `${file} is ${mib(bytes.byteLength)}; a model.json of this page is a few kB (at most ${mib(IMPORT_LIMITS.jsonBytes)} is read)`,
    );
  }
  const text = new TextDecoder().decode(bytes);
  if (jsonDepth(text) > IMPORT_LIMITS.jsonDepth) {
    throw new ModelFileError(
      `${file} is nested more than ${IMPORT_LIMITS.jsonDepth} levels deep, so it is not a model.json`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ModelFileError(`${file} is not JSON, so not a tfjs model.json`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const QUANTIZED = ['uint8', 'uint16', 'float16'] as const;

/**
 * A weight entry of a weightsManifest, checked for its form: a name, a shape of whole numbers,
 * a dtype, and at most a known quantization. Values are never put into a message unchecked (an
 * object there can make string conversion itself throw).
 */
export function checkSpec(spec: unknown, file: string, index: number): tf.io.WeightsManifestEntry {
  const where = `${file}: weight ${index + 1}`;
  if (!isRecord(spec)) throw new ModelFileError(`${where} is not a weight description`);
  const { name, shape, dtype, quantization } = spec;
  if (typeof name !== 'string' || name.length === 0 || name.length > IMPORT_LIMITS.nameLength) {
    throw new ModelFileError(`${where} has no name`);
  }
  if (
    !Array.isArray(shape) ||
    shape.length > IMPORT_LIMITS.rank ||
    !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)
  ) {
    throw new ModelFileError(`${where} (${name}) has no shape of whole numbers`);
  }
  if (typeof dtype !== 'string') throw new ModelFileError(`${where} (${name}) has no dtype`);
  if (quantization !== undefined) {
    if (!isRecord(quantization) || !QUANTIZED.includes(quantization.dtype as 'uint8')) {
      throw new ModelFileError(`${where} (${name}) has an unknown quantization`);
    }
    const { scale, min } = quantization;
    const bad = (v: unknown) => v !== undefined && !(typeof v === 'number' && Number.isFinite(v));
    if (bad(scale) || bad(min)) {
      throw new ModelFileError(`${where} (${name}) has a quantization scale that is not a number`);
    }
  }
  return spec as unknown as tf.io.WeightsManifestEntry;
}

/** Bytes per value of a weight as stored: its quantised type, else 4 (float32). */
export function bytesPer(spec: tf.io.WeightsManifestEntry): number {
  const q = spec.quantization?.dtype;
  return q === 'uint8' ? 1 : q === 'uint16' || q === 'float16' ? 2 : 4;
}

const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Whether every value of one weight, stored at `offset` in `bytes`, is finite once decoded:
 * float32 read directly, float16 by its exponent bits, uint8/uint16 by the largest value their
 * scale and minimum can give.
 */
export function allFinite(
  bytes: ArrayBuffer,
  offset: number,
  spec: tf.io.WeightsManifestEntry,
): boolean {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const q = spec.quantization;
  if (!q) {
    const view = new DataView(bytes, offset, count * 4);
    for (let i = 0; i < count; i++)
      if (!Number.isFinite(view.getFloat32(4 * i, true))) return false;
    return true;
  }
  if (q.dtype === 'float16') {
    const view = new DataView(bytes, offset, count * 2);
    // Exponent bits all ones: ±∞ or NaN.
    for (let i = 0; i < count; i++)
      if ((view.getUint16(2 * i, true) & 0x7c00) === 0x7c00) return false;
    return true;
  }
  const top = q.dtype === 'uint8' ? 255 : 65535;
  return Math.abs(q.scale ?? 1) * top + Math.abs(q.min ?? 0) <= FLOAT32_MAX;
}
