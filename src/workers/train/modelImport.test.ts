import { beforeAll, describe, expect, it } from 'vitest';
import { defaultsFor } from '../../config/models.ts';
import type { RunConfig } from '../../config/schema.ts';
import { toHash } from '../../config/link.ts';
import { classifierHandler, loadPackedDigits } from '../../testing/digits.ts';
import { MemoryStore } from '../../testing/memoryStore.ts';
import { Checkpoints } from './checkpoints.ts';
import { DigitJudge, LocalJudge } from '../judge/digitJudge.ts';
import { IMPORT_LIMITS, jsonDepth } from '../shared/importChecks.ts';
import type { FromWorker } from './protocol.ts';
import type { NamedBytes } from '../messages.ts';
import { Trainer } from './trainer.ts';
import { en } from '../../i18n/en.tsx';
import { say } from '../../i18n/said.ts';
import { modelNote } from '../../state/modelNotes.ts';

// Loading model files is a transaction: a file that cannot be trained from, or whose saved
// setup cannot be built, is refused with a sentence naming the file, and the run (its step,
// chart, pictures, and Step) is exactly as before. On tfjs's CPU backend in Node.

type Json = { userDefinedMetadata: { playground: Record<string, unknown> } } & Record<
  string,
  unknown
>;

const config: RunConfig = {
  ...defaultsFor('vae'),
  backend: 'cpu',
  hidden: 32,
  batch: 8,
  quality: 0,
};

let posted: FromWorker[] = [];
let trainer: Trainer;
let exported: NamedBytes[] = [];

beforeAll(async () => {
  trainer = new Trainer(
    (m) => posted.push(m),
    async () => loadPackedDigits(),
    new Checkpoints(new MemoryStore()),
    () => new LocalJudge(DigitJudge.load(classifierHandler())),
  );
  await trainer.init(config, 'unused');
  for (let i = 0; i < 3; i++) await trainer.singleStep();
  await trainer.keeper.exportModel(toHash(config));
  const answer = posted.find((m) => m.type === 'exported');
  exported = answer?.type === 'exported' ? answer.files : [];
  for (let i = 0; i < 2; i++) await trainer.singleStep(); // the run is now at step 5
});

const text = (s: string) => new Uint8Array(new TextEncoder().encode(s));
const jsonOf = (f: NamedBytes) => JSON.parse(new TextDecoder().decode(f.bytes)) as Json;

/** The export with each model.json passed through `edit` and each weights file through `bin`. */
function edited(
  edit: (j: Json) => void,
  bin: (b: Uint8Array) => Uint8Array = (b) => b,
): NamedBytes[] {
  return exported.map((f) => {
    // A fresh buffer of its own, as a file read in the page has.
    const own = (b: Uint8Array) => new Uint8Array(b);
    if (f.name.endsWith('.bin')) return { ...f, bytes: own(bin(f.bytes)) };
    const j = jsonOf(f);
    edit(j);
    return { ...f, bytes: text(JSON.stringify(j)) };
  });
}

const lastStatus = () => posted.filter((m) => m.type === 'status').at(-1);
const lastImages = () => posted.filter((m) => m.type === 'images').at(-1);

