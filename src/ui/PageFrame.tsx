import type { ReactNode } from 'react';
import type { Lang } from '../config/lang.ts';
import { CATALOGS, TextContext } from '../i18n/text.ts';
import { TermContext, type TermView } from '../i18n/term.tsx';
import { TermPopover } from './guide/TermPopover.tsx';
import { CopyLinkButton } from './links/CopyLinkButton.tsx';
import { LanguagePicker } from './links/LanguagePicker.tsx';
import { PresetGallery } from './links/PresetGallery.tsx';

/** How the catalogs' marked terms are shown: with their plain words on hover, focus or tap. */
const termView: TermView = (id, children) => <TermPopover id={id}>{children}</TermPopover>;

/**
 * What every page shows around its runs: the page's language and terms for everything inside,
 * and the header (title, language picker, Copy link, `intro`, the demo gallery).
 */
export function PageFrame({
  lang,
  onLang,
  link,
  intro,
  className,
  children,
}: {
  lang: Lang;
  onLang: (lang: Lang) => void;
  /** The link to copy, with every change in it. */
  link: () => string;
  intro?: ReactNode;
  className: string;
  children: ReactNode;
}) {
  const t = CATALOGS[lang];
  return (
    <TextContext.Provider value={t}>
      <TermContext.Provider value={termView}>
        <div className={className}>
          <header className="app-header">
            <div className="title-row">
              <h1>{t.app.title}</h1>
              <div className="header-actions">
                <LanguagePicker lang={lang} onPick={onLang} />
                <CopyLinkButton link={link} />
              </div>
            </div>
            {intro}
            <PresetGallery />
          </header>
          {children}
        </div>
      </TermContext.Provider>
    </TextContext.Provider>
  );
}
