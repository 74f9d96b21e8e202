import type { MetricName } from '../workers/train/protocol.ts';

// Every loss value received, per metric, in growable typed arrays (a few bytes a step), plus a
// down-sampled view for the chart so that drawing cost does not grow with the run's length.
// Memory is bounded too: past MAX_ROWS rows, the older half is averaged in pairs, so the newest
// steps stay exact and old ones grow coarser (a million steps keep ~100k rows, ~2 MB).

/** Rows kept at most (each: a step and one float per metric). */
export const MAX_ROWS = 100_000;

/** A history's rows: steps, and one column per metric. */
export interface HistoryRows {
  names: MetricName[];
  steps: Int32Array<ArrayBuffer>;
  cols: Float32Array<ArrayBuffer>[];
}

export interface ChartPoint {
  step: number;
  [metric: string]: number;
}

export class LossHistory {
  private names: MetricName[] = [];
  private steps = new Int32Array(1024);
  private cols: Float32Array[] = [];
  private n = 0;

  get length(): number {
    return this.n;
  }

  /** The step of the newest row (0 when there is none). */
  get lastStep(): number {
    return this.n > 0 ? this.steps[this.n - 1]! : 0;
  }

  get metricNames(): readonly MetricName[] {
    return this.names;
  }

  clear(): void {
    this.names = [];
    this.cols = [];
    this.n = 0;
  }

  /** A copy of the rows up to step `upTo` (every row by default), to keep (session restore). */
  rows(upTo = Infinity): HistoryRows {
    let n = this.n;
    while (n > 0 && this.steps[n - 1]! > upTo) n--;
    return {
      names: [...this.names],
      steps: this.steps.slice(0, n),
      cols: this.cols.map((c) => c.slice(0, n)),
    };
  }

  /** Replaces the history with kept rows (as rows() gave them). */
  load(rows: HistoryRows): void {
    this.clear();
    this.names = [...rows.names];
    this.n = rows.steps.length;
    this.steps = new Int32Array(Math.max(1024, this.n));
    this.steps.set(rows.steps);
    this.cols = rows.cols.map((c) => {
      const col = new Float32Array(this.steps.length);
      col.set(c);
      return col;
    });
  }

  /** Drops the rows after `step` (a run restored to that step goes on from there). */
  truncateAfter(step: number): void {
    while (this.n > 0 && this.steps[this.n - 1]! > step) this.n--;
  }

  /** Appends rows for consecutive steps starting at firstStep (row-major values). */
  append(firstStep: number, names: readonly MetricName[], values: Float32Array): void {
    if (this.names.join() !== names.join()) {
      this.clear();
      this.names = [...names];
      this.cols = names.map(() => new Float32Array(this.steps.length));
    }
    const rows = values.length / names.length;
    while (this.n > 0 && this.n + rows > MAX_ROWS) this.compactOlderHalf();
    this.reserve(this.n + rows);
    for (let r = 0; r < rows; r++) {
      this.steps[this.n] = firstStep + r;
      for (let c = 0; c < names.length; c++) this.cols[c]![this.n] = values[r * names.length + c]!;
      this.n++;
    }
  }

  /** The full series of one metric, as plain numbers (for the test handle). */
  series(name: MetricName): { steps: number[]; values: number[] } {
    const c = this.names.indexOf(name);
    if (c < 0) return { steps: [], values: [] };
    return {
      steps: Array.from(this.steps.subarray(0, this.n)),
      values: Array.from(this.cols[c]!.subarray(0, this.n)),
    };
  }

  /**
   * At most maxPoints points for the chart: each point averages a run of consecutive steps
   * (so noise is smoothed, not aliased), and the newest step is always included.
   */
  chartPoints(maxPoints: number): ChartPoint[] {
    const bucket = Math.max(1, Math.ceil(this.n / maxPoints));
    const points: ChartPoint[] = [];
    for (let start = 0; start < this.n; start += bucket) {
      const end = Math.min(this.n, start + bucket);
      const p: ChartPoint = { step: this.steps[end - 1]! };
      this.names.forEach((name, c) => {
        let sum = 0;
        for (let i = start; i < end; i++) sum += this.cols[c]![i]!;
        p[name] = sum / (end - start);
      });
      points.push(p);
    }
    return points;
  }

  /** Averages the older half of the rows in pairs (each pair keeps its later step). */
  private compactOlderHalf(): void {
    const half = Math.floor(this.n / 2) & ~1; // an even count of old rows
    const pairs = half / 2;
    for (let p = 0; p < pairs; p++) {
      this.steps[p] = this.steps[2 * p + 1]!;
      for (const col of this.cols) col[p] = (col[2 * p]! + col[2 * p + 1]!) / 2;
    }
    this.steps.copyWithin(pairs, half, this.n);
    for (const col of this.cols) col.copyWithin(pairs, half, this.n);
    this.n -= pairs;
  }

  private reserve(size: number): void {
    if (size <= this.steps.length) return;
    let cap = this.steps.length;
    while (cap < size) cap *= 2;
    const grow = <T extends Int32Array | Float32Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.steps = grow(this.steps, (k) => new Int32Array(k));
    this.cols = this.cols.map((col) => grow(col, (k) => new Float32Array(k)));
  }
}

/**
 * The chart points with, on each, the newest evaluation made at or before its step, so the
 * held-out curve is drawn on the same step axis as the training losses it is compared with.
 */
export function withEvaluations(points: ChartPoint[], evaluations: LossHistory): ChartPoint[] {
  const names = evaluations.metricNames;
  if (names.length === 0 || evaluations.length === 0) return points;
  const series = names.map((n) => evaluations.series(n));
  const steps = series[0]!.steps;
  let e = -1;
  return points.map((p) => {
    while (e + 1 < steps.length && steps[e + 1]! <= p.step) e++;
    if (e < 0) return p;
    const out: ChartPoint = { ...p };
    names.forEach((n, i) => (out[n] = series[i]!.values[e]!));
    return out;
  });
}

/**
 * Exponential moving average of each named series over the points, as TensorBoard smooths:
 *   s₀ = x₀,  sₜ = α·sₜ₋₁ + (1 − α)·xₜ.   α = 0 leaves the points as they are.
 */
export function smoothPoints(
  points: ChartPoint[],
  names: readonly string[],
  alpha: number,
): ChartPoint[] {
  if (alpha <= 0) return points;
  const last = new Map<string, number>();
  return points.map((p) => {
    const out: ChartPoint = { ...p };
    for (const n of names) {
      const x = p[n];
      if (x === undefined || !Number.isFinite(x)) continue;
      const prev = last.get(n);
      const s = prev === undefined ? x : alpha * prev + (1 - alpha) * x;
      last.set(n, s);
      out[n] = s;
    }
    return out;
  });
}

/** For a log axis: values ≤ 0 (a WGAN critic's loss) cannot be drawn, so they are left out. */
export function positiveOnly(points: ChartPoint[], names: readonly string[]): ChartPoint[] {
  return points.map((p) => {
    const out: ChartPoint = { step: p.step };
    for (const n of names) if (p[n] !== undefined && p[n] > 0) out[n] = p[n];
    return out;
  });
}
