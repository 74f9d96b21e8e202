import { test } from '@playwright/test';

// `npm run screenshots`: the README's pictures of the page, in English and in Chinese — the VAE
// after 150 steps, a latent code set on the sliders, the same seed in both.

for (const [lang, file] of [
  ['en', 'public/screenshot.png'],
  ['zh', 'public/screenshot-zh.png'],
] as const) {
  test(`the README's screenshot in ${lang}`, async ({ page }) => {
    await page.setViewportSize({ width: 1360, height: 1000 });
    await page.goto(
      `/?backend=cpu#lang=${lang}&steps=150&every=10&quality=0&z=0.8%2C-0.6&autoplay=1`,
    );
    await page.waitForFunction(() => window.__playground?.status().step === 150, null, {
      timeout: 600_000,
    });
    await page.waitForFunction(() => window.__playground!.imageStep() === 150);
    await page.waitForFunction(() => window.__playground!.latent().grid?.step === 150);
    await page.screenshot({ path: file });
  });
}

// Compare mode: the autoencoder, the VAE and the GAN after 300 steps each, on the CPU backend
// (seeded, so the picture repeats), the shared code where the autoencoder's map has a hole.
test('the README’s screenshot of compare mode', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto('/?backend=cpu#compare=ae%2Cvae%2Cgan&steps=300&every=50&z=1.5%2C-1&autoplay=1');
  await page.waitForFunction(
    () => window.__playground?.status().runs.every((r) => r.step === 300),
    null,
    { timeout: 900_000 },
  );
  await page.waitForFunction(() =>
    [0, 1, 2].every((i) => window.__playground!.column(i)!.latent().decode?.step === 300),
  );
  await page.waitForFunction(() =>
    [0, 1, 2].every((i) => window.__playground!.column(i)!.quality().latest?.step === 300),
  );
  await page.screenshot({ path: 'public/screenshot-compare.png', fullPage: true });
});
