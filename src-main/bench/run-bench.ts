/**
 * `npm run bench`: every figure of the table measured in one run, each beside its baseline
 * from the same run. Rows that cannot be measured honestly yet say why instead of a number.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatNumber, notMeasured, type BenchRow } from './bench-table'
import { benchImport } from './import-bench'
import { benchLookup } from './lookup-bench'
import { rendererInitialJsGzipBytes, RENDERER_INITIAL_JS_GZIP_BUDGET } from './renderer-size'

export interface BenchOptions {
  readonly rosterRows: number
  readonly lookups: number
  /** Unit test only: the import runs on this thread (see import-bench.ts). */
  readonly importInProcess?: boolean
  /** The built renderer (out/renderer); null skips the size row. */
  readonly rendererDir: string | null
}

export const FULL: Omit<BenchOptions, 'rendererDir'> = { rosterRows: 1_000_000, lookups: 20_000 }
export const QUICK: Omit<BenchOptions, 'rendererDir'> = { rosterRows: 20_000, lookups: 2_000 }

const ms = (n: number) => `${formatNumber(n, 3)} ms`

export async function runBench(options: BenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'))
  const rows: BenchRow[] = []
  try {
    const imp = await benchImport(dir, options.rosterRows, options.importInProcess === true)
    const ratio = imp.importRowsPerSecond / imp.rawRowsPerSecond
    rows.push({
      id: 'roster-import',
      what: `roster import, ${formatNumber(imp.rows)} rows (CSV → worker: parse, E2 checks, K3 sealing, one transaction)`,
      result: `${formatNumber(imp.importRowsPerSecond)} rows/s (${formatNumber(ratio, 2)} of raw)`,
      baseline: `raw prepared insert, one transaction: ${formatNumber(imp.rawRowsPerSecond)} rows/s`,
      goal: '≥ 0.7 of raw',
      met: ratio >= 0.7,
      data: { rows: imp.rows, rowsPerSecond: imp.importRowsPerSecond, rawRowsPerSecond: imp.rawRowsPerSecond, ratio },
    })
    rows.push({
      id: 'import-loop-delay',
      what: 'worst event-loop delay in main during the import (monitorEventLoopDelay)',
      result: options.importInProcess === true ? 'n/a — import ran in-process (test size)' : ms(imp.worstLoopDelayMs),
      baseline: '',
      goal: '< 50 ms',
      met: options.importInProcess === true ? null : imp.worstLoopDelayMs < 50,
      data: { worstLoopDelayMs: imp.worstLoopDelayMs },
    })
    const look = await benchLookup(imp.store, imp.rows, options.lookups)
    await imp.store.store.close()
    const lookRatio = look.p99Ms / look.rawP99Ms
    rows.push({
      id: 'eligibility-lookup',
      what: `eligibility lookup at ${formatNumber(imp.rows)} rows, ${formatNumber(options.lookups)} probes (zod input, ID rule, keyed-hash probe, decryption, view)`,
      result: `p50 ${ms(look.p50Ms)}, p99 ${ms(look.p99Ms)} (${formatNumber(lookRatio, 1)}× raw p99)`,
      baseline: `raw prepared get: p50 ${ms(look.rawP50Ms)}, p99 ${ms(look.rawP99Ms)}`,
      goal: 'p99 < 1 ms, ≤ 3× raw',
      met: look.p99Ms < 1 && lookRatio <= 3,
      data: { ...look, ratioP99: lookRatio },
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  rows.push(
    notMeasured('booking-commit', 'booking commit rate, locally and through the reference central', '', 'not measured yet (issue #8 scope cut)'),
    notMeasured('expiry-sweep', 'expiry sweep of 100,000 unpaid bookings', '< 1 s', 'not measured yet (issue #8 scope cut)'),
    notMeasured('outbox-delivery', 'outbox delivery over loopback to the reference central', '≥ 5,000 changes/s', 'the durable outbox arrives with the sync issue #5'),
    notMeasured('central-contention', 'reference central: bookings/min on one offering, 8 clients, 0 overbooking', '≥ 25,000/min', 'not measured yet (issue #8 scope cut)'),
  )
  if (options.rendererDir !== null) {
    const bytes = rendererInitialJsGzipBytes(options.rendererDir)
    rows.push({
      id: 'renderer-size',
      what: 'renderer initial JS, gzip',
      result: `${formatNumber(bytes / 1024, 1)} KB`,
      baseline: '',
      goal: `≤ ${formatNumber(RENDERER_INITIAL_JS_GZIP_BUDGET / 1024)} KB (budget enforced by npm test)`,
      met: bytes <= RENDERER_INITIAL_JS_GZIP_BUDGET,
      data: { bytes, budget: RENDERER_INITIAL_JS_GZIP_BUDGET },
    })
  }
  rows.push(notMeasured('navigation', 'screen-to-screen navigation p95 in Chromium (headless host)', '< 100 ms', 'not measured yet (issue #8 scope cut)'))
  return rows
}
