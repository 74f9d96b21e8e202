import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { RunController } from './state/runController.ts';
import { RunStore } from './state/runStore.ts';
import { installTestHandle } from './state/testHandle.ts';
import { installFaultTriggers } from './state/faults.ts';
import { parseSwitches, setSwitches } from './config/switches.ts';
import { parseLink } from './config/link.ts';
import { defaultDrawing } from './config/drawing.ts';
import { LANG_TAG, preferredLang } from './config/lang.ts';
import { CompareController } from './state/compare/compareController.ts';
import { CompareApp } from './ui/compare/CompareApp.tsx';
import './styles.css';

// The page's wiring, done once outside React (so StrictMode's double effects never start two
// workers): link → config → store ← worker, and the read-only test handle. A link with
// `compare=` opens compare mode: a run, a store and a worker per column.
const link = parseLink(location.search, location.hash);
const { config, notices, drawn, z, autoplay, closed, lang, fromLink, fromTrained } = link;
const pageLang = lang ?? preferredLang(navigator.languages);
document.documentElement.lang = LANG_TAG[pageLang];
setSwitches(parseSwitches(location.search));
const dataUrl = new URL('data/mnist-10k.bin', document.baseURI).href;
const root = createRoot(document.getElementById('root')!);

if (link.compare) {
  const controller = new CompareController(
    {
      setups: link.compare,
      shared: config,
      notices,
      z,
      drawn: drawn ?? defaultDrawing(),
      lang: pageLang,
      langInLink: !!lang,
      autoplay,
    },
    dataUrl,
  );
  const stores = controller.columns.map((c) => c.store);
  installTestHandle(stores[0]!, stores);
  root.render(
    <StrictMode>
      <CompareApp controller={controller} />
    </StrictMode>,
  );
} else {
  const store = new RunStore(
    config,
    notices,
    drawn ?? defaultDrawing(),
    z,
    closed,
    pageLang,
    !!lang,
    fromLink,
  );
  store.update(
    {
      dirac: link.dirac,
      posterior: link.posterior && { target: link.posterior, view: null, problem: null },
      graph: link.graph,
      rd: link.rd,
      slow: { on: link.slow, running: false },
      explorer: { ...store.getSnapshot().explorer, label: link.y ?? 0 },
    },
    true,
  );
  const controller = new RunController(store, dataUrl, autoplay, fromTrained);
  installFaultTriggers(controller);
  installTestHandle(store);
  root.render(
    <StrictMode>
      <App store={store} controller={controller} />
    </StrictMode>,
  );
}
// The page is built from its link: another link (a demo, a hand edit) means a fresh page.
// The page's own link updates use replaceState, which fires no hashchange.
window.addEventListener('hashchange', () => location.reload());
