import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { TermId } from '../../config/glossary.ts';
import { useText } from '../../i18n/text.ts';

/** Room kept between a definition and the window's edge, and below its term, px. */
const MARGIN = 8;
const GAP = 4;

/**
 * A glossary term where it occurs: a dotted-underlined button whose plain-words definition
 * shows on mouse hover, on keyboard focus, and on a tap or click (which keeps it open until the
 * next tap, Escape or a click elsewhere). The definition is drawn in the page's body, under its
 * term and inside the window: the panels clip what overflows them (`contain: paint`).
 */
export function TermPopover({ id, children }: { id: TermId; children: ReactNode }) {
  const t = useText();
  const entry = t.glossary[id];
  const [pinned, setPinned] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const shown = pinned || hovered || focused;
  const tipId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const tip = useRef<HTMLSpanElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    if (!shown || !button.current || !tip.current) return;
    const at = button.current.getBoundingClientRect();
    const width = tip.current.getBoundingClientRect().width;
    const room = document.documentElement.clientWidth - MARGIN - width;
    setPlace({
      left: Math.max(MARGIN, Math.min(at.left, room)) + window.scrollX,
      top: at.bottom + GAP + window.scrollY,
    });
  }, [shown]);
  const close = () => {
    setPinned(false);
    setFocused(false);
    setPlace(null);
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="term"
        aria-expanded={shown}
        aria-describedby={shown ? tipId : undefined}
        data-term={id}
        onClick={() => (pinned ? close() : setPinned(true))}
        onPointerEnter={(e) => e.pointerType === 'mouse' && setHovered(true)}
        onPointerLeave={(e) => {
          if (e.pointerType !== 'mouse') return;
          setHovered(false);
          if (!pinned && !focused) setPlace(null);
        }}
        // Keyboard focus shows it; the focus a click or tap brings is the click's business.
        onFocus={(e) => setFocused(e.currentTarget.matches(':focus-visible'))}
        onBlur={close}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && shown) {
            e.stopPropagation();
            close();
            setHovered(false);
          }
        }}
      >
        {children}
      </button>
      {shown
        ? createPortal(
            <span
              ref={tip}
              id={tipId}
              role="tooltip"
              className="term-tip"
              // Measured first where it cannot be seen, then placed.
              style={place ?? { left: 0, top: 0, visibility: 'hidden' }}
            >
              <strong>{entry.term}</strong> {entry.plain}
            </span>,
            document.body,
          )
        : null}
    </>
  );
}
