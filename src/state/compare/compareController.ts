import { columnConfig, type CompareSetup } from '../../config/compare.ts';
import { LANG_TAG, type Lang } from '../../config/lang.ts';
import { toHash, type LinkNotice } from '../../config/link.ts';
import type { RunConfig } from '../../config/schema.ts';
import { AddressBar } from '../addressBar.ts';
import { fit } from '../explorer.ts';
import { CompareColumn } from './compareColumn.ts';
import { CompareStore } from './compareStore.ts';

// Compare mode's commands: one Start, Pause, Step and Reset for every column, one latent code
// decoded by every decoder, the language, and the link (`compare=` with the shared fields).
// Each column trains in its own worker; they see the same batches in the same order and the
// same fixed noise because both are drawn from the shared seed alone (workers/train/session.ts).

export interface CompareOpening {
  setups: CompareSetup[];
  shared: RunConfig;
  notices: LinkNotice[];
  z: number[] | null;
  drawn: Float32Array;
  lang: Lang;
  langInLink: boolean;
  autoplay: boolean;
}

export class CompareController {
  readonly store: CompareStore;
  readonly columns: readonly CompareColumn[];
  private readonly link: AddressBar;
  private waitingForReady: number;
  /** The drawing, when the shared data set is 'drawn'. */
  private readonly drawn: Float32Array;

  constructor(open: CompareOpening, dataUrl: string) {
    const z = fit(open.z ?? [], open.shared.latent);
    this.store = new CompareStore({
      lang: open.lang,
      langInLink: open.langInLink,
      setups: open.setups,
      shared: open.shared,
      z,
      notices: open.notices,
    });
    this.drawn = open.drawn;
    this.link = new AddressBar(() => this.hash());
    this.waitingForReady = open.setups.length;
    const page = { lang: open.lang, z, drawn: open.drawn };
    this.columns = open.setups.map(
      (setup) =>
        new CompareColumn(columnConfig(open.shared, setup), page, dataUrl, this.link, () => {
          // `autoplay=1`: every column starts together, once all are ready.
          if (--this.waitingForReady === 0 && open.autoplay) this.start();
        }),
    );
  }

  /** The link: `compare=` with the setups, the shared fields, the code, the language. */
  hash(): string {
    const { setups, shared, z, lang, langInLink } = this.store.getSnapshot();
    return toHash(shared, {
      compare: setups,
      z,
      lang: langInLink ? lang : null,
      drawn: this.drawn,
    });
  }

  start(): void {
    for (const c of this.columns) c.run.start();
  }

  pause(): void {
    for (const c of this.columns) c.run.pause();
  }

  step(): void {
    for (const c of this.columns) c.run.step();
  }

  reset(): void {
    for (const c of this.columns) c.run.reset();
  }

  /** One latent code, every decoder: each column decodes it (its mirror answers while training). */
  setCode(z: number[]): void {
    this.store.update({ z });
    for (const c of this.columns) c.explorer.setCode(z);
  }

  setCodeAt(index: number, value: number): void {
    this.setCode(this.store.getSnapshot().z.map((old, k) => (k === index ? value : old)));
  }

  setLang(lang: Lang): void {
    this.store.update({ lang, langInLink: true });
    for (const c of this.columns) c.store.update({ lang, langInLink: true }, true);
    document.documentElement.lang = LANG_TAG[lang];
    this.link.write();
  }

  /** The page's link with every change in it, and its language, for copying. */
  linkNow(): string {
    if (!this.store.getSnapshot().langInLink) this.store.update({ langInLink: true });
    this.link.write();
    return location.href;
  }
}
