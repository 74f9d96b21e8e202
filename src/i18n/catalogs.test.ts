import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import { en } from './en.tsx';
import { zh } from './zh.tsx';

// Both catalogs have the same keys (the compiler checks it too), no empty text, and functions that take
// no parameters the English ones do not; a few texts with numbers, in each language.

type Leaf = { path: string; value: unknown };

function leaves(o: unknown, path = ''): Leaf[] {
  if (
    typeof o === 'string' ||
    typeof o === 'function' ||
    typeof o === 'number' ||
    o === null ||
    isValidElement(o)
  )
    return [{ path, value: o }];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, path ? `${path}.${k}` : k),
  );
}

describe('the catalogs', () => {
  const english = leaves(en);
  const chinese = leaves(zh);

  it('have the same keys, none empty, and the same parameters', () => {
    expect(chinese.map((l) => l.path)).toEqual(english.map((l) => l.path));
    expect(english.length).toBeGreaterThan(200);
    for (const [i, e] of english.entries()) {
      const c = chinese[i]!;
      expect(typeof c.value, e.path).toBe(typeof e.value);
      if (typeof e.value === 'string') {
        expect(e.value.trim(), e.path).not.toBe('');
        expect((c.value as string).trim(), c.path).not.toBe('');
      } else if (typeof e.value === 'function') {
        // A language may leave out parameters it does not need, never take others.
        expect((c.value as () => unknown).length, e.path).toBeLessThanOrEqual(
          (e.value as () => unknown).length,
        );
      }
    }
  });

  it('the demo cards watch for the same things at the same steps, and every term is defined', () => {
    const steps = (c: typeof en) =>
      Object.entries(c.guide.presets).map(([id, list]) => [id, list.map((w) => w.at)]);
    expect(steps(zh as typeof en)).toEqual(steps(en));
    for (const [id, entry] of Object.entries(zh.glossary)) {
      expect(entry.plain, id).toMatch(/\p{Script=Han}/u);
      expect(en.glossary[id as keyof typeof en.glossary].plain.length, id).toBeGreaterThan(40);
    }
  });

  it('the Chinese is Chinese: every label and option has Han characters or is a kept name', () => {
    const kept =
      /^(Adam β[12]|ReLU|LeakyReLU|ELU|tanh|Adam|RMSProp|WebGPU|WebGL|CPU|KL\(.*|D\(.*)$/;
    const labels = [
      ...Object.values(zh.fields).map((f) => f.label),
      ...Object.values(zh.options).flatMap((o) => Object.values(o as Record<string, string>)),
      ...Object.values(zh.metrics),
    ];
    for (const l of labels) {
      if (!kept.test(l)) expect(l, l).toMatch(/\p{Script=Han}/u);
    }
  });

  it('say numbers in sentences in both languages', () => {
    const line = {
      label: { set: 'mnist' as const, digits: [3], points: null },
      trainCount: 890,
      heldOutCount: 100,
      smallBatch: null,
    };
    expect(en.dataLine(line, 32)).toBe('MNIST (only 3): 890 training and 100 held-out digits');
    expect(zh.dataLine(line, 32)).toBe('MNIST（仅数字 3）：训练 890 个，留出 100 个');
    expect(en.upload.summary(1, 0, 0, 10_000)).toBe('1 image ready.');
    expect(en.upload.summary(10_000, 0, 10_000, 10_000)).toBe(
      '10000 images ready, 10000 beyond the limit of 10000 not used.',
    );
    expect(zh.upload.summary(9, 1, 0, 10_000)).toBe('9 张图片就绪，跳过 1 个。');
    expect(zh.status.firstStep('2.5')).toBe('第一步用了 2.5 秒');
    expect(en.storage.notes.failed('save', 'the disk is full')).toBe(
      'Saving failed: the disk is full. The model in memory is unchanged.',
    );
    expect(en.storage.notes.failed('delete', 'gone')).toBe('Deleting failed: gone.');
    expect(en.notice({ key: 'lr', shown: '"abc"' })).toBe(
      'lr: "abc" is not a number in 0.000001…1; using the default',
    );
    expect(zh.notice({ key: 'batch', shown: '"-5"' })).toBe(
      'batch："-5" 不是 1…512 之间的整数；改用默认值',
    );
    expect(zh.storage.notes.failed('save', 'the disk is full')).toBe(
      '保存失败：the disk is full。内存中的模型没有改变。',
    );
  });
});
