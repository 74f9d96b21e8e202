import { expect, test } from '@playwright/test';
import {
  canvasStats,
  expectNoConsoleErrors,
  status,
  waitForReady,
  trainUntil,
  watchConsole,
  watchLongTasks,
} from './helpers.ts';
import { claimsPng, discPng, hugePng, png } from './pngFixtures.ts';

// The person's own images, with the files the tests make: good ones, broken ones, a text file,
// a text file named .png, a 50-megapixel picture, an empty drop, 20,000 files at once, and
// hostile ones (markup for a name, SVG with script, empty, a bomb's header, a polyglot).

test('a mixed upload: good images train, bad ones are named, nothing trained is lost', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/#batch=16&backend=cpu');
  await waitForReady(page);
  await trainUntil(page, 2);
  const trained = (await status(page)).step;

  await page.getByLabel('Data set').selectOption('upload');
  await expect(page.getByTestId('upload-panel')).toBeVisible();
  expect((await status(page)).step).toBe(trained); // choosing the data set alone resets nothing

  const colors: [number, number, number][] = [
    [230, 40, 40],
    [40, 200, 60],
    [50, 80, 230],
    [240, 200, 30],
  ];
  const good = Array.from({ length: 10 }, (_, i) => ({
    name: `disc-${i}.png`,
    mimeType: 'image/png',
    buffer: i % 2 ? discPng(40 + i, colors[i % 4]!) : png(48, 30 + i, (x, y) => [x * 5, y * 6, 90]),
  }));
  const corrupt = discPng(40, [200, 200, 200]).subarray(0, 60);
  const longTasks = await watchLongTasks(page);
  await page
    .getByTestId('upload-files')
    .setInputFiles([
      ...good,
      { name: 'corrupt.png', mimeType: 'image/png', buffer: corrupt },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') },
      { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('just text in disguise') },
      { name: 'huge-50mp.png', mimeType: 'image/png', buffer: hugePng(7072) },
    ]);
  await expect(page.getByTestId('upload-message')).toHaveText('11 images ready, 3 skipped.', {
    timeout: 60_000,
  });
  const skipped = page.getByTestId('upload-skipped');
  await skipped.locator('summary').click();
  await expect(skipped).toContainText('corrupt.png: could not be decoded');
  await expect(skipped).toContainText('notes.txt: not an image (text/plain)');
  await expect(skipped).toContainText('fake.png: could not be decoded');
  expect((await canvasStats(page, 'upload-preview')).spread).toBeGreaterThan(10);
  expect((await status(page)).step).toBe(trained); // still the MNIST run, untouched
  expect(Math.max(0, ...(await longTasks()))).toBeLessThan(500); // the page never froze while decoding

  await page.getByRole('button', { name: 'Train on these 11 images' }).click();
  await page.waitForFunction(() =>
    window.__playground!.data()?.description.startsWith('Your images: 10 training and 1'),
  );
  await expect(page.getByText(/batches of 10/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Training on your 11 images' })).toBeDisabled();
  await page.waitForFunction(() => window.__playground!.imageStep() === 0);
  await trainUntil(page, 2);
  expect((await status(page)).error).toBeNull();
  expect((await canvasStats(page, 'samples')).spread).toBeGreaterThan(3);
  await page.screenshot({ path: test.info().outputPath('upload.png') });

  // Another image size decodes the same files again; the run keeps its images until asked.
  const grayWidth = (await canvasStats(page, 'upload-preview')).width;
  await page.getByLabel('Image size').selectOption('color32');
  await expect
    .poll(async () => (await canvasStats(page, 'upload-preview')).width, { timeout: 60_000 })
    .not.toBe(grayWidth);
  await expect(page.getByTestId('upload-message')).toHaveText('11 images ready, 3 skipped.');
  await expect(page.getByRole('button', { name: 'Train on these 11 images' })).toBeEnabled();
  expectNoConsoleErrors(errors);
});

test('an empty drop and 20,000 files each get a message; the page stays responsive', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/#data=upload&backend=cpu');
  await waitForReady(page);
  // A link to "your own images" has none yet: the page says what to do.
  await expect(page.getByTestId('error')).toContainText('Add at least two images');
  // The files are made in the page first (test work, not the page's), then dropped.
  const makeFiles = (count: number, bytes: number[]) =>
    page.evaluate(
      ({ count, bytes }) => {
        const dt = new DataTransfer();
        const data = new Uint8Array(bytes);
        for (let i = 0; i < count; i++) {
          dt.items.add(new File([data], `img-${i}.png`, { type: 'image/png' }));
        }
        (window as unknown as { dropped: DataTransfer }).dropped = dt;
      },
      { count, bytes },
    );
  const drop = () =>
    page.evaluate(() => {
      const dt = (window as unknown as { dropped: DataTransfer }).dropped;
      const panel = document.querySelector('[data-testid="upload-panel"]')!;
      const t0 = performance.now();
      panel.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
      return performance.now() - t0;
    });
  await makeFiles(0, []);
  await drop();
  await expect(page.getByTestId('upload-message')).toHaveText('No files were selected or dropped.');

  await makeFiles(20_000, [...png(8, 8, (x, y) => [x * 30, y * 30, 120])]);
  const longTasks = await watchLongTasks(page);
  await drop();
  await expect(page.getByTestId('upload-message')).toHaveText(
    '10000 images ready, 10000 beyond the limit of 10000 not used.',
    { timeout: 180_000 },
  );
  expect(Math.max(0, ...(await longTasks()))).toBeLessThan(500);
  await page.getByRole('button', { name: 'Train on these 10000 images' }).click();
  await page.waitForFunction(() =>
    window.__playground!.data()?.description.startsWith('Your images: 9000 training'),
  );
  await expect(page.getByTestId('error')).toHaveCount(0);
  expectNoConsoleErrors(errors);
});

