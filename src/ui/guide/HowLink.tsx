import type { RunController } from '../../state/runController.ts';
import { useText } from '../../i18n/text.ts';
import { openHowItWorks } from './openHowItWorks.ts';

/** "How it works" beside a picture: one click opens the explanation and brings it into view. */
export function HowLink({ controller }: { controller: RunController }) {
  const t = useText();
  return (
    <button
      type="button"
      className="link-button how-link"
      onClick={() => openHowItWorks(controller)}
    >
      {t.app.howItWorks}
    </button>
  );
}
