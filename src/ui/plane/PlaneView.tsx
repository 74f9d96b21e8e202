import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { fitCanvas, useHiDpiCanvas } from '../hooks/useHiDpiCanvas.ts';
import type { PlaneView as PlaneData } from '../../workers/train/protocol.ts';
import { FAKE_COLOR, REAL_COLOR } from '../colors.ts';
import {
  drawCodes,
  drawOptimal,
  drawPick,
  drawPlane,
  toPlane,
  PLANE_LAYERS,
  type PlaneLayer,
} from './planeDrawing.ts';
import { useText } from '../../i18n/text.ts';

const SIZE = 360;
const CODE_SIZE = 180;
/** Slow motion: how long the points take to move to their new places. */
const TWEEN_MS = 700;

/**
 * GAN Lab's 2-D view: real and generated points, D's heatmap, G's manifold and gradient
 * arrows, each a layer the person can switch off. For the VAE and the autoencoder, a second
 * panel shows where real points land in latent space.
 */
export const PlaneView = memo(function PlaneView({
  view,
  family,
  pick = null,
  onPick,
  animate = false,
}: {
  view: PlaneData;
  family: 'gan' | 'vae' | 'ae';
  /** The x of the posterior view, marked on the plane (null: none). */
  pick?: { x: number; y: number } | null;
  /** A click on the plane chooses x there (the posterior view is open). */
  onPick?: (x: number, y: number) => void;
  /** Slow motion: generated points move from the last view's places to this one's. */
  animate?: boolean;
}) {
  const t = useText();
  const [layers, setLayers] = useState<ReadonlySet<PlaneLayer>>(() => new Set(PLANE_LAYERS));
  // The tween: where the generated points were in the last view, and when this one came.
  const last = useRef<Float32Array | null>(null);
  const tween = useRef<{ from: Float32Array; start: number } | null>(null);
  useLayoutEffect(() => {
    const from = last.current;
    tween.current =
      animate && from && from.length === view.fake.length && from !== view.fake
        ? { from, start: performance.now() }
        : null;
    last.current = view.fake;
  }, [view, animate]);
  const frame = (ctx: CanvasRenderingContext2D) => {
    let shown = view;
    const tw = tween.current;
    if (tw) {
      const k = Math.min(1, (performance.now() - tw.start) / TWEEN_MS);
      const ease = k * k * (3 - 2 * k);
      const fake = view.fake.map((v, i) => tw.from[i]! + (v - tw.from[i]!) * ease);
      shown = { ...view, fake };
      if (k >= 1) tween.current = null;
    }
    drawPlane(ctx, shown, layers, SIZE);
    if (pick) drawPick(ctx, pick, view.extent, SIZE);
  };
  const canvas = useHiDpiCanvas(SIZE, frame);
  useEffect(() => {
    if (!tween.current) return;
    let id = 0;
    const tick = () => {
      const ctx = canvas.current ? fitCanvas(canvas.current, SIZE) : null;
      if (ctx) frame(ctx);
      if (tween.current) id = requestAnimationFrame(tick);
    };
    id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
    // One tween per new view; `frame` reads the newest props.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view]);
  const click = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const [x, y] = toPlane(e.clientX - box.left, e.clientY - box.top, view.extent, box.width);
    onPick?.(x, y);
  };
  const codes = view.codes;
  const available = PLANE_LAYERS.filter(
    (l) => (l !== 'heat' || view.heat) && (l !== 'arrows' || view.arrows),
  );
  const toggle = (l: PlaneLayer) =>
    setLayers((old) => {
      const next = new Set(old);
      if (next.has(l)) next.delete(l);
      else next.add(l);
      return next;
    });
  const shown = available.filter((l) => layers.has(l)).map((l) => t.plane.layers[l]);
  return (
    <div className="plane">
      <figure className="plane-figure">
        <canvas
          ref={canvas}
          data-testid="plane"
          data-step={view.step}
          className={onPick ? 'plane-canvas pickable' : 'plane-canvas'}
          style={{ width: SIZE, height: SIZE }}
          onClick={onPick ? click : undefined}
          role="img"
          aria-label={t.plane.label(view.step, shown)}
        />
        <figcaption>{t.plane.caption(view.extent, family === 'gan')}</figcaption>
      </figure>
      <fieldset className="layer-toggles">
        <legend>{t.plane.layersTitle}</legend>
        {available.map((l) => (
          <label key={l} className="radio">
            <input type="checkbox" checked={layers.has(l)} onChange={() => toggle(l)} />
            <LayerKey layer={l} />
            {t.plane.layers[l]}
          </label>
        ))}
      </fieldset>
      {codes ? (
        <SmallFigure
          testId="codes"
          label={t.plane.codes}
          caption={t.plane.codesCaption(family === 'ae')}
          draw={(ctx) => drawCodes(ctx, codes, CODE_SIZE)}
        />
      ) : null}
      {view.optimal ? (
        <SmallFigure
          testId="optimal-d"
          label={t.plane.optimal}
          caption={t.plane.optimalCaption}
          draw={(ctx) => drawOptimal(ctx, view, CODE_SIZE)}
        />
      ) : null}
    </div>
  );
});

/** A small picture beside the plane: the codes of real points, or the optimal D. */
function SmallFigure({
  testId,
  label,
  caption,
  draw,
}: {
  testId: string;
  label: string;
  caption: ReactNode;
  draw: (ctx: CanvasRenderingContext2D) => void;
}) {
  const canvas = useHiDpiCanvas(CODE_SIZE, draw);
  return (
    <figure className="plane-figure">
      <canvas
        ref={canvas}
        data-testid={testId}
        className="plane-canvas"
        style={{ width: CODE_SIZE, height: CODE_SIZE }}
        role="img"
        aria-label={label}
      />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

function LayerKey({ layer }: { layer: PlaneLayer }) {
  const style =
    layer === 'real'
      ? { background: REAL_COLOR, borderRadius: '50%' }
      : layer === 'fake'
        ? { background: FAKE_COLOR, borderRadius: '50%' }
        : layer === 'heat'
          ? { background: `linear-gradient(90deg, ${FAKE_COLOR}88, #fff, ${REAL_COLOR}88)` }
          : layer === 'manifold'
            ? { border: '1px solid rgba(60, 70, 90, 0.6)' }
            : { borderTop: `2px solid ${FAKE_COLOR}`, height: 0, marginTop: 6 };
  return <span className="layer-key" aria-hidden="true" style={style} />;
}
