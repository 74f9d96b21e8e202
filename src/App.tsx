import { useCallback, useEffect } from 'react';
import { DIRAC_DEFAULTS, type DiracSetup } from './config/dirac.ts';
import { DiracGanPanel } from './ui/lab/DiracGanPanel.tsx';
import { PosteriorPanel } from './ui/lab/PosteriorPanel.tsx';
import { ModelGraph } from './ui/lab/ModelGraph.tsx';
import { RateDistortion } from './ui/lab/RateDistortion.tsx';
import { POSTERIOR_START, round2, targetFits, type PosteriorTarget } from './config/posterior.ts';
import { MODELS } from './config/models.ts';
import type { RunController } from './state/runController.ts';
import type { RunStore } from './state/runStore.ts';
import { LossChart } from './ui/charts/LossChart.tsx';
import { DigitQualityPanel } from './ui/charts/DigitQualityPanel.tsx';
import { TrainControls } from './ui/controls/TrainControls.tsx';
import { useRunSnapshot } from './ui/hooks/useRunSnapshot.ts';
import { Banners } from './ui/Banners.tsx';
import { StatusBar } from './ui/StatusBar.tsx';
import { ModelExplainer } from './ui/ModelExplainer.tsx';
import { ConfigControls } from './ui/controls/ConfigControls.tsx';
import { dataKind } from './config/datasets.ts';
import { PlaneView } from './ui/plane/PlaneView.tsx';
import { LatentExplorer } from './ui/latent/LatentExplorer.tsx';
import { useShortcuts } from './ui/hooks/useShortcuts.ts';
import { SampleImages } from './ui/canvas/SampleImages.tsx';
import { ModelStorage } from './ui/models/ModelStorage.tsx';
import { CATALOGS } from './i18n/text.ts';
import { PageFrame } from './ui/PageFrame.tsx';
import { DemoCard } from './ui/guide/DemoCard.tsx';
import { Glossary } from './ui/guide/Glossary.tsx';
import { HowLink } from './ui/guide/HowLink.tsx';
import { TrainedPreview } from './ui/guide/TrainedPreview.tsx';

/** A lab view's opener in a panel's tools, while the view is closed and applies. */
function LabOpen({ show, onOpen, label }: { show: boolean; onOpen: () => void; label: string }) {
  return show ? (
    <button type="button" className="link-button" onClick={onOpen}>
      {label}
    </button>
  ) : null;
}

