import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultsFor } from '../config/models.ts';
import { RunStore } from './runStore.ts';

// The page's store while the tab is hidden: the browser runs no animation frames, so the
// worker's messages pile into the store without a redraw, and the return brings one redraw.

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('RunStore', () => {
  it('a hidden tab gets one redraw on return, not a burst of queued updates', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const store = new RunStore(defaultsFor('vae'), [], new Float32Array(), null);
    const redraws = vi.fn();
    store.subscribe(redraws);
    const names = ['reconstruction', 'kl', 'total'] as const;
    for (let chunk = 0; chunk < 200; chunk++) {
      store.receive({
        type: 'metrics',
        firstStep: chunk * 10 + 1,
        names: [...names],
        values: new Float32Array(30).fill(chunk),
      });
      store.receive({
        type: 'status',
        running: true,
        step: chunk * 10 + 10,
        stepsPerSec: 5,
        firstStepMs: 100,
        numTensors: 40,
        numBytes: 4e6,
        gpuCalls: null,
        paintTicket: null,
      });
    }
    // Hidden: no frame has run, so nothing was redrawn, but nothing was lost either.
    expect(redraws).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    expect(store.history.length).toBe(2000);
    // Visible again: the one pending frame redraws once, with the newest state.
    frames.shift()!(0);
    expect(redraws).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().step).toBe(2000);
  });

  it('a restored snapshot keeps the chart up to its step; a reset clears it', () => {
    const store = new RunStore(defaultsFor('ae'), [], new Float32Array(), null);
    store.receive({
      type: 'metrics',
      firstStep: 1,
      names: ['reconstruction'],
      values: Float32Array.from({ length: 40 }, (_, i) => i),
    });
    store.receive({ type: 'reset', keepUpTo: 25 });
    expect(store.history.length).toBe(25);
    expect(store.getSnapshot().step).toBe(25);
    store.receive({ type: 'reset', keepUpTo: null });
    expect(store.history.length).toBe(0);
  });

  it('redraws the charts at most every 100 ms, and always with the newest losses', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => cb(0));
    const store = new RunStore(defaultsFor('ae'), [], new Float32Array(), null);
    const metrics = (firstStep: number) =>
      store.receive({
        type: 'metrics',
        firstStep,
        names: ['reconstruction'],
        values: Float32Array.of(firstStep),
      });
    metrics(1); // the first losses draw at once
    expect(store.getSnapshot().lossVersion).toBe(1);
    vi.advanceTimersByTime(30);
    metrics(2);
    metrics(3);
    expect(store.getSnapshot().lossVersion).toBe(1); // 30 ms after a redraw: they wait
    vi.advanceTimersByTime(69);
    expect(store.getSnapshot().lossVersion).toBe(1);
    vi.advanceTimersByTime(1); // 100 ms after the last redraw: one more, with both
    expect(store.getSnapshot().lossVersion).toBe(2);
    expect(store.history.length).toBe(3);
    vi.advanceTimersByTime(500);
    expect(store.getSnapshot().lossVersion).toBe(2); // nothing new, no redraw
    metrics(4); // long after: at once again
    expect(store.getSnapshot().lossVersion).toBe(3);
  });

  it("draws a chunk's training and held-out losses in one redraw, in the frame they came in", () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const store = new RunStore(defaultsFor('vae'), [], new Float32Array(), null);
    const redraws = vi.fn();
    store.subscribe(() => redraws(store.getSnapshot().lossVersion));
    const chunk = (step: number) => {
      store.receive({
        type: 'metrics',
        firstStep: step,
        names: ['reconstruction'],
        values: Float32Array.of(step),
      });
      store.receive({
        type: 'evaluation',
        step,
        names: ['heldOutReconstruction'],
        values: Float32Array.of(step),
      });
    };
    chunk(10);
    expect(frames).toHaveLength(1);
    frames.shift()!(0);
    expect(redraws.mock.calls).toEqual([[2]]); // one frame, with both kinds of losses
    expect(store.evaluations.length).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(frames).toHaveLength(0); // no later redraw of the held-out losses on their own
    // Losses while a drawn bump is under 100 ms old still wait for the throttle.
    chunk(20);
    frames.shift()!(0);
    vi.advanceTimersByTime(30);
    chunk(30);
    expect(store.getSnapshot().lossVersion).toBe(4);
    vi.advanceTimersByTime(70);
    expect(store.getSnapshot().lossVersion).toBe(5);
  });

  it('keeps the newest code map until a new run or data set', () => {
    const store = new RunStore(defaultsFor('vae'), [], new Float32Array(), null);
    const map = (step: number) => ({
      step,
      extent: 4,
      codes: new Float32Array(4),
      labels: Uint8Array.of(3, 7),
      density: { res: 2, values: new Float32Array(4), kind: 'aggregate' as const },
      outside: 0,
      kl: 1.5,
    });
    store.receive({ type: 'codeMap', map: map(20) });
    store.receive({ type: 'codeMap', map: map(40) });
    expect(store.getSnapshot().codeMap?.step).toBe(40);
    store.receive({ type: 'reset', keepUpTo: 40 }); // a restored snapshot: the same run
    expect(store.getSnapshot().codeMap?.step).toBe(40);
    store.receive({ type: 'reset', keepUpTo: null });
    expect(store.getSnapshot().codeMap).toBeNull();
  });
});
