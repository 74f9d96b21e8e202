import { useEffect, useRef, useState } from 'react';
import { useText } from '../../i18n/text.ts';

/**
 * Copies the page's link: `link` writes any change still pending, so it holds the whole setup.
 * Where the clipboard is refused (an insecure origin, a denied permission) the link is shown
 * selected, to copy by hand.
 */
export function CopyLinkButton({ link }: { link: () => string }) {
  const text = useText();
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state === 'copied') {
      const t = setTimeout(() => setState('idle'), 2000);
      return () => clearTimeout(t);
    }
    if (state === 'manual') field.current?.select();
  }, [state]);
  const [shown, setShown] = useState('');
  const copy = async () => {
    const href = link();
    setShown(href);
    try {
      await navigator.clipboard.writeText(href);
      setState('copied');
    } catch {
      setState('manual');
    }
  };
  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()} data-testid="copy-link">
        {state === 'copied' ? text.link.copied : text.link.copy}
      </button>
      {state === 'manual' ? (
        <input
          ref={field}
          className="link-field"
          readOnly
          value={shown}
          aria-label={text.link.field}
          onBlur={() => setState('idle')}
        />
      ) : null}
    </span>
  );
}
