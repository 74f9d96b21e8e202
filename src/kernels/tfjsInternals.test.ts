import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf/tfjs.ts';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { useCpuBackend } from '../testing/tfCpu.ts';
import { replaceKernel, TFJS_PINNED } from './tfjsInternals.ts';
import { LOOPS } from './loopKernels.ts';

// What tfjsInternals.ts assumes about tfjs, checked without a GPU: the kernels and gradients
// it names are registered with the inputs it reads, the backend's methods exist and take the
// arguments it passes, and a program's in-place output still drops the CPU copy. A tfjs
// upgrade that breaks one fails here by name (and the parity test, on a device, by value).

beforeAll(useCpuBackend);

const source = (f: unknown) => String(f);
const proto = WebGPUBackend.prototype as unknown as Record<string, unknown>;

describe('tfjs internals the fused kernels use', () => {
  it('tfjs is the version the assumptions were read from', () => {
    expect(tf.version_core).toBe(TFJS_PINNED);
  });

  it('1–2, 5, 12: the WebGPU backend class is exported, with runWebGPUProgram, disposeData, refCount', () => {
    for (const name of ['runWebGPUProgram', 'disposeData', 'refCount', 'epsilon']) {
      expect(typeof proto[name], name).toBe('function');
    }
    // runWebGPUProgram(program, inputs, outputDtype, programDefinedUniform, output)
    // (Node reads tfjs's ES5 build, where methods print as `function (…)`.)
    expect(source(proto.runWebGPUProgram)).toMatch(
      /^(runWebGPUProgram|function) ?\(program, inputs, outputDtype, programDefinedUniform, output\)/,
    );
  });

  it('3: an output given to runWebGPUProgram is written in place; reads keep a CPU copy in tensorMap values', () => {
    // No new tensor is made when `output` is given: the program binds its buffer.
    expect(source(proto.runWebGPUProgram)).toMatch(
      /if \(!output\) \{\s*output = this\.makeTensorInfo\(program\.outputShape, outputDtype\)/,
    );
    // A read caches the values on the CPU (so runInPlace must clear tensorMap.get(id).values).
    expect(source(proto.read)).toMatch(/tensorData\.values/);
    expect(source(WebGPUBackend)).toMatch(/this\.tensorMap = new (tf\.)?DataStorage/);
  });

  it('4: a buffer shared by two tensors is counted in refCount', () => {
    expect(source(proto.refCount)).toMatch(/\.refCount/);
  });

  it('6: the engine makes tensors from TensorInfo, off the gradient tape', () => {
    const engine = tf.engine() as unknown as Record<string, unknown>;
    expect(typeof engine.makeTensorFromTensorInfo).toBe('function');
    expect(source(engine.makeTensorFromTensorInfo)).not.toMatch(/addTapeNode|tape/);
  });

  it('8: LeakyRelu saves its input and Tanh its output; registerGradient replaces by name', () => {
    const leaky = tf.getGradient('LeakyRelu');
    expect(leaky.inputsToSave).toEqual(['x']);
    expect(tf.getGradient('Tanh').outputsToSave).toEqual([true]);
    const replaced = { ...leaky, gradFunc: leaky.gradFunc };
    tf.registerGradient(replaced);
    expect(tf.getGradient('LeakyRelu')).toBe(replaced);
    tf.registerGradient(leaky);
    expect(tf.getGradient('LeakyRelu')).toBe(leaky);
  });

  it('9: one command encoder, closed compute passes, and queue-owned buffers for copies', () => {
    for (const name of ['endComputePassEncoder', 'ensureCommandEncoderReady', 'uploadToGPU']) {
      expect(typeof proto[name], name).toBe('function');
    }
    // Programs are recorded into this.commandEncoder, inside this.computePassEncoder.
    expect(source(proto.ensureCommandEncoderReady)).toMatch(
      /this\.commandEncoder = this\.device\.createCommandEncoder\(\)/,
    );
    expect(source(proto.submitQueue)).toMatch(/this\.commandEncoder\.finish\(\)/);
    expect(source(proto.endComputePassEncoder)).toMatch(/this\.computePassEncoder\.end\(\)/);
    // A disposed tensor whose buffer a queued command uses waits for the submit.
    expect(source(proto.disposeData)).toMatch(/this\.commandQueueOwnedIds\.has\(dataId\)/);
    // A tensor's buffer is tensorMap.get(dataId).resource once uploaded.
    expect(source(proto.uploadToGPU)).toMatch(/tensorData\.resource/);
  });

  it('10: makeTensorInfo records a shape with no values and no buffer', () => {
    expect(source(proto.makeTensorInfo)).toMatch(/this\.write\(values, shape, dtype\)/);
    // (Node reads tfjs's ES5 build, where { dtype } prints as { dtype: dtype }.)
    expect(source(proto.write)).toMatch(
      /this\.tensorMap\.set\(dataId, \{ dtype(: dtype)?, shape(: shape)?, values(: values)?, refCount: 1 \}\)/,
    );
  });

  it("11: tfjs's FusedConv2D kernel is registered for WebGPU and takes a LeakyReLU slope", () => {
    const k = tf.getKernel('FusedConv2D', 'webgpu')?.kernelFunc;
    expect(k).toBeTypeOf('function');
    expect(source(k)).toMatch(/leakyreluAlpha/);
    // The gradient's filter part runs tfjs's Conv2DBackpropFilter kernel by name.
    expect(tf.getKernel('Conv2DBackpropFilter', 'webgpu')?.kernelFunc).toBeTypeOf('function');
  });

  it('13: uniforms come from this.makeUniforms, a pooled buffer released at the next submit', () => {
    expect(source(proto.recordAndSubmit)).toMatch(/this\.makeUniforms\(programUniform\)/);
    const make = source(proto.makeUniforms);
    expect(make).toMatch(/this\.bufferManager\.acquireBuffer\(/);
    expect(make).toMatch(/this\.queue\.writeBuffer\(uniformBuffer, 0,/);
    expect(make).toMatch(/this\.uniformPendingDisposal\.push\(uniformBuffer\)/);
    expect(make).toMatch(/return \{ offset: 0, size: currentOffset, buffer: uniformBuffer \}/);
    // (In the ES5 build the arrow is `function (b) { return _this.bufferManager…`.)
    expect(source(proto.submitQueue)).toMatch(
      /this\.uniformPendingDisposal\.forEach\([^;]*bufferManager\.releaseBuffer\(/,
    );
  });

  it('14: the matMul and conv kernels are registered by name, replaceable, and get the attrs the loops read', () => {
    for (const name of Object.keys(LOOPS)) expect(tf.getKernel(name, 'webgpu'), name).toBeDefined();
    // The ops' calls, seen through the CPU backend's kernels of the same names.
    const seen: Record<string, { inputs: string[]; attrs: Record<string, unknown> }> = {};
    const cpuKernels = Object.keys(LOOPS).map((name) => tf.getKernel(name, 'cpu')!.kernelFunc);
    const restore = Object.keys(LOOPS).map((name) =>
      replaceKernel(name, 'cpu', (original) => (args) => {
        const inputs = Object.keys(args.inputs).filter((k) => args.inputs[k]);
        seen[name] = { inputs, attrs: { ...args.attrs } };
        return original(args);
      }),
    );
    try {
      tf.tidy(() => {
        tf.matMul(tf.ones([2, 3]), tf.ones([2, 4]), true, false);
        tf.fused.matMul({
          a: tf.ones([2, 3]),
          b: tf.ones([3, 4]),
          bias: tf.ones([4]),
          activation: 'leakyrelu',
          leakyreluAlpha: 0.3,
        });
        const x = tf.ones([1, 4, 4, 2]) as tf.Tensor4D;
        const W = tf.ones([3, 3, 2, 5]) as tf.Tensor4D;
        tf.conv2d(x, W, 2, 'same');
        tf.fused.conv2d({ x, filter: W, strides: 2, pad: 'same', bias: tf.ones([5]) });
        tf.grads((x: tf.Tensor, W: tf.Tensor) =>
          tf.conv2d(x as tf.Tensor4D, W as tf.Tensor4D, 2, 'same').sum(),
        )([x, W]);
      });
    } finally {
      restore.forEach((undo) => undo());
    }
    expect(seen.BatchMatMul).toEqual({
      inputs: ['a', 'b'],
      attrs: expect.objectContaining({ transposeA: true, transposeB: false }),
    });
    expect(seen._FusedMatMul!.inputs).toEqual(['a', 'b', 'bias']);
    expect(seen._FusedMatMul!.attrs).toMatchObject({
      transposeA: false,
      transposeB: false,
      activation: 'leakyrelu',
      leakyreluAlpha: 0.3,
    });
    const conv = { strides: 2, pad: 'same', dataFormat: 'NHWC' };
    expect(seen.Conv2D).toEqual({
      inputs: ['x', 'filter'],
      attrs: expect.objectContaining({ ...conv, dilations: [1, 1] }),
    });
    expect(seen.FusedConv2D!.inputs).toEqual(['x', 'filter', 'bias']);
    expect(seen.FusedConv2D!.attrs).toMatchObject({ ...conv, activation: 'linear' });
    expect(seen.Conv2DBackpropInput).toEqual({
      inputs: ['dy', 'filter'],
      attrs: expect.objectContaining({ ...conv, inputShape: [1, 4, 4, 2] }),
    });
    expect(seen.Conv2DBackpropFilter).toEqual({
      inputs: ['x', 'dy'],
      attrs: expect.objectContaining({ ...conv, filterShape: [3, 3, 2, 5] }),
    });
    // Put back as they were: the CPU's own kernels again.
    expect(Object.keys(LOOPS).map((name) => tf.getKernel(name, 'cpu')!.kernelFunc)).toEqual(
      cpuKernels,
    );
  });
});
