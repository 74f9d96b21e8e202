import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceSharesCpu, PagePacer } from './pagePacer.ts';
import { backendInfo } from './backendInfo.fixture.ts';

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
  it('waits for the page to paint, or at most 200 ms', async () => {
    vi.useFakeTimers();
    const pacer = new PagePacer();
    pacer.painted(pacer.nextTicket()); // an answer with nobody waiting changes nothing
    let done = false;
    const first = pacer.nextTicket();
    void pacer.waitForPaint(first).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(150);
    expect(done).toBe(false);
    pacer.painted(first);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);

    done = false;
    void pacer.waitForPaint(pacer.nextTicket()).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(199);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1); // no answer (a busy or closing page): go on
    expect(done).toBe(true);
  });

  it('does not let a late answer end the next wait', async () => {
    vi.useFakeTimers();
    const pacer = new PagePacer();
    const late = pacer.nextTicket();
    void pacer.waitForPaint(late);
    await vi.advanceTimersByTimeAsync(200); // timed out: the next chunk trains
    let done = false;
    const next = pacer.nextTicket();
    void pacer.waitForPaint(next).then(() => (done = true));
    pacer.painted(late); // the first chunk's answer, queued while the second trained
    await vi.advanceTimersByTimeAsync(50);
    expect(done).toBe(false);
    pacer.painted(next);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });
});
