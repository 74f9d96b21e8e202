import { expect, test } from '@playwright/test';
import type { DataShape } from '../src/models/types.ts';
import type { ParityRow } from '../src/workers/parity/protocol.ts';
import { expectNoConsoleErrors, waitForReady, watchConsole } from './helpers.ts';

// Every path our fused WebGPU kernels take, against tfjs's own ops, on WebGPU (SwiftShader
// here): each row builds the setup twice from one seed, with our kernels and without, trains
// both on the same batches and noise, and compares the losses of every step and every
// weight's change (src/workers/parity/kernelParity.ts). The gradient penalty's row compares ∂GP/∂W of
// the convolutional critic, a second derivative through our dropout kernel.

const DIGITS: DataShape = { kind: 'image', height: 28, width: 28, channels: 1 };
const SMALL: DataShape = { kind: 'image', height: 8, width: 8, channels: 1 };
const COLOR: DataShape = { kind: 'image', height: 8, width: 8, channels: 3 };
const POINTS: DataShape = { kind: 'points', height: 1, width: 1, channels: 2 };

const dense = { hidden: 32, batch: 16, arch: 'dense' } as const;
const conv = { arch: 'conv', batch: 8 } as const;
const row = (
  name: string,
  config: ParityRow['config'],
  shape: DataShape,
  steps = 3,
  kind: ParityRow['kind'] = 'train',
): ParityRow => ({ name, config, shape, steps, kind });

const ROWS: ParityRow[] = [
  // Each GAN loss, label smoothing, each activation of G (D's is LeakyReLU 0.2): a row each
  // for the losses, the activations spread over them (each is its own kernel).
  row(
    'GAN minimax, LeakyReLU',
    { model: 'gan', loss: 'minimax', act: 'leakyRelu', ...dense },
    DIGITS,
  ),
  row('GAN non-saturating, ReLU', { model: 'gan', loss: 'nonsaturating', ...dense }, DIGITS),
  row('GAN LSGAN, ELU', { model: 'gan', loss: 'lsgan', act: 'elu', ...dense }, DIGITS),
  row('GAN WGAN-GP', { model: 'gan', loss: 'wgangp', ...dense }, DIGITS),
  row(
    'GAN label smoothing 0.1, tanh',
    { model: 'gan', smooth: 0.1, act: 'tanh', ...dense },
    DIGITS,
  ),
  row('GAN on 2-D points', { model: 'gan', data: 'ring', ...dense }, POINTS),
  // Each VAE reconstruction; the autoencoder.
  row('VAE BCE', { model: 'vae', recon: 'bce', ...dense }, DIGITS),
  row('VAE MSE', { model: 'vae', recon: 'mse', ...dense }, DIGITS),
  row('VAE 2-D points (Gaussian)', { model: 'vae', data: 'ring', ...dense }, POINTS),
  row('VAE color, ELU, 2 layers', { model: 'vae', act: 'elu', layers: 2, ...dense }, COLOR),
  row('Autoencoder', { model: 'ae', ...dense }, DIGITS),
  // Convolutional: the DCGAN's D has dropout (our kernel), its G batch norm on (here) and off
  // (the WGAN-GP and article rows).
  row('DCGAN (dropout, batch norm)', { model: 'gan', bn: 'on', ...conv }, SMALL),
  row('DCGAN WGAN-GP', { model: 'gan', loss: 'wgangp', dsteps: 2, ...conv }, SMALL, 2),
  row('Conv VAE', { model: 'vae', ...conv }, SMALL),
  row('Conv autoencoder, tanh', { model: 'ae', act: 'tanh', ...conv }, SMALL),
  // The article's networks: LeakyReLU 0.3, 128-filter layers, valid-padded encoder.
  row('Article DCGAN', { model: 'gan', arch: 'article', batch: 4 }, SMALL),
  row('Article conv VAE', { model: 'vae', arch: 'article', batch: 8 }, SMALL),
  row(
    'WGAN-GP penalty ∂GP/∂W, conv critic',
    { model: 'gan', loss: 'wgangp', ...conv },
    SMALL,
    0,
    'gp',
  ),
  // Odd shapes: batch 1, a batch not a multiple of 64 (the kernels' workgroup), the largest
  // (the VAE's: its reconstruction loss has the most terms, 401,408, for 256 partial sums).
  row('VAE batch 1', { model: 'vae', ...dense, batch: 1 }, DIGITS),
  row('GAN batch 1', { model: 'gan', ...dense, batch: 1 }, DIGITS),
  // D's loss over 2 × 129 rows takes two passes (past 256 terms), G's over 129 one.
  row('GAN batch 129 (two-pass D loss)', { model: 'gan', ...dense, batch: 129 }, DIGITS),
  row('VAE batch 65', { model: 'vae', ...dense, batch: 65 }, DIGITS),
  row('VAE batch 512 (largest)', { model: 'vae', ...dense, batch: 512 }, DIGITS, 2),
  // On a software adapter both twins above run tfjs's matMul and convolutions as our loops
  // (loopKernels.ts): this row checks those ops themselves against tfjs's CPU backend.
  row('matMul and conv ops vs the CPU', { model: 'gan' }, DIGITS, 0, 'ops'),
];

test('our fused kernels train every setup as tfjs’s ops do', async ({ page }) => {
  test.setTimeout(600_000);
  const errors = watchConsole(page);
  await page.goto('/#backend=cpu&quality=0');
  await waitForReady(page);
  const results = await page.evaluate((rows) => window.__playground!.kernelParity(rows), ROWS);
  const e = (v: number) => v.toExponential(1);
  const table = results.map(
    (r) =>
      `${r.name.padEnd(40)} losses ${e(r.losses)}  samples ${e(r.samples)}  all ${e(r.whole)}  worst ${e(r.tensors)} (${r.worst})  max|Δ| ${e(r.maxAbs)}  values ${r.values}${r.error ? `  ERROR ${r.error}` : ''}`,
  );
  console.log(table.join('\n'));
  test.info().annotations.push({ type: 'parity', description: table.join('\n') });
  expect(results.map((r) => r.name)).toEqual(ROWS.map((r) => r.name));
  for (const r of results) {
    expect(r.error, r.name).toBeNull();
    expect(r.backend, r.name).toBe('webgpu');
    expect(r.values, r.name).toBeGreaterThan(0);
    expect(r.leaked, `${r.name}: tensors left behind`).toBe(0);
    // Float32 rounding in another order: measured ≤ 1e-5 for losses and ≤ 2e-4 for weights
    // (docs/kernel-parity.md). A wrong formula or a gradient lost off the tape is of order 1.
    expect(r.losses, `${r.name}: losses`).toBeLessThan(1e-4);
    expect(r.samples, `${r.name}: generated samples`).toBeLessThan(1e-4);
    expect(r.whole, `${r.name}: all weights`).toBeLessThan(1e-3);
    expect(r.tensors, `${r.name}: ${r.worst}`).toBeLessThan(1e-3);
  }
  expectNoConsoleErrors(errors);
});
