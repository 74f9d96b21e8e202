import type { RunConfig } from './schema.ts';

// What a training step costs depends on these fields alone: the key under which the page keeps
// the steps/s it measured (speedRecord.ts) and 'auto''s probe its times (backendProbe.ts).

/** The fields that decide what a training step costs (not the seed, the rates or the views). */
const COST_FIELDS = [
  'model',
  'data',
  'usize',
  'arch',
  'latent',
  'hidden',
  'layers',
  'act',
  'bn',
  'loss',
  'dsteps',
  'batch',
] as const satisfies readonly (keyof RunConfig)[];

export const costKey = (c: RunConfig): string => COST_FIELDS.map((k) => `${k}=${c[k]}`).join('&');
