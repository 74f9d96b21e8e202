import type { RunSnapshot } from '../state/runStore.ts';

const BACKEND_LABEL = { webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' } as const;

function formatBytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} kB`;
}

function progressText(p: NonNullable<RunSnapshot['progress']>): string {
  if (p.loaded === null) return p.message;
  if (p.total) return `${p.message} ${formatBytes(p.loaded)} of ${formatBytes(p.total)}`;
  return `${p.message} ${formatBytes(p.loaded)}`;
}

/** One line: backend and adapter, what the page is doing, step and speed. */
export function StatusBar({ snap }: { snap: RunSnapshot }) {
  const { backend, progress } = snap;
  const compiling = snap.running && snap.firstStepMs === null;
  let activity: string;
  if (progress) activity = progressText(progress);
  else if (snap.phase === 'preparing') activity = 'Starting the training worker…';
  else if (snap.phase === 'failed') activity = 'Stopped by an error';
  else if (compiling) activity = 'Compiling GPU kernels for the first step…';
  else if (snap.running) activity = 'Training';
  else activity = snap.step > 0 ? 'Paused' : 'Ready: press Start';

  return (
    <div className="status-bar" role="status" aria-live="polite" data-testid="status">
      <span className="status-item">
        Backend:{' '}
        <strong data-testid="backend">{backend ? BACKEND_LABEL[backend.name] : '…'}</strong>
        {backend ? <span className="muted"> ({backend.adapter})</span> : null}
      </span>
      <span className="status-item" data-testid="activity">
        {activity}
      </span>
      {progress?.total && progress.loaded !== null ? (
        <progress
          className="load-progress"
          aria-label={progress.message}
          max={progress.total}
          value={progress.loaded}
        />
      ) : null}
      <span className="status-item">
        Step <strong data-testid="step">{snap.step}</strong>
      </span>
      <span className="status-item">
        <strong data-testid="steps-per-sec">{snap.stepsPerSec.toFixed(1)}</strong> steps/s
      </span>
      {snap.firstStepMs !== null ? (
        <span className="status-item muted">
          first step after {(snap.firstStepMs / 1000).toFixed(1)} s
        </span>
      ) : null}
    </div>
  );
}
