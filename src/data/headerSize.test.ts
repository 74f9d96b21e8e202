import { describe, expect, it } from 'vitest';
import { headerSize } from './imageFiles.ts';

// Image sizes read from file headers, so a file that claims a huge image is refused undecoded.

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );
const be32 = (v: number) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const le16 = (v: number) => [v & 255, v >>> 8];
const be16 = (v: number) => [v >>> 8, v & 255];
const le32 = (v: number) => [...le16(v & 0xffff), ...le16(v >>> 16)];

describe('headerSize', () => {
  it('reads PNG, GIF, BMP, JPEG and WebP headers', () => {
    const png = bytes([0x89], 'PNG', [13, 10, 26, 10], be32(13), 'IHDR', be32(30000), be32(20000));
    expect(headerSize(png)).toEqual({ width: 30000, height: 20000 });
    expect(headerSize(bytes('GIF89a', le16(640), le16(480)))).toEqual({ width: 640, height: 480 });
    const bmp = bytes('BM', new Array(16).fill(0), le32(800), le32(-600 >>> 0));
    expect(headerSize(bmp)).toEqual({ width: 800, height: 600 });
    // JPEG: SOI, an APP0 segment of 16 bytes, then SOF0 with height 1200, width 1600.
    const jpeg = bytes(
      [0xff, 0xd8, 0xff, 0xe0],
      be16(16),
      new Array(14).fill(0),
      [0xff, 0xc0],
      be16(17),
      [8],
      be16(1200),
      be16(1600),
      new Array(10).fill(0),
    );
    expect(headerSize(jpeg)).toEqual({ width: 1600, height: 1200 });
    const webp = bytes(
      'RIFF',
      le32(100),
      'WEBP',
      'VP8X',
      le32(10),
      [0, 0, 0, 0],
      [0x1f, 0x4e, 0],
      [0xff, 0x3f, 0],
    );
    expect(headerSize(webp)).toEqual({ width: 20000, height: 16384 });
  });

  it('knows nothing of other files or headers cut short', () => {
    expect(headerSize(bytes('not an image at all, just text'))).toBeNull();
    expect(headerSize(bytes([0x89], 'PNG'))).toBeNull();
    expect(headerSize(new Uint8Array(0))).toBeNull();
    expect(headerSize(bytes([0xff, 0xd8, 0xff, 0xe0], be16(60000)))).toBeNull();
  });
});
