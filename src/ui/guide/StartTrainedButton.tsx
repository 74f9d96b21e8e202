import type { RunController } from '../../state/runController.ts';
import type { RunSnapshot } from '../../state/runStore.ts';
import { useText } from '../../i18n/text.ts';

/** "Start trained (step N)": the demo's shipped weights, fetched and loaded when pressed. */
export function StartTrainedButton({
  snap,
  controller,
  step,
  primary = false,
}: {
  snap: RunSnapshot;
  controller: RunController;
  step: number;
  primary?: boolean;
}) {
  const t = useText();
  return (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      onClick={() => void controller.trained.load()}
      disabled={snap.phase !== 'ready' || snap.running || snap.trained.phase === 'loading'}
    >
      {t.guide.trained.start(step)}
    </button>
  );
}
