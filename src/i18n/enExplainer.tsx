import type { ReactElement, ReactNode } from 'react';
import type { RunConfig } from '../config/schema.ts';
import { POINT_SIGMA } from '../config/datasets.ts';
import { POINT_NLL_CONSTANT, type Explained } from './explained.ts';
import { Fixed, FORMULAS, n3, Wrong } from './articleFormulas.tsx';
import { Symbols, Term } from './term.tsx';
import { formulaSymbols, type SymbolWords } from './formulaSymbols.ts';

// "How it works" in English: per family, what the model does on this kind of data, how to read
// its curves, and where the article (../shared/000_…txt, the text this page teaches) says
// otherwise, with what the playground does instead and why. Formulas are the same in every
// language.

/** A note of the article-vs-playground table. */
export interface ArticleNote {
  says: string | ReactElement;
  does: string | ReactElement;
  why: string | ReactElement;
}

const SYMBOLS = 'Symbols:';
const WORDS: SymbolWords = {
  encoder: 'encoder',
  decoder: 'decoder',
  recon: 'recon',
  critic: 'critic',
  equilibrium: 'equilibrium',
};

const noun = { digits: 'digit', shapes: 'image', upload: 'image', points: 'point' } as const;

function reconstructionNote({ c, data }: Explained): ReactNode {
  if (data === 'points')
    return `The decoder is a Gaussian, p(x|z) = N(x; decoder(z), ${POINT_SIGMA}²·I), so −log p(x|z) = ‖x − x̂‖² / (2·${POINT_SIGMA}²) + ln(2π·${POINT_SIGMA}²). The chart leaves out the constant ln(2π·${POINT_SIGMA}²) ≈ ${POINT_NLL_CONSTANT.toFixed(2)} nats per point: the true −log p(x|z) is ${(-POINT_NLL_CONSTANT).toFixed(2)} lower, and can go below zero (a narrow Gaussian's density exceeds 1).`;
  return c.recon === 'bce'
    ? 'Bernoulli decoder: −log p(x|z) is the binary cross-entropy between the pixels and the decoder’s probabilities, summed over pixels.'
    : 'Gaussian decoder: the squared error Σ(x − x̂)² is −log N(x; x̂, σ²·I) up to a constant with σ² = ½, a standard deviation of 0.71 per pixel whose values lie in [0, 1]. So loose a likelihood weighs reconstruction lightly against the KL term: expect blurrier samples than with the Bernoulli loss.';
}

const ganReading: Record<RunConfig['loss'], (e: Explained) => ReactNode> = {
  nonsaturating: ({ equilibrium: q }) => (
    <>
      D(x) and D(G(z)) are D’s probabilities of “real”. At the game’s equilibrium (p_g = p_data) the
      best D cannot tell: D(x) = D(G(z)) = {n3(q!.d)}, D loss = {n3(q!.dLoss)}
      {q!.d === 0.5 ? ' (2 ln 2)' : ''}, G loss = {n3(q!.gLoss)}
      {q!.d === 0.5 ? ' (ln 2)' : ''}: the chart’s dashed lines. Real runs wander around them. When
      D(G(z)) sinks toward 0 and D loss toward 0, D is winning; this form of G’s loss still gives G
      strong gradients there, which is why it is the default.
    </>
  ),
  minimax: ({ equilibrium: q }) => (
    <>
      D(x) and D(G(z)) are probabilities; at the equilibrium D(x) = D(G(z)) = {n3(q!.d)}, D loss ={' '}
      {n3(q!.dLoss)}, and G’s loss E[log(1 − D(G(z)))] = {n3(q!.gLoss)} (dashed lines). This is the
      original form: when D(G(z)) sinks to 0, log(1 − D(G(z))) flattens and G’s gradient vanishes,
      so G stops learning exactly when it is worst (try the non-saturating loss).
    </>
  ),
  lsgan: ({ equilibrium: q }) => (
    <>
      D outputs a raw score, not a probability: targets are {n3(2 * q!.d)} for real and 0 for
      generated data. At the equilibrium the best D scores {n3(q!.d)} everywhere, with D loss ={' '}
      {n3(q!.dLoss)} and G loss = {n3(q!.gLoss)} (dashed lines). Scores pulled far apart mean D
      separates the two; the squared loss still gives G gradients proportional to how far its
      samples’ scores are from the real target.
    </>
  ),
  wgangp: ({ c }) => (
    <>
      The critic’s scores are not probabilities and have no fixed level: only the gap E[D(x)] −
      E[D(G(z))] means something, an estimate of the Wasserstein-1 distance while the penalty keeps
      the critic near 1-Lipschitz. The penalty is taken at x̂ = α·x + (1 − α)·G(z), α ~ U(0, 1):
      points on the segments between real and generated samples, where it asks for a gradient of
      norm 1 (weight λ = {c.gp}). As G improves, the gap shrinks toward 0; the critic loss is −gap +
      λ·penalty, so it rises toward 0 from below. There is no ½ to aim for.
    </>
  ),
};

