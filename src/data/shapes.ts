import type { Rand } from './toy2d.ts';

// A color image set made in code, so the three-channel generators have something to learn
// without a download: one filled shape (disc, square or triangle) per image, at a random
// position, size and hue, on a black background. Images are SIZE×SIZE×3 bytes, row-major HWC.

export const SHAPE_SIZE = 32;
export const SHAPE_KINDS = ['disc', 'square', 'triangle'] as const;

/** HSV (h in [0, 1), s = v = 1 scaled by `value`) to RGB bytes. */
export function hueToRgb(h: number, value = 1): [number, number, number] {
  const k = (n: number) => (n + h * 6) % 6;
  const f = (n: number) => value * (1 - Math.max(0, Math.min(k(n), 4 - k(n), 1)));
  return [Math.round(255 * f(5)), Math.round(255 * f(3)), Math.round(255 * f(1))];
}

/** Whether pixel centre (px, py) lies inside the shape of kind at (cx, cy) with radius r. */
function inside(
  kind: (typeof SHAPE_KINDS)[number],
  px: number,
  py: number,
  cx: number,
  cy: number,
  r: number,
): boolean {
  const dx = px - cx;
  const dy = py - cy;
  if (kind === 'disc') return dx * dx + dy * dy <= r * r;
  if (kind === 'square') return Math.abs(dx) <= r * 0.85 && Math.abs(dy) <= r * 0.85;
  // Upward triangle: apex at (cx, cy − r), base at y = cy + r/2 (an equilateral one).
  const top = cy - r;
  const base = cy + r / 2;
  if (py < top || py > base) return false;
  const halfWidth = ((((py - top) / (base - top)) * r * Math.sqrt(3)) / 2) * 1.15;
  return Math.abs(dx) <= halfWidth;
}

/** n images, SIZE·SIZE·3 bytes each. */
export function generateShapes(n: number, r: Rand): Uint8Array {
  const s = SHAPE_SIZE;
  const out = new Uint8Array(n * s * s * 3);
  for (let i = 0; i < n; i++) {
    const kind = SHAPE_KINDS[Math.floor(r.uniform() * SHAPE_KINDS.length)]!;
    const radius = 5 + r.uniform() * 6; // 5–11 pixels
    const cx = radius + r.uniform() * (s - 2 * radius);
    const cy = radius + r.uniform() * (s - 2 * radius);
    const [red, green, blue] = hueToRgb(r.uniform(), 0.75 + 0.25 * r.uniform());
    const base = i * s * s * 3;
    for (let y = 0; y < s; y++) {
      for (let x = 0; x < s; x++) {
        if (!inside(kind, x + 0.5, y + 0.5, cx, cy, radius)) continue;
        const at = base + (y * s + x) * 3;
        out[at] = red;
        out[at + 1] = green;
        out[at + 2] = blue;
      }
    }
  }
  return out;
}
