// Redraws that end after the frame that began them. The loss chart redraws as a React
// transition (LossChart.tsx): its render, its commit and recharts' store updates after the
// commit run in later tasks, sometimes after the next paint. afterPaint waits for them, so
// that the worker's next chunk does not train while the chart is still drawing (pagePacer.ts).

const pending = new Set<object>();
let waiters: (() => void)[] = [];

/** `view` has begun a redraw that ends in a later task. */
export function redrawStarted(view: object): void {
  pending.add(view);
}

/** `view` has finished its redraw (or is gone). */
export function redrawFinished(view: object): void {
  if (!pending.delete(view) || pending.size > 0) return;
  const ready = waiters;
  waiters = [];
  for (const fn of ready) fn();
}

/** Calls `fn` once no redraw is pending (at once if none is), or after `timeoutMs` at most. */
export function whenRedrawn(fn: () => void, timeoutMs: number): void {
  if (pending.size === 0) return fn();
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    clearTimeout(timer);
    fn();
  };
  const timer = setTimeout(once, timeoutMs);
  waiters.push(once);
}
