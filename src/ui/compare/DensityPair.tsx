import { memo, useMemo } from 'react';
import { priorDensity } from '../../metrics/latentDensity.ts';
import type { CodeMap } from '../../workers/train/protocol.ts';
import { useHiDpiCanvas } from '../hooks/useHiDpiCanvas.ts';
import { useText } from '../../i18n/text.ts';
import { drawDensity } from './codeMapDrawing.ts';

const SIZE = 104;

/** One density over the map's square, shaded from 0 to `max`. */
function DensityCanvas({
  values,
  res,
  max,
  rgb,
  caption,
  testId,
}: {
  values: Float32Array;
  res: number;
  max: number;
  rgb: string;
  caption: string;
  testId: string;
}) {
  const t = useText();
  const ref = useHiDpiCanvas(SIZE, (ctx) => {
    ctx.clearRect(0, 0, SIZE, SIZE);
    drawDensity(ctx, values, res, SIZE, max, rgb);
  });
  return (
    <figure className="density-figure">
      <canvas
        ref={ref}
        className="density-canvas"
        data-testid={testId}
        role="img"
        aria-label={t.compare.density.label(caption)}
        style={{ width: SIZE, height: SIZE }}
      />
      <figcaption className="small-text">{caption}</figcaption>
    </figure>
  );
}

/**
 * The prior N(0, I) next to where the codes really are: the VAE's aggregate posterior
 * q(z) = mean of q(z|x) (with KL(q(z) ‖ N(0, I))), or the autoencoder's codes as a histogram,
 * on the same axes.
 */
export const DensityPair = memo(function DensityPair({
  map,
  testId,
}: {
  map: CodeMap;
  testId: string;
}) {
  const t = useText();
  const { res, values, kind } = map.density;
  const prior = useMemo(() => priorDensity(res, map.extent), [res, map.extent]);
  // Each shaded against its own peak: an autoencoder's codes can spread over ±25, where on a
  // shared scale their histogram would vanish beside the prior's peak.
  const peak = (v: Float32Array) => v.reduce((m, x) => Math.max(m, x), 0);
  const max = useMemo(() => peak(values), [values]);
  const priorMax = useMemo(() => peak(prior), [prior]);
  const d = t.compare.density;
  const what = kind === 'aggregate' ? d.aggregate : d.histogram;
  return (
    <section className="density-pair" data-testid={testId}>
      <h4>{d.title}</h4>
      <div className="density-row">
        <DensityCanvas
          values={values}
          res={res}
          max={max}
          rgb="142, 68, 201"
          caption={what}
          testId={`${testId}-q`}
        />
        <DensityCanvas
          values={prior}
          res={res}
          max={priorMax}
          rgb="120, 128, 140"
          caption={d.prior}
          testId={`${testId}-p`}
        />
      </div>
      <p className="muted small-text">{d.scale}</p>
      {map.kl !== null ? (
        <p className="small-text">
          <strong data-testid={`${testId}-kl`}>{d.kl(map.kl.toPrecision(3))}</strong>{' '}
          <span className="muted">{d.klAbout}</span>
        </p>
      ) : (
        <p className="small-text muted">{d.aeAbout}</p>
      )}
    </section>
  );
});
