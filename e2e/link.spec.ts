import { expect, test } from '@playwright/test';
import { status, waitForReady, waitForStep } from './helpers.ts';

test('backend=cpu in the link forces the CPU backend', async ({ page }) => {
  await page.goto('/?backend=cpu#hidden=32&batch=8');
  const ready = await waitForReady(page);
  expect(ready.backend).toBe('cpu');
  expect(ready.fallbackReason).toBeNull();
  await expect(page.getByTestId('backend')).toHaveText('CPU');
  await expect(page.getByTestId('forced')).toContainText('backend=cpu');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitForStep(page, 1);
  expect((await status(page)).running).toBe(false);
});

test('bad values in the link fall back to defaults with a notice', async ({ page }) => {
  await page.goto('/?backend=cpu#batch=-5&lr=abc&latent=2&seed=<img src=x onerror=alert(1)>&zzz=1');
  await waitForReady(page);
  const notices = page.getByTestId('notices');
  await expect(notices).toContainText('batch: "-5"');
  await expect(notices).toContainText('lr: "abc"');
  await expect(notices).toContainText('seed: "<img src=x onerror=alert(1)>"');
  await expect(notices).not.toContainText('zzz');
  // No image but the page's own (a demo's trained samples, public/trained/).
  await expect(page.locator('img:not([src^="trained/"])')).toHaveCount(0);
  expect(await page.evaluate(() => window.__playground!.notices())).toHaveLength(3);
  expect((await status(page)).error).toBeNull();
});

test('New seed picks another seed, restarts the run with it, and the link keeps it', async ({
  page,
}) => {
  await page.goto('/#hidden=32&batch=8&backend=cpu');
  await waitForReady(page);
  const seed = page.getByLabel('Seed', { exact: true });
  await expect(seed).toHaveValue('42');
  await page.getByRole('button', { name: 'New seed' }).click();
  await expect(seed).not.toHaveValue('42');
  const value = await seed.inputValue();
  await expect(page).toHaveURL(new RegExp(`seed=${value}`));
  await page.waitForFunction(() => window.__playground!.imageStep() === 0);
  expect((await status(page)).error).toBeNull();
});
