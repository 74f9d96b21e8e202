import { describe, expect, it } from 'vitest';
import type { LatentAnswer, LatentQuery } from '../workers/messages.ts';
import { LatentRequester } from './latentRequester.ts';

/** A worker stand-in whose answers the test releases one by one. */
function worker() {
  const asked: { query: LatentQuery; answer: () => void; fail: () => void }[] = [];
  const send = (query: LatentQuery) =>
    new Promise<LatentAnswer>((resolve, reject) =>
      asked.push({
        query,
        answer: () => resolve({ kind: query.kind, step: 1, image: null, error: null }),
        fail: () => reject(new Error('the worker died')),
      }),
    );
  return { asked, send };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const decode = (x: number): LatentQuery => ({ kind: 'decode', z: [x, 0] });

describe('LatentRequester', () => {
  it('sends one query per kind at a time, then the newest waiting one', async () => {
    const { asked, send } = worker();
    const answered: [number, string][] = [];
    const r = new LatentRequester(send, (id, a) => answered.push([id, a.kind]));
    r.request(decode(1));
    r.request(decode(2));
    r.request(decode(3));
    r.request({ kind: 'interpolate', from: [0, 0], to: [1, 1], steps: 4, mode: 'linear' });
    expect(asked.map((a) => a.query.kind)).toEqual(['decode', 'interpolate']);
    asked[0]!.answer();
    await settle();
    expect(asked[2]!.query).toEqual(decode(3)); // 2 was replaced by 3 while waiting
    asked[2]!.answer();
    asked[1]!.answer();
    await settle();
    expect(answered).toEqual([
      [1, 'decode'],
      [3, 'decode'],
      [2, 'interpolate'],
    ]);
    expect(r.busy).toBe(0);
    expect(asked).toHaveLength(3);
  });

  it('a failed query (its worker died) lets the waiting one go, without an answer', async () => {
    const { asked, send } = worker();
    const answered: number[] = [];
    const r = new LatentRequester(send, (id) => answered.push(id));
    r.request(decode(1));
    r.request(decode(2)); // waits behind the first
    asked[0]!.fail();
    await settle();
    expect(asked.map((a) => a.query)).toEqual([decode(1), decode(2)]);
    asked[1]!.answer();
    await settle();
    expect(answered).toEqual([2]);
    expect(r.busy).toBe(0);
  });
});
