import { memo } from 'react';
import type { FieldKey } from '../../config/fields.ts';
import { MODELS } from '../../config/models.ts';
import type { RunConfig } from '../../config/schema.ts';
import type { RunController } from '../../state/runController.ts';
import type { UploadState } from '../../state/runStore.ts';
import { dataKind } from '../../config/datasets.ts';
import { DataControls } from './DataControls.tsx';
import { FieldControl } from './FieldControl.tsx';
import { useText } from '../../i18n/text.ts';

const images = (c: RunConfig) => dataKind(c.data) === 'image';
const dense = (c: RunConfig) => c.arch === 'dense' || !images(c);
/** The small conv VAE and autoencoder have an activation knob and a Dense(hidden) layer. */
const smallConvCoder = (c: RunConfig) =>
  c.arch === 'conv' && images(c) && MODELS[c.model].family !== 'gan';

/** Fields shown only when they do something under the other choices. */
const SHOWN_WHEN: Partial<Record<FieldKey, (c: RunConfig) => boolean>> = {
  gp: (c) => c.loss === 'wgangp',
  bn: (c) => !dense(c),
  b1: (c) => c.opt === 'adam',
  b2: (c) => c.opt === 'adam',
  layers: dense,
  // The article's networks are fixed; the small conv ones keep two knobs.
  hidden: (c) => dense(c) || smallConvCoder(c),
  act: (c) => dense(c) || smallConvCoder(c),
  // 2-D points always use dense networks and a Gaussian decoder.
  arch: images,
  recon: images,
};

/**
 * The model picker and every parameter the chosen model declares (src/config/models.ts),
 * built from the field table. Fields that do nothing under the current choices (β2 without
 * Adam, λ without WGAN-GP) are hidden.
 */
export const ConfigControls = memo(function ConfigControls({
  controller,
  config,
  drawn,
  upload,
}: {
  controller: RunController;
  config: RunConfig;
  drawn: Float32Array;
  upload: UploadState;
}) {
  const t = useText();
  const onChange = (k: FieldKey, v: number | string) => controller.setField(k, v);
  const info = MODELS[config.model];
  return (
    <div className="config-controls">
      <fieldset className="model-picker">
        <legend>{t.controls.model}</legend>
        {Object.values(MODELS).map((m) => (
          <label key={m.id} className="radio">
            <input
              type="radio"
              name="model"
              value={m.id}
              checked={config.model === m.id}
              onChange={() => controller.setModel(m.id)}
            />
            {t.models[m.id]}
          </label>
        ))}
      </fieldset>
      <DataControls
        config={config}
        drawn={drawn}
        upload={upload}
        onChange={onChange}
        onDrawn={(p) => controller.setDrawn(p)}
        onFiles={(f) => void controller.decodeUpload(f)}
        onUseUpload={() => controller.trainOnUpload()}
      />
      <div className="field-grid">
        {info.params
          .filter((k) => SHOWN_WHEN[k]?.(config) ?? true)
          .map((k) => (
            <FieldControl
              key={k}
              name={k}
              value={config[k]}
              onChange={onChange}
              action={
                k === 'seed' ? (
                  <button
                    type="button"
                    title={t.controls.newSeedTitle}
                    onClick={() => onChange('seed', Math.floor(Math.random() * 2 ** 31))}
                  >
                    {t.controls.newSeed}
                  </button>
                ) : null
              }
            />
          ))}
      </div>
      <details className="run-options">
        <summary>{t.controls.runOptions}</summary>
        <div className="field-grid">
          {(['every', 'quality', 'steps', 'backend'] as const).map((k) => (
            <FieldControl key={k} name={k} value={config[k]} onChange={onChange} />
          ))}
        </div>
      </details>
    </div>
  );
});
