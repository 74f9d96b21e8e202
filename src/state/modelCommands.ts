import type { NamedBytes } from '../workers/messages.ts';
import type { AddressBar } from './addressBar.ts';
import { downloadAll } from './download.ts';
import type { RunStore } from './runStore.ts';
import type { TrainerConnection } from './trainerConnection.ts';

// The model's files: checkpoints in the browser (IndexedDB), downloads in tfjs's layers format
// and model files the person brings. The worker answers each with a `models`, `exported` or
// `restored` message; until then the panel is busy.

export class ModelCommands {
  constructor(
    private readonly store: RunStore,
    private readonly worker: TrainerConnection,
    private readonly link: AddressBar,
  ) {}

  private busy(): void {
    this.store.update({ models: { ...this.store.getSnapshot().models, busy: true, note: null } });
  }

  /** Saves the model to the browser, with the link and the step. */
  save(): void {
    this.busy();
    this.worker.post({ type: 'models', action: 'save', hash: this.link.hash() });
  }

  restore(id: string): void {
    this.busy();
    this.worker.post({ type: 'models', action: 'restore', id });
  }

  delete(id: string): void {
    this.busy();
    this.worker.post({ type: 'models', action: 'delete', id });
  }

  /** Downloads the networks in tfjs's layers format. */
  export(): void {
    this.busy();
    this.worker.post({ type: 'export', hash: this.link.hash() });
  }

  /** Loads model files the person chose (model.json files and their weights). */
  async import(files: readonly File[]): Promise<void> {
    this.busy();
    const named = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    this.worker.post(
      { type: 'import', files: named },
      named.map((f) => f.bytes.buffer),
    );
  }

  /** The exported files arrived: they download. */
  exported(files: NamedBytes[]): void {
    void downloadAll(files);
    this.store.update({
      models: {
        ...this.store.getSnapshot().models,
        busy: false,
        note: { text: (t) => t.errors.downloaded(files.map((f) => f.name).join(', ')), ok: true },
      },
    });
  }
}
