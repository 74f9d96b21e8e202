import * as tf from '../../tf/tfjs.ts';
import { defaultsFor } from '../../config/models.ts';
import type { RunConfig } from '../../config/schema.ts';
import { BatchOrder, deriveSeed } from '../../data/random.ts';
import { dcganDiscriminator } from '../../models/conv.ts';
import { trainableVariables } from '../../models/encoderDecoder.ts';
import { gradientPenalty } from '../../models/ganLosses.ts';
import { withOurGradients } from '../../kernels/fusedLayers.ts';
import { fusedOn } from '../../models/optimizers.ts';
import { BUILDERS } from '../../models/registry.ts';
import { stepContext } from '../../models/stepContext.ts';
import { flatSize } from '../../models/types.ts';
import type { ParityResult, ParityRow } from './protocol.ts';
import { opValues } from './opParity.ts';
import { switchBackend } from '../shared/backend.ts';

// One row of the kernel parity check: the same setup and seed built twice, with our fused
// WebGPU kernels (BuildOptions.fused) and with tfjs's ops and Adam, fed the same batches and
// noise, and compared. Our kernels sum in another order and keep Adam's β1ᵗ, β2ᵗ in float64, so
// the twins agree to float32 rounding, not bit for bit; a kernel with wrong math, or a gradient
// lost off the tape, shows as a difference of order one.

/** Named float arrays of one twin: a tensor name → its values. */
type Values = Map<string, Float32Array>;

function configOf(row: ParityRow): RunConfig {
  return { ...defaultsFor(row.config.model, row.config.data), ...row.config, quality: 0 };
}

/** Training data for the row's shape: seeded, uniform in [0, 1] for images, N(0, I) for points. */
function dataFor(row: ParityRow, rows: number, seed: number): tf.Tensor2D {
  const size = flatSize(row.shape);
  return row.shape.kind === 'points'
    ? tf.randomNormal([rows, size], 0, 1, 'float32', seed)
    : tf.randomUniform([rows, size], 0, 1, 'float32', seed);
}

async function read(tensors: [string, tf.Tensor][]): Promise<Values> {
  const values = await Promise.all(tensors.map(([, t]) => t.data<'float32'>()));
  return new Map(tensors.map(([name], i) => [name, values[i]!]));
}

/** `steps` steps of one twin: its loss rows, and each weight's change over the steps. */
async function trainTwin(row: ParityRow, fused: boolean) {
  const config = configOf(row);
  const model = BUILDERS[config.model](config, row.shape, { fused });
  const data = dataFor(row, 2 * config.batch + 3, deriveSeed(config.seed, 'parity-data'));
  try {
    const weights = () =>
      model.networks.flatMap((n) =>
        n.weights.map((w): [string, tf.Tensor] => [w.originalName, w.read()]),
      );
    const before = await read(weights());
    const order = new BatchOrder(data.shape[0], config.batch, deriveSeed(config.seed, 'order'));
    const losses: Float32Array[] = [];
    for (let step = 0; step < row.steps; step++) {
      const m = tf.tidy(() => model.trainStep(stepContext(data, order, config.seed, step)));
      losses.push(await m.data<'float32'>());
      m.dispose();
    }
    const after = await read(weights());
    const change: Values = new Map();
    for (const [name, w] of after)
      change.set(
        name,
        w.map((v, i) => v - before.get(name)![i]!),
      );
    // And what the pictures and the quality digits draw: the trained model's samples of fixed
    // codes (through our forward kernels on WebGPU, for the dense networks).
    const z = tf.randomNormal([8, config.latent], 0, 1, 'float32', 7) as tf.Tensor2D;
    const generated = model.generate(z);
    const samples = await generated.data<'float32'>();
    tf.dispose([z, generated]);
    return { losses, change, before, samples, ours: fusedOn({ fused }) };
  } finally {
    data.dispose();
    model.dispose();
  }
}

/** ∂GP/∂W for every weight of the convolutional critic: the penalty's second derivative. */
async function penaltyGradient(row: ParityRow, fused: boolean) {
  const config = configOf(row);
  let draws = 0;
  const nextSeed = () => deriveSeed(config.seed, 'parity-dropout', draws++);
  const critic = dcganDiscriminator(config, row.shape, nextSeed, fused);
  const n = config.batch;
  const real = dataFor(row, n, 1);
  const fake = dataFor(row, n, 2);
  const alpha = tf.randomUniform([n, 1], 0, 1, 'float32', 3) as tf.Tensor2D;
  try {
    const vars = trainableVariables(critic);
    // By the layers' names: the twins' variables get distinct names in one engine.
    const names = critic.trainableWeights.map((w) => w.originalName);
    const grads = withOurGradients(fused, () =>
      tf.tidy(() => {
        const D = (x: tf.Tensor2D) => critic.apply(x, { training: true }) as tf.Tensor2D;
        const { grads } = tf.variableGrads(() => gradientPenalty(D, real, fake, alpha), vars);
        // A weight the penalty's gradient does not reach gets none: compared as zeros.
        return vars.map(
          (v, i) => [names[i]!, grads[v.name] ?? tf.zerosLike(v)] as [string, tf.Tensor],
        );
      }),
    );
    const values = await read(grads);
    tf.dispose(grads.map(([, g]) => g));
    return values;
  } finally {
    tf.dispose([real, fake, alpha]);
    critic.dispose();
  }
}

