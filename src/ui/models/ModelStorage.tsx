import { memo, useRef } from 'react';
import { DATA_SET_LABELS } from '../../config/datasets.ts';
import { MODELS } from '../../config/models.ts';
import type { RunController } from '../../state/runController.ts';
import type { ModelsState } from '../../state/runStore.ts';
import { parseLink } from '../../config/link.ts';
import type { SavedModelMeta } from '../../workers/messages.ts';

function describeSaved(m: SavedModelMeta): string {
  const { config } = parseLink('', m.hash);
  const when = new Date(m.savedAt).toLocaleString();
  return `${MODELS[config.model].label}, ${DATA_SET_LABELS[config.data]}, step ${m.step} · ${when}`;
}

/** Checkpoints in this browser, and the model as files to download or load. */
export const ModelStorage = memo(function ModelStorage({
  models,
  ready,
  controller,
}: {
  models: ModelsState;
  ready: boolean;
  controller: RunController;
}) {
  const input = useRef<HTMLInputElement>(null);
  const { list, note, busy } = models;
  const disabled = !ready || busy;
  return (
    <div className="model-storage">
      <h3>Keep your model</h3>
      <div className="button-row">
        <button type="button" onClick={() => controller.models.save()} disabled={disabled}>
          Save in this browser
        </button>
        <button type="button" onClick={() => controller.models.export()} disabled={disabled}>
          Download model files
        </button>
        <button type="button" onClick={() => input.current?.click()} disabled={disabled}>
          Load model files…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".json,.bin,application/json,application/octet-stream"
          hidden
          data-testid="import-files"
          aria-label="Model files to load (.json and .weights.bin)"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void controller.models.import(files);
          }}
        />
      </div>
      <p className="muted small-text">
        Files are tfjs layers models (a model.json and its weights per network), loadable with{' '}
        <code>tf.loadLayersModel</code>. Choose all of one download’s files to load them back.
      </p>
      {note ? (
        <p
          className={note.ok ? 'models-note' : 'models-note models-note-error'}
          role={note.ok ? 'status' : 'alert'}
          data-testid="models-note"
        >
          {note.text}
        </p>
      ) : null}
      {list.length ? (
        <ul className="checkpoints" data-testid="checkpoints">
          {list.map((m) => (
            <li key={m.id}>
              <span className="checkpoint-label">{describeSaved(m)}</span>
              <button
                type="button"
                onClick={() => controller.models.restore(m.id)}
                disabled={disabled}
              >
                Restore
              </button>
              <button
                type="button"
                onClick={() => controller.models.delete(m.id)}
                disabled={disabled}
                aria-label={`Delete the checkpoint of step ${m.step}`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small-text">No checkpoints saved in this browser yet.</p>
      )}
    </div>
  );
});
