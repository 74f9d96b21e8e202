import { PLANE_EXTENT } from './datasets.ts';

// The points of a draw-your-own data set: limits, a starting drawing, and their compact form in
// the link (`pts=`): each coordinate quantised to one byte over [−PLANE_EXTENT, PLANE_EXTENT]
// (a step of 4/255 ≈ 0.016, finer than the spread around each point), base64url-encoded.

export const MAX_DRAWN = 400;

/** A smiley, so that "Draw your own" shows something before the person draws. */
export function defaultDrawing(): Float32Array {
  const out: number[] = [];
  const arc = (cx: number, cy: number, r: number, from: number, to: number, n: number) => {
    for (let i = 0; i < n; i++) {
      const a = from + ((to - from) * i) / (n - 1);
      out.push(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
  };
  arc(0, 0, 1.3, 0, 2 * Math.PI * (1 - 1 / 40), 40); // face
  arc(-0.45, 0.4, 0.12, 0, 2 * Math.PI * (1 - 1 / 8), 8); // eyes
  arc(0.45, 0.4, 0.12, 0, 2 * Math.PI * (1 - 1 / 8), 8);
  arc(0, 0, 0.75, Math.PI * 1.15, Math.PI * 1.85, 16); // mouth
  return asInLink(Float32Array.from(out));
}

const quantise = (v: number) =>
  Math.round(
    ((Math.min(PLANE_EXTENT, Math.max(-PLANE_EXTENT, v)) + PLANE_EXTENT) / (2 * PLANE_EXTENT)) *
      255,
  );
const dequantise = (b: number) => (b / 255) * 2 * PLANE_EXTENT - PLANE_EXTENT;

export function encodePoints(points: Float32Array): string {
  const bytes = Uint8Array.from(points.subarray(0, 2 * MAX_DRAWN), quantise);
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The drawing as the link carries it (one byte a coordinate), so a link trains on the same. */
export function asInLink(points: Float32Array): Float32Array {
  return decodePoints(encodePoints(points)) ?? new Float32Array(0);
}

/** The points of a `pts=` value, or null when it is not one (the caller says so). */
export function decodePoints(text: string): Float32Array | null {
  if (text.length === 0 || text.length > Math.ceil((2 * MAX_DRAWN * 4) / 3) + 4) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let raw: string;
  try {
    raw = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  if (raw.length < 2 || raw.length % 2 !== 0) return null;
  return Float32Array.from(raw, (ch) => dequantise(ch.charCodeAt(0)));
}
