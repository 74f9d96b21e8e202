import type { ReactNode } from 'react';
import type { RunConfig } from '../config/schema.ts';
import { MODELS, type MetricName } from '../config/models.ts';
import { enTerms } from './enTerms.ts';
import { Term } from './term.tsx';
import { enExplainer } from './enExplainer.tsx';
import { enGuide } from './enGuide.tsx';
import { enCompare, enCompareDemos } from './enCompare.tsx';
import { enLab } from './enLab.tsx';
import { enGlossary } from './enGlossary.ts';

export type { DataLine } from './enTerms.ts';

// The page's English. Every key here must be in every other language's catalog (zh.tsx): the
// Catalog type is made from this object, so a missing or extra key is a compile error. Texts
// with numbers in them are functions; formulas stay as they are in every language.

export const en = {
  lang: { name: 'English', label: 'Language', tag: 'en' },
  app: {
    title: 'Generative model playground',
    tagline:
      'Train a VAE, an autoencoder or a GAN on real MNIST digits, 2-D distributions, colored shapes or a drawing of your own, live in your browser: TensorFlow.js on WebGPU, in a Web Worker. Nothing leaves this page.',
    source:
      'It teaches the article “概率性计算：大模型的生成模型” (Probabilistic computing: generative models in large models): its networks, and its errors corrected in the open, beside what the playground does.',
    training: 'Training',
    losses: 'Losses',
    latentSpace: 'Latent space',
    latentHint: ' · drag the sliders or the point, even while training',
    view2d: '2-D view',
    atStep: (step: number) => ` · step ${step}`,
    viewPending: 'The view appears once the model is built.',
    howItWorks: 'How it works',
    demos: 'Demos',
    demosLabel: 'Demos:',
  },
  ...enTerms,
  numberProblem: (whole: boolean, min: number, max: number) =>
    `${whole ? 'A whole number' : 'A number'} from ${min} to ${max}`,
  controls: {
    model: 'Model',
    data: 'Data',
    newSeed: 'New seed',
    newSeedTitle: 'A random seed: new weights, data order and noise (the link keeps it)',
    runOptions: 'Run options',
    points2d:
      '2-D data: the networks are dense and points are modelled directly (linear outputs; the VAE’s decoder is a Gaussian with σ = 0.1).',
    digits: 'Digits to train on',
    digit: (d: number) => `Digit ${d}`,
    allTen: 'All ten',
  },
  train: {
    start: 'Start',
    pause: 'Pause',
    step: 'Step',
    reset: 'Reset',
    keys: () => (
      <>
        Keys: <kbd>Space</kbd> train / pause · <kbd>→</kbd> one step · <kbd>R</kbd> reset
      </>
    ),
    dataLoading: 'Data: loading…',
    budgetReached: (budget: number) => ` · step budget of ${budget} reached`,
  },
  progress: {
    backend: (_loading: boolean, _model: string) => 'Starting the tfjs backend…',
    data: (loading: boolean, _model: string) =>
      loading ? 'Loading the MNIST digits…' : 'Preparing the data…',
    probe: (_loading: boolean, _model: string) =>
      'Timing each backend on this setup, to train on the fastest (later visits reuse the result)…',
    model: (_loading: boolean, model: string) => `Building the ${model}…`,
    quality: (_loading: boolean, _model: string) =>
      'Measuring the model’s digit quality (1,000 samples) before the first step…',
  },
  status: {
    backend: 'Backend:',
    starting: 'Starting the training worker…',
    failed: 'Stopped by an error',
    compiling: 'Compiling GPU kernels for the first step…',
    /** The CPU backend compiles nothing: its first step is only slow on a large network. */
    firstStepCpu: 'Taking the first step…',
    training: 'Training',
    paused: 'Paused',
    ready: 'Ready: press Start',
    step: 'Step',
    stepsPerSec: 'steps/s',
    whilePaused: ' (paused)',
    /** The CPU backend's "adapter", said on the page (the worker's words are English). */
    cpuAdapter: 'JavaScript on the CPU',
    firstStep: (seconds: string) => `first step after ${seconds} s`,
    compilingFor: (seconds: string) => `${seconds} s so far`,
    loaded: (loaded: string, total: string | null) =>
      total === null ? loaded : `${loaded} of ${total}`,
  },
  banners: {
    restart: 'Restart',
    backTo: (step: number) => `Back to step ${step}`,
    gentler: (step: number | null) =>
      `${step !== null ? `Back to step ${step}` : 'Reset'} with learning rates ÷ 10`,
    kept: (step: number, when: string) => `This link's run was kept at step ${step} (${when}).`,
    resume: (step: number) => `Resume at step ${step}`,
    startOver: 'Start over',
    fallback: (backend: string, reason: string) =>
      `Running on ${backend} because: ${reason}. Training works; Chrome or Edge with WebGPU enabled runs it on your GPU.`,
    forced: (backend: string, key: string) =>
      `The link asked for the ${backend} backend (backend=${key}).`,
    auto: (backend: string, times: string[], timed: 'step' | 'layer', measuredOn: string | null) =>
      `Auto measured the backends on this setup${measuredOn ? ` in this browser on ${measuredOn} (it keeps a result for 30 days instead of measuring again)` : ''}, because WebGPU runs here on a software adapter (no GPU to use): ${timed === 'step' ? `one training step took ${times.join(', ')} (WebGL is not timed on 2-D points: each of a step’s tiny operations is a draw call there, slower than the CPU at this size)` : `one step of the first layer, forward and backward, took ${times.join(', ')}`}. It chose ${backend}, the fastest (it leaves WebGPU only for one at least 1.5× faster). Choose another under Run options to compare: the page keeps the speeds it measures.`,
    probeTime: (backend: string, ms: string) => `${ms} ms on ${backend}`,
    measured: (speeds: string[], fast: string, ratio: string) =>
      `Measured in this browser on this setup: ${speeds.join(', ')}. ${fast} ran it ${ratio}× faster here.`,
    speed: (backend: string, stepsPerSec: string) => `${backend} ${stepsPerSec} steps/s`,
    ignored: 'Some values in the link were ignored:',
  },
  errors: {
    diverged: (nan: boolean, step: number, advice: string) =>
      `The loss became ${nan ? 'NaN' : 'infinite'} at step ${step}, so training was paused. ${advice}`,
    advice: {
      vae: 'Try a lower learning rate or a smaller β, then Reset.',
      ae: 'Try a lower learning rate, then Reset.',
      gan: 'Try lower learning rates, the WGAN-GP loss (its gradient penalty keeps the critic tame), then Reset.',
    },
    deviceLost: (step: number, detail: string, at: number | null) =>
      `The GPU device was lost at step ${step} (${detail}). ` +
      (at !== null
        ? `Training goes on from step ${at}, the last snapshot, on a fresh device.`
        : 'The page starts again on a fresh device.'),
    crashed: (detail: string, at: number | null) =>
      `The training worker crashed: ${detail}. Restart brings back the setup${at ? ` and the weights of step ${at}` : ''}.`,
    restarted: (from: number | null) =>
      `Restarted the worker after its crash, ${from !== null ? `from step ${from}` : 'from the start'}.`,
    notKept: (why: string) =>
      `This run cannot be kept for a reload (${why}). Training goes on; Save in this browser or Download model files keep it by hand.`,
    downloaded: (names: string) => `Downloaded ${names}.`,
    missing: {
      digits: 'The MNIST digits have not loaded.',
      images: 'Add at least two images of your own first (pick files or drop them on the page).',
      drawing: 'Draw some points first: the drawing canvas is empty.',
      model: 'There is no model to train: choose a data set that is ready, then Reset.',
    },
  },
  estimate: {
    slow: (time: string, gflop: string, speed: string) =>
      `One training step of this setup will take about ${time} here (${gflop} GFLOP a step; this backend trained a convolution at ${speed} GFLOP/s, timed just now).`,
    quicker: 'Quicker:',
    batch: (n: number) => `batch ${n}`,
    dense: 'dense networks',
    option: (label: string, time: string | null) =>
      `${label} (${time === null ? 'under a second' : `about ${time}`} a step)`,
  },
  explainer: enExplainer,
  guide: enGuide,
  compare: enCompare,
  compareDemos: enCompareDemos,
  lab: enLab,
  glossary: enGlossary,
  chart: {
    smoothing: 'Smoothing',
    logScale: 'Log scale',
    empty: 'Losses appear here once training starts.',
    label: (lines: string[]) => `Chart of ${lines.join(', ') || 'no lines'} by training step`,
    toggle: (shown: boolean, line: string, right: boolean) =>
      `${shown ? 'Hide' : 'Show'} ${line}${right ? ', read on the right axis' : ''}`,
    step: (step: number) => `step ${step}`,
    legend: 'Lines on the chart',
    axis: 'step',
    right: ' (right)',
    keysHint: 'use ← and → to read the values',
    /** Lines named by the setup: β ≠ 1 makes "total" no longer −ELBO; critics give scores. */
    names: (
      c: Pick<RunConfig, 'model' | 'loss' | 'beta' | 'warmup'>,
    ): Partial<Record<MetricName, string>> => ({
      ...(MODELS[c.model].family === 'vae' && (c.beta !== 1 || c.warmup > 0)
        ? { total: 'Total (recon + β·KL)' }
        : {}),
      ...(MODELS[c.model].family === 'gan' && c.loss === 'wgangp'
        ? { dLoss: 'Critic loss', dReal: 'Critic score on x', dFake: 'Critic score on G(z)' }
        : {}),
      ...(MODELS[c.model].family === 'gan' && c.loss === 'lsgan'
        ? { dReal: 'D(x), real (score)', dFake: 'D(G(z)), fake (score)' }
        : {}),
    }),
    equilibrium: (dLoss: string, gLoss: string, d: string) =>
      `Dotted lines: the equilibrium, where the best D cannot tell real from generated (D loss ${dLoss}, G loss ${gLoss}, D(x) = D(G(z)) = ${d}).`,
  },
  quality: {
    title: 'Digit quality',
    off: 'Off: set “Digit quality every” in Run options to measure it.',
    about: (every: number) =>
      `A digit classifier (97.2% right on held-out digits) looks at 1,000 generated digits and 1,000 real held-out ones, every ${every} steps (less often where generating them would take more than a quarter of the training time).`,
    measuring: 'Measuring…',
    frechet: 'Fréchet digit distance',
    atStart: (v: string) => ` (step 0: ${v})`,
    lower: ' · lower is better: 1,000 other real digits score 3.5, a grey square 303',
    few: {
      gan: (generated: string, real: string) =>
        `Mode collapse? The generated digits look like digits but cover about ${generated} classes, the real ones ${real}: G has found a few digits that fool D and makes little else. If it lasts, try the WGAN-GP loss, label smoothing or a lower learning rate, then Reset.`,
      vae: (generated: string, real: string) =>
        `The samples cover about ${generated} digit classes, the real digits ${real}: the decoder favours a few digits in the region N(0, I) puts most of its mass on. A larger latent size or a smaller β usually helps.`,
      ae: (generated: string, real: string) =>
        `Decoded random codes look like about ${generated} classes, the real digits ${real}: the autoencoder never learned what random codes mean, so N(0, I) lands on a few of its codes.`,
    },
    unreadable: (confidence: string, real: string, classes: string) =>
      `The classifier is unsure of these samples (on average ${confidence} for the class it picks, against ${real} on real digits): they are not digit-like yet, so its count of about ${classes} classes says little, and is no sign of mode collapse.`,
    unreadableAdvice: {
      gan: 'Early in a GAN’s training the samples are noise and blobs; give it more steps.',
      vae: 'A VAE’s samples are blurry (each is the decoder’s mean, an average of the digits whose codes lie near z), the more so at a 2-D latent; a larger latent size sharpens them.',
      ae: 'Random codes decode to blends of the digits the autoencoder learned.',
    },
    chartLabel: 'Chart of the Fréchet digit distance by training step',
    histogram: (generated: ReactNode, real: string) => (
      <>
        Which digits come out (the classifier’s guess for each), against the real digits: covers
        about {generated} of {real} classes.
      </>
    ),
    bar: (digit: number, generated: string, real: string) =>
      `digit ${digit}: generated ${generated}, real ${real}`,
    generatedKey: 'generated',
    realKey: 'real (held-out)',
    barTitle: (digit: number, generated: string, real: string) =>
      `digit ${digit}\ngenerated ${generated}\nreal (held-out) ${real}`,
  },
  samples: {
    title: 'Samples',
    generated: 'G(z) for 64 fixed noise vectors z ~ N(0, I)',
    decoded: 'Decoded from 64 fixed codes z ~ N(0, I)',
    download: 'Download the grid as PNG',
    reconstructions: 'Held-out images (top) and their reconstructions (bottom)',
    real: 'Real training images, for comparison',
    pending: 'Samples appear once the model is built.',
  },
  explorer: {
    random: 'Random z',
    zero: 'Zero',
    more: (shown: number, all: number) =>
      `The first ${shown} of ${all} dimensions; the others stay at their values.`,
    image: (gan: boolean, step: number | null) =>
      `${gan ? 'G(z)' : 'The decoder’s image of z'}${step !== null ? ` (weights of step ${step})` : ''}`,
    padCaption: (range: number, more: boolean) =>
      `z₀ and z₁ over ±${range}${more ? ', the other dimensions as the sliders set them' : ''}. Drag the point.`,
    pad: 'Latent pad: z₀ across, z₁ up',
    from: 'From ← z',
    to: 'To ← z',
    newEnds: 'New random ends',
    spherical: 'Spherical',
    strip: (spherical: boolean, from: string, to: string) =>
      `${spherical ? 'Spherical' : 'Linear'} interpolation from z = (${from}) to (${to})`,
    slider: (i: number) => `Latent dimension ${i}`,
  },
  plane: {
    layers: {
      heat: 'Discriminator heatmap',
      manifold: 'Generator manifold',
      real: 'Real points',
      fake: 'Generated points',
      arrows: 'Generator gradients',
    },
    label: (step: number, shown: string[]) =>
      `2-D view at step ${step}: ${shown.map((s) => s.toLowerCase()).join(', ') || 'no layers shown'}`,
    caption: (e: number, gan: boolean) =>
      `The plane [−${e}, ${e}]²${gan ? ': where G puts its points, and what D believes is real.' : ': the decoder’s samples from N(0, I), and its manifold.'}`,
    layersTitle: 'Layers',
    codes: 'Codes of real points in latent space',
    optimal: 'The optimal discriminator D* against the generator as it is now',
    optimalCaption: (
      <>
        The best D against G as it is now: D*(x) = p_data(x) / (p_data(x) + p_g(x)), with p_data
        exact and p_g a kernel density estimate of G’s points. At the{' '}
        <Term id="equilibrium">equilibrium</Term> p_g = p_data and D* = ½ everywhere (all white).
      </>
    ),
    codesCaption: (ae: boolean) =>
      `Codes of real points in latent space (z₀, z₁), with the 1σ and 2σ circles of N(0, I).${ae ? ' Nothing pulls the autoencoder’s codes toward N(0, I).' : ' The KL term pulls them toward it.'}`,
    drawPad: 'Drawing pad: drag to paint where the data is',
    drawCount: (count: number, max: number, changed: boolean) =>
      `${count} of at most ${max} points${changed ? ' · not used yet' : ' · in use'}`,
    useDrawing: 'Train on this drawing',
    clear: 'Clear',
    smiley: 'Smiley',
  },
  storage: {
    title: 'Keep your model',
    save: 'Save in this browser',
    download: 'Download model files',
    load: 'Load model files…',
    loadLabel: 'Model files to load (.json and .weights.bin)',
    about: () => (
      <>
        Files are tfjs layers models (a model.json and its weights per network), loadable with{' '}
        <code>tf.loadLayersModel</code>. Choose all of one download’s files to load them back.
      </>
    ),
    saved: (model: string, data: string, step: number, when: string) =>
      `${model}, ${data}, step ${step} · ${when}`,
    restore: 'Restore',
    delete: 'Delete',
    deleteLabel: (step: number) => `Delete the checkpoint of step ${step}`,
    none: 'No checkpoints saved in this browser yet.',
    notes: {
      saved: (step: number) => `Saved the model at step ${step}.`,
      restored: (step: number) => `Restored the checkpoint of step ${step}; Start continues it.`,
      deleted: 'Deleted the checkpoint.',
      loaded: (roles: string[]) => `Loaded ${roles.join(' and ')} from the files.`,
      failed: (action: 'save' | 'restore' | 'delete' | 'list', reason: string) =>
        `${{ save: 'Saving', restore: 'Restoring', delete: 'Deleting', list: 'Listing' }[action]} failed: ${reason}.${action === 'save' || action === 'restore' ? ' The model in memory is unchanged.' : ''}`,
      noStorage: (reason: string) => `The browser's storage is not available: ${reason}`,
      refused: (reason: string) =>
        `Those files could not be loaded: ${reason}. The model in memory is unchanged.`,
    },
  },
  upload: {
    drop: (max: string) =>
      `Drop images or a folder here, or pick them: PNG, JPEG, WebP or GIF (its first frame), up to ${max}. They are centre-cropped and resized; nothing leaves this page.`,
    pickImages: 'Pick images…',
    pickFolder: 'Pick a folder…',
    decoding: 'Decoding images',
    progress: (done: number, total: number) => `Decoding ${done} of ${total}…`,
    empty: 'No files were selected or dropped.',
    unreadable: (detail: string) => `The images could not be read: ${detail}`,
    summary: (count: number, skipped: number, overLimit: number, max: number) =>
      [
        `${count} image${count === 1 ? '' : 's'} ready`,
        ...(skipped ? [`${skipped} skipped`] : []),
        ...(overLimit ? [`${overLimit} beyond the limit of ${max} not used`] : []),
      ].join(', ') + '.',
    more: (n: number) => `… and ${n} more`,
    tooFew: ' At least two images are needed to train.',
    skipped: 'Skipped files',
    why: (why: 'notImage' | 'undecodable' | 'tooLarge' | 'other', detail: string, limit: number) =>
      ({
        notImage: `not an image (${detail || 'unknown type'})`,
        undecodable: 'could not be decoded (corrupt, or not really an image)',
        tooLarge: `too large (${detail} megapixels; the limit is ${limit})`,
        other: detail,
      })[why],
    preview: (shown: number, count: number) =>
      `The first ${shown} of your ${count} images, as the model sees them`,
    training: (count: number) => `Training on your ${count} images`,
    use: (count: number) => `Train on these ${count} images`,
  },
  link: {
    copy: 'Copy link',
    copied: 'Link copied',
    field: 'The link to this setup: copy it',
  },
};
