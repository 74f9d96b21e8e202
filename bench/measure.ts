import type { Page } from '@playwright/test';
import { watchLongTasks } from '../e2e/helpers.ts';
import type { PlaygroundStatus } from '../src/state/testHandle.ts';
import type { GpuCalls } from '../src/workers/train/gpuCallCounter.ts';

// How `npm run bench` measures a run on the built page: open a link and wait until it is ready,
// then steps per second over a window after the first (compiling) step.

export const GPU = process.env.BENCH_GPU === '1';
/** Seconds each speed is measured over, after the first (compiling) step. */
export const WINDOW_S = GPU ? 10 : 20;

export const status = (page: Page): Promise<PlaygroundStatus> =>
  page.evaluate(() => window.__playground!.status());

export async function open(page: Page, link: string): Promise<PlaygroundStatus> {
  await page.goto('about:blank');
  await page.goto(link);
  await page.waitForFunction(() => window.__playground?.status().phase === 'ready', null, {
    timeout: 300_000,
  });
  return status(page);
}

/** Starts training, waits out the first step, then counts steps over WINDOW_S seconds. */
export async function speed(page: Page): Promise<{
  stepsPerSec: number;
  firstStepMs: number | null;
  /** GPU dispatches and submits per step over the window (with `?faults=count-gpu`). */
  dispatchesPerStep: number | null;
  submitsPerStep: number | null;
  /** µs of JavaScript per dispatch: a step's recording, and tfjs's parts of it (see GpuCalls). */
  jsPerDispatch: JsPerDispatch | null;
  /** The share of bind groups the cache answered (bindGroupCache.ts; 0 without it). */
  bindGroupsReused: number | null;
  /** The share of uniform bindings the cache answered (uniformCache.ts; 0 without it). */
  uniformsReused: number | null;
}> {
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForFunction(() => window.__playground!.status().step >= 1, null, {
    timeout: 600_000,
  });
  const a = await status(page);
  const t0 = Date.now();
  await page.waitForTimeout(WINDOW_S * 1000);
  const b = await status(page);
  const seconds = (Date.now() - t0) / 1000;
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.waitForFunction(() => !window.__playground!.status().running, null, {
    timeout: 600_000,
  });
  const steps = b.step - a.step;
  const delta = (key: keyof GpuCalls) =>
    a.gpuCalls && b.gpuCalls ? b.gpuCalls[key] - a.gpuCalls[key] : NaN;
  const perStep = (key: keyof GpuCalls) => (steps > 0 && a.gpuCalls ? delta(key) / steps : null);
  const dispatches = delta('dispatches');
  const us = (key: keyof GpuCalls) => (1000 * delta(key)) / dispatches;
  const share = (part: keyof GpuCalls, whole: keyof GpuCalls) =>
    delta(whole) > 0 ? delta(part) / delta(whole) : null;
  return {
    stepsPerSec: steps / seconds,
    firstStepMs: a.firstStepMs,
    dispatchesPerStep: perStep('dispatches'),
    submitsPerStep: perStep('submits'),
    jsPerDispatch:
      dispatches > 0
        ? {
            step: us('stepJsMs'),
            program: us('programJsMs'),
            bindGroup: us('bindGroupJsMs'),
            writeBuffer: us('writeBufferJsMs'),
          }
        : null,
    bindGroupsReused: share('bindGroupsReused', 'bindGroups'),
    uniformsReused: share('uniformsReused', 'uniforms'),
  };
}

export interface JsPerDispatch {
  /** A training step's whole JavaScript (tfjs's engine, our kernels, the recording). */
  step: number;
  /** Inside tfjs's runWebGPUProgram. */
  program: number;
  bindGroup: number;
  writeBuffer: number;
}

const jsNote = (js: JsPerDispatch | null): string =>
  js
    ? `${fixed(js.step, 0)} µs (in runWebGPUProgram ${fixed(js.program, 0)}, of which bind groups ${fixed(js.bindGroup, 0)}, buffer writes ${fixed(js.writeBuffer, 0)})`
    : 'not measured';

export type Speed = Awaited<ReturnType<typeof speed>>;
/** One link measured with our trainer and with the plain loop (and ours without reuse). */
export interface SpeedPair {
  ours: Speed;
  plain: Speed;
  /** Ours with `?faults=no-reuse`: tfjs's bind groups and uniforms made for every dispatch. */
  noReuse?: Speed;
}

/** The table's rows for one link, ours against the plain loop: [what, value, note]. */
export function trainerRows(
  name: string,
  { ours, plain, noReuse }: SpeedPair,
): [string, string, string][] {
  const n = (v: number | null | undefined, d = 0) => fixed(v ?? NaN, d);
  const reuse: [string, string, string][] = noReuse
    ? [
        [
          `${name}: tfjs’s JavaScript per dispatch, reused vs made anew`,
          `${n(ours.jsPerDispatch?.program)} vs ${n(noReuse.jsPerDispatch?.program)} µs`,
          `in runWebGPUProgram, our trainer with and without the bind-group and uniform caches (\`no-reuse\`); of it bind groups ${n(ours.jsPerDispatch?.bindGroup)} vs ${n(noReuse.jsPerDispatch?.bindGroup)}, buffer writes ${n(ours.jsPerDispatch?.writeBuffer)} vs ${n(noReuse.jsPerDispatch?.writeBuffer)}; ${fixed(ours.stepsPerSec)} vs ${fixed(noReuse.stepsPerSec)} steps/s`,
        ],
      ]
    : [];
  return [
    [
      `${name}: ours vs plain loop`,
      `${fixed(ours.stepsPerSec / plain.stepsPerSec)}×`,
      `${fixed(ours.stepsPerSec)} vs ${fixed(plain.stepsPerSec)} steps/s on WebGPU`,
    ],
    [
      `${name}: GPU dispatches per step`,
      `${n(ours.dispatchesPerStep)} vs ${n(plain.dispatchesPerStep)}`,
      `ours vs plain; queue submits ${n(ours.submitsPerStep, 1)} vs ${n(plain.submitsPerStep, 1)}`,
    ],
    [
      `${name}: JavaScript per dispatch`,
      `${n(ours.jsPerDispatch?.step)} vs ${n(plain.jsPerDispatch?.step)} µs`,
      `ours ${jsNote(ours.jsPerDispatch)}, bind groups reused ${n(100 * (ours.bindGroupsReused ?? NaN))}%, uniforms ${n(100 * (ours.uniformsReused ?? NaN))}%; plain ${jsNote(plain.jsPerDispatch)}`,
    ],
    ...reuse,
  ];
}

