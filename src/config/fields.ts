import { ALL_DIGITS, DATA_SETS, UPLOAD_SIZES } from './datasets.ts';

// One typed table of every configuration field: label, type, range and default, keyed by the
// short name that also appears in the link (`#lr=0.001`). The config's type is derived from it,
// so the URL code, the defaults, the validation and the controls all read the same table.

export interface NumberField {
  kind: 'int' | 'float';
  min: number;
  max: number;
  default: number;
  /** Slider/step granularity for the controls; floats between min and max otherwise. */
  step?: number;
  /** Log scale for the control (learning rates). */
  log?: boolean;
}

export interface ChoiceField<T extends string = string> {
  kind: 'choice';
  options: readonly T[];
  default: T;
}

export type Field = NumberField | ChoiceField;

const int = (min: number, max: number, def: number): NumberField => ({
  kind: 'int',
  min,
  max,
  default: def,
  step: 1,
});
const float = (
  min: number,
  max: number,
  def: number,
  opts: Partial<NumberField> = {},
): NumberField => ({ kind: 'float', min, max, default: def, ...opts });
const choice = <T extends string>(options: readonly T[], def: T): ChoiceField<T> => ({
  kind: 'choice',
  options,
  default: def,
});

// Labels, help texts and option names are the page's words, in each language (src/i18n).
export const FIELDS = {
  model: choice(['vae', 'ae', 'gan', 'cvae', 'cgan'] as const, 'vae'),
  backend: choice(['auto', 'webgpu', 'webgl', 'cpu'] as const, 'auto'),
  data: choice(DATA_SETS, 'mnist'),
  /** A bitmask: bit d set trains on digit d. */
  digits: int(1, ALL_DIGITS, ALL_DIGITS),
  usize: choice(UPLOAD_SIZES, 'gray28'),
  spread: float(0.01, 0.5, 0.08, { step: 0.01 }),
  seed: int(0, 2 ** 31 - 1, 42),
  /** article: the article's convolutional networks (src/models/articleNets.ts); conv: smaller ones. */
  arch: choice(['dense', 'article', 'conv'] as const, 'dense'),
  latent: int(2, 64, 2),
  hidden: int(16, 1024, 256),
  layers: int(1, 4, 1),
  /** Leaky ReLU: slope 0.2 below zero, as in DCGAN. */
  act: choice(['relu', 'leakyRelu', 'elu', 'tanh'] as const, 'relu'),
  batch: int(1, 512, 32),
  opt: choice(['adam', 'rmsprop', 'sgd'] as const, 'adam'),
  lr: float(1e-6, 1, 1e-3, { log: true }),
  b1: float(0, 0.999, 0.9, { step: 0.01 }),
  b2: float(0, 0.9999, 0.999, { step: 0.001 }),
  // VAE and autoencoder
  recon: choice(['bce', 'mse'] as const, 'bce'),
  beta: float(0, 20, 1, { step: 0.1 }),
  warmup: int(0, 100_000, 0),
  // GAN
  loss: choice(['nonsaturating', 'minimax', 'lsgan', 'wgangp'] as const, 'nonsaturating'),
  dlr: float(1e-6, 1, 2e-4, { log: true }),
  dsteps: int(1, 10, 1),
  smooth: float(0, 0.5, 0, { step: 0.05 }),
  gp: float(0, 100, 10, { step: 1 }),
  bn: choice(['off', 'on'] as const, 'off'),
  // The run
  every: int(1, 10_000, 20),
  quality: int(0, 100_000, 100),
  steps: int(0, 10_000_000, 0),
} as const;

export type FieldKey = keyof typeof FIELDS;

type ValueOf<F> = F extends ChoiceField<infer T> ? T : number;

/** The whole configuration of a run: one value per field. */
export type RunConfig = { -readonly [K in FieldKey]: ValueOf<(typeof FIELDS)[K]> };

export const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];

/** The fields that are a choice among named options, and their options. */
export type ChoiceKey = {
  [K in FieldKey]: (typeof FIELDS)[K] extends ChoiceField ? K : never;
}[FieldKey];
export type OptionOf<K extends ChoiceKey> = RunConfig[K];

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
