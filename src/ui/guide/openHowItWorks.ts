import type { RunController } from '../../state/runController.ts';

/** Opens "How it works", brings it into view and moves the focus to its heading. */
export function openHowItWorks(controller: RunController): void {
  controller.setPanel('how', true);
  // After React has opened the panel.
  requestAnimationFrame(() => {
    const summary = document.querySelector<HTMLElement>('#how-it-works > summary');
    summary?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    summary?.focus({ preventScroll: true });
  });
}
