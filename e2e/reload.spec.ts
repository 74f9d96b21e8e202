import { expect, test } from '@playwright/test';
import {
  decodedAt,
  expectNoConsoleErrors,
  status,
  trainUntil,
  waitForReady,
  waitForStep,
  watchConsole,
} from './helpers.ts';

// Nothing lost on a reload: the page keeps the link's newest weights and chart in IndexedDB
// while it trains, offers them when the same link opens again, and resumes only when asked.
// Storage that refuses is said once, and training goes on. Not about WebGPU: on the CPU.

const LINK = '/#backend=cpu&hidden=32&batch=8&quality=0&z=0.5%2C-0.5';
const kept = (page: import('@playwright/test').Page) =>
  page.evaluate(() => window.__playground!.kept());

test('a reload offers the run, which resumes with its step, chart and decoded image', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto(LINK);
  await waitForReady(page);
  await expect(page.getByTestId('resume-offer')).toHaveCount(0);
  await trainUntil(page, 20);
  const step = (await status(page)).step;
  const image = await decodedAt(page, step);
  const rows = await page.evaluate(() => window.__playground!.losses().steps.length);
  await expect.poll(async () => (await kept(page)).step, { timeout: 30_000 }).toBe(step);

  await page.reload();
  await waitForReady(page);
  expect((await status(page)).step).toBe(0); // offered, not resumed by itself
  const offer = page.getByTestId('resume-offer');
  await expect(offer).toContainText(`This link's run was kept at step ${step}`);
  // Taken up while a fresh run trains: the fresh run's steps do not end up in the chart.
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await waitForStep(page, 2);
  await offer.getByRole('button', { name: `Resume at step ${step}` }).click();
  await page.waitForFunction((s) => window.__playground!.status().step === s, step);
  await expect(offer).toHaveCount(0);
  expect(await decodedAt(page, step)).toBe(image);
  expect(await page.evaluate(() => window.__playground!.losses().steps.length)).toBe(rows);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitForStep(page, step + 1);

  // Start over sets it aside for good: the next visit offers nothing older than what trains now.
  await page.reload();
  await waitForReady(page);
  await page.getByTestId('resume-offer').getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByTestId('resume-offer')).toHaveCount(0);
  await page.reload();
  await waitForReady(page);
  await expect(page.getByTestId('resume-offer')).toHaveCount(0);
  expectNoConsoleErrors(errors);
});

test('storage that refuses is said once, and training goes on', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    };
  });
  const errors = watchConsole(page);
  await page.goto(LINK);
  await waitForReady(page);
  await trainUntil(page, 3);
  const note = page.getByTestId('kept-note');
  await expect(note).toHaveText(
    /^This run cannot be kept for a reload \(the quota has been exceeded\)\. Training goes on/,
  );
  await trainUntil(page, 8);
  await expect(note).toHaveCount(1);
  expect((await kept(page)).step).toBeNull();
  expectNoConsoleErrors(errors);
});
