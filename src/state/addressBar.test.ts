import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultsFor } from '../config/models.ts';
import { AddressBar, runHash, type LinkSink } from './addressBar.ts';
import { RunStore } from './runStore.ts';

// When the link is written: a slider drag changes it many times a second, and each
// history.replaceState costs milliseconds of a busy main thread.

/** A fake address bar: the hashes written, and idle callbacks that run 20 ms later. */
function fakeSink() {
  const written: string[] = [];
  const sink: LinkSink = {
    replace: (hash) => written.push(hash),
    whenIdle: (fn) => {
      const id = setTimeout(fn, 20);
      return () => clearTimeout(id);
    },
    onHide: () => {},
  };
  return { written, sink };
}

function setup() {
  const store = new RunStore(defaultsFor('vae'), [], new Float32Array(), [0, 0]);
  const { written, sink } = fakeSink();
  const bar = new AddressBar(
    (config) => runHash(store, config),
    sink,
    () => Date.now(),
  );
  /** What a slider drag does: a new latent code, then `writeSoon`. */
  const move = (z: number[]) => {
    store.update({ explorer: { ...store.getSnapshot().explorer, z } }, true);
    bar.writeSoon();
  };
  return { store, bar, written, move };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', () => 0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('AddressBar', () => {
  it('a drag writes the link once, with the last position, after it rests', () => {
    const { written, move } = setup();
    for (let i = 1; i <= 20; i++) {
      move([i / 10, 0]); // one move every 50 ms for a second
      vi.advanceTimersByTime(50);
    }
    expect(written).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(written).toHaveLength(1);
    expect(written[0]).toContain(encodeURIComponent('2,0'));
    vi.advanceTimersByTime(5000);
    expect(written).toHaveLength(1);
  });

  it('a drag that never rests still reaches the link every two seconds or so', () => {
    const { written, move } = setup();
    for (let i = 0; i < 100; i++) {
      move([i / 100, 1]); // 5 s of moves, 50 ms apart
      vi.advanceTimersByTime(50);
    }
    // Written at ~2.0 s and ~4.0 s (the max wait plus the idle wait), not every 250 ms.
    expect(written.length).toBeGreaterThanOrEqual(2);
    expect(written.length).toBeLessThanOrEqual(3);
  });

  it('flush writes a waiting change at once, and nothing when none waits', () => {
    const { written, bar, move } = setup();
    bar.flush();
    expect(written).toEqual([]);
    move([0.5, -1.5]);
    bar.flush();
    expect(written).toEqual([`#z=${encodeURIComponent('0.5,-1.5')}`]);
    vi.advanceTimersByTime(5000); // the cancelled timer writes nothing more
    expect(written).toHaveLength(1);
  });

  it('write skips a hash already written, but always writes the first (even an empty one)', () => {
    const { written, bar, store } = setup(); // defaults and z = 0: the empty hash
    bar.write();
    bar.write();
    expect(written).toEqual(['']);
    bar.write({ ...store.getSnapshot().config, seed: 7 });
    expect(written[1]).toContain('seed=7');
  });
});
