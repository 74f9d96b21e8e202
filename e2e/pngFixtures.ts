import { crc32, deflateSync } from 'node:zlib';

// Image files the upload tests make for themselves: a minimal PNG encoder (8-bit RGB, no
// filtering), so nothing binary is committed.

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB PNG of w × h whose pixel (x, y) has the color rgb(x, y). */
export function png(
  w: number,
  h: number,
  rgb: (x: number, y: number) => [number, number, number],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // color type: RGB
  const raw = Buffer.alloc(h * (1 + 3 * w));
  for (let y = 0; y < h; y++) {
    const row = y * (1 + 3 * w); // filter byte 0, then the pixels
    for (let x = 0; x < w; x++) raw.set(rgb(x, y), row + 1 + 3 * x);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A disc of one color on black, like the shapes data set. */
export function discPng(size: number, color: [number, number, number]): Buffer {
  const r = size * 0.35;
  return png(size, size, (x, y) =>
    (x - size / 2) ** 2 + (y - size / 2) ** 2 < r * r ? color : [0, 0, 0],
  );
}

/** A big, flat gray PNG (small as a file, w·h pixels once decoded). */
export function hugePng(side: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8;
  header[9] = 0; // grayscale
  const raw = Buffer.alloc(side * (1 + side), 128);
  for (let y = 0; y < side; y++) raw[y * (1 + side)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG whose header claims side × side gray pixels, with one row of data: a bomb's header. */
export function claimsPng(side: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8;
  header[9] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1 + side))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
