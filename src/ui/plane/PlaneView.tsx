import { memo, useState } from 'react';
import { useHiDpiCanvas } from '../hooks/useHiDpiCanvas.ts';
import type { PlaneView as PlaneData } from '../../workers/train/protocol.ts';
import { FAKE_COLOR, REAL_COLOR } from '../colors.ts';
import {
  drawCodes,
  drawPlane,
  LAYER_LABELS,
  PLANE_LAYERS,
  type PlaneLayer,
} from './planeDrawing.ts';

const SIZE = 360;
const CODE_SIZE = 180;

/**
 * GAN Lab's 2-D view: real and generated points, D's heatmap, G's manifold and gradient
 * arrows, each a layer the person can switch off. For the VAE and the autoencoder, a second
 * panel shows where real points land in latent space.
 */
export const PlaneView = memo(function PlaneView({
  view,
  family,
}: {
  view: PlaneData;
  family: 'gan' | 'vae' | 'ae';
}) {
  const [layers, setLayers] = useState<ReadonlySet<PlaneLayer>>(() => new Set(PLANE_LAYERS));
  const canvas = useHiDpiCanvas(SIZE, (ctx) => drawPlane(ctx, view, layers, SIZE));
  const codes = view.codes;
  const codeCanvas = useHiDpiCanvas(CODE_SIZE, (ctx) => {
    if (codes) drawCodes(ctx, codes, CODE_SIZE);
  });
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
  const shown = available.filter((l) => layers.has(l)).map((l) => LAYER_LABELS[l].toLowerCase());
  return (
    <div className="plane">
      <figure className="plane-figure">
        <canvas
          ref={canvas}
          data-testid="plane"
          data-step={view.step}
          className="plane-canvas"
          style={{ width: SIZE, height: SIZE }}
          role="img"
          aria-label={`2-D view at step ${view.step}: ${shown.join(', ') || 'no layers shown'}`}
        />
        <figcaption>
          The plane [−{view.extent}, {view.extent}]²
          {family === 'gan'
            ? ': where G puts its points, and what D believes is real.'
            : ': the decoder’s samples from N(0, I), and its manifold.'}
        </figcaption>
      </figure>
      <fieldset className="layer-toggles">
        <legend>Layers</legend>
        {available.map((l) => (
          <label key={l} className="radio">
            <input type="checkbox" checked={layers.has(l)} onChange={() => toggle(l)} />
            <LayerKey layer={l} />
            {LAYER_LABELS[l]}
          </label>
        ))}
      </fieldset>
      {codes ? (
        <figure className="plane-figure">
          <canvas
            ref={codeCanvas}
            data-testid="codes"
            className="plane-canvas"
            style={{ width: CODE_SIZE, height: CODE_SIZE }}
            role="img"
            aria-label="Codes of real points in latent space"
          />
          <figcaption>
            Codes of real points in latent space (z₀, z₁), with the 1σ and 2σ circles of N(0, I).
            {family === 'ae'
              ? ' Nothing pulls the autoencoder’s codes toward N(0, I).'
              : ' The KL term pulls them toward it.'}
          </figcaption>
        </figure>
      ) : null}
    </div>
  );
});

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
