import type { DataSetId } from '../config/datasets.ts';
import type { ChoiceKey, FieldKey, OptionOf } from '../config/fields.ts';
import { noticeText } from '../config/link.ts';
import type { MetricName } from '../config/models.ts';
import type { PresetId } from '../config/presets.ts';
import type { ModelId } from '../config/schema.ts';
import type { DataLabel } from '../data/hostData.ts';

// The page's English names for what the config tables hold (fields, options, models, data
// sets, demos, metrics), and its sentences about the data set and the link (en.tsx uses them).

type FieldText = { label: string; help?: string };

const fields: Record<FieldKey, FieldText> = {
  model: { label: 'Model' },
  backend: { label: 'Backend' },
  data: { label: 'Data set' },
  digits: {
    label: 'Digits to train on',
    help: 'A bitmask in the link: bit d set trains on digit d (1023 = all ten).',
  },
  usize: { label: 'Image size' },
  spread: {
    label: 'Spread around drawn points',
    help: 'Each sample is a drawn point plus Gaussian noise of this standard deviation.',
  },
  seed: { label: 'Seed', help: 'Weights, data order and noise all derive from it.' },
  arch: {
    label: 'Architecture',
    help: 'The article’s networks are its Keras listings, layer for layer; the small ones are narrower, for slow machines.',
  },
  latent: { label: 'Latent size' },
  hidden: { label: 'Hidden units per layer' },
  layers: { label: 'Hidden layers' },
  act: { label: 'Activation', help: 'Leaky ReLU: slope 0.2 below zero, as in DCGAN.' },
  batch: { label: 'Batch size' },
  opt: { label: 'Optimizer' },
  lr: { label: 'Learning rate', help: 'Applies at once, even mid-run.' },
  b1: { label: 'Adam β1' },
  b2: { label: 'Adam β2' },
  recon: { label: 'Reconstruction loss' },
  beta: {
    label: 'β (weight of the KL term)',
    help: 'β > 1 trades sharpness for a smoother, more disentangled latent space.',
  },
  warmup: { label: 'KL warm-up (steps)', help: 'β ramps from 0 to its value over these steps.' },
  loss: { label: 'GAN loss' },
  dlr: { label: 'Discriminator learning rate' },
  dsteps: { label: 'D steps per G step' },
  smooth: { label: 'One-sided label smoothing', help: 'D aims at 1 − this for real data.' },
  gp: { label: 'Gradient-penalty weight λ' },
  bn: {
    label: 'Batch norm in G (DCGAN)',
    help: 'DCGAN’s batch normalisation after each of G’s layers but the last.',
  },
  every: { label: 'Pictures every (steps)' },
  quality: {
    label: 'Digit quality every (steps)',
    help: 'MNIST: the Fréchet digit distance and the class histogram of 1,000 generated digits (0 = off).',
  },
  steps: { label: 'Step budget (0 = none)' },
};

const dataSets: Record<DataSetId, string> = {
  mnist: 'MNIST digits (28×28 gray)',
  shapes: 'Colored shapes (32×32 color)',
  upload: 'Your own images',
  ring: 'Ring of 8 Gaussians',
  grid: '5×5 grid of Gaussians',
  moons: 'Two moons',
  spiral: 'Spiral',
  swiss: 'Swiss roll (2-D)',
  checker: 'Checkerboard',
  circles: 'Concentric circles',
  line: 'Line',
  twogauss: 'Two Gaussians',
  clusters: 'Three disjoint clusters',
  drawn: 'Draw your own',
};

