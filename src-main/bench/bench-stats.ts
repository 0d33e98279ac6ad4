/** The arithmetic of the bench's rows, kept apart so it is unit-tested: percentiles and ratios. */

/** Nearest-rank percentile of ascending samples (p in 0–100]: the smallest sample ≥ p % of them. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples')
  if (!(p > 0 && p <= 100)) throw new Error(`percentile out of range: ${p}`)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** measured / baseline; NaN when the baseline is not a positive number (printed as n/a). */
export function ratio(measured: number, baseline: number): number {
  return baseline > 0 && Number.isFinite(baseline) && Number.isFinite(measured) ? measured / baseline : Number.NaN
}

/** Events per second over an elapsed time in milliseconds; NaN when no time passed. */
export function perSecond(events: number, elapsedMs: number): number {
  return elapsedMs > 0 ? events / (elapsedMs / 1000) : Number.NaN
}
