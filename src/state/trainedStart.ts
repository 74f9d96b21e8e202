import { trainedFor } from '../config/trained.ts';
import type { NamedBytes } from '../workers/messages.ts';
import type { ModelNote } from '../workers/train/protocol.ts';
import type { AddressBar } from './addressBar.ts';
import type { RunStore } from './runStore.ts';
import type { TrainedState } from './snapshotParts.ts';
import type { TrainerConnection } from './trainerConnection.ts';

// "Start trained": the demo's shipped weights (public/trained/, float16 tfjs layers models)
// fetched only when asked, with progress, and handed to the worker as model files: it checks
// them like any files a person loads, and the run goes on from their step. A missing or
// damaged file is said on the page; the run as it was keeps working.

/** A file's bytes, reporting each chunk's size as it arrives. */
async function fetchBytes(
  url: string,
  progress: (bytes: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const name = url.split('/').pop();
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error(`${name} could not be fetched (the connection failed)`);
  }
  if (!response.ok) throw new Error(`${name} is missing (HTTP ${response.status})`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    progress(value.byteLength);
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * A model.json whose saved link is the page's own: the weights fit the demo's setup whatever
 * seed, backend or view the link has, and the run keeps that link.
 */
function withLink(
  bytes: Uint8Array<ArrayBuffer>,
  hash: string,
  name: string,
): Uint8Array<ArrayBuffer> {
  let json: { userDefinedMetadata?: { playground?: Record<string, unknown> } };
  try {
    json = JSON.parse(new TextDecoder().decode(bytes)) as typeof json;
  } catch {
    throw new Error(`${name} is damaged (not JSON)`);
  }
  const meta = json.userDefinedMetadata?.playground;
  if (!meta || typeof meta !== 'object') throw new Error(`${name} is damaged (no saved setup)`);
  meta.hash = hash || '#';
  return new TextEncoder().encode(JSON.stringify(json));
}

export class TrainedStart {
  /** The import asked of the worker, answered by its next `models` note. */
  private asked = false;
  /** Start training once the weights are in (the link's `autoplay=1`). */
  private thenStart = false;
  /** The step of the weights asked for. */
  private step = 0;

  constructor(
    private readonly store: RunStore,
    private readonly worker: TrainerConnection,
    private readonly link: AddressBar,
    private readonly start: () => void,
    private readonly base = document.baseURI,
  ) {}

  private set(trained: TrainedState): void {
    this.store.update({ trained }, true);
  }

  /** Fetches this demo's shipped weights and begins the run from them. */
  async load(thenStart = false): Promise<void> {
    const snap = this.store.getSnapshot();
    if (snap.trained.phase === 'loading' || this.asked) return;
    const found = trainedFor(snap.config);
    if (!found) {
      this.set({ phase: 'none' });
      if (thenStart) this.start();
      return;
    }
    this.thenStart = thenStart;
    this.step = found.demo.step;
    const { files } = found.demo;
    const total = files.reduce((n, f) => n + f.bytes, 0);
    let loaded = 0;
    this.set({ phase: 'loading', loaded, total });
    try {
      const hash = this.link.hash();
      const named: NamedBytes[] = [];
      for (const f of files) {
        const url = new URL(`trained/${f.name}`, this.base).href;
        const bytes = await fetchBytes(url, (n) => {
          loaded += n;
          this.set({ phase: 'loading', loaded, total });
        });
        named.push({
          name: f.name,
          bytes: f.name.endsWith('.json') ? withLink(bytes, hash, f.name) : bytes,
        });
      }
      this.asked = true;
      this.worker.post(
        { type: 'import', files: named },
        named.map((f) => f.bytes.buffer),
      );
    } catch (e) {
      this.set({ phase: 'failed', reason: e instanceof Error ? e.message : String(e) });
    }
  }

  /** The worker's note after an import: ours, when one was asked. */
  modelsNoted(note: ModelNote | null): void {
    if (!this.asked || !note || (note.kind !== 'loaded' && note.kind !== 'refused')) return;
    this.asked = false;
    if (note.kind === 'refused') {
      this.set({ phase: 'failed', reason: note.reason });
      return;
    }
    this.set({ phase: 'loaded', step: this.step });
    this.link.write();
    if (this.thenStart) this.start();
    this.thenStart = false;
  }
}
