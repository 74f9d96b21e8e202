import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import { dataKind } from '../../config/datasets.ts';
import { toHash } from '../../config/link.ts';
import type { CompareController } from '../../state/compare/compareController.ts';
import { randomCode } from '../../state/explorer.ts';
import { CATALOGS } from '../../i18n/text.ts';
import { PageFrame } from '../PageFrame.tsx';
import { LatentSlider } from '../latent/LatentExplorer.tsx';
import { CompareColumnView } from './CompareColumnView.tsx';
import { CompareStatus } from './CompareStatus.tsx';
import { QualityOverlay } from './QualityOverlay.tsx';
import { setupName } from './setupName.ts';

/**
 * Compare mode (`compare=` in the link): two or three models trained side by side on the same
 * data, one set of controls and one latent code for all of them, one chart of their quality.
 */
export function CompareApp({ controller }: { controller: CompareController }) {
  const snap = useSyncExternalStore(controller.store.subscribe, controller.store.getSnapshot);
  const { columns } = controller;
  const t = CATALOGS[snap.lang];
  const names = useMemo(() => snap.setups.map((s) => setupName(t, s)), [snap.setups, t]);
  const images = dataKind(snap.shared.data) === 'image';
  const draws = useRef(0);
  const onPick = useCallback(
    (z0: number, z1: number) => controller.setCode([z0, z1]),
    [controller],
  );
  const setAt = useCallback((i: number, v: number) => controller.setCodeAt(i, v), [controller]);
  const { shared } = snap;
  return (
    <PageFrame
      className="app compare-app"
      lang={snap.lang}
      onLang={(l) => controller.setLang(l)}
      link={() => controller.linkNow()}
    >
      <section className="panel compare-intro" aria-labelledby="compare-title">
        <h2 id="compare-title">{t.compare.title(names)}</h2>
        <p>{t.compare.lead}</p>
        <p className="muted small-text" data-testid="compare-same">
          {t.compare.same(t.options.data[shared.data], shared.seed, shared.latent, shared.batch)}
        </p>
        <p className="small-text">
          <a href={toHash({ ...shared, model: snap.setups[0]?.model ?? shared.model })}>
            {t.compare.single}
          </a>
        </p>
      </section>
      <CompareStatus columns={columns} names={names} />
      {snap.notices.length ? (
        <div className="banner banner-info" data-testid="notices">
          <ul>
            {snap.notices.map((n) => (
              <li key={`${n.key}=${n.shown}`}>{t.notice(n)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="compare-top">
        <section className="panel compare-controls" aria-labelledby="compare-controls-title">
          <h2 id="compare-controls-title">{t.compare.controls}</h2>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => controller.start()}>
              {t.train.start}
            </button>
            <button type="button" onClick={() => controller.pause()}>
              {t.train.pause}
            </button>
            <button type="button" onClick={() => controller.step()}>
              {t.train.step}
            </button>
            <button type="button" onClick={() => controller.reset()}>
              {t.train.reset}
            </button>
          </div>
          <p className="muted small-text">{t.compare.keys}</p>
          {images ? (
            <>
              <h3>
                {t.compare.code}
                <span className="muted small-text">{t.compare.codeHint}</span>
              </h3>
              <div className="button-row">
                <button
                  type="button"
                  onClick={() =>
                    controller.setCode(randomCode(snap.z.length, shared.seed, 2 + draws.current++))
                  }
                >
                  {t.explorer.random}
                </button>
                <button type="button" onClick={() => controller.setCode(snap.z.map(() => 0))}>
                  {t.explorer.zero}
                </button>
              </div>
              {snap.z.slice(0, 16).map((v, i) => (
                <LatentSlider key={i} index={i} value={v} onSet={setAt} />
              ))}
            </>
          ) : null}
        </section>
        <QualityOverlay
          columns={columns}
          names={names}
          images={images}
          qualityOff={shared.quality === 0}
        />
      </div>
      <main
        className="compare-columns"
        style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}
      >
        {columns.map((c, i) => (
          <CompareColumnView
            key={i}
            column={c}
            index={i}
            name={names[i]!}
            z={snap.z}
            onPick={onPick}
          />
        ))}
      </main>
    </PageFrame>
  );
}
