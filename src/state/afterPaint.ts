import { whenRedrawn } from './pendingRedraws.ts';

/** The longest waits for the chart's redraw, then for an idle main thread (the worker waits). */
const REDRAW_TIMEOUT_MS = 150;
const IDLE_TIMEOUT_MS = 150;

/**
 * Calls `fn` once the page has painted what it has been given so far and has settled: after
 * two animation frames, then when the main thread is idle. The store hands the worker's
 * messages to React in an animation frame asked for before ours (runStore.ts), so the redraw
 * lands in the first; the second comes after that frame was painted. The loss chart's redraw
 * is a transition that React splits into several short tasks (LossChart.tsx), some after the
 * paint: `whenRedrawn` waits for the chart to say it is done, then the idle callback for the
 * rest. A hidden page paints nothing and gets no frames: there `fn` runs at once.
 */
export function afterPaint(fn: () => void): void {
  if (document.hidden) {
    setTimeout(fn, 0);
    return;
  }
  const whenIdle = (f: () => void) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => f(), { timeout: IDLE_TIMEOUT_MS })
      : setTimeout(f, 0);
  requestAnimationFrame(() =>
    requestAnimationFrame(() => whenRedrawn(() => whenIdle(fn), REDRAW_TIMEOUT_MS)),
  );
}
