import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceSharesCpu, PagePacer } from './pagePacer.ts';
import { backendInfo } from '../../testing/backendInfo.ts';

afterEach(() => vi.useRealTimers());

describe('deviceSharesCpu', () => {
  it('is true for software devices only', () => {
    const swiftshader = backendInfo('webgpu', 'google / swiftshader', true);
    expect(deviceSharesCpu('webgpu', swiftshader)).toBe(true);
    expect(deviceSharesCpu('webgpu', backendInfo('webgpu', 'nvidia / hopper', false))).toBe(false);
    // The 2-D data's automatic CPU backend, whatever the first backend was.
    expect(deviceSharesCpu('cpu', backendInfo('webgpu', 'nvidia / hopper', false))).toBe(true);
    expect(
      deviceSharesCpu('webgl', backendInfo('webgl', 'WebGL 2.0 / SwiftShader Device', null)),
    ).toBe(true);
    expect(deviceSharesCpu('webgl', backendInfo('webgl', 'WebGL 2.0 / ANGLE (NVIDIA)', null))).toBe(
      false,
    );
    expect(deviceSharesCpu('webgpu', null)).toBe(false);
  });
});

describe('PagePacer', () => {
  /** Starts a paced post; returns its ticket and a flag set once the wait ends. */
  function paced(pacer: PagePacer): { ticket: number; done: () => boolean } {
    let ticket = -1;
    let done = false;
    void pacer.postAndWait(true, (t) => (ticket = t ?? -1)).then(() => (done = true));
    return { ticket, done: () => done };
  }

  it('waits for the page to paint, or at most 200 ms', async () => {
    vi.useFakeTimers();
    const pacer = new PagePacer();
    pacer.painted(1); // an answer with nobody waiting changes nothing
    const first = paced(pacer);
    expect(first.ticket).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(150);
    expect(first.done()).toBe(false);
    pacer.painted(first.ticket);
    await vi.advanceTimersByTimeAsync(0);
    expect(first.done()).toBe(true);

    const second = paced(pacer);
    expect(second.ticket).not.toBe(first.ticket);
    await vi.advanceTimersByTimeAsync(199);
    expect(second.done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1); // no answer (a busy or closing page): go on
    expect(second.done()).toBe(true);
  });

  it('does not let a late answer end the next wait', async () => {
    vi.useFakeTimers();
    const pacer = new PagePacer();
    const late = paced(pacer);
    await vi.advanceTimersByTimeAsync(200); // timed out: the next chunk trains
    expect(late.done()).toBe(true);
    const next = paced(pacer);
    pacer.painted(late.ticket); // the first chunk's answer, queued while the second trained
    await vi.advanceTimersByTimeAsync(50);
    expect(next.done()).toBe(false);
    pacer.painted(next.ticket);
    await vi.advanceTimersByTimeAsync(0);
    expect(next.done()).toBe(true);
  });

  it('does not wait where the device has cores of its own', async () => {
    const pacer = new PagePacer();
    let sent: number | null | undefined;
    await pacer.postAndWait(false, (t) => (sent = t)); // resolves without any answer
    expect(sent).toBeNull();
  });
});
