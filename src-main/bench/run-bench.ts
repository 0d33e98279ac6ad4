/**
 * `npm run bench`: every figure of the table measured in one run, each beside its baseline
 * from the same run. Rows that cannot be measured honestly yet say why instead of a number.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedBenchCentral, serveBenchCentral } from './bench-central'
import { openBenchStore } from './bench-store'
import { ratio } from './bench-stats'
import { formatNumber, notMeasured, type BenchRow } from './bench-table'
import { benchCentralCommit } from './central-commit-bench'
import { benchCentralContention } from './central-contention-bench'
import { startEchoServer, type EchoServer } from './echo-server'
import { BATCH_SIZE, BATCHES_IN_FLIGHT } from '../services/sync/outbox-courier'
import { benchExpiry, rawExpiry } from './expiry-bench'
import { benchImport, FLOOR_SECONDS } from './import-bench'
import { benchLocalCommit } from './local-commit-bench'
import { benchLookup } from './lookup-bench'
import { benchNavigation } from './navigation-bench'
import { benchOutboxDelivery, ECHO_CONCURRENCY } from './outbox-bench'
import { rendererInitialJsGzipBytes, RENDERER_INITIAL_JS_GZIP_BUDGET } from './renderer-size'

export interface BenchSizes {
  readonly rosterRows: number
  readonly lookups: number
  /** Unpaid bookings due at once for the B4 sweep. */
  readonly expiryBookings: number
  /** Candidates booking the one contended offering (its capacity is 90 % of them). */
  readonly contentionCandidates: number
  /** Bookings one kiosk commits one after another, locally and through the central. */
  readonly commitBookings: number
  /** Bookings recorded offline, then delivered by one pass of the outbox. */
  readonly outboxChanges: number
  /** Delivered first, untimed (outbox-bench.ts). */
  readonly outboxWarmUp: number
  /** Rounds of 8 navigations (one more round warms up). */
  readonly navigationRounds: number
}

export interface BenchOptions extends BenchSizes {
  /** Unit test only: the import runs on this thread (see import-bench.ts). */
  readonly importInProcess?: boolean
  /** The built renderer (out/renderer); null skips the size row. */
  readonly rendererDir: string | null
  /** How to start the built central (`[out/main/central.js]`); null: in-process (unit test). */
  readonly centralEntry: readonly string[] | null
  /** The built headless host (out/main/host.js) for the navigation row; null: not measured. */
  readonly hostEntry: string | null
  /** `--only`: just these rows (and the rows measured with them), for profiling one figure. */
  readonly only?: ReadonlySet<string>
}

export const FULL: BenchSizes = {
  rosterRows: 1_000_000,
  lookups: 20_000,
  expiryBookings: 100_000,
  contentionCandidates: 4_000,
  commitBookings: 300,
  outboxChanges: 10_000,
  outboxWarmUp: 2_000,
  navigationRounds: 10,
}
export const QUICK: BenchSizes = {
  rosterRows: 20_000,
  lookups: 2_000,
  expiryBookings: 3_000,
  contentionCandidates: 160,
  commitBookings: 30,
  outboxChanges: 100,
  outboxWarmUp: 50,
  navigationRounds: 1,
}

/** The fraction of the contending candidates the offering has seats for: the last ones race for them. */
const CONTENDED_CAPACITY_SHARE = 0.9

const ms = (n: number) => `${formatNumber(n, 3)} ms`

export async function runBench(options: BenchOptions): Promise<BenchRow[]> {
  if (options.only !== undefined) return onlyRows(options, options.only)
  const rows = await importRows(options)
  rows.push(...(await centralRows(options)))
  rows.push(...(await expiryRows(options)))
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
  rows.push(await navigationRow(options))
  return rows
}

