import { describe, expect, it } from 'vitest';
import { parseSwitches, SWITCHES_OFF } from './switches.ts';

describe('the test and benchmark switches', () => {
  it('are all off without ?faults=, whatever else the query holds', () => {
    expect(parseSwitches('')).toEqual(SWITCHES_OFF);
    expect(parseSwitches('?backend=cpu&noGpu=1')).toEqual(SWITCHES_OFF);
  });

  it('?faults=1 turns on the triggers alone; a list names more, unknown names are ignored', () => {
    expect(parseSwitches('?faults=1')).toEqual({ ...SWITCHES_OFF, triggers: true });
    expect(parseSwitches('?faults=no-gpu,count-gpu,plain-loop,rm-rf')).toEqual({
      ...SWITCHES_OFF,
      triggers: true,
      noGpu: true,
      countGpu: true,
      plainLoop: true,
    });
    expect(parseSwitches('?faults=no-storage,no-mirror,no-reuse')).toMatchObject({
      noStorage: true,
      noMirror: true,
      noReuse: true,
    });
  });
});
