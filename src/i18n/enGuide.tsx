import type { ReactElement } from 'react';
import type { PresetId } from '../config/presets.ts';
import type { Family } from '../config/models.ts';
import type { RunConfig } from '../config/schema.ts';
import { Term } from './term.tsx';

// The guide's English: the demo card (what a demo shows, what to watch for and at which step),
// the chart's reading of a good run, and the glossary's titles. The steps and figures quoted
// are the demos' measured ones (bench/PRESET_SCORES.md: same link, same seed).

/** One thing to watch for, from step `at` on (null: all along). */
export interface Watch {
  at: number | null;
  text: ReactElement;
}

const presets: Record<PresetId, Watch[]> = {
  'vae-2d': [
    {
      at: null,
      text: (
        <>
          The samples start as grey noise; within the first hundred steps the loss falls steeply and
          they turn into blurry blobs.
        </>
      ),
    },
    {
      at: 300,
      text: (
        <>
          Blurry digit-like shapes (Fréchet digit distance 302 → 174 in this demo). Drag the point
          on the latent pad: one digit morphs into another, because the <Term id="kl">KL</Term> term
          packs the codes into N(0, I) without holes.
        </>
      ),
    },
    {
      at: 1000,
      text: (
        <>
          <Term id="kl">KL</Term> levels off; the <Term id="heldOut">held-out</Term> −
          <Term id="elbo">ELBO</Term> stays close to the training one: the model generalises.
        </>
      ),
    },
  ],
  'ae-2d': [
    {
      at: 300,
      text: (
        <>
          Held-out reconstructions about as good as the VAE’s: held-out loss 178 here, 188 for the
          VAE, whose figure includes its <Term id="kl">KL</Term> term.
        </>
      ),
    },
    {
      at: 300,
      text: (
        <>
          Yet the “samples”, decoded from random z ~ N(0, I), are mostly blends and junk: the
          classifier finds about 1.4 classes in them, against 3.1 for the VAE. Drag the latent point
          away from the codes and see what the autoencoder never learned.
        </>
      ),
    },
  ],
  'beta-vae': [
    {
      at: null,
      text: (
        <>
          <Term id="kl">KL</Term> stays low: at <Term id="beta">β</Term> = 4 each nat of KL costs
          four times as much, so the codes stay close to the prior.
        </>
      ),
    },
    {
      at: 300,
      text: (
        <>
          Smooth, blurry samples of several classes (Fréchet 303 → 114). Move one slider at a time:
          some change one property; some change nearly nothing, unused dimensions that a large β
          leaves at the prior.
        </>
      ),
    },
  ],
  dcgan: [
    {
      at: null,
      text: (
        <>
          Watch the D loss against its dotted <Term id="equilibrium">equilibrium</Term> line: if it
          slides to 0, the <Term id="discriminator">discriminator</Term> is winning and G learns
          little.
        </>
      ),
    },
    {
      at: 40,
      text: (
        <>
          Still noise and blobs (Fréchet 303 → 299 at step 40): the article’s networks need hundreds
          of <Term id="step">steps</Term>, seconds each without a GPU.
        </>
      ),
    },
  ],
  'conv-vae': [
    {
      at: 300,
      text: (
        <>
          Blurry shapes (Fréchet 303 → 256): slower to start than the dense VAE (174 at the same
          step), whose decoder has far more weights. Compare their latent pads.
        </>
      ),
    },
  ],
  'ring-gan': [
    {
      at: null,
      text: (
        <>
          At first G’s points do not follow the ring at all. The shading is D’s belief that a point
          is real; the arrows show where G’s gradient pushes its points.
        </>
      ),
    },
    {
      at: 1000,
      text: (
        <>
          G covers some of the eight modes and draws bridges between others (JS divergence 0.66 →
          0.47). Modes with no generated points are <Term id="modeCollapse">mode collapse</Term>.
        </>
      ),
    },
  ],
  'wgan-spiral': [
    {
      at: null,
      text: (
        <>
          The <Term id="critic">critic</Term> loss drops below 0 as the critic learns to separate
          real from generated points, then rises back toward 0 as G’s points reach the spiral.
        </>
      ),
    },
    {
      at: 1000,
      text: (
        <>
          The points trace the spiral (<Term id="swd">sliced Wasserstein</Term> 0.43 → 0.07).
        </>
      ),
    },
  ],
  'vae-moons': [
    {
      at: null,
      text: (
        <>
          In the codes panel, the real points’ codes gather into the circles of N(0, I) while the
          decoder bends the plane onto the two moons.
        </>
      ),
    },
    {
      at: 1000,
      text: (
        <>
          Samples cover both moons (JS 0.59 → 0.13), a little blurred across the gap between them.
        </>
      ),
    },
  ],
  'draw-gan': [
    {
      at: null,
      text: (
        <>
          Paint your own shape on the drawing pad and press “Train on this drawing”; the link keeps
          it.
        </>
      ),
    },
    {
      at: 1000,
      text: <>G’s points fill the smiley’s strokes (sliced Wasserstein 0.59 → 0.18).</>,
    },
  ],
  cvae: [
    {
      at: null,
      text: (
        <>
          In Latent space, pick a digit and drag z: the digit stays, its slant and thickness move.
          The strip above draws one z as every class.
        </>
      ),
    },
    {
      at: 300,
      text: (
        <>The quality panel’s “as asked” says how often the classifier reads the digit asked for.</>
      ),
    },
  ],
  cgan: [
    {
      at: null,
      text: (
        <>
          The sample grid asks for 0, 1, …, 9 in turn, row after row: watch each position settle on
          its digit.
        </>
      ),
    },
  ],
};

