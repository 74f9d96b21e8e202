// The links both benchmarks train our trainer and the plain loop on (bench.spec.ts in Chromium,
// node-gpu/trainerVsPlain.ts in Node), and what they add so that no pictures or quality metrics
// run inside the measured window: the counts are the training steps' own.
export const TRAINER_VS_PLAIN_LINKS: Readonly<Record<string, string>> = {
  'dense GAN': 'model=gan',
  'dense VAE': 'model=vae',
  DCGAN: 'model=gan&arch=conv&batch=16',
};

export const STEPS_ONLY = 'every=10000&quality=0';
