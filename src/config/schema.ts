// The run's configuration: the single source of truth for a training run. Pure TS: no React,
// no tfjs, so the page, the worker and the URL code can all share it.

export const BACKENDS = ['webgpu', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
/** 'auto' tries WebGPU, then WebGL, then CPU. */
export type BackendChoice = BackendName | 'auto';

export interface VaeConfig {
  /** Size of z. 2 lets the latent space be drawn as a plane. */
  latentDim: number;
  /** Units of the one hidden layer of the encoder and of the decoder. */
  hiddenUnits: number;
  batchSize: number;
  learningRate: number;
}

export interface RunConfig {
  backend: BackendChoice;
  /** Every random draw of the run (weights, data order, noise) derives from it. */
  seed: number;
  /** Post sample images every this many steps. */
  imageEvery: number;
  /** Stop by itself after this many steps; 0 means never. */
  stepBudget: number;
  vae: VaeConfig;
}
