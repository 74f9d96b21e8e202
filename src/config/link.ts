import { FIELDS, FIELD_KEYS, parseFieldValue, type FieldKey } from './fields.ts';
import { defaultsFor } from './models.ts';
import type { RunConfig } from './schema.ts';
import { decodePoints, encodePoints } from './drawing.ts';
import { isLang, LANGS, type Lang } from './lang.ts';
import {
  isLabKey,
  labNotice,
  parseLabViews,
  writeLabViews,
  type LabKey,
  type LabViews,
} from './labLink.ts';
import {
  compareText,
  parseCompare,
  SHARED_FIELDS,
  sharedConfig,
  sharedOf,
  type CompareProblem,
  type CompareSetup,
} from './compare.ts';

// Config <-> link. The hash (`#model=gan&lr=0.001`) carries the setup; the query string is read
// too (`?backend=cpu`), the hash winning. Parsing never throws: unknown keys are ignored and a
// bad value falls back to its default, each listed in `ignored` for a notice on the page.

/** A value of the link that was ignored: its key, the value as shown (quoted, cut short). */
export type LinkNotice =
  | {
      key: FieldKey | 'autoplay' | 'closed' | 'lang' | 'z' | 'pts' | 'from' | LabKey;
      shown: string;
    }
  /** A setup of `compare=` (or a field beside it) that was changed; see config/compare.ts. */
  | { key: 'compare'; problem: CompareProblem | 'perSetup' | 'model'; shown: string };

/** The lab's views (labLink.ts) come with the rest. */
export interface ParsedLink extends LabViews {
  config: RunConfig;
  /** What was ignored, each said in English by `noticeText` (the page says it in its language). */
  notices: LinkNotice[];
  /** The notices in English, e.g. `lr: "abc" is not a number in 0.000001…1; using the default`. */
  ignored: string[];
  /** Drawn points from `pts=` (draw-your-own data), or null when the link has none. */
  drawn: Float32Array | null;
  /** The latent explorer's position from `z=` (comma-separated), or null when none. */
  z: number[] | null;
  /** `autoplay=1`: start training as soon as the page is ready. */
  autoplay: boolean;
  /** Folded panels from `closed=` (comma-separated). */
  closed: PanelId[];
  /** The page's language from `lang=`, or null when the link has none (the browser's then). */
  lang: Lang | null;
  /** The link names a setup (a demo, a shared link): the page opens with its demo card. */
  fromLink: boolean;
  /** `from=trained`: open onto the demo's shipped weights (src/config/trained.ts). */
  fromTrained: boolean;
  /** `compare=`: the setups trained side by side (the config holds their shared fields). */
  compare: CompareSetup[] | null;
}

/** Panels a person can fold away: the explanation, the latent explorer and the demo card. */
export const PANELS = ['how', 'explorer', 'card'] as const;
export type PanelId = (typeof PANELS)[number];

/** What the link carries besides the field table. */
export interface LinkExtras extends Partial<LabViews> {
  drawn?: Float32Array | null;
  z?: readonly number[] | null;
  closed?: readonly PanelId[];
  /** Written when the language came from the link or was chosen on the page. */
  lang?: Lang | null;
  /** Adds `autoplay=1` (the demo links). */
  autoplay?: boolean;
  /** Adds `from=trained`: the run began from the demo's shipped weights. */
  trained?: boolean;
  /** Compare mode's setups (`compare=`); the config then gives their shared fields. */
  compare?: readonly CompareSetup[] | null;
}

/**
 * Latent coordinates in the link: at most 64, each within ±Z_LIMIT (wide: an autoencoder's
 * codes, which compare mode's code map lets a person pick, lie far outside N(0, I)).
 */
export const Z_LIMIT = 50;

function parseZ(text: string): number[] | null {
  if (text.length > 64 * 8) return null;
  const parts = text.split(',');
  if (parts.length > 64) return null;
  const z = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  return z.every((v) => Number.isFinite(v) && Math.abs(v) <= Z_LIMIT) ? z : null;
}

/** z rounded to 2 decimals, as the link writes it. */
export const formatZ = (z: readonly number[]) =>
  z.map((v) => String(Math.round(v * 100) / 100)).join(',');

const MAX_SHOWN = 64;

function describe(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return JSON.stringify(shown);
}