const ganObjective: Record<RunConfig['loss'], (c: RunConfig) => string> = {
  minimax: () => 'min_G max_D V(D, G) = E[log D(x)] + E[log(1 − D(G(z)))]',
  nonsaturating: () =>
    'D: max E[log D(x)] + E[log(1 − D(G(z)))]; G: max E[log D(G(z))] (the non-saturating form)',
  lsgan: () => 'D: min ½E[(D(x) − 1)²] + ½E[D(G(z))²]; G: min ½E[(D(G(z)) − 1)²]',
  wgangp: (c) =>
    `critic: max E[D(x)] − E[D(G(z))] − λ·E[(‖∇D(x̂)‖ − 1)²], x̂ = α·x + (1 − α)·G(z); G: max E[D(G(z))], λ = ${c.gp}`,
};

export const enExplainer = {
  vae: (e: Explained) => {
    const { c, data } = e;
    const x = noun[data];
    return (
      <>
        <p>
          A generative model: it learns a probability distribution of the data and samples new {x}s
          from it. The encoder maps a {x} x to a Gaussian q(z|x) = N(μ, σ²) in a {c.latent}-D latent
          space; a code is sampled as{' '}
          <Term id="reparam">
            <code>z = μ + σ · ε</code>
          </Term>
          , ε ~ N(0, I), and the decoder turns it back into a {x}. New {x}s come from decoding z ~
          N(0, I), the prior.
        </p>
        <p className="formula">
          ELBO = E<sub>q(z|x)</sub>[log p(x|z)] − KL(q(z|x) ‖ N(0, I)) ≤ log p(x)
          <br />
          loss = E<sub>q(z|x)</sub>[−log p(x|z)] + β · KL(q(z|x) ‖ N(0, I)), β = {c.beta}
          {e.elbo ? ' (the loss is −ELBO)' : ' (−ELBO only at β = 1)'}
        </p>
        <Symbols label={SYMBOLS} items={formulaSymbols.vae()} />
        <p>
          The <span className="swatch recon">reconstruction</span> term rewards rebuilding x; the{' '}
          <span className="swatch kl">KL</span> term pulls every q(z|x) toward N(0, I), so the codes
          fill the prior with few holes and most z ~ N(0, I) decode to a plausible {x}.{' '}
          {data === 'points'
            ? 'The 2-D view shows the decoder’s samples and the codes of real points against the circles of N(0, I).'
            : `Not every z does: with a 2-D latent, samples early in training cover only a few classes (the quality panel counts them). Samples stay blurry: each is the decoder’s mean, an average of the ${x}s whose codes lie near z.`}{' '}
          A larger β gives a smoother latent space and blurrier samples.
        </p>
        <p className="muted">{reconstructionNote(e)}</p>
      </>
    );
  },
  ae: (e: Explained) => {
    const { c, data } = e;
    const x = noun[data];
    return (
      <>
        <p>
          A plain autoencoder is not a generative model: it maps inputs to outputs. The same encoder
          and decoder as the VAE, but deterministic: x maps to one point z in a {c.latent}-D space,
          with no sampling and no KL term.
        </p>
        <p className="formula">
          loss = {data === 'points' ? '‖x − x̂‖² / (2·0.1²)' : 'recon(x, decoder(encoder(x)))'}{' '}
          {data === 'points'
            ? ''
            : c.recon === 'bce'
              ? '(binary cross-entropy)'
              : '(squared error)'}
        </p>
        <Symbols label={SYMBOLS} items={formulaSymbols.ae(WORDS)} />
        <p>
          Its reconstructions can be good, yet its “samples”, decoded from random z ~ N(0, I), are
          poor: nothing asks its codes to fill N(0, I), so random codes fall in the holes between
          the codes of the {x}s it learned. At a small latent size its held-out reconstruction is no
          better than the VAE’s: what the VAE adds costs little there. That is the contrast: a plain
          autoencoder gives no distribution to sample from.
        </p>
        {data === 'points' ? <p className="muted">{reconstructionNote(e)}</p> : null}
      </>
    );
  },
  gan: (e: Explained) => {
    const { c, data } = e;
    const x = noun[data];
    return (
      <>
        <p>
          A generative model that never writes its distribution down: a generator G turns noise z ~
          N(0, I) ({c.latent}-D) into {x}s, and sampling is just running G. A discriminator D learns
          to tell them from real {x}s, and G learns to fool it.{' '}
          {data === 'points'
            ? 'On 2-D data G ends in a linear layer (points anywhere on the plane); the 2-D view shades the plane by D’s belief and arrows show where G’s next step moves its points.'
            : 'On images G ends in tanh, values in [−1, 1], and real images are mapped there too (2x − 1).'}
        </p>
        <p className="formula">{ganObjective[c.loss](c)}</p>
        <Symbols label={SYMBOLS} items={formulaSymbols.gan(c.loss, WORDS)} />
        <p>
          <span className="swatch real">D(x)</span>, <span className="swatch fake">D(G(z))</span>:{' '}
          {ganReading[c.loss](e)}
        </p>
        {data === 'digits' && !e.article && c.arch === 'dense' ? (
          <p className="muted">
            The dense GAN on MNIST is slow to show digits without a GPU: on a 2-core machine with
            software rendering, 776 steps (3 minutes on WebGL) still gave only blobs. Give it
            thousands of steps, or train the DCGAN demo where a GPU is available.
          </p>
        ) : null}
      </>
    );
  },
  /** What the data are, and what reads the model's result on them. */
  dataNote: {
    digits:
      'MNIST: 28×28 gray digits, pixels in [0, 1]. The Digit quality panel judges the samples with a digit classifier.',
    shapes:
      'Colored shapes: 32×32 color images, three values per pixel. No classifier judges them: read the samples, and for the VAE and the autoencoder the held-out loss.',
    upload:
      'Your own images, centre-cropped and resized (28×28 gray or 32×32 color). A few dozen images are easy to memorise: compare the samples with your images, and the reconstructions of held-out ones with the originals.',
    points:
      '2-D points: every network is dense whatever the Architecture field says. The 2-D view shows the data and the samples; the JS divergence and the sliced Wasserstein distance compare generated with held-out points.',
  },
  /** The article, named, and the notes where it and the playground differ. */
  article: {
    title: 'The article says / the playground does / why',
    source: () => (
      <>
        This page teaches the article “概率性计算：大模型的生成模型” (Probabilistic computing:
        generative models in large models), by 禅与计算机程序设计艺术 / Zen and the Art of Computer
        Programming. Where it is wrong, the playground does otherwise, and says so here.
      </>
    ),
    listings: 'The article’s listings, corrected (Python, Keras)',
    says: 'The article says',
    does: 'The playground does',
    why: 'Why',
    vae: [
      {
        says: FORMULAS.vaeArticle,
        does: <>{FORMULAS.vaePlayground}, i.e. max ELBO</>,
        why: 'The KL term is added, not subtracted (minimising −KL would push q(z|x) away from the prior), and it is between distributions, q(z|x) = N(μ(x), σ²(x)) and the prior N(0, I), not between two means.',
      },
      {
        says: (
          <>
            encoder ends in one <Wrong>Dense(latent_dim)</Wrong>; build_vae chains encoder → decoder
          </>
        ),
        does: (
          <>
            two heads <Fixed>μ and log σ²</Fixed>, then z = μ + σ·ε, ε ~ N(0, I)
          </>
        ),
        why: 'One Dense gives one point: the listing’s “VAE” is a plain autoencoder. A Gaussian q(z|x) needs a mean and a variance, and sampling by reparameterisation lets the gradient reach the encoder.',
      },
      {
        says: 'decoder ends in sigmoid',
        does: 'the decoder outputs logits; the image is their sigmoid, the loss takes the logits',
        why: 'The same model, computed without log(0): binary cross-entropy from logits is stable.',
      },
      {
        says: 'Conv2D 32 and 64, 3×3, stride 2 (valid padding), 16-filter decoder',
        does: 'the same layers (arch = the article’s)',
        why: 'The listing’s networks train as written once the two fixes above are made.',
      },
    ] as ArticleNote[],
    ae: [
      {
        says: 'the VAE listing: encoder → Dense(latent_dim) → decoder, trained to reconstruct',
        does: 'this model, under its own name: the autoencoder',
        why: 'With one code per input and no KL term, that listing is a deterministic autoencoder. It maps inputs to outputs and gives no distribution to sample from; the VAE model here adds what makes it variational.',
      },
    ] as ArticleNote[],
    gan: [
      {
        says: FORMULAS.ganArticle,
        does: FORMULAS.ganPlayground,
        why: 'D and G play one game over one value function V(D, G): D maximises what G minimises. As written, D would be rewarded for calling generated samples real.',
      },
      {
        says: (
          <>
            four Conv2DTranspose layers, 7×7 → 7 → 14 → 28 → <Wrong>56×56×3</Wrong>
          </>
        ),
        does: (
          <>
            one 128-filter stride-2 layer left out: 7 → 7 → 14 → <Fixed>28×28×1</Fixed> (32×32×3 on
            colored shapes)
          </>
        ),
        why: 'G must draw images the size of the data, or D could tell them apart by size alone.',
      },
      {
        says: (
          <>
            build_gan: G and D compiled together with one loss; <Wrong>D is never trained</Wrong>
          </>
        ),
        does: (
          <>
            <Fixed>alternating steps</Fixed>: D on a real and a generated batch, then G through D (D
            fixed); Adam 2e-4, β1 = 0.5 for both, as the article chose
          </>
        ),
        why: 'A GAN is two players: without D’s own steps there is no one to fool, and G only chases a D that never learns.',
      },
      {
        says: 'D ends in Dense(1, sigmoid); LeakyReLU() (slope 0.3), Dropout 0.3; G’s Dense(7·7·128, relu)',
        does: 'the same, with the sigmoid applied inside the loss (arch = the article’s)',
        why: 'Cross-entropy from logits avoids log(0); the rest trains as written.',
      },
    ] as ArticleNote[],
  },
  networks: {
    title: 'The networks, layer by layer',
    names: {
      generator: 'Generator G',
      discriminator: 'Discriminator D',
      encoder: 'Encoder',
      decoder: 'Decoder',
    } as Record<string, string>,
    params: (count: string) => `${count} weights`,
    output: 'output',
  },
};
