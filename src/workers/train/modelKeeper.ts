import type * as tf from '../../tf/tfjs.ts';
import type { RunConfig } from '../../config/schema.ts';
import { Checkpoints, withoutRole } from './checkpoints.ts';
import { ModelFileError } from '../shared/importChecks.ts';
import { captureNetwork, checkedMeta, fromFiles, roleOf, toFiles } from '../shared/modelFiles.ts';
import type { NamedBytes, SavedModelMeta } from '../messages.ts';
import type { TrainingSession } from './session.ts';
import type { Post, ModelNote } from './protocol.ts';

// Keeping a trained model: checkpoints in the browser (save, list, restore, delete) and the
// networks as files (download, load back). The trainer lends it the run, a way to pause
// around a read of the weights, and its restore.

export interface KeeperHost {
  /** The run now, or null before there is one. */
  run(): { session: TrainingSession; config: RunConfig } | null;
  /** Runs fn with training paused (the weights then match one step), resuming after. */
  whilePaused<T>(fn: () => Promise<T>): Promise<T>;
  /** Replaces the run with saved weights (see Trainer.restore). */
  restore(
    meta: SavedModelMeta | null,
    byRole: ReadonlyMap<string, tf.io.ModelArtifacts>,
    opts: { step: number; source: string },
  ): Promise<void>;
  post: Post;
}

export class ModelKeeper {
  constructor(
    private readonly host: KeeperHost,
    /** Where checkpoints are kept: IndexedDB in the page, a Map in tests. */
    private readonly checkpoints = new Checkpoints(),
  ) {}

  /** Saves, lists, restores or deletes checkpoints; always answers with the list. */
  async models(
    msg:
      | { action: 'list' }
      | { action: 'save'; hash: string }
      | { action: 'restore' | 'delete'; id: string },
  ): Promise<void> {
    let note: ModelNote | null = null;
    try {
      if (msg.action === 'save') {
        const session = this.host.run()?.session;
        if (!session) throw new Error('there is no model to save yet');
        const meta = await this.host.whilePaused(() =>
          this.checkpoints.save(session.model, msg.hash, session.step),
        );
        note = { kind: 'saved', step: meta.step };
      } else if (msg.action === 'restore') {
        const { meta, byRole } = await this.checkpoints.load(msg.id);
        await this.host.restore(meta, byRole, { step: meta.step, source: 'checkpoint' });
        note = { kind: 'restored', step: meta.step };
      } else if (msg.action === 'delete') {
        await this.checkpoints.remove(msg.id);
        note = { kind: 'deleted' };
      }
    } catch (e) {
      note = { kind: 'failed', action: msg.action, reason: plainReason(e) };
    }
    await this.postModels(note);
  }

  /** The stored checkpoints and what happened; a storage that cannot list says so. */
  private async postModels(note: ModelNote | null): Promise<void> {
    let list: SavedModelMeta[] = [];
    try {
      list = await this.checkpoints.list();
    } catch (e) {
      note ??= { kind: 'noStorage', reason: (e as Error).message };
    }
    this.host.post({ type: 'models', list, note });
  }

  /** The trained networks as tfjs layers-format files (model.json + weights each). */
  async exportModel(hash: string): Promise<void> {
    const run = this.host.run();
    if (!run) throw new Error('There is no model to export yet.');
    const { session, config } = run;
    const files = await this.host.whilePaused(async () => {
      const savedAt = Date.now();
      const meta: SavedModelMeta = {
        id: `export-${savedAt.toString(36)}`,
        hash,
        step: session.step,
        savedAt,
        roles: session.model.networks.map((n) => n.name),
      };
      const prefix = `${config.model}-${config.data}-step${session.step}`;
      const out: NamedBytes[] = [];
      for (const net of session.model.networks) {
        out.push(...toFiles(await captureNetwork(net, meta), prefix));
      }
      return out;
    });
    this.host.post(
      { type: 'exported', files },
      files.map((f) => f.bytes.buffer),
    );
  }

  /** Model files the person uploaded: their setup (from the files, else the current one) and weights. */
  async importFiles(files: NamedBytes[]): Promise<void> {
    let note: ModelNote;
    try {
      const artifacts = fromFiles(files);
      const metas = artifacts.map(checkedMeta);
      if (new Set(metas.map((m) => m?.id ?? null)).size > 1) {
        throw new ModelFileError(
          'these files come from different saves; choose the files of one export',
        );
      }
      const meta = metas[0] ? withoutRole(metas[0]) : null;
      const byRole = new Map(artifacts.map((a) => [roleOf(a) ?? '?', a] as const));
      if (byRole.size < artifacts.length) {
        throw new ModelFileError('two of the files hold the same network; choose one of each');
      }
      await this.host.restore(meta, byRole, { step: meta?.step ?? 0, source: 'files' });
      note = { kind: 'loaded', roles: [...byRole.keys()] };
    } catch (e) {
      note = { kind: 'refused', reason: plainReason(e) };
    }
    await this.postModels(note);
  }
}

/**
 * An error's message for the page. The engine's own errors (a TypeError deep in tfjs, a stack
 * overflow) say nothing to a person about their file: those become a plain sentence.
 */
function plainReason(e: unknown): string {
  if (e instanceof TypeError || e instanceof RangeError || !(e instanceof Error)) {
    return 'they do not hold a model this page can read';
  }
  return e.message.replace(/\.$/, '');
}
