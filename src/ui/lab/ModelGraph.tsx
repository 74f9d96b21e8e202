import { memo, useEffect, type ReactNode } from 'react';
import { MODELS } from '../../config/models.ts';
import type { RunSnapshot } from '../../state/runStore.ts';
import type { NetworkLayout } from '../../workers/messages.ts';
import { layerChain } from './layerChain.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Lang } from '../../config/lang.ts';
import { useText } from '../../i18n/text.ts';
import { useHiDpiCanvas } from '../hooks/useHiDpiCanvas.ts';
import { FAKE_COLOR, REAL_COLOR } from '../colors.ts';
import { drawBars, drawCloud, drawImage, drawScores, type Crop } from './graphDrawing.ts';

const THUMB = 96;

/** What a box's picture shows, from what the page already has or the worker's flow. */
type Thumb = ((ctx: CanvasRenderingContext2D) => void) | null;

/** Where a box is elsewhere on the page: outlined while the box is hovered (styles.css). */
type Elsewhere = 'samples' | 'second' | 'plane' | 'network-layers' | 'chart' | null;

const highlight = (target: Elsewhere) => {
  if (target) document.documentElement.dataset.highlight = target;
  else delete document.documentElement.dataset.highlight;
};

function Box({
  id,
  title,
  thumb,
  note,
  elsewhere,
  children,
}: {
  id: string;
  title: string;
  thumb: Thumb;
  note?: string;
  elsewhere: Elsewhere;
  children?: ReactNode;
}) {
  const t = useText();
  const ref = useHiDpiCanvas(THUMB, (ctx) => {
    ctx.clearRect(0, 0, THUMB, THUMB);
    thumb?.(ctx);
  });
  return (
    <figure
      className="graph-box"
      data-testid={`graph-box-${id}`}
      onMouseEnter={() => highlight(elsewhere)}
      onMouseLeave={() => highlight(null)}
      tabIndex={0}
      onFocus={() => highlight(elsewhere)}
      onBlur={() => highlight(null)}
    >
      <figcaption>{title}</figcaption>
      {children}
      {thumb ? (
        <canvas
          ref={ref}
          data-testid={`graph-thumb-${id}`}
          role="img"
          aria-label={t.lab.graph.label(title)}
          style={{ width: THUMB, height: THUMB }}
        />
      ) : null}
      {note ? <p className="muted small-text">{note}</p> : null}
    </figure>
  );
}

/** A network's box: its layers by kind and size, and its weight count. */
function NetBox({
  id,
  title,
  net,
  lang,
}: {
  id: string;
  title: string;
  net: NetworkLayout | undefined;
  lang: Lang;
}) {
  const t = useText();
  const chain = net ? layerChain(net) : '';
  return (
    <Box id={id} title={title} thumb={null} elsewhere="network-layers">
      {net ? (
        <p className="small-text">
          <code>{chain}</code>
          <br />
          <span className="muted">
            {t.lab.graph.net(net.layers.length, formatNumber(lang, net.params))}
          </span>
        </p>
      ) : null}
    </Box>
  );
}

const Arrow = ({ left = false }: { left?: boolean }) => (
  <span className="graph-arrow" aria-hidden="true">
    {left ? '←' : '→'}
  </span>
);

/**
 * The model-overview graph (GAN Lab's, for every family): z → G → G(z) → D ← x for GANs;
 * x → encoder → μ, σ → z = μ + σ·ε → decoder → x̂ for the VAE; the autoencoder without σ and ε.
 * Networks come from the run's real layer list; the pictures are what passes through now.
 */