const options: { [K in ChoiceKey]: Record<OptionOf<K>, string> } = {
  model: {
    vae: 'Variational autoencoder (VAE)',
    ae: 'Autoencoder (deterministic)',
    gan: 'GAN',
    cvae: 'Conditional VAE (digit class)',
    cgan: 'Conditional GAN (digit class)',
  },
  backend: { auto: 'Auto (WebGPU → WebGL → CPU)', webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' },
  data: dataSets,
  usize: { gray28: '28×28 gray', color32: '32×32 color' },
  arch: {
    dense: 'Dense (MLP)',
    article: 'The article’s (convolutional)',
    conv: 'Small convolutional',
  },
  act: { relu: 'ReLU', leakyRelu: 'Leaky ReLU', elu: 'ELU', tanh: 'tanh' },
  opt: { adam: 'Adam', rmsprop: 'RMSProp', sgd: 'SGD with momentum 0.9' },
  recon: { bce: 'Bernoulli (binary cross-entropy)', mse: 'Gaussian (squared error)' },
  loss: {
    nonsaturating: 'Non-saturating',
    minimax: 'Minimax (the original)',
    lsgan: 'Least squares (LSGAN)',
    wgangp: 'Wasserstein + GP',
  },
  bn: { off: 'Off', on: 'On' },
};

const models: Record<ModelId, string> = {
  vae: 'Variational autoencoder',
  ae: 'Autoencoder',
  gan: 'GAN',
  cvae: 'Conditional VAE',
  cgan: 'Conditional GAN',
};

const presets: Record<PresetId, { title: string; blurb: string }> = {
  'vae-2d': {
    title: 'VAE, 2-D latent, MNIST',
    blurb:
      'Two latent numbers per digit: drag the point across the latent plane and watch one digit morph into another.',
  },
  'ae-2d': {
    title: 'Autoencoder, same digits',
    blurb:
      'The VAE’s deterministic twin (same data, seed and sizes): its held-out reconstructions are no better at a 2-D latent, and random codes z ~ N(0, I) often decode to junk.',
  },
  'beta-vae': {
    title: 'β-VAE, β = 4',
    blurb: 'A heavier KL term: smoother, blurrier samples and a tidier latent space.',
  },
  dcgan: {
    title: 'DCGAN on MNIST',
    blurb:
      'The article’s convolutional GAN, layer for layer. Slow without a GPU (seconds a step): give it a few hundred steps, or pick the small conv networks.',
  },
  'conv-vae': {
    title: 'The article’s conv VAE',
    blurb:
      'The article’s convolutional encoder and decoder, with a 2-D latent: compare its samples and latent plane with the dense VAE’s.',
  },
  'ring-gan': {
    title: 'GAN on a ring of 8 Gaussians',
    blurb: 'Watch G chase the modes: it often covers a few and bridges the rest (mode collapse).',
  },
  'wgan-spiral': {
    title: 'WGAN-GP on the spiral',
    blurb:
      'The Wasserstein critic with a gradient penalty (λ = 0.1, the WGAN-GP paper’s for toy data), five critic steps per G step.',
  },
  'vae-moons': {
    title: 'VAE on two moons',
    blurb:
      'Codes of the real points gather into N(0, I) while the decoder bends the plane onto the moons.',
  },
  'draw-gan': {
    title: 'GAN on a drawing',
    blurb: 'A GAN learns the smiley; draw your own shape and train on it.',
  },
  cvae: {
    title: 'Conditional VAE: choose the digit',
    blurb:
      'The class joins the encoder’s x and the decoder’s z: pick a digit, move z for its style, or fix z and sweep the class.',
  },
  cgan: {
    title: 'Conditional GAN: choose the digit',
    blurb: 'G and D both read the digit’s class: G learns to draw the one asked for.',
  },
};

const metrics: Record<MetricName, string> = {
  reconstruction: 'Reconstruction',
  total: 'Total (−ELBO)',
  kl: 'KL(q(z|x) ‖ N(0, I))',
  dLoss: 'D loss',
  gLoss: 'G loss',
  dReal: 'D(x), real',
  dFake: 'D(G(z)), fake',
  heldOutTotal: 'Held-out −ELBO',
  heldOutReconstruction: 'Held-out reconstruction',
  jsDivergence: 'JS(real, generated)',
  optimalDLoss: 'D loss at the best D (2 ln 2 − 2·JS)',
  klDivergence: 'KL(real ‖ generated)',
  slicedWasserstein: 'Sliced Wasserstein',
  frechet: 'Fréchet digit distance',
};

/** What the worker says of the data set it built (DataInfo). */
export interface DataLine {
  label: DataLabel;
  trainCount: number;
  heldOutCount: number;
  smallBatch: number | null;
}

function dataLine(d: DataLine, batch: number): string {
  const { set, digits, points } = d.label;
  const n = d.trainCount;
  const name =
    set === 'mnist'
      ? `MNIST${digits ? ` (only ${digits.join(', ')})` : ''}: ${n} training and ${d.heldOutCount} held-out digits`
      : set === 'shapes'
        ? `Colored shapes: ${n} training and ${d.heldOutCount} held-out images`
        : set === 'upload'
          ? `Your images: ${n} training and ${d.heldOutCount} held-out`
          : set === 'drawn'
            ? `Your drawing: ${points} points, ${n} samples`
            : `${dataSets[set]}: ${n} samples`;
  return d.smallBatch === null
    ? name
    : `${name}; batches of ${d.smallBatch} (the whole training set, smaller than the batch size ${batch})`;
}

export const enTerms = {
  fields,
  options,
  models,
  presets,
  metrics,
  dataLine,
  notice: noticeText,
};
