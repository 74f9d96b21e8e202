import type { BackendInfo } from '../workers/messages.ts';

/** A backend as the worker reports it, for tests: chosen by the chain, nothing forced. */
export const backendInfo = (
  name: BackendInfo['name'],
  adapter: string,
  isFallbackAdapter: boolean | null,
): BackendInfo => ({
  name,
  adapter,
  isFallbackAdapter,
  fallbackReason: null,
  forced: false,
  autoChoice: null,
});
