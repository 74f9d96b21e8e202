import { expect, test } from '@playwright/test';
import { canvasStats, expectNoConsoleErrors, watchConsole } from './helpers.ts';

// The lab's Dirac GAN, opened from a link: the game's field and a run drawn over (θ, ψ); the
// run circles the equilibrium and spirals out under simultaneous minimax steps, orbits under
// alternating WGAN steps, converges with a gradient penalty; the link follows every control.

test('the Dirac GAN: simultaneous minimax steps circle the equilibrium and spiral out', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/?backend=cpu#model=gan&data=ring&dirac=1');
  const panel = page.getByTestId('dirac');
  await expect(panel.getByRole('heading', { name: /the Dirac GAN/ })).toBeVisible();
  // The run is drawn as it goes, then stays.
  await expect(page.getByTestId('dirac-canvas')).toHaveAttribute('data-drawn', 'true');
  expect((await canvasStats(page, 'dirac-canvas')).spread).toBeGreaterThan(5);
  const readout = page.getByTestId('dirac-readout');
  const numbers = async () => {
    const m = /: ([\d.]+) turns .* ([\d.]+) → ([\d.]+)\./.exec((await readout.textContent()) ?? '');
    return m ? m.slice(1).map(Number) : [];
  };
  const [turns, r0, r1] = await numbers();
  expect(turns).toBeGreaterThan(1);
  expect(r1).toBeGreaterThan(r0!); // from (1, 1): r0 = √2
  expect(r0).toBeCloseTo(Math.SQRT2, 2);
  await expect(page.getByTestId('dirac-verdict')).toContainText('spirals outwards');

  // Alternating WGAN steps orbit; a gradient penalty on D pulls the run in. The link follows.
  await panel.getByLabel('Loss').selectOption('wgan');
  await panel.getByLabel('Updates').selectOption('alternating');
  await expect(page.getByTestId('dirac-verdict')).toContainText('circles without getting closer');
  const gamma = panel.getByRole('slider', { name: /Gradient penalty/ });
  await gamma.fill('1');
  await expect(page.getByTestId('dirac-verdict')).toContainText('It converges');
  await expect(page).toHaveURL(/dirac=wgan%2Calternating%2C0\.1%2C1%2C1/);

  // Closed, it leaves the link; the chart's tools open it again.
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page).not.toHaveURL(/dirac=/);
  await page.getByRole('button', { name: 'The game in two numbers' }).click();
  await expect(page.getByTestId('dirac')).toBeVisible();
  expectNoConsoleErrors(errors);
});

test('a bad dirac= link opens the view as it starts, with a notice', async ({ page }) => {
  await page.goto('/?backend=cpu#model=gan&dirac=minimax,sideways,9');
  await expect(page.getByTestId('notices')).toContainText('dirac: "minimax,sideways,9" is not');
  await expect(page.getByTestId('dirac-verdict')).toContainText('spirals outwards');
});
