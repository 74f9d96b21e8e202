import type { PresetId } from './presets.ts';
import type { TrainedDemo } from './trainedTypes.ts';

// Written by `npm run train:demos` (scripts/train-demos): the demos' shipped weights.

export const TRAINED_DEMOS: Partial<Record<PresetId, TrainedDemo>> = {
  'vae-2d': {
    link: '',
    step: 4000,
    seconds: 287,
    backend: 'webgl',
    scores: {
      frechet: 100.532,
      classes: 5.40892,
      heldOutLoss: 162.755,
    },
    files: [
      {
        name: 'vae-2d-decoder.json',
        bytes: 2176,
      },
      {
        name: 'vae-2d-decoder.weights.bin',
        bytes: 404512,
      },
      {
        name: 'vae-2d-encoder.json',
        bytes: 2863,
      },
      {
        name: 'vae-2d-encoder.weights.bin',
        bytes: 403976,
      },
    ],
    picture: 'vae-2d.png',
  },
  'ae-2d': {
    link: '#model=ae',
    step: 3000,
    seconds: 163,
    backend: 'webgl',
    scores: {
      frechet: 180.545,
      classes: 4.10427,
      heldOutLoss: 150.473,
    },
    files: [
      {
        name: 'ae-2d-decoder.json',
        bytes: 2183,
      },
      {
        name: 'ae-2d-decoder.weights.bin',
        bytes: 404512,
      },
      {
        name: 'ae-2d-encoder.json',
        bytes: 2146,
      },
      {
        name: 'ae-2d-encoder.weights.bin',
        bytes: 402948,
      },
    ],
    picture: 'ae-2d.png',
  },
  'beta-vae': {
    link: '#latent=8&beta=4',
    step: 3000,
    seconds: 184,
    backend: 'webgl',
    scores: {
      frechet: 41.0328,
      classes: 9.49604,
      heldOutLoss: 134.325,
    },
    files: [
      {
        name: 'beta-vae-decoder.json',
        bytes: 2196,
      },
      {
        name: 'beta-vae-decoder.weights.bin',
        bytes: 407584,
      },
      {
        name: 'beta-vae-encoder.json',
        bytes: 2883,
      },
      {
        name: 'beta-vae-encoder.weights.bin',
        bytes: 410144,
      },
    ],
    picture: 'beta-vae.png',
  },
  'conv-vae': {
    link: '#arch=article',
    step: 1000,
    seconds: 341,
    backend: 'webgl',
    scores: {
      frechet: 164.89,
      classes: 2.14917,
      heldOutLoss: 176.981,
    },
    files: [
      {
        name: 'conv-vae-decoder.json',
        bytes: 3552,
      },
      {
        name: 'conv-vae-decoder.weights.bin',
        bytes: 9634,
      },
      {
        name: 'conv-vae-encoder.json',
        bytes: 4274,
      },
      {
        name: 'conv-vae-encoder.weights.bin',
        bytes: 56072,
      },
    ],
    picture: 'conv-vae.png',
  },
  'ring-gan': {
    link: '#model=gan&data=ring',
    step: 3000,
    seconds: 110,
    backend: 'cpu',
    scores: {
      js: 0.18942,
      swd: 0.0866967,
    },
    files: [
      {
        name: 'ring-gan-discriminator.json',
        bytes: 3079,
      },
      {
        name: 'ring-gan-discriminator.weights.bin',
        bytes: 34050,
      },
      {
        name: 'ring-gan-generator.json',
        bytes: 3056,
      },
      {
        name: 'ring-gan-generator.weights.bin',
        bytes: 34308,
      },
    ],
    picture: 'ring-gan.png',
  },
  'wgan-spiral': {
    link: '#model=gan&data=spiral&loss=wgangp&dsteps=5',
    step: 1000,
    seconds: 212,
    backend: 'cpu',
    scores: {
      js: 0.193746,
      swd: 0.0725315,
    },
    files: [
      {
        name: 'wgan-spiral-discriminator.json',
        bytes: 3108,
      },
      {
        name: 'wgan-spiral-discriminator.weights.bin',
        bytes: 34050,
      },
      {
        name: 'wgan-spiral-generator.json',
        bytes: 3085,
      },
      {
        name: 'wgan-spiral-generator.weights.bin',
        bytes: 34308,
      },
    ],
    picture: 'wgan-spiral.png',
  },
  'vae-moons': {
    link: '#data=moons',
    step: 2000,
    seconds: 39,
    backend: 'cpu',
    scores: {
      heldOutLoss: 4.11212,
      js: 0.101763,
      swd: 0.0563551,
    },
    files: [
      {
        name: 'vae-moons-decoder.json',
        bytes: 3034,
      },
      {
        name: 'vae-moons-decoder.weights.bin',
        bytes: 34308,
      },
      {
        name: 'vae-moons-encoder.json',
        bytes: 3723,
      },
      {
        name: 'vae-moons-encoder.weights.bin',
        bytes: 34824,
      },
    ],
    picture: 'vae-moons.png',
  },
};
