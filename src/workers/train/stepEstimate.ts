import * as tf from '../../tf/tfjs.ts';
import type { RunConfig } from '../../config/schema.ts';
import { MODELS } from '../../config/models.ts';
import type { GenerativeModel } from '../../models/types.ts';
import { BUILDERS } from '../../models/registry.ts';
import type { StepEstimate } from './protocol.ts';
import type { TrainingSession } from './session.ts';

// How long one training step of a setup will take here, said before the first step (a DCGAN at
// the largest batch on a software adapter can sit at step 0 for minutes): the step's
// arithmetic, counted from the networks' layers, over this backend's speed, timed on one
// convolution when a backend is first used. Heavy setups also get the estimates of the quicker
// setups the page offers instead.

/** Setups with less arithmetic than this a step are not timed at all. */
export const ESTIMATE_ABOVE_FLOPS = 1e9;

/** Multiply-adds of one network's forward pass for one example, ×2 (floating-point operations). */
export function forwardFlops(net: tf.LayersModel): number {
  let flops = 0;
  for (const layer of net.layers) {
    const kind = layer.getClassName();
    const kernel = layer.weights[0]?.shape;
    if (!kernel) continue;
    if (kind === 'Dense') flops += 2 * kernel[0]! * kernel[1]!;
    if (kind === 'Conv2D' || kind === 'Conv2DTranspose') {
      // A k × k × in × out kernel at every output position (Conv2D), or at every input
      // position (Conv2DTranspose, whose kernel is k × k × out × in).
      const at = (kind === 'Conv2D' ? layer.output : layer.input) as tf.SymbolicTensor;
      const [, h, w] = at.shape;
      flops += 2 * kernel.reduce((a, b) => a! * b!, 1)! * h! * w!;
    }
  }
  return flops;
}

/**
 * A training step's arithmetic: a backward pass costs about two forwards, so a network trained
 * on n examples costs 3·F·n. A GAN's D step runs D on n real and n generated examples and G
 * forward on n; WGAN-GP adds a forward and a double backward of D on n interpolates (~4·F_D·n);
 * then G's step runs through G and D.
 */
export function stepFlops(model: GenerativeModel, config: RunConfig, batch: number): number {
  const nets = model.networks.map(forwardFlops);
  if (MODELS[config.model].family !== 'gan') return 3 * nets.reduce((a, b) => a + b, 0) * batch;
  const [g, d] = nets as [number, number];
  const penalty = config.loss === 'wgangp' ? 4 * d * batch : 0;
  const dStep = 3 * d * 2 * batch + g * batch + penalty;
  return config.dsteps * dStep + 3 * (g + d) * batch;
}

const speeds = new Map<string, number>();

/**
 * The timed convolution's images. Two 16×16 images give 512 output positions × 64 channels,
 * enough for a software adapter to reach the speed it trains at: eight measured the same FLOP/s
 * (0.81 vs 0.85 G on WebGL, 0.42 vs 0.37 G on WebGPU, 0.22 vs 0.28 G on the CPU, SwiftShader on
 * 2 cores) in four times the time, which every heavy setup waited through before its first
 * step. Fewer positions measure the per-dispatch cost more than the arithmetic ('auto''s probe
 * convolution, 4 images with 7×7 outputs: 0.31 G on WebGL).
 */
const IMAGES = 2;

/**
 * This backend's speed (FLOP/s) at what training does to a convolution like the models': one
 * 5×5, 32 → 64 channel convolution of IMAGES images of 16×16, forward and both its gradients
 * (the input's and the filter's, ~3× the forward's arithmetic), run once to compile, then timed.
 * Once per backend.
 */
export async function backendSpeed(): Promise<number> {
  const name = tf.getBackend();
  const known = speeds.get(name);
  if (known) return known;
  const x = tf.randomNormal([IMAGES, 16, 16, 32], 0, 1, 'float32', 1) as tf.Tensor4D;
  const w = tf.randomNormal([5, 5, 32, 64], 0, 0.1, 'float32', 2) as tf.Tensor4D;
  const step = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same').sum(),
  );
  const run = async () => {
    const grads = step([x, w]);
    await Promise.all(grads.map((g) => g.data()));
    tf.dispose(grads);
  };
  try {
    await run();
    const t0 = performance.now();
    await run();
    const seconds = Math.max(1e-4, (performance.now() - t0) / 1000);
    const speed = (3 * 2 * 25 * 32 * 64 * 16 * 16 * IMAGES) / seconds;
    speeds.set(name, speed);
    return speed;
  } finally {
    tf.dispose([x, w]);
  }
}

/**
 * The estimate for a setup, or null when its step is light. `build` makes a throwaway model of
 * another setup (for the quicker ones' arithmetic), disposed here.
 */
export async function estimateStep(
  model: GenerativeModel,
  config: RunConfig,
  batch: number,
  build: (config: RunConfig) => GenerativeModel,
  /** FLOP/s here (tests give one instead of timing a convolution). */
  measureSpeed: () => Promise<number> = backendSpeed,
): Promise<StepEstimate | null> {
  const flops = stepFlops(model, config, batch);
  if (flops < ESTIMATE_ABOVE_FLOPS) return null;
  const speed = await measureSpeed();
  const quicker: StepEstimate['quicker'] = [];
  const small = Math.min(batch, 16);
  if (small < batch) {
    const f = stepFlops(model, config, small);
    quicker.push({ label: `batch ${small}`, patch: { batch: small }, seconds: f / speed });
  }
  if (config.arch !== 'dense') {
    const dense = build({ ...config, arch: 'dense' });
    try {
      const f = stepFlops(dense, { ...config, arch: 'dense' }, batch);
      quicker.push({ label: 'dense networks', patch: { arch: 'dense' }, seconds: f / speed });
    } finally {
      dense.dispose();
    }
  }
  return { seconds: flops / speed, flops, speed, quicker };
}

/** A new session's estimate (null when light, or when estimating failed: it is a courtesy). */
export async function sessionEstimate(
  session: TrainingSession,
  config: RunConfig,
): Promise<StepEstimate | null> {
  try {
    return await estimateStep(session.model, config, session.batch, (c) =>
      BUILDERS[c.model](c, session.data.shape, { fused: false }),
    );
  } catch {
    return null;
  }
}
