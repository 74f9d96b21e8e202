import type { CompareSetup } from '../../config/compare.ts';
import type { Lang } from '../../config/lang.ts';
import type { LinkNotice } from '../../config/link.ts';
import type { RunConfig } from '../../config/schema.ts';

// Compare mode's own state, beside its columns' stores: what the link says of the whole
// comparison (its setups and shared fields, the shared latent code, the language).

export interface CompareSnapshot {
  lang: Lang;
  langInLink: boolean;
  setups: readonly CompareSetup[];
  /** The shared fields, as a config of the default model (what the link writes them from). */
  shared: RunConfig;
  /** The latent code every decoder is shown. */
  z: number[];
  notices: readonly LinkNotice[];
}

export class CompareStore {
  private readonly listeners = new Set<() => void>();

  constructor(private snap: CompareSnapshot) {}

  getSnapshot = (): CompareSnapshot => this.snap;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  update(patch: Partial<CompareSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const fn of this.listeners) fn();
  }
}