/** The roster import at the bench's size, its main-loop delay, and the lookup in what it imported. */
async function importRows(options: BenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'))
  const rows: BenchRow[] = []
  try {
    const imp = await benchImport(dir, options.rosterRows, options.importInProcess === true)
    const ratio = imp.importRowsPerSecond / imp.rawRowsPerSecond
    const cpuRatio = imp.importRowsPerCpuSecond / imp.rawRowsPerCpuSecond
    rows.push({
      id: 'roster-import',
      what: `roster import, ${formatNumber(imp.rows)} rows (CSV → worker: a checking thread parses, runs the E2 checks and K3 sealing while the writing thread writes, one transaction)`,
      result: `${formatNumber(imp.importRowsPerSecond)} rows/s (${formatNumber(ratio, 2)} of raw); per CPU-second ${formatNumber(imp.importRowsPerCpuSecond)} (${formatNumber(cpuRatio, 2)} of raw)`,
      baseline: `raw: the same sealed rows (made outside the clock), same prepared upsert, one transaction: ${formatNumber(imp.rawRowsPerSecond)} rows/s; per CPU-second ${formatNumber(imp.rawRowsPerCpuSecond)}`,
      goal: '≥ 0.7 of raw',
      met: ratio >= 0.7,
      data: {
        rows: imp.rows,
        rowsPerSecond: imp.importRowsPerSecond,
        rawRowsPerSecond: imp.rawRowsPerSecond,
        ratio,
        rowsPerCpuSecond: imp.importRowsPerCpuSecond,
        rawRowsPerCpuSecond: imp.rawRowsPerCpuSecond,
        cpuRatio,
      },
    })
    rows.push({
      id: 'import-loop-delay',
      what: 'worst event-loop delay in main during the import (monitorEventLoopDelay)',
      result: options.importInProcess === true ? 'n/a — import ran in-process (test size)' : ms(imp.worstLoopDelayMs),
      baseline:
        options.importInProcess === true ? '' : `same machine, a worker that only spins for ${FLOOR_SECONDS} s at most: ${ms(imp.floorLoopDelayMs)}`,
      goal: '< 50 ms',
      met: options.importInProcess === true ? null : imp.worstLoopDelayMs < 50,
      data: { worstLoopDelayMs: imp.worstLoopDelayMs, floorLoopDelayMs: imp.floorLoopDelayMs },
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
  return rows
}

const IMPORT_ROWS = ['roster-import', 'import-loop-delay', 'eligibility-lookup']

/** The named rows alone, with the rows measured together with them. */
async function onlyRows(options: BenchOptions, only: ReadonlySet<string>): Promise<BenchRow[]> {
  const wanted = (...ids: string[]) => ids.some((id) => only.has(id))
  const rows: BenchRow[] = []
  if (wanted(...IMPORT_ROWS)) rows.push(...(await importRows(options)))
  if (wanted('booking-commit-local', 'booking-commit-central', 'outbox-delivery', 'central-contention')) rows.push(...(await centralRows(options, only)))
  if (wanted('expiry-sweep', 'expiry-loop-delay')) rows.push(...(await expiryRows(options)))
  if (wanted('navigation')) rows.push(await navigationRow(options))
  const unknown = [...only].filter((id) => !rows.some((r) => r.id === id))
  if (unknown.length > 0) throw new Error(`bench: --only: no row ${unknown.join(', ')}`)
  return rows
}

async function expiryRows(options: BenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-expiry-'))
  try {
    const floorStore = await openBenchStore(dir, 'floor.sqlite')
    const floor = rawExpiry(floorStore, options.expiryBookings)
    await floorStore.store.close()
    const bench = await openBenchStore(dir, 'kiosk.sqlite')
    const sweep = await benchExpiry(bench, options.expiryBookings)
    await bench.store.close()
    const times = ratio(sweep.seconds, floor.seconds)
    return [
      {
        id: 'expiry-sweep',
        what: `expiry sweep (B4 job, link down) of ${formatNumber(sweep.bookings)} unpaid bookings, each candidate registered`,
        result: `${formatNumber(sweep.seconds, 3)} s (${formatNumber(times, 1)}× raw); CPU ${formatNumber(sweep.cpuSeconds, 3)} s`,
        baseline: `raw: one transaction, audit insert…select + one UPDATE: ${formatNumber(floor.seconds, 3)} s; CPU ${formatNumber(floor.cpuSeconds, 3)} s`,
        goal: '< 1 s',
        met: sweep.seconds < 1,
        data: { ...sweep, rawSeconds: floor.seconds, rawCpuSeconds: floor.cpuSeconds, ratio: times },
      },
      {
        id: 'expiry-loop-delay',
        what: 'worst event-loop delay in main during the sweep (monitorEventLoopDelay)',
        result: ms(sweep.worstLoopDelayMs),
        baseline: '',
        goal: '',
        met: null,
        data: { worstLoopDelayMs: sweep.worstLoopDelayMs },
      },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function centralRows(options: BenchOptions, only?: ReadonlySet<string>): Promise<BenchRow[]> {
  const wants = (id: string) => only === undefined || only.has(id)
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-central-'))
  const echo = await startEchoServer(options.centralEntry === null)
  const rows: BenchRow[] = []
  try {
    if (wants('booking-commit-central')) rows.push(await centralCommitRow(options, dir, echo))
    if (wants('outbox-delivery')) rows.push(await outboxRow(options, dir, echo))
    if (wants('central-contention')) rows.push(await contentionRow(options, dir, echo))
  } finally {
    await echo.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  if (wants('booking-commit-local')) rows.unshift(await localCommitRow(options))
  return rows
}

async function centralCommitRow(options: BenchOptions, dir: string, echo: EchoServer): Promise<BenchRow> {
  const commitDir = join(dir, 'commit')
  const commitSeeded = seedBenchCentral(commitDir, { candidates: options.commitBookings, capacity: options.commitBookings, devices: 1 })
  const commitCentral = await serveBenchCentral(commitSeeded, options.centralEntry)
  const commit = await benchCentralCommit(commitCentral, commitSeeded, echo, options.commitBookings).finally(() => commitCentral.stop())
  const commitRatio = ratio(commit.bookingsPerSecond, commit.echoRoundTripsPerSecond)
  return {
    id: 'booking-commit-central',
    what: `booking commit through the reference central over loopback: ${formatNumber(commit.bookings)} bookings one after another (kiosk client, each durable before its answer)`,
    result: `${formatNumber(commit.bookingsPerSecond)} bookings/s (${formatNumber(commitRatio, 2)} of echo)`,
    baseline: `raw loopback HTTP echo round trip, same client and body: ${formatNumber(commit.echoRoundTripsPerSecond)}/s`,
    goal: '',
    met: null,
    data: { ...commit, ratio: commitRatio },
  }
}

async function outboxRow(options: BenchOptions, dir: string, echo: EchoServer): Promise<BenchRow> {
  const candidates = options.outboxWarmUp + options.outboxChanges
  const outboxSeeded = seedBenchCentral(join(dir, 'outbox'), { candidates, capacity: candidates, devices: 1 })
  const outboxCentral = await serveBenchCentral(outboxSeeded, options.centralEntry)
  const kiosk = await openBenchStore(dir, 'outbox-kiosk.sqlite')
  const outbox = await benchOutboxDelivery(kiosk, outboxCentral, outboxSeeded, echo, options.outboxWarmUp).finally(async () => {
    await kiosk.store.close()
    await outboxCentral.stop()
  })
  const outboxRatio = ratio(outbox.changesPerSecond, outbox.echoPerSecond)
  return {
    id: 'outbox-delivery',
    what: `outbox delivery over loopback to the reference central: ${formatNumber(outbox.changes)} bookings recorded offline, then one scheduler pass, after an untimed one of ${formatNumber(outbox.warmUpChanges)} (${BATCH_SIZE} changes per /v1/batch request, ${BATCHES_IN_FLIGHT} in flight, each batch one central and one local transaction)`,
    result: `${formatNumber(outbox.changesPerSecond)} changes/s (${formatNumber(outboxRatio, 2)} of echo)`,
    baseline: `bare loopback HTTP round trips, same client, one per change, ${ECHO_CONCURRENCY} at a time: ${formatNumber(outbox.echoPerSecond)}/s (echoed ${BATCH_SIZE} to a request: ${formatNumber(outbox.echoBatchedPerSecond)}/s)`,
    goal: '≥ 5,000 changes/s',
    met: outbox.changesPerSecond >= 5_000,
    data: { ...outbox, ratio: outboxRatio },
  }
}

async function contentionRow(options: BenchOptions, dir: string, echo: EchoServer): Promise<BenchRow> {
  const capacity = Math.floor(options.contentionCandidates * CONTENDED_CAPACITY_SHARE)
  const contendedDir = join(dir, 'contention')
  const seeded = seedBenchCentral(contendedDir, { candidates: options.contentionCandidates, capacity, devices: 8 })
  const central = await serveBenchCentral(seeded, options.centralEntry)
  const c = await benchCentralContention(central, seeded, capacity, echo).finally(() => central.stop())
  const contentionRatio = ratio(c.bookingsPerMinute, c.echoPerMinute)
  return {
    id: 'central-contention',
    what: `reference central: bookings/min on one offering from ${c.clients} clients (${c.clients} device tokens, ${formatNumber(c.attempts)} candidates, ${formatNumber(capacity)} seats), overbooking checked`,
    result: `${formatNumber(c.bookingsPerMinute)}/min (${formatNumber(contentionRatio, 2)} of echo); ${formatNumber(c.booked)} booked, ${formatNumber(c.refusedNoSeats)} NO_SEATS, overbooking ${c.overbooked}`,
    baseline: `same ${c.clients} clients against an HTTP echo: ${formatNumber(c.echoPerMinute)}/min`,
    goal: '≥ 25,000/min, 0 overbooking',
    met: c.bookingsPerMinute >= 25_000 && c.overbooked === 0,
    data: { ...c, ratio: contentionRatio },
    ...(c.overbooked !== 0 || c.otherAnswers !== 0 ? { broken: `overbooking ${c.overbooked}, unexpected answers ${c.otherAnswers}` } : {}),
  }
}

async function localCommitRow(options: BenchOptions): Promise<BenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-commit-'))
  try {
    const kiosk = await openBenchStore(dir, 'kiosk.sqlite')
    const floor = await openBenchStore(dir, 'floor.sqlite')
    const local = await benchLocalCommit(kiosk, floor, options.commitBookings).finally(async () => {
      await kiosk.store.close()
      await floor.store.close()
    })
    const localRatio = ratio(local.bookingsPerSecond, local.rawBookingsPerSecond)
    return {
      id: 'booking-commit-local',
      what: `booking commit locally: ${formatNumber(local.bookings)} bookings one after another (provisional booking + outbox entry + audit row, one transaction each, synchronous=FULL)`,
      result: `${formatNumber(local.bookingsPerSecond)} bookings/s (${formatNumber(localRatio, 2)} of raw)`,
      baseline: `raw prepared inserts of the same three rows, one transaction each: ${formatNumber(local.rawBookingsPerSecond)}/s`,
      goal: '',
      met: null,
      data: { ...local, ratio: localRatio },
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function navigationRow(options: BenchOptions): Promise<BenchRow> {
  const what = 'screen-to-screen navigation p95 in Chromium (headless host, click to the screen ready with its data)'
  if (options.hostEntry === null) return notMeasured('navigation', what, '< 100 ms', 'no built host (unit-test size)')
  const nav = await benchNavigation(options.hostEntry, options.navigationRounds)
  const navRatio = ratio(nav.p95Ms, nav.homeP95Ms)
  return {
    id: 'navigation',
    what,
    result: `p95 ${ms(nav.p95Ms)} (p50 ${ms(nav.p50Ms)}, ${formatNumber(nav.navigations)} navigations; ${formatNumber(navRatio, 1)}× 首页)`,
    baseline: `navigations back to 首页 (no data asked): p95 ${ms(nav.homeP95Ms)}`,
    goal: '< 100 ms',
    met: nav.p95Ms < 100,
    data: { ...nav, ratio: navRatio },
  }
}
