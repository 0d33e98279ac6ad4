/**
 * K6: `--dev` or KIOSK_DEV=1 relaxes what a developer needs (devtools, a normal window instead of
 * kiosk full screen) and nothing else. A packaged build ignores it: an unattended office machine
 * must not be unlockable by a shortcut's command line.
 */
export function isDevMode(argv: readonly string[], env: Record<string, string | undefined>, isPackaged: boolean): boolean {
  if (isPackaged) return false
  return argv.includes('--dev') || env['KIOSK_DEV'] === '1'
}
