/**
 * Roster import at scale: the import as the kiosk runs it (CSV file → worker: a checking thread
 * parses, runs the E2 checks and K3 sealing while the writing thread writes, one transaction)
 * against the raw floor: the same rows as the import stores them (sealed, made outside the
 * clock) written with the same prepared upsert, on a connection set up as the import's, in one
 * transaction; and main's worst event-loop delay while the worker runs
 * (perf_hooks.monitorEventLoopDelay).
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { RosterImports } from '../import/roster-import-supervisor'
import { runRosterImport } from '../import/roster-import-run'
import { rosterCsvHeader, rosterCsvLines } from '../import/roster-csv-writer'
import { IMPORT_CACHE_KIB } from '../import/import-session'
import { ROSTER_POSITIONAL_UPSERT, sealRosterRecord } from '../import/roster-import-writer'
import { openBenchStore, type BenchStore } from './bench-store'
import { syntheticCandidate } from './synthetic-roster'

const BATCH = 20_000

export async function writeRosterFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path)
  out.write(rosterCsvHeader())
  for (let start = 0; start < rows; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, rows - start) }, (_, k) => syntheticCandidate(start + k))
    if (!out.write(rosterCsvLines(batch))) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

export interface ImportFigures {
  readonly rows: number
  readonly importRowsPerSecond: number
  readonly rawRowsPerSecond: number
  /** Rows per second of CPU time (the process's, all threads): what a loaded machine does not skew. */
  readonly importRowsPerCpuSecond: number
  readonly rawRowsPerCpuSecond: number
  readonly worstLoopDelayMs: number
  /** Same run: main's worst delay while a worker only spins, as long as FLOOR_SECONDS (the machine's scheduling). */
  readonly floorLoopDelayMs: number
  readonly imported: number
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1e6
}

/**
 * Times only the inserts: the rows are made and sealed before each batch, outside the clock, and
 * written as the import writes them (same statement, same page cache, one transaction).
 */
export function rawInsertRate(bench: BenchStore, rows: number): { rowsPerSecond: number; rowsPerCpuSecond: number } {
  const sqlite = bench.store.sqlite
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`)
  const insert = sqlite.prepare(ROSTER_POSITIONAL_UPSERT)
  let elapsed = 0
  let cpu = 0
  sqlite.exec('begin immediate')
  for (let start = 0; start < rows; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, rows - start) }, (_, k) => sealRosterRecord(bench.protector, syntheticCandidate(start + k)))
    const [t0, c0] = [performance.now(), process.cpuUsage()]
    for (const row of batch) insert.run(row)
    elapsed += performance.now() - t0
    cpu += cpuSeconds(c0)
  }
  const [t0, c0] = [performance.now(), process.cpuUsage()]
  sqlite.exec('commit')
  elapsed += performance.now() - t0
  cpu += cpuSeconds(c0)
  return { rowsPerSecond: rows / (elapsed / 1000), rowsPerCpuSecond: rows / cpu }
}

export const FLOOR_SECONDS = 5

/** Main's worst event-loop delay while a worker thread only spins: the machine's own scheduling noise. */
async function schedulingFloorMs(seconds: number): Promise<number> {
  const spinner = new Worker('for (;;) {}', { eval: true })
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  delay.disable()
  await spinner.terminate()
  return delay.max / 1e6
}

async function importInProcess(bench: BenchStore, file: string): Promise<number> {
  return (await runRosterImport(bench.store.sqlite, bench.protector, { kind: 'file', path: file })).imported
}

async function importInWorker(bench: BenchStore, file: string): Promise<number> {
  const imports = new RosterImports({ dbPath: bench.path, dataKey: bench.dataKey })
  imports.start({ what: 'roster', source: { kind: 'file', path: file }, at: new Date().toISOString() })
  await imports.whenFinished()
  return imports.outcome()?.imported ?? 0
}

/**
 * The bench itself made a million rows on main just before (the file, the raw baseline): that
 * garbage is collected before the delay is measured, since a kiosk's main never holds it, and a
 * full collection of it landing during the import would be charged to the import (issue #8).
 */
function collectBenchGarbage(): void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as (() => void) | undefined
  gc?.()
}

/**
 * `inProcess` runs the import on this thread (the unit test that keeps the bench from rotting:
 * Vitest cannot start the TypeScript worker); the delay figure then means nothing.
 */
export async function benchImport(dir: string, rows: number, inProcess = false): Promise<ImportFigures & { store: BenchStore }> {
  const file = join(dir, 'roster.csv')
  await writeRosterFile(file, rows)

  const raw = await openBenchStore(dir, 'raw.sqlite')
  const rawRate = rawInsertRate(raw, rows)
  await raw.store.close()

  const bench = await openBenchStore(dir, 'kiosk.sqlite')
  collectBenchGarbage()
  const floorLoopDelayMs = inProcess ? 0 : await schedulingFloorMs(Math.min(FLOOR_SECONDS, Math.max(1, rows / 20_000)))
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  const [t0, c0] = [performance.now(), process.cpuUsage()]
  const imported = inProcess ? await importInProcess(bench, file) : await importInWorker(bench, file)
  const seconds = (performance.now() - t0) / 1000
  const cpu = cpuSeconds(c0)
  delay.disable()
  if (imported !== rows) throw new Error(`the bench import kept ${imported} of ${rows} rows`)
  return {
    rows,
    imported,
    importRowsPerSecond: rows / seconds,
    rawRowsPerSecond: rawRate.rowsPerSecond,
    importRowsPerCpuSecond: rows / cpu,
    rawRowsPerCpuSecond: rawRate.rowsPerCpuSecond,
    worstLoopDelayMs: delay.max / 1e6,
    floorLoopDelayMs,
    store: bench,
  }
}
