import { memo } from 'react';
import { MODELS } from '../../config/models.ts';
import { toHash } from '../../config/link.ts';
import { BACKEND_LABEL } from '../../config/schema.ts';
import type { CompareColumn } from '../../state/compare/compareColumn.ts';
import type { RunSnapshot } from '../../state/runStore.ts';
import type { Catalog } from '../../i18n/catalog.ts';
import { say } from '../../i18n/said.ts';
import { useText } from '../../i18n/text.ts';
import { PixelCanvas } from '../canvas/PixelCanvas.tsx';
import { LossChart } from '../charts/LossChart.tsx';
import { useRunSnapshot } from '../hooks/useRunSnapshot.ts';
import { PlaneView } from '../plane/PlaneView.tsx';
import { CodeMapView } from './CodeMapView.tsx';
import { COLUMN_COLORS } from './columnColors.ts';
import { DensityPair } from './DensityPair.tsx';
import { QualityNumbers } from './QualityNumbers.tsx';

/** What the column's run is doing, in a few words. */
function activity(t: Catalog, s: RunSnapshot): string {
  if (s.phase === 'preparing') return t.status.starting;
  if (s.phase === 'failed') return t.status.failed;
  if (s.running && s.firstStepMs === null) return t.status.compiling;
  if (s.running) return t.status.training;
  return s.step > 0 ? t.status.paused : t.status.ready;
}

/**
 * One model of the comparison: its state, the shared code decoded by it, its fixed-noise
 * samples, its quality numbers and losses, and (encoders, 2-D latent) where it puts the digits.
 */
export const CompareColumnView = memo(function CompareColumnView({
  column,
  index,
  name,
  z,
  onPick,
}: {
  column: CompareColumn;
  index: number;
  name: string;
  z: readonly number[];
  onPick: (z0: number, z1: number) => void;
}) {
  const t = useText();
  const snap = useRunSnapshot(column.store);
  const { config } = snap;
  const family = MODELS[config.model].family;
  const gan = family === 'gan';
  const points = snap.data?.kind === 'points';
  const id = `column-${index}`;
  return (
    <section className="panel compare-column" data-testid={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <span className="column-mark" style={{ background: COLUMN_COLORS[index] }} aria-hidden />
        {name}
      </h2>
      <p className="muted small-text" data-testid={`${id}-status`}>
        {activity(t, snap)} · {t.status.step} {snap.step} · {snap.stepsPerSec.toFixed(1)}{' '}
        {t.status.stepsPerSec}
        {snap.backend ? ` · ${BACKEND_LABEL[snap.backend.name]}` : ''}
      </p>
      {snap.error !== null ? <p className="field-error">{say(t, snap.error)}</p> : null}
      {points ? (
        snap.plane ? (
          <PlaneView view={snap.plane} family={family} />
        ) : (
          <p className="muted">{t.app.viewPending}</p>
        )
      ) : (
        <div className="compare-images">
          <PixelCanvas
            testId={`${id}-decode`}
            image={snap.latent.decode?.image ?? null}
            scale={4}
            label={t.compare.decoded(gan)}
          />
          <PixelCanvas
            testId={`${id}-samples`}
            image={snap.images?.samples ?? null}
            scale={1}
            label={t.compare.samples(gan)}
          />
        </div>
      )}
      <QualityNumbers snap={snap} evaluations={column.store.evaluations} points={points} />
      <LossChart
        metrics={MODELS[config.model].metrics}
        history={column.store.history}
        evaluations={column.store.evaluations}
        version={snap.lossVersion}
        config={config}
      />
      {points ? null : snap.codeMap ? (
        <div className="compare-map">
          <h3>{t.compare.map.title}</h3>
          <p className="muted small-text">{t.compare.map.about(family === 'vae')}</p>
          <CodeMapView map={snap.codeMap} z={z} name={name} onPick={onPick} testId={`${id}-map`} />
          <DensityPair map={snap.codeMap} testId={`${id}-density`} />
        </div>
      ) : (
        <p className="muted small-text">
          {gan || config.latent !== 2 ? t.compare.map.none(gan) : t.compare.map.pending}
        </p>
      )}
      <p className="small-text">
        <a href={toHash(config)} target="_blank" rel="noreferrer">
          {t.compare.alone}
        </a>
      </p>
    </section>
  );
});
