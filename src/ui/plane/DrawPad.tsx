import { useRef, useState } from 'react';
import { useHiDpiCanvas } from '../hooks/useHiDpiCanvas.ts';
import { PLANE_EXTENT } from '../../config/datasets.ts';
import { defaultDrawing, MAX_DRAWN } from '../../config/drawing.ts';
import { DRAWN_COLOR } from '../colors.ts';
import { dots, drawAxes, toPlane } from './planeDrawing.ts';
import { useText } from '../../i18n/text.ts';

const SIZE = 240;
/** Points closer than this (plane units) to the last one of a stroke are skipped. */
const MIN_GAP = 0.05;

/**
 * Draw-your-own data: drag on the pad to paint where the data is. The drawing becomes the data
 * set when the person presses "Train on this drawing" (each sample is a drawn point plus a
 * little Gaussian noise, the "spread" control).
 */
export function DrawPad({
  drawn,
  onUse,
}: {
  drawn: Float32Array;
  onUse: (points: Float32Array) => void;
}) {
  const t = useText();
  const [points, setPoints] = useState<number[]>(() => Array.from(drawn));
  const stroke = useRef<[number, number] | null>(null);
  // A drawing put to use comes back as the link stores it (bytes): show exactly that
  // (React's "adjust state when a prop changes" pattern, during render).
  const [shownDrawn, setShownDrawn] = useState(drawn);
  if (shownDrawn !== drawn) {
    setShownDrawn(drawn);
    setPoints(Array.from(drawn));
  }

  const ref = useHiDpiCanvas(SIZE, (ctx) => {
    drawAxes(ctx, SIZE, '#e3e6eb');
    dots(ctx, Float32Array.from(points), DRAWN_COLOR, PLANE_EXTENT, SIZE, 3);
  });

  const add = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const p = toPlane(
      ((e.clientX - rect.left) / rect.width) * SIZE,
      ((e.clientY - rect.top) / rect.height) * SIZE,
      PLANE_EXTENT,
      SIZE,
    );
    const last = stroke.current;
    if (last && Math.hypot(p[0] - last[0], p[1] - last[1]) < MIN_GAP) return;
    stroke.current = p;
    setPoints((old) => (old.length >= 2 * MAX_DRAWN ? old : [...old, p[0], p[1]]));
  };

  const count = points.length / 2;
  const changed =
    points.length !== drawn.length || points.some((v, i) => Math.abs(v - drawn[i]!) > 1e-6);
  return (
    <div className="draw-pad">
      <canvas
        ref={ref}
        data-testid="draw-pad"
        className="plane-canvas draw-canvas"
        style={{ width: SIZE, height: SIZE }}
        aria-label={t.plane.drawPad}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          stroke.current = null;
          add(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons & 1) add(e);
        }}
        onPointerUp={() => {
          stroke.current = null;
        }}
      />
      <p className="muted small-text" aria-live="polite">
        {t.plane.drawCount(count, MAX_DRAWN, changed)}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={count < 1 || !changed}
          onClick={() => onUse(Float32Array.from(points))}
        >
          {t.plane.useDrawing}
        </button>
        <button type="button" onClick={() => setPoints([])} disabled={count === 0}>
          {t.plane.clear}
        </button>
        <button type="button" onClick={() => setPoints(Array.from(defaultDrawing()))}>
          {t.plane.smiley}
        </button>
      </div>
    </div>
  );
}