/** What was wrong with `compare=`, and what the page does instead, in English. */
function compareNotice(problem: CompareProblem | 'perSetup' | 'model', shown: string): string {
  switch (problem) {
    case 'unknown':
      return `compare: ${shown} is not a model (ae, vae, gan); left out`;
    case 'duplicate':
      return `compare: ${shown} is named twice; trained once`;
    case 'tooMany':
      return `compare: at most 3 setups side by side; left out ${shown}`;
    case 'shared':
      return `compare: ${shown} — every column shares the data, seed, latent size, network kind, batch and schedule; using the link's value`;
    case 'field':
      return `compare: ${shown} is not a field with a valid value; using the model's default`;
    case 'upload':
      return 'compare: the columns cannot train on your own images; comparing on MNIST';
    case 'none':
      return `compare: ${shown} names no model; comparing ae, vae, gan`;
    case 'perSetup':
      return `compare: ${shown} belongs to one setup (write it as vae:${shown}); left out`;
    case 'model':
      return `compare: ${shown} is left out; compare= names the models`;
  }
}

/** What was wrong with an ignored value, and what the page does instead, in English. */
export function noticeText(notice: LinkNotice): string {
  if (notice.key === 'compare') return compareNotice(notice.problem, notice.shown);
  if (isLabKey(notice.key)) return labNotice(notice.key, notice.shown);
  const { key, shown } = notice;
  switch (key) {
    case 'autoplay':
      return `autoplay: ${shown} is not 1 or 0; not starting by itself`;
    case 'closed':
      return `closed: ${shown} is not a panel (${PANELS.join(', ')})`;
    case 'lang':
      return `lang: ${shown} is not one of ${LANGS.join(', ')}`;
    case 'z':
      return `z: ${shown} is not a list of numbers within ±${Z_LIMIT}; using 0`;
    case 'pts':
      return `pts: ${shown} is not a drawing; using the default one`;
    case 'from':
      return `from: ${shown} is not trained; starting from scratch`;
    default: {
      const f = FIELDS[key];
      const expected =
        f.kind === 'choice'
          ? `one of ${f.options.join(', ')}`
          : `${f.kind === 'int' ? 'a whole number' : 'a number'} in ${f.min}…${f.max}`;
      return `${key}: ${shown} is not ${expected}; using the default`;
    }
  }
}

