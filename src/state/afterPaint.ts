/**
 * Calls `fn` once the page has painted what it has been given so far: after two animation
 * frames. The store hands the worker's messages to React in an animation frame asked for
 * before ours (runStore.ts), so the redraw lands in the first; the second comes after that
 * frame was painted. A hidden page paints nothing and gets no frames: there `fn` runs at once.
 */
export function afterPaint(fn: () => void): void {
  if (document.hidden) {
    setTimeout(fn, 0);
    return;
  }
  requestAnimationFrame(() => requestAnimationFrame(() => fn()));
}
