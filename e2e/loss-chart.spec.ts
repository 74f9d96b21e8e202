import { expect, test } from '@playwright/test';
import {
  expectNoConsoleErrors,
  status,
  trainUntil,
  waitForReady,
  watchConsole,
} from './helpers.ts';

// The loss chart's controls, on the fast 2-D GAN: the readout under the pointer, the legend's
// buttons that hide and show lines, smoothing, and the log scale.
test('the loss chart reads out values under the pointer, hides lines, smooths and goes log', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/#model=gan&data=ring&backend=cpu');
  await waitForReady(page);
  await trainUntil(page, 60);
  const chart = page.getByTestId('loss-chart');
  const legend = chart.getByRole('list', { name: 'Lines on the chart' }).getByRole('button');
  const lines = chart.locator('.loss-series path');
  // D and G losses, D(x) and D(G(z)), the held-out distances and the D loss at the best D: a
  // line per legend entry once all are shown (three by default: e2e/guide.spec.ts).
  await chart.getByRole('button', { name: /^Show all \d+ lines$/ }).click();
  await expect(lines).toHaveCount(await legend.count());
  expect(await legend.count()).toBeGreaterThanOrEqual(4);

  // The readout shows the step under the pointer and the losses the worker posted for it.
  const area = chart.getByTestId('chart-hover-area');
  const box = (await area.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
  const readout = chart.getByTestId('chart-readout');
  await expect(readout).toContainText(/step \d+/);
  const text = (await readout.textContent())!;
  const step = Number(/step (\d+)/.exec(text)![1]);
  const dLoss = Number(/D loss: (-?[\d.]+)/.exec(text)![1]);
  const losses = await page.evaluate(() => window.__playground!.losses());
  const at = losses.steps.indexOf(step);
  expect(at).toBeGreaterThan(5); // 40% along an axis of 60 steps
  expect(dLoss).toBeCloseTo(losses.dLoss![at]!, 2);
  // At the right edge, the newest step; off the chart, no readout.
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
  await expect(readout).toContainText(`step ${(await status(page)).step}`);
  await page.mouse.move(0, 0);
  await expect(readout).toHaveCount(0);

  // A legend button hides its line, and shows it again.
  const gLoss = chart.getByRole('button', { name: /^G loss/ });
  await expect(gLoss).toHaveAttribute('aria-pressed', 'true');
  await gLoss.click();
  await expect(gLoss).toHaveAttribute('aria-pressed', 'false');
  await expect(chart.locator('path[data-metric="gLoss"]')).toHaveCount(0);
  await gLoss.click();
  await expect(chart.locator('path[data-metric="gLoss"]')).toHaveCount(1);

  // Smoothing moves the D loss line's points, not their number.
  const dPath = chart.locator('path[data-metric="dLoss"]');
  const raw = (await dPath.getAttribute('d'))!;
  await chart.getByLabel('Smoothing').fill('0.9');
  await expect(dPath).not.toHaveAttribute('d', raw);
  expect((await dPath.getAttribute('d'))!.split('L').length).toBe(raw.split('L').length);

  // The keyboard reads the chart too: the first arrow key shows the newest step, ← the one
  // before. The chart keeps → for itself: it is not the page's "one step" shortcut here.
  await page.mouse.move(0, 0);
  const plot = chart.getByRole('slider', { name: /^Chart of D loss/ });
  await plot.focus();
  const { step: newest } = await status(page);
  await page.keyboard.press('ArrowRight');
  await expect(readout).toContainText(`step ${newest}`);
  await expect(plot).toHaveAttribute(
    'aria-valuetext',
    new RegExp(`^step ${newest}, D loss -?[\\d.]+`),
  );
  await page.keyboard.press('ArrowLeft');
  const history = await page.evaluate(() => window.__playground!.losses());
  const earlier = history.steps[history.steps.indexOf(newest) - 1]!;
  await expect(readout).toContainText(`step ${earlier}`);
  await expect(plot).toHaveAttribute('aria-valuenow', String(earlier));
  expect((await status(page)).step).toBe(newest);
  await page.keyboard.press('Escape');
  await expect(readout).toHaveCount(0);
  await page.keyboard.press('Tab'); // Tab still leaves the chart
  await expect(plot).not.toBeFocused();

  // The log scale's value ticks are powers of ten.
  const leftTicks = chart.locator('.value-ticks-left .chart-tick');
  await chart.getByLabel('Log scale').check();
  await expect
    .poll(async () =>
      (await leftTicks.allTextContents()).every((t) => Number.isInteger(Math.log10(Number(t)))),
    )
    .toBe(true);
  expect(await leftTicks.count()).toBeGreaterThanOrEqual(2);
  // Measured again: the controls below the chart may have scrolled the page.
  const now = (await area.boundingBox())!;
  await page.mouse.move(now.x + now.width * 0.5, now.y + now.height / 2);
  await expect(readout).toBeVisible();
  await chart.screenshot({ path: test.info().outputPath('loss-chart.png') });
  expectNoConsoleErrors(errors);
});
