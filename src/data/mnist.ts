import { isGzip, parseDigitSet, type DigitSet } from './mnistFormat.ts';

// Fetches the packed digits from the page's own origin, reporting download progress.

export type ProgressFn = (loaded: number, total: number | null) => void;

async function readAll(res: Response, onProgress: ProgressFn): Promise<Uint8Array> {
  const header = res.headers.get('content-length');
  // Content-Length counts encoded bytes; only trust it when the server did not re-encode.
  const total = header && !res.headers.get('content-encoding') ? Number(header) : null;
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    onProgress(buf.length, buf.length);
    return buf;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function fetchDigits(url: string, onProgress: ProgressFn): Promise<DigitSet> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load the MNIST digits (${url}): HTTP ${res.status}`);
  const raw = await readAll(res, onProgress);
  // A server may already have undone the gzip (Content-Encoding): look at the bytes.
  return parseDigitSet(isGzip(raw) ? await gunzip(raw) : raw);
}
