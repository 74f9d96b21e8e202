import { DIRAC_DEFAULTS, diracText, parseDirac, type DiracSetup } from './dirac.ts';
import { parsePosterior, POINT_LIMIT, posteriorText, type PosteriorTarget } from './posterior.ts';

// The lab's views in the link (link.ts reads and writes the rest): which are open, and with
// what. `dirac=` the Dirac GAN's setup, `posterior=` the true posterior's x, `graph=1` the model
// as a graph, `rd=1` rate against distortion, `slow=1` slow motion, `y=` a conditional model's
// class in latent space.

export const LAB_KEYS = ['dirac', 'posterior', 'graph', 'rd', 'slow', 'y'] as const;
export type LabKey = (typeof LAB_KEYS)[number];

export const isLabKey = (k: string): k is LabKey => (LAB_KEYS as readonly string[]).includes(k);

export interface LabViews {
  /** The Dirac GAN view is open, with this setup (null: closed). */
  dirac: DiracSetup | null;
  /** The true-posterior view is open for this x (null: closed, or not an x). */
  posterior: PosteriorTarget | null;
  /** The model-overview graph is open. */
  graph: boolean;
  /** The rate–distortion view is open. */
  rd: boolean;
  /** Slow motion (a step a second). */
  slow: boolean;
  /** The class a conditional model's explorer draws (0–9), or null (0). */
  y: number | null;
}

/** The switches among the views: `1` or `0`. */
const SWITCHES = ['graph', 'rd', 'slow'] as const;

/**
 * The views a link's lab keys ask for (`text`: each key's value, as written); a value that is
 * not one is handed to `bad`, and its view stays closed (the Dirac GAN opens as it starts).
 */
export function parseLabViews(
  text: ReadonlyMap<LabKey, string>,
  bad: (key: LabKey, value: string) => void,
): LabViews {
  const dirac = text.has('dirac') ? parseDirac(text.get('dirac')!) : null;
  const posterior = text.has('posterior') ? parsePosterior(text.get('posterior')!) : null;
  const yText = text.get('y');
  const y = yText !== undefined && /^\d$/.test(yText) ? Number(yText) : null;
  if (text.has('dirac') && !dirac) bad('dirac', text.get('dirac')!);
  if (text.has('posterior') && !posterior) bad('posterior', text.get('posterior')!);
  if (yText !== undefined && y === null) bad('y', yText);
  for (const key of SWITCHES) {
    const v = text.get(key);
    if (v !== undefined && v !== '1' && v !== '0') bad(key, v);
  }
  return {
    dirac: text.has('dirac') ? (dirac ?? DIRAC_DEFAULTS) : null,
    posterior,
    graph: text.get('graph') === '1',
    rd: text.get('rd') === '1',
    slow: text.get('slow') === '1',
    y,
  };
}

/** Writes the open views into the link's parameters. */
export function writeLabViews(params: URLSearchParams, v: Partial<LabViews>): void {
  if (v.dirac) params.set('dirac', diracText(v.dirac));
  for (const key of SWITCHES) if (v[key]) params.set(key, '1');
  if (v.y) params.set('y', String(v.y));
  if (v.posterior) params.set('posterior', posteriorText(v.posterior));
}

/** What was wrong with a lab key's value, and what the page does instead, in English. */
export function labNotice(key: LabKey, shown: string): string {
  switch (key) {
    case 'dirac':
      return `dirac: ${shown} is not loss,updates,lr,ratio,γ (e.g. minimax,simultaneous,0.1,1,0); opening the view as it starts`;
    case 'graph':
      return `graph: ${shown} is not 1 or 0; the graph stays closed`;
    case 'rd':
      return `rd: ${shown} is not 1 or 0; the rate–distortion view stays closed`;
    case 'slow':
      return `slow: ${shown} is not 1 or 0; training at full speed`;
    case 'y':
      return `y: ${shown} is not a digit class 0–9; drawing 0`;
    case 'posterior':
      return `posterior: ${shown} is neither a held-out digit's number nor a point x,y within ±${POINT_LIMIT}; the view stays closed`;
  }
}
