import { TERM_IDS } from '../../config/glossary.ts';
import { useText } from '../../i18n/text.ts';

/** Every term the page explains, in plain words: the glossary's full list. */
export function Glossary() {
  const t = useText();
  return (
    <details className="glossary" data-testid="glossary">
      <summary>{t.guide.glossary}</summary>
      <dl>
        {TERM_IDS.map((id) => (
          <div key={id} id={`term-${id}`}>
            <dt>{t.glossary[id].term}</dt>
            <dd>{t.glossary[id].plain}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
