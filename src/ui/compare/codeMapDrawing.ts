import type { CodeMap } from '../../workers/train/protocol.ts';
import { CLASS_COLORS } from '../colors.ts';
import { drawCrosshair } from '../canvas/crosshair.ts';

// Drawing a code map on a 2-D canvas: N(0, I) as gray shading, each held-out image's code as a
// dot in its class's color (codes outside the map pinned to its edge), and the shared code z.

const DOT = 2.2;

/** Plane coordinates of a point on a canvas `size` wide, for a map over [−e, e]². */
export const toPlane = (px: number, py: number, size: number, e: number): [number, number] => [
  -e + (2 * e * px) / size,
  e - (2 * e * py) / size,
];

const toCanvas = (z: number, size: number, e: number) =>
  ((Math.max(-e, Math.min(e, z)) + e) / (2 * e)) * size;

/** A density as gray (or `rgb`) shading, scaled to `max`: one rectangle per grid cell. */
export function drawDensity(
  ctx: CanvasRenderingContext2D,
  values: Float32Array,
  res: number,
  size: number,
  max: number,
  rgb: string,
): void {
  const cell = size / res;
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      const a = Math.min(1, values[r * res + c]! / (max || 1));
      if (a < 0.01) continue;
      ctx.fillStyle = `rgba(${rgb}, ${(0.75 * a).toFixed(3)})`;
      ctx.fillRect(c * cell, r * cell, cell + 0.5, cell + 0.5);
    }
  }
}

export function drawCodeMap(
  ctx: CanvasRenderingContext2D,
  map: CodeMap,
  prior: Float32Array,
  priorRes: number,
  z: readonly number[],
  size: number,
): void {
  const e = map.extent;
  ctx.clearRect(0, 0, size, size);
  drawDensity(
    ctx,
    prior,
    priorRes,
    size,
    prior[(priorRes / 2) * priorRes + priorRes / 2] ?? 1,
    '120, 128, 140',
  );
  ctx.strokeStyle = 'rgba(120, 128, 140, 0.5)';
  ctx.lineWidth = 1;
  ctx.beginPath(); // the axes z₀ = 0 and z₁ = 0
  ctx.moveTo(size / 2, 0);
  ctx.lineTo(size / 2, size);
  ctx.moveTo(0, size / 2);
  ctx.lineTo(size, size / 2);
  ctx.stroke();
  const { codes, labels } = map;
  for (let i = 0; i < codes.length / 2; i++) {
    ctx.fillStyle = labels ? CLASS_COLORS[labels[i]! % 10]! : '#1d2330';
    ctx.beginPath();
    ctx.arc(
      toCanvas(codes[2 * i]!, size, e),
      size - toCanvas(codes[2 * i + 1]!, size, e),
      DOT,
      0,
      2 * Math.PI,
    );
    ctx.fill();
  }
  // The shared code: a ring with a cross.
  drawCrosshair(ctx, toCanvas(z[0] ?? 0, size, e), size - toCanvas(z[1] ?? 0, size, e), 6, '#111');
}
