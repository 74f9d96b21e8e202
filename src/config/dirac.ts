// The Dirac GAN view's setup (metrics/diracGan.ts computes its game): which loss, which update
// order, the learning rates and the gradient penalty. In the link as `dirac=` followed by the
// five values, e.g. `dirac=minimax,simultaneous,0.1,1,0`; `dirac=1` opens the view as it starts.

export const DIRAC_LOSSES = ['minimax', 'nonsaturating', 'wgan'] as const;
export type DiracLoss = (typeof DIRAC_LOSSES)[number];
export const DIRAC_UPDATES = ['simultaneous', 'alternating'] as const;
export type DiracUpdate = (typeof DIRAC_UPDATES)[number];

export interface DiracSetup {
  loss: DiracLoss;
  update: DiracUpdate;
  /** G's learning rate η_G. */
  lr: number;
  /** D's learning rate as a multiple of G's: η_D = ratio · η_G. */
  ratio: number;
  /** The gradient penalty's weight γ (0: none). */
  gamma: number;
}

export const DIRAC_DEFAULTS: DiracSetup = {
  loss: 'minimax',
  update: 'simultaneous',
  lr: 0.1,
  ratio: 1,
  gamma: 0,
};

/** The ranges of the view's sliders, and of the link's values. */
export const DIRAC_RANGES = {
  lr: [0.01, 0.5],
  ratio: [0.25, 4],
  gamma: [0, 2],
} as const satisfies Record<'lr' | 'ratio' | 'gamma', readonly [number, number]>;

const inRange = (key: keyof typeof DIRAC_RANGES, v: number) =>
  Number.isFinite(v) && v >= DIRAC_RANGES[key][0] && v <= DIRAC_RANGES[key][1];

/** `dirac=`'s value read: the setup, or null when it is not one (the page then says so). */
export function parseDirac(text: string): DiracSetup | null {
  if (text === '1') return DIRAC_DEFAULTS;
  const [loss, update, lr, ratio, gamma, ...rest] = text.split(',');
  const s = {
    loss: loss as DiracLoss,
    update: update as DiracUpdate,
    lr: Number(lr),
    ratio: Number(ratio),
    gamma: Number(gamma),
  };
  const ok =
    rest.length === 0 &&
    (DIRAC_LOSSES as readonly string[]).includes(s.loss) &&
    (DIRAC_UPDATES as readonly string[]).includes(s.update) &&
    inRange('lr', s.lr) &&
    inRange('ratio', s.ratio) &&
    inRange('gamma', s.gamma);
  return ok ? s : null;
}

export const diracText = (s: DiracSetup): string =>
  [s.loss, s.update, s.lr, s.ratio, s.gamma].join(',');
