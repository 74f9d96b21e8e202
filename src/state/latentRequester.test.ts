import { describe, expect, it } from 'vitest';
import type { LatentQuery } from '../worker/protocol.ts';
import { LatentRequester } from './latentRequester.ts';

describe('LatentRequester', () => {
  it('sends one query per kind at a time, then the newest waiting one', () => {
    const sent: [number, LatentQuery][] = [];
    let id = 0;
    const r = new LatentRequester((q) => {
      sent.push([++id, q]);
      return id;
    });
    const decode = (x: number): LatentQuery => ({ kind: 'decode', z: [x, 0] });
    r.request(decode(1));
    r.request(decode(2));
    r.request(decode(3));
    r.request({ kind: 'interpolate', from: [0, 0], to: [1, 1], steps: 4, mode: 'linear' });
    expect(sent.map(([i, q]) => [i, q.kind])).toEqual([
      [1, 'decode'],
      [2, 'interpolate'],
    ]);
    r.answered('decode', 99); // not the one in flight: ignored
    expect(sent).toHaveLength(2);
    r.answered('decode', 1);
    expect(sent[2]).toEqual([3, decode(3)]); // 2 was replaced by 3 while waiting
    r.answered('decode', 3);
    r.answered('interpolate', 2);
    expect(r.busy).toBe(0);
    expect(sent).toHaveLength(3);
  });

  it('after its worker died, forgets what was in flight: the next query goes out at once', () => {
    const sent: LatentQuery[] = [];
    const r = new LatentRequester((q) => sent.push(q));
    r.request({ kind: 'decode', z: [1] });
    r.request({ kind: 'decode', z: [2] }); // waits behind the first
    r.abandon(); // the first's answer will never come; the waiting one is dropped too
    expect(r.busy).toBe(0);
    r.request({ kind: 'decode', z: [3] });
    expect(sent.map((q) => (q.kind === 'decode' ? q.z[0] : null))).toEqual([1, 3]);
  });
});
