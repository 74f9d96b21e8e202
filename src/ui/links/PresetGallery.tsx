import { memo } from 'react';
import { PRESETS } from '../../config/presets.ts';
import { toHash } from '../../config/link.ts';
import { COMPARE_DEMOS, compareDemo } from '../../config/compare.ts';
import { useText } from '../../i18n/text.ts';

/** The demos: plain links that open the setup and start training (autoplay=1). */
export const PresetGallery = memo(function PresetGallery() {
  const t = useText();
  return (
    <nav className="presets" aria-label={t.app.demos}>
      <span className="presets-label">{t.app.demosLabel}</span>
      {PRESETS.map((p) => (
        <a
          key={p.id}
          className="preset"
          href={toHash(p.config, { autoplay: true })}
          title={t.presets[p.id].blurb}
          data-preset={p.id}
        >
          {t.presets[p.id].title}
        </a>
      ))}
      {COMPARE_DEMOS.map((d) => {
        const { setups, shared } = compareDemo(d);
        return (
          <a
            key={d.id}
            className="preset preset-compare"
            href={toHash(shared, { compare: setups, autoplay: true })}
            title={t.compareDemos[d.id].blurb}
            data-preset={d.id}
          >
            {t.compareDemos[d.id].title}
          </a>
        );
      })}
    </nav>
  );
});
