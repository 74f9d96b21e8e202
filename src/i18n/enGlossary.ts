import type { GlossaryEntry, TermId } from '../config/glossary.ts';

// Plain words for the page's terms, for a reader who has not met them yet: what the thing is,
// then what it does here. No formula a definition needs is left unexplained.

export const enGlossary: Record<TermId, GlossaryEntry> = {
  generative: {
    term: 'generative model',
    plain:
      'A model that learns the probability distribution of its data, so it can draw new samples from it: new digits, new points. The VAE and the GAN are generative; a plain autoencoder only maps each input to an output.',
  },
  latent: {
    term: 'latent space, code z',
    plain:
      'A few numbers z that stand for one data item. “Latent” means hidden: z is not in the data, the model invents it. The latent space is where all the codes live; the sliders move through it.',
  },
  prior: {
    term: 'prior N(0, I)',
    plain:
      'The distribution new codes are drawn from before seeing any data: each number of z independently from a bell curve with mean 0 and standard deviation 1.',
  },
  encoder: {
    term: 'encoder',
    plain:
      'The network that turns a data item x into its code: one point z for an autoencoder, a mean μ and a spread σ for a VAE.',
  },
  decoder: {
    term: 'decoder',
    plain:
      'The network that turns a code z back into a data item. Sampling a VAE means decoding a z drawn from the prior.',
  },
  aggregate: {
    term: 'aggregate posterior q(z)',
    plain:
      'Where the encoder puts the whole data set: the average of q(z|x) over every input x. Samples decode well only where q(z) covers the prior N(0, I); a gap between them is where random codes decode to junk.',
  },
  qzx: {
    term: 'q(z|x)',
    plain:
      'The encoder’s guess of which codes could have made x: a Gaussian with mean μ and spread σ. It approximates the true posterior p(z|x), which cannot be computed directly.',
  },
  pxz: {
    term: 'p(x|z)',
    plain:
      'How likely the decoder finds x, given the code z. Its negative log is the reconstruction loss: cross-entropy for black-and-white pixels, squared error for a Gaussian.',
  },
  reparam: {
    term: 'z = μ + σ · ε',
    plain:
      'The reparameterisation trick: the randomness is moved into ε ~ N(0, I), so z is a smooth function of μ and σ and the gradient can flow back into the encoder.',
  },
  elbo: {
    term: 'ELBO',
    plain:
      'Evidence lower bound: reconstruction quality minus the KL term. It is never above log p(x), the log-probability of the data, so raising it raises a floor under what the model can explain. The VAE’s loss is −ELBO.',
  },
  kl: {
    term: 'KL divergence',
    plain:
      'How different one distribution is from another, in nats; 0 only when they are equal, and not symmetric. In a VAE, KL(q(z|x) ‖ N(0, I)) charges each code for straying from the prior.',
  },
  reconstruction: {
    term: 'reconstruction loss',
    plain:
      'How far the decoded output is from the input it came from. Lower means the code kept more of the input.',
  },
  beta: {
    term: 'β',
    plain:
      'The weight of the KL term in a VAE’s loss. β = 1 is the ELBO; a larger β pulls codes harder toward the prior: smoother latent space, blurrier images.',
  },
  disentangled: {
    term: 'disentangled',
    plain:
      'A latent space where each number of z controls one separate property (say slant, or thickness) on its own. A larger β tends toward it, without a guarantee.',
  },
  generator: {
    term: 'generator G',
    plain:
      'A GAN’s network that turns random noise z into a sample G(z). It never sees real data: it learns only from the discriminator’s judgement.',
  },
  discriminator: {
    term: 'discriminator D',
    plain:
      'A GAN’s network that outputs D(x), its probability that x is real rather than generated. It is trained to tell them apart; the generator is trained to fool it.',
  },
  critic: {
    term: 'critic',
    plain:
      'The WGAN’s discriminator. It gives a score, not a probability: higher for what looks real. The gap between its mean scores on real and generated data estimates how far apart they are.',
  },
  equilibrium: {
    term: 'equilibrium',
    plain:
      'The end of the GAN’s game: the generated distribution equals the real one, and the best discriminator can only guess, D = ½ everywhere. Real training wanders around it, and may never settle.',
  },
  modeCollapse: {
    term: 'mode collapse',
    plain:
      'A GAN’s generator makes only a few kinds of sample (a few digits, a few of the ring’s blobs) because those fool the discriminator; the rest of the data is never produced.',
  },
  gradientPenalty: {
    term: 'gradient penalty',
    plain:
      'WGAN-GP’s extra loss for the critic: its slope, measured between real and generated points, is pushed toward 1, which keeps its scores meaningful.',
  },
  js: {
    term: 'JS divergence',
    plain:
      'Jensen–Shannon divergence: a symmetric cousin of KL, between 0 (same distribution) and ln 2 ≈ 0.69 (no overlap). Here it compares generated and real points, counted on a grid.',
  },
  swd: {
    term: 'sliced Wasserstein distance',
    plain:
      'How far the generated points would have to move, on average, to cover the real ones, measured along many random directions. Lower is better; 0 means the same distribution.',
  },
  frechet: {
    term: 'Fréchet digit distance',
    plain:
      'How far generated digits are from real ones, as a digit classifier sees them: it compares the mean and spread of its features on both sets. Lower is better.',
  },
  heldOut: {
    term: 'held-out',
    plain:
      'Data the model never trains on, kept aside to check it: a held-out loss close to the training loss means the model generalises rather than memorises.',
  },
  logit: {
    term: 'logit',
    plain:
      'A raw score before the sigmoid turns it into a probability: logit 0 means probability ½. Losses are computed from logits because that is numerically safer.',
  },
  slerp: {
    term: 'slerp',
    plain:
      'Spherical interpolation: moving from one code to another along an arc instead of a straight line, so the in-between codes keep the typical length of a code drawn from N(0, I).',
  },
  step: {
    term: 'step',
    plain:
      'One update of the weights from one batch of data. A GAN’s step trains D (once, or as many times as “D steps per G step” says), then G.',
  },
  batch: {
    term: 'batch',
    plain:
      'The examples used together for one step (32 by default): the loss is their average, so a larger batch gives a steadier but costlier step.',
  },
};
