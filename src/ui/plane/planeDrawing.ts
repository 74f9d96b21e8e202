import type { PlaneView } from '../../workers/train/protocol.ts';
import { ARROW_COLOR, FAKE_COLOR, MANIFOLD_COLOR, REAL_COLOR, rgb } from '../colors.ts';

// Drawing the 2-D view on a canvas, layer by layer (GAN Lab's picture, in 2-D canvas calls).
// Plane coordinates (x right, y up, [−extent, extent]²) map to the canvas square.

export type PlaneLayer = 'heat' | 'manifold' | 'real' | 'fake' | 'arrows';
export const PLANE_LAYERS: readonly PlaneLayer[] = ['heat', 'manifold', 'real', 'fake', 'arrows'];

/** Canvas pixel of a plane point, for a canvas `size` pixels square. */
export function toCanvas(x: number, y: number, extent: number, size: number): [number, number] {
  return [((x + extent) / (2 * extent)) * size, ((extent - y) / (2 * extent)) * size];
}

/** Plane point of a canvas pixel (the inverse of toCanvas). */
export function toPlane(px: number, py: number, extent: number, size: number): [number, number] {
  return [(px / size) * 2 * extent - extent, extent - (py / size) * 2 * extent];
}

/**
 * D's values as RGBA: green where D says "real", purple where it says "fake", white at the
 * boundary (0.5). Raw critic scores (WGAN) are first scaled to [0, 1] by their range.
 */
export function heatPixels(
  values: Float32Array,
  probability: boolean,
): Uint8ClampedArray<ArrayBuffer> {
  let lo = 0;
  let hi = 1;
  if (!probability) {
    lo = Infinity;
    hi = -Infinity;
    for (const v of values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (!(hi > lo)) hi = lo + 1;
  }
  const real = rgb(REAL_COLOR);
  const fake = rgb(FAKE_COLOR);
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const p = Math.min(1, Math.max(0, (values[i]! - lo) / (hi - lo)));
    const tint = p >= 0.5 ? real : fake;
    const strength = Math.abs(p - 0.5) * 2 * 0.55; // never fully saturated: points stay visible
    for (let c = 0; c < 3; c++) out[4 * i + c] = 255 + (tint[c]! - 255) * strength;
    out[4 * i + 3] = 255;
  }
  return out;
}

/** Filled dots at plane points. */
export function dots(
  ctx: CanvasRenderingContext2D,
  points: Float32Array,
  color: string,
  extent: number,
  size: number,
  radius: number,
): void {
  ctx.fillStyle = color;
  ctx.beginPath();
  for (let i = 0; i + 1 < points.length; i += 2) {
    const [x, y] = toCanvas(points[i]!, points[i + 1]!, extent, size);
    ctx.moveTo(x + radius, y);
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
  }
  ctx.fill();
}

/** The heatmap's cells, one pixel each, reused from draw to draw (stretched onto the plane). */
let heatTile: OffscreenCanvas | null = null;

function heatCanvas(res: number): OffscreenCanvas {
  if (heatTile?.width !== res) heatTile = new OffscreenCanvas(res, res);
  return heatTile;
}

export function drawPlane(
  ctx: CanvasRenderingContext2D,
  view: PlaneView,
  layers: ReadonlySet<PlaneLayer>,
  size: number,
): void {
  const e = view.extent;
  ctx.clearRect(0, 0, size, size);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size, size);
  if (layers.has('heat') && view.heat) {
    const { res, values, probability } = view.heat;
    const tile = heatCanvas(res);
    tile.getContext('2d')!.putImageData(new ImageData(heatPixels(values, probability), res), 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(tile, 0, 0, size, size);
  }
  if (layers.has('manifold')) {
    const { side, points } = view.manifold;
    ctx.strokeStyle = MANIFOLD_COLOR;
    ctx.lineWidth = 1;
    ctx.beginPath();
    const at = (r: number, c: number) =>
      toCanvas(points[2 * (r * side + c)]!, points[2 * (r * side + c) + 1]!, e, size);
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        const [x, y] = at(r, c);
        if (c > 0) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
      }
    }
    for (let c = 0; c < side; c++) {
      for (let r = 0; r < side; r++) {
        const [x, y] = at(r, c);
        if (r > 0) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
      }
    }
    ctx.stroke();
  }
  if (layers.has('real')) dots(ctx, view.real, hexAlpha(REAL_COLOR, 0.7), e, size, 2.2);
  if (layers.has('fake')) dots(ctx, view.fake, hexAlpha(FAKE_COLOR, 0.75), e, size, 2.2);
  if (layers.has('arrows') && view.arrows) drawArrows(ctx, view.arrows, e, size);
}

