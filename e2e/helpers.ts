import { expect, type Page } from '@playwright/test';
import type { PlaygroundStatus } from '../src/state/testHandle.ts';

// Shared steps of the end-to-end specs: read the page's test handle, watch the console, and
// look at canvases the way a person would (are there pixels, did they change).

export function status(page: Page): Promise<PlaygroundStatus> {
  return page.evaluate(() => window.__playground!.status());
}

export async function waitForReady(page: Page): Promise<PlaygroundStatus> {
  await page.waitForFunction(() => window.__playground?.status().phase === 'ready', null, {
    timeout: 120_000,
  });
  return status(page);
}

export async function waitForStep(page: Page, atLeast: number): Promise<number> {
  await page.waitForFunction((n) => window.__playground!.status().step >= n, atLeast, {
    timeout: 180_000,
  });
  return (await status(page)).step;
}

/** Trains from where the run is until at least `steps`, then pauses and waits for it to stop. */
export async function trainUntil(page: Page, steps: number): Promise<void> {
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await waitForStep(page, steps);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.waitForFunction(() => !window.__playground!.status().running);
}

/**
 * Presses the mouse on the middle of a latent slider and keeps it down: returns where, so the
 * caller drags along it (and lets go).
 */
export async function grabSlider(
  page: Page,
  label: string,
): Promise<{ box: { x: number; y: number; width: number; height: number }; y: number }> {
  const slider = page.getByLabel(label);
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  return { box, y };
}

/** The explorer's decoded image once the weights of `step` made it: a fingerprint of its pixels. */
export async function decodedAt(page: Page, step: number): Promise<number> {
  await page.waitForFunction(
    (s) => {
      const d = window.__playground!.latent().decode;
      return d?.image === true && d.step === s;
    },
    step,
    { timeout: 120_000 },
  );
  return page.evaluate(() => window.__playground!.latent().decode!.pixels);
}

/**
 * Records main-thread long tasks from now on (a second call starts the list again); returns a
 * getter of their durations (ms).
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; longTaskObserver?: PerformanceObserver };
    w.longTaskObserver?.disconnect();
    w.longTasks = [];
    w.longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    });
    w.longTaskObserver.observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => [...(window as unknown as { longTasks: number[] }).longTasks]);
}

/** Collects console errors and uncaught exceptions, from the page and its worker. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return errors;
}

export interface CanvasStats {
  width: number;
  height: number;
  /** Standard deviation of the gray levels: ~0 for a blank canvas. */
  spread: number;
  /** A cheap fingerprint of the pixels, to tell two moments apart. */
  hash: number;
}

export async function canvasStats(page: Page, testId: string): Promise<CanvasStats> {
  return page.getByTestId(testId).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    let sq = 0;
    let hash = 0;
    const n = d.length / 4;
    for (let i = 0; i < d.length; i += 4) {
      sum += d[i]!;
      sq += d[i]! * d[i]!;
      hash = (Math.imul(hash, 31) + d[i]!) | 0;
    }
    const mean = sum / n;
    return { width: c.width, height: c.height, spread: Math.sqrt(sq / n - mean * mean), hash };
  });
}

export function expectNoConsoleErrors(errors: string[]): void {
  expect(errors, `console errors:\n${errors.join('\n')}`).toEqual([]);
}
