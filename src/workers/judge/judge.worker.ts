/// <reference lib="webworker" />
import { serve } from '../../bridge/endpoint.ts';
import { cpuTfjs } from '../../tf/cpu.ts';
import { DigitJudge, LocalJudge } from './digitJudge.ts';
import type { JudgeProtocol } from './protocol.ts';

// The digit judge's own worker, started by the training worker (judgeClient.ts). The classifier
// is small (about 0.2 GFLOP for 1,000 digits), so it runs on tfjs's CPU backend, on another
// core than training, and never competes with training for the GPU. Requests are answered one
// at a time, in order.

let judge: LocalJudge | null = null;
let queue: Promise<unknown> = Promise.resolve();

serve<JudgeProtocol>(self as unknown as DedicatedWorkerGlobalScope, {
  post: (msg) => {
    judge = new LocalJudge(cpuTfjs().then(() => DigitJudge.load(msg.classifierUrl)));
  },
  request: (msg) => {
    const answer = queue.then(async () => {
      if (!judge) throw new Error('the judge was not started');
      if (msg.type === 'real') return judge.setReal(msg.images, msg.count).then(() => null);
      if (msg.type === 'classify') return judge.classify(msg.images, msg.count);
      return judge.compare(msg.images, msg.count);
    });
    queue = answer.catch(() => undefined);
    return answer;
  },
});
