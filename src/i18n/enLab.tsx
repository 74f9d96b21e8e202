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
};
