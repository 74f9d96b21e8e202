// An IndexedDB request as a promise: the page's kept runs (state/keptRuns.ts) and the worker's
// kept probe results (workers/shared/probeMemory.ts).

export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('the browser storage failed'));
  });
}
