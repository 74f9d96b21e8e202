import { expect, test, type Page } from '@playwright/test';
import { canvasStats, expectNoConsoleErrors, grabSlider, watchConsole } from './helpers.ts';

// Compare mode: the article's three families trained side by side from one link, one latent
// code decoded by every model while a slider is dragged, the encoders' class-colored code maps;
// and a bad compare link that says what it changed and trains what is valid.

type Runs = { model: string; step: number; backend: string | null; error: string | null }[];
const runs = (page: Page): Promise<Runs> => page.evaluate(() => window.__playground!.status().runs);

/** Pixels of a canvas that are clearly colored (a class color), not gray shading. */
const coloredPixels = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      const max = Math.max(d[i]!, d[i + 1]!, d[i + 2]!);
      const min = Math.min(d[i]!, d[i + 1]!, d[i + 2]!);
      if (d[i + 3]! > 200 && max - min > 80) n++;
    }
    return n;
  });

test('AE, VAE and GAN side by side: one code decoded by all three, two code maps', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/#compare=ae,vae,gan&backend=webgpu&quality=0');
  await expect(
    page.getByRole('heading', {
      name: /Autoencoder, Variational autoencoder and GAN, side by side/,
    }),
  ).toBeVisible();
  await page.waitForFunction(
    () => [0, 1, 2].every((i) => window.__playground!.column(i)?.status().phase === 'ready'),
    null,
    { timeout: 120_000 },
  );
  expect((await runs(page)).map((r) => [r.model, r.backend])).toEqual([
    ['ae', 'webgpu'],
    ['vae', 'webgpu'],
    ['gan', 'webgpu'],
  ]);
  // One Start trains all three; one Pause stops all three.
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForFunction(
    () => window.__playground!.status().runs.every((r) => r.step >= 3),
    null,
    {
      timeout: 120_000,
    },
  );
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.waitForFunction(() =>
    [0, 1, 2].every((i) => !window.__playground!.column(i)!.status().running),
  );
  for (let i = 0; i < 3; i++)
    await expect(page.getByTestId(`status-run-${i}`)).toContainText('WebGPU');
  expect((await runs(page)).every((r) => r.error === null)).toBe(true);

  // Each column's decoded image exists; a drag of z₀ changes all three during the drag.
  await page.waitForFunction(() =>
    [0, 1, 2].every((i) => window.__playground!.column(i)!.latent().decode?.image === true),
  );
  const decoded = () =>
    Promise.all([0, 1, 2].map((i) => canvasStats(page, `column-${i}-decode`).then((s) => s.hash)));
  const before = await decoded();
  expect(new Set(before).size).toBe(3); // three models, three different images
  const { box, y } = await grabSlider(page, 'Latent dimension 0');
  const changed = [false, false, false];
  const look = async () => (await decoded()).forEach((h, i) => (changed[i] ||= h !== before[i]));
  for (let k = 1; k <= 8; k++) {
    await page.mouse.move(box.x + box.width / 2 + (k * (box.width / 2 - 6)) / 8, y);
    await page.waitForTimeout(200);
    await look();
  }
  // Still holding the slider: every decoder has answered (a busy machine may take a moment).
  await expect
    .poll(async () => {
      await look();
      return changed;
    })
    .toEqual([true, true, true]);
  await page.mouse.up();

  // The encoders' code maps: held-out digits colored by class; the GAN has none.
  for (const i of [0, 1]) {
    const map = await page.evaluate((c) => window.__playground!.column(c)!.codeMap(), i);
    expect(map).toMatchObject({ count: 500, classes: 10 });
    expect(await coloredPixels(page, `column-${i}-map`)).toBeGreaterThan(300);
  }
  expect(await page.evaluate(() => window.__playground!.column(1)!.codeMap()!.kl)).toBeGreaterThan(
    0,
  );
  await expect(page.getByTestId('column-1-density-kl')).toContainText('KL(q(z) ‖ N(0, I)) ≈');
  await expect(page.getByTestId('column-2')).toContainText('A GAN has no encoder');
  expect(await page.evaluate(() => window.__playground!.column(2)!.codeMap())).toBeNull();

  // Hovering a map decodes that point with every model: the shared code is in the link.
  const mapBox = (await page.getByTestId('column-1-map').boundingBox())!;
  await page.mouse.move(mapBox.x + mapBox.width * 0.75, mapBox.y + mapBox.height * 0.25);
  await expect(page.getByLabel('Latent dimension 0')).not.toHaveValue('0');
  await expect(page).toHaveURL(/compare=ae%2Cvae%2Cgan.*z=\d/);
  expectNoConsoleErrors(errors);
});

test('a bad compare link says what it changed and trains the valid setups', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/#compare=vae,foo,vae,gan:latent=8&data=ring&backend=cpu&lr=0.01&every=5');
  const notices = page.getByTestId('notices');
  await expect(notices).toContainText('compare: "foo" is not a model');
  await expect(notices).toContainText('compare: "vae" is named twice');
  await expect(notices).toContainText('"gan: latent=8"');
  await expect(notices).toContainText('lr=0.01 belongs to one setup');
  // Each worker says its backend once it has started it.
  await expect
    .poll(async () => (await runs(page)).map((r) => [r.model, r.backend]))
    .toEqual([
      ['vae', 'cpu'],
      ['gan', 'cpu'],
    ]);
  await page.waitForFunction(
    () => [0, 1].every((i) => window.__playground!.column(i)?.status().phase === 'ready'),
    null,
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // On 2-D data the shared chart overlays each model's JS divergence to held-out points.
  await page.waitForFunction(
    () =>
      [0, 1].every(
        (i) => (window.__playground!.column(i)!.evaluations().jsDivergence?.length ?? 0) >= 2,
      ),
    null,
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const chart = page.getByTestId('compare-quality');
  await expect(chart.locator('.recharts-line')).toHaveCount(2);
  await expect(chart).toContainText('Variational autoencoder');
  await expect(page.getByTestId('column-0')).toContainText(/JS \d/);
  // In Chinese: the comparison's words, the columns' names and the chart's legend.
  await page.getByTestId('language').selectOption('zh');
  await expect(
    page.getByRole('heading', { name: '变分自编码器、生成对抗网络并排对比' }),
  ).toBeVisible();
  await expect(chart).toContainText('生成对抗网络');
  await expect(page.getByTestId('column-0')).toContainText('切片 Wasserstein 距离');
  await expect(page).toHaveURL(/lang=zh/);
  expectNoConsoleErrors(errors);
});
