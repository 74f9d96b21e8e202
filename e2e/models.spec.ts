import { expect, test, type Page } from '@playwright/test';
import { PRESETS } from '../src/config/presets.ts';
import { toHash } from '../src/config/link.ts';
import {
  canvasStats,
  expectNoConsoleErrors,
  status,
  waitForReady,
  waitForStep,
  trainUntil,
  watchConsole,
} from './helpers.ts';

// Every model family of the registry trains and draws a non-blank grid; controls built from the
// catalog change the run (a learning rate without a reset, a model with one). The picker and
// its controls are the page's, whatever the backend: they run on the CPU here. The dense
// autoencoder, VAE and GAN train on WebGPU in compare.spec, through our kernels in
// fusedKernels.spec and kernelParity.spec; the convolutional networks on WebGPU below.

async function switchModel(page: Page, label: string, hash: RegExp): Promise<void> {
  await page.getByRole('radio', { name: label, exact: true }).check();
  await expect(page).toHaveURL(hash);
  await page.waitForFunction(() => window.__playground!.status().step === 0);
  await page.waitForFunction(() => window.__playground!.imageStep() === 0);
}

test('the autoencoder and the GAN train from the model picker', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/#backend=cpu');
  expect((await waitForReady(page)).backend).toBe('cpu');

  await switchModel(page, 'Autoencoder', /#model=ae&backend=cpu$/);
  await expect(page.getByTestId('explainer')).toContainText('not a generative model');
  await trainUntil(page, 3);
  const ae = await page.evaluate(() => window.__playground!.losses());
  expect(Object.keys(ae).sort()).toEqual(['reconstruction', 'steps']);
  expect((await canvasStats(page, 'samples')).spread).toBeGreaterThan(5);
  await expect(page.getByTestId('second')).toHaveAccessibleName(/reconstructions/);

  await switchModel(page, 'GAN', /#model=gan&backend=cpu$/);
  // The GAN's own defaults (the article's Adam 2e-4, β1 = 0.5) show in its controls.
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.0002');
  await expect(page.getByLabel('Adam β1')).toHaveValue('0.5');
  await trainUntil(page, 3);
  const gan = await page.evaluate(() => window.__playground!.losses());
  expect(Object.keys(gan).sort()).toEqual(['dFake', 'dLoss', 'dReal', 'gLoss', 'steps']);
  for (const k of ['dFake', 'dReal'] as const) {
    for (const p of gan[k]!) expect(p).toBeGreaterThanOrEqual(0);
  }
  expect((await canvasStats(page, 'samples')).spread).toBeGreaterThan(5);
  await expect(page.getByTestId('second')).toHaveAccessibleName(/Real training images/);

  // A learning-rate change applies mid-run: the link updates, the run goes on without a reset.
  const before = (await status(page)).step;
  const lr = page.getByLabel('Learning rate', { exact: true });
  await lr.fill('0.0005');
  await expect(page).toHaveURL(/#model=gan&backend=cpu&lr=0.0005$/);
  await trainUntil(page, before + 2);
  const after = await page.evaluate(() => window.__playground!.losses());
  expect(after.steps[0]).toBe(1);
  expect(after.steps.length).toBeGreaterThan(gan.steps.length);

  // An invalid value says why, and changes nothing.
  await lr.fill('7');
  await expect(page.getByText('A number from 0.000001 to 1')).toBeVisible();
  await expect(page).toHaveURL(/lr=0.0005$/);

  expectNoConsoleErrors(errors);
});

// The convolutional networks: slow on SwiftShader (seconds to compile, seconds a step), so a
// step each, at a small batch. The DCGAN runs its demo's setup (the article's
// networks) at batch 2: the demo test in share.spec leaves its steps here. The digit quality is
// measured elsewhere (quality.spec): off here, so a step is a step.
const dcganDemo = PRESETS.find((p) => p.id === 'dcgan')!;
for (const [name, link, arch] of [
  ['the small convolutional VAE', '/#arch=conv&batch=8&quality=0', 'conv'],
  ['the article’s DCGAN', `/${toHash({ ...dcganDemo.config, batch: 2, quality: 0 })}`, 'article'],
] as const) {
  test(`${name} takes a step on WebGPU and draws its grid`, async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(`/?backend=webgpu${link.slice(1)}`);
    expect((await waitForReady(page)).backend).toBe('webgpu');
    await expect(page.getByLabel('Architecture')).toHaveValue(arch);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForStep(page, 1);
    await page.waitForFunction(() => window.__playground!.imageStep() === 1);
    expect((await canvasStats(page, 'samples')).spread).toBeGreaterThan(5);
    const { steps, ...series } = await page.evaluate(() => window.__playground!.losses());
    expect(steps).toEqual([1]);
    const values = Object.values(series).flat();
    expect(values.length).toBeGreaterThan(1);
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
    expectNoConsoleErrors(errors);
  });
}
