import { memo } from 'react';
import { PRESETS } from '../../config/presets.ts';
import { toHash } from '../../config/link.ts';

/** The demos: plain links that open the setup and start training (autoplay=1). */
export const PresetGallery = memo(function PresetGallery() {
  return (
    <nav className="presets" aria-label="Demos">
      <span className="presets-label">Demos:</span>
      {PRESETS.map((p) => (
        <a
          key={p.id}
          className="preset"
          href={toHash(p.config, { autoplay: true })}
          title={p.blurb}
          data-preset={p.id}
        >
          {p.title}
        </a>
      ))}
    </nav>
  );
});