/** Loads the files; expects a refusal matching `why`, with nothing about the run changed. */
async function expectRefused(files: NamedBytes[], why: RegExp) {
  const step = (lastStatus() as { step: number }).step;
  const pictures = lastImages();
  posted = [];
  await trainer.keeper.importFiles(files);
  const note = said();
  expect(note).toEqual({ ok: false, text: expect.any(String) });
  const text = note.text;
  expect(text).toMatch(why);
  expect(text).toMatch(
    /^Those files could not be loaded: .*\. The model in memory is unchanged\.$/,
  );
  expect(text).not.toMatch(/Cannot convert|call stack|undefined|\[object/);
  // Nothing was reset, restored or redrawn; the chart's rows and the step are where they were.
  expect(posted.filter((m) => m.type !== 'status').map((m) => m.type)).toEqual(['models']);
  for (const m of posted) if (m.type === 'status') expect(m.step).toBe(step);
  posted = [];
  await trainer.singleStep();
  expect(lastStatus()).toMatchObject({ step: step + 1 });
  expect(lastImages()).not.toBe(pictures);
  return text;
}

/** The newest `models` message's note, as the page says it in English. */
function said(): { text: string; ok: boolean } {
  const answer = posted.find((m) => m.type === 'models');
  const note = modelNote(answer?.type === 'models' ? answer.note : null)!;
  return { text: say(en, note.text), ok: note.ok };
}

describe('loading model files', () => {
  it('the export loads back (the transaction commits when every check passes)', async () => {
    expect(exported.map((f) => f.name).sort()).toEqual([
      'vae-mnist-step3-decoder.json',
      'vae-mnist-step3-decoder.weights.bin',
      'vae-mnist-step3-encoder.json',
      'vae-mnist-step3-encoder.weights.bin',
    ]);
    posted = [];
    await trainer.keeper.importFiles(exported);
    expect(said()).toEqual({ ok: true, text: 'Loaded encoder and decoder from the files.' });
    expect(posted.find((m) => m.type === 'restored')).toMatchObject({ step: 3 });
    await trainer.singleStep();
    expect(lastStatus()).toMatchObject({ step: 4 });
  });

  it('a saved link whose data is not there (uploaded images, none chosen) keeps the run', async () => {
    const note = await expectRefused(
      edited((j) => {
        j.userDefinedMetadata.playground.hash = '#data=upload';
      }),
      /Add at least two images of your own first/,
    );
    expect(note).toMatch(/unchanged/);
  });

  it('weights that are NaN or infinite are refused, naming the file and the weight', async () => {
    const nan = (b: Uint8Array) =>
      new Uint8Array(new Float32Array(b.byteLength / 4).fill(NaN).buffer);
    await expectRefused(
      edited(() => undefined, nan),
      /vae-mnist-step3-(encoder|decoder)\.json: weight 1 \(\w+\/kernel\) holds values that are NaN or infinite/,
    );
    const oneInf = (b: Uint8Array) => {
      const copy = new Float32Array(b.slice().buffer);
      copy[copy.length - 1] = Infinity;
      return new Uint8Array(copy.buffer);
    };
    await expectRefused(
      edited(() => undefined, oneInf),
      /NaN or infinite/,
    );
  });

  it('the saved step must be a whole number a run can count from', async () => {
    for (const step of [1e300, -1, 2.5, '7', null]) {
      await expectRefused(
        edited((j) => {
          j.userDefinedMetadata.playground.step = step;
        }),
        /\.json: its saved step is not a whole number from 0 to 9007199254740991/,
      );
    }
    await expectRefused(
      edited((j) => {
        j.userDefinedMetadata.playground.role = 'critic';
      }),
      /its network is none of encoder, decoder, generator, discriminator/,
    );
  });

  it('a saved link is read as a URL is: bad values fall back, and the load goes on', async () => {
    posted = [];
    await trainer.keeper.importFiles(
      edited((j) => {
        j.userDefinedMetadata.playground.hash = `${toHash(config)}&lr=banana&__proto__=1`;
      }),
    );
    expect(said().ok).toBe(true);
    expect(posted.find((m) => m.type === 'restored')).toMatchObject({ step: 3 });
  });

  it('malformed weight descriptions get a sentence, never an engine error', async () => {
    const firstSpec = (j: Json) =>
      (j.weightsManifest as { weights: Record<string, unknown>[] }[])[0]!.weights[0]!;
    // An object as dtype: interpolating it would throw "Cannot convert object to primitive value".
    await expectRefused(
      edited((j) => {
        firstSpec(j).dtype = { toString: 1 };
      }),
      /\.json: weight 1 \(\w+\/kernel\) has no dtype/,
    );
    await expectRefused(
      edited((j) => {
        firstSpec(j).shape = [784, 'x'];
      }),
      /has no shape of whole numbers/,
    );
    await expectRefused(
      edited((j) => {
        firstSpec(j).name = 'someone_else/kernel';
      }),
      /weight 1 \(someone_else\/kernel\) is not this setup's \w+\/kernel/,
    );
    // A million weight descriptions (47 MB of JSON): refused by size, before parsing; ten
    // thousand: by count, before any is read. Neither overflows the stack.
    const manifestOf = (count: number) =>
      edited((j) => {
        const group = (j.weightsManifest as { weights: unknown[] }[])[0]!;
        group.weights = Array.from({ length: count }, (_, i) => ({
          name: `w${i}`,
          shape: [1],
          dtype: 'float32',
        }));
      });
    await expectRefused(manifestOf(1_000_000), /\.json is 47 MB; a model\.json of this page/);
    await expectRefused(manifestOf(10_000), /lists more than 512 weight arrays/);
    // Deeply nested JSON: refused before parsing.
    const deep = { name: 'deep.json', bytes: text(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) };
    await expectRefused([deep], /deep\.json is nested more than 64 levels deep/);
    const big = { name: 'big.json', bytes: new Uint8Array(IMPORT_LIMITS.jsonBytes + 1) };
    await expectRefused([big], /big\.json is 4 MB; a model\.json of this page is a few kB/);
  });
});

describe('jsonDepth', () => {
  it('counts nesting outside strings, and stops past the limit', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('"[[[[\\"[["')).toBe(0);
    expect(jsonDepth('[]')).toBe(1);
    expect(jsonDepth('['.repeat(1000), 10)).toBe(11);
  });
});
