import { expect, test } from '@playwright/test';
import type {} from '../src/state/faults.ts'; // window.__faults
import {
  decodedAt,
  expectNoConsoleErrors,
  status,
  trainUntil,
  waitForReady,
  waitForStep,
  watchConsole,
} from './helpers.ts';

// Faults forced on purpose (test-only triggers, enabled by ?faults= in the query): the page
// says what happened, offers a way forward, and loses neither the setup nor the weights.

test('no navigator.gpu at all: the fallback banner says why, and training works', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/?faults=no-gpu#hidden=32&batch=8');
  const ready = await waitForReady(page);
  expect(['webgl', 'cpu']).toContain(ready.backend);
  await expect(page.getByTestId('fallback')).toContainText('navigator.gpu is missing');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitForStep(page, 1);
  expectNoConsoleErrors(errors);
});

test('a GPU device lost mid-run: the page says so and training goes on from a snapshot', async ({
  page,
}) => {
  await page.goto('/?faults=1&backend=webgpu#hidden=32&batch=8&every=5');
  await waitForReady(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForFunction(() => (window.__playground!.status().snapshotStep ?? 0) >= 3, null, {
    timeout: 120_000,
  });
  const lostAt = (await status(page)).step;
  await page.evaluate(() => window.__faults!.loseDevice());
  await expect(page.getByTestId('recovery')).toContainText('The GPU device was lost');
  await expect(page.getByTestId('recovery')).toContainText('on a fresh device');
  // A fresh worker on a fresh device, from the snapshot, training again: the count goes on.
  await page.waitForFunction(
    (n) => {
      const s = window.__playground!.status();
      return s.phase === 'ready' && s.running && s.step > n;
    },
    lostAt,
    { timeout: 180_000 },
  );
  const losses = await page.evaluate(() => window.__playground!.losses());
  expect(losses.steps[0]).toBe(1); // the chart kept its history
  expect((await status(page)).backend).toBe('webgpu');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});

test('a crashed worker: the error and a Restart that brings back setup and weights', async ({
  page,
}) => {
  await page.goto('/?faults=1#hidden=48&batch=8&z=1%2C-1&backend=cpu');
  await waitForReady(page);
  await trainUntil(page, 3);
  const step = (await status(page)).step;
  await page.waitForFunction((s) => window.__playground!.status().snapshotStep === s, step);
  const before = await decodedAt(page, step);
  await page.evaluate(() => window.__faults!.crashWorker());
  const error = page.getByTestId('error');
  await expect(error).toContainText('The training worker crashed');
  await expect(error).toContainText(`the weights of step ${step}`);
  await error.getByRole('button', { name: 'Restart' }).click();
  await page.waitForFunction((s) => {
    const st = window.__playground!.status();
    return st.phase === 'ready' && st.step === s;
  }, step);
  await expect(page.getByTestId('recovery')).toContainText(`from step ${step}`);
  await expect(page.getByLabel('Hidden units per layer')).toHaveValue('48');
  expect(await decodedAt(page, step)).toBe(before);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitForStep(page, step + 1);
});

test('a diverging loss pauses with a message and a way back with a lower learning rate', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/#opt=sgd&lr=1&hidden=32&batch=8&backend=cpu');
  await waitForReady(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const error = page.getByTestId('error');
  await expect(error).toContainText(/The loss became (NaN|infinite) at step \d+/);
  await page.waitForFunction(() => !window.__playground!.status().running);
  const snap = (await status(page)).snapshotStep;
  await error.getByRole('button', { name: /with learning rates ÷ 10/ }).click();
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.1');
  await page.waitForFunction((s) => window.__playground!.status().step === (s ?? 0), snap);
  expectNoConsoleErrors(errors);
});

test('no IndexedDB: saving a checkpoint says so, and the model in memory goes on', async ({
  page,
}) => {
  await page.goto('/?faults=no-storage#hidden=32&batch=8&backend=cpu');
  await waitForReady(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitForStep(page, 1);
  await page.getByRole('button', { name: 'Save in this browser' }).click();
  const note = page.getByTestId('models-note');
  await expect(note).toContainText('Saving failed');
  await expect(note).toContainText('IndexedDB');
  await expect(note).toContainText('The model in memory is unchanged');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitForStep(page, 2);
  expect((await status(page)).error).toBeNull();
});
