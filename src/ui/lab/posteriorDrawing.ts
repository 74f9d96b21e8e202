import type { PosteriorView } from '../../workers/train/protocol.ts';
import { drawDensity } from '../compare/codeMapDrawing.ts';
import { tileImages, type RgbaImage } from '../../data/pixels.ts';

// The posterior view's two pictures: a density on the view's grid, shaded against its own
// peak, with q(z|x)'s 1σ and 2σ ellipses over it (drawn on both, so the eye can compare).

export const TRUE_RGB = '31, 120, 180';
export const Q_RGB = '142, 68, 201';

export function drawPosterior(
  ctx: CanvasRenderingContext2D,
  view: PosteriorView,
  values: Float32Array,
  rgb: string,
  size: number,
): void {
  ctx.clearRect(0, 0, size, size);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  const max = values.reduce((m, v) => Math.max(m, v), 0);
  drawDensity(ctx, values, view.res, size, max, rgb);
  const { cx, cy, half } = view.window;
  const scale = size / (2 * half);
  const px = (z0: number) => (z0 - (cx - half)) * scale;
  const py = (z1: number) => (cy + half - z1) * scale;
  ctx.strokeStyle = `rgb(${Q_RGB})`;
  for (const k of [1, 2]) {
    ctx.setLineDash(k === 1 ? [] : [4, 3]);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.ellipse(
      px(view.mu[0]),
      py(view.mu[1]),
      k * view.sigma[0] * scale,
      k * view.sigma[1] * scale,
      0,
      0,
      2 * Math.PI,
    );
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.strokeStyle = '#c5cad3';
  ctx.strokeRect(0.5, 0.5, size - 1, size - 1);
}

/** x as an RGBA image (a digit's gray pixels, or an upload's colours). */
export function xImage(view: PosteriorView): RgbaImage {
  const [height, width, channels] = view.xShape;
  return tileImages(view.x, 1, { height, width, channels }, 1, 0);
}
