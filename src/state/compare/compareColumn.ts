import type { Lang } from '../../config/lang.ts';
import type { RunConfig } from '../../config/schema.ts';
import type { FromWorker } from '../../workers/train/protocol.ts';
import type { AddressBar } from '../addressBar.ts';
import { LatentRouter } from '../latentRouter.ts';
import { RunStore } from '../runStore.ts';
import { TrainerConnection } from '../trainerConnection.ts';
import { followWorker } from '../workerEvents.ts';
import { RunCommands } from '../runCommands.ts';

/**
 * One column of compare mode: a run with its own training worker, store and latent mirror.
 * It keeps nothing for a reload and trains no uploaded images; the link is compare mode's.
 */
export class CompareColumn {
  readonly store: RunStore;
  readonly worker: TrainerConnection;
  readonly explorer: LatentRouter;
  /** Start, Pause, Step, Reset. */
  readonly run: RunCommands;

  constructor(
    config: RunConfig,
    page: { lang: Lang; z: number[] | null; drawn: Float32Array },
    dataUrl: string,
    link: Pick<AddressBar, 'writeSoon'>,
    private readonly onReady: () => void,
  ) {
    this.store = new RunStore(config, [], page.drawn, page.z, [], page.lang, true, false);
    this.worker = new TrainerConnection(
      this.store,
      dataUrl,
      null,
      null,
      (msg) => this.receive(msg),
      true,
    );
    this.explorer = new LatentRouter(this.store, link, (q) => this.worker.latent(q), ['decode']);
    this.run = new RunCommands(this.store, this.worker);
  }

  private receive(msg: FromWorker): void {
    this.store.receive(msg);
    followWorker(msg, this.worker, this.explorer);
    if (msg.type === 'ready') this.onReady();
  }
}
