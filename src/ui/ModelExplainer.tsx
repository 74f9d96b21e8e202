import { memo } from 'react';
import { MODELS } from '../config/models.ts';
import type { RunConfig } from '../config/schema.ts';
import { explained } from '../i18n/explained.ts';
import { useText } from '../i18n/text.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Lang } from '../config/lang.ts';
import type { LayerInfo, NetworkLayout } from '../workers/messages.ts';

// "How it works": per model its objective, how to read its curves on this kind of data, where
// the article says otherwise (and what the playground does, and why), and the networks of the
// run, layer by layer (the words, in each language, are in src/i18n).

export const ModelExplainer = memo(function ModelExplainer({
  config,
  networks,
  lang,
}: {
  config: RunConfig;
  networks: NetworkLayout[] | null;
  lang: Lang;
}) {
  const t = useText();
  const family = MODELS[config.model].family;
  const e = explained(config);
  const a = t.explainer.article;
  return (
    <div className="explainer" data-testid="explainer">
      <h3>{t.models[config.model]}</h3>
      {t.explainer[family](e)}
      <p className="muted small-text" data-testid="data-note">
        {t.explainer.dataNote[e.data]}
      </p>
      <section
        className="article-notes"
        data-testid="article-notes"
        aria-labelledby="article-notes"
      >
        <h4 id="article-notes">{a.title}</h4>
        <p className="muted small-text">
          {a.source()}{' '}
          <a href={`${import.meta.env.BASE_URL}listings/article-corrected.py`}>{a.listings}</a>
        </p>
        <ol className="article-list">
          {a[family].map((note, i) => (
            <li key={i}>
              <dl>
                <dt>{a.says}</dt>
                <dd className="says">{note.says}</dd>
                <dt>{a.does}</dt>
                <dd className="does">{note.does}</dd>
                <dt>{a.why}</dt>
                <dd className="why">{note.why}</dd>
              </dl>
            </li>
          ))}
        </ol>
      </section>
      {networks ? <NetworkTables networks={networks} lang={lang} /> : null}
    </div>
  );
});

/** One line per layer, as a Keras listing would write it. */
function layerLine(l: LayerInfo): string {
  const args = [
    l.units ?? l.filters,
    l.kernel ? `${l.kernel.join('×')}` : undefined,
    l.strides ? `/${l.strides[0]}` : undefined,
    l.padding,
    l.activation && l.activation !== 'linear' && l.type !== 'LeakyReLU' ? l.activation : undefined,
    l.slope !== undefined ? `α = ${l.slope}` : undefined,
    l.rate !== undefined ? `${l.rate}` : undefined,
  ].filter((v) => v !== undefined);
  return `${l.type}${args.length ? `(${args.join(', ')})` : ''}`;
}

function NetworkTables({ networks, lang }: { networks: NetworkLayout[]; lang: Lang }) {
  const t = useText();
  const n = t.explainer.networks;
  return (
    <details className="network-layers" data-testid="network-layers">
      <summary>{n.title}</summary>
      {networks.map((net) => (
        <div key={net.name}>
          <h4>
            {n.names[net.name] ?? net.name}{' '}
            <span className="muted small-text">· {n.params(formatNumber(lang, net.params))}</span>
          </h4>
          <ol>
            {net.layers.map((l) => (
              <li key={l.name}>
                <code>{layerLine(l)}</code>{' '}
                <span className="muted small-text">→ {l.output.join('×')}</span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </details>
  );
}
