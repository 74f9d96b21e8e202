import { Term } from './term.tsx';

// Compare mode's words (ui/compare): two or three models trained side by side on the same data.

const list = (names: readonly string[]) =>
  names.length < 3 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
const percent = (p: number) => `${Math.round(100 * p)}%`;

/** The gallery's compare demos. */
export const enCompareDemos = {
  'compare-mnist': {
    title: 'AE vs VAE vs GAN on MNIST',
    blurb:
      'The article’s contrast, side by side: the same digits, seed and 2-D latent. Drag z and watch three decoders answer; see where each encoder puts the digits.',
  },
  'compare-ring': {
    title: 'VAE vs GAN on the ring',
    blurb:
      'Two ways to learn eight Gaussians: the VAE smears mass between the modes; the GAN’s points are sharp but hop from mode to mode before they cover all eight.',
  },
};

export const enCompare = {
  title: (names: readonly string[]) => `${list(names)}, side by side`,
  lead: (
    <>
      The article’s argument, live. An autoencoder maps each input to one code and back: nothing
      tells it what a code it never saw should decode to. A VAE and a GAN learn a{' '}
      <Term id="generative">probability distribution</Term>: a code drawn from{' '}
      <Term id="prior">N(0, I)</Term> decodes to a digit. Move the latent code below and every model
      decodes the same z.
    </>
  ),
  same: (data: string, seed: number, latent: number, batch: number) =>
    `Same data (${data}), same seed ${seed}: every model sees the same batches in the same order, and its sample grid uses the same fixed noise. Latent size ${latent}, batch ${batch}.`,
  single: 'One model at a time',
  alone: 'Open this one alone',
  controls: 'Train all',
  keys: 'One Start, Pause, Step and Reset drives every model.',
  /** The status line: each run, its step, its speed and where it runs. */
  run: (name: string, step: number, speed: string, backend: string) =>
    `${name}: step ${step} · ${speed} steps/s · ${backend}`,
  sharing: (n: number, backend: string) =>
    `${n} models train at once, each in its own worker, sharing this machine's ${backend}: each gets the steps/s shown.`,
  code: 'One latent code, every decoder',
  codeHint: ' · drag a slider, or hover or drag on a code map',
  decoded: (gan: boolean) => (gan ? 'G(z) at this z' : 'decoder(z) at this z'),
  quality: (images: boolean) =>
    images
      ? 'Fréchet digit distance (lower is better)'
      : 'JS divergence to held-out points (lower is better)',
  qualityAbout: (images: boolean) =>
    images
      ? 'Each model’s generated digits (decoded from z ~ N(0, I)) against 1,000 held-out digits, measured as they train.'
      : 'Each model’s generated points against held-out ones, measured with the pictures.',
  qualityEmpty: 'The lines appear with the first measurements.',
  qualityOff: 'Digit quality is off (quality=0 in the link).',
  numbers: {
    frechet: (v: string) => `Fréchet ${v}`,
    classes: (v: string) => `${v} of 10 classes`,
    js: (v: string) => `JS ${v}`,
    swd: (v: string) => `sliced Wasserstein ${v}`,
    pending: 'Quality: measuring…',
  },
  samples: (gan: boolean) =>
    gan ? 'G(z) for the fixed noise z ~ N(0, I)' : 'decoder(z) for the fixed noise z ~ N(0, I)',
  map: {
    title: 'Where the codes go',
    about: (vae: boolean) =>
      vae
        ? 'Held-out digits at the means of q(z|x), colored by class, over N(0, I) in gray. Hover or drag: every model decodes that point.'
        : 'Held-out digits at their codes, colored by class, over N(0, I) in gray. Hover or drag: every model decodes that point.',
    outside: (share: number, extent: number) =>
      `${percent(share)} of the codes lie outside ±${extent} and are drawn at the edge.`,
    axes: (extent: number) => `z₀ across, z₁ up, each over ±${extent}.`,
    label: (name: string) => `Code map of the ${name}: held-out digits in the latent plane`,
    legend: 'Digit classes:',
    pending: 'The map appears with the first pictures.',
    none: (gan: boolean) =>
      gan
        ? 'A GAN has no encoder: nothing maps an image to its code, so there is no map.'
        : 'The code map needs images and a 2-D latent (latent=2).',
  },
  density: {
    title: (
      <>
        Prior vs <Term id="aggregate">aggregate posterior</Term>
      </>
    ),
    aggregate: 'q(z) = mean of q(z|x)',
    histogram: 'codes (histogram)',
    prior: 'p(z) = N(0, I)',
    scale: 'Same axes as the map; each shaded to its own peak.',
    kl: (v: string) => `KL(q(z) ‖ N(0, I)) ≈ ${v} nats`,
    klAbout:
      'A VAE pulls each q(z|x) towards N(0, I); their average q(z) must cover N(0, I) for random codes to decode to digits.',
    aeAbout:
      'The autoencoder has no q(z|x) and no prior: its codes go wherever reconstruction puts them, so most of N(0, I) decodes to what it never learned.',
    label: (what: string) => `Density of ${what} over the latent plane`,
  },
};