export const ModelGraph = memo(function ModelGraph({
  snap,
  onClose,
}: {
  snap: RunSnapshot;
  onClose: () => void;
}) {
  const t = useText();
  const g = t.lab.graph;
  // A box hovered as the graph closes leaves no outline behind.
  useEffect(() => () => highlight(null), []);
  const { images, plane, flow, networks } = snap;
  const family = MODELS[snap.config.model].family;
  const net = (name: string) => networks?.find((n) => n.name === name);
  const image = (which: 'samples' | 'second', crop?: Crop): Thumb => {
    const img = which === 'samples' ? images?.samples : images?.second.image;
    return img ? (ctx) => drawImage(ctx, img, THUMB, crop) : null;
  };
  /** Points: data at the 2-D view's scale (`extent`), latent codes at their own. */
  const cloud = (pairs: Float32Array | null | undefined, color: string, extent?: number): Thumb =>
    pairs ? (ctx) => drawCloud(ctx, pairs, THUMB, color, extent) : null;
  // Real x and what comes out: images from the pictures, points from the 2-D view.
  const half = images?.second.kind === 'reconstructions';
  const real: Thumb = plane
    ? cloud(plane.real, REAL_COLOR, plane.extent)
    : image(
        'second',
        half ? { top: 0, bottom: 0.5, right: 3 / 8 } : { top: 0, bottom: 1, right: 3 / 8 },
      );
  const out: Thumb = plane
    ? cloud(plane.fake, FAKE_COLOR, plane.extent)
    : image(
        family === 'gan' ? 'samples' : 'second',
        family === 'gan'
          ? { top: 0, bottom: 0.5, right: 0.5 }
          : { top: 0.5, bottom: 1, right: 3 / 8 },
      );
  const shownAt = plane ? 'plane' : family === 'gan' ? 'samples' : 'second';
  const scores = flow?.scores;
  return (
    <section className="panel graph-panel" aria-labelledby="graph-title" data-testid="graph">
      <div className="panel-tools">
        <button type="button" className="link-button" onClick={onClose}>
          {g.close}
        </button>
      </div>
      <h2 id="graph-title">
        {g.title}
        {flow ? <span className="muted">{t.app.atStep(flow.step)}</span> : null}
      </h2>
      <p className="small-text">{g.intro}</p>
      {!flow ? <p className="muted small-text">{g.pending}</p> : null}
      <div className="graph-row">
        {family === 'gan' ? (
          <>
            <Box
              id="noise"
              title={g.boxes.noise}
              thumb={cloud(flow?.codes, '#5a6270')}
              note={g.cloud}
              elsewhere={null}
            />
            <Arrow />
            <NetBox
              id="generator"
              title={g.boxes.generator}
              net={net('generator')}
              lang={snap.lang}
            />
            <Arrow />
            <Box id="fake" title={g.boxes.fake} thumb={out} elsewhere={shownAt} />
            <Arrow />
            <NetBox
              id="discriminator"
              title={g.boxes.discriminator}
              net={net('discriminator')}
              lang={snap.lang}
            />
            <Arrow left />
            <Box id="x" title={g.boxes.x} thumb={real} elsewhere={plane ? 'plane' : 'second'} />
            <Arrow />
            <Box
              id="scores"
              title={g.boxes.scores}
              thumb={
                scores
                  ? (ctx) => drawScores(ctx, scores.real, scores.fake, scores.probability, THUMB)
                  : null
              }
              note={scores ? g.scores(scores.probability) : undefined}
              elsewhere="chart"
            />
          </>
        ) : (
          <>
            <Box id="x" title={g.boxes.x} thumb={real} elsewhere={shownAt} />
            <Arrow />
            <NetBox id="encoder" title={g.boxes.encoder} net={net('encoder')} lang={snap.lang} />
            <Arrow />
            {family === 'vae' ? (
              <>
                <Box
                  id="mu"
                  title={g.boxes.muSigma}
                  thumb={cloud(flow?.codes, FAKE_COLOR)}
                  note={g.cloud}
                  elsewhere={plane ? 'plane' : null}
                />
                <Box
                  id="sigma"
                  title="σ"
                  thumb={flow?.sigma ? (ctx) => drawBars(ctx, flow.sigma!, THUMB) : null}
                  note={g.sigma}
                  elsewhere={null}
                />
                <Arrow />
                <Box
                  id="z"
                  title={g.boxes.z}
                  thumb={cloud(flow?.sampled, FAKE_COLOR)}
                  note={g.cloud}
                  elsewhere={null}
                />
              </>
            ) : (
              <Box
                id="z"
                title={g.boxes.code}
                thumb={cloud(flow?.codes, FAKE_COLOR)}
                note={g.cloud}
                elsewhere={plane ? 'plane' : null}
              />
            )}
            <Arrow />
            <NetBox id="decoder" title={g.boxes.decoder} net={net('decoder')} lang={snap.lang} />
            <Arrow />
            <Box
              id="xhat"
              title={plane ? g.boxes.decoded : g.boxes.xhat}
              thumb={out}
              elsewhere={shownAt}
            />
          </>
        )}
      </div>
    </section>
  );
});
