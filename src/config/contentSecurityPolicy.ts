/**
 * The built page's Content-Security-Policy: scripts, workers, styles and connections from the
 * page's own origin only, no inline script and no eval; images also from data: and blob: URLs
 * (canvas exports, the PNG download). React sets styles through the DOM (CSSOM), which the
 * policy does not govern. Only in the build (and so `npm run preview`): the dev server's hot
 * reload needs an inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
