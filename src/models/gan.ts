import * as tf from '../tf/tfjs.ts';
import type { RunConfig } from '../config/schema.ts';
import { trainableVariables } from './encoderDecoder.ts';
import {
  discriminatorLoss,
  discriminatorReadout,
  generatorLoss,
  gradientPenalty,
} from './ganLosses.ts';
import { dense, hiddenStack, LayerSeeds } from './mlp.ts';
import { withOurGradients } from '../kernels/fusedLayers.ts';
import { networkForward } from '../kernels/densePlan.ts';
import { disposeOptimizer, fusedOn, makeOptimizer, setLearningRate } from './optimizers.ts';
import {
  flatSize,
  networkArch,
  type BuildOptions,
  type Classes,
  type DataShape,
  type GenerativeModel,
  type StepContext,
} from './types.ts';
import { dcganDiscriminator, dcganGenerator } from './conv.ts';
import { articleDiscriminator, articleGenerator } from './articleNets.ts';
import { fusedGan } from './fusedSteps.ts';
import { MODELS } from '../config/models.ts';
import { CLASSES, classRows, givenClasses, randomClasses, withClass } from './conditioning.ts';

// A GAN (Goodfellow et al., 2014), dense or a DCGAN (the article's, articleNets.ts, or the small
// one, conv.ts): the minimax game
//   min_G max_D  E_x[log D(x)] + E_z[log(1 − D(G(z)))]
// played by alternating steps: `dsteps` updates of D (the critic, for WGAN-GP), then one of G.
//   G: z ─► hidden layers (the activation knob) ─► Dense(pixels, tanh)    images in [−1, 1]
//                                               ─► Dense(2, linear)      2-D points
//   D: x ─► hidden layers (LeakyReLU 0.2)       ─► Dense(1)               a logit (or score)
// Images arrive in [0, 1] and are mapped to [−1, 1] (x' = 2x − 1) to match G's tanh; points
// are used as they are.

/** `extra` > 0: a dense G of [z, y] (a conditional GAN's class y beside z). */
function buildGenerator(config: RunConfig, shape: DataShape, extra = 0): tf.LayersModel {
  const arch = extra > 0 ? 'dense' : networkArch(config, shape);
  if (arch === 'article') return articleGenerator(config, shape);
  if (arch === 'conv') return dcganGenerator(config, shape);
  const pixels = flatSize(shape);
  const seeds = new LayerSeeds(config.seed, 'generator');
  const z = tf.input({ shape: [config.latent + extra], name: 'z' });
  const h = hiddenStack(z, config.hidden, config.layers, config.act, seeds, 'gen');
  const x = (
    shape.kind === 'points'
      ? dense(pixels, seeds, 'x_linear')
      : dense(pixels, seeds, 'x_tanh', 'tanh')
  ).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: z, outputs: x, name: 'generator' });
}

function buildDiscriminator(
  config: RunConfig,
  shape: DataShape,
  nextSeed: () => number,
  fused: boolean,
  /** > 0: a dense D of [x, y] (a conditional GAN's class y beside x). */
  extra = 0,
): tf.LayersModel {
  const arch = extra > 0 ? 'dense' : networkArch(config, shape);
  if (arch === 'article') return articleDiscriminator(config, shape, nextSeed, fused);
  if (arch === 'conv') return dcganDiscriminator(config, shape, nextSeed, fused);
  const pixels = flatSize(shape);
  const seeds = new LayerSeeds(config.seed, 'discriminator');
  const x = tf.input({ shape: [pixels + extra], name: 'x' });
  // WGAN-GP differentiates the critic twice (its gradient penalty), so it gets a LeakyReLU
  // made of twice-differentiable ops; the function is the same.
  const act = config.loss === 'wgangp' ? 'leakyRelu2' : 'leakyRelu';
  const h = hiddenStack(x, config.hidden, config.layers, act, seeds, 'disc');
  const d = dense(1, seeds, 'logit').apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: d, name: 'discriminator' });
}

