import type { TermId } from '../config/glossary.ts';
import type { RunConfig } from '../config/schema.ts';

// The symbols of each family's formulas, with the glossary entry that explains each: the same
// in every language but for the few that are words (`SymbolWords`, each language's).

export type SymbolItem = readonly [TermId, string];

/** The formulas' symbols that are words, not letters. */
export interface SymbolWords {
  encoder: string;
  decoder: string;
  recon: string;
  critic: string;
  equilibrium: string;
}

export const formulaSymbols = {
  vae: (): SymbolItem[] => [
    ['elbo', 'ELBO'],
    ['qzx', 'q(z|x)'],
    ['pxz', 'p(x|z)'],
    ['kl', 'KL'],
    ['prior', 'N(0, I)'],
    ['beta', 'β'],
  ],
  ae: (w: SymbolWords): SymbolItem[] => [
    ['encoder', w.encoder],
    ['decoder', w.decoder],
    ['latent', 'z'],
    ['reconstruction', w.recon],
  ],
  gan: (loss: RunConfig['loss'], w: SymbolWords): SymbolItem[] => [
    ['generator', 'G'],
    ['discriminator', 'D'],
    ['latent', 'z'],
    ...(loss === 'wgangp'
      ? ([
          ['critic', w.critic],
          ['gradientPenalty', 'λ'],
        ] as const)
      : ([['equilibrium', w.equilibrium]] as const)),
  ],
};