test('hostile files are skipped with their reason, and nothing in them runs', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/#backend=cpu&hidden=32&batch=8&quality=0');
  await waitForReady(page);
  await trainUntil(page, 2);
  const trained = (await status(page)).step;
  await page.getByLabel('Data set').selectOption('upload');
  const pwn = 'window.__pwned=1';
  const good = (i: number) => png(32, 32, (x, y) => [x * 8, y * 8, 40 * i]);
  await page.getByTestId('upload-files').setInputFiles([
    { name: 'good-1.png', mimeType: 'image/png', buffer: good(1) },
    { name: 'good-2.png', mimeType: 'image/png', buffer: good(2) },
    // A name that is markup, on a file that is not an image: shown as text.
    { name: `<img src=x onerror=${pwn}>.png`, mimeType: 'image/png', buffer: Buffer.from('x') },
    {
      name: 'evil.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>${pwn}</script><rect width="8" height="8"/></svg>`,
      ),
    },
    { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
    // A header that claims 30000 × 30000 pixels (3.6 GB decoded): refused from the header.
    { name: 'bomb.png', mimeType: 'image/png', buffer: claimsPng(30_000) },
    // A PNG with a page appended: an image, and only an image.
    {
      name: 'polyglot.png',
      mimeType: 'image/png',
      buffer: Buffer.concat([good(3), Buffer.from(`<html><script>${pwn}</script></html>`)]),
    },
  ]);
  await expect(page.getByTestId('upload-message')).toHaveText('3 images ready, 4 skipped.', {
    timeout: 60_000,
  });
  const skipped = page.getByTestId('upload-skipped');
  await skipped.locator('summary').click();
  await expect(skipped).toContainText(`<img src=x onerror=${pwn}>.png: could not be decoded`);
  await expect(skipped).toContainText('evil.svg: could not be decoded');
  await expect(skipped).toContainText('empty.png: could not be decoded');
  await expect(skipped).toContainText('bomb.png: too large (900 megapixels; the limit is 100)');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
    undefined,
  );
  await expect(page.locator('img, iframe, svg script, script:not([type="module"])')).toHaveCount(0);
  expect((await status(page)).step).toBe(trained); // the run is untouched
  expectNoConsoleErrors(errors);
});
