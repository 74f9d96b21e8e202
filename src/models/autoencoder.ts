import * as tf from '../tf/tfjs.ts';
import type { RunConfig } from '../config/schema.ts';
import { buildDecoder, buildPointEncoder, trainableVariables } from './encoderDecoder.ts';
import { decoderLoss, decoderOutput } from './losses.ts';
import { withOurGradients } from '../kernels/fusedLayers.ts';
import { networkForward } from '../kernels/densePlan.ts';
import { disposeOptimizer, fusedOn, makeOptimizer, setLearningRate } from './optimizers.ts';
import type { BuildOptions, DataShape, GenerativeModel } from './types.ts';

// The deterministic contrast to the VAE: the same encoder and decoder, but x maps to one point
// z = encoder(x), with no sampling and no KL term:   loss = recon(x, decoder(encoder(x))).
// Nothing pulls its codes toward N(0, I), so "generating" by decoding z ~ N(0, I) lands in the
// holes between the codes it has learned: that is the lesson it is here to show.

export function createAutoencoder(
  config: RunConfig,
  shape: DataShape,
  options?: BuildOptions,
): GenerativeModel {
  const fused = fusedOn(options);
  const encoder = buildPointEncoder(config, shape);
  const decoder = buildDecoder(config, shape);
  const optimizer = makeOptimizer(config, config.lr, fused);
  const vars = trainableVariables(encoder, decoder);
  const decoderOf = networkForward(decoder, fused);
  const logits = (z: tf.Tensor2D) => decoderOf(z)[0]!;
  const recon = decoderLoss(shape.kind, config.recon);
  const output = decoderOutput(shape.kind);
  const encoderOf = networkForward(encoder, fused);
  const encode = (x: tf.Tensor2D) => encoderOf(x)[0]!;

  return {
    metricNames: ['reconstruction'],
    evaluationNames: ['heldOutReconstruction'],
    latentDim: config.latent,
    networks: [encoder, decoder],
    trainStep(ctx) {
      return withOurGradients(fused, () =>
        tf.tidy(() => {
          const x = ctx.nextBatch();
          const { value, grads } = tf.variableGrads(
            () => recon(x, logits(encode(x))).mean() as tf.Scalar,
            vars,
          );
          optimizer.applyGradients(grads);
          return value.reshape([1]) as tf.Tensor1D;
        }),
      );
    },
    evaluate(x) {
      return tf.tidy(
        () =>
          recon(x, logits(encode(x)))
            .mean()
            .reshape([1]) as tf.Tensor1D,
      );
    },
    generate(z) {
      return tf.tidy(() => output(logits(z)));
    },
    encodeMean(x) {
      return encode(x);
    },
    reconstruct(x) {
      return tf.tidy(() => output(logits(encode(x))));
    },
    setLive(c) {
      setLearningRate(optimizer, c.lr);
    },
    dispose() {
      encoder.dispose();
      decoder.dispose();
      disposeOptimizer(optimizer);
    },
  };
}
