import { expect, test } from '@playwright/test';
import { PRESETS } from '../src/config/presets.ts';
import { toHash } from '../src/config/link.ts';
import { TRAINED_DEMOS } from '../src/config/trainedDemos.ts';
import {
  decodedAt,
  expectNoConsoleErrors,
  grabSlider,
  status,
  trainUntil,
  waitForReady,
  watchConsole,
} from './helpers.ts';

// A demo link with from=trained opens onto the demo's shipped weights: a missing file is said
// and changes nothing; with the files there, the run is at the recorded step within 20 s, the
// latent slider decodes a digit the classifier is sure of, and training goes on from there.

test('the VAE demo with from=trained: its trained decoder draws a digit, and it trains on', async ({
  page,
}) => {
  const errors = watchConsole(page);
  const vae = PRESETS.find((p) => p.id === 'vae-2d')!;
  const demo = TRAINED_DEMOS['vae-2d']!;
  // First the decoder's weights are missing: the page says so, and stays at step 0.
  const missing = '**/trained/vae-2d-decoder.weights.bin';
  await page.route(missing, (r) => r.fulfill({ status: 404, body: '' }));
  // Not about WebGPU: on the CPU backend.
  await page.goto(`/${toHash({ ...vae.config, backend: 'cpu' }, { trained: true })}`);
  await expect(page.getByTestId('trained')).toContainText(
    'The trained weights could not be loaded: vae-2d-decoder.weights.bin is missing (HTTP 404)',
  );
  expect((await status(page)).step).toBe(0);
  // Beside the run from scratch, the trained model's samples: where it is heading.
  const preview = page.getByTestId('trained-preview').locator('img');
  await preview.scrollIntoViewIfNeeded();
  await expect
    .poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(100);
  await page.unroute(missing);

  // The same link, with its files: the recorded step within 20 s of opening it.
  const opened = Date.now();
  await page.reload();
  await page.waitForFunction((n) => window.__playground?.status().step === n, demo.step, {
    timeout: 20_000,
  });
  expect(Date.now() - opened).toBeLessThan(20_000);
  await waitForReady(page);
  await expect(page.getByTestId('trained')).toContainText(
    `This run began from the demo’s trained weights of step ${demo.step}`,
  );
  await expect(page).toHaveURL(/from=trained/);

  // Drag the first latent slider to the left: the decoder's image of that z is a digit (a 2-D
  // VAE's centre blends several classes; toward the edges of N(0, I) they come apart).
  await decodedAt(page, demo.step);
  const slider = page.getByLabel('Latent dimension 0');
  const { box, y } = await grabSlider(page, 'Latent dimension 0');
  await page.mouse.move(box.x + box.width * 0.2, y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Number(await slider.inputValue())).toBeLessThan(-1.3);
  // The answer to the last position asked for (decodes take tens of milliseconds).
  await page.waitForTimeout(1000);
  await page.waitForFunction(() => window.__playground!.latent().decode?.image === true);
  const verdict = (await page.evaluate(() => window.__playground!.judgeDecoded()))!;
  expect(verdict.confidence, JSON.stringify(verdict)).toBeGreaterThanOrEqual(0.8);

  // And it trains on from the trained weights.
  await trainUntil(page, demo.step + 3);
  expect((await status(page)).step).toBeGreaterThanOrEqual(demo.step + 3);
  // The browser logs the missing file's 404 itself; nothing else.
  expectNoConsoleErrors(errors.filter((e) => !/404 \(Not Found\)/.test(e)));
});
