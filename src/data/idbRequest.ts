// IndexedDB as promises: the page's kept runs (state/keptRuns.ts) and the worker's kept probe
// results (workers/shared/probeMemory.ts).

export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('the browser storage failed'));
  });
}

/** A database's one object store, created by `create` on first use (version 1). */
export interface StoreAt {
  db: string;
  store: string;
  create: (db: IDBDatabase) => void;
}

/**
 * `fn` on the store in a transaction of `mode`; resolves with its result once the transaction
 * has completed (what it wrote is stored), and closes the database.
 */
export async function withStore<T>(
  at: StoreAt,
  mode: IDBTransactionMode,
  fn: (store: IDBObjectStore) => Promise<T>,
): Promise<T> {
  const opening = indexedDB.open(at.db, 1);
  opening.onupgradeneeded = () => at.create(opening.result);
  const db = await request(opening);
  try {
    const tx = db.transaction(at.store, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('the browser storage failed'));
    });
    const result = await fn(tx.objectStore(at.store));
    await done;
    return result;
  } finally {
    db.close();
  }
}
