import * as tf from '../../tf/tfjs.ts';
import type { BackendName } from '../../config/schema.ts';
import type { BackendInfo } from '../messages.ts';
import { denseLayer, denseWeightGradients } from '../../kernels/fusedDense.ts';

// 'auto' on a software WebGPU adapter (SwiftShader: no GPU to use): which backend trains this
// setup fastest is measured, not assumed. On this kind of adapter WebGL trained the dense VAE
// 3.7× faster than WebGPU, and the CPU the small 2-D networks fifteen times faster.
//
// The probe times a step on each backend that starts, as that backend trains it. On images a
// step's time is its largest products, so the probe's step is one layer: for the dense
// networks y = relu(x·W + b) and the weight gradient xᵀ·y at the run's batch and sizes (the
// largest layer, and the first of every family); for the convolutional ones a wide
// convolution of the setup's (dataKeeper.ts), forward and backward. On 2-D points the layers are tiny
// and a step's time is the cost of each of its tens of ops, which one layer cannot show (it
// ranked WebGL first, where a whole step is slowest): there the probe's step is the run's own
// training step (`wholeStep`), on a model built for the probe. One untimed step compiles the
// kernels; then steps are timed to a read back. Compiling dominates: see the bench's
// "auto on …" rows for what it takes here.

/**
 * What the probe sizes its layer by: a dense layer of `inputs` → `hidden`, or for the
 * convolutional networks (`image`) a 5×5, stride-2 convolution of the images to `filters`.
 */
export interface ProbeSetup {
  batch: number;
  inputs: number;
  hidden: number;
  image?: { height: number; width: number; channels: number; filters: number };
  /**
   * Time the run's whole training step instead: `build` makes the model and its data on the
   * current backend; `key` names the setup by what its step costs (costKey.ts): what the probe's
   * result is kept under.
   */
  wholeStep?: { key: string; build: () => ProbeStep };
}

/** A probe's step on the current backend, and what frees its tensors (a model, data). */
export interface ProbeStep {
  step: () => tf.Tensor;
  dispose: () => void;
}

/** A probe step is timed over about this long, and at most MAX_REPS steps. */
const BUDGET_MS = 50;
const MAX_REPS = 8;
/** How much faster another backend must be to leave WebGPU (timings of a loaded machine vary). */
export const MARGIN = 1.5;

/**
 * The probe's step: the run's own (`wholeStep`), or one layer's. Dense: the forward
 * y = relu(x·W + b) and the weight gradient xᵀ·y (the two largest products of a training
 * step), read back whole; on WebGPU both are the kernels our training step computes them with
 * (fusedDense.ts), on the others tfjs's fused matMul and matMul, as their steps compute them.
 * (On SwiftShader a pipeline of tfjs's WebGPU matMul takes over a second to compile, and our
 * steps never run one.) Convolutional: the convolution forward and both its gradients (a
 * forward alone ranks the CPU first here, where a DCGAN step is slowest on it).
 */
function probeStep({ batch, inputs, hidden, image, wholeStep }: ProbeSetup): ProbeStep {
  if (wholeStep) return wholeStep.build();
  if (image) {
    const { height, width, channels, filters } = image;
    const x = tf.randomUniform([batch, height, width, channels], 0, 1, 'float32', 1);
    const K = tf.randomUniform([5, 5, channels, filters], -0.1, 0.1, 'float32', 2);
    const f = (x: tf.Tensor4D, K: tf.Tensor4D) => tf.relu(tf.conv2d(x, K, 2, 'same')).sum();
    const grads = tf.grads(f as (...args: tf.Tensor[]) => tf.Tensor);
    const step = () =>
      tf.tidy(() => {
        const [dx, dK] = grads([x, K]);
        return tf.add(tf.sum(dx!), tf.sum(dK!));
      });
    return { step, dispose: () => tf.dispose([x, K]) };
  }
  const x = tf.randomUniform([batch, inputs], -1, 1, 'float32', 1) as tf.Tensor2D;
  const W = tf.randomUniform([inputs, hidden], -0.1, 0.1, 'float32', 2);
  const b = tf.zeros([hidden]);
  const onWebGpu = tf.getBackend() === 'webgpu';
  const step = () =>
    tf.tidy(() => {
      // y = relu(x·W + b); with ∂L/∂y = y (L = ½‖y‖²), g = y ⊙ relu'(y) = y.
      if (onWebGpu) {
        const y = denseLayer(x, W, b, 'relu');
        return denseWeightGradients(x, y, y, 'linear');
      }
      const y = tf.fused.matMul({ a: x, b: W, bias: b, activation: 'relu' }) as tf.Tensor2D;
      return tf.matMul(x, y, true, false);
    });
  return { step, dispose: () => tf.dispose([x, W, b]) };
}

/**
 * A probe on one backend, its first step (compiling its kernels) queued. The CPU compiles
 * nothing: its first step is for V8 to optimise its kernels' JavaScript, which a layer's step
 * at a batch of one does as well (the small DCGAN's convolution: 0.8 s at 4, run here while
 * nothing else can).
 */
function warmUp(setup: ProbeSetup, name: BackendName) {
  const jitOnly = name === 'cpu' && !setup.wholeStep && setup.batch > 1;
  const first = jitOnly ? probeStep({ ...setup, batch: 1 }) : null;
  const probe = probeStep(setup);
  const out = (first ?? probe).step();
  first?.dispose();
  const warm = out.data().finally(() => out.dispose());
  return { ...probe, warm };
}

