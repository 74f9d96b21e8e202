import { useEffect, useRef } from 'react';
import type { RunController } from '../../state/runController.ts';
import type { RunSnapshot } from '../../state/runStore.ts';

/** Elements that use these keys themselves: typing, sliders, buttons, the pads. */
function ownsKeys(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'SUMMARY'].includes(el.tagName)) return true;
  return el.getAttribute('role') === 'slider';
}

/** Space: train / pause; →: one step; R: reset. Not while a control has the keys. */
export function useShortcuts(snap: RunSnapshot, controller: RunController): void {
  const latest = useRef(snap);
  useEffect(() => {
    latest.current = snap;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target)) return;
      const s = latest.current;
      if (s.phase !== 'ready') return;
      if (e.key === ' ') {
        e.preventDefault();
        if (s.running) controller.pause();
        else controller.start();
      } else if (e.key === 'ArrowRight' && !s.running) {
        e.preventDefault();
        controller.step();
      } else if (e.key === 'r' || e.key === 'R') {
        e.preventDefault();
        controller.reset();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
}
