import type { FieldKey } from '../../config/fields.ts';
import { MODELS } from '../../config/models.ts';
import type { ModelId, RunConfig } from '../../config/schema.ts';
import { FieldControl } from './FieldControl.tsx';

const GAN_ONLY_WITH: Partial<Record<FieldKey, (c: RunConfig) => boolean>> = {
  gp: (c) => c.loss === 'wgangp',
  b1: (c) => c.opt === 'adam',
  b2: (c) => c.opt === 'adam',
  layers: (c) => c.arch === 'dense',
  hidden: (c) => c.arch === 'dense' || c.model !== 'gan',
};

/**
 * The model picker and every parameter the chosen model declares (src/config/models.ts),
 * built from the field table. Fields that do nothing under the current choices (β2 without
 * Adam, λ without WGAN-GP) are hidden.
 */
export function ConfigControls({
  config,
  onChange,
  onModel,
}: {
  config: RunConfig;
  onChange: (key: FieldKey, value: number | string) => void;
  onModel: (model: ModelId) => void;
}) {
  const info = MODELS[config.model];
  return (
    <div className="config-controls">
      <fieldset className="model-picker">
        <legend>Model</legend>
        {Object.values(MODELS).map((m) => (
          <label key={m.id} className="radio">
            <input
              type="radio"
              name="model"
              value={m.id}
              checked={config.model === m.id}
              onChange={() => onModel(m.id)}
            />
            {m.label}
          </label>
        ))}
      </fieldset>
      <div className="field-grid">
        {info.params
          .filter((k) => GAN_ONLY_WITH[k]?.(config) ?? true)
          .map((k) => (
            <FieldControl key={k} name={k} value={config[k]} onChange={onChange} />
          ))}
      </div>
      <details className="run-options">
        <summary>Run options</summary>
        <div className="field-grid">
          {(['every', 'steps', 'backend'] as const).map((k) => (
            <FieldControl key={k} name={k} value={config[k]} onChange={onChange} />
          ))}
        </div>
      </details>
    </div>
  );
}
