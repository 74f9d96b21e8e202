import { BACKENDS, type BackendChoice, type RunConfig } from './schema.ts';

// One typed table of the configuration's fields: name, short key (as in the link), type,
// range and default. The URL code, the defaults and the validation all read it.

interface FieldBase {
  /** Short key used in the link, e.g. `lr`. */
  key: string;
  label: string;
}

export interface NumberField extends FieldBase {
  kind: 'int' | 'float';
  min: number;
  max: number;
  default: number;
  get(c: RunConfig): number;
  set(c: RunConfig, v: number): void;
}

export interface ChoiceField extends FieldBase {
  kind: 'choice';
  options: readonly string[];
  default: string;
  get(c: RunConfig): string;
  /** Only called with one of `options` (parseFieldValue checks). */
  set(c: RunConfig, v: string): void;
}

export type Field = NumberField | ChoiceField;

const BACKEND_OPTIONS: readonly BackendChoice[] = ['auto', ...BACKENDS];

export const FIELDS: readonly Field[] = [
  {
    key: 'backend',
    label: 'Backend',
    kind: 'choice',
    options: BACKEND_OPTIONS,
    default: 'auto',
    get: (c) => c.backend,
    set: (c, v) => {
      c.backend = v as BackendChoice;
    },
  },
  {
    key: 'seed',
    label: 'Seed',
    kind: 'int',
    min: 0,
    max: 2 ** 31 - 1,
    default: 42,
    get: (c) => c.seed,
    set: (c, v) => {
      c.seed = v;
    },
  },
  {
    key: 'latent',
    label: 'Latent size',
    kind: 'int',
    min: 2,
    max: 64,
    default: 2,
    get: (c) => c.vae.latentDim,
    set: (c, v) => {
      c.vae.latentDim = v;
    },
  },
  {
    key: 'hidden',
    label: 'Hidden units',
    kind: 'int',
    min: 16,
    max: 1024,
    default: 256,
    get: (c) => c.vae.hiddenUnits,
    set: (c, v) => {
      c.vae.hiddenUnits = v;
    },
  },
  {
    key: 'batch',
    label: 'Batch size',
    kind: 'int',
    min: 1,
    max: 512,
    default: 32,
    get: (c) => c.vae.batchSize,
    set: (c, v) => {
      c.vae.batchSize = v;
    },
  },
  {
    key: 'lr',
    label: 'Learning rate',
    kind: 'float',
    min: 1e-6,
    max: 1,
    default: 1e-3,
    get: (c) => c.vae.learningRate,
    set: (c, v) => {
      c.vae.learningRate = v;
    },
  },
  {
    key: 'every',
    label: 'Images every (steps)',
    kind: 'int',
    min: 1,
    max: 10_000,
    default: 20,
    get: (c) => c.imageEvery,
    set: (c, v) => {
      c.imageEvery = v;
    },
  },
  {
    key: 'steps',
    label: 'Step budget (0 = none)',
    kind: 'int',
    min: 0,
    max: 10_000_000,
    default: 0,
    get: (c) => c.stepBudget,
    set: (c, v) => {
      c.stepBudget = v;
    },
  },
];

/** A fresh configuration with every field at its default. */
export function defaultConfig(): RunConfig {
  const c: RunConfig = {
    backend: 'auto',
    seed: 0,
    imageEvery: 0,
    stepBudget: 0,
    vae: { latentDim: 0, hiddenUnits: 0, batchSize: 0, learningRate: 0 },
  };
  for (const f of FIELDS) setField(c, f, f.default);
  return c;
}

/**
 * Reads one field's value from text. Returns undefined when the text is not a valid value
 * (wrong type, NaN, out of range, not an option): the caller keeps the default.
 */
export function parseFieldValue(f: Field, text: string): number | string | undefined {
  if (f.kind === 'choice') return f.options.includes(text) ? text : undefined;
  if (text.length === 0 || text.length > 32) return undefined;
  const v = Number(text);
  if (!Number.isFinite(v) || v < f.min || v > f.max) return undefined;
  if (f.kind === 'int' && !Number.isInteger(v)) return undefined;
  return v;
}

/** Sets a field from a value that parseFieldValue accepted (or the field's own default). */
export function setField(c: RunConfig, f: Field, v: number | string): void {
  if (f.kind === 'choice') f.set(c, String(v));
  else f.set(c, Number(v));
}
