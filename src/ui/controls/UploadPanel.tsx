import { useState } from 'react';
import { MAX_IMAGES, MAX_MEGAPIXELS } from '../../data/imageFiles.ts';
import type { UploadState } from '../../state/runStore.ts';
import { PixelCanvas } from '../canvas/PixelCanvas.tsx';
import { useText } from '../../i18n/text.ts';

/** Every file under a dropped folder (Chrome's entries API), depth first. */
async function filesOf(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (out.length > 2 * MAX_IMAGES) return; // enough to say how many were left out
  if (entry.isFile) {
    out.push(
      await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      ),
    );
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    // readEntries returns a batch at a time (100 in Chrome) until an empty one.
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return;
    for (const e of batch) await filesOf(e, out);
  }
}

async function droppedFiles(dt: DataTransfer): Promise<File[]> {
  const entries = Array.from(dt.items)
    .map((item) => item.webkitGetAsEntry?.() ?? null)
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return Array.from(dt.files);
  const out: File[] = [];
  for (const e of entries) await filesOf(e, out);
  return out;
}

/**
 * Your own images: pick files or a folder, or drop them. They are decoded off the main thread;
 * the panel shows a preview grid, the count, and every skipped file with the reason, and
 * training moves to them only when the person says so.
 */
export function UploadPanel({
  upload,
  onFiles,
  onUse,
}: {
  upload: UploadState;
  onFiles: (files: File[]) => void;
  onUse: () => void;
}) {
  const t = useText();
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? 'upload-panel drop-over' : 'upload-panel'}
      data-testid="upload-panel"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void droppedFiles(e.dataTransfer).then(onFiles);
      }}
    >
      <p className="small-text">{t.upload.drop(MAX_IMAGES.toLocaleString(t.lang.tag))}</p>
      <div className="button-row">
        <label className="file-button">
          {t.upload.pickImages}
          <input
            type="file"
            accept="image/*"
            multiple
            data-testid="upload-files"
            onChange={(e) => {
              onFiles(Array.from(e.target.files ?? []));
              e.target.value = '';
            }}
          />
        </label>
        <label className="file-button">
          {t.upload.pickFolder}
          <input
            type="file"
            multiple
            webkitdirectory=""
            onChange={(e) => {
              onFiles(Array.from(e.target.files ?? []));
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <UploadStatus upload={upload} onUse={onUse} />
    </div>
  );
}

function UploadStatus({ upload, onUse }: { upload: UploadState; onUse: () => void }) {
  const t = useText();
  if (upload.phase === 'empty') return null;
  if (upload.phase === 'decoding') {
    return (
      <p className="small-text" role="status">
        {t.upload.progress(upload.done, upload.total)}
        <progress value={upload.done} max={upload.total} aria-label={t.upload.decoding} />
      </p>
    );
  }
  if (upload.phase === 'failed') {
    return (
      <p className="small-text field-error" role="alert" data-testid="upload-message">
        {upload.problem === 'empty' ? t.upload.empty : t.upload.unreadable(upload.detail)}
      </p>
    );
  }
  const { count, overLimit, skipped, preview, inUse } = upload;
  return (
    <div className="upload-status">
      <p className="small-text" role="status" data-testid="upload-message">
        {t.upload.summary(count, skipped.length, overLimit, MAX_IMAGES)}
        {count < 2 ? t.upload.tooFew : null}
      </p>
      {skipped.length ? (
        <details className="small-text" data-testid="upload-skipped">
          <summary>{t.upload.skipped}</summary>
          <ul>
            {skipped.slice(0, 50).map((s, i) => (
              <li key={i}>
                {s.name}: {t.upload.why(s.why, s.detail, MAX_MEGAPIXELS)}
              </li>
            ))}
            {skipped.length > 50 ? <li>{t.upload.more(skipped.length - 50)}</li> : null}
          </ul>
        </details>
      ) : null}
      {preview ? (
        <PixelCanvas
          testId="upload-preview"
          image={preview}
          scale={1.5}
          label={t.upload.preview(Math.min(32, count), count)}
        />
      ) : null}
      <button type="button" className="primary" disabled={count < 2 || inUse} onClick={onUse}>
        {inUse ? t.upload.training(count) : t.upload.use(count)}
      </button>
    </div>
  );
}
