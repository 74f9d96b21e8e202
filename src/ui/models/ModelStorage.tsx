import { memo, useRef } from 'react';
import type { RunController } from '../../state/runController.ts';
import type { ModelsState } from '../../state/runStore.ts';
import { parseLink } from '../../config/link.ts';
import type { SavedModelMeta } from '../../workers/messages.ts';
import type { Lang } from '../../config/lang.ts';
import type { Catalog } from '../../i18n/catalog.ts';
import { formatDate } from '../../i18n/format.ts';
import { useText } from '../../i18n/text.ts';
import { say } from '../../i18n/said.ts';

function describeSaved(t: Catalog, lang: Lang, m: SavedModelMeta): string {
  const { config } = parseLink('', m.hash);
  const when = formatDate(lang, m.savedAt);
  return t.storage.saved(t.models[config.model], t.options.data[config.data], m.step, when);
}

/** Checkpoints in this browser, and the model as files to download or load. */
export const ModelStorage = memo(function ModelStorage({
  models,
  ready,
  lang,
  controller,
}: {
  models: ModelsState;
  ready: boolean;
  lang: Lang;
  controller: RunController;
}) {
  const t = useText();
  const input = useRef<HTMLInputElement>(null);
  const { list, note, busy } = models;
  const disabled = !ready || busy;
  return (
    <div className="model-storage">
      <h3>{t.storage.title}</h3>
      <div className="button-row">
        <button type="button" onClick={() => controller.models.save()} disabled={disabled}>
          {t.storage.save}
        </button>
        <button type="button" onClick={() => controller.models.export()} disabled={disabled}>
          {t.storage.download}
        </button>
        <button type="button" onClick={() => input.current?.click()} disabled={disabled}>
          {t.storage.load}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".json,.bin,application/json,application/octet-stream"
          hidden
          data-testid="import-files"
          aria-label={t.storage.loadLabel}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void controller.models.import(files);
          }}
        />
      </div>
      <p className="muted small-text">{t.storage.about()}</p>
      {note ? (
        <p
          className={note.ok ? 'models-note' : 'models-note models-note-error'}
          role={note.ok ? 'status' : 'alert'}
          data-testid="models-note"
        >
          {say(t, note.text)}
        </p>
      ) : null}
      {list.length ? (
        <ul className="checkpoints" data-testid="checkpoints">
          {list.map((m) => (
            <li key={m.id}>
              <span className="checkpoint-label">{describeSaved(t, lang, m)}</span>
              <button
                type="button"
                onClick={() => controller.models.restore(m.id)}
                disabled={disabled}
              >
                {t.storage.restore}
              </button>
              <button
                type="button"
                onClick={() => controller.models.delete(m.id)}
                disabled={disabled}
                aria-label={t.storage.deleteLabel(m.step)}
              >
                {t.storage.delete}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small-text">{t.storage.none}</p>
      )}
    </div>
  );
});
