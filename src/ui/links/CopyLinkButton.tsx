import { useEffect, useRef, useState } from 'react';

/**
 * Copies the page's link (it always holds the whole setup). Where the clipboard is refused
 * (an insecure origin, a denied permission) the link is shown selected, to copy by hand.
 */
export function CopyLinkButton() {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state === 'copied') {
      const t = setTimeout(() => setState('idle'), 2000);
      return () => clearTimeout(t);
    }
    if (state === 'manual') field.current?.select();
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setState('copied');
    } catch {
      setState('manual');
    }
  };
  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()} data-testid="copy-link">
        {state === 'copied' ? 'Link copied' : 'Copy link'}
      </button>
      {state === 'manual' ? (
        <input
          ref={field}
          className="link-field"
          readOnly
          value={location.href}
          aria-label="The link to this setup: copy it"
          onBlur={() => setState('idle')}
        />
      ) : null}
    </span>
  );
}
