import { memo, type ReactNode } from 'react';
import { MODELS } from '../config/models.ts';
import type { RunConfig } from '../config/schema.ts';

// A short panel per model: its objective written out, and what to watch for while it trains.

function Vae({ c }: { c: RunConfig }) {
  return (
    <>
      <p>
        The encoder maps a digit x to a Gaussian q(z|x) = N(μ, σ²) in a {c.latent}-D latent space. A
        code is sampled as <code>z = μ + σ · ε</code>, ε ~ N(0, I), and the decoder turns it back
        into an image.
      </p>
      <p className="formula">
        loss = E<sub>q(z|x)</sub>[−log p(x|z)] + β · KL(q(z|x) ‖ N(0, I)), β = {c.beta}
      </p>
      <p>
        The <span className="swatch recon">reconstruction</span> term rewards rebuilding x; the{' '}
        <span className="swatch kl">KL</span> term pulls every q(z|x) toward N(0, I), so codes fill
        the space without holes and any z ~ N(0, I) decodes to a plausible digit. Watch the samples
        sharpen from grey blur into digits; they stay a little blurry, the price of averaging over
        q(z|x). A larger β gives smoother, blurrier samples.
      </p>
    </>
  );
}

function Autoencoder({ c }: { c: RunConfig }) {
  return (
    <>
      <p>
        The same encoder and decoder as the VAE, but deterministic: x maps to one point z in a{' '}
        {c.latent}-D space, with no sampling and no KL term.
      </p>
      <p className="formula">loss = ‖x − decoder(encoder(x))‖ (as BCE or squared error)</p>
      <p>
        Its reconstructions get sharp, yet the grid, decoded from random z ~ N(0, I), stays poor:
        nothing asks its codes to fill N(0, I), so most random codes fall in the holes between the
        digits it learned. That is why a plain autoencoder is not a generative model.
      </p>
    </>
  );
}

function Gan({ c }: { c: RunConfig }) {
  const objective: Record<RunConfig['loss'], ReactNode> = {
    minimax: <>min_G max_D E[log D(x)] + E[log(1 − D(G(z)))]</>,
    nonsaturating: (
      <>D: max E[log D(x)] + E[log(1 − D(G(z)))]; G: max E[log D(G(z))] (the non-saturating form)</>
    ),
    lsgan: <>D: min ½E[(D(x) − 1)²] + ½E[D(G(z))²]; G: min ½E[(D(G(z)) − 1)²]</>,
    wgangp: (
      <>critic: max E[D(x)] − E[D(G(z))] − λ·E[(‖∇D(x̂)‖ − 1)²]; G: max E[D(G(z))], λ = {c.gp}</>
    ),
  };
  return (
    <>
      <p>
        A generator G turns noise z ~ N(0, I) ({c.latent}-D) into images; a discriminator D learns
        to tell them from real digits, and G learns to fool it.
      </p>
      <p className="formula">{objective[c.loss]}</p>
      <p>
        Watch <span className="swatch real">D(x)</span> and{' '}
        <span className="swatch fake">D(G(z))</span>: in a healthy game they hover near each other.
        If every sample in the grid turns into the same digit, G has collapsed onto one mode; if
        D(G(z)) sinks to 0 and stays there, D has won and G learns nothing (the minimax form
        saturates exactly there).
      </p>
    </>
  );
}

export const ModelExplainer = memo(function ModelExplainer({ config }: { config: RunConfig }) {
  const family = MODELS[config.model].family;
  return (
    <div className="explainer" data-testid="explainer">
      <h3>{MODELS[config.model].label}</h3>
      {family === 'vae' ? (
        <Vae c={config} />
      ) : family === 'ae' ? (
        <Autoencoder c={config} />
      ) : (
        <Gan c={config} />
      )}
    </div>
  );
});
