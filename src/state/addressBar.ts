import type { RunStore } from './runStore.ts';
import { toHash } from './url.ts';

/** Keeps the address bar's link equal to the run's setup, drawing, latent code and panels. */
export class AddressBar {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly store: RunStore) {}

  /** The link's hash for the run as it is now (or with another `config`). */
  hash(config = this.store.getSnapshot().config): string {
    const { drawn, explorer, closed } = this.store.getSnapshot();
    return toHash(config, { drawn, z: explorer.z, closed });
  }

  /** Writes the link now, without a new history entry. */
  write(config = this.store.getSnapshot().config): void {
    history.replaceState(null, '', `${location.pathname}${location.search}${this.hash(config)}`);
  }

  /** Writes the link soon: a slider drag changes it many times a second. */
  writeSoon(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.write();
    }, 250);
  }
}
