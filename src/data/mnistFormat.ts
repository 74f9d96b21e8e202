// Reads the packed MNIST binary written by scripts/pack-mnist.mjs (after gunzip):
//   header (16 bytes, LE): "MNST", u32 version = 1, u32 count, u16 rows, u16 cols
//   labels: count × u8, then pixels: count × rows × cols × u8 (0–255)

export interface DigitSet {
  count: number;
  rows: number;
  cols: number;
  labels: Uint8Array;
  /** count × rows × cols bytes, row-major. */
  pixels: Uint8Array;
}

export const MNIST_HEADER_BYTES = 16;

export function parseDigitSet(bytes: Uint8Array): DigitSet {
  if (bytes.length < MNIST_HEADER_BYTES) throw new Error('MNIST data: file too short');
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== 'MNST') throw new Error(`MNIST data: bad magic "${magic}"`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== 1) throw new Error(`MNIST data: unknown version ${version}`);
  const count = view.getUint32(8, true);
  const rows = view.getUint16(12, true);
  const cols = view.getUint16(14, true);
  const expected = MNIST_HEADER_BYTES + count + count * rows * cols;
  if (bytes.length !== expected) {
    throw new Error(`MNIST data: expected ${expected} bytes, got ${bytes.length}`);
  }
  const labelsAt = MNIST_HEADER_BYTES;
  const pixelsAt = labelsAt + count;
  return {
    count,
    rows,
    cols,
    labels: bytes.subarray(labelsAt, pixelsAt),
    pixels: bytes.subarray(pixelsAt),
  };
}

/** True when the bytes start with gzip's magic number (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