/** The results file's fields for the links measured, by link name. */
export function trainerResults(pairs: Record<string, SpeedPair>): Record<string, unknown> {
  const each = <T>(f: (p: SpeedPair) => T) =>
    Object.fromEntries(Object.entries(pairs).map(([name, p]) => [name, f(p)]));
  const both = <T>(f: (s: Speed) => T) => each((p) => ({ ours: f(p.ours), plain: f(p.plain) }));
  return {
    trainer_vs_plain: each((p) =>
      p.plain.stepsPerSec > 0 ? p.ours.stepsPerSec / p.plain.stepsPerSec : null,
    ),
    trainer_vs_plain_steps_per_sec: both((s) => s.stepsPerSec),
    dispatches_per_step: both((s) => s.dispatchesPerStep),
    submits_per_step: both((s) => s.submitsPerStep),
    js_us_per_dispatch: both((s) => s.jsPerDispatch),
    js_us_per_dispatch_no_reuse: each((p) => p.noReuse?.jsPerDispatch ?? null),
    bind_groups_reused: each((p) => p.ours.bindGroupsReused),
    uniforms_reused: each((p) => p.ours.uniformsReused),
  };
}

export const fixed = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : String(v));
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/**
 * Trains, moving the first latent slider 20 times (~0.3 s apart); the time from each move to
 * its decoded image, and the main thread's long tasks meanwhile.
 */
export async function whileTraining(
  page: Page,
): Promise<{ latencies: number[]; longTasks: number[]; step: number }> {
  const longTaskList = await watchLongTasks(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const latencies: number[] = [];
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(300);
    latencies.push(
      await page.evaluate(
        async (v) => {
          const input = document.querySelector<HTMLInputElement>(
            '[aria-label="Latent dimension 0"]',
          )!;
          const before = window.__playground!.latent().decode?.id ?? 0;
          const t0 = performance.now();
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(
            input,
            String(v),
          );
          input.dispatchEvent(new Event('input', { bubbles: true }));
          while ((window.__playground!.latent().decode?.id ?? 0) <= before) {
            await new Promise((r) => requestAnimationFrame(r));
          }
          return performance.now() - t0;
        },
        ((i % 12) - 6) / 2,
      ),
    );
  }
  const { step } = await status(page);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  return { latencies, longTasks: await longTaskList(), step };
}

/** What 'auto''s probe measured (the time of a probe step on each backend), and the time it added. */
export const probeNote = (probe: PlaygroundStatus['autoChoice']): string =>
  probe
    ? `probe's ${probe.timed === 'step' ? 'training' : 'layer'} step ${Object.entries(
        probe.msPerStep,
      )
        .map(([b, ms]) => `${b} ${fixed(ms, 1)} ms`)
        .join(', ')}; probe added ${fixed(probe.probeMs, 0)} ms`
    : 'no probe (not a software adapter)';

/**
 * The backend measured beside auto's choice: WebGPU, or where auto kept WebGPU the probe's
 * next fastest; none without a probe (a real GPU).
 */
function runnerUp(chosen: string, probe: PlaygroundStatus['autoChoice']): string | null {
  if (chosen !== 'webgpu') return 'webgpu';
  const others = Object.entries(probe?.msPerStep ?? {}).filter(([name]) => name !== chosen);
  return others.sort((a, b) => a[1] - b[1])[0]?.[0] ?? null;
}

/**
 * 'auto' on a link: the backend it chose and the probe's times, its steps/s beside the
 * runner-up's (each from a page of its own), and the bench row's note.
 */
export async function autoBesideRunnerUp(page: Page, link: string) {
  const auto = await open(page, `/${link}`);
  const autoSpeed = await speed(page);
  const probe = auto.autoChoice;
  const chosen = auto.backend ?? '?';
  const speeds = { [chosen]: autoSpeed };
  const other = runnerUp(chosen, probe);
  if (other) {
    await open(page, `/?backend=${other}${link}`);
    speeds[other] = await speed(page);
  }
  const each = (key: 'stepsPerSec' | 'firstStepMs') =>
    Object.fromEntries(Object.entries(speeds).map(([b, s]) => [b, s[key]]));
  const beside = other
    ? ` vs ${fixed(speeds[other]!.stepsPerSec)} steps/s on ${other}`
    : ' steps/s';
  return {
    chosen,
    result: {
      chosen,
      probe,
      steps_per_sec: each('stepsPerSec'),
      first_step_ms: each('firstStepMs'),
    },
    note: `${fixed(autoSpeed.stepsPerSec)}${beside}; ${probeNote(probe)}`,
  };
}
