import { expect, test } from '@playwright/test';
import { chromiumArgs, findChromium } from './chromium.ts';
import { expectNoConsoleErrors, waitForReady, waitForStep, watchConsole } from './helpers.ts';

// Without --enable-unsafe-webgpu, navigator.gpu exists in the worker but requestAdapter()
// resolves to null: the page must fall back (WebGL, else CPU), say why, and still train.
test.use({
  launchOptions: { executablePath: findChromium(), args: chromiumArgs({ webgpu: false }) },
});

test('without WebGPU it falls back, shows the reason, and still trains', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/#hidden=32&batch=8');
  const ready = await waitForReady(page);
  expect(['webgl', 'cpu']).toContain(ready.backend);
  expect(ready.fallbackReason).toMatch(/WebGPU: no WebGPU adapter/);
  await expect(page.getByTestId('fallback')).toContainText('requestAdapter() returned null');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await waitForStep(page, 3);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  expectNoConsoleErrors(errors);
});