function drawArrows(
  ctx: CanvasRenderingContext2D,
  { from, push }: NonNullable<PlaneView['arrows']>,
  extent: number,
  size: number,
): void {
  // Lengths relative to the longest arrow, so they stay readable as gradients shrink.
  let longest = 0;
  for (let i = 0; i + 1 < push.length; i += 2)
    longest = Math.max(longest, Math.hypot(push[i]!, push[i + 1]!));
  if (!(longest > 0)) return;
  const maxLen = 0.12 * size;
  ctx.strokeStyle = ARROW_COLOR;
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  for (let i = 0; i + 1 < from.length; i += 2) {
    const [x, y] = toCanvas(from[i]!, from[i + 1]!, extent, size);
    const k = maxLen / longest;
    const dx = push[i]! * k;
    const dy = -push[i + 1]! * k; // canvas y grows downward
    const len = Math.hypot(dx, dy);
    if (len < 1) continue;
    const [tx, ty] = [x + dx, y + dy];
    ctx.moveTo(x, y);
    ctx.lineTo(tx, ty);
    // Arrow head: two short strokes back from the tip.
    const ux = dx / len;
    const uy = dy / len;
    const h = Math.min(5, len / 2);
    ctx.moveTo(tx, ty);
    ctx.lineTo(tx - h * (ux + 0.5 * uy), ty - h * (uy - 0.5 * ux));
    ctx.moveTo(tx, ty);
    ctx.lineTo(tx - h * (ux - 0.5 * uy), ty - h * (uy + 0.5 * ux));
  }
  ctx.stroke();
}

function hexAlpha(hex: string, alpha: number): string {
  const [r, g, b] = rgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** A white square with its two axes through the centre. */
export function drawAxes(ctx: CanvasRenderingContext2D, size: number, color: string): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, size / 2);
  ctx.lineTo(size, size / 2);
  ctx.moveTo(size / 2, 0);
  ctx.lineTo(size / 2, size);
  ctx.stroke();
}

/** Extent of the latent panel: codes in [−3, 3]², where N(0, I) puts nearly all its mass. */
export const CODE_EXTENT = 3;

/** The codes of real points in (z₀, z₁), over the 1σ and 2σ circles of the prior N(0, I). */
export function drawCodes(ctx: CanvasRenderingContext2D, codes: Float32Array, size: number): void {
  const e = CODE_EXTENT;
  drawAxes(ctx, size, 'rgba(60, 70, 90, 0.35)');
  ctx.setLineDash([4, 4]);
  for (const r of [1, 2]) {
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, (r / (2 * e)) * size, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  dots(ctx, codes, hexAlpha(REAL_COLOR, 0.7), e, size, 2);
}

/**
 * The optimal discriminator D* as the learned D's heatmap is drawn (green: "real", purple:
 * "fake", white at ½), with the real and generated points over it.
 */
export function drawOptimal(ctx: CanvasRenderingContext2D, view: PlaneView, size: number): void {
  if (!view.optimal) return;
  const { res, values } = view.optimal;
  const e = view.extent;
  ctx.clearRect(0, 0, size, size);
  const tile = heatCanvas(res);
  tile.getContext('2d')!.putImageData(new ImageData(heatPixels(values, true), res), 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(tile, 0, 0, size, size);
  dots(ctx, view.real, hexAlpha(REAL_COLOR, 0.6), e, size, 1.5);
  dots(ctx, view.fake, hexAlpha(FAKE_COLOR, 0.6), e, size, 1.5);
}

/** The posterior view's x: a ringed cross on the plane. */
export function drawPick(
  ctx: CanvasRenderingContext2D,
  at: { x: number; y: number },
  extent: number,
  size: number,
): void {
  const [px, py] = toCanvas(at.x, at.y, extent, size);
  ctx.strokeStyle = '#1f78b4';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(px, py, 7, 0, 2 * Math.PI);
  ctx.moveTo(px - 11, py);
  ctx.lineTo(px + 11, py);
  ctx.moveTo(px, py - 11);
  ctx.lineTo(px, py + 11);
  ctx.stroke();
}
