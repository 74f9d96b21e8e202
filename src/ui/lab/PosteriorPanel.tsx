import { memo, useMemo } from 'react';
import type { PosteriorTarget } from '../../config/posterior.ts';
import type { RunSnapshot } from '../../state/runStore.ts';
import type { PosteriorView } from '../../workers/train/protocol.ts';
import { useText } from '../../i18n/text.ts';
import { useHiDpiCanvas } from '../hooks/useHiDpiCanvas.ts';
import { PixelCanvas } from '../canvas/PixelCanvas.tsx';
import { drawPosterior, Q_RGB, TRUE_RGB, xImage } from './posteriorDrawing.ts';

const SIZE = 200;

/** One density of the view on its grid, with q's ellipses over it. */
function Density({
  view,
  values,
  rgb,
  title,
  testId,
}: {
  view: PosteriorView;
  values: Float32Array;
  rgb: string;
  title: string;
  testId: string;
}) {
  const t = useText();
  const ref = useHiDpiCanvas(SIZE, (ctx) => drawPosterior(ctx, view, values, rgb, SIZE));
  return (
    <figure className="posterior-figure">
      <canvas
        ref={ref}
        data-testid={testId}
        data-step={view.step}
        role="img"
        aria-label={t.lab.posterior.label(title)}
        style={{ width: SIZE, height: SIZE }}
      />
      <figcaption className="small-text">{title}</figcaption>
    </figure>
  );
}

/**
 * The true posterior p(z|x) of a VAE with a 2-D latent, beside q(z|x), and the bounds on
 * log p(x) (computed in the worker: workers/train/posteriorView.ts). The x is a held-out digit
 * (stepped through here) or a point (clicked on the 2-D view).
 */
export const PosteriorPanel = memo(function PosteriorPanel({
  state,
  heldOutCount,
  onTarget,
}: {
  state: NonNullable<RunSnapshot['posterior']>;
  heldOutCount: number | null;
  onTarget: (target: PosteriorTarget | null) => void;
}) {
  const t = useText();
  const p = t.lab.posterior;
  const { target, view, problem } = state;
  const image = useMemo(() => (view && view.xShape[1] > 2 ? xImage(view) : null), [view]);
  const w = view?.window;
  const f2 = (v: number) => v.toFixed(2);
  const row = (label: string, value: number, testId: string, se?: number) => (
    <tr>
      <th scope="row">{label}</th>
      <td data-testid={testId} data-value={value}>
        {value.toFixed(2)}
      </td>
      <td className="muted">{se === undefined ? null : `± ${se.toFixed(2)}`}</td>
    </tr>
  );
  const step = (by: number) =>
    target.kind === 'digit' &&
    onTarget({
      kind: 'digit',
      index: Math.max(0, Math.min((heldOutCount ?? 1) - 1, target.index + by)),
    });
  return (
    <section
      className="panel posterior-panel"
      aria-labelledby="posterior-title"
      data-testid="posterior"
    >
      <div className="panel-tools">
        <button type="button" className="link-button" onClick={() => onTarget(null)}>
          {p.close}
        </button>
      </div>
      <h2 id="posterior-title">
        {p.title}
        {view ? <span className="muted">{t.app.atStep(view.step)}</span> : null}
      </h2>
      <p className="small-text">{p.intro}</p>
      <div className="posterior-x">
        {target.kind === 'digit' ? (
          <>
            {image ? (
              <PixelCanvas
                image={image}
                scale={3}
                label={p.digit(target.index, view?.label ?? null)}
                testId="posterior-x"
              />
            ) : null}
            <span data-testid="posterior-target">{p.digit(target.index, view?.label ?? null)}</span>
            <span className="button-row">
              <button
                type="button"
                className="small-button"
                onClick={() => step(-1)}
                disabled={target.index === 0}
              >
                {p.previous}
              </button>
              <button type="button" className="small-button" onClick={() => step(1)}>
                {p.next}
              </button>
            </span>
          </>
        ) : (
          <>
            <span data-testid="posterior-target">{p.point(f2(target.x), f2(target.y))}</span>
            <span className="muted small-text">{p.pickPoint}</span>
          </>
        )}
      </div>
      {problem ? (
        <p className="warning" data-testid="posterior-problem">
          {p.problems[problem]}
        </p>
      ) : !view ? (
        <p className="muted">{p.pending}</p>
      ) : (
        <>
          <div className="posterior-pair">
            <Density
              view={view}
              values={view.posterior}
              rgb={TRUE_RGB}
              title={p.trueTitle}
              testId="posterior-true"
            />
            <Density
              view={view}
              values={view.q}
              rgb={Q_RGB}
              title={p.qTitle}
              testId="posterior-q"
            />
          </div>
          <p className="muted small-text">
            {p.outline}{' '}
            {w
              ? p.axes(f2(w.cx - w.half), f2(w.cx + w.half), f2(w.cy - w.half), f2(w.cy + w.half))
              : null}
          </p>
          <table className="posterior-bounds">
            <tbody>
              {row(p.bounds.logPx, view.logPx, 'posterior-logpx')}
              {row(p.bounds.iwae(view.k), view.iwae, 'posterior-iwae', view.iwaeSe)}
              {row(p.bounds.elbo, view.elbo, 'posterior-elbo')}
              {row(p.bounds.gap, view.logPx - view.elbo, 'posterior-gap')}
              {row(p.bounds.klGrid, view.klGrid, 'posterior-kl')}
            </tbody>
          </table>
          <p className="small-text">{p.about(view.samples, view.k)}</p>
        </>
      )}
    </section>
  );
});
