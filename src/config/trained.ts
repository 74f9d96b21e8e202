import { presetOf, type PresetId } from './presets.ts';
import type { RunConfig } from './schema.ts';
import { TRAINED_DEMOS } from './trainedDemos.ts';
import type { TrainedDemo } from './trainedTypes.ts';

export type { TrainedDemo, TrainedScores } from './trainedTypes.ts';

// The demos' shipped weights (public/trained/, written by `npm run train:demos`): what the page
// offers as "Start trained", and what a `from=trained` link opens onto.

/** The shipped weights for this setup (a demo's, whatever its seed or backend), or null. */
export function trainedFor(config: RunConfig): { id: PresetId; demo: TrainedDemo } | null {
  const id = presetOf(config);
  const demo = id ? TRAINED_DEMOS[id] : undefined;
  return id && demo ? { id, demo } : null;
}
