import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import architecture, { pathBack } from './architecture.js';

// The folder rule on snippets, as if they were files of src/: a wrong-way import fails lint.

const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { architecture },
    rules: { 'architecture/folders': 'error' },
  },
] as Linter.Config[];

const lint = (file: string, code: string) =>
  linter
    .verify(code, config, { filename: `${import.meta.dirname}/../../${file}` })
    .map((m) => m.message);

describe('architecture/folders', () => {
  it('refuses the page importing a worker’s code, and accepts its types', () => {
    expect(
      lint('src/state/x.ts', "import { Trainer } from '../workers/train/trainer.ts';"),
    ).toEqual([
      expect.stringMatching(
        /^state may not import workers\/train .*the page sees only workers’ types/,
      ),
    ]);
    expect(
      lint('src/state/x.ts', "import type { FromWorker } from '../workers/train/protocol.ts';"),
    ).toEqual([]);
    expect(lint('src/ui/x.ts', "import { type RgbaImage } from '../workers/messages.ts';")).toEqual(
      [],
    );
  });

  it('keeps tfjs off the page and out of the decoder', () => {
    expect(lint('src/ui/x.ts', "import * as tf from '@tensorflow/tfjs-core';")).toHaveLength(1);
    expect(lint('src/workers/decoder/x.ts', "import '../../tf/tfjs.ts';")).toHaveLength(1);
    expect(lint('src/models/x.ts', "import * as tf from '../tf/tfjs.ts';")).toEqual([]);
  });

  it('refuses wrong-way imports between the plain folders and between workers', () => {
    expect(
      lint('src/data/x.ts', "import type { DataShape } from '../models/types.ts';"),
    ).toHaveLength(1);
    expect(lint('src/state/x.ts', "import { downloadAll } from '../ui/download.ts';")).toHaveLength(
      1,
    );
    expect(
      lint('src/workers/judge/x.ts', "import { Trainer } from '../train/trainer.ts';"),
    ).toHaveLength(1);
    // A worker may speak another's protocol (the training worker asks the judge).
    expect(
      lint('src/workers/train/x.ts', "import { QUALITY_SLICE } from '../judge/protocol.ts';"),
    ).toEqual([]);
  });

  it('lets tests and test helpers import anything', () => {
    expect(
      lint('src/state/x.test.ts', "import { Trainer } from '../workers/train/trainer.ts';"),
    ).toEqual([]);
  });
});

describe('architecture/no-cycles', () => {
  it('finds the way back around a loop, and none where there is no loop', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c', 'd']],
      ['c', ['a']],
      ['d', []],
    ]);
    expect(pathBack(edges, 'b', 'a')).toEqual(['b', 'c', 'a']);
    expect(pathBack(edges, 'd', 'a')).toBeNull();
  });
});
