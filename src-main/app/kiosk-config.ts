/**
 * The kiosk's start-up configuration, read from command-line flags and the environment
 * (flags win). Without a central URL the kiosk runs the built-in demo central (K7).
 */
import { resolve } from 'node:path'
import { readFirstSupervisor, type FirstSupervisor } from '../services/first-supervisor'

export interface KioskConfig {
  /** Holds kiosk.sqlite (and demo-central.sqlite in demo mode). */
  dataDir: string
  /** null → start the built-in demo central (SPEC K7). */
  centralUrl: string | null
  /** Required when centralUrl is set. */
  deviceToken: string | null
  kioskId: string
  now?: () => Date
  /** End-to-end tests only: `--test-clock` / KIOSK_TEST_CLOCK=1 lets the host move the clock. */
  testClock?: boolean
  /** better-sqlite3 nativeBinding (Electron's ABI build). */
  sqliteNativeBinding?: string
  /** K2: seconds without activity before a candidate's visit ends (default 180). */
  idleTimeoutSeconds?: number
  /** S4: seats this kiosk keeps allotted per bookable offering for offline booking (default 2; 0 disables). */
  allotmentSeats?: number
  /** K1: the first supervisor of a configured kiosk (environment only, used while it has no account). */
  firstSupervisor?: FirstSupervisor
}

const FLAGS = {
  '--data': 'dataDir',
  '--central': 'centralUrl',
  '--token': 'deviceToken',
  '--kiosk-id': 'kioskId',
  '--idle-seconds': 'idleSeconds',
  '--allotment-seats': 'allotmentSeats',
} as const
type FlagName = keyof typeof FLAGS
type Setting = (typeof FLAGS)[FlagName]

const DEFAULT_KIOSK_ID = 'demo-kiosk'
const KIOSK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

function isFlag(arg: string): arg is FlagName {
  return Object.hasOwn(FLAGS, arg)
}

/** Reads `--flag value` and `--flag=value`; other arguments (Electron's, Chromium's) are ignored. */
function readFlags(argv: readonly string[]): Partial<Record<Setting, string>> {
  const found: Partial<Record<Setting, string>> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const eq = arg.indexOf('=')
    const name = eq > 0 ? arg.slice(0, eq) : arg
    if (!isFlag(name)) continue
    let value: string | undefined
    if (eq > 0) value = arg.slice(eq + 1)
    else {
      value = argv[i + 1]
      if (value === undefined || value.startsWith('--')) throw new Error(`The flag ${name} needs a value.`)
      i++
    }
    found[FLAGS[name]] = value
  }
  return found
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}

function checkCentralUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`The central service URL "${raw}" (--central / KIOSK_CENTRAL_URL) is not a valid URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`The central service URL "${raw}" (--central / KIOSK_CENTRAL_URL) must start with http:// or https://.`)
  return url.origin + url.pathname.replace(/\/+$/, '')
}

export function readKioskConfig(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  defaults: { dataDir: string },
): KioskConfig {
  const flags = readFlags(argv)
  const pick = (setting: Setting, envName: string): string | undefined =>
    nonEmpty(flags[setting]) ?? nonEmpty(env[envName])

  const dataDir = pick('dataDir', 'KIOSK_DATA_DIR') ?? nonEmpty(defaults.dataDir)
  if (dataDir === undefined) throw new Error('No data directory: pass --data DIR or set KIOSK_DATA_DIR.')

  const rawUrl = pick('centralUrl', 'KIOSK_CENTRAL_URL')
  const centralUrl = rawUrl === undefined ? null : checkCentralUrl(rawUrl)
  const deviceToken = pick('deviceToken', 'KIOSK_DEVICE_TOKEN') ?? null
  if (centralUrl !== null && deviceToken === null)
    throw new Error('A central service URL is set but no device token: pass --token T or set KIOSK_DEVICE_TOKEN.')

  const kioskId = pick('kioskId', 'KIOSK_ID') ?? DEFAULT_KIOSK_ID
  if (!KIOSK_ID_PATTERN.test(kioskId))
    throw new Error(`The kiosk id "${kioskId}" (--kiosk-id / KIOSK_ID) may use only letters, digits, ".", "_" and "-" (at most 64).`)

  const config: KioskConfig = { dataDir: resolve(dataDir), centralUrl, deviceToken, kioskId }
  const idle = pick('idleSeconds', 'KIOSK_IDLE_SECONDS')
  if (idle !== undefined) {
    // K2: at least the 30-second warning plus a moment; at most an hour.
    if (!/^\d+$/.test(idle) || Number(idle) < 35 || Number(idle) > 3600)
      throw new Error(`The idle time "${idle}" (--idle-seconds / KIOSK_IDLE_SECONDS) must be a whole number of seconds from 35 to 3600.`)
    config.idleTimeoutSeconds = Number(idle)
  }
  const allotment = pick('allotmentSeats', 'KIOSK_ALLOTMENT_SEATS')
  if (allotment !== undefined) {
    // S4: at most what the central lets one device hold on one offering.
    if (!/^\d+$/.test(allotment) || Number(allotment) > 20)
      throw new Error(`The allotment seats "${allotment}" (--allotment-seats / KIOSK_ALLOTMENT_SEATS) must be a whole number from 0 to 20.`)
    config.allotmentSeats = Number(allotment)
  }
  const firstSupervisor = readFirstSupervisor(env)
  if (firstSupervisor !== null) config.firstSupervisor = firstSupervisor
  if (argv.includes('--test-clock') || env['KIOSK_TEST_CLOCK'] === '1') config.testClock = true
  const binding = nonEmpty(env['KIOSK_SQLITE_BINDING'])
  if (binding !== undefined) config.sqliteNativeBinding = binding
  return config
}
