import { useCallback, useSyncExternalStore } from 'react';
import { BACKEND_LABEL } from '../../config/schema.ts';
import type { CompareColumn } from '../../state/compare/compareColumn.ts';
import { useText } from '../../i18n/text.ts';

/** The status line of compare mode: each run's step, its steps/s and its backend. */
export function CompareStatus({
  columns,
  names,
}: {
  columns: readonly CompareColumn[];
  names: readonly string[];
}) {
  const t = useText();
  const subscribe = useCallback(
    (fn: () => void) => {
      const offs = columns.map((c) => c.store.subscribe(fn));
      return () => offs.forEach((off) => off());
    },
    [columns],
  );
  // A string, so the line renders only when what it says changes.
  const line = useSyncExternalStore(
    subscribe,
    useCallback(
      () =>
        JSON.stringify(
          columns.map((c) => {
            const s = c.store.getSnapshot();
            return [s.step, s.stepsPerSec.toFixed(1), s.backend?.name ?? null];
          }),
        ),
      [columns],
    ),
  );
  const runs = JSON.parse(line) as [number, string, keyof typeof BACKEND_LABEL | null][];
  const backends = [...new Set(runs.map((r) => r[2]).filter((b) => b !== null))];
  return (
    <div className="status-bar" role="status" aria-live="off" data-testid="status">
      {runs.map(([step, speed, backend], i) => (
        <span key={i} className="status-item" data-testid={`status-run-${i}`}>
          {t.compare.run(names[i]!, step, speed, backend ? BACKEND_LABEL[backend] : '…')}
        </span>
      ))}
      {backends.length === 1 && runs.length > 1 ? (
        <span className="status-item muted">
          {t.compare.sharing(runs.length, BACKEND_LABEL[backends[0]!])}
        </span>
      ) : null}
    </div>
  );
}
