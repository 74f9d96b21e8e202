import type { DigitQuality } from './protocol.ts';

// Messages between the training worker and the digit judge's worker (judge.worker.ts).

export type ToJudge =
  | { type: 'init'; classifierUrl: string }
  | { type: 'real'; id: number; images: Float32Array<ArrayBuffer>; count: number }
  | { type: 'compare'; id: number; images: Float32Array<ArrayBuffer>; count: number };

export type FromJudge =
  | { id: number; ok: true; quality: DigitQuality | null }
  | { id: number; ok: false; message: string };
