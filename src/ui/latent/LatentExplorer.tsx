import { memo, useCallback, useRef } from 'react';
import { MODELS } from '../../config/models.ts';
import { randomCode, Z_RANGE } from '../../state/explorer.ts';
import type { RunController } from '../../state/runController.ts';
import type { RunSnapshot } from '../../state/runStore.ts';
import { PixelCanvas } from '../canvas/PixelCanvas.tsx';
import { LatentPad } from './LatentPad.tsx';
import { useText } from '../../i18n/text.ts';
import { Term } from '../../i18n/term.tsx';

/** Sliders shown at most; codes beyond keep their values (0 unless the link set them). */
const MAX_SLIDERS = 16;
/** The first three coordinates of a code, for a label: "1.0, −0.5, 0.3, …". */
const shortCode = (z: readonly number[]) =>
  `${z
    .slice(0, 3)
    .map((v) => v.toFixed(1))
    .join(', ')}${z.length > 3 ? ', …' : ''}`;
const sub = (i: number) => String(i).replace(/\d/g, (c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)]!);

/**
 * Latent space, explored while training goes on: one slider per dimension decoding as it is
 * dragged, a pad over the first two dimensions with the decoded grid behind it, and a strip
 * interpolating between two codes.
 */
export function LatentExplorer({
  snap,
  controller,
}: {
  snap: RunSnapshot;
  controller: RunController;
}) {
  const t = useText();
  const { explorer, latent, config } = snap;
  const { z, a, b, mode } = explorer;
  const draws = useRef(2); // randomCode's counter: 0 and 1 made the strip's ends
  const family = MODELS[config.model].family;
  // One callback for the whole run, so a slider whose value did not change is not rendered
  // again when another moves.
  const set = useCallback(
    (i: number, v: number) => controller.explorer.setCodeAt(i, v),
    [controller],
  );
  const decoded = latent.decode;
  const conditional = MODELS[config.model].conditional === true;
  return (
    <div className="explorer">
      {conditional ? (
        <div className="explorer-classes" data-testid="class-picker">
          <p className="small-text">{t.lab.conditional.about}</p>
          <div className="button-row" role="radiogroup" aria-label={t.lab.conditional.label}>
            {Array.from({ length: 10 }, (_, d) => (
              <button
                key={d}
                type="button"
                role="radio"
                aria-checked={explorer.label === d}
                aria-label={t.lab.conditional.digit(d)}
                className={explorer.label === d ? 'small-button chosen' : 'small-button'}
                onClick={() => controller.explorer.setLabel(d)}
              >
                {d}
              </button>
            ))}
          </div>
          <PixelCanvas
            testId="latent-classes"
            image={latent.classes?.image ?? null}
            scale={2}
            label={t.lab.conditional.strip(shortCode(z))}
          />
        </div>
      ) : null}
      <div className="explorer-sliders">
        <div className="button-row">
          <button
            type="button"
            onClick={() =>
              controller.explorer.setCode(randomCode(z.length, config.seed, draws.current++))
            }
          >
            {t.explorer.random}
          </button>
          <button type="button" onClick={() => controller.explorer.setCode(z.map(() => 0))}>
            {t.explorer.zero}
          </button>
        </div>
        {z.slice(0, MAX_SLIDERS).map((v, i) => (
          <LatentSlider key={i} index={i} value={v} onSet={set} />
        ))}
        {z.length > MAX_SLIDERS ? (
          <p className="muted small-text">{t.explorer.more(MAX_SLIDERS, z.length)}</p>
        ) : null}
      </div>
      <div className="explorer-images">
        <PixelCanvas
          testId="latent-image"
          image={decoded?.image ?? null}
          scale={5}
          label={t.explorer.image(family === 'gan', decoded ? decoded.step : null)}
        />
        {decoded?.error ? <p className="field-error small-text">{decoded.error}</p> : null}
        <figure className="pixel-figure">
          <LatentPad
            grid={latent.grid?.image ?? null}
            z0={z[0] ?? 0}
            z1={z[1] ?? 0}
            onMove={(z0, z1) =>
              controller.explorer.setCode(z.map((old, k) => (k === 0 ? z0 : k === 1 ? z1 : old)))
            }
          />
          <figcaption>{t.explorer.padCaption(Z_RANGE, z.length > 2)}</figcaption>
        </figure>
      </div>
      <div className="explorer-strip">
        <div className="button-row">
          <button type="button" onClick={() => controller.explorer.setStrip({ a: [...z] })}>
            {t.explorer.from}
          </button>
          <button type="button" onClick={() => controller.explorer.setStrip({ b: [...z] })}>
            {t.explorer.to}
          </button>
          <button
            type="button"
            onClick={() =>
              controller.explorer.setStrip({
                a: randomCode(z.length, config.seed, draws.current++),
                b: randomCode(z.length, config.seed, draws.current++),
              })
            }
          >
            {t.explorer.newEnds}
          </button>
          <label className="radio">
            <input
              type="checkbox"
              checked={mode === 'spherical'}
              onChange={(e) =>
                controller.explorer.setStrip({ mode: e.target.checked ? 'spherical' : 'linear' })
              }
            />
            {t.explorer.spherical}
          </label>
          <span className="small-text">
            (<Term id="slerp">slerp</Term>)
          </span>
        </div>
        <PixelCanvas
          testId="latent-strip"
          image={latent.interpolate?.image ?? null}
          scale={3}
          label={t.explorer.strip(mode === 'spherical', shortCode(a), shortCode(b))}
        />
      </div>
    </div>
  );
}

export const LatentSlider = memo(function LatentSlider({
  index,
  value,
  onSet,
}: {
  index: number;
  value: number;
  onSet: (index: number, value: number) => void;
}) {
  const t = useText();
  return (
    <label className="z-slider">
      <span className="z-name">z{sub(index)}</span>
      <input
        type="range"
        min={-Z_RANGE}
        max={Z_RANGE}
        step={0.05}
        value={value}
        aria-label={t.explorer.slider(index)}
        onChange={(e) => onSet(index, Number(e.target.value))}
      />
      <output className="z-value">{value.toFixed(2)}</output>
    </label>
  );
});
