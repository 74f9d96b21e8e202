// The page's languages. The link's `lang=` wins; otherwise the browser's preferences decide
// (the first of navigator.languages that the page speaks), else English.

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (s: string): s is Lang => (LANGS as readonly string[]).includes(s);

/** The first language of the list the page speaks (zh-CN, zh-Hans, zh → zh), else English. */
export function preferredLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLang(base)) return base;
  }
  return 'en';
}

/** The BCP 47 tag for <html lang> and Intl. */
export const LANG_TAG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };
