import { messageOf } from '../../bridge/endpoint.ts';
import { MissingData } from '../../data/hostData.ts';
import type { FromWorker } from './protocol.ts';

/** A failure as the page is told it: its words, and what data is missing when that is why. */
export function errorMessage(e: unknown, fatal: boolean): FromWorker {
  const missing = e instanceof MissingData ? e.missing : undefined;
  return { type: 'error', message: messageOf(e), fatal, missing };
}
