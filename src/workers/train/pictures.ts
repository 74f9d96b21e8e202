import { pointMetrics } from '../../metrics/metrics2d.ts';
import type { MetricName } from '../../config/models.ts';
import { planeBuffers } from './plane.ts';
import type { FromWorker, Post } from './protocol.ts';
import type { TrainingSession } from './session.ts';
import { computeCodeMap, hasCodeMap } from './codeMap.ts';
import { computeFlow, flowBuffers } from './flowView.ts';
import { computePosterior, posteriorBuffers, posteriorProblem } from './posteriorView.ts';
import type { PosteriorTarget } from '../../config/posterior.ts';

/** What the page has asked to see with the pictures besides them. */
export interface PictureExtras {
  /** Compare mode's code map. */
  codeMap: boolean;
  /** The x of the open "true posterior" view (null: closed). */
  posterior: PosteriorTarget | null;
  /** The model-overview graph is open. */
  flow: boolean;
}

// What the page is sent every `every` steps: the pictures (the sample grid and the second
// sheet, or the 2-D view) and the held-out evaluation of the same step (held-out losses, and
// on 2-D data how far the generated points are from held-out ones).

export async function postPictures(
  session: TrainingSession,
  post: (msg: FromWorker, transfer?: Transferable[]) => void,
  { codeMap, posterior, flow }: PictureExtras,
): Promise<void> {
  const step = session.step;
  const names: MetricName[] = [...session.model.evaluationNames];
  const values: number[] = [];
  let pointScores: Partial<Record<MetricName, number>> = {};
  if (session.isPlane) {
    const view = await session.renderPlane();
    // Before the post: it hands the point buffers over to the page.
    pointScores = pointMetrics(session.data.heldOutPoints!, view.fake, view.extent);
    // The game's value at the best D, V(D*, G) = −log 4 + 2·JSD, is this D loss (its negative):
    // for the log-loss GANs without label smoothing, whose D loss is the cross-entropy.
    if (session.bestDLossShown) {
      pointScores.optimalDLoss = 2 * Math.LN2 - 2 * pointScores.jsDivergence!;
    }
    post({ type: 'plane', view }, planeBuffers(view));
  } else {
    const { samples, second } = await session.render();
    post({ type: 'images', step, samples, second }, [
      samples.data.buffer,
      second.image.data.buffer,
    ]);
    if (codeMap && hasCodeMap(session.model, session.data)) {
      const map = await computeCodeMap(session.model, session.data, step, session.seed);
      const transfer: Transferable[] = [map.codes.buffer, map.density.values.buffer];
      post({ type: 'codeMap', map }, map.labels ? [...transfer, map.labels.buffer] : transfer);
    }
  }
  if (posterior) await postPosterior(session, posterior, post);
  if (flow) await postFlow(session, post);
  values.push(...((await session.evaluate()) ?? []));
  for (const [name, v] of Object.entries(pointScores)) {
    names.push(name as MetricName);
    values.push(v);
  }
  if (names.length) {
    const data = Float32Array.from(values);
    post({ type: 'evaluation', step, names, values: data }, [data.buffer]);
  }
}

/** The true posterior for x at the session's weights, or why the run has none. */
export async function postPosterior(
  session: TrainingSession,
  target: PosteriorTarget,
  post: (msg: FromWorker, transfer?: Transferable[]) => void,
): Promise<void> {
  const problem = posteriorProblem(session.model, session.data, target);
  if (problem) {
    post({ type: 'posterior', view: null, problem });
    return;
  }
  const view = await computePosterior(
    session.model,
    session.data,
    target,
    session.step,
    session.seed,
  );
  post({ type: 'posterior', view, problem: null }, posteriorBuffers(view));
}

/** What passes through the model's boxes now (the model-overview graph). */
export async function postFlow(
  session: TrainingSession,
  post: (msg: FromWorker, transfer?: Transferable[]) => void,
): Promise<void> {
  const view = await computeFlow(session.model, session.data, session.step, session.seed);
  post({ type: 'flow', view }, flowBuffers(view));
}

/**
 * A run's pictures: what the page's open views ask for with them (`extras`), and the step they
 * last showed, so that they are posted when due and not twice for one step.
 */
export class PicturePoster {
  readonly extras: PictureExtras = { codeMap: false, posterior: null, flow: false };
  /** The step the last pictures showed; -1: none yet. */
  private shown = -1;

  constructor(private readonly post: Post) {}

  /** Whether `every` steps have passed since the pictures last showed. */
  due(session: TrainingSession, every: number): boolean {
    return session.step - this.shown >= every;
  }

  /** Posts the session's pictures now. */
  async show(session: TrainingSession): Promise<void> {
    this.shown = session.step;
    await postPictures(session, this.post, this.extras);
  }

  /** Posts them unless they already show the session's step. */
  async catchUp(session: TrainingSession): Promise<void> {
    if (this.shown !== session.step) await this.show(session);
  }

  /** The posterior view opened, closed or took another x; shown now for an idle `session`. */
  async setPosterior(target: PosteriorTarget | null, idle: TrainingSession | null): Promise<void> {
    this.extras.posterior = target;
    if (target && idle) await postPosterior(idle, target, this.post);
  }

  /** The model-overview graph opened or closed; its flow shown now for an idle `session`. */
  async setFlow(open: boolean, idle: TrainingSession | null): Promise<void> {
    this.extras.flow = open;
    if (open && idle) await postFlow(idle, this.post);
  }
}
