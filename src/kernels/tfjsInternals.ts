import * as tf from '../tf/tfjs.ts';
import { WebGPUBackend, type WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

// Everything our WebGPU kernels assume about tfjs beyond its public ops, in one place, each
// with the reason it holds in the tfjs we pin (4.22.0). tfjsInternals.test.ts checks every one
// that can be checked without a GPU, so an upgrade that breaks an assumption fails there by
// name; e2e/kernelParity.spec.ts and e2e/fusedKernels.spec.ts check the results on a WebGPU
// device.

export type { WebGPUBackend, WebGPUProgram };

/** The tfjs version these assumptions were read from. */
export const TFJS_PINNED = '4.22.0';

/** Uniforms of a program, as runWebGPUProgram takes them. */
export interface Uniform {
  type: 'float32' | 'int32';
  data: number[];
}

/**
 * 1. The backend instance. tfjs exports the WebGPUBackend class (and its WebGPUProgram type)
 * but hands out the instance only as `tf.backend()`; kernels run only while it is the active
 * backend, which every caller here has checked.
 *
 * 2. Programs of our own (webgpuPrograms.ts): `runWebGPUProgram(program, inputs, dtype,
 * uniforms)` compiles (and caches by `shaderKey`) a program whose WGSL main tfjs wraps with the
 * bindings: inputs by `variableNames`, the output as `result`, uniforms as `uniforms.*`. The
 * pipeline's layout is 'auto', made from the shader: an input bound but never read fails
 * validation.
 */
export const webgpuBackend = (): WebGPUBackend => tf.backend() as unknown as WebGPUBackend;

/**
 * 3. Writing in place: given `output`, runWebGPUProgram writes into that tensor's buffer,
 * which the shader binds read_write, so a program may read what it overwrites (FusedAdam's
 * moments and weights). tfjs assumes a tensor never changes: after a read (`data()`) the
 * backend keeps the values on the CPU in `tensorMap.get(dataId).values` and answers later reads
 * from them, so that copy is dropped here, or a later read would return the old values.
 */
export function runInPlace(
  program: WebGPUProgram,
  inputs: tf.TensorInfo[],
  uniforms: Uniform[],
  output: tf.TensorInfo,
): void {
  const backend = webgpuBackend();
  backend.runWebGPUProgram(program, inputs, 'float32', uniforms, output);
  backend.tensorMap.get(output.dataId).values = null as never;
}

/**
 * 4. A buffer shared with another tensor (a clone, a reshape, the value a variable was last
 * assigned) must not be written in place: tfjs counts the tensors on a buffer in `refCount`.
 */
export const sharesBuffer = (t: tf.TensorInfo): boolean => webgpuBackend().refCount(t.dataId) > 1;

/** 5. Frees a buffer a kernel made and no longer needs (a kernel's intermediate). */
export const disposeInfo = (t: tf.TensorInfo): void => void webgpuBackend().disposeData(t.dataId);

/**
 * 6. A program's result as a tensor the engine tracks (tidy, dispose). Not recorded on the
 * gradient tape: only a result returned by a registered kernel (runKernel) is, so a gradient
 * that must itself be differentiable is written as a kernel call, never through this.
 */
export const tensorOf = (info: tf.TensorInfo): tf.Tensor =>
  tf.engine().makeTensorFromTensorInfo(info);

/**
 * 9. Copies between tensors' buffers, recorded in tfjs's own command stream so that they run in
 * order with its dispatches: the backend records every program into one GPUCommandEncoder
 * (`commandEncoder`, private) inside a compute pass (`computePassEncoder`), which a copy must
 * close first (`endComputePassEncoder`); the next program opens a new one. A tensor whose
 * buffer a queued command uses is added to `commandQueueOwnedIds`, so that disposing it waits
 * for the submit. A copy is not a dispatch: FusedAdam moves gradients and weights with them.
 * Offsets and the count are in float32 elements.
 */
export function copyFloats(
  src: tf.TensorInfo,
  srcOffset: number,
  dst: tf.TensorInfo,
  dstOffset: number,
  count: number,
): void {
  const backend = webgpuBackend();
  const internal = backend as unknown as {
    commandEncoder: GPUCommandEncoder;
    commandQueueOwnedIds: WeakSet<object>;
  };
  backend.uploadToGPU(src.dataId);
  backend.uploadToGPU(dst.dataId);
  const from = backend.tensorMap.get(src.dataId).resource as GPUBuffer;
  const to = backend.tensorMap.get(dst.dataId).resource as GPUBuffer;
  backend.endComputePassEncoder();
  backend.ensureCommandEncoderReady();
  internal.commandEncoder.copyBufferToBuffer(from, 4 * srcOffset, to, 4 * dstOffset, 4 * count);
  internal.commandQueueOwnedIds.add(src.dataId);
  internal.commandQueueOwnedIds.add(dst.dataId);
  backend.tensorMap.get(dst.dataId).values = null as never;
}

/**
 * 10. A float32 tensor with no values and no buffer yet: `makeTensorInfo(shape, dtype)` only
 * records the shape (a buffer is made at its first use on the GPU). It stands for a gradient
 * that a kernel wrote straight into an optimizer's buffer (gradientSlots.ts), at no cost.
 */
export const unfilledTensor = (shape: number[]): tf.Tensor =>
  tensorOf(webgpuBackend().makeTensorInfo(shape, 'float32'));

/**
 * 8. Replacing a built-in op's gradient: registerGradient replaces the entry of that name (the
 * registry is a map by kernel name), and the replacement receives what the original saves:
 * LeakyRelu its input x, Tanh its output y. `use()` is asked at each backward pass: while it
 * is false, the original gradient runs.
 */
export function overrideGradient(
  name: 'LeakyRelu' | 'Tanh',
  use: () => boolean,
  grad: (dy: tf.Tensor, saved: tf.Tensor[], attrs: tf.NamedAttrMap) => tf.Tensor,
): void {
  const original = tf.getGradient(name);
  tf.registerGradient({
    ...original,
    gradFunc: (dy, saved, attrs) =>
      use()
        ? { x: () => grad(dy as tf.Tensor, saved, attrs as tf.NamedAttrMap) }
        : original.gradFunc(dy, saved, attrs),
  });
}

/**
 * 11. tfjs's private fused conv2d kernel (`FusedConv2D`: convolution, bias and an activation,
 * LeakyReLU with its slope among them, in one dispatch), called directly inside our conv kernel.
 */
export function fusedConv2D(): tf.KernelFunc {
  const k = tf.getKernel('FusedConv2D', 'webgpu');
  if (!k) throw new Error("tfjs's WebGPU backend has no FusedConv2D kernel");
  return k.kernelFunc;
}

/**
 * 12. Every dispatch of tfjs's WebGPU backend, its kernels' and ours, goes through the
 * backend's runWebGPUProgram (see 2), where the bench times tfjs's per-dispatch JavaScript
 * (gpuCallCounter.ts).
 */
export const webgpuBackendPrototype = (): object => WebGPUBackend.prototype;

/**
 * 13. Every dispatch's uniforms are made by the backend's `makeUniforms(uniforms)` (called on
 * `this`, so a method on the prototype is the one used), which writes them into a buffer from
 * its pool, queues that buffer in `uniformPendingDisposal` (given back to the pool at the next
 * submit, when the recorded commands that read it are submitted) and returns the binding
 * `{ offset, size, buffer }`, which the dispatch's bind group takes as it is. uniformCache.ts
 * keeps such buffers out of the pool and binds them again.
 */
export interface UniformMaker {
  makeUniforms(uniforms: Uniform[]): { offset: number; size: number; buffer: GPUBuffer };
  uniformPendingDisposal: GPUBuffer[];
}

/**
 * 14. tfjs's matMul and convolution kernels are registered by name for each backend
 * (`BatchMatMul`, `_FusedMatMul`, `Conv2D`, `FusedConv2D`, `Conv2DBackpropInput`,
 * `Conv2DBackpropFilter`), and one may be unregistered and registered again in its place; the
 * ops hand them the inputs and attrs loopKernels.ts reads (a, b, bias,
 * preluActivationWeights, transposeA/B, activation, leakyreluAlpha; x, filter, dy, strides,
 * pad, dataFormat, dilations, dimRoundingMode, inputShape, filterShape). A program dispatched
 * over more than one row of workgroups gets its flat invocation index from tfjs's
 * getGlobalIndex (webgpuPrograms.ts's elementwise).
 */
export function replaceKernel(
  name: string,
  backendName: string,
  wrap: (original: tf.KernelFunc) => tf.KernelFunc,
): () => void {
  const original = tf.getKernel(name, backendName);
  if (!original) throw new Error(`tfjs's ${backendName} backend has no ${name} kernel`);
  tf.unregisterKernel(name, backendName);
  tf.registerKernel({ ...original, kernelFunc: wrap(original.kernelFunc) });
  return () => {
    tf.unregisterKernel(name, backendName);
    tf.registerKernel(original);
  };
}
