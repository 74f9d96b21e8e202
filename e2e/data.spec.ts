import { expect, test, type Page } from '@playwright/test';
import {
  canvasStats,
  expectNoConsoleErrors,
  status,
  waitForReady,
  trainUntil,
  watchConsole,
} from './helpers.ts';

// The data sets beyond the full MNIST: the 2-D distributions and their GAN Lab-style view (on
// WebGPU when the link asks for it, and on the backend 'auto' picks), the digit filter, the
// colored shapes, and draw-your-own.

const plane = (page: Page) => page.evaluate(() => window.__playground!.plane());

test('a GAN on the 8-Gaussian ring trains on WebGPU, and each layer of the 2-D view toggles', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/#model=gan&data=ring&every=4&backend=webgpu');
  expect((await waitForReady(page)).backend).toBe('webgpu');
  await expect(page.getByTestId('plane')).toBeVisible();
  const before = (await plane(page))!;
  expect(before.step).toBe(0);
  await trainUntil(page, 8);
  await page.waitForFunction(() => window.__playground!.plane()!.step >= 8);
  const after = (await plane(page))!;
  expect([after.hasHeat, after.hasArrows, after.hasCodes]).toEqual([true, true, false]);
  expect(after.real).toEqual(before.real); // the same real sample, drawn each time
  expect(after.fake).not.toEqual(before.fake); // G moved its points
  // Real points of the ring lie near radius 1.2.
  for (let i = 0; i < after.real.length; i += 2) {
    expect(Math.abs(Math.hypot(after.real[i]!, after.real[i + 1]!) - 1.2)).toBeLessThan(0.35);
  }
  const losses = await page.evaluate(() => window.__playground!.losses());
  expect(losses.dLoss!.every(Number.isFinite)).toBe(true);

  // Each layer changes the picture when switched off; with all off the canvas is blank white.
  const all = await canvasStats(page, 'plane');
  expect(all.spread).toBeGreaterThan(5);
  const layers = [
    'Discriminator heatmap',
    'Generator manifold',
    'Real points',
    'Generated points',
    'Generator gradients',
  ];
  let last = all.hash;
  for (const name of layers) {
    await page.getByRole('checkbox', { name }).uncheck();
    const now = await canvasStats(page, 'plane');
    expect(now.hash, `switching off ${name} changes the view`).not.toBe(last);
    last = now.hash;
  }
  expect((await canvasStats(page, 'plane')).spread).toBeLessThan(0.5);
  await page.getByRole('checkbox', { name: 'Real points' }).check();
  expect((await canvasStats(page, 'plane')).spread).toBeGreaterThan(1);
  await page.screenshot({ path: test.info().outputPath('gan-ring.png') });
  expectNoConsoleErrors(errors);
});

test('a VAE on two moons: auto picks its backend, the codes panel shows, reconstruction falls', async ({
  page,
}) => {
  const errors = watchConsole(page);
  // Every text the activity line shows while the page prepares, however briefly.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { activities: string[] }).activities = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="activity"]')?.textContent;
      if (text && text !== seen.at(-1)) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const activities = () =>
    page.evaluate(() => (window as unknown as { activities: string[] }).activities);
  await page.goto('/#data=moons&lr=0.003');
  const s = await waitForReady(page);
  const data = await page.evaluate(() => window.__playground!.data());
  expect(data).toMatchObject({ kind: 'points', trainCount: 10_000 });
  if (s.isFallbackAdapter || (s.backend !== 'webgpu' && s.fallbackReason === null)) {
    // A software WebGPU adapter: 'auto' timed a whole training step of this setup on WebGPU
    // and on the CPU (not on WebGL, for 2-D points), kept the faster (WebGPU unless the CPU
    // is 1.5× faster), and says so with the times.
    const banner = page.getByTestId('auto-backend');
    await expect(banner).toContainText('Auto measured the backends on this setup');
    await expect(banner).toContainText(
      /one training step took [\d.]+ ms on WebGPU, [\d.]+ ms on CPU/,
    );
    await expect(banner).toContainText('WebGL is not timed on 2-D points');
    const { msPerStep, timed } = s.autoChoice!;
    expect(timed).toBe('step');
    expect(Object.keys(msPerStep).sort()).toEqual(['cpu', 'webgpu']);
    expect(s.backend).toBe(msPerStep.cpu! * 1.5 < msPerStep.webgpu! ? 'cpu' : 'webgpu');
    // While it timed them, the activity line said so.
    expect(await activities()).toContain(
      'Timing each backend on this setup, to train on the fastest (later visits reuse the result)…',
    );
  }
  await trainUntil(page, 60);
  const v = (await plane(page))!;
  expect([v.hasHeat, v.hasArrows, v.hasCodes]).toEqual([false, false, true]);
  expect((await canvasStats(page, 'codes')).spread).toBeGreaterThan(5);
  const recon = (await page.evaluate(() => window.__playground!.losses())).reconstruction!;
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  expect(mean(recon.slice(-10))).toBeLessThan(0.5 * mean(recon.slice(0, 10)));
  // Decoded prior samples against held-out points, charted with the losses: closer than at 0.
  const quality = await page.evaluate(() => window.__playground!.evaluations());
  expect(quality.steps[0]).toBe(0);
  const swd = quality.slicedWasserstein!;
  expect(swd.at(-1)!).toBeLessThan(swd[0]!);
  await expect(page.getByTestId('loss-chart')).toContainText('Sliced Wasserstein');
  // The architecture and the image loss do nothing for points: they are not offered.
  await expect(page.getByLabel('Architecture')).toHaveCount(0);
  await expect(page.getByLabel('Reconstruction loss')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('vae-moons.png') });
  if (s.autoChoice) {
    // Reloaded on the same browser and adapter, the probe's result is kept, not measured again.
    await page.reload();
    const again = await waitForReady(page);
    expect(again.backend).toBe(s.backend);
    expect(again.autoChoice).toEqual({
      ...s.autoChoice,
      probeMs: 0,
      measuredAt: expect.any(Number),
    });
    await expect(page.getByTestId('auto-backend')).toContainText('in this browser on');
    expect((await activities()).filter((a) => a.startsWith('Timing'))).toEqual([]);
  }
  expectNoConsoleErrors(errors);
});

