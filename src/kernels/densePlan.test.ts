import { beforeAll, describe, expect, it } from 'vitest';
import { smallConfig } from '../testing/models.ts';
import { useCpuBackend } from '../testing/tfCpu.ts';
import { createAutoencoder } from '../models/autoencoder.ts';
import { densePlan } from './densePlan.ts';
import { createGan } from '../models/gan.ts';
import { fusedOn } from '../models/optimizers.ts';
import type { DataShape } from '../models/types.ts';
import { createVae } from '../models/vae.ts';

// The fused kernels run on WebGPU only (e2e/fusedKernels.spec.ts checks their losses against
// tfjs's ops there). What runs anywhere: reading a tf.layers network as a plan of fused layers.

beforeAll(useCpuBackend);

const MNIST: DataShape = { kind: 'image', height: 28, width: 28, channels: 1 };
const summary = (model: Parameters<typeof densePlan>[0]) => {
  const plan = densePlan(model);
  if (!plan) return null;
  const step = (s: (typeof plan.trunk)[number]) => {
    const [W] = s.layer.trainableWeights;
    return `${W!.shape.join('x')} ${s.act}${s.alpha ? ` ${s.alpha}` : ''}`;
  };
  return { trunk: plan.trunk.map(step), heads: plan.heads.map(step) };
};

describe('densePlan', () => {
  it("reads the GAN's networks: hidden layers with their activation, then the output layer", () => {
    const gan = createGan(smallConfig('gan', { layers: 2, act: 'elu', latent: 8 }), MNIST);
    const [g, d] = gan.networks;
    expect(summary(g!)).toEqual({
      trunk: ['8x32 elu', '32x32 elu'],
      heads: ['32x784 tanh'],
    });
    // D's hidden layers are LeakyReLU(0.2), whatever the activation knob says.
    expect(summary(d!)).toEqual({
      trunk: ['784x32 leakyrelu 0.2', '32x32 leakyrelu 0.2'],
      heads: ['32x1 linear'],
    });
    gan.dispose();
  });

  it("reads the VAE's encoder as one trunk and two heads (μ and log σ²)", () => {
    const vae = createVae(smallConfig('vae', { latent: 4, act: 'relu' }), MNIST);
    const [enc, dec] = vae.networks;
    expect(summary(enc!)).toEqual({
      trunk: ['784x32 relu'],
      heads: ['32x4 linear', '32x4 linear'],
    });
    expect(summary(dec!)).toEqual({ trunk: ['4x32 relu'], heads: ['32x784 linear'] });
    vae.dispose();
  });

  it('has no plan for the convolutional networks or for WGAN-GP’s critic', () => {
    const dcgan = createGan(smallConfig('gan', { arch: 'conv' }), MNIST);
    expect(dcgan.networks.map((n) => densePlan(n))).toEqual([null, null]);
    dcgan.dispose();
    const wgan = createGan(smallConfig('gan', { loss: 'wgangp' }), MNIST);
    expect(densePlan(wgan.networks[1]!)).toBeNull(); // its LeakyReLU is twice differentiable
    wgan.dispose();
    const ae = createAutoencoder(smallConfig('ae', { arch: 'conv' }), MNIST);
    expect(densePlan(ae.networks[0]!)).toBeNull();
    ae.dispose();
  });

  it('is not used off WebGPU: the models keep the reference steps there', () => {
    expect(fusedOn()).toBe(false);
  });
});
