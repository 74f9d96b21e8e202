import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  LabelList,
  Legend,
} from 'recharts';
import type { RunController } from '../../state/runController.ts';
import type { RunStore, RunSnapshot } from '../../state/runStore.ts';
import { SWEEP_BETAS, SWEEP_STEPS } from '../../state/sweepPoints.ts';
import { FIELDS } from '../../config/fields.ts';
import { useText } from '../../i18n/text.ts';
import { useHiDpiCanvas } from '../hooks/useHiDpiCanvas.ts';
import { drawBars } from './graphDrawing.ts';
import { FAKE_COLOR } from '../colors.ts';

/** Points of the run's path drawn at most (every k-th step). */
const MAX_PATH = 150;
/** A latent unit is active when its KL exceeds this (nats). */
export const ACTIVE_KL = 0.1;
const BARS = 120;

type Point = { rate: number; distortion: number; beta?: number };

/** The run's (KL, reconstruction) at every k-th step, from the loss history. */
function pathOf(store: RunStore): Point[] {
  const kl = store.history.series('kl').values;
  const recon = store.history.series('reconstruction').values;
  const n = Math.min(kl.length, recon.length);
  const every = Math.max(1, Math.ceil(n / MAX_PATH));
  const out: Point[] = [];
  for (let i = 0; i < n; i += every) out.push({ rate: kl[i]!, distortion: recon[i]! });
  if (n > 0 && (n - 1) % every !== 0) out.push({ rate: kl[n - 1]!, distortion: recon[n - 1]! });
  return out;
}

/**
 * The VAE's rate–distortion plane (Alemi et al., 2018): the run's path of (KL, reconstruction)
 * as it trains, β live beside it, the β sweep's end points, and the KL of each latent unit.
 */
export const RateDistortion = memo(function RateDistortion({
  snap,
  store,
  controller,
}: {
  snap: RunSnapshot;
  store: RunStore;
  controller: RunController;
}) {
  const t = useText();
  const r = t.lab.rd;
  // The history is mutable; the losses' version says it changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const path = useMemo(() => pathOf(store), [store, snap.lossVersion]);
  const now = path.length ? [path[path.length - 1]!] : [];
  const sweep = snap.sweep;
  const ends: Point[] = (sweep?.points ?? []).map((p) => ({ ...p }));
  const kl = snap.flow?.klPerUnit ?? null;
  const bars = useHiDpiCanvas(BARS, (ctx) => {
    ctx.clearRect(0, 0, BARS, BARS);
    if (kl) drawBars(ctx, kl, BARS, null);
  });
  const active = kl ? kl.filter((v) => v > ACTIVE_KL).length : 0;
  const points = (snap.data?.kind ?? 'image') === 'points';
  const beta = FIELDS.beta;
  return (
    <section className="panel rd-panel" aria-labelledby="rd-title" data-testid="rd">
      <div className="panel-tools">
        <button type="button" className="link-button" onClick={() => controller.setRd(false)}>
          {r.close}
        </button>
      </div>
      <h2 id="rd-title">{r.title}</h2>
      <p className="small-text">{r.intro}</p>
      <label className="dirac-field">
        <span>
          {r.beta}: <output data-testid="rd-beta">{snap.config.beta}</output>
        </span>
        <input
          type="range"
          aria-label={r.beta}
          min={beta.min}
          max={beta.max}
          step={0.1}
          value={snap.config.beta}
          disabled={sweep?.running != null}
          onChange={(e) => controller.setField('beta', Number(e.target.value))}
        />
      </label>
      <div
        className="rd-chart"
        role="img"
        aria-label={r.chartLabel(path.length)}
        data-testid="rd-chart"
        data-points={path.length}
        data-ends={ends.length}
      >
        <ResponsiveContainer width="100%" height={260}>
          <ScatterChart margin={{ top: 8, right: 16, bottom: 28, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="rate"
              name={r.rate}
              label={{ value: r.rate, position: 'bottom', offset: 8 }}
              tickFormatter={(v: number) => v.toPrecision(3)}
              domain={['auto', 'auto']}
            />
            <YAxis
              type="number"
              dataKey="distortion"
              name={r.distortion}
              label={{ value: r.distortion, angle: -90, position: 'insideLeft', dx: 4 }}
              tickFormatter={(v: number) => v.toPrecision(3)}
              domain={['auto', 'auto']}
              width={70}
            />
            <Tooltip
              formatter={(v) => (typeof v === 'number' ? v.toPrecision(4) : String(v))}
              isAnimationActive={false}
            />
            <Legend verticalAlign="top" height={24} />
            <Scatter
              name={r.path}
              data={path}
              fill="#9aa3b0"
              line={{ stroke: '#c5cad3' }}
              shape="circle"
              isAnimationActive={false}
            />
            <Scatter name={r.now} data={now} fill={FAKE_COLOR} isAnimationActive={false} />
            <Scatter
              name={r.sweep}
              data={ends}
              fill="#1f78b4"
              line={{ stroke: '#1f78b4', strokeDasharray: '4 3' }}
              isAnimationActive={false}
            >
              <LabelList dataKey="beta" position="top" />
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      {kl ? (
        <figure className="rd-units">
          <canvas
            ref={bars}
            data-testid="rd-units"
            role="img"
            aria-label={r.units(active, kl.length)}
            style={{ width: BARS, height: BARS }}
          />
          <figcaption className="small-text" data-testid="rd-active">
            {r.units(active, kl.length)}
          </figcaption>
        </figure>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          data-testid="rd-sweep"
          disabled={sweep?.running != null}
          onClick={() => void controller.sweepBeta()}
        >
          {r.sweepButton}
        </button>
        <span className="muted small-text">
          {sweep?.running != null
            ? r.sweeping(sweep.running, sweep.points.length, SWEEP_BETAS.length)
            : sweep
              ? r.swept(sweep.points.length)
              : r.sweepAbout(SWEEP_BETAS.join(', '), SWEEP_STEPS[points ? 'points' : 'image'])}
        </span>
      </div>
    </section>
  );
});
