import { WorkerBridge } from '../bridge/bridge.ts';
import type { RgbaImage } from '../workers/messages.ts';
import type { DigitVerdict, JudgeProtocol } from '../workers/judge/protocol.ts';

// The page's side of the digit judge, for one question: what digit does this image show, and
// how sure is the classifier? A worker of its own, ended when it has answered.

export async function classifyDigit(
  image: RgbaImage,
  classifierUrl: string,
): Promise<DigitVerdict> {
  if (image.width !== 28 || image.height !== 28) {
    throw new Error(`a ${image.width}×${image.height} image is not a 28×28 digit`);
  }
  // Gray digits: the red channel, in [0, 1].
  const pixels = new Float32Array(28 * 28);
  for (let i = 0; i < pixels.length; i++) pixels[i] = image.data[i * 4]! / 255;
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
