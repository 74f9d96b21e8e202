import { expect, test } from '@playwright/test';
import { expectNoConsoleErrors, waitForReady, watchConsole } from './helpers.ts';

// The digit quality metrics as a person sees them: a GAN trained briefly on MNIST makes digits
// the classifier finds closer to real ones than its step-0 noise. Not about WebGPU: on the CPU.
test('a GAN trained briefly on MNIST shows a lower Fréchet digit distance than at step 0', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = watchConsole(page);
  await page.goto('/#model=gan&data=mnist&quality=40&every=40&steps=80&autoplay=1&backend=cpu');
  expect((await waitForReady(page)).backend).toBe('cpu');

  const panel = page.getByTestId('quality');
  await expect(panel.getByRole('heading', { name: /Digit quality/ })).toBeVisible();
  // Step 0 is measured before the first step; then at 40 and 80 (the budget).
  await page.waitForFunction(() => window.__playground!.quality().steps.includes(80), null, {
    timeout: 240_000,
  });
  const q = await page.evaluate(() => window.__playground!.quality());
  expect(q.steps).toEqual([0, 40, 80]);
  const [atStart, , atEnd] = q.frechet;
  expect(atEnd!).toBeLessThan(atStart!);
  expect(q.latest!.generated.reduce((a, b) => a + b, 0)).toBe(1000);
  // Blobs after 80 steps: the classifier is unsure of them (real digits: about 96%), so the
  // page says so and does not call their few classes a mode collapse.
  expect(q.latest!.realConfidence).toBeGreaterThan(0.9);
  expect(q.latest!.generatedConfidence).toBeLessThan(0.85);
  expect(q.latest!.spread).toBe('unreadable');
  await expect(panel.getByTestId('unreadable-note')).toContainText('not digit-like yet');
  await expect(panel.getByTestId('collapse-warning')).toHaveCount(0);

  // On the page: the score of step 80, the step-0 score beside it, the line, the histogram.
  await expect(panel.getByTestId('frechet')).toHaveText(
    atEnd! >= 100 ? atEnd!.toFixed(0) : atEnd!.toPrecision(3),
  );
  await expect(panel).toContainText(/step 0: /);
  // A pair of bars per digit, each read as its share; the real (held-out) digits are about a
  // tenth each, so every real bar is drawn, and the generated shares add up to 100%.
  const histogram = panel.getByTestId('class-histogram');
  const digits = histogram.getByRole('listitem');
  await expect(digits).toHaveCount(10);
  const labels = await digits.evaluateAll((li) => li.map((e) => e.getAttribute('aria-label')!));
  const shares = labels.map((l, d) => {
    const m = l.match(new RegExp(`^digit ${d}: generated ([\\d.]+)%, real ([\\d.]+)%$`))!;
    expect(m, l).not.toBeNull();
    return { generated: Number(m[1]), real: Number(m[2]) };
  });
  expect(shares.reduce((a, s) => a + s.generated, 0)).toBeCloseTo(100, 0);
  for (const s of shares) expect(s.real).toBeGreaterThan(5);
  const realHeights = await histogram
    .locator('.bar-real')
    .evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().height));
  expect(Math.min(...realHeights)).toBeGreaterThan(10);
  await expect(panel.getByRole('slider', { name: /Fréchet digit distance/ })).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('gan-mnist-quality.png'), fullPage: true });
  expectNoConsoleErrors(errors);
});
