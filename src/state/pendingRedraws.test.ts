import { afterEach, describe, expect, it, vi } from 'vitest';
import { redrawFinished, redrawStarted, whenRedrawn } from './pendingRedraws.ts';

afterEach(() => vi.useRealTimers());

describe('whenRedrawn', () => {
  it('runs at once with no redraw pending, else once the last one finishes', () => {
    const fn = vi.fn();
    whenRedrawn(fn, 150);
    expect(fn).toHaveBeenCalledTimes(1);

    const chart = {};
    const other = {};
    redrawStarted(chart);
    redrawStarted(other);
    const later = vi.fn();
    whenRedrawn(later, 150);
    redrawFinished(chart);
    expect(later).not.toHaveBeenCalled(); // the other view still draws
    redrawFinished(other);
    expect(later).toHaveBeenCalledTimes(1);
    redrawFinished(other); // finishing twice calls nothing again
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('gives up waiting after the timeout, and calls once only', () => {
    vi.useFakeTimers();
    const stuck = {};
    redrawStarted(stuck);
    const fn = vi.fn();
    whenRedrawn(fn, 150);
    vi.advanceTimersByTime(149);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    redrawFinished(stuck);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