const norm = (a: Float32Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0));

/**
 * Compares two twins' named tensors. `whole`: ‖fused − plain‖ / ‖plain‖ over all of them
 * together. `tensors`: the same per tensor, over the tensors the plain twin moved by at least a
 * tenth of the typical tensor of its size (a bias that batch norm makes irrelevant gets a zero
 * gradient, which Adam turns into rounding noise of either sign: no scale to compare against).
 */
function compareTensors(fused: Values, plain: Values) {
  let sumDiff = 0;
  let sumPlain = 0;
  let maxAbs = 0;
  let values = 0;
  const gaps: { name: string; diff: number; plain: number; n: number }[] = [];
  for (const [name, p] of plain) {
    const f = fused.get(name);
    if (!f || f.length !== p.length) throw new Error(`the twins' ${name} differ in size`);
    const diff = f.map((v, i) => v - p[i]!);
    for (const d of diff) maxAbs = Math.max(maxAbs, Math.abs(d));
    values += p.length;
    const [d, q] = [norm(diff), norm(p)];
    sumDiff += d * d;
    sumPlain += q * q;
    gaps.push({ name, diff: d, plain: q, n: p.length });
  }
  const rms = Math.sqrt(sumPlain / Math.max(1, values));
  let tensors = 0;
  let worst = '';
  for (const g of gaps) {
    if (g.plain < 0.1 * rms * Math.sqrt(g.n)) continue;
    const gap = g.diff / g.plain;
    if (Number.isNaN(gap) || gap > tensors) {
      tensors = Number.isNaN(gap) ? Infinity : gap;
      worst = g.name;
    }
  }
  const whole = sumPlain > 0 ? Math.sqrt(sumDiff / sumPlain) : sumDiff > 0 ? Infinity : 0;
  return { whole, tensors, worst, maxAbs, values };
}

/**
 * ‖gpu − cpu‖ / ‖cpu‖ over all cases together (`whole`) and the largest of each case's own
 * (`tensors`, at `worst`): every case counts, however small.
 */
function compareOps(gpu: Values, cpu: Values) {
  let [sumDiff, sumCpu, maxAbs, values, tensors, worst] = [0, 0, 0, 0, 0, ''];
  for (const [name, c] of cpu) {
    const g = gpu.get(name);
    if (!g || g.length !== c.length)
      throw new Error(`${name}: the backends' results differ in size`);
    const diff = g.map((v, i) => v - c[i]!);
    for (const d of diff) maxAbs = Math.max(maxAbs, Math.abs(d));
    const [d, q] = [norm(diff), norm(c)];
    sumDiff += d * d;
    sumCpu += q * q;
    values += c.length;
    const gap = Number.isNaN(d) ? Infinity : d / Math.max(q, 1e-12);
    if (gap > tensors || worst === '') [tensors, worst] = [gap, name];
  }
  return { whole: Math.sqrt(sumDiff / sumCpu), tensors, worst, maxAbs, values };
}

export async function runParityRow(row: ParityRow): Promise<ParityResult> {
  const before = tf.memory().numTensors;
  const base = { name: row.name, backend: tf.getBackend() };
  // A row that compares values alone (the ops, the penalty's gradient): no losses or samples.
  const valuesOnly = (compared: ReturnType<typeof compareTensors>): ParityResult => ({
    ...base,
    losses: 0,
    samples: 0,
    ...compared,
    leaked: tf.memory().numTensors - before,
    error: null,
  });
  try {
    if (row.kind === 'ops') {
      const gpu = await opValues();
      await switchBackend('cpu');
      try {
        const cpu = await opValues();
        return valuesOnly(compareOps(gpu, cpu));
      } finally {
        await switchBackend('webgpu');
      }
    }
    if (row.kind === 'gp') {
      const fused = await penaltyGradient(row, true);
      const plain = await penaltyGradient(row, false);
      return valuesOnly(compareTensors(fused, plain));
    }
    const fused = await trainTwin(row, true);
    const plain = await trainTwin(row, false);
    if (!fused.ours) throw new Error('our kernels are not in use (the backend is not WebGPU)');
    // The twins start from the same weights, or nothing after means anything.
    const start = compareTensors(fused.before, plain.before);
    if (start.maxAbs !== 0) throw new Error('the twins start from different weights');
    const gapOf = (f: Float32Array, p: Float32Array) =>
      f.reduce((worst, v, i) => {
        const gap = Math.abs(v - p[i]!) / Math.max(1, Math.abs(p[i]!));
        return Math.max(worst, Number.isNaN(gap) ? Infinity : gap);
      }, 0);
    const losses = Math.max(...fused.losses.map((f, s) => gapOf(f, plain.losses[s]!)));
    return {
      ...base,
      losses,
      samples: gapOf(fused.samples, plain.samples),
      ...compareTensors(fused.change, plain.change),
      leaked: tf.memory().numTensors - before,
      error: null,
    };
  } catch (e) {
    return {
      ...base,
      losses: NaN,
      samples: NaN,
      tensors: NaN,
      whole: NaN,
      worst: '',
      maxAbs: NaN,
      values: 0,
      leaked: tf.memory().numTensors - before,
      error: (e as Error).message,
    };
  }
}
