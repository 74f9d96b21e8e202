import { dataKind } from '../config/datasets.ts';
import { MirrorClient } from '../worker/mirrorClient.ts';
import type { FromWorker, LatentQuery, ToWorker } from '../worker/protocol.ts';
import { Z_RANGE } from './explorer.ts';
import { LatentRequester } from './latentRequester.ts';
import type { RunStore } from './runStore.ts';

// Where the latent explorer's queries go. The latent mirror (latent.worker.ts) answers them
// from a CPU copy of the weights, so a slider drag never waits for a training chunk; until it
// holds the current run's weights (and for good if it fails, or with `?faults=no-mirror`),
// the training worker answers between its chunks. Either way at most one query of each kind
// is in flight (LatentRequester), and the answers land in the store as the worker's do.

/** Images in the explorer's grid (a side) and its interpolation strip. */
const GRID_SIDE = 8;
const STRIP_STEPS = 10;

type LatentAnswer = Extract<FromWorker, { type: 'latent' }>;

export class LatentRouter {
  private readonly mirror: MirrorClient;
  /** The mirror holds weights of the current run. */
  private mirrorCurrent = false;
  private lastId = 0;
  private readonly requester = new LatentRequester((query) => {
    const id = ++this.lastId;
    if (this.mirrorCurrent) this.mirror.send({ type: 'latent', id, query });
    else this.toTrainer({ type: 'latent', id, query });
    return id;
  });

  constructor(
    private readonly store: RunStore,
    /** Sends to the training worker (whichever is current). */
    private readonly toTrainer: (msg: ToWorker) => void,
    /** The mirror's answers, handled as the training worker's. */
    onAnswer: (msg: LatentAnswer) => void,
    private mirrorOff: boolean,
  ) {
    this.mirror = new MirrorClient(onAnswer, (message) => this.mirrorFailed(message));
  }

  /** An answer arrived (from either worker): the next waiting query of its kind goes out. */
  answered(msg: LatentAnswer): void {
    this.requester.answered(msg.kind, msg.id);
  }

  /** A new run: the mirror's weights are the old run's until its first snapshot. */
  newRun(): void {
    this.mirrorCurrent = false;
  }

  /** New pictures: the explorer follows the new weights (the mirror's follow its snapshots). */
  picturesArrived(): void {
    if (!this.mirrorCurrent) this.refresh();
  }

  /** The worker's copy of new weights goes on to the mirror (images only), and is shown. */
  snapshot({ forMirror, config, shape }: Extract<FromWorker, { type: 'snapshot' }>): void {
    if (this.mirrorOff || !forMirror) return;
    this.mirror.send(
      { type: 'weights', config, shape, snapshot: forMirror },
      forMirror.networks.map((n) => n.data),
    );
    this.mirrorCurrent = true;
    this.refresh();
  }

  /** The explorer's images for its current state: the slider code, the grid, the strip. */
  refresh(parts: readonly LatentQuery['kind'][] = ['decode', 'grid', 'interpolate']): void {
    const { explorer, config, data, closed } = this.store.getSnapshot();
    if ((data?.kind ?? dataKind(config.data)) !== 'image') return;
    // A folded explorer shows nothing: no decoding until it opens.
    if (closed.includes('explorer')) return;
    const { z, a, b, mode } = explorer;
    if (parts.includes('decode')) this.requester.request({ kind: 'decode', z });
    if (parts.includes('grid')) {
      this.requester.request({
        kind: 'grid',
        base: z,
        dims: [0, 1],
        range: Z_RANGE,
        side: GRID_SIDE,
      });
    }
    if (parts.includes('interpolate')) {
      this.requester.request({ kind: 'interpolate', from: a, to: b, steps: STRIP_STEPS, mode });
    }
  }

  /** The mirror died: the training worker answers from now on; queries lost with it go again. */
  private mirrorFailed(message: string): void {
    this.mirrorOff = true;
    this.mirrorCurrent = false;
    console.warn(`Latent mirror stopped (${message}); the training worker decodes instead.`);
    this.requester.abandon();
    this.refresh();
  }
}
