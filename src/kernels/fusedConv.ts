import * as tf from '../tf/tfjs.ts';
import { activationGradient, columnSum } from './fusedDense.ts';
import { runDenseStep, type DenseStep } from './densePlan.ts';
import { fusedConv2D } from './tfjsInternals.ts';

// The DCGAN's discriminator (convLayers.ts's dcganCritic) run layer by layer for training on
// WebGPU, its Conv2D → LeakyReLU pairs as one kernel, `PlaygroundConv2D`.
//
// Through tf.layers a Conv2D is tfjs's fused conv2d with its bias (one dispatch) and LeakyReLU
// another; backward, the fused conv2d is a tf.customGrad, which computes the gradients of all
// its inputs whether asked or not: in G's step, which asks D only for ∂x, D's filter and bias
// gradients are made and thrown away (13 of that step's 64 dispatches in the small DCGAN), and
// its bias gradient is tfjs's sum over three axes (a transpose and a reduction). Here the forward is the
// same fused conv2d with LeakyReLU taken in, y = leaky(x ∗ W + b), and the registered gradient
// is lazy (tfjs calls only the inputs a gradient is asked of), from
//   g = dy ⊙ leaky'(y)                    one dispatch
//   ∂x = conv2dTranspose(g, W)            one (tfjs's Conv2DBackpropInput)
//   ∂W = Conv2DBackpropFilter(x, g)       one (tfjs's)
//   ∂b = Σ g over batch, rows and columns one (our column sum over g as [·, C])
// D's last layer, Dense(1), is our dense kernel (fusedDense.ts).

const KERNEL = 'PlaygroundConv2D';

interface ConvAttrs {
  strides: [number, number];
  pad: 'same' | 'valid';
  alpha: number;
}

function register(): void {
  if (tf.getKernel(KERNEL, 'webgpu')) return;
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { strides, pad, alpha } = attrs as unknown as ConvAttrs;
      return fusedConv2D()({
        inputs: { x: inputs.x!, filter: inputs.W!, bias: inputs.b! },
        backend,
        attrs: {
          strides,
          pad,
          dataFormat: 'NHWC',
          dilations: [1, 1],
          activation: 'leakyrelu',
          leakyreluAlpha: alpha,
        },
      }) as tf.TensorInfo;
    },
  });
  tf.registerGradient({
    kernelName: KERNEL,
    inputsToSave: ['x', 'W'],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [x, W, y] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
      const { strides, pad, alpha } = attrs as unknown as ConvAttrs;
      // Made here, not in a thunk: tfjs runs each thunk in a tidy of its own.
      const g = activationGradient(dy as tf.Tensor, y, 'leakyrelu', alpha) as tf.Tensor4D;
      const channels = W.shape[3];
      return {
        x: () => tf.conv2dTranspose(g, W, x.shape, strides, pad),
        W: () =>
          tf.engine().runKernel('Conv2DBackpropFilter', { x, dy: g }, {
            strides,
            pad,
            dataFormat: 'NHWC',
            filterShape: W.shape,
          } as unknown as tf.NamedAttrMap) as tf.Tensor,
        b: () => columnSum(tf.reshape(g, [-1, channels])),
      };
    },
  });
}

type ConvStep =
  | { kind: 'reshape'; shape: number[] } // each row's shape
  | { kind: 'conv'; layer: tf.layers.Layer; attrs: ConvAttrs }
  | { kind: 'layer'; layer: tf.layers.Layer };

/** A convolutional network as steps, then one dense head (D's logit). */
export interface ConvPlan {
  steps: ConvStep[];
  head: DenseStep;
}

/**
 * The plan of a network made of Reshape, Conv2D (linear, with bias) each followed by a
 * LeakyReLU, SeededDropout and Flatten, ending in one linear Dense: the DCGAN's discriminator.
 * Null for anything else (G, the VAE's networks, WGAN-GP's twice-differentiable critic).
 */
export function convPlan(model: tf.LayersModel): ConvPlan | null {
  const steps: ConvStep[] = [];
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const last = layers.pop();
  if (!last || last.getClassName() !== 'Dense' || last.getConfig().activation !== 'linear') {
    return null;
  }
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    const config = layer.getConfig();
    switch (layer.getClassName()) {
      case 'Reshape':
        steps.push({ kind: 'reshape', shape: config.targetShape as number[] });
        break;
      case 'Flatten':
        steps.push({ kind: 'reshape', shape: [-1] });
        break;
      case 'SeededDropout':
        steps.push({ kind: 'layer', layer });
        break;
      case 'Conv2D': {
        const next = layers[i + 1];
        const plain =
          config.activation === 'linear' &&
          config.useBias === true &&
          config.dataFormat === 'channelsLast' &&
          (config.dilationRate as number[]).every((d) => d === 1);
        if (!plain || next?.getClassName() !== 'LeakyReLU') return null;
        const attrs: ConvAttrs = {
          strides: config.strides as [number, number],
          pad: config.padding as 'same' | 'valid',
          alpha: next.getConfig().alpha as number,
        };
        steps.push({ kind: 'conv', layer, attrs });
        i++; // the LeakyReLU is in the kernel
        break;
      }
      default:
        return null;
    }
  }
  return { steps, head: { layer: last, act: 'linear', alpha: 0 } };
}

/** The network's output for x (flat images), in training (differentiable, WebGPU only). */
export function runConvPlan(plan: ConvPlan, x: tf.Tensor2D): tf.Tensor2D {
  register();
  let h: tf.Tensor = x;
  for (const step of plan.steps) {
    if (step.kind === 'reshape') {
      h = tf.reshape(h, [h.shape[0]!, ...step.shape]);
    } else if (step.kind === 'layer') {
      h = step.layer.apply(h, { training: true }) as tf.Tensor;
    } else {
      const [W, b] = step.layer.trainableWeights.map((w) => w.read());
      h = tf
        .engine()
        .runKernel(
          KERNEL,
          { x: h, W: W!, b: b! },
          step.attrs as unknown as tf.NamedAttrMap,
        ) as tf.Tensor;
    }
  }
  return runDenseStep(plan.head, h as tf.Tensor2D);
}
