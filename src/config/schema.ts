// Names shared by the page, the worker and the link code. Pure TS: no React, no tfjs.
import type { RunConfig } from './fields.ts';

export type { RunConfig } from './fields.ts';

export const BACKENDS = ['webgpu', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
/** How the page and the worker write each backend's name. */
export const BACKEND_LABEL: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  cpu: 'CPU',
};
/** 'auto' tries WebGPU, then WebGL, then CPU. */
export type BackendChoice = RunConfig['backend'];
export type ModelId = RunConfig['model'];
