import { MODELS } from '../config/models.ts';
import { dataKind } from '../config/datasets.ts';
import { switches } from '../config/switches.ts';
import { startLatentMirror, type LatentMirrorWorker } from '../clients/mirrorClient.ts';
import type { FromWorker } from '../workers/train/protocol.ts';
import type { LatentAnswer, LatentQuery } from '../workers/messages.ts';
import type { AddressBar } from './addressBar.ts';
import { resize, Z_RANGE, type ExplorerState } from './explorer.ts';
import { LatentRequester } from './latentRequester.ts';
import type { RunStore } from './runStore.ts';

// The latent explorer's commands, and where its queries go. The latent mirror (workers/mirror)
// answers them from a CPU copy of the weights, so a slider drag never waits for a training
// chunk; until it holds the current run's weights (and for good if it fails, or with the
// noMirror switch), the training worker answers between its chunks. Either way at most one
// query of each kind is in flight (LatentRequester).

/** Images in the explorer's grid (a side) and its interpolation strip. */
const GRID_SIDE = 8;
const STRIP_STEPS = 10;

export class LatentRouter {
  private readonly mirror: LatentMirrorWorker;
  private mirrorOff = switches().noMirror;
  /** The mirror holds weights of the current run. */
  private mirrorCurrent = false;
  private readonly requester = new LatentRequester(
    (query) =>
      this.mirrorCurrent ? this.mirror.request({ type: 'latent', query }) : this.trainer(query),
    (id, answer) => this.store.latentAnswered(id, answer),
  );

  constructor(
    private readonly store: RunStore,
    /** Where the code goes into the link. */
    private readonly link: Pick<AddressBar, 'writeSoon'>,
    /** Asks the training worker (whichever is current). */
    private readonly trainer: (query: LatentQuery) => Promise<LatentAnswer>,
    /** The images this explorer shows (compare mode: the slider code's alone). */
    private readonly shown: readonly LatentQuery['kind'][] = [
      'decode',
      'classes',
      'grid',
      'interpolate',
    ],
  ) {
    this.mirror = startLatentMirror((e) => this.mirrorFailed(e.message));
  }

  /** The sliders moved: decode the new code now, and (latent > 2) the grid around it. */
  setCode(z: number[]): void {
    const explorer = { ...this.store.getSnapshot().explorer, z };
    this.store.update({ explorer }, true);
    this.refresh(z.length > 2 ? ['decode', 'classes', 'grid'] : ['decode', 'classes']);
    this.link.writeSoon();
  }

  /** A conditional model's class: every image but the class sweep is drawn as it. */
  setLabel(label: number): void {
    this.store.update({ explorer: { ...this.store.getSnapshot().explorer, label } }, true);
    this.refresh(['decode', 'grid', 'interpolate']);
    this.link.writeSoon();
  }

  /** One dimension of the latent code moved (a slider). */
  setCodeAt(index: number, value: number): void {
    this.setCode(this.store.getSnapshot().explorer.z.map((old, k) => (k === index ? value : old)));
  }

  /** New interpolation ends or mode. */
  setStrip(patch: Partial<Pick<ExplorerState, 'a' | 'b' | 'mode'>>): void {
    this.store.update({ explorer: { ...this.store.getSnapshot().explorer, ...patch } }, true);
    this.refresh(['interpolate']);
  }

  /** The model's latent size may have changed: the explorer's codes follow it. */
  resize(latent: number): void {
    this.store.update({ explorer: resize(this.store.getSnapshot().explorer, latent) }, true);
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
    this.mirror.post(
      { type: 'weights', config, shape, snapshot: forMirror },
      forMirror.networks.map((n) => n.data),
    );
    this.mirrorCurrent = true;
    this.refresh();
  }

  /** The explorer's images for its current state: the slider code, the grid, the strip. */
  refresh(
    parts: readonly LatentQuery['kind'][] = ['decode', 'classes', 'grid', 'interpolate'],
  ): void {
    const { explorer, config, data, closed } = this.store.getSnapshot();
    if ((data?.kind ?? dataKind(config.data)) !== 'image') return;
    // A folded explorer shows nothing: no decoding until it opens.
    if (closed.includes('explorer')) return;
    const { z, a, b, mode } = explorer;
    // A conditional model draws the chosen class, and z as every class (the class sweep).
    const conditional = MODELS[config.model].conditional === true;
    const label = conditional ? { label: explorer.label } : {};
    parts = parts.filter((p) => this.shown.includes(p) && (p !== 'classes' || conditional));
    if (parts.includes('decode')) this.requester.request({ kind: 'decode', z, ...label });
    if (parts.includes('classes')) this.requester.request({ kind: 'classes', z });
    if (parts.includes('grid')) {
      this.requester.request({
        kind: 'grid',
        base: z,
        dims: [0, 1],
        range: Z_RANGE,
        side: GRID_SIDE,
        ...label,
      });
    }
    if (parts.includes('interpolate')) {
      this.requester.request({
        kind: 'interpolate',
        from: a,
        to: b,
        steps: STRIP_STEPS,
        mode,
        ...label,
      });
    }
  }

  /** The mirror died: the training worker answers from now on; lost queries go again. */
  private mirrorFailed(message: string): void {
    this.mirrorOff = true;
    this.mirrorCurrent = false;
    console.warn(`Latent mirror stopped (${message}); the training worker decodes instead.`);
    this.refresh();
  }
}
