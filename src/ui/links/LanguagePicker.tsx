import { LANG_TAG, LANGS, type Lang } from '../../config/lang.ts';
import { CATALOGS, useText } from '../../i18n/text.ts';

/** The page's language, each named in itself; switching keeps the run going. */
export function LanguagePicker({ lang, onPick }: { lang: Lang; onPick: (lang: Lang) => void }) {
  const t = useText();
  return (
    <label className="language-picker">
      <span className="visually-hidden">{t.lang.label}</span>
      <select
        value={lang}
        aria-label={t.lang.label}
        onChange={(e) => onPick(e.target.value as Lang)}
        data-testid="language"
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={LANG_TAG[l]}>
            {CATALOGS[l].lang.name}
          </option>
        ))}
      </select>
    </label>
  );
}
