import { describe, expect, it } from 'vitest';
import { FirstStepClock } from './firstStepClock.ts';

describe('the first-step figure', () => {
  it('spans Start to the status after the first finished step, once per run', () => {
    const clock = { ms: 1000 };
    const first = new FirstStepClock(() => clock.ms);
    expect(first.atStatus()).toBeNull(); // nothing started
    first.start();
    clock.ms += 4000; // compiling (and step 0's quality)
    expect(first.atStatus()).toBeNull(); // no step yet
    first.stepFinished();
    clock.ms += 200; // the chunk's pictures and losses go out before the status
    expect(first.atStatus()).toBe(4200);
    first.start(); // a pause and another Start: the run's figure stays
    clock.ms += 5000;
    expect(first.atStatus()).toBe(4200);
    first.restart(); // a reset
    expect(first.atStatus()).toBeNull();
    first.stepFinished();
    expect(first.atStatus()).toBeNull(); // a step without a start gives no figure
  });
});
