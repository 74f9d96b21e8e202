// What a demo's shipped weights record (src/config/trainedDemos.ts, written by
// `npm run train:demos`).

/** A trained model's scores at its step (lower is better for each). */
export interface TrainedScores {
  /** MNIST: the Fréchet digit distance of 1,000 samples against 1,000 held-out digits. */
  frechet?: number;
  /** MNIST: how many digit classes the samples cover, as the classifier sees them. */
  classes?: number;
  /** The VAE's held-out −ELBO, the autoencoder's held-out reconstruction loss. */
  heldOutLoss?: number;
  /** 2-D data: Jensen–Shannon divergence and sliced Wasserstein distance to held-out points. */
  js?: number;
  swd?: number;
}

export interface TrainedDemo {
  /** The demo's link (with its seed) the weights were trained from. */
  link: string;
  step: number;
  /** How long the training took, and on which backend. */
  seconds: number;
  backend: string;
  scores: TrainedScores;
  /** The model files in public/trained/, with their sizes. */
  files: { name: string; bytes: number }[];
  /** The trained samples (or 2-D view), public/trained/. */
  picture: string;
}