test('draw your own: the drawn stroke becomes the data the model trains on', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/#model=gan&backend=cpu');
  await waitForReady(page);
  await page.getByLabel('Data set').selectOption('drawn');
  await expect(page).toHaveURL(/data=drawn&pts=/); // the starting drawing is in the link
  await page.waitForFunction(() =>
    window.__playground!.data()?.description.startsWith('Your drawing'),
  );

  // Clear the starting smiley, then paint a horizontal stroke across the upper-left quarter.
  const pad = page.getByTestId('draw-pad');
  await page.getByRole('button', { name: 'Clear' }).click();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.2);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await page.mouse.move(box.x + box.width * (0.1 + 0.015 * i), box.y + box.height * 0.2);
  }
  await page.mouse.up();
  await expect(page.getByText(/points · not used yet/)).toBeVisible();
  await page.getByRole('button', { name: 'Train on this drawing' }).click();
  await page.waitForFunction(() =>
    /^Your drawing: \d+ points/.test(window.__playground!.data()?.description ?? ''),
  );
  const drawnCount = Number(
    (await page.evaluate(() => window.__playground!.data()!.description)).match(/(\d+) points/)![1],
  );
  expect(drawnCount).toBeGreaterThan(5);
  await expect(page.getByText(/points · in use/)).toBeVisible();

  // Plane y = 2 − 4·0.2 = 1.2 and x in about [−1.6, −0.4]: every real sample lies near there.
  await page.waitForFunction(() => window.__playground!.plane() !== null);
  const real = (await plane(page))!.real;
  for (let i = 0; i < real.length; i += 2) {
    expect(real[i]!).toBeGreaterThan(-2);
    expect(real[i]!).toBeLessThan(0);
    expect(Math.abs(real[i + 1]! - 1.2)).toBeLessThan(0.45);
  }
  await trainUntil(page, 5);
  expect((await status(page)).error).toBeNull();
  // The new drawing travels in the link; reopening it gives the same data.
  const url = page.url();
  const again = await page.context().newPage();
  await again.goto(url);
  await waitForReady(again);
  await again.waitForFunction(() => window.__playground!.plane() !== null);
  expect((await plane(again))!.real).toEqual(real);
  await again.close();
  expectNoConsoleErrors(errors);
});

test('the digit filter and the colored shapes', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(`/#digits=${1 << 3}&batch=8&backend=cpu`);
  await waitForReady(page);
  await expect(page.getByText(/MNIST \(only 3\): \d+ training/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Digit 3' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Digit 3' })).toBeDisabled(); // the last one
  await page.getByRole('checkbox', { name: 'Digit 7' }).check();
  await expect(page).toHaveURL(new RegExp(`digits=${(1 << 3) | (1 << 7)}`));
  await expect(page.getByText(/MNIST \(only 3, 7\)/)).toBeVisible();

  await page.getByLabel('Data set').selectOption('shapes');
  await page.waitForFunction(() => window.__playground!.data()?.description.startsWith('Colored'));
  await page.waitForFunction(() => window.__playground!.imageStep() === 0);
  await trainUntil(page, 2);
  // Real shapes are colored: some pixel's channels differ widely.
  const colored = await page.getByTestId('second').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.max(d[i]!, d[i + 1]!, d[i + 2]!) - Math.min(d[i]!, d[i + 1]!, d[i + 2]!) > 100)
        return true;
    }
    return false;
  });
  expect(colored).toBe(true);
  expect((await canvasStats(page, 'samples')).spread).toBeGreaterThan(3);
  expectNoConsoleErrors(errors);
});
