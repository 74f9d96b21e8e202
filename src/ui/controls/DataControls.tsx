import { dataKind } from '../../config/datasets.ts';
import type { FieldKey } from '../../config/fields.ts';
import type { RunConfig } from '../../config/schema.ts';
import { DrawPad } from '../plane/DrawPad.tsx';
import { DigitPicker } from './DigitPicker.tsx';
import { FieldControl } from './FieldControl.tsx';
import { UploadPanel } from './UploadPanel.tsx';
import type { UploadState } from '../../state/runStore.ts';
import { useText } from '../../i18n/text.ts';

/** The data set picker and its options: the digit filter, the drawing pad, upload sizes. */
export function DataControls({
  config,
  drawn,
  upload,
  onChange,
  onDrawn,
  onFiles,
  onUseUpload,
}: {
  config: RunConfig;
  drawn: Float32Array;
  upload: UploadState;
  onChange: (key: FieldKey, value: number | string) => void;
  onDrawn: (points: Float32Array) => void;
  onFiles: (files: File[]) => void;
  onUseUpload: () => void;
}) {
  const t = useText();
  return (
    <fieldset className="data-controls">
      <legend>{t.controls.data}</legend>
      <FieldControl name="data" value={config.data} onChange={onChange} />
      {config.data === 'mnist' ? (
        <DigitPicker mask={config.digits} onChange={(m) => onChange('digits', m)} />
      ) : null}
      {config.data === 'drawn' ? (
        <>
          <DrawPad drawn={drawn} onUse={onDrawn} />
          <FieldControl name="spread" value={config.spread} onChange={onChange} />
        </>
      ) : null}
      {config.data === 'upload' ? (
        <>
          <FieldControl name="usize" value={config.usize} onChange={onChange} />
          <UploadPanel upload={upload} onFiles={onFiles} onUse={onUseUpload} />
        </>
      ) : null}
      {dataKind(config.data) === 'points' ? (
        <p className="muted small-text">{t.controls.points2d}</p>
      ) : null}
    </fieldset>
  );
}
