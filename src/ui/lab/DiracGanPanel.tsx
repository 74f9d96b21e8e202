import { memo, useEffect, useMemo, useRef } from 'react';
import { DIRAC_LOSSES, DIRAC_RANGES, DIRAC_UPDATES, type DiracSetup } from '../../config/dirac.ts';
import { diracSummary, diracTrajectory } from '../../metrics/diracGan.ts';
import { useText } from '../../i18n/text.ts';
import { drawDirac } from './diracDrawing.ts';
import { fitCanvas } from '../hooks/useHiDpiCanvas.ts';

const SIZE = 300;
/** Steps of each run: a few turns at the default rate. */
export const DIRAC_STEPS = 300;
/** The run is drawn over this long, so the eye can follow it round. */
const ANIMATE_MS = 1500;

/**
 * The Dirac GAN (metrics/diracGan.ts): the GAN game with one number for G and one for D, its
 * vector field, and a run drawn as it goes. Every control redraws at once. The game is two
 * numbers: its 300 steps take microseconds, so it is computed here, not in a worker.
 */
export const DiracGanPanel = memo(function DiracGanPanel({
  setup,
  onSetup,
}: {
  setup: DiracSetup;
  onSetup: (s: DiracSetup | null) => void;
}) {
  const t = useText();
  const d = t.lab.dirac;
  const path = useMemo(() => diracTrajectory(setup, DIRAC_STEPS), [setup]);
  const summary = useMemo(() => diracSummary(path), [path]);
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas ? fitCanvas(canvas, SIZE) : null;
    if (!canvas || !ctx) return;
    const start = performance.now();
    let frame = 0;
    const tick = (now: number) => {
      const k = Math.ceil(((now - start) / ANIMATE_MS) * (DIRAC_STEPS + 1));
      drawDirac(ctx, setup, path, k, SIZE);
      if (k <= DIRAC_STEPS) frame = requestAnimationFrame(tick);
      else canvas.dataset.drawn = 'true';
    };
    canvas.dataset.drawn = 'false';
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [setup, path]);
  const verdict =
    summary.r1 > 1.1 * summary.r0 ? 'out' : summary.r1 < 0.5 * summary.r0 ? 'in' : 'orbit';
  const set = (patch: Partial<DiracSetup>) => onSetup({ ...setup, ...patch });
  const slider = (key: keyof typeof DIRAC_RANGES, label: string, step: number) => (
    <label className="dirac-field">
      <span>
        {label}: <output>{setup[key]}</output>
      </span>
      <input
        aria-label={label}
        type="range"
        min={DIRAC_RANGES[key][0]}
        max={DIRAC_RANGES[key][1]}
        step={step}
        value={setup[key]}
        onChange={(e) => set({ [key]: Number(e.target.value) })}
      />
    </label>
  );
  const choice = <K extends 'loss' | 'update'>(
    key: K,
    label: string,
    options: readonly DiracSetup[K][],
    names: Record<DiracSetup[K], string>,
  ) => (
    <label className="dirac-field">
      <span>{label}</span>
      <select
        value={setup[key]}
        onChange={(e) => set({ [key]: e.target.value } as Partial<DiracSetup>)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {names[o]}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="panel dirac-panel" aria-labelledby="dirac-title" data-testid="dirac">
      <div className="panel-tools">
        <button type="button" className="link-button" onClick={() => onSetup(null)}>
          {d.close}
        </button>
      </div>
      <h2 id="dirac-title">{d.title}</h2>
      <p className="small-text">{d.intro}</p>
      <div className="dirac-body">
        <figure className="dirac-figure">
          <canvas
            ref={ref}
            className="dirac-canvas"
            role="img"
            aria-label={d.label}
            data-testid="dirac-canvas"
            style={{ width: SIZE, height: SIZE }}
          />
          <figcaption className="muted small-text">{d.axes}</figcaption>
        </figure>
        <div className="dirac-controls">
          {choice('loss', d.loss, DIRAC_LOSSES, d.losses)}
          {choice('update', d.update, DIRAC_UPDATES, d.updates)}
          {slider('lr', d.lr, 0.01)}
          {slider('ratio', d.ratio, 0.25)}
          {slider('gamma', d.gamma, 0.05)}
          <p data-testid="dirac-readout">
            {d.readout(
              DIRAC_STEPS,
              summary.turns.toFixed(1),
              summary.r0.toFixed(2),
              summary.r1.toFixed(2),
            )}
          </p>
          <p className="small-text" data-testid="dirac-verdict">
            {d.verdict[verdict]}
          </p>
        </div>
      </div>
    </section>
  );
});