/** Milliseconds a step takes, over `reps` steps queued and read back once (as training does). */
async function timeSteps(step: () => tf.Tensor, reps: number): Promise<number> {
  const t0 = performance.now();
  let last: tf.Tensor | null = null;
  for (let i = 0; i < reps; i++) {
    last?.dispose();
    last = step();
  }
  await last!.data();
  last!.dispose();
  return (performance.now() - t0) / reps;
}

/**
 * A warmed-up probe's first timing on the current backend: one step to a read back, then, for
 * a short step, as many as fit in BUDGET_MS by that time (at most MAX_REPS), the better of the
 * two kept. Returns the time and the repetitions to time it again with.
 */
async function firstTiming(step: () => tf.Tensor): Promise<{ ms: number; reps: number }> {
  const once = await timeSteps(step, 1);
  const reps = Math.min(MAX_REPS, Math.ceil(BUDGET_MS / once));
  return { ms: reps > 1 ? Math.min(once, await timeSteps(step, reps)) : once, reps };
}

/**
 * A timing can be off by about this factor on a loaded machine (a garbage collection, a
 * straggling compile, the first calls of a CPU kernel before V8 has optimised it).
 */
const NOISE = 1.3;

/**
 * The backends whose timings decide a close call: those for which a timing off by NOISE (up
 * or down) would change fastestOf's verdict, and the backend it chose. Empty when no single
 * timing that far off would change it; then timing again would not.
 */
export function closeCall(msPerStep: Partial<Record<BackendName, number>>): BackendName[] {
  const chosen = fastestOf(msPerStep);
  const flips = (Object.keys(msPerStep) as BackendName[]).filter((name) =>
    [NOISE, 1 / NOISE].some(
      (f) => fastestOf({ ...msPerStep, [name]: msPerStep[name]! * f }) !== chosen,
    ),
  );
  return flips.length === 0 ? [] : [...new Set([chosen, ...flips])];
}

/**
 * The order backends start in: the CPU's first step runs here while WebGPU's compiles in the
 * browser's GPU process (WebGL's start would wait for that process).
 */
const PROBE_ORDER: readonly BackendName[] = ['webgpu', 'cpu', 'webgl'];

/**
 * The backends a probe times. A whole step (2-D points) is not timed on WebGL: each of its tens
 * of tiny ops is a draw call there, slower than the CPU's loop over a few hundred numbers, and
 * compiling the step's shaders took 3.5 s of a 4.2 s probe on this project's machine (where
 * its step was the slowest of the three, 72 ms against 28 on WebGPU and 31 on the CPU).
 */
export const probeOrder = (setup: ProbeSetup): readonly BackendName[] =>
  setup.wholeStep ? PROBE_ORDER.filter((name) => name !== 'webgl') : PROBE_ORDER;

/**
 * Times the probe on each backend that `start` switches tfjs to (false: it cannot start).
 * `meanwhile` runs from the start, and every backend's first step (its compiles) is queued as
 * it starts (the compiles go on in the GPU process); once all of those have finished, each
 * backend is timed in turn, with nothing else in flight, and the backends of a close call
 * (closeCall) once more.
 * No tensor may be alive across the call; tfjs is left on the last backend timed.
 */
export async function measureBackends(
  setup: ProbeSetup,
  start: (name: BackendName) => Promise<boolean>,
  meanwhile: () => Promise<void> = async () => undefined,
): Promise<Partial<Record<BackendName, number>>> {
  const msPerStep: Partial<Record<BackendName, number>> = {};
  const probes: [BackendName, ReturnType<typeof warmUp>][] = [];
  const reps: Partial<Record<BackendName, number>> = {};
  try {
    // The work meanwhile starts first: its fetches go on while the backends start (WebGL
    // compiles its shaders on this thread as it starts).
    const during = meanwhile();
    during.catch(() => undefined); // awaited below; not an unhandled rejection until then
    for (const name of probeOrder(setup)) {
      if (await start(name)) probes.push([name, warmUp(setup, name)]);
    }
    await during;
    await Promise.all(probes.map(([, probe]) => probe.warm));
    for (const [name, probe] of probes) {
      await start(name);
      const first = await firstTiming(probe.step);
      msPerStep[name] = first.ms;
      reps[name] = first.reps;
    }
    // A close call is timed again, and each of its backends keeps its best: a stall only ever
    // slows a step down.
    const again = closeCall(msPerStep);
    for (const [name, probe] of probes) {
      if (!again.includes(name)) continue;
      await start(name);
      msPerStep[name] = Math.min(msPerStep[name]!, await timeSteps(probe.step, reps[name]!));
    }
    return msPerStep;
  } finally {
    for (const [, { dispose, warm }] of probes) {
      await warm.catch(() => undefined);
      dispose();
    }
  }
}

/** The backend to train on given the probe's times: WebGPU unless another is MARGIN× faster. */
export function fastestOf(msPerStep: Partial<Record<BackendName, number>>): BackendName {
  const gpu = msPerStep.webgpu ?? Infinity;
  let best: BackendName = 'webgpu';
  let bestMs = gpu;
  for (const [name, ms] of Object.entries(msPerStep) as [BackendName, number][]) {
    if (name !== 'webgpu' && ms * MARGIN < gpu && ms < bestMs) {
      best = name;
      bestMs = ms;
    }
  }
  return best;
}

/** Whether 'auto' measures here: WebGPU chosen by 'auto' on a software adapter. */
export const probesHere = (first: BackendInfo): boolean =>
  !first.forced && first.name === 'webgpu' && first.isFallbackAdapter === true;
