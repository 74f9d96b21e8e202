import { FIELDS, parseFieldValue, type FieldKey } from './fields.ts';
import { defaultsFor, MODELS } from './models.ts';
import type { ModelId, RunConfig } from './schema.ts';

// Compare mode's setups: two or three models trained side by side on the same data. In the
// link, `compare=ae,vae,gan` (a setup may add its own fields: `gan:loss=wgangp:dsteps=5`); the
// link's other fields are shared by every column. Pure TS: the page and the tests share it.

/** Columns at most: three models train at once in three workers. */
export const MAX_SETUPS = 3;

/** The article's contrast: a deterministic autoencoder, a VAE and a GAN. */
export const DEFAULT_COMPARE = 'ae,vae,gan';

/**
 * Fields every column shares, so that they see the same batches in the same order and the
 * same fixed noise (both are drawn from the seed alone), and their latent codes mean the same
 * thing to the sliders. A setup cannot set them on its own.
 */
export const SHARED_FIELDS: readonly FieldKey[] = [
  'data',
  'digits',
  'spread',
  'seed',
  'latent',
  'arch',
  'batch',
  'backend',
  'every',
  'quality',
  'steps',
];
const SHARED: ReadonlySet<FieldKey> = new Set(SHARED_FIELDS);

/** One column: a model, with the fields it sets beyond its defaults. */
export interface CompareSetup {
  model: ModelId;
  patch: Partial<RunConfig>;
}

/** What was wrong with the link's `compare=`, and what the page did instead. */
export type CompareProblem =
  /** `shown` is not a model: left out. */
  | 'unknown'
  /** `shown` is named twice: trained once. */
  | 'duplicate'
  /** More than MAX_SETUPS: `shown` left out. */
  | 'tooMany'
  /** `shown` (setup: field) sets a field every column shares: the link's value is used. */
  | 'shared'
  /** `shown` (setup: field) is not a field of the table or not a valid value: left at default. */
  | 'field'
  /** The shared data set is the person's own images, which compare mode cannot load: MNIST. */
  | 'upload'
  /** No setup was valid: DEFAULT_COMPARE is compared. */
  | 'none';

export interface CompareNotice {
  problem: CompareProblem;
  shown: string;
}

const isModel = (m: string): m is ModelId => Object.prototype.hasOwnProperty.call(MODELS, m);
const isField = (k: string): k is FieldKey => Object.prototype.hasOwnProperty.call(FIELDS, k);

/** The text of a setup, as the link writes it: `vae`, `gan:loss=wgangp:dsteps=5`. */
export function setupText(s: CompareSetup): string {
  const fields = (Object.keys(FIELDS) as FieldKey[])
    .filter((k) => s.patch[k] !== undefined)
    .map((k) => `:${k}=${String(s.patch[k])}`);
  return `${s.model}${fields.join('')}`;
}

export const compareText = (setups: readonly CompareSetup[]): string =>
  setups.map(setupText).join(',');

/** One setup's text read, with what was wrong in it; null when it names no model. */
function parseSetup(text: string, notices: CompareNotice[]): CompareSetup | null {
  const [model = '', ...fields] = text.split(':');
  if (!isModel(model)) {
    notices.push({ problem: 'unknown', shown: model || text });
    return null;
  }
  const patch: Record<string, number | string> = {};
  for (const f of fields) {
    const eq = f.indexOf('=');
    const key = eq < 0 ? f : f.slice(0, eq);
    const value =
      isField(key) && key !== 'model' ? parseFieldValue(FIELDS[key], f.slice(eq + 1)) : undefined;
    if (isField(key) && SHARED.has(key))
      notices.push({ problem: 'shared', shown: `${model}: ${f}` });
    else if (eq < 0 || value === undefined)
      notices.push({ problem: 'field', shown: `${model}: ${f}` });
    else patch[key] = value;
  }
  return { model, patch: patch as Partial<RunConfig> };
}

/** Reads `compare=`: the valid setups (at most MAX_SETUPS, none twice) and what was dropped. */
export function parseCompare(text: string): { setups: CompareSetup[]; notices: CompareNotice[] } {
  const notices: CompareNotice[] = [];
  const setups: CompareSetup[] = [];
  const extra: string[] = [];
  for (const item of text.split(',').map((s) => s.trim())) {
    if (!item) continue;
    const setup = parseSetup(item, notices);
    if (!setup) continue;
    const key = setupText(setup);
    if (setups.some((s) => setupText(s) === key))
      notices.push({ problem: 'duplicate', shown: key });
    else if (setups.length >= MAX_SETUPS) extra.push(key);
    else setups.push(setup);
  }
  if (extra.length) notices.push({ problem: 'tooMany', shown: extra.join(', ') });
  if (setups.length === 0) {
    notices.push({ problem: 'none', shown: text });
    return { setups: parseCompare(DEFAULT_COMPARE).setups, notices };
  }
  return { setups, notices };
}

/** The shared fields of a link's config: what every column takes from it. */
export function sharedOf(config: RunConfig): Partial<RunConfig> {
  const out: Record<string, unknown> = {};
  for (const k of SHARED_FIELDS) out[k] = config[k];
  return out as Partial<RunConfig>;
}

/** A column's whole setup: its model's defaults on the data, the shared fields, its own. */
export function columnConfig(shared: RunConfig, setup: CompareSetup): RunConfig {
  const own = defaultsFor(setup.model, shared.data);
  return { ...own, ...sharedOf(shared), ...setup.patch, model: setup.model };
}

/**
 * The config the link's shared fields are written from: the default model's on the data, with
 * the shared fields (toHash then writes only those that differ from the defaults).
 */
export function sharedConfig(shared: Partial<RunConfig>): RunConfig {
  return { ...defaultsFor(FIELDS.model.default, shared.data), ...shared };
}

/** Compare mode's demos in the gallery: the article's contrast on digits, and on a 2-D ring. */
export const COMPARE_DEMOS = [
  { id: 'compare-mnist', compare: 'ae,vae,gan', shared: { data: 'mnist', latent: 2 } },
  { id: 'compare-ring', compare: 'vae,gan', shared: { data: 'ring' } },
] as const satisfies readonly {
  id: string;
  compare: string;
  shared: Partial<RunConfig>;
}[];
export type CompareDemoId = (typeof COMPARE_DEMOS)[number]['id'];

/** A compare demo's setups, and its shared fields (a config of the default model). */
export function compareDemo(demo: (typeof COMPARE_DEMOS)[number]): {
  setups: CompareSetup[];
  shared: RunConfig;
} {
  const base = sharedOf(defaultsFor(FIELDS.model.default, demo.shared.data));
  return {
    setups: parseCompare(demo.compare).setups,
    shared: sharedConfig({ ...base, ...demo.shared }),
  };
}
