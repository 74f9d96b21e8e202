import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultsFor } from '../config/models.ts';
import type { WeightSnapshot } from '../workers/messages.ts';
import type { KeptRun, KeptRunStore } from './keptRuns.ts';
import { KEEP_EVERY_MS, ROW_WAIT_MS, RunKeeper } from './runKeeper.ts';
import { RunStore } from './runStore.ts';
import { en } from '../i18n/en.tsx';
import { say } from '../i18n/said.ts';

// Keeping a run for a reload, against a Map: written at a bounded rate with the newest snapshot
// winning, offered (never resumed by itself) on the next visit to the same link, its chart
// history back with it; storage that refuses is said once, and nothing else changes.

afterEach(() => vi.useRealTimers());

class MapStore implements KeptRunStore {
  readonly runs = new Map<string, KeptRun>();
  puts = 0;
  refuse = false;
  async get(key: string) {
    return this.runs.get(key) ?? null;
  }
  async put(run: KeptRun) {
    this.puts++;
    if (this.refuse) throw new DOMException('the quota is exceeded', 'QuotaExceededError');
    this.runs.set(run.key, structuredClone(run));
  }
  async remove(key: string) {
    this.runs.delete(key);
  }
}

const snap = (step: number): WeightSnapshot => ({
  step,
  networks: [{ role: 'encoder', specs: [], data: new Float32Array([step]).buffer }],
});

function setup(config = defaultsFor('vae')) {
  vi.useFakeTimers();
  const store = new RunStore(config, [], new Float32Array(), null);
  const kept = new MapStore();
  let t = 0;
  const keeper = new RunKeeper(store, kept, () => t);
  const advance = async (ms: number) => {
    t += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };
  return { store, kept, keeper, advance };
}

describe('RunKeeper', () => {
  it('writes at most once per interval, and the newest snapshot always lands', async () => {
    const { store, kept, keeper, advance } = setup();
    store.history.append(1, ['reconstruction'], new Float32Array([5]));
    keeper.snapshot(snap(0)); // a new run's weights: nothing to resume
    keeper.snapshot(snap(1));
    await advance(0);
    expect(kept.puts).toBe(1);
    for (let s = 2; s <= 10; s++) {
      keeper.snapshot(snap(s));
      store.history.append(s, ['reconstruction'], new Float32Array([5]));
      await advance(KEEP_EVERY_MS / 10);
    }
    expect(kept.puts).toBe(1); // steps 2–10 came within the interval: none written yet
    await advance(KEEP_EVERY_MS);
    expect(kept.puts).toBe(2); // one write at the interval's end, of the newest
    const run = [...kept.runs.values()][0]!;
    expect(run.step).toBe(10);
    expect(store.getSnapshot().kept).toEqual({ step: 10, note: null });
    expect(Array.from(run.history.steps)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps a snapshot with the chart as it was at its step: it waits for the rows that follow it', async () => {
    const { store, kept, keeper, advance } = setup();
    const rows = (first: number, n: number) =>
      store.history.append(first, ['reconstruction'], new Float32Array(n).fill(first));
    rows(1, 20);
    keeper.snapshot(snap(29)); // the chunk of steps 21–29: its rows come just after
    await advance(0);
    expect(kept.puts).toBe(0);
    rows(21, 12); // rows up to step 32 arrive (a next chunk's too)
    await advance(ROW_WAIT_MS);
    expect(kept.puts).toBe(1);
    const steps = Array.from([...kept.runs.values()][0]!.history.steps);
    expect(steps).toEqual(Array.from({ length: 29 }, (_, i) => i + 1)); // none past step 29

    // Rows that never come (a chart cleared meanwhile): kept after a bounded wait, not lost.
    store.history.clear();
    keeper.snapshot(snap(40));
    await advance(KEEP_EVERY_MS);
    await advance(50 * ROW_WAIT_MS);
    expect(kept.puts).toBe(2);
    expect([...kept.runs.values()][0]!.step).toBe(40);
  });

  it('offers the same link’s run on the next visit, and resumes its chart only when asked', async () => {
    const first = setup();
    first.store.history.append(1, ['reconstruction', 'kl'], new Float32Array([9, 1, 8, 2]));
    first.keeper.snapshot(snap(2));
    await first.advance(0);

    const next = new RunStore(defaultsFor('vae'), [], new Float32Array(), null);
    const keeper = new RunKeeper(next, first.kept);
    await keeper.offer();
    expect(next.getSnapshot().resumeOffer).toMatchObject({ step: 2 });
    expect(next.history.length).toBe(0); // offered, not resumed
    const run = keeper.takeOffer()!;
    expect(new Float32Array(run.snapshot.networks[0]!.data)[0]).toBe(2);
    next.history.load(run.history);
    expect(next.history.series('kl')).toEqual({ steps: [1, 2], values: [1, 2] });
    expect(next.getSnapshot().resumeOffer).toBeNull();

    // Another setup is another slot: nothing offered.
    const other = new RunStore({ ...defaultsFor('vae'), latent: 8 }, [], new Float32Array(), null);
    await new RunKeeper(other, first.kept).offer();
    expect(other.getSnapshot().resumeOffer).toBeNull();

    // Start over drops it.
    await keeper.forget();
    expect(first.kept.runs.size).toBe(0);
  });

  it('storage that refuses is said once, and writing stops', async () => {
    const { store, kept, keeper, advance } = setup();
    kept.refuse = true;
    store.history.append(1, ['reconstruction'], new Float32Array([1, 2, 3, 4]));
    keeper.snapshot(snap(1));
    await advance(0);
    const note = store.getSnapshot().kept.note;
    expect(say(en, note!)).toMatch(
      /^This run cannot be kept for a reload \(the quota is exceeded\)\. Training goes on/,
    );
    for (let s = 2; s < 5; s++) {
      keeper.snapshot(snap(s));
      await advance(KEEP_EVERY_MS);
    }
    expect(kept.puts).toBe(1);
    expect(store.getSnapshot().kept.note).toBe(note);
  });

  it('the person’s own images are not in the link, so their runs are not kept', async () => {
    const { kept, keeper, advance } = setup({ ...defaultsFor('vae'), data: 'upload' });
    keeper.snapshot(snap(3));
    await advance(KEEP_EVERY_MS);
    expect(kept.puts).toBe(0);
  });
});