function safeParams(text: string): URLSearchParams {
  try {
    return new URLSearchParams(text.replace(/^[#?]/, ''));
  } catch {
    return new URLSearchParams();
  }
}

const isKey = (k: string): k is FieldKey => Object.prototype.hasOwnProperty.call(FIELDS, k);

export function parseLink(search: string, hash: string): ParsedLink {
  const notices: LinkNotice[] = [];
  const values = new Map<FieldKey, string>();
  let pts: string | null = null;
  let zText: string | null = null;
  let autoplay: string | null = null;
  let closedText: string | null = null;
  let langText: string | null = null;
  let fromText: string | null = null;
  let compareLink: string | null = null;
  const lab = new Map<LabKey, string>();
  for (const params of [safeParams(search), safeParams(hash)]) {
    for (const [k, v] of params) {
      if (isKey(k)) values.set(k, v);
      else if (k === 'pts') pts = v;
      else if (k === 'z') zText = v;
      else if (k === 'autoplay') autoplay = v;
      else if (k === 'closed') closedText = v;
      else if (k === 'lang') langText = v;
      else if (k === 'from') fromText = v;
      else if (k === 'compare') compareLink = v;
      else if (isLabKey(k)) lab.set(k, v);
      // other keys: ignored
    }
  }
  if (autoplay !== null && autoplay !== '1' && autoplay !== '0') {
    notices.push({ key: 'autoplay', shown: describe(autoplay) });
  }
  const closedParts = closedText === null || closedText === '' ? [] : closedText.split(',');
  const closed = PANELS.filter((p) => closedParts.includes(p));
  const unknownPanels = closedParts.filter((p) => !(PANELS as readonly string[]).includes(p));
  if (unknownPanels.length) {
    notices.push({ key: 'closed', shown: describe(unknownPanels.join(',')) });
  }
  const lang = langText !== null && isLang(langText) ? langText : null;
  if (langText !== null && lang === null) {
    notices.push({ key: 'lang', shown: describe(langText) });
  }
  if (fromText !== null && fromText !== 'trained') {
    notices.push({ key: 'from', shown: describe(fromText) });
  }
  const views = parseLabViews(lab, (key, text) => notices.push({ key, shown: describe(text) }));
  const drawn = pts === null ? null : decodePoints(pts);
  const z = zText === null ? null : parseZ(zText);
  if (zText !== null && !z) {
    notices.push({ key: 'z', shown: describe(zText) });
  }
  if (pts !== null && !drawn) notices.push({ key: 'pts', shown: describe(pts) });
  const parsed = new Map<FieldKey, number | string>();
  for (const [key, text] of values) {
    const f = FIELDS[key];
    const value = parseFieldValue(f, text);
    if (value !== undefined) {
      parsed.set(key, value);
      continue;
    }
    notices.push({ key, shown: describe(text) });
  }
  // The model and the data set decide the other fields' defaults, so they are read first.
  const model = (parsed.get('model') as RunConfig['model'] | undefined) ?? FIELDS.model.default;
  const data = (parsed.get('data') as RunConfig['data'] | undefined) ?? FIELDS.data.default;
  const config: Record<string, number | string> = { ...defaultsFor(model, data) };
  for (const [key, v] of parsed) config[key] = v;
  const compare =
    compareLink === null
      ? null
      : compareFromLink(compareLink, config as RunConfig, parsed.keys(), notices);
  return {
    config: (compare ? compare.config : config) as RunConfig,
    notices,
    ignored: notices.map(noticeText),
    drawn,
    z,
    autoplay: autoplay === '1',
    closed,
    lang,
    // The backend alone is a choice of machine, not a setup to explain.
    fromLink:
      [...values.keys()].some((k) => k !== 'backend') ||
      pts !== null ||
      zText !== null ||
      autoplay === '1' ||
      fromText === 'trained',
    fromTrained: fromText === 'trained',
    compare: compare?.setups ?? null,
    ...views,
  };
}

/**
 * `compare=`'s setups, and the config of their shared fields (the default model's, with the
 * link's shared values). A field outside the shared ones belongs to one setup: left out, said.
 */
function compareFromLink(
  text: string,
  given: RunConfig,
  keys: Iterable<FieldKey>,
  notices: LinkNotice[],
): { setups: CompareSetup[]; config: RunConfig } {
  const { setups, notices: problems } = parseCompare(text);
  // The link's own text, quoted and cut short like every ignored value.
  for (const n of problems) notices.push({ key: 'compare', ...n, shown: describe(n.shown) });
  for (const key of keys) {
    if (!SHARED_FIELDS.includes(key)) {
      const problem = key === 'model' ? 'model' : 'perSetup';
      notices.push({ key: 'compare', problem, shown: `${key}=${String(given[key])}` });
    }
  }
  const shared = sharedOf(given);
  if (shared.data === 'upload') {
    notices.push({ key: 'compare', problem: 'upload', shown: 'upload' });
    shared.data = 'mnist';
  }
  return { setups, config: sharedConfig(shared) };
}

/**
 * The hash for a config: only fields that differ from the model's defaults, in table order,
 * then the drawing (`pts=`) when the data set is a drawing.
 */
export function toHash(
  config: RunConfig,
  {
    drawn = null,
    z = null,
    closed = [],
    autoplay = false,
    lang = null,
    trained = false,
    compare = null,
    ...views
  }: LinkExtras = {},
): string {
  const defaults = defaultsFor(config.model, config.data);
  const params = new URLSearchParams();
  if (compare?.length) params.set('compare', compareText(compare));
  for (const key of FIELD_KEYS) {
    const differs =
      key === 'model' || key === 'data'
        ? config[key] !== FIELDS[key].default
        : config[key] !== defaults[key];
    if (differs) {
      params.set(key, String(config[key]));
    }
  }
  if (config.data === 'drawn' && drawn && drawn.length >= 2) params.set('pts', encodePoints(drawn));
  if (z && z.some((v) => Math.round(v * 100) !== 0)) params.set('z', formatZ(z));
  const folded = PANELS.filter((p) => closed.includes(p));
  if (folded.length) params.set('closed', folded.join(','));
  if (lang) params.set('lang', lang);
  if (trained) params.set('from', 'trained');
  writeLabViews(params, views);
  if (autoplay) params.set('autoplay', '1');
  const s = params.toString();
  return s ? `#${s}` : '';
}
