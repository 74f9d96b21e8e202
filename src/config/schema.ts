// Names shared by the page, the worker and the link code. Pure TS: no React, no tfjs.
import type { RunConfig } from './fields.ts';

export type { RunConfig } from './fields.ts';

export const BACKENDS = ['webgpu', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
/** 'auto' tries WebGPU, then WebGL, then CPU. */
export type BackendChoice = RunConfig['backend'];
export type ModelId = RunConfig['model'];
