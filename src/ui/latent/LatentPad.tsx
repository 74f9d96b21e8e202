import { useEffect, useRef } from 'react';
import { useHiDpiCanvas } from '../hooks/useHiDpiCanvas.ts';
import { drawCrosshair } from '../canvas/crosshair.ts';
import { Z_RANGE } from '../../state/explorer.ts';
import type { RgbaImage } from '../../workers/messages.ts';
import { useText } from '../../i18n/text.ts';

const SIZE = 240;

/**
 * A pad over latent dimensions z₀ (across) and z₁ (up), each in ±Z_RANGE: the decoded grid is
 * drawn behind, and dragging (or the arrow keys) moves the point, decoding as it goes.
 */
export function LatentPad({
  grid,
  z0,
  z1,
  onMove,
}: {
  /** A side × side tile sheet of decoded codes, first row at +Z_RANGE on z₁. */
  grid: RgbaImage | null;
  z0: number;
  z1: number;
  onMove: (z0: number, z1: number) => void;
}) {
  const t = useText();
  const gridCanvas = useRef<OffscreenCanvas | null>(null);

  useEffect(() => {
    if (!grid) return;
    const c = new OffscreenCanvas(grid.width, grid.height);
    c.getContext('2d')!.putImageData(new ImageData(grid.data, grid.width, grid.height), 0, 0);
    gridCanvas.current = c;
  }, [grid]);

  const ref = useHiDpiCanvas(SIZE, (ctx) => {
    ctx.fillStyle = '#282c34';
    ctx.fillRect(0, 0, SIZE, SIZE);
    if (gridCanvas.current) {
      ctx.imageSmoothingEnabled = false; // crisp pixels, like every image on the page
      ctx.globalAlpha = 0.8;
      ctx.drawImage(gridCanvas.current, 0, 0, SIZE, SIZE);
      ctx.globalAlpha = 1;
    }
    drawCrosshair(ctx, ...toPad(z0, z1), 7, '#ffcc33');
  });

  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    onMove(
      ...fromPad(
        ((e.clientX - rect.left) / rect.width) * SIZE,
        ((e.clientY - rect.top) / rect.height) * SIZE,
      ),
    );
  };
  const STEP = 0.1;
  return (
    <canvas
      ref={ref}
      className="latent-pad"
      data-testid="latent-pad"
      style={{ width: SIZE, height: SIZE }}
      tabIndex={0}
      role="slider"
      aria-label={t.explorer.pad}
      aria-valuetext={`z₀ ${z0.toFixed(2)}, z₁ ${z1.toFixed(2)}`}
      aria-valuenow={z0}
      aria-valuemin={-Z_RANGE}
      aria-valuemax={Z_RANGE}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        move(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) move(e);
      }}
      onKeyDown={(e) => {
        const d = {
          ArrowLeft: [-STEP, 0],
          ArrowRight: [STEP, 0],
          ArrowUp: [0, STEP],
          ArrowDown: [0, -STEP],
        }[e.key];
        if (!d) return;
        e.preventDefault();
        onMove(clamp(z0 + d[0]!), clamp(z1 + d[1]!));
      }}
    />
  );
}

const clamp = (v: number) => Math.max(-Z_RANGE, Math.min(Z_RANGE, Math.round(v * 100) / 100));

// The grid's tiles are centred on evenly spaced codes from −Z_RANGE to +Z_RANGE, so the ends of
// the range sit half a tile in from the edges.
const HALF_TILE = SIZE / 16;
const span = SIZE - 2 * HALF_TILE;

function toPad(z0: number, z1: number): [number, number] {
  return [
    HALF_TILE + ((z0 + Z_RANGE) / (2 * Z_RANGE)) * span,
    HALF_TILE + ((Z_RANGE - z1) / (2 * Z_RANGE)) * span,
  ];
}

function fromPad(x: number, y: number): [number, number] {
  return [
    clamp(((x - HALF_TILE) / span) * 2 * Z_RANGE - Z_RANGE),
    clamp(Z_RANGE - ((y - HALF_TILE) / span) * 2 * Z_RANGE),
  ];
}
