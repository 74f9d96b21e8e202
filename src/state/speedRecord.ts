import type { BackendName, RunConfig } from '../config/schema.ts';
import { costKey } from '../config/costKey.ts';

// Steps a second measured in this browser, per setup and backend, so the page can state a
// measured fact ("WebGL ran this setup 3.7× faster here") rather than guess which backend is
// faster. Kept in localStorage: a speed measured on one backend is still true after the page
// reloads onto another.

/** A step count past the first steps' compiling and warm-up, where steps/s means something. */
export const MEASURED_AFTER = 30;
/** A setup's figure on a backend is rewritten at most this often (the page's status is ~10/s). */
export const REWRITE_MS = 5_000;
/** Setups remembered, the most recently measured first. */
const MAX_SETUPS = 40;
const KEY = 'playground.speeds';

export type Speeds = Partial<Record<BackendName, number>>;

/** Where the record is kept (localStorage, or a map in tests). */
export interface SpeedStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function browserStorage(): SpeedStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage refused (a sandboxed frame, a privacy setting)
  }
}

export class SpeedRecord {
  /** Setup key → the newest steps/s measured on each backend. In insertion order, oldest first. */
  private readonly table = new Map<string, Speeds>();
  /** When each setup-and-backend figure was last written (this page). */
  private readonly written = new Map<string, number>();

  constructor(
    private readonly storage: SpeedStorage | null = browserStorage(),
    private readonly now: () => number = () => performance.now(),
  ) {
    try {
      const saved: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
      if (!Array.isArray(saved)) return;
      for (const entry of saved) {
        if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
        const speeds = cleanSpeeds(entry[1]);
        if (speeds) this.table.set(entry[0], speeds);
      }
    } catch {
      // An unreadable record is an empty one.
    }
  }

  /** The speeds measured for this setup, by backend. */
  of(config: RunConfig): Speeds {
    return { ...this.table.get(costKey(config)) };
  }

  /**
   * A status of a run training on `backend`: its steps/s once past the warm-up. Returns whether
   * the record changed (by more than 5%, and not within REWRITE_MS of its last change) and was
   * written.
   */
  note(config: RunConfig, backend: BackendName, step: number, stepsPerSec: number): boolean {
    if (step < MEASURED_AFTER || !(stepsPerSec > 0) || !Number.isFinite(stepsPerSec)) return false;
    const key = costKey(config);
    const old = this.table.get(key) ?? {};
    const before = old[backend];
    if (before !== undefined && Math.abs(stepsPerSec - before) <= 0.05 * before) return false;
    const slot = `${key}|${backend}`;
    const last = this.written.get(slot);
    if (last !== undefined && this.now() - last < REWRITE_MS) return false;
    this.written.set(slot, this.now());
    this.table.delete(key);
    this.table.set(key, { ...old, [backend]: stepsPerSec });
    while (this.table.size > MAX_SETUPS) this.table.delete(this.table.keys().next().value!);
    try {
      this.storage?.setItem(KEY, JSON.stringify([...this.table]));
    } catch {
      // Full or refused storage: the record lives on for this page.
    }
    return true;
  }
}

function cleanSpeeds(value: unknown): Speeds | null {
  if (typeof value !== 'object' || value === null) return null;
  const out: Speeds = {};
  for (const name of ['webgpu', 'webgl', 'cpu'] as const) {
    const v = (value as Record<string, unknown>)[name];
    if (typeof v === 'number' && v > 0 && Number.isFinite(v)) out[name] = v;
  }
  return Object.keys(out).length ? out : null;
}

/** The fastest and the slowest of two or more measured backends, or null with fewer. */
export function speedGap(
  speeds: Speeds,
): { fast: BackendName; slow: BackendName; ratio: number } | null {
  const known = (Object.entries(speeds) as [BackendName, number][]).sort((a, b) => b[1] - a[1]);
  if (known.length < 2) return null;
  const [fast, fastest] = known[0]!;
  const [slow, slowest] = known.at(-1)!;
  return { fast, slow, ratio: fastest / slowest };
}
