/**
 * S2: when a change that found no answer is tried again: capped exponential backoff with full
 * jitter, a random wait in [0, min(cap, base · 2^attempts)], so kiosks that lost the link
 * together do not all come back at the same instant. `random` is injectable for tests.
 */
export const BACKOFF_BASE_MS = 1000
export const BACKOFF_CAP_MS = 60_000

export interface BackoffOptions {
  readonly baseMs?: number
  readonly capMs?: number
  readonly random?: () => number
}

/** The wait before the next attempt, after `attempts` failed attempts (≥ 1). */
export function backoffDelayMs(attempts: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? BACKOFF_BASE_MS
  const cap = options.capMs ?? BACKOFF_CAP_MS
  const random = options.random ?? Math.random
  const ceiling = Math.min(cap, base * 2 ** Math.min(Math.max(attempts, 0), 30))
  return Math.floor(random() * ceiling)
}
