import type { Said } from '../i18n/said.ts';
import type { ModelNote } from '../workers/train/protocol.ts';

/** What a checkpoint or model-file action did, to say in the page's language. */
export function modelNote(note: ModelNote | null): { text: Said; ok: boolean } | null {
  if (!note) return null;
  switch (note.kind) {
    case 'saved':
    case 'restored':
      return { text: (t) => t.storage.notes[note.kind](note.step), ok: true };
    case 'deleted':
      return { text: (t) => t.storage.notes.deleted, ok: true };
    case 'loaded':
      return { text: (t) => t.storage.notes.loaded(note.roles), ok: true };
    case 'failed':
      return { text: (t) => t.storage.notes.failed(note.action, note.reason), ok: false };
    case 'noStorage':
    case 'refused':
      return { text: (t) => t.storage.notes[note.kind](note.reason), ok: false };
  }
}
