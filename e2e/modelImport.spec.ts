import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  decodedAt,
  expectNoConsoleErrors,
  status,
  trainUntil,
  waitForReady,
  waitForStep,
  watchConsole,
} from './helpers.ts';

// Loading model files never changes the run unless it succeeds: an export whose weights are NaN,
// and one whose saved link asks for uploaded images that are not there, are refused with a
// message, and the trained run keeps its step, chart rows and decoded image, and Step trains on.
// Not about WebGPU: on the CPU backend.

type File = { name: string; mimeType: string; buffer: Buffer };

async function exportFiles(page: Page): Promise<File[]> {
  const downloads: File[] = [];
  page.on('download', (d) => {
    void d.path().then((path) =>
      downloads.push({
        name: d.suggestedFilename(),
        mimeType: 'application/octet-stream',
        buffer: readFileSync(path),
      }),
    );
  });
  await page.getByRole('button', { name: 'Download model files' }).click();
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(4);
  return downloads;
}

test('a refused model file leaves the trained run exactly as it was', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/#backend=cpu&hidden=32&batch=8&quality=0&z=0.5%2C-0.5');
  await waitForReady(page);
  await trainUntil(page, 3);
  const files = await exportFiles(page);
  await trainUntil(page, (await status(page)).step + 2);

  const nanWeights = files.map((f) =>
    f.name.endsWith('.bin')
      ? { ...f, buffer: Buffer.from(new Float32Array(f.buffer.byteLength / 4).fill(NaN).buffer) }
      : f,
  );
  const uploadLink = files.map((f) => {
    if (!f.name.endsWith('.json')) return f;
    const json = JSON.parse(f.buffer.toString('utf8'));
    json.userDefinedMetadata.playground.hash = '#data=upload';
    return { ...f, buffer: Buffer.from(JSON.stringify(json)) };
  });

  for (const [files, why] of [
    [nanWeights, /weight 1 \(\w+\/kernel\) holds values that are NaN or infinite/],
    [uploadLink, /Add at least two images of your own first/],
  ] as const) {
    const step = (await status(page)).step;
    const rows = await page.evaluate(() => window.__playground!.losses().steps.length);
    const image = await decodedAt(page, step);
    await page.getByTestId('import-files').setInputFiles([...files]);
    const note = page.getByTestId('models-note');
    await expect(note).toContainText('Those files could not be loaded');
    await expect(note).toContainText(why);
    await expect(note).toContainText('The model in memory is unchanged.');
    expect((await status(page)).step).toBe(step);
    expect(await page.evaluate(() => window.__playground!.losses().steps.length)).toBe(rows);
    expect(await decodedAt(page, step)).toBe(image);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForStep(page, step + 1);
  }
  expectNoConsoleErrors(errors);
});
