import { WorkerBridge } from '../bridge/bridge.ts';
import type { RgbaImage } from '../workers/messages.ts';
import type { DigitVerdict, JudgeProtocol } from '../workers/judge/protocol.ts';

// The page's side of the digit judge, for one question: what digit does this image show, and
// how sure is the classifier? A worker of its own, ended when it has answered.

export async function classifyDigit(
  image: RgbaImage,
  classifierUrl: string,
): Promise<DigitVerdict> {
  // The decoded image is one tile of the page's grids: 28×28 inside a 1-pixel frame.
  const frame = (image.width - 28) / 2;
  if (image.width !== image.height || (frame !== 0 && frame !== 1)) {
    throw new Error(`a ${image.width}×${image.height} image is not a 28×28 digit`);
  }
  // Gray digits: the red channel, in [0, 1].
  const pixels = new Float32Array(28 * 28);
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      pixels[y * 28 + x] = image.data[((y + frame) * image.width + x + frame) * 4]! / 255;
    }
  }
  const bridge = new WorkerBridge<JudgeProtocol>({
    name: 'the digit judge',
    spawn: () =>
      new Worker(new URL('../workers/judge/judge.worker.ts', import.meta.url), { type: 'module' }),
  });
  try {
    bridge.post({ type: 'init', classifierUrl });
    const [verdict] = await bridge.request({ type: 'classify', images: pixels, count: 1 });
    return verdict!;
  } finally {
    bridge.terminate();
  }
}
