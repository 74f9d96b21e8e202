import * as tf from '../tf/tfjs.ts';
import { replaceKernel, type WebGPUBackend } from './tfjsInternals.ts';
import { elementwise, f32, i32, runToInfo } from './webgpuPrograms.ts';

// On a software WebGPU adapter (SwiftShader: no GPU, the shaders run on the CPU) tfjs's matMul
// and convolution kernels are replaced by plain loops, one invocation per output element.
// There a pipeline of tfjs's tiled kernels (workgroup memory, barriers) took 1–1.9 s to
// compile (the small DCGAN's first step: 13 of its 17 s), one of these loops tens of ms; the
// loops compute the same sums, in another order. On a hardware adapter tfjs's kernels stay:
// there they compile in milliseconds and their tiles are what makes a GPU fast.
//
// Each kernel takes the cases our networks run (channels-last, float32, one batch of a's
// broadcast against b's) and hands any other to tfjs's own kernel, kept here.
//   matMul        y[b, i, j] = act(Σ_k a[b, i, k] · b[b, k, j] + bias[j])
//   conv2d        y[b, oy, ox, o] = act(Σ_{fy, fx, c} x[b, oy·s − pad + fy·d, …, c] · W[fy, fx, c, o] + bias[o])
//   ∂x of conv2d  dx[b, iy, ix, c] = Σ_{fy, fx, o} dy[b, (iy + pad − fy)/s, …, o] · W[fy, fx, c, o]   (where the division is exact)
//   ∂W of conv2d  dW[fy, fx, c, o] = Σ_{b, oy, ox} x[b, oy·s − pad + fy, …, c] · dy[b, oy, ox, o]

type Inputs = Record<string, tf.TensorInfo | undefined>;
type Attrs = Record<string, unknown>;
type KernelArgs = { inputs: Inputs; backend: WebGPUBackend; attrs: Attrs };
type Impl = (args: KernelArgs) => tf.TensorInfo | null;

/** WGSL of y = act(a) for tfjs's fused activations (prelu is left to tfjs). */
const ACTIVATION: Record<string, string> = {
  linear: 'a',
  relu: 'max(a, 0.0)',
  relu6: 'clamp(a, 0.0, 6.0)',
  elu: 'select(exp(a) - 1.0, a, a > 0.0)',
  leakyrelu: 'select(uniforms.alpha * a, a, a > 0.0)',
  sigmoid: '1.0 / (1.0 + exp(-a))',
};

const size = (shape: number[]) => shape.reduce((p, d) => p * d, 1);

/** The bias term of a fused kernel: none, one value, or one per output channel (index `o`). */
function biasOf(bias: tf.TensorInfo | undefined, channels: number): string | null {
  if (!bias) return '';
  const n = size(bias.shape);
  if (n === 1) return ' + B[0]';
  return n === channels ? ' + B[o]' : null;
}