export function createGan(
  config: RunConfig,
  shape: DataShape,
  options?: BuildOptions,
): GenerativeModel {
  // The conditional GAN (Mirza & Osindero, 2014) gives G and D the class y beside z and x:
  //   min_G max_D  E_{x,y}[log D(x, y)] + E_{z,y}[log(1 − D(G(z, y), y))]
  const conditional = MODELS[config.model].conditional === true;
  const extra = conditional ? CLASSES : 0;
  const fused = fusedOn(options) && !conditional;
  // D's dropout (DCGAN) draws its masks from the current step's seeded noise.
  let dropoutSeeds: (() => number) | null = null;
  const nextDropoutSeed = () => {
    if (!dropoutSeeds) throw new Error('dropout outside a training step');
    return dropoutSeeds();
  };
  const generator = buildGenerator(config, shape, extra);
  const discriminator = buildDiscriminator(config, shape, nextDropoutSeed, fused, extra);
  const gOpt = makeOptimizer(config, config.lr, fused);
  const dOpt = makeOptimizer(config, config.dlr, fused);
  const gVars = trainableVariables(generator);
  const dVars = trainableVariables(discriminator);
  // Training mode: G's batch norm (if any) normalises by the batch and updates its moving
  // statistics; the pictures use those statistics (inference mode), as Keras does.
  /** A network's input with the class beside it (conditional), or as it is. */
  const input = (a: tf.Tensor2D, y: tf.Tensor2D | null) => (y ? withClass(a, y) : a);
  const G = (z: tf.Tensor2D, y: tf.Tensor2D | null) =>
    generator.apply(input(z, y), { training: true }) as tf.Tensor2D;
  const generatorOf = networkForward(generator, fused);
  const sampleG = (z: tf.Tensor2D, y: tf.Tensor2D | null) => generatorOf(input(z, y))[0]!;
  /** D's output in inference (the pictures' critic and push arrows). */
  const discriminatorOf = networkForward(discriminator, fused);
  const judge = (x: tf.Tensor2D, y: tf.Tensor2D | null) => discriminatorOf(input(x, y))[0]!;
  const D = (x: tf.Tensor2D, y: tf.Tensor2D | null) =>
    discriminator.apply(input(x, y), { training: true }) as tf.Tensor2D;
  /** The classes G draws: row i as `classes[i]` (or i mod 10), one-hot; null if unconditional. */
  const drawn = (n: number, classes?: Classes) => (conditional ? classRows(n, classes) : null);
  const realTarget = 1 - config.smooth;
  const images = shape.kind === 'image';
  // Images: [0, 1] ↔ [−1, 1], G's tanh range. Points: as they are.
  const toModel = (x: tf.Tensor2D) => (images ? (x.mul(2).sub(1) as tf.Tensor2D) : x);
  const fromModel = (x: tf.Tensor2D) => (images ? (x.add(1).mul(0.5) as tf.Tensor2D) : x);

  /** One update of D (or, `update` false, its loss alone); returns [dLoss, D(x), D(G(z))]. */
  function discriminatorStep(ctx: StepContext, update = true): tf.Tensor1D {
    return tf.tidy(() => {
      // Conditional: G makes fakes of the real batch's classes, and D judges each with its class.
      const [batch, y] = conditional ? ctx.nextLabeledBatch() : [ctx.nextBatch(), null];
      const real = toModel(batch);
      const n = real.shape[0];
      const fake = G(ctx.normal([n, config.latent]), y);
      const yBoth = y ? (tf.concat([y, y]) as tf.Tensor2D) : null;
      const alpha = config.loss === 'wgangp' ? ctx.uniform([n, 1]) : null;
      const out: { terms?: tf.Tensor1D } = {};
      const loss = () => {
        // One pass of D over [real; fake], as fusedSteps.ts runs it: D sees each row alone, so
        // this is two passes' math, and the DCGAN's dropout draws its masks as the fused step's.
        const both = D(tf.concat([real, fake]), yBoth);
        const dReal = both.slice([0, 0], [n, 1]);
        const dFake = both.slice([n, 0], [n, 1]);
        let value = discriminatorLoss(config.loss, dReal, dFake, realTarget);
        if (alpha) {
          value = value.add(gradientPenalty((x) => D(x, y), real, fake, alpha).mul(config.gp));
        }
        out.terms = tf.keep(
          tf.stack([
            value,
            discriminatorReadout(config.loss, dReal),
            discriminatorReadout(config.loss, dFake),
          ]) as tf.Tensor1D,
        );
        return value;
      };
      if (!update) {
        loss();
        return out.terms!;
      }
      dOpt.applyGradients(tf.variableGrads(loss, dVars).grads);
      return out.terms!;
    });
  }

  // On WebGPU the GAN trains with our kernels (all of it dense, the losses for the DCGAN).
  const ours = fused ? fusedGan(config, generator, discriminator, gVars, dVars, images) : null;

  /** One update of G (or, `update` false, its loss alone); returns its loss. */
  function generatorStep(ctx: StepContext, n: number, update = true): tf.Scalar {
    return tf.tidy(() => {
      const z = ctx.normal([n, config.latent]);
      const y = conditional ? randomClasses(ctx.uniform([n, 1])) : null;
      const loss = () => generatorLoss(config.loss, D(G(z, y), y));
      if (!update) return loss();
      const { value, grads } = tf.variableGrads(loss, gVars);
      gOpt.applyGradients(grads);
      return value;
    });
  }

  /** The metric row [dLoss, gLoss, D(x), D(G(z))] from D's terms and G's loss (both disposed). */
  function metricRow(dTerms: tf.Tensor1D, g: tf.Scalar): tf.Tensor1D {
    const row = tf.tidy(() => {
      const [dLoss, dReal, dFake] = tf.unstack(dTerms);
      return tf.stack([dLoss!, g, dReal!, dFake!]) as tf.Tensor1D;
    });
    tf.dispose([dTerms, g]);
    return row;
  }

  return {
    metricNames: ['dLoss', 'gLoss', 'dReal', 'dFake'],
    evaluationNames: [],
    latentDim: config.latent,
    networks: [generator, discriminator],
    trainStep(ctx) {
      return withOurGradients(fused, () => {
        dropoutSeeds = ctx.seed;
        let d: tf.Tensor1D | null = null;
        for (let i = 0; i < config.dsteps; i++) {
          d?.dispose();
          d = ours ? ours.discriminatorStep(ctx, dOpt) : discriminatorStep(ctx);
        }
        if (ours) {
          const row = ours.generatorStep(ctx, gOpt, d!);
          d!.dispose();
          dropoutSeeds = null;
          return row;
        }
        const row = metricRow(d!, generatorStep(ctx, config.batch));
        dropoutSeeds = null;
        return row;
      });
    },
    trainPart(ctx, part) {
      // GAN Lab's "train D only" / "train G only": one update of one network; the other's
      // loss is measured on the same footing, without an update, so the row is whole.
      return withOurGradients(fused, () => {
        dropoutSeeds = ctx.seed;
        try {
          if (part === 'd') {
            const d = ours ? ours.discriminatorStep(ctx, dOpt) : discriminatorStep(ctx);
            return metricRow(d, generatorStep(ctx, config.batch, false));
          }
          const d = discriminatorStep(ctx, false);
          if (!ours) return metricRow(d, generatorStep(ctx, config.batch));
          const row = ours.generatorStep(ctx, gOpt, d);
          d.dispose();
          return row;
        } finally {
          dropoutSeeds = null;
        }
      });
    },
    classes: conditional ? CLASSES : undefined,
    generate(z, classes) {
      return tf.tidy(() => fromModel(sampleG(z, drawn(z.shape[0], classes))));
    },
    critic(x, classes) {
      return tf.tidy(() => {
        const y = conditional ? givenClasses(x.shape[0], classes) : null;
        const d = judge(toModel(x), y).reshape([-1]) as tf.Tensor1D;
        // The probability D gives "real" for the log-loss games; LSGAN's and WGAN's raw score.
        return config.loss === 'nonsaturating' || config.loss === 'minimax' ? tf.sigmoid(d) : d;
      });
    },
    generatorPush(z) {
      return tf.tidy(() => {
        const y = drawn(z.shape[0]);
        const x = sampleG(z, y);
        // −∂L_G/∂x: the way the generator's loss wants each of its outputs to move.
        const grad = tf.grad((p: tf.Tensor) =>
          generatorLoss(config.loss, judge(p as tf.Tensor2D, y)),
        )(x);
        // In data units: the image mapping halves lengths; points need no mapping.
        const push = grad.mul(images ? -0.5 : -1) as tf.Tensor2D;
        return [fromModel(x), push] as [tf.Tensor2D, tf.Tensor2D];
      });
    },
    setLive(c) {
      setLearningRate(gOpt, c.lr);
      setLearningRate(dOpt, c.dlr);
    },
    dispose() {
      generator.dispose();
      discriminator.dispose();
      disposeOptimizer(gOpt);
      disposeOptimizer(dOpt);
    },
  };
}