const families: Record<Family, { shows: string; watch: Watch[] }> = {
  vae: {
    shows:
      'A variational autoencoder: it learns a distribution of the data and samples from it by decoding codes drawn from N(0, I).',
    watch: [
      {
        at: null,
        text: (
          <>
            The loss (−<Term id="elbo">ELBO</Term>) falls fast, then slowly; <Term id="kl">KL</Term>{' '}
            rises at first, as the codes begin to carry information, then levels off.
          </>
        ),
      },
      {
        at: 300,
        text: <>Samples turn from noise into blurry shapes; drag the latent sliders.</>,
      },
    ],
  },
  ae: {
    shows:
      'A plain autoencoder: it maps each input to a code and back, and learns no distribution to sample from.',
    watch: [
      {
        at: null,
        text: (
          <>
            <Term id="reconstruction">Reconstruction</Term> falls; the{' '}
            <Term id="heldOut">held-out</Term> line says whether it generalises.
          </>
        ),
      },
      {
        at: 300,
        text: <>Reconstructions look right; random codes still decode to junk.</>,
      },
    ],
  },
  gan: {
    shows:
      'A GAN: a generator learns to turn noise into samples that a discriminator cannot tell from real data.',
    watch: [
      {
        at: null,
        text: (
          <>
            D loss and G loss wander around the dotted <Term id="equilibrium">equilibrium</Term>{' '}
            lines; a D loss near 0 means D is winning and G learns little.
          </>
        ),
      },
      {
        at: 300,
        text: (
          <>
            Samples turn from noise into shapes; watch for{' '}
            <Term id="modeCollapse">mode collapse</Term>.
          </>
        ),
      },
    ],
  },
};

/** What a good run looks like on the chart, per model (and GAN loss). */
function goodRun(family: Family, loss: RunConfig['loss'], points: boolean): ReactElement {
  if (family === 'vae')
    return (
      <>
        A good run: the total falls steeply, then slowly; <Term id="kl">KL</Term> rises at first,
        then levels off;{' '}
        {points ? (
          <>
            <Term id="js">JS</Term> falls as the samples come to cover the data.
          </>
        ) : (
          <>
            the dashed <Term id="heldOut">held-out</Term> line stays close to the training one.
          </>
        )}
      </>
    );
  if (family === 'ae')
    return (
      <>
        A good run: <Term id="reconstruction">reconstruction</Term> falls and levels off, and the
        dashed held-out line stays close. A low loss says nothing about random codes: look at the
        samples.
      </>
    );
  const quality = points ? (
    <>
      , while <Term id="js">JS</Term> falls
    </>
  ) : null;
  return loss === 'wgangp' ? (
    <>
      A good run: the <Term id="critic">critic</Term> loss dips below 0, then rises back toward it
      {quality}. It has no level to settle at.
    </>
  ) : (
    <>
      A good run: D loss and G loss wander around their dotted{' '}
      <Term id="equilibrium">equilibrium</Term> lines instead of settling{quality}. D loss sliding
      to 0 means D wins and G stops learning.
    </>
  );
}

export const enGuide = {
  card: {
    label: 'About this demo: ',
    shared: (model: string, data: string) => `${model} on ${data}`,
    shows: 'What it shows: ',
    watch: 'What to watch for:',
    all: 'from the start',
    at: (step: number) => `by step ${step}`,
    reached: 'reached',
    start: 'Start training',
    pause: 'Pause training',
    dismiss: 'Hide this card',
  },
  trained: {
    start: (step: number) => `Start trained (step ${step})`,
    scratch: 'Start from scratch',
    loading: (loaded: string, total: string) =>
      `Loading the trained weights: ${loaded} of ${total}…`,
    loaded: (step: number, scores: string, seconds: number, backend: string) =>
      `This run began from the demo’s trained weights of step ${step}, trained by npm run train:demos in ${seconds} s on ${backend} (${scores}). Drag the latent sliders, or press Start to train on from there.`,
    failed: (reason: string) =>
      `The trained weights could not be loaded: ${reason}. The run is as it was; training from scratch still works.`,
    none: 'The link asked to start from trained weights (from=trained), but this setup has none: it trains from scratch.',
    heading: (step: number) =>
      `Where a run from scratch is heading: the trained model at step ${step}`,
    scores: {
      frechet: (v: string) => `Fréchet digit distance ${v}`,
      classes: (v: string) => `${v} classes`,
      heldOutLoss: (v: string) => `held-out loss ${v}`,
      js: (v: string) => `JS ${v}`,
      swd: (v: string) => `sliced Wasserstein ${v}`,
    },
  },
  presets,
  families,
  goodRun,
  lines: {
    all: (n: number) => `Show all ${n} lines`,
    main: 'Main lines only',
  },
  symbols: 'Symbols:',
  glossary: 'Terms in plain words',
};
