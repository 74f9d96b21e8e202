import type { CompareSetup } from '../../config/compare.ts';
import type { Catalog } from '../../i18n/catalog.ts';

/** A column's name: the model's, with the fields its setup sets ("GAN (loss=wgangp)"). */
export function setupName(t: Catalog, s: CompareSetup): string {
  const own = Object.entries(s.patch).map(([k, v]) => `${k}=${String(v)}`);
  return own.length ? `${t.models[s.model]} (${own.join(', ')})` : t.models[s.model];
}
