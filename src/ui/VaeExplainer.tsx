import type { RunConfig } from '../config/schema.ts';

/** What the VAE optimises, and what to watch for while it trains. */
export function VaeExplainer({ config }: { config: RunConfig }) {
  const { latentDim, hiddenUnits } = config.vae;
  return (
    <div className="explainer">
      <h3>Variational autoencoder</h3>
      <p>
        The encoder maps a digit x to a Gaussian q(z|x) = N(μ, σ²) over a {latentDim}-D latent
        space. A code is sampled as <code>z = μ + σ · ε</code>, ε ~ N(0, I), and the decoder turns
        it back into an image. Both are dense networks (784 → {hiddenUnits} → {latentDim} and back).
      </p>
      <p className="formula">
        loss = E<sub>q(z|x)</sub>[−log p(x|z)] + KL(q(z|x) ‖ N(0, I))
      </p>
      <p>
        The first term (<span className="swatch recon">reconstruction</span>, binary cross-entropy
        over 784 pixels) rewards rebuilding x; the <span className="swatch kl">KL</span> term pulls
        every q(z|x) toward N(0, I), so codes fill the space without holes and any z ~ N(0, I)
        decodes to a plausible digit. Watch the samples sharpen from grey blur into digits, and the
        KL rise as the encoder starts to use the latent space.
      </p>
    </div>
  );
}
