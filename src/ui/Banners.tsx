import type { RunSnapshot } from '../state/runStore.ts';

/** Messages a person must see: errors, backend fallbacks, ignored link values. */
export function Banners({ snap }: { snap: RunSnapshot }) {
  const { backend, error, notices } = snap;
  return (
    <div className="banners">
      {error ? (
        <div className="banner banner-error" role="alert" data-testid="error">
          {error}
        </div>
      ) : null}
      {backend?.fallbackReason ? (
        <div className="banner banner-warn" data-testid="fallback">
          Running on {backend.name.toUpperCase()} because: {backend.fallbackReason}. Training works,
          only slower; Chrome or Edge with WebGPU enabled runs it on your GPU.
        </div>
      ) : null}
      {backend?.forced && !backend.fallbackReason ? (
        <div className="banner banner-info" data-testid="forced">
          The link asked for the {backend.name.toUpperCase()} backend (backend={backend.name}).
        </div>
      ) : null}
      {backend?.autoChoice ? (
        <div className="banner banner-info" data-testid="auto-backend">
          Auto chose the {backend.name.toUpperCase()} backend: {backend.autoChoice}
        </div>
      ) : null}
      {notices.length ? (
        <div className="banner banner-info" data-testid="notices">
          Some values in the link were ignored:
          <ul>
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
