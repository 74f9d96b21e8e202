import { useState } from 'react';
import { FAKE_COLOR, REAL_COLOR } from '../colors.ts';
import { classShares } from './classHistogram.ts';
import { useText } from '../../i18n/text.ts';

const percent = (v: number) => `${Number((v * 100).toFixed(1))}%`;

/**
 * Which digits come out against the real ones: a pair of bars per class, in HTML and CSS. Bar
 * heights and tick positions are percentages of the axis, so nothing is measured in the DOM
 * (recharts' bar chart with its auto-width axis, tooltip and legend was one 180–230 ms task
 * when the first measurement arrived, in traces on this machine).
 */
export function ClassHistogram({
  generated,
  real,
  describedBy,
}: {
  /** Generated digits the classifier put in each class. */
  generated: readonly number[];
  /** Real held-out digits per class. */
  real: readonly number[];
  /** The id of the caption that says what the chart shows. */
  describedBy: string;
}) {
  const text = useText();
  const { shares, ticks, top } = classShares(generated, real);
  const height = (v: number) => `${(v / top) * 100}%`;
  // A tapped or focused class: its two shares in words (the hover title's, for touch).
  const [picked, setPicked] = useState<number | null>(null);
  const shown = picked === null ? undefined : shares.find((s) => s.digit === picked);
  return (
    <figure className="class-histogram" data-testid="class-histogram">
      <div className="histogram-plot">
        <div className="histogram-ticks" aria-hidden="true">
          {ticks.map((t) => (
            <span key={t} style={{ bottom: height(t) }}>
              {percent(t)}
            </span>
          ))}
        </div>
        <div className="histogram-area">
          {ticks.map((t) => (
            <div key={t} className="histogram-grid" style={{ bottom: height(t) }} />
          ))}
          <ol aria-describedby={describedBy}>
            {shares.map((s) => (
              <li
                key={s.digit}
                aria-label={text.quality.bar(s.digit, percent(s.generated), percent(s.real))}
                title={text.quality.barTitle(s.digit, percent(s.generated), percent(s.real))}
                tabIndex={0}
                aria-current={picked === s.digit ? 'true' : undefined}
                onClick={() => setPicked((p) => (p === s.digit ? null : s.digit))}
                onFocus={() => setPicked(s.digit)}
                onBlur={() => setPicked(null)}
              >
                <span
                  className="histogram-bar bar-generated"
                  style={{ height: height(s.generated), background: FAKE_COLOR }}
                />
                <span
                  className="histogram-bar bar-real"
                  style={{ height: height(s.real), background: REAL_COLOR }}
                />
              </li>
            ))}
          </ol>
        </div>
        <ol className="histogram-digits" aria-hidden="true">
          {shares.map((s) => (
            <li key={s.digit}>{s.digit}</li>
          ))}
        </ol>
      </div>
      <figcaption className="histogram-legend">
        <span>
          <span className="histogram-swatch" style={{ background: FAKE_COLOR }} />{' '}
          {text.quality.generatedKey}
        </span>
        <span>
          <span className="histogram-swatch" style={{ background: REAL_COLOR }} />{' '}
          {text.quality.realKey}
        </span>
        {shown ? (
          <span className="histogram-picked" data-testid="histogram-picked">
            {text.quality.bar(shown.digit, percent(shown.generated), percent(shown.real))}
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
