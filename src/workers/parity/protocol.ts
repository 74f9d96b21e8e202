import type { Protocol } from '../../bridge/protocol.ts';
import type { RunConfig } from '../../config/schema.ts';
import type { DataShape } from '../../models/types.ts';

// The kernel parity check (e2e/kernelParity.spec.ts): the page asks a worker of its own to
// train each setup twice from the same seed, with our fused WebGPU kernels and with tfjs's ops,
// and to say how far apart the two came out.

export interface ParityRow {
  name: string;
  /** The setup: the model's defaults, patched. */
  config: Partial<RunConfig> & Pick<RunConfig, 'model'>;
  shape: DataShape;
  /** Training steps of each twin (0 for `gp` rows). */
  steps: number;
  /**
   * `train`: losses and every weight after `steps` steps. `gp`: the gradient of WGAN-GP's
   * penalty with respect to every critic weight (a second derivative), once, no step taken.
   * `ops`: tfjs's matMul and convolution ops on this device against its CPU backend
   * (opParity.ts; config and shape unused).
   */
  kind: 'train' | 'gp' | 'ops';
}

export interface ParityResult {
  name: string;
  /** The backend both twins ran on. */
  backend: string;
  /** Largest |fused − plain| / max(1, |plain|) over every loss of every step (train rows). */
  losses: number;
  /** The same over the trained twins' samples of 8 fixed codes, model.generate (train rows). */
  samples: number;
  /**
   * Over the weight tensors (train rows: what the steps changed, w − w₀; gp rows: ∂GP/∂W):
   * ‖fused − plain‖ / ‖plain‖ of all of them together (`whole`), and the largest of each
   * tensor's own (`tensors`, at `worst`) among those the steps moved (see compareTensors).
   */
  whole: number;
  tensors: number;
  worst: string;
  /** Largest |fused − plain| over every single value (train: weights; gp: gradients). */
  maxAbs: number;
  /** How many values were compared. */
  values: number;
  /** Live tensors after the row minus before it (0: nothing leaked). */
  leaked: number;
  error: string | null;
}

export interface ParityProtocol extends Protocol {
  post: never;
  request: { type: 'run'; rows: ParityRow[] };
  replies: { run: ParityResult[] };
  event: never;
}
