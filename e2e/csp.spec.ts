import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../src/config/contentSecurityPolicy.ts';
import { status, trainUntil, waitForReady } from './helpers.ts';

// The built page carries a strict Content-Security-Policy (vite.config.ts): an inline script or
// eval is refused, and the page works under it. Every other spec drives the same built page,
// so each feature they test (each backend, uploads, model files, PNG export, checkpoints) runs
// under the policy too, and a violation there is a console error they fail on.

test('the built page refuses inline script and eval, and trains under its policy', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto('/#backend=cpu&hidden=32&batch=8&quality=0');
  await waitForReady(page);
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toBe(CONTENT_SECURITY_POLICY);

  // The page's own work raises no violation: training, pictures, the PNG download.
  await trainUntil(page, 3);
  const png = page.waitForEvent('download');
  await page.getByTestId('download-png').click();
  expect((await png).suggestedFilename()).toMatch(/\.png$/);
  const violations = () =>
    page.evaluate(() => [...(window as unknown as { violations: string[] }).violations]);
  expect(await violations()).toEqual([]);

  // What a missed escape would try: an inline script, eval.
  const ran = await page.evaluate(() => {
    const w = window as unknown as { injected?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.head.append(s);
    return new Promise<{ inline: boolean; evaluated: string }>((resolve) =>
      // Later, from the page's own event loop: the test's evaluate itself may skip the policy.
      setTimeout(() => {
        let evaluated = 'ran';
        try {
          (0, eval)('1 + 1');
        } catch (e) {
          evaluated = (e as Error).name;
        }
        resolve({ inline: w.injected === true, evaluated });
      }, 0),
    );
  });
  expect(ran).toEqual({ inline: false, evaluated: 'EvalError' });
  await expect
    .poll(violations)
    .toEqual(expect.arrayContaining(['script-src-elem inline', 'script-src eval']));
  expect(consoleErrors.every((e) => /Content Security Policy/.test(e))).toBe(true);
  // And the page is unharmed: a step still trains.
  const step = (await status(page)).step;
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.waitForFunction((s) => window.__playground!.status().step === s + 1, step);
});
