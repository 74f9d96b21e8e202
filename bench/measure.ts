import type { Page } from '@playwright/test';
import type { PlaygroundStatus } from '../src/state/testHandle.ts';

// How `npm run bench` measures a run on the built page: open a link and wait until it is ready,
// then steps per second over a window after the first (compiling) step.

export const GPU = process.env.BENCH_GPU === '1';
/** Seconds each speed is measured over, after the first (compiling) step. */
export const WINDOW_S = GPU ? 10 : 20;

export const status = (page: Page): Promise<PlaygroundStatus> =>
  page.evaluate(() => window.__playground!.status());

export async function open(page: Page, link: string): Promise<PlaygroundStatus> {
  await page.goto('about:blank');
  await page.goto(link);
  await page.waitForFunction(() => window.__playground?.status().phase === 'ready', null, {
    timeout: 300_000,
  });
  return status(page);
}

/** Starts training, waits out the first step, then counts steps over WINDOW_S seconds. */
export async function speed(page: Page): Promise<{
  stepsPerSec: number;
  firstStepMs: number | null;
  /** GPU dispatches and submits per step over the window (with `?faults=count-gpu`). */
  dispatchesPerStep: number | null;
  submitsPerStep: number | null;
}> {
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForFunction(() => window.__playground!.status().step >= 1, null, {
    timeout: 600_000,
  });
  const a = await status(page);
  const t0 = Date.now();
  await page.waitForTimeout(WINDOW_S * 1000);
  const b = await status(page);
  const seconds = (Date.now() - t0) / 1000;
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.waitForFunction(() => !window.__playground!.status().running, null, {
    timeout: 600_000,
  });
  const steps = b.step - a.step;
  const per = (key: 'dispatches' | 'submits') =>
    a.gpuCalls && b.gpuCalls && steps > 0 ? (b.gpuCalls[key] - a.gpuCalls[key]) / steps : null;
  return {
    stepsPerSec: steps / seconds,
    firstStepMs: a.firstStepMs,
    dispatchesPerStep: per('dispatches'),
    submitsPerStep: per('submits'),
  };
}

export const fixed = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : String(v));
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
