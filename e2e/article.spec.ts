import { expect, test } from '@playwright/test';
import { PRESETS } from '../src/config/presets.ts';
import { toHash } from '../src/config/link.ts';
import { expectNoConsoleErrors, waitForReady, watchConsole } from './helpers.ts';

// The DCGAN demo runs the article's networks (arch=article): the worker reports them layer by
// layer as the listings write them, "How it works" lists them, names the article, and puts
// what the article says beside what the playground does, with the article's errors marked.
// Not about WebGPU: built on the CPU, no step taken.

const dcgan = PRESETS.find((p) => p.id === 'dcgan')!;

test('the DCGAN demo: the article’s networks, and the article-vs-playground note', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto(`/${toHash({ ...dcgan.config, backend: 'cpu', quality: 0 })}`);
  await waitForReady(page);
  await expect(page.getByLabel('Architecture')).toHaveValue('article');

  const nets = await page.evaluate(() => window.__playground!.architecture());
  const [g, d] = nets!;
  expect(g!.name).toBe('generator');
  expect(
    g!.layers.map((l) => [l.type, l.units ?? l.filters ?? null, l.strides?.[0] ?? null]),
  ).toEqual([
    ['Dense', 6272, null],
    ['Reshape', null, null],
    ['Conv2DTranspose', 128, 1],
    ['LeakyReLU', null, null],
    ['Conv2DTranspose', 128, 2],
    ['LeakyReLU', null, null],
    ['Conv2DTranspose', 1, 2],
    ['Flatten', null, null],
  ]);
  expect(g!.layers[0]!.activation).toBe('relu');
  expect(g!.layers.at(-2)).toMatchObject({ activation: 'tanh', output: [28, 28, 1] });
  expect(d!.layers.filter((l) => l.type === 'Conv2D').map((l) => l.filters)).toEqual([
    128, 128, 128,
  ]);
  expect(d!.layers.filter((l) => l.type === 'LeakyReLU').map((l) => l.slope)).toEqual([
    0.3, 0.3, 0.3,
  ]);
  expect(d!.layers.filter((l) => l.type === 'Dropout').map((l) => l.rate)).toEqual([0.3, 0.3, 0.3]);

  // The note, as a student reads it: the article's term struck through beside the fix.
  const how = page.getByTestId('explainer');
  await expect(how).toBeVisible();
  const notes = page.getByTestId('article-notes');
  await expect(notes).toContainText('概率性计算：大模型的生成模型');
  await expect(notes.locator('dt').first()).toHaveText('The article says');
  await expect(notes.locator('dd.says')).toHaveCount(4);
  await expect(notes.locator('.wrong')).toHaveText([
    'E[log D(G(z))]',
    '56×56×3',
    'D is never trained',
  ]);
  await expect(notes.locator('.fixed')).toContainText(['E[log(1 − D(G(z)))]', '28×28×1']);
  // The layers, as listed on the page.
  await page.getByTestId('network-layers').locator('summary').click();
  await expect(page.getByTestId('network-layers')).toContainText(
    'Conv2DTranspose(128, 5×5, /2, same)',
  );
  await expect(page.getByTestId('network-layers')).toContainText('LeakyReLU(α = 0.3)');

  // The GAN's chart is read against its equilibrium.
  await expect(page.getByTestId('equilibrium-note')).toContainText('D loss 1.386, G loss 0.6931');

  // In the article's language.
  await page.getByLabel('Language').selectOption('zh');
  await expect(notes.locator('dt').nth(1)).toHaveText('本页怎么做');
  await expect(notes.locator('.wrong').nth(2)).toHaveText('D 从未被训练');
  expectNoConsoleErrors(errors);
});
