// What a run's networks are made of, as the worker describes them (src/models/architecture.ts)
// and the page lists them.

export interface LayerInfo {
  /** The layer's name in the model (and in its model files). */
  name: string;
  /** Keras's class name: Dense, Conv2D, Conv2DTranspose, LeakyReLU, Dropout, … */
  type: string;
  units?: number;
  filters?: number;
  kernel?: number[];
  strides?: number[];
  padding?: string;
  /** linear, relu, tanh, …; leakyRelu with its `slope`. */
  activation?: string;
  slope?: number;
  /** Dropout's rate. */
  rate?: number;
  /** Batch norm's momentum. */
  momentum?: number;
  /** The output's shape without the batch dimension. */
  output: number[];
  /** Trainable weights. */
  params: number;
}

export interface NetworkLayout {
  /** generator, discriminator, encoder, decoder. */
  name: string;
  layers: LayerInfo[];
  params: number;
}
