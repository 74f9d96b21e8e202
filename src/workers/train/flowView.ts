import * as tf from '../../tf/tfjs.ts';
import { deriveSeed } from '../../data/random.ts';
import type { GenerativeModel } from '../../models/types.ts';
import type { DeviceData } from './deviceData.ts';
import type { FlowView } from './protocol.ts';

// What passes between the boxes of the model-overview graph, for the held-out rows the page
// evaluates: the codes an encoder gives them (the VAE: the means of q(z|x), σ, and a sample
// z = μ + σ·ε), or the noise a GAN feeds G with D's readout on real rows and on G(z).

/** The first two coordinates of each row of an [n, d] tensor, as (z₀, z₁) pairs. */
async function firstTwo(t: tf.Tensor2D): Promise<Float32Array<ArrayBuffer>> {
  const two = tf.tidy(() => t.slice([0, 0], [t.shape[0], Math.min(2, t.shape[1])]));
  const values = (await two.data()) as Float32Array<ArrayBuffer>;
  two.dispose();
  return values;
}

export async function computeFlow(
  model: GenerativeModel,
  data: DeviceData,
  step: number,
  seed: number,
): Promise<FlowView> {
  const x = data.heldOutX;
  const n = x.shape[0];
  const classes = data.heldOutLabels;
  const view: FlowView = {
    step,
    codes: new Float32Array(0),
    sampled: null,
    sigma: null,
    klPerUnit: null,
    scores: null,
  };
  if (model.posterior) {
    const [mu, logVar] = tf.tidy(() => model.posterior!(x, classes));
    const sd = tf.tidy(() => logVar.mul(0.5).exp() as tf.Tensor2D);
    // z = μ + σ·ε, with ε seeded so that only the weights move the picture.
    const z = tf.tidy(
      () =>
        mu.add(
          sd.mul(tf.randomNormal(mu.shape, 0, 1, 'float32', deriveSeed(seed, 'flow'))),
        ) as tf.Tensor2D,
    );
    const meanSd = sd.mean(0);
    // KL per unit: ½ (μ² + σ² − 1 − log σ²), averaged over the rows.
    const kl = tf.tidy(() => mu.square().add(logVar.exp()).sub(1).sub(logVar).mul(0.5).mean(0));
    [view.codes, view.sampled] = await Promise.all([firstTwo(mu), firstTwo(z)]);
    view.sigma = (await meanSd.data()) as Float32Array<ArrayBuffer>;
    view.klPerUnit = (await kl.data()) as Float32Array<ArrayBuffer>;
    tf.dispose([mu, logVar, sd, z, meanSd, kl]);
  } else if (model.encodeMean) {
    const codes = model.encodeMean(x, classes);
    view.codes = await firstTwo(codes);
    codes.dispose();
  } else if (model.critic) {
    const z = tf.randomNormal(
      [n, model.latentDim],
      0,
      1,
      'float32',
      deriveSeed(seed, 'flow'),
    ) as tf.Tensor2D;
    const real = model.critic(x, classes);
    // Conditional: G(z, y) judged with the same y, the held-out rows' classes.
    const fake = tf.tidy(() => model.critic!(model.generate(z, classes), classes));
    const [codes, r, f] = await Promise.all([firstTwo(z), real.data(), fake.data()]);
    view.codes = codes;
    const real01 = (v: Float32Array) => v.every((s) => s >= 0 && s <= 1);
    view.scores = {
      real: r as Float32Array<ArrayBuffer>,
      fake: f as Float32Array<ArrayBuffer>,
      // critic() gives probabilities for the log-loss games, raw scores otherwise.
      probability: real01(r as Float32Array) && real01(f as Float32Array),
    };
    tf.dispose([z, real, fake]);
  }
  return view;
}

export const flowBuffers = (v: FlowView): Transferable[] => [
  v.codes.buffer,
  ...(v.sampled ? [v.sampled.buffer] : []),
  ...(v.sigma ? [v.sigma.buffer] : []),
  ...(v.klPerUnit ? [v.klPerUnit.buffer] : []),
  ...(v.scores ? [v.scores.real.buffer, v.scores.fake.buffer] : []),
];
