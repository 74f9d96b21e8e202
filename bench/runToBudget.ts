import type { Page } from '@playwright/test';
import type { RunConfig } from '../src/config/schema.ts';
import { toHash } from '../src/config/link.ts';

// A demo's link with a step budget, trained to the end in the page: what the bench of the
// demos (presets.spec.ts) and `npm run train:demos` both do before they read the scores.

export async function runToBudget(page: Page, config: RunConfig, timeout: number) {
  await page.goto(`/${toHash(config, { autoplay: true })}`);
  await page.waitForFunction(() => window.__playground?.status().phase === 'ready', null, {
    timeout: 300_000,
  });
  const t0 = Date.now();
  await page.waitForFunction(
    (n) => {
      // The last status of a run comes after its last pictures, evaluation and quality.
      const s = window.__playground!.status();
      return s.step >= n && !s.running;
    },
    config.steps,
    { timeout },
  );
  const seconds = (Date.now() - t0) / 1000;
  const handle = await page.evaluate(() => ({
    status: window.__playground!.status(),
    quality: window.__playground!.quality(),
    evaluations: window.__playground!.evaluations(),
  }));
  return { seconds, ...handle };
}
