import * as tf from '../../tf/tfjs.ts';
import type { GenerativeModel } from '../../models/types.ts';
import { captureNetwork, checkedMeta, labelSource, metaOf } from '../shared/modelFiles.ts';
import type { SavedModelMeta } from '../messages.ts';

// Checkpoints in the browser: each network of a model saved with tfjs's `indexeddb://` handler
// under `playground/<id>/<role>`, our metadata (the link, the step) in its model.json. The
// storage is injectable, so tests run against a Map.

export interface ArtifactStore {
  save(path: string, artifacts: tf.io.ModelArtifacts): Promise<void>;
  load(path: string): Promise<tf.io.ModelArtifacts>;
  /** Every stored path. */
  list(): Promise<string[]>;
  remove(path: string): Promise<void>;
}

const SCHEME = 'indexeddb://';

function handler(path: string): tf.io.IOHandler {
  const [h] = tf.io.getSaveHandlers(`${SCHEME}${path}`);
  if (!h) throw new Error('this browser offers no IndexedDB here');
  return h;
}

/** tfjs's IndexedDB handlers (browsers and workers). */
export const indexedDbStore: ArtifactStore = {
  async save(path, artifacts) {
    await handler(path).save!(artifacts);
  },
  load: (path) => handler(path).load!(),
  async list() {
    const all = await tf.io.listModels();
    return Object.keys(all)
      .filter((k) => k.startsWith(SCHEME))
      .map((k) => k.slice(SCHEME.length));
  },
  async remove(path) {
    await tf.io.removeModel(`${SCHEME}${path}`);
  },
};

const PREFIX = 'playground/';

export const withoutRole = ({
  id,
  hash,
  step,
  savedAt,
  roles,
}: SavedModelMeta): SavedModelMeta => ({
  id,
  hash,
  step,
  savedAt,
  roles,
});

export class Checkpoints {
  constructor(private readonly store: ArtifactStore = indexedDbStore) {}

  /** Saves every network; on a failure removes what was written and rethrows. */
  async save(model: GenerativeModel, hash: string, step: number): Promise<SavedModelMeta> {
    const savedAt = Date.now();
    const meta: SavedModelMeta = {
      id: `${savedAt.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`,
      hash,
      step,
      savedAt,
      roles: model.networks.map((n) => n.name),
    };
    const written: string[] = [];
    try {
      for (const net of model.networks) {
        const path = `${PREFIX}${meta.id}/${net.name}`;
        await this.store.save(path, await captureNetwork(net, meta));
        written.push(path);
      }
    } catch (e) {
      await Promise.all(written.map((p) => this.store.remove(p).catch(() => undefined)));
      throw e;
    }
    return meta;
  }

  /** The saved checkpoints, newest first (reads each one's first network for its metadata). */
  async list(): Promise<SavedModelMeta[]> {
    const byId = new Map<string, string>();
    for (const path of await this.store.list()) {
      if (!path.startsWith(PREFIX)) continue;
      const id = path.slice(PREFIX.length).split('/')[0]!;
      if (!byId.has(id)) byId.set(id, path);
    }
    const metas: SavedModelMeta[] = [];
    for (const path of byId.values()) {
      const meta = metaOf(await this.store.load(path));
      if (meta) metas.push(withoutRole(meta));
    }
    return metas.sort((a, b) => b.savedAt - a.savedAt);
  }

  /** One checkpoint's networks by role, and its metadata. */
  async load(
    id: string,
  ): Promise<{ meta: SavedModelMeta; byRole: Map<string, tf.io.ModelArtifacts> }> {
    const paths = (await this.store.list()).filter((p) => p.startsWith(`${PREFIX}${id}/`));
    if (paths.length === 0) throw new Error('that checkpoint is no longer stored');
    const byRole = new Map<string, tf.io.ModelArtifacts>();
    let meta: SavedModelMeta | null = null;
    for (const path of paths) {
      const artifacts = labelSource(await this.store.load(path), `the stored ${path}`);
      const m = checkedMeta(artifacts);
      if (!m) throw new Error(`the stored ${path} is not a checkpoint of this page`);
      meta = withoutRole(m);
      byRole.set(m.role, artifacts);
    }
    return { meta: meta!, byRole };
  }

  async remove(id: string): Promise<void> {
    const paths = (await this.store.list()).filter((p) => p.startsWith(`${PREFIX}${id}/`));
    for (const p of paths) await this.store.remove(p);
  }
}
