import type { RunConfig } from './fields.ts';
import { defaultsFor } from './models.ts';

// The demo gallery: each demo is nothing but a link (the setup and `autoplay=1`), so a demo
// and a shared link are the same thing. The hashes are written by url.ts's toHash from these
// patches; a unit test checks every one parses back without a notice.

export interface Preset {
  id: string;
  title: string;
  /** What to watch for. */
  blurb: string;
  config: RunConfig;
}

const preset = (
  id: string,
  title: string,
  blurb: string,
  patch: Partial<RunConfig> & Pick<RunConfig, 'model'>,
): Preset => ({
  id,
  title,
  blurb,
  config: { ...defaultsFor(patch.model, patch.data), ...patch },
});

export const PRESETS: readonly Preset[] = [
  preset(
    'vae-2d',
    'VAE, 2-D latent, MNIST',
    'Two latent numbers per digit: drag the point across the latent plane and watch one digit morph into another.',
    { model: 'vae', latent: 2 },
  ),
  preset(
    'ae-2d',
    'Autoencoder, same digits',
    'The VAE’s deterministic twin (same data, seed and sizes): reconstructions as sharp, but codes off N(0, I) decode to junk.',
    { model: 'ae', latent: 2 },
  ),
  preset(
    'beta-vae',
    'β-VAE, β = 4',
    'A heavier KL term: smoother, blurrier samples and a tidier latent space.',
    { model: 'vae', beta: 4, latent: 8 },
  ),
  preset(
    'dcgan',
    'DCGAN on MNIST',
    'A convolutional GAN (DCGAN). Slow without a GPU: give it a few hundred steps.',
    { model: 'gan', arch: 'conv', batch: 16, every: 5 },
  ),
  preset(
    'ring-gan',
    'GAN on a ring of 8 Gaussians',
    'Watch G chase the modes: it often covers a few and bridges the rest (mode collapse).',
    { model: 'gan', data: 'ring' },
  ),
  preset(
    'wgan-spiral',
    'WGAN-GP on the spiral',
    'The Wasserstein critic with a gradient penalty, five critic steps per G step.',
    { model: 'gan', data: 'spiral', loss: 'wgangp', dsteps: 5 },
  ),
  preset(
    'vae-moons',
    'VAE on two moons',
    'Codes of the real points gather into N(0, I) while the decoder bends the plane onto the moons.',
    { model: 'vae', data: 'moons' },
  ),
  preset(
    'draw-gan',
    'GAN on a drawing',
    'A GAN learns the smiley; draw your own shape and train on it.',
    { model: 'gan', data: 'drawn' },
  ),
];
