import { expect, test } from '@playwright/test';
import { expectNoConsoleErrors, status, waitForReady, watchConsole } from './helpers.ts';

// A setup too heavy for the machine (the DCGAN at the largest batch, minutes a step on a
// software adapter) says so before its first step: about how long a step will take here, and
// the quicker setups one click away. On WebGPU, where the estimate's speed is timed.

test('a heavy setup shows its step estimate before its first step, and offers quicker ones', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/?backend=webgpu#model=gan&arch=conv&batch=512&quality=0');
  expect((await waitForReady(page)).backend).toBe('webgpu');
  const banner = page.getByTestId('step-estimate');
  await expect(banner).toContainText(
    /One training step of this setup will take about [\d.]+ (sec|min|hr) here/,
  );
  await expect(banner).toContainText(
    /GFLOP a step; this backend trained a convolution at [\d.]+ GFLOP\/s/,
  );
  expect((await status(page)).step).toBe(0);
  test.info().annotations.push({
    type: 'estimate',
    description: (await banner.innerText()).replace(/\s+/g, ' '),
  });

  // The quicker setup is one click: a smaller batch, whose estimate follows.
  await banner.getByRole('button', { name: /^batch 16 \(about .* a step\)$/ }).click();
  await expect(page).toHaveURL(/batch=16/);
  await page.waitForFunction(() => window.__playground!.status().step === 0);
  await expect(
    page.getByTestId('step-estimate').getByRole('button', { name: /^batch 16/ }),
  ).toHaveCount(0);
  expectNoConsoleErrors(errors);
});
