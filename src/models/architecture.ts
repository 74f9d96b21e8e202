import type * as tf from '../tf/tfjs.ts';
import type { LayerInfo, NetworkLayout } from '../config/architecture.ts';

export type { LayerInfo, NetworkLayout } from '../config/architecture.ts';

// What a run's networks are made of, layer by layer, for the page ("How it works" lists them)
// and for tests that compare them with the article's listings. A layer's activation is given
// as Keras's `activation=` argument would be: an Activation layer right after a layer without
// one is folded into it; LeakyReLU and Dropout stay layers of their own, as in the listings.

/**
 * Our two custom layers, named as the stock layers that compute the same thing at inference:
 * TwiceDifferentiableLeakyReLU is LeakyReLU (same α), SeededDropout is Dropout (same rate; both
 * are the identity outside training). Model files are written with these names too, so
 * `tf.loadLayersModel` loads an exported file with no code of ours.
 */
export const PORTABLE_CLASS: Record<string, string> = {
  TwiceDifferentiableLeakyReLU: 'LeakyReLU',
  SeededDropout: 'Dropout',
};

const pair = (v: unknown): number[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? (v as number[]) : [v as number, v as number];

export function describeLayer(layer: tf.layers.Layer): LayerInfo {
  const type = PORTABLE_CLASS[layer.getClassName()] ?? layer.getClassName();
  const c = layer.getConfig();
  const shape = layer.outputShape as (number | null)[];
  const info: LayerInfo = {
    name: layer.name,
    type,
    output: shape.slice(1) as number[],
    params: layer.countParams(),
  };
  if (type === 'Dense') info.units = c.units as number;
  if (type === 'Conv2D' || type === 'Conv2DTranspose') {
    info.filters = c.filters as number;
    info.kernel = pair(c.kernelSize);
    info.strides = pair(c.strides);
    info.padding = c.padding as string;
  }
  if (type === 'Dense' || type === 'Conv2D' || type === 'Conv2DTranspose' || type === 'Activation')
    info.activation = c.activation as string;
  if (type === 'LeakyReLU') {
    info.activation = 'leakyRelu';
    info.slope = c.alpha as number;
  }
  if (type === 'Dropout') info.rate = c.rate as number;
  if (type === 'BatchNormalization') info.momentum = c.momentum as number;
  return info;
}

export function describeNetwork(model: tf.LayersModel): NetworkLayout {
  const layers: LayerInfo[] = [];
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    const info = describeLayer(layer);
    const last = layers.at(-1);
    // Dense(…) then Activation(relu) is Keras's Dense(…, activation="relu").
    if (info.type === 'Activation' && last?.activation === 'linear') {
      last.activation = info.activation;
      last.output = info.output;
      continue;
    }
    layers.push(info);
  }
  return { name: model.name, layers, params: model.countParams() };
}
