/**
 * The renderer's Content-Security-Policy, declared once: the Electron shell sets it on every
 * response through the session, the headless host sends it with every file it serves. The
 * renderer loads only its own bundled scripts and styles and talks only to its own origin
 * (the headless host's /ipc routes; in Electron, IPC needs no network at all).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "worker-src 'none'",
].join('; ')
