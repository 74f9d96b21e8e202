import type { RgbaImage } from '../../workers/messages.ts';
import { FAKE_COLOR, REAL_COLOR } from '../colors.ts';

// The model-overview graph's thumbnails, each on a small square canvas: an image (or part of
// one) scaled to fit, a point cloud, bars per latent dimension, two histograms of D's readout.

/** Part of an image: rows from `top` to `bottom` of its height, columns up to `right` of its width. */
export interface Crop {
  top: number;
  bottom: number;
  right?: number;
}

export function drawImage(
  ctx: CanvasRenderingContext2D,
  image: RgbaImage,
  size: number,
  crop: Crop = { top: 0, bottom: 1 },
): void {
  const source = document.createElement('canvas');
  source.width = image.width;
  source.height = image.height;
  source.getContext('2d')!.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  const sy = Math.round(crop.top * image.height);
  const sh = Math.round(crop.bottom * image.height) - sy;
  const sw = Math.round((crop.right ?? 1) * image.width);
  const scale = Math.min(size / sw, size / sh);
  const [w, h] = [sw * scale, sh * scale];
  ctx.clearRect(0, 0, size, size);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(source, 0, sy, sw, sh, (size - w) / 2, (size - h) / 2, w, h);
}

/** (x, y) pairs as dots over [−extent, extent]², with the axes. */
export function drawCloud(
  ctx: CanvasRenderingContext2D,
  pairs: Float32Array,
  size: number,
  color: string,
  extent = cloudExtent(pairs),
): void {
  ctx.clearRect(0, 0, size, size);
  ctx.strokeStyle = '#d5d9e0';
  ctx.beginPath();
  ctx.moveTo(size / 2, 0);
  ctx.lineTo(size / 2, size);
  ctx.moveTo(0, size / 2);
  ctx.lineTo(size, size / 2);
  ctx.stroke();
  ctx.fillStyle = color;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const x = ((pairs[i]! + extent) / (2 * extent)) * size;
    const y = ((extent - pairs[i + 1]!) / (2 * extent)) * size;
    ctx.fillRect(x - 1, y - 1, 2, 2);
  }
}

/** A square half-width that holds nearly all points, at least 3 (N(0, I)'s ±3). */
export function cloudExtent(pairs: Float32Array): number {
  const abs = Float32Array.from(pairs, Math.abs).sort();
  const q = abs.length ? abs[Math.floor(0.98 * (abs.length - 1))]! * 1.1 : 0;
  return Math.max(3, q);
}

/**
 * One bar per value, scaled to the largest (or to `reference` when all are below it), with a
 * dashed line at `reference` (σ = 1, the prior's, for σ; none for KL).
 */
export function drawBars(
  ctx: CanvasRenderingContext2D,
  values: Float32Array,
  size: number,
  reference: number | null = 1,
): void {
  ctx.clearRect(0, 0, size, size);
  const max = Math.max(reference ?? 0, ...values) || 1;
  const n = Math.min(values.length, 32);
  const w = size / n;
  ctx.fillStyle = FAKE_COLOR;
  for (let i = 0; i < n; i++) {
    const h = (values[i]! / max) * (size - 4);
    ctx.fillRect(i * w + 1, size - h, Math.max(1, w - 2), h);
  }
  if (reference === null) return;
  // σ = 1, the prior's: the level an unused latent unit sits at.
  ctx.strokeStyle = '#7a8290';
  ctx.setLineDash([3, 2]);
  ctx.beginPath();
  ctx.moveTo(0, size - (reference / max) * (size - 4));
  ctx.lineTo(size, size - (reference / max) * (size - 4));
  ctx.stroke();
  ctx.setLineDash([]);
}

/** D's readout on real rows (green) and on G(z) (purple), as two histograms over one range. */
export function drawScores(
  ctx: CanvasRenderingContext2D,
  real: Float32Array,
  fake: Float32Array,
  probability: boolean,
  size: number,
): void {
  ctx.clearRect(0, 0, size, size);
  let [lo, hi] = [0, 1];
  if (!probability) {
    lo = Math.min(...real, ...fake);
    hi = Math.max(...real, ...fake);
    if (!(hi > lo)) hi = lo + 1;
  }
  const bins = 20;
  const counts = (v: Float32Array) => {
    const c = new Array<number>(bins).fill(0);
    for (const s of v)
      c[Math.min(bins - 1, Math.max(0, Math.floor(((s - lo) / (hi - lo)) * bins)))]! += 1;
    return c;
  };
  const [r, f] = [counts(real), counts(fake)];
  const max = Math.max(...r, ...f, 1);
  const w = size / bins;
  for (const [c, color] of [
    [f, FAKE_COLOR],
    [r, REAL_COLOR],
  ] as const) {
    ctx.globalAlpha = 0.6;
    ctx.fillStyle = color;
    c.forEach((n, i) => {
      const h = (n / max) * (size - 4);
      ctx.fillRect(i * w, size - h, w - 1, h);
    });
  }
  ctx.globalAlpha = 1;
  if (probability) {
    // D = ½: where D cannot tell real from generated (the equilibrium's value).
    ctx.strokeStyle = '#1d2330';
    ctx.setLineDash([3, 2]);
    ctx.beginPath();
    ctx.moveTo(size / 2, 0);
    ctx.lineTo(size / 2, size);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}
