import { Term } from './term.tsx';

// The lab's words (ui/lab): views of what the formulas are about, beside the training.

export const enLab = {
  dirac: {
    open: 'The game in two numbers',
    title: 'The GAN game in two numbers (the Dirac GAN)',
    close: 'Close',
    intro: (
      <>
        The data is one point, x = 0. The <Term id="generator">generator</Term> outputs one point θ;
        the <Term id="discriminator">discriminator</Term>’s logit is D(x) = ψ·x. The only{' '}
        <Term id="equilibrium">equilibrium</Term> is θ = 0 (G on the data) and ψ = 0 (D cannot tell
        them apart), the centre of the picture. The arrows show where one step moves (θ, ψ): G
        descends its loss, D ascends its value. The line is a run from (1, 1).
      </>
    ),
    loss: 'Loss',
    losses: {
      minimax: 'minimax (the article’s)',
      nonsaturating: 'non-saturating',
      wgan: 'WGAN (a linear critic)',
    },
    update: 'Updates',
    updates: {
      simultaneous: 'simultaneous (both from the same point)',
      alternating: 'alternating (D first, then G)',
    },
    lr: 'G’s learning rate η',
    ratio: 'D’s rate ÷ G’s',
    gamma: 'Gradient penalty γ on D',
    axes: 'θ (G’s point) across, ψ (D’s slope) up, each over ±2.',
    label: 'The Dirac GAN: the vector field of the game over (θ, ψ), and a training run',
    readout: (steps: number, turns: string, r0: string, r1: string) =>
      `After ${steps} steps: ${turns} turns around the equilibrium; distance from it ${r0} → ${r1}.`,
    verdict: {
      out: 'It spirals outwards: near the equilibrium the field is a rotation, and each simultaneous step overshoots it. Plain GAN training need not converge, even here.',
      orbit:
        'It circles without getting closer: alternating steps follow the rotation instead of overshooting it, but nothing pulls them in.',
      in: 'It converges: the penalty damps D’s slope, and the rotation becomes a spiral inwards (Mescheder et al., 2018).',
    },
  },
  posterior: {
    open: 'The true posterior',
    title: 'The true posterior p(z|x) beside q(z|x)',
    close: 'Close',
    intro: (
      <>
        For one x, Bayes’ rule gives the posterior that the <Term id="encoder">encoder</Term> learns
        to approximate: p(z|x) = p(x|z) p(z) / p(x). With a 2-D latent it can be computed outright:
        the <Term id="decoder">decoder</Term>’s likelihood <Term id="pxz">p(x|z)</Term> times the{' '}
        <Term id="prior">prior</Term> N(0, I) at every point of a grid, divided by their sum, which
        is p(x). The encoder’s Gaussian <Term id="qzx">q(z|x)</Term> is drawn on the same grid. Both
        are recomputed with each picture while training runs.
      </>
    ),
    digit: (index: number, label: number | null) =>
      `x: held-out digit no. ${index}${label === null ? '' : ` (a ${label})`}`,
    point: (x: string, y: string) => `x = (${x}, ${y})`,
    previous: 'Previous digit',
    next: 'Next digit',
    pickPoint: 'Click the 2-D view to choose another x.',
    trueTitle: 'p(z|x): likelihood × prior, normalised',
    qTitle: 'q(z|x): the encoder’s Gaussian',
    outline: 'Lines: q’s 1σ and 2σ ellipses.',
    axes: (x0: string, x1: string, y0: string, y1: string) =>
      `z₀ from ${x0} to ${x1} across, z₁ from ${y0} to ${y1} up.`,
    label: (what: string) => `${what}, shaded on a grid over the latent plane`,
    bounds: {
      logPx: 'log p(x), by summing the grid',
      iwae: (k: number) => `IWAE bound, k = ${k}`,
      elbo: 'ELBO',
      gap: 'Gap: log p(x) − ELBO',
      klGrid: 'KL(q(z|x) ‖ p(z|x)), on the grid',
    },
    about: (samples: number, k: number) => (
      <>
        ELBO ≤ IWAE ≤ log p(x). The <Term id="elbo">ELBO</Term> falls short of log p(x) by exactly
        KL(q(z|x) ‖ p(z|x)): how far q is from the true posterior, measured here a second way on the
        grid. Averaging k = {k} importance weights p(x, z)/q(z|x) inside the log closes part of the
        gap (Burda et al., 2016). Both are estimated from {samples} samples of q, the same at every
        step, so the numbers move with the weights alone; IWAE’s ± is its standard error, since only
        its expectation is sure to stay below log p(x). In nats; β = 1.
      </>
    ),
    pending: 'Computing it from the current weights…',
    problems: {
      model: 'Only a VAE has a q(z|x) to compare with: choose the VAE.',
      latent: 'The grid needs a 2-D latent: set the latent size to 2.',
      target: 'This x is not in the data set: choose another.',
    },
  },
  graph: {
    open: 'The model as a graph',
    title: 'The model as a graph: what flows through it',
    close: 'Close',
    intro:
      'Each box is a step of the model as this run builds it; its picture is what passes through it now, for the held-out data, renewed with each picture. Hover a box to find it elsewhere on the page.',
    boxes: {
      x: 'x: real data',
      encoder: 'Encoder',
      muSigma: 'μ, σ of q(z|x)',
      z: 'z = μ + σ·ε',
      code: 'z: the code',
      decoder: 'Decoder',
      xhat: 'x̂: reconstructions',
      decoded: 'decoder(z), z ~ N(0, I)',
      noise: 'z ~ N(0, I)',
      generator: 'Generator G',
      fake: 'G(z)',
      discriminator: 'Discriminator D',
      scores: 'D’s readout: real x and G(z)',
    },
    net: (layers: number, weights: string) => `${layers} layers · ${weights} weights`,
    cloud: 'dots: the first two latent units',
    sigma: 'bars: mean σ per latent unit (dashed: σ = 1, a unit the prior keeps for itself)',
    scores: (probability: boolean) =>
      probability
        ? 'D(x) over [0, 1]: green on real data, purple on G(z); dashed: ½'
        : 'raw critic scores: green on real data, purple on G(z)',
    label: (box: string) => `${box}: what passes through it now`,
    pending: 'At the next picture…',
  },
  conditional: {
    about:
      'A conditional model learns p(x|y), one distribution for each digit class y: choose y, then move z.',
    label: 'Class y, the digit to draw',
    digit: (d: number) => `Draw a ${d}`,
    strip: (code: string) =>
      `z = (${code}) drawn as every class 0–9: z fixed, y swept. Given the class, z is left with the style: slant, thickness, stroke.`,
    agreement: 'Asked for class agrees:',
    agreementAbout:
      'the share of the 1,000 digits, asked for 0, 1, …, 9 in turn, that the classifier reads as the digit asked for (chance: 10%).',
  },
  rd: {
    open: 'Rate vs distortion',
    title: 'Rate and distortion: what β trades',
    close: 'Close',
    intro: (
      <>
        The VAE’s loss is distortion + β · rate. Distortion D is the{' '}
        <Term id="reconstruction">reconstruction</Term> loss, −log p(x|z); rate R is{' '}
        <Term id="kl">KL</Term>(q(z|x) ‖ N(0, I)), how many nats the code carries about x. Each β
        picks a point on the frontier of the (R, D) pairs a model can reach (Alemi et al., 2018): a
        small β buys sharp reconstructions with codes far from the prior, a large one codes that say
        little. β is live: move it and watch the run travel.
      </>
    ),
    beta: 'β, live',
    chartLabel: (points: number) =>
      `Distortion against rate: the run’s path (${points} points) and the β sweep’s ends`,
    rate: 'rate R (KL, nats)',
    distortion: 'distortion D (nats)',
    path: 'this run, step by step',
    now: 'now',
    sweep: 'sweep ends (β)',
    units: (active: number, total: number) =>
      `KL per latent unit: ${active} of ${total} active (KL > 0.1 nats); the others carry nothing about x.`,
    sweepButton: 'Sweep β',
    sweepAbout: (betas: string, steps: number) =>
      `Trains short runs at β = ${betas}, ${steps} steps each, one after another in this run’s worker, and marks where each ends. It replaces the run you have; the setup comes back after.`,
    sweeping: (beta: number, done: number, total: number) =>
      `Training β = ${beta} (${done + 1} of ${total})…`,
    swept: (n: number) => `Sweep done: ${n} runs.`,
  },
  steps: {
    dOnly: 'Train D only',
    gOnly: 'Train G only',
    dOnlyTitle: 'One update of the discriminator; G’s loss is measured, not trained',
    gOnlyTitle: 'One update of the generator; D’s loss is measured, not trained',
    slow: 'Slow motion (a step a second)',
    slowAbout:
      'Start then takes one step a second, and the 2-D view moves the points from one step to the next.',
  },
};
