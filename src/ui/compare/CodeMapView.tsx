import { memo, useMemo, type PointerEvent } from 'react';
import { priorDensity } from '../../metrics/latentDensity.ts';
import type { CodeMap } from '../../workers/train/protocol.ts';
import { useHiDpiCanvas } from '../hooks/useHiDpiCanvas.ts';
import { useText } from '../../i18n/text.ts';
import { CLASS_COLORS } from '../colors.ts';
import { drawCodeMap, toPlane } from './codeMapDrawing.ts';

const SIZE = 220;
const PRIOR_RES = 40;

/**
 * Where an encoder puts held-out digits in its 2-D latent plane, over N(0, I). Hovering (a
 * mouse) or dragging (any pointer) sets the shared code, so every model decodes that point.
 */
export const CodeMapView = memo(function CodeMapView({
  map,
  z,
  name,
  onPick,
  testId,
}: {
  map: CodeMap;
  z: readonly number[];
  name: string;
  onPick: (z0: number, z1: number) => void;
  testId: string;
}) {
  const t = useText();
  const prior = useMemo(() => priorDensity(PRIOR_RES, map.extent), [map.extent]);
  const ref = useHiDpiCanvas(SIZE, (ctx) => drawCodeMap(ctx, map, prior, PRIOR_RES, z, SIZE));
  const pick = (e: PointerEvent<HTMLCanvasElement>, pressed: boolean) => {
    // A mouse decodes where it hovers; a finger or pen where it touches and drags.
    if (e.pointerType !== 'mouse' && !pressed) return;
    const box = e.currentTarget.getBoundingClientRect();
    const [z0, z1] = toPlane(
      ((e.clientX - box.left) / box.width) * SIZE,
      ((e.clientY - box.top) / box.height) * SIZE,
      SIZE,
      map.extent,
    );
    onPick(Math.round(z0 * 100) / 100, Math.round(z1 * 100) / 100);
  };
  return (
    <figure className="code-map">
      <canvas
        ref={ref}
        className="code-map-canvas"
        data-testid={testId}
        role="img"
        aria-label={t.compare.map.label(name)}
        style={{ width: SIZE, height: SIZE }}
        onPointerMove={(e) => pick(e, e.buttons !== 0)}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          pick(e, true);
        }}
      />
      <figcaption className="small-text">
        <span className="muted">{t.compare.map.axes(map.extent)} </span>
        {map.labels ? (
          <span className="class-legend">
            {t.compare.map.legend}{' '}
            {CLASS_COLORS.map((c, d) => (
              <span key={d} className="class-chip" style={{ color: c }}>
                ● {d}
              </span>
            ))}
          </span>
        ) : null}
        {map.outside > 0.005 ? (
          <span className="muted"> {t.compare.map.outside(map.outside, map.extent)}</span>
        ) : null}
      </figcaption>
    </figure>
  );
});
