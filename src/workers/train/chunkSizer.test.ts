import { describe, expect, it } from 'vitest';
import { ChunkSizer, MAX_CHUNK } from './chunkSizer.ts';

describe('ChunkSizer', () => {
  it('sizes the next chunk to take about 250 ms, and smooths the steps/s', () => {
    const c = new ChunkSizer();
    expect(c.size).toBe(1);
    c.record(1, 50); // 20 steps/s: 5 steps take 250 ms
    expect(c.size).toBe(5);
    expect(c.stepsPerSec).toBe(20);
    c.record(5, 125); // now 40 steps/s
    expect(c.size).toBe(10);
    expect(c.stepsPerSec).toBeCloseTo(0.7 * 20 + 0.3 * 40, 10);
  });

  it('stays between one step and its limit, and restarts from one', () => {
    const c = new ChunkSizer();
    c.record(10, 1); // 10,000 steps/s
    expect(c.size).toBe(MAX_CHUNK);
    c.record(1, 5_000); // one slow step
    expect(c.size).toBe(1);
    c.limit = 1; // the benchmark's plain loop
    c.record(10, 1);
    expect(c.size).toBe(1);
    c.restart();
    expect([c.size, c.stepsPerSec]).toEqual([1, 0]);
  });
});
