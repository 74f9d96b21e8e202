// Round axis ticks, computed here because recharts computes its own "nice" ticks with decimal.js
// at every redraw: a fifth of a loss-chart redraw's time in a profile of training.

export interface AxisTicks {
  domain: [number, number];
  ticks: number[];
}

/** Steps between ticks: 1, 2 or 5 times a power of ten. */
const MULTIPLES = [1, 2, 5, 10];

/**
 * About `count` ticks 1, 2 or 5 × 10^k apart that cover [min, max], the domain ending on the
 * first and last. `integer` keeps the step at least 1 (an axis of steps). Null without values.
 */
export function niceTicks(min: number, max: number, count = 5, integer = false): AxisTicks | null {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) return null;
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1; // a flat line: a band around it
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = MULTIPLES.find((m) => m * power >= raw)! * power;
  if (integer) step = Math.max(1, Math.round(step));
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  const ticks: number[] = [];
  // i × step, not a running sum: 0.1 + 0.2 would drift from 0.3.
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/**
 * Ticks at the powers of ten that cover [min, max] on a log axis (min > 0): at least one decade.
 * Null without a positive value.
 */
export function logTicks(min: number, max: number): AxisTicks | null {
  if (!(min > 0) || !Number.isFinite(max) || min > max) return null;
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
  const ticks: number[] = [];
  for (let k = lo; k <= hi; k++) ticks.push(Number((10 ** k).toPrecision(12)));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/**
 * The ticks to draw for values in [lo, hi], given the ticks drawn now (`shown`). They are kept
 * while they hold the values and the values span at least half of them: new step ticks make
 * recharts lay the chart out again, a synchronous task of 20–50 ms here, and new value ticks
 * move every label. New ticks leave room (`headroom` × the values' span) beyond each end the
 * values outgrew, so a growing run or a falling loss gets new ticks a few times per tenfold
 * change rather than at every chunk of steps.
 */
export function grownTicks(
  shown: AxisTicks | null,
  lo: number,
  hi: number,
  make: (lo: number, hi: number) => AxisTicks | null,
  headroom: number,
): AxisTicks | null {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) return make(lo, hi);
  if (shown) {
    const [d0, d1] = shown.domain;
    if (lo >= d0 && hi <= d1) {
      if (hi - lo >= 0.5 * (d1 - d0)) return shown;
      return make(lo, hi); // the values shrank (smoothing, a hidden line): fit them again
    }
    const room = headroom * (hi - lo);
    // Only an end the values crossed moves, and never past zero (losses stay positive).
    const ext = (v: number, by: number) => (v * (v + by) < 0 ? 0 : v + by);
    return make(lo < d0 ? ext(lo, -room) : lo, hi > d1 ? ext(hi, room) : hi);
  }
  return make(lo, hi);
}

/** About six whole-step ticks over [lo, hi]. */
const stepTicks = (lo: number, hi: number) => niceTicks(lo, hi, 6, true);

/**
 * The step axis of a run's first 100 steps: its lines grow across it. Fitted to the steps
 * instead, it would get new ticks at steps 1, 2, 4, 7, 13, 21, 41 and 81, each a recharts
 * redraw of 20–50 ms while the person watches the first steps.
 */
export const FIRST_STEPS = stepTicks(0, 100)!;

/** The step axis's ticks for steps `first` to `last`: FIRST_STEPS, then grown (grownTicks). */
export function stepAxisTicks(shown: AxisTicks | null, first: number, last: number): AxisTicks {
  // (No steps yet, first = Infinity and last = -Infinity, are in the first window too.)
  if (first >= 0 && last <= FIRST_STEPS.domain[1]) return FIRST_STEPS;
  return grownTicks(shown, first, last, stepTicks, 0.5) ?? FIRST_STEPS;
}

/**
 * Where a value lies on axis `a`: 0 at its first tick, 1 at its last (on a log axis, by decades;
 * NaN for a value ≤ 0 there, which breaks the line). The loss chart's value axes are recharts
 * axes over [0, 1] that never change: new ticks move our labels, not recharts' layout.
 */
export function unitOn(a: AxisTicks, log: boolean): (v: number) => number {
  if (log) {
    const [l0, l1] = [Math.log10(a.domain[0]), Math.log10(a.domain[1])];
    return (v) => (v > 0 ? (Math.log10(v) - l0) / (l1 - l0) : NaN);
  }
  const [d0, d1] = a.domain;
  return (v) => (v - d0) / (d1 - d0);
}

/** The smallest and largest finite value of `keys` over `points`. */
export function extent<P extends Record<string, number>>(
  points: readonly P[],
  keys: readonly string[],
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    for (const k of keys) {
      const v = p[k];
      if (v === undefined || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

/** Same domain and ticks, value by value (recharts compares an axis's ticks by identity). */
export function sameAxisTicks(a: AxisTicks | null, b: AxisTicks | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.ticks.length !== b.ticks.length) return false;
  return (
    a.domain[0] === b.domain[0] &&
    a.domain[1] === b.domain[1] &&
    a.ticks.every((t, i) => t === b.ticks[i])
  );
}
