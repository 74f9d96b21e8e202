// Saving something from the page as a file: a temporary object URL behind a clicked link.

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once it starts; give it a moment before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Several files one after another (browsers drop clicks that come in the same instant); `.json`
 * ones as JSON, the rest as bytes.
 */
export async function downloadAll(
  files: readonly { name: string; bytes: Uint8Array<ArrayBuffer> }[],
): Promise<void> {
  for (const [i, f] of files.entries()) {
    if (i > 0) await new Promise((r) => setTimeout(r, 200));
    const type = f.name.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    downloadBlob(f.name, new Blob([f.bytes], { type }));
  }
}
