// Which x the "true posterior" view shows (workers/train/posteriorView.ts computes it): a
// held-out digit by its index, or a point of the 2-D plane. In the link as `posterior=` with the
// index (`posterior=3`) or the point (`posterior=0.5,-1.25`); `posterior=1`… is a digit too, so
// a point always has its comma.

export type PosteriorTarget =
  { kind: 'digit'; index: number } | { kind: 'point'; x: number; y: number };

/** The largest index a link may ask for (MNIST keeps 1,000 held-out digits). */
export const MAX_DIGIT_INDEX = 999;
/** How far from the origin a point may be (the 2-D view shows ±2). */
export const POINT_LIMIT = 4;

/** The view's first x: the first held-out digit, or a point (on the top of the upper moon). */
export const POSTERIOR_START: Record<'image' | 'points', PosteriorTarget> = {
  image: { kind: 'digit', index: 0 },
  points: { kind: 'point', x: -0.5, y: 0.75 },
};

/** `posterior=`'s value read: the target, or null when it is not one (the page says so). */
export function parsePosterior(text: string): PosteriorTarget | null {
  const parts = text.split(',');
  if (parts.length === 1) {
    const index = Number(parts[0]);
    return /^\d+$/.test(parts[0]!) && index <= MAX_DIGIT_INDEX ? { kind: 'digit', index } : null;
  }
  if (parts.length !== 2 || parts.some((p) => p.trim() === '')) return null;
  const [x = NaN, y = NaN] = parts.map(Number);
  const ok = [x, y].every((v) => Number.isFinite(v) && Math.abs(v) <= POINT_LIMIT);
  return ok ? { kind: 'point', x, y } : null;
}

/** Two decimals are finer than a pixel of the 2-D view. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;

export const posteriorText = (t: PosteriorTarget): string =>
  t.kind === 'digit' ? String(t.index) : `${round2(t.x)},${round2(t.y)}`;

/** Whether a target fits a kind of data (a digit index for images, a point for 2-D data). */
export const targetFits = (t: PosteriorTarget, kind: 'image' | 'points'): boolean =>
  (t.kind === 'digit') === (kind === 'image');
