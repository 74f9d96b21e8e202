import type { DiracSetup } from '../../config/dirac.ts';
import { diracField } from '../../metrics/diracGan.ts';
import { FAKE_COLOR } from '../colors.ts';

// Drawing the Dirac GAN: the field of one step over (θ, ψ) ∈ [−EXTENT, EXTENT]² as short gray
// arrows, the equilibrium at the centre, and the first `upTo` points of a trajectory.

export const EXTENT = 2;
const ARROWS = 15;

export function drawDirac(
  ctx: CanvasRenderingContext2D,
  setup: DiracSetup,
  path: Float64Array,
  upTo: number,
  size: number,
): void {
  const px = (v: number) => ((v + EXTENT) / (2 * EXTENT)) * size;
  const py = (v: number) => size - px(v);
  ctx.clearRect(0, 0, size, size);
  ctx.strokeStyle = 'rgba(120, 128, 140, 0.45)';
  ctx.lineWidth = 1;
  ctx.beginPath(); // the axes θ = 0 and ψ = 0
  ctx.moveTo(size / 2, 0);
  ctx.lineTo(size / 2, size);
  ctx.moveTo(0, size / 2);
  ctx.lineTo(size, size / 2);
  ctx.stroke();
  // Arrows, all of one length: the field's direction (its size shows in the trajectory).
  const cell = size / ARROWS;
  ctx.strokeStyle = 'rgba(120, 128, 140, 0.8)';
  ctx.beginPath();
  for (let i = 0; i < ARROWS; i++) {
    for (let j = 0; j < ARROWS; j++) {
      const theta = -EXTENT + ((i + 0.5) * 2 * EXTENT) / ARROWS;
      const psi = -EXTENT + ((j + 0.5) * 2 * EXTENT) / ARROWS;
      const [dt, dp] = diracField(setup, theta, psi);
      const len = Math.hypot(dt, dp);
      if (len < 1e-9) continue;
      const ux = (dt / len) * cell * 0.35;
      const uy = (-dp / len) * cell * 0.35;
      const x = px(theta);
      const y = py(psi);
      ctx.moveTo(x - ux, y - uy);
      ctx.lineTo(x + ux, y + uy);
      // the head: two short strokes back from the tip
      ctx.lineTo(x + ux - 0.5 * ux + 0.35 * uy, y + uy - 0.5 * uy - 0.35 * ux);
      ctx.moveTo(x + ux, y + uy);
      ctx.lineTo(x + ux - 0.5 * ux - 0.35 * uy, y + uy - 0.5 * uy + 0.35 * ux);
    }
  }
  ctx.stroke();
  // The trajectory, from (θ₀, ψ₀).
  const n = Math.min(upTo, path.length / 2);
  ctx.strokeStyle = FAKE_COLOR;
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let k = 0; k < n; k++) {
    const x = px(path[2 * k]!);
    const y = py(path[2 * k + 1]!);
    if (k === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
  ctx.fillStyle = FAKE_COLOR;
  ctx.beginPath();
  ctx.arc(px(path[0]!), py(path[1]!), 4, 0, 2 * Math.PI);
  ctx.fill();
  // The equilibrium.
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, 5, 0, 2 * Math.PI);
  ctx.stroke();
}
