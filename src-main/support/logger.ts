/**
 * The main process's log (K3: nothing sensitive reaches it). Structured JSON lines through pino,
 * with two guards: fields named like personal data (idNumber, phone, name, password, token, …)
 * are censored wherever they sit in a log object, and every message and string field is
 * scrubbed of ID-number- and phone-shaped values by redactPersonalData.
 */
import pino, { type DestinationStream } from 'pino'
import { redactPersonalData } from './redact'

export type LogFields = Record<string, unknown>

export interface Logger {
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

const PERSONAL_KEYS = [
  'idNumber',
  'id_number',
  'phone',
  'name',
  'password',
  'passwordHash',
  'password_hash',
  'token',
  'deviceToken',
  'authorization',
  'dataKey',
]
/** Censored at the top level and up to two levels down. */
export const REDACTED_PATHS = PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`])

function scrubValues(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactPersonalData(value)
  if (depth > 4 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => scrubValues(v, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValues(v, depth + 1)]))
}

/** A pino-backed Logger; tests pass a destination that captures the lines. */
export function createLogger(destination: DestinationStream = pino.destination({ fd: 1, sync: true })): Logger {
  const log = pino(
    {
      base: { app: 'kiosk' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { log: (object) => scrubValues(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? redactPersonalData(a) : a)) as Parameters<typeof method>)
        },
      },
    },
    destination,
  )
  const write =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void => {
      if (fields === undefined) log[level](message)
      else log[level](fields, message)
    }
  return { info: write('info'), warn: write('warn'), error: write('error') }
}

/** The process-wide log, to stdout. The name stays for the call sites that predate pino. */
export const consoleLogger: Logger = createLogger()

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }

/** One line about a caught error: its class, its code if any, and a redacted message. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown (${typeof error})`
  const code = (error as { code?: unknown }).code
  const codePart = typeof code === 'string' ? ` [${code}]` : ''
  return `${error.name}${codePart}: ${redactPersonalData(error.message)}`
}