export function App({ store, controller }: { store: RunStore; controller: RunController }) {
  const snap = useRunSnapshot(store);
  useShortcuts(snap, controller);
  const { images } = snap;
  const family = MODELS[snap.config.model].family;
  // The data set the worker has built decides the view (the config may be a step ahead).
  const points = (snap.data?.kind ?? dataKind(snap.config.data)) === 'points';
  const t = CATALOGS[snap.lang];
  const setDirac = useCallback((s: DiracSetup | null) => controller.setDirac(s), [controller]);
  const setPosterior = useCallback(
    (target: PosteriorTarget | null) => controller.setPosterior(target),
    [controller],
  );
  const kind = points ? 'points' : 'image';
  const posterior = snap.posterior;
  // Other data, another kind of x: the view goes on with the new data's first x.
  const stale = posterior !== null && !targetFits(posterior.target, kind);
  useEffect(() => {
    if (stale) setPosterior(POSTERIOR_START[kind]);
  }, [stale, kind, setPosterior]);
  const pick = posterior?.target.kind === 'point' ? posterior.target : null;
  return (
    <PageFrame
      className="app"
      lang={snap.lang}
      onLang={(l) => controller.setLang(l)}
      link={() => controller.linkNow()}
      intro={
        <>
          <p className="tagline">{t.app.tagline}</p>
          <p className="tagline muted small-text" data-testid="source">
            {t.app.source}
          </p>
        </>
      }
    >
      <DemoCard snap={snap} controller={controller} />
      <StatusBar snap={snap} />
      <Banners snap={snap} controller={controller} />
      <main className="panels">
        <section className="panel controls-panel" aria-labelledby="controls-title">
          <h2 id="controls-title">{t.app.training}</h2>
          <TrainControls snap={snap} controller={controller} />
          <ConfigControls
            controller={controller}
            config={snap.config}
            drawn={snap.drawn}
            upload={snap.upload}
          />
          <details
            id="how-it-works"
            className="how"
            open={!snap.closed.includes('how')}
            onToggle={(e) => controller.setPanel('how', e.currentTarget.open)}
          >
            <summary>{t.app.howItWorks}</summary>
            <ModelExplainer config={snap.config} networks={snap.networks} lang={snap.lang} />
            <Glossary />
          </details>
        </section>
        <div className="middle-column">
          <section className="panel chart-panel" aria-labelledby="chart-title">
            <div className="panel-tools">
              <LabOpen
                show={!snap.graph}
                onOpen={() => controller.setGraph(true)}
                label={t.lab.graph.open}
              />
              <LabOpen
                show={family === 'vae' && !snap.rd}
                onOpen={() => controller.setRd(true)}
                label={t.lab.rd.open}
              />
              <LabOpen
                show={family === 'gan' && !snap.dirac}
                onOpen={() => controller.setDirac(DIRAC_DEFAULTS)}
                label={t.lab.dirac.open}
              />
              <HowLink controller={controller} />
            </div>
            <h2 id="chart-title">{t.app.losses}</h2>
            <LossChart
              metrics={MODELS[snap.config.model].metrics}
              history={store.history}
              evaluations={store.evaluations}
              version={snap.lossVersion}
              config={snap.config}
            />
          </section>
          {snap.graph ? (
            <ModelGraph snap={snap} onClose={() => controller.setGraph(false)} />
          ) : null}
          {snap.rd && family === 'vae' ? (
            <RateDistortion snap={snap} store={store} controller={controller} />
          ) : null}
          {snap.dirac ? <DiracGanPanel setup={snap.dirac} onSetup={setDirac} /> : null}
          {posterior ? (
            <PosteriorPanel
              state={posterior}
              heldOutCount={snap.data?.heldOutCount ?? null}
              onTarget={setPosterior}
            />
          ) : null}
          {points ? null : (
            <section className="panel explorer-panel" aria-labelledby="explorer-title">
              <details
                open={!snap.closed.includes('explorer')}
                onToggle={(e) => controller.setPanel('explorer', e.currentTarget.open)}
              >
                <summary>
                  <h2 id="explorer-title">
                    {t.app.latentSpace}
                    <span className="muted">{t.app.latentHint}</span>
                  </h2>
                </summary>
                <LatentExplorer snap={snap} controller={controller} />
              </details>
            </section>
          )}
        </div>
        <section className="panel images-panel" aria-labelledby="images-title">
          <div className="panel-tools">
            <LabOpen
              show={family === 'vae' && snap.config.latent === 2 && !posterior}
              onOpen={() => setPosterior(POSTERIOR_START[kind])}
              label={t.lab.posterior.open}
            />
            <HowLink controller={controller} />
          </div>
          {points ? (
            <>
              <h2 id="images-title">
                {t.app.view2d}
                {snap.plane ? <span className="muted">{t.app.atStep(snap.plane.step)}</span> : null}
              </h2>
              {snap.plane ? (
                <PlaneView
                  view={snap.plane}
                  family={family}
                  pick={pick}
                  animate={snap.slow.on}
                  onPick={
                    pick
                      ? (x, y) => setPosterior({ kind: 'point', x: round2(x), y: round2(y) })
                      : undefined
                  }
                />
              ) : (
                <p className="muted">{t.app.viewPending}</p>
              )}
            </>
          ) : (
            <SampleImages images={images} family={family} />
          )}
          <TrainedPreview snap={snap} />
          {snap.config.data === 'mnist' && !points ? (
            <DigitQualityPanel
              quality={snap.quality}
              history={store.quality}
              every={snap.config.quality}
              family={family}
              conditional={MODELS[snap.config.model].conditional === true}
            />
          ) : null}
          <ModelStorage
            models={snap.models}
            ready={snap.phase === 'ready'}
            lang={snap.lang}
            controller={controller}
          />
        </section>
      </main>
    </PageFrame>
  );
}
