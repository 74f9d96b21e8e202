import { expect, test, type Page } from '@playwright/test';
import {
  expectNoConsoleErrors,
  status,
  waitForReady,
  waitForStep,
  watchConsole,
} from './helpers.ts';

// The page in Chinese: opened from a link with lang=zh, no English word left in the header,
// the controls, the notes and the banners (only names kept in Latin: models, backends,
// optimizers, units, formula symbols), it trains, and the language switches mid-run both ways
// without a reset. Not about WebGPU: on the CPU.

/** Latin words the Chinese page keeps: names of models, methods, backends and units. */
const KEPT = new Set(
  (
    'VAE GAN DCGAN WGAN-GP LSGAN MNIST MLP KL ELBO JS Fréchet Wasserstein Adam RMSProp SGD ' +
    'ReLU LeakyReLU ELU tanh BCE MSE WebGPU WebGL CPU GPU TensorFlow.js Web Worker tfjs ' +
    'GFLOP slerp PNG backend cpu Python Keras log sigmoid logit WGAN critic Jensen Shannon ln nat'
  ).split(' '),
);

/** The Latin words in what a person reads, formulas, code and the language picker aside. */
function latinWords(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const words: string[] = [];
    const latin = /[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9.'’-]*/g;
    for (const root of document.querySelectorAll(selector)) {
      const copy = root.cloneNode(true) as HTMLElement;
      copy
        .querySelectorAll('.formula, code, kbd, .z-name, .language-picker')
        .forEach((e) => e.remove());
      // Every text node on its own (options of a select, a closed <details> too), and titles.
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
      const texts: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n.textContent ?? '');
      copy.querySelectorAll('[title]').forEach((e) => texts.push(e.getAttribute('title') ?? ''));
      for (const t of texts) words.push(...(t.match(latin) ?? []));
    }
    return words;
  }, selector);
}

test('the page in Chinese: no English left, it trains, and the language switches mid-run', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/#lang=zh&backend=cpu&hidden=32&batch=8&quality=0');
  await waitForReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '生成模型游乐场' })).toBeVisible();
  await expect(page.getByTestId('forced')).toBeVisible(); // a banner, in Chinese too

  const english = (await latinWords(page, '.app-header, .controls-panel, .banners'))
    .map((w) => w.replace(/[.’']+$/, ''))
    .filter((w) => !KEPT.has(w) && !/^[A-Za-z]$/.test(w) && !/^[A-Za-z]\d*$/.test(w));
  expect(english, english.join(' ')).toEqual([]);

  await page.getByRole('button', { name: '单步', exact: true }).click();
  await waitForStep(page, 1);
  await expect(page.getByTestId('activity')).toHaveText('已暂停');
  // Paused, the rate is 0 and says why, not the last rate measured.
  await expect(page.getByTestId('steps-per-sec')).toHaveText('0');
  await expect(page.getByTestId('steps-per-sec').locator('..')).toHaveText('0 步/秒（已暂停）');

  // Mid-run, to English and back: the run goes on, nothing is reset.
  await page.getByRole('button', { name: '开始', exact: true }).click();
  await waitForStep(page, 3);
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Training', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/lang=en/);
  const inEnglish = (await status(page)).step;
  await waitForStep(page, inEnglish + 2);
  await page.getByTestId('language').selectOption('zh');
  await expect(page.getByRole('heading', { name: '训练', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/lang=zh/);
  const s = await status(page);
  expect(s.running).toBe(true);
  expect(s.step).toBeGreaterThanOrEqual(inEnglish + 2);
  // One run all along: every step from 1 on is in the chart's history, once.
  const steps = (await page.evaluate(() => window.__playground!.losses())).steps;
  expect(steps[0]).toBe(1);
  expect(steps.every((v, i) => v === i + 1)).toBe(true);
  await page.getByRole('button', { name: '暂停', exact: true }).click();
  await page.screenshot({ path: test.info().outputPath('page-zh.png'), fullPage: true });
  expectNoConsoleErrors(errors);
});
