import type { PresetId } from './presets.ts';
import type { TrainedDemo } from './trainedTypes.ts';

// Written by `npm run train:demos` (scripts/train-demos): the demos' shipped weights.

export const TRAINED_DEMOS: Partial<Record<PresetId, TrainedDemo>> = {};
