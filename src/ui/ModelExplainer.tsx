import { memo } from 'react';
import { MODELS } from '../config/models.ts';
import type { RunConfig } from '../config/schema.ts';
import { useText } from '../i18n/text.ts';

// A short panel per model: its objective written out, and what to watch for while it trains
// (the words, in each language, are in src/i18n).

export const ModelExplainer = memo(function ModelExplainer({ config }: { config: RunConfig }) {
  const t = useText();
  const family = MODELS[config.model].family;
  return (
    <div className="explainer" data-testid="explainer">
      <h3>{t.models[config.model]}</h3>
      {t.explainer[family](config)}
    </div>
  );
});