function matMul({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo | null {
  const { a, b, bias, preluActivationWeights } = inputs;
  const activation = (attrs.activation as string | undefined) ?? 'linear';
  if (!a || !b || preluActivationWeights || !(activation in ACTIVATION)) return null;
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  const ta = attrs.transposeA === true;
  const tb = attrs.transposeB === true;
  const [ar, ac] = a.shape.slice(-2) as [number, number];
  const [br, bc] = b.shape.slice(-2) as [number, number];
  const [M, K, N] = [ta ? ac : ar, ta ? ar : ac, tb ? br : bc];
  if ((tb ? bc : br) !== K) return null;
  const batchA = size(a.shape.slice(0, -2));
  const batchB = size(b.shape.slice(0, -2));
  if (batchA !== batchB && batchA !== 1 && batchB !== 1) return null;
  const batch = Math.max(batchA, batchB);
  const outer = (batchA >= batchB ? a : b).shape.slice(0, -2);
  const biasTerm = biasOf(bias, N);
  if (biasTerm === null) return null;
  const names = bias ? ['A', 'Bm', 'B'] : ['A', 'Bm'];
  const program = elementwise(
    `loopMatMul_${activation}_${bias ? 'bias' : ''}`,
    batch * M * N,
    names,
    `M : i32, K : i32, N : i32, aBatch : i32, aRow : i32, aCol : i32, bBatch : i32, bRow : i32, bCol : i32, alpha : f32,`,
    `let o = index % uniforms.N;
          let t = index / uniforms.N;
          let i = t % uniforms.M;
          let bt = t / uniforms.M;
          let aBase = bt * uniforms.aBatch + i * uniforms.aRow;
          let bBase = bt * uniforms.bBatch + o * uniforms.bCol;
          var a = 0.0;
          for (var k = 0; k < uniforms.K; k = k + 1) {
            a = a + A[aBase + k * uniforms.aCol] * Bm[bBase + k * uniforms.bRow];
          }
          a = a${biasTerm};
          result[index] = ${ACTIVATION[activation]};`,
  );
  // a[i, k] at aBase + k·aCol, b[k, j] at bBase + k·bRow: strides for either layout; a batch
  // of one is read for every output batch (stride 0).
  const aSize = M * K;
  const bSize = K * N;
  return runToInfo(
    backend,
    program,
    bias ? [a, b, bias] : [a, b],
    [
      i32(batch * M * N),
      i32(M),
      i32(K),
      i32(N),
      i32(batchA === 1 ? 0 : aSize),
      i32(ta ? 1 : K),
      i32(ta ? M : 1),
      i32(batchB === 1 ? 0 : bSize),
      i32(tb ? 1 : N),
      i32(tb ? K : 1),
      f32((attrs.leakyreluAlpha as number | undefined) ?? 0.2),
    ],
    [...outer, M, N],
  );
}

/** tfjs's description of a convolution (padding, output size), or null for what we leave to tfjs. */
function convInfo(
  xShape: number[],
  filterShape: number[],
  attrs: Attrs,
  dilations: number | [number, number] = 1,
): tf.backend_util.Conv2DInfo | null {
  if (attrs.dataFormat !== undefined && attrs.dataFormat !== 'NHWC') return null;
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides as number | [number, number],
    dilations,
    attrs.pad as 'same' | 'valid' | number,
    attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
  );
}

/**
 * WGSL declaring the four coordinates of a flat index into a row-major tensor, outermost
 * first: `names` [a, b, c, d] over the uniforms `sizes` [B, C, D] of the inner three.
 */
function coordsOf(names: [string, string, string, string], sizes: [string, string, string]) {
  const [a, b, c, d] = names;
  const [B, C, D] = sizes.map((s) => `uniforms.${s}`);
  return `let ${d} = index % ${D};
          var t = index / ${D};
          let ${c} = t % ${C};
          t = t / ${C};
          let ${b} = t % ${B};
          let ${a} = t / ${B};`;
}

/** The uniforms every convolution kernel declares, in this order. */
const CONV_UNIFORMS = `IH : i32, IW : i32, IC : i32, OH : i32, OW : i32, OC : i32, FH : i32, FW : i32, SH : i32, SW : i32, DH : i32, DW : i32, PT : i32, PL : i32, alpha : f32,`;

function convUniforms(n: number, c: tf.backend_util.Conv2DInfo, alpha = 0) {
  return [
    i32(n),
    i32(c.inHeight),
    i32(c.inWidth),
    i32(c.inChannels),
    i32(c.outHeight),
    i32(c.outWidth),
    i32(c.outChannels),
    i32(c.filterHeight),
    i32(c.filterWidth),
    i32(c.strideHeight),
    i32(c.strideWidth),
    i32(c.dilationHeight),
    i32(c.dilationWidth),
    i32(c.padInfo.top),
    i32(c.padInfo.left),
    f32(alpha),
  ];
}

function conv2d({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo | null {
  const { x, filter, bias, preluActivationWeights } = inputs;
  const activation = (attrs.activation as string | undefined) ?? 'linear';
  if (!x || !filter || preluActivationWeights || !(activation in ACTIVATION)) return null;
  const c = convInfo(x.shape, filter.shape, attrs, attrs.dilations as [number, number]);
  if (!c) return null;
  const biasTerm = biasOf(bias, c.outChannels);
  if (biasTerm === null) return null;
  const n = size(c.outShape);
  const program = elementwise(
    `loopConv2D_${activation}_${bias ? 'bias' : ''}`,
    n,
    bias ? ['X', 'W', 'B'] : ['X', 'W'],
    CONV_UNIFORMS,
    `${coordsOf(['b', 'oy', 'ox', 'o'], ['OH', 'OW', 'OC'])}
          var a = 0.0;
          for (var fy = 0; fy < uniforms.FH; fy = fy + 1) {
            let iy = oy * uniforms.SH - uniforms.PT + fy * uniforms.DH;
            if (iy < 0 || iy >= uniforms.IH) { continue; }
            for (var fx = 0; fx < uniforms.FW; fx = fx + 1) {
              let ix = ox * uniforms.SW - uniforms.PL + fx * uniforms.DW;
              if (ix < 0 || ix >= uniforms.IW) { continue; }
              let xBase = ((b * uniforms.IH + iy) * uniforms.IW + ix) * uniforms.IC;
              let wBase = (fy * uniforms.FW + fx) * uniforms.IC * uniforms.OC + o;
              for (var ci = 0; ci < uniforms.IC; ci = ci + 1) {
                a = a + X[xBase + ci] * W[wBase + ci * uniforms.OC];
              }
            }
          }
          a = a${biasTerm};
          result[index] = ${ACTIVATION[activation]};`,
  );
  const alpha = (attrs.leakyreluAlpha as number | undefined) ?? 0.2;
  return runToInfo(
    backend,
    program,
    bias ? [x, filter, bias] : [x, filter],
    convUniforms(n, c, alpha),
    c.outShape,
  );
}

function conv2dBackpropInput({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo | null {
  const { dy, filter } = inputs;
  const inputShape = attrs.inputShape as number[];
  if (!dy || !filter) return null;
  const c = convInfo(inputShape, filter.shape, attrs);
  if (!c) return null;
  const n = size(inputShape);
  const program = elementwise(
    'loopConv2DBackpropInput',
    n,
    ['DY', 'W'],
    CONV_UNIFORMS,
    `${coordsOf(['b', 'iy', 'ix', 'ci'], ['IH', 'IW', 'IC'])}
          var a = 0.0;
          for (var fy = 0; fy < uniforms.FH; fy = fy + 1) {
            let ny = iy + uniforms.PT - fy;
            if (ny < 0 || ny % uniforms.SH != 0) { continue; }
            let oy = ny / uniforms.SH;
            if (oy >= uniforms.OH) { continue; }
            for (var fx = 0; fx < uniforms.FW; fx = fx + 1) {
              let nx = ix + uniforms.PL - fx;
              if (nx < 0 || nx % uniforms.SW != 0) { continue; }
              let ox = nx / uniforms.SW;
              if (ox >= uniforms.OW) { continue; }
              let dyBase = ((b * uniforms.OH + oy) * uniforms.OW + ox) * uniforms.OC;
              let wBase = ((fy * uniforms.FW + fx) * uniforms.IC + ci) * uniforms.OC;
              for (var o = 0; o < uniforms.OC; o = o + 1) {
                a = a + DY[dyBase + o] * W[wBase + o];
              }
            }
          }
          result[index] = a;`,
  );
  return runToInfo(backend, program, [dy, filter], convUniforms(n, c), inputShape);
}

function conv2dBackpropFilter({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo | null {
  const { x, dy } = inputs;
  const filterShape = attrs.filterShape as number[];
  if (!x || !dy) return null;
  const c = convInfo(x.shape, filterShape, attrs);
  if (!c) return null;
  const n = size(filterShape);
  const program = elementwise(
    'loopConv2DBackpropFilter',
    n,
    ['X', 'DY'],
    `${CONV_UNIFORMS} batch : i32,`,
    `${coordsOf(['fy', 'fx', 'ci', 'o'], ['FW', 'IC', 'OC'])}
          var a = 0.0;
          for (var b = 0; b < uniforms.batch; b = b + 1) {
            for (var oy = 0; oy < uniforms.OH; oy = oy + 1) {
              let iy = oy * uniforms.SH - uniforms.PT + fy;
              if (iy < 0 || iy >= uniforms.IH) { continue; }
              for (var ox = 0; ox < uniforms.OW; ox = ox + 1) {
                let ix = ox * uniforms.SW - uniforms.PL + fx;
                if (ix < 0 || ix >= uniforms.IW) { continue; }
                a = a + X[((b * uniforms.IH + iy) * uniforms.IW + ix) * uniforms.IC + ci]
                      * DY[((b * uniforms.OH + oy) * uniforms.OW + ox) * uniforms.OC + o];
              }
            }
          }
          result[index] = a;`,
  );
  return runToInfo(
    backend,
    program,
    [x, dy],
    [...convUniforms(n, c), i32(c.batchSize)],
    filterShape,
  );
}

/** tfjs's WebGPU kernels these loops stand in for (tfjsInternals.ts, 14). */
export const LOOPS: Record<string, Impl> = {
  BatchMatMul: matMul,
  _FusedMatMul: matMul,
  Conv2D: conv2d,
  FusedConv2D: conv2d,
  Conv2DBackpropInput: conv2dBackpropInput,
  Conv2DBackpropFilter: conv2dBackpropFilter,
};

let installed = false;

/**
 * Replaces tfjs's WebGPU matMul and convolution kernels by the loops (once per worker), each
 * handing what it does not take to tfjs's. Call where WebGPU runs on a software adapter.
 */
export function useLoopKernels(): void {
  if (installed) return;
  installed = true;
  for (const [name, impl] of Object.entries(LOOPS)) {
    replaceKernel(
      name,
      'webgpu',
      (original) => (args) =>
        impl(args as unknown as KernelArgs) ?? (original(args) as tf.TensorInfo | tf.TensorInfo[]),
    );
  }
}
