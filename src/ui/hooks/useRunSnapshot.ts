import { useSyncExternalStore } from 'react';
import type { RunSnapshot, RunStore } from '../../state/runStore.ts';

export function useRunSnapshot(store: RunStore): RunSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
