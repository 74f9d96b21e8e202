import { MODELS } from './config/models.ts';
import type { RunController } from './state/runController.ts';
import type { RunStore } from './state/runStore.ts';
import { LossChart } from './ui/charts/LossChart.tsx';
import { PixelCanvas } from './ui/canvas/PixelCanvas.tsx';
import { TrainControls } from './ui/controls/TrainControls.tsx';
import { useRunSnapshot } from './ui/hooks/useRunSnapshot.ts';
import { Banners } from './ui/Banners.tsx';
import { StatusBar } from './ui/StatusBar.tsx';
import { ModelExplainer } from './ui/ModelExplainer.tsx';
import { ConfigControls } from './ui/controls/ConfigControls.tsx';

export function App({ store, controller }: { store: RunStore; controller: RunController }) {
  const snap = useRunSnapshot(store);
  const { images } = snap;
  return (
    <div className="app">
      <header className="app-header">
        <h1>Generative model playground</h1>
        <p className="tagline">
          Train a VAE, an autoencoder or a GAN on real MNIST digits, live in your browser:
          TensorFlow.js on WebGPU, in a Web Worker. Nothing leaves this page.
        </p>
      </header>
      <StatusBar snap={snap} />
      <Banners snap={snap} />
      <main className="panels">
        <section className="panel controls-panel" aria-labelledby="controls-title">
          <h2 id="controls-title">Training</h2>
          <TrainControls snap={snap} controller={controller} />
          <ConfigControls
            config={snap.config}
            onChange={(k, v) => controller.setField(k, v)}
            onModel={(m) => controller.setModel(m)}
          />
          <ModelExplainer config={snap.config} />
        </section>
        <section className="panel chart-panel" aria-labelledby="chart-title">
          <h2 id="chart-title">Losses</h2>
          <LossChart
            history={store.history}
            evaluations={store.evaluations}
            version={snap.lossVersion}
          />
        </section>
        <section className="panel images-panel" aria-labelledby="images-title">
          <h2 id="images-title">
            Samples{images ? <span className="muted"> · step {images.step}</span> : null}
          </h2>
          <PixelCanvas
            testId="samples"
            image={images?.samples ?? null}
            scale={2}
            label={
              MODELS[snap.config.model].family === 'gan'
                ? 'G(z) for 64 fixed noise vectors z ~ N(0, I)'
                : 'Decoded from 64 fixed codes z ~ N(0, I)'
            }
          />
          {images ? (
            <PixelCanvas
              testId="second"
              image={images.second.image}
              scale={2}
              label={
                images.second.kind === 'reconstructions'
                  ? 'Held-out digits (top) and their reconstructions (bottom)'
                  : 'Real training digits, for comparison'
              }
            />
          ) : null}
        </section>
      </main>
    </div>
  );
}
