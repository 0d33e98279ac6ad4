/**
 * K6: where and how often the kiosk looks for updates. The IT server's URL is baked into the
 * package's app-update.yml at build time (KIOSK_UPDATE_URL, see electron-builder.yml) and may be
 * overridden on a machine with `--update-url URL` or KIOSK_UPDATE_URL (flags win).
 */
export interface UpdateConfig {
  /** null: use the feed in the package's app-update.yml. */
  readonly feedUrl: string | null
  readonly checkIntervalMs: number
  /** How often a downloaded update looks for a moment to install. */
  readonly installPollMs: number
}

export const DEFAULT_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000
export const DEFAULT_INSTALL_POLL_MS = 30 * 1000
const MIN_CHECK_INTERVAL_MS = 60 * 1000

function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === flag) return argv[i + 1]
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1)
  }
  return undefined
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}

function checkFeedUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`The update server URL "${raw}" (--update-url / KIOSK_UPDATE_URL) is not a valid URL.`)
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')))
    throw new Error(`The update server URL "${raw}" (--update-url / KIOSK_UPDATE_URL) must use https://.`)
  return url.href.endsWith('/') ? url.href : `${url.href}/`
}

export function readUpdateConfig(argv: readonly string[], env: Record<string, string | undefined>): UpdateConfig {
  const raw = nonEmpty(flagValue(argv, '--update-url')) ?? nonEmpty(env['KIOSK_UPDATE_URL'])
  const minutes = Number(nonEmpty(env['KIOSK_UPDATE_CHECK_MINUTES']) ?? Number.NaN)
  const checkIntervalMs = Number.isFinite(minutes) ? Math.max(MIN_CHECK_INTERVAL_MS, minutes * 60 * 1000) : DEFAULT_CHECK_INTERVAL_MS
  return { feedUrl: raw === undefined ? null : checkFeedUrl(raw), checkIntervalMs, installPollMs: DEFAULT_INSTALL_POLL_MS }
}
