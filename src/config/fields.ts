import { ALL_DIGITS, DATA_SET_LABELS, DATA_SETS, UPLOAD_SIZES } from './datasets.ts';

// One typed table of every configuration field: label, type, range and default, keyed by the
// short name that also appears in the link (`#lr=0.001`). The config's type is derived from it,
// so the URL code, the defaults, the validation and the controls all read the same table.

export interface NumberField {
  kind: 'int' | 'float';
  label: string;
  min: number;
  max: number;
  default: number;
  /** Slider/step granularity for the controls; floats between min and max otherwise. */
  step?: number;
  /** Shown under the control. */
  help?: string;
  /** Log scale for the control (learning rates). */
  log?: boolean;
}

export interface ChoiceField<T extends string = string> {
  kind: 'choice';
  label: string;
  options: readonly T[];
  /** Display names of the options, same order. */
  optionLabels?: readonly string[];
  default: T;
  help?: string;
}

export type Field = NumberField | ChoiceField;

const int = (label: string, min: number, max: number, def: number, help?: string): NumberField => ({
  kind: 'int',
  label,
  min,
  max,
  default: def,
  step: 1,
  help,
});
const float = (
  label: string,
  min: number,
  max: number,
  def: number,
  opts: Partial<NumberField> = {},
): NumberField => ({ kind: 'float', label, min, max, default: def, ...opts });
const choice = <T extends string>(
  label: string,
  options: readonly T[],
  def: T,
  optionLabels?: readonly string[],
  help?: string,
): ChoiceField<T> => ({ kind: 'choice', label, options, default: def, optionLabels, help });

export const FIELDS = {
  model: choice('Model', ['vae', 'ae', 'gan'] as const, 'vae', [
    'Variational autoencoder (VAE)',
    'Autoencoder (deterministic)',
    'GAN',
  ]),
  backend: choice('Backend', ['auto', 'webgpu', 'webgl', 'cpu'] as const, 'auto', [
    'Auto (WebGPU → WebGL → CPU)',
    'WebGPU',
    'WebGL',
    'CPU',
  ]),
  data: choice(
    'Data set',
    DATA_SETS,
    'mnist',
    DATA_SETS.map((d) => DATA_SET_LABELS[d]),
  ),
  digits: int(
    'Digits to train on',
    1,
    ALL_DIGITS,
    ALL_DIGITS,
    'A bitmask in the link: bit d set trains on digit d (1023 = all ten).',
  ),
  usize: choice('Image size', UPLOAD_SIZES, 'gray28', ['28×28 gray', '32×32 color']),
  spread: float('Spread around drawn points', 0.01, 0.5, 0.08, {
    step: 0.01,
    help: 'Each sample is a drawn point plus Gaussian noise of this standard deviation.',
  }),
  seed: int('Seed', 0, 2 ** 31 - 1, 42, 'Weights, data order and noise all derive from it.'),
  arch: choice('Architecture', ['dense', 'conv'] as const, 'dense', [
    'Dense (MLP)',
    'Convolutional', // the seed article's networks (src/models/conv.ts)
  ]),
  latent: int('Latent size', 2, 64, 2),
  hidden: int('Hidden units per layer', 16, 1024, 256),
  layers: int('Hidden layers', 1, 4, 1),
  act: choice('Activation', ['relu', 'leakyRelu', 'elu', 'tanh'] as const, 'relu', [
    'ReLU',
    'Leaky ReLU', // slope 0.2 below zero, the seed's and DCGAN's
    'ELU',
    'tanh',
  ]),
  batch: int('Batch size', 1, 512, 32),
  opt: choice('Optimizer', ['adam', 'rmsprop', 'sgd'] as const, 'adam', [
    'Adam',
    'RMSProp',
    'SGD with momentum 0.9',
  ]),
  lr: float('Learning rate', 1e-6, 1, 1e-3, { log: true, help: 'Applies at once, even mid-run.' }),
  b1: float('Adam β1', 0, 0.999, 0.9, { step: 0.01 }),
  b2: float('Adam β2', 0, 0.9999, 0.999, { step: 0.001 }),
  // VAE and autoencoder
  recon: choice('Reconstruction loss', ['bce', 'mse'] as const, 'bce', [
    'Bernoulli (binary cross-entropy)',
    'Gaussian (squared error)',
  ]),
  beta: float('β (weight of the KL term)', 0, 20, 1, {
    step: 0.1,
    help: 'β > 1 trades sharpness for a smoother, more disentangled latent space.',
  }),
  warmup: int('KL warm-up (steps)', 0, 100_000, 0, 'β ramps from 0 to its value over these steps.'),
  // GAN
  loss: choice(
    'GAN loss',
    ['nonsaturating', 'minimax', 'lsgan', 'wgangp'] as const,
    'nonsaturating',
    ['Non-saturating', 'Minimax (the original)', 'Least squares (LSGAN)', 'Wasserstein + GP'],
  ),
  dlr: float('Discriminator learning rate', 1e-6, 1, 2e-4, { log: true }),
  dsteps: int('D steps per G step', 1, 10, 1),
  smooth: float('One-sided label smoothing', 0, 0.5, 0, {
    step: 0.05,
    help: 'D aims at 1 − this for real data.',
  }),
  gp: float('Gradient-penalty weight λ', 0, 100, 10, { step: 1 }),
  bn: choice(
    'Batch norm in G (DCGAN)',
    ['off', 'on'] as const,
    'off',
    ['Off', 'On'],
    'DCGAN’s batch normalisation after each of G’s layers but the last.',
  ),
  // The run
  every: int('Pictures every (steps)', 1, 10_000, 20),
  quality: int(
    'Digit quality every (steps)',
    0,
    100_000,
    100,
    'MNIST: the Fréchet digit distance and the class histogram of 1,000 generated digits (0 = off).',
  ),
  steps: int('Step budget (0 = none)', 0, 10_000_000, 0),
} as const;

export type FieldKey = keyof typeof FIELDS;

type ValueOf<F> = F extends ChoiceField<infer T> ? T : number;

/** The whole configuration of a run: one value per field. */
export type RunConfig = { -readonly [K in FieldKey]: ValueOf<(typeof FIELDS)[K]> };

export const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];

export function field(key: FieldKey): Field {
  return FIELDS[key];
}

/** A fresh configuration with every field at its default. */
export function defaultConfig(): RunConfig {
  const c: Record<string, number | string> = {};
  for (const k of FIELD_KEYS) c[k] = FIELDS[k].default;
  return c as RunConfig;
}

/**
 * Reads one field's value from text. Returns undefined when the text is not a valid value
 * (wrong type, NaN, out of range, not an option): the caller keeps the default.
 */
export function parseFieldValue(f: Field, text: string): number | string | undefined {
  if (f.kind === 'choice') return f.options.includes(text) ? text : undefined;
  if (text.length === 0 || text.length > 32) return undefined;
  const v = Number(text);
  return isValidNumber(f, v) ? v : undefined;
}

export function isValidNumber(f: NumberField, v: number): boolean {
  return (
    Number.isFinite(v) && v >= f.min && v <= f.max && (f.kind !== 'int' || Number.isInteger(v))
  );
}

/** A copy of `c` with one field set; the value must be valid for the field. */
export function withField(c: RunConfig, key: FieldKey, v: number | string): RunConfig {
  return { ...c, [key]: v } as RunConfig;
}
