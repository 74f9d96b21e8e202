import * as tf from '../../tf/tfjs.ts';
import type { RunConfig } from '../../config/schema.ts';
import {
  buildHostData,
  dataKey,
  dataShapeFor,
  type CustomData,
  type HostData,
} from '../../data/hostData.ts';
import type { fetchDigits } from '../../data/mnist.ts';
import type { DigitSet } from '../../data/mnistFormat.ts';
import { networkArch } from '../../models/types.ts';
import { MODELS } from '../../config/models.ts';
import { TrainingSession } from './session.ts';
import { autoBackendFor } from '../shared/backend.ts';
import type { ProbeSetup } from '../shared/backendProbe.ts';
import { disposeDevice, toDevice, type DeviceData } from './deviceData.ts';
import type { DataInfo, PrepareStage } from './protocol.ts';
import type { DataShape } from '../../data/shape.ts';
import type { BackendInfo } from '../messages.ts';
import type { Post } from './protocol.ts';
import { costKey } from '../../config/costKey.ts';

// The training worker's data: the MNIST digits (fetched once), the person's drawing and
// uploaded images, and the data set on the device, built again only when the setup asks for
// another one (dataKey).

/** The batch the convolutional networks' probe layer is timed at (see probeSetup). */
const CONV_PROBE_BATCH = 4;

/**
 * What 'auto''s probe times for this setup (backendProbe.ts). The layer: for the dense
 * networks the first; for the convolutional ones a 5×5 convolution of 32 channels to 64 at
 * half the image's size, as the small DCGAN's discriminator has second, at a batch of
 * CONV_PROBE_BATCH. Their steps are mostly such wide convolutions: the first (one channel in)
 * ranked WebGPU's loops (loopKernels.ts) level with WebGL, 87 against 76 ms, where WebGL
 * trains the DCGAN twice as fast. On 2-D points (`host` given) the run's own step, on a model
 * and a copy of the data built for it on each backend.
 */
function probeSetup(config: RunConfig, shape: DataShape, host: HostData | null): ProbeSetup {
  const conv = networkArch(config, shape) !== 'dense';
  const wholeStep =
    host?.kind === 'points' && !MODELS[config.model].conditional
      ? {
          key: costKey(config),
          build: () => {
            const data = toDevice(host);
            const session = new TrainingSession(config, data);
            return {
              step: () => session.trainStep(),
              dispose: () => {
                session.dispose();
                disposeDevice(data);
              },
            };
          },
        }
      : undefined;
  return {
    batch: conv ? Math.min(config.batch, CONV_PROBE_BATCH) : config.batch,
    inputs: shape.height * shape.width * shape.channels,
    hidden: config.hidden,
    ...(conv
      ? {
          image: {
            height: Math.ceil(shape.height / 2),
            width: Math.ceil(shape.width / 2),
            channels: 32,
            filters: 64,
          },
        }
      : {}),
    ...(wholeStep ? { wholeStep } : {}),
  };
}

export class DataKeeper {
  private data: DeviceData | null = null;
  /** dataKey() of the data on the device; null when it must be built again. */
  private key: string | null = null;
  private digits: DigitSet | null = null;
  private readonly custom: CustomData = { drawn: null, upload: null };

  constructor(
    private readonly post: Post,
    /** Where the digits come from: fetched by the page's worker, read from disk by tests. */
    private readonly loadDigits: typeof fetchDigits,
    private readonly progress: (
      stage: PrepareStage,
      loaded?: number | null,
      total?: number | null,
    ) => void,
  ) {}

  /** The person drew new points: used by the next build when `data` is 'drawn'. */
  setDrawn(points: Float32Array, config: RunConfig | null): void {
    this.custom.drawn = points;
    if (config?.data === 'drawn') this.key = null;
  }

  /** New uploaded images: used by the next build when `data` is 'upload'. */
  setUpload(upload: NonNullable<CustomData['upload']>, config: RunConfig | null): void {
    this.custom.upload = upload;
    if (config?.data === 'upload') this.key = null;
  }

  /**
   * Throws what `ensure` would throw for this config (data that is not there, such as a link
   * to uploaded images before any are chosen), without touching the data on the device.
   * `drawn`: the points the config comes with, in place of the kept drawing.
   */
  async check(config: RunConfig, dataUrl: string, drawn: Float32Array | null): Promise<void> {
    if (this.data && dataKey(config) === this.key && !drawn) return;
    await this.loadDigitsFor(config, dataUrl);
    buildHostData(config, this.digits, { ...this.custom, drawn: drawn ?? this.custom.drawn });
  }

  private async loadDigitsFor(config: RunConfig, dataUrl: string): Promise<void> {
    if (config.data !== 'mnist' || this.digits) return;
    this.progress('data', 0, null);
    this.digits = await this.loadDigits(dataUrl, (loaded, total) =>
      this.progress('data', loaded, total),
    );
  }

  /**
   * The data set the config asks for, built unless it is already on the device. Call with no
   * session alive: the old data is disposed, and the backend may change for the new kind.
   */
  async ensure(
    config: RunConfig,
    dataUrl: string,
    firstBackend: BackendInfo | null,
  ): Promise<DeviceData> {
    const key = dataKey(config);
    if (this.data && key === this.key) return this.data;
    if (this.data) disposeDevice(this.data);
    this.data = null;
    this.key = null;
    const built: { host?: HostData } = {};
    const build = async () => {
      await this.loadDigitsFor(config, dataUrl);
      this.progress('data');
      built.host = buildHostData(config, this.digits, this.custom);
    };
    // Nothing lives on the device now (the session was disposed first): a safe moment to move
    // to the backend that suits this kind of data. On images the probe needs only the data's
    // shape, and its kernels compile (in the GPU process) while the data loads and is built;
    // on points it times a step on the data.
    const shape = dataShapeFor(config);
    if (firstBackend) {
      const before = tf.getBackend();
      if (shape.kind === 'points') await build();
      const setup = probeSetup(config, shape, built.host ?? null);
      const info = await autoBackendFor(firstBackend, setup, {
        ...(built.host ? {} : { meanwhile: build }),
        timing: () => this.progress('probe'),
      });
      if (info.name !== before || info.autoChoice) this.post({ type: 'backend', info });
    } else {
      await build();
    }
    const host = built.host!; // built above, or by the probe meanwhile
    this.data = toDevice(host);
    this.key = key;
    this.post({ type: 'data', info: dataInfo(this.data, null, 0) });
    return this.data;
  }
}

/**
 * What the page is told of a data set; `smallBatch`: the batch a run uses when the training set
 * is smaller than the config's `batch`.
 */
export function dataInfo(data: DeviceData, smallBatch: number | null, batch: number): DataInfo {
  const { description, label, trainCount, heldOutCount } = data;
  return {
    kind: data.shape.kind,
    description:
      smallBatch === null
        ? description
        : `${description}; batches of ${smallBatch} (the whole training set, smaller than the batch size ${batch})`,
    label,
    trainCount,
    heldOutCount,
    smallBatch,
  };
}
