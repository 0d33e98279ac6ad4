/**
 * The main process's log. Messages are written by our own code; anything taken from an error
 * or an outside answer goes through redactPersonalData first (K3).
 */
import { redactPersonalData } from './redact'

export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export const consoleLogger: Logger = {
  info: (m) => console.info(`[kiosk] ${m}`),
  warn: (m) => console.warn(`[kiosk] ${m}`),
  error: (m) => console.error(`[kiosk] ${m}`),
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }

/** One line about a caught error: its class, its code if any, and a redacted message. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown (${typeof error})`
  const code = (error as { code?: unknown }).code
  const codePart = typeof code === 'string' ? ` [${code}]` : ''
  return `${error.name}${codePart}: ${redactPersonalData(error.message)}`
}
