/**
 * Roster import at scale: the import as the kiosk runs it (CSV file → worker: parse, E2 checks,
 * K3 sealing, one transaction) against the raw floor, a plain better-sqlite3 prepared insert of
 * the same columns in one transaction, and main's worst event-loop delay while the worker runs
 * (perf_hooks.monitorEventLoopDelay).
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { join } from 'node:path'
import { RosterImports } from '../import/roster-import-supervisor'
import { runRosterImport } from '../import/roster-import-run'
import { rosterCsvHeader, rosterCsvLines } from '../import/roster-csv-writer'
import { toRosterRow } from '../store/roster-repository'
import { rosterUpsertSql } from '../import/roster-import-run'
import { openBenchStore, type BenchStore } from './bench-store'
import { syntheticCandidate } from './synthetic-roster'

const BATCH = 20_000

/** No sealing: the baseline stores the clear values in the same columns. */
const CLEAR = { encrypt: (_f: string, v: string) => v, decrypt: (_f: string, v: string) => v, blindIndex: (v: string) => v }

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
  readonly worstLoopDelayMs: number
  readonly imported: number
}

/** Times only the inserts: the rows are made before each batch, outside the clock. */
export function rawInsertRate(bench: BenchStore, rows: number): number {
  const insert = bench.store.sqlite.prepare(rosterUpsertSql())
  let elapsed = 0
  bench.store.sqlite.exec('begin')
  for (let start = 0; start < rows; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, rows - start) }, (_, k) => toRosterRow(CLEAR, syntheticCandidate(start + k)))
    const t0 = performance.now()
    for (const row of batch) insert.run(row)
    elapsed += performance.now() - t0
  }
  const t0 = performance.now()
  bench.store.sqlite.exec('commit')
  elapsed += performance.now() - t0
  return rows / (elapsed / 1000)
}

async function importInProcess(bench: BenchStore, file: string): Promise<number> {
  return (await runRosterImport(bench.store.sqlite, bench.protector, { kind: 'file', path: file })).imported
}

async function importInWorker(bench: BenchStore, file: string): Promise<number> {
  const imports = new RosterImports({ dbPath: bench.path, dataKey: bench.dataKey })
  imports.start({ kind: 'file', path: file })
  await imports.whenFinished()
  return imports.outcome()?.imported ?? 0
}

/**
 * `inProcess` runs the import on this thread (the unit test that keeps the bench from rotting:
 * Vitest cannot start the TypeScript worker); the delay figure then means nothing.
 */
export async function benchImport(dir: string, rows: number, inProcess = false): Promise<ImportFigures & { store: BenchStore }> {
  const file = join(dir, 'roster.csv')
  await writeRosterFile(file, rows)

  const raw = await openBenchStore(dir, 'raw.sqlite')
  const rawRowsPerSecond = rawInsertRate(raw, rows)
  await raw.store.close()

  const bench = await openBenchStore(dir, 'kiosk.sqlite')
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  const t0 = performance.now()
  const imported = inProcess ? await importInProcess(bench, file) : await importInWorker(bench, file)
  const seconds = (performance.now() - t0) / 1000
  delay.disable()
  if (imported !== rows) throw new Error(`the bench import kept ${imported} of ${rows} rows`)
  return {
    rows,
    imported,
    importRowsPerSecond: rows / seconds,
    rawRowsPerSecond,
    worstLoopDelayMs: delay.max / 1e6,
    store: bench,
  }
}
