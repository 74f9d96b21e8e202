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
import './styles.css';

// The page's wiring, done once outside React (so StrictMode's double effects never start two
// workers): link → config → store ← worker, and the read-only test handle.
const { config, notices, drawn, z, autoplay, closed, lang, fromLink, fromTrained } = parseLink(
  location.search,
  location.hash,
);
const pageLang = lang ?? preferredLang(navigator.languages);
document.documentElement.lang = LANG_TAG[pageLang];
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
setSwitches(parseSwitches(location.search));
const controller = new RunController(
  store,
  new URL('data/mnist-10k.bin', document.baseURI).href,
  autoplay,
  fromTrained,
);
installFaultTriggers(controller);
// The page is built from its link: another link (a demo, a hand edit) means a fresh page.
// The page's own link updates use replaceState, which fires no hashchange.
window.addEventListener('hashchange', () => location.reload());
installTestHandle(store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} controller={controller} />
  </StrictMode>,
);
