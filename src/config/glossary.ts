// The terms the page explains in plain words (src/i18n/*Glossary.ts says them per language).
// Each occurrence on the page is a `Term` that shows its entry on hover, focus or tap.

export const TERM_IDS = [
  'generative',
  'latent',
  'prior',
  'encoder',
  'decoder',
  'qzx',
  'aggregate',
  'pxz',
  'reparam',
  'elbo',
  'kl',
  'reconstruction',
  'beta',
  'disentangled',
  'generator',
  'discriminator',
  'critic',
  'equilibrium',
  'modeCollapse',
  'gradientPenalty',
  'js',
  'swd',
  'frechet',
  'heldOut',
  'logit',
  'slerp',
  'step',
  'batch',
] as const;
export type TermId = (typeof TERM_IDS)[number];

/** An entry: the term as the page writes it, and its meaning in plain words. */
export interface GlossaryEntry {
  term: string;
  plain: string;
}
