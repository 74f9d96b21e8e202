import { FIELDS, defaultConfig, parseFieldValue, setField } from '../config/fields.ts';
import type { RunConfig } from '../config/schema.ts';

// Config <-> link. The hash (`#seed=7&lr=0.001`) carries the setup; the query string is read
// too (`?backend=cpu`), the hash winning. Parsing never throws: unknown keys are ignored and a
// bad value falls back to its default, each listed in `ignored` for a notice on the page.

export interface ParsedLink {
  config: RunConfig;
  /** Human-readable notes on what was ignored, e.g. `lr: "abc" is not a number in 1e-6…1`. */
  ignored: string[];
}

const MAX_PARAM_TEXT = 64;

function describe(text: string): string {
  const shown = text.length > MAX_PARAM_TEXT ? `${text.slice(0, MAX_PARAM_TEXT)}…` : text;
  return JSON.stringify(shown);
}

function safeParams(text: string): URLSearchParams {
  try {
    return new URLSearchParams(text.replace(/^[#?]/, ''));
  } catch {
    return new URLSearchParams();
  }
}

export function parseLink(search: string, hash: string): ParsedLink {
  const config = defaultConfig();
  const ignored: string[] = [];
  const values = new Map<string, string>();
  for (const params of [safeParams(search), safeParams(hash)]) {
    for (const [k, v] of params) values.set(k, v);
  }
  for (const [key, text] of values) {
    const field = FIELDS.find((f) => f.key === key);
    if (!field) continue; // unknown keys: ignored silently (links from newer versions)
    const value = parseFieldValue(field, text);
    if (value === undefined) {
      const expected =
        field.kind === 'choice'
          ? `one of ${field.options.join(', ')}`
          : `${field.kind === 'int' ? 'a whole number' : 'a number'} in ${field.min}…${field.max}`;
      ignored.push(`${key}: ${describe(text)} is not ${expected}; using ${field.default}`);
      continue;
    }
    setField(config, field, value);
  }
  return { config, ignored };
}

/** The hash for a config: only fields that differ from their defaults, in table order. */
export function toHash(config: RunConfig): string {
  const defaults = defaultConfig();
  const params = new URLSearchParams();
  for (const f of FIELDS) {
    const v = f.get(config);
    if (v !== f.get(defaults)) params.set(f.key, String(v));
  }
  const s = params.toString();
  return s ? `#${s}` : '';
}
