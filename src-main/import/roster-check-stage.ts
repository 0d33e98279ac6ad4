/**
 * The checking half of a roster file's import (E2/E3, K3): reads the CSV, checks every row with
 * the roster's zod schema and ID rules, seals the good ones and hands them on in chunks of sealed
 * rows with their lines, beside the chunk's refused rows. It runs on a thread of its own while
 * the writing thread writes the previous chunks (roster-import-pipeline.ts); at most
 * CHUNKS_IN_FLIGHT chunks wait to be written, so memory stays a few chunks whatever the file.
 * This thread seals the ID numbers; the phones are sealed by the writing thread, unless it is
 * behind (WRITER_BEHIND chunks waiting for it): then this thread, which would otherwise soon wait
 * for it, seals them. So the work balances itself on any machine (#8).
 * Once a row is refused nothing will be kept, so the rest are only checked, not sealed.
 */
import type { FieldProtector } from '../protection/field-protector'
import { readCsv, type CsvFlowControl, type CsvSource } from './csv-source'
import type { RowRefusal } from './import-session'
import { missingColumns } from './offering-csv-row'
import { ROSTER_CSV_COLUMNS, rosterCellsReader, type RowOutcome } from './roster-csv-row'
import { sealIdNumbers, sealPhones, type IdSealedRosterRow } from './roster-import-writer'
import type { RosterRecord } from '../../src-shared/schemas'

export const CHECKED_CHUNK_ROWS = 1024
export const CHUNKS_IN_FLIGHT = 4
/** Chunks waiting for the writer from which this thread seals the phones of the next. */
export const WRITER_BEHIND = 3

/** Checking thread → writing thread (structured-clone values only). */
export type CheckerMessage =
  | {
      readonly type: 'chunk'
      /** Rows read (sealed, refused, or only checked once a row had been refused). */
      readonly count: number
      /** Rows in file order with their ID numbers sealed, and the line each is on. */
      readonly rows: readonly IdSealedRosterRow[]
      /** Whether the rows' phones are sealed too; if not, the writing thread seals them. */
      readonly phonesSealed: boolean
      readonly lines: readonly number[]
      /** The chunk's refused rows, in file order. */
      readonly refusals: readonly RowRefusal[]
      readonly bytesDone: number
      readonly bytesTotal: number
    }
  /** The file has been read: why it was refused as a whole (header, unreadable, malformed), or null. */
  | { readonly type: 'end'; readonly problem: string | null; readonly bytesTotal: number }
  | { readonly type: 'crashed'; readonly message: string }

/** The checking thread's end of the link to the writing thread. */
export interface CheckerPort {
  post(message: CheckerMessage): void
  /** Calls back each time the writer has written a chunk. */
  onTaken(taken: () => void): void
}

export async function runRosterCheck(source: CsvSource, protector: FieldProtector, port: CheckerPort): Promise<void> {
  let read: ((cells: readonly string[]) => RowOutcome) | null = null
  let records: RosterRecord[] = []
  let lines: number[] = []
  let refusals: RowRefusal[] = []
  let refusedAny = false
  /** Rows read into the chunk: the sealed ones, the refused ones and, after a refusal, the merely checked. */
  let count = 0
  let bytesTotal = 0
  let inFlight = 0
  let flow: CsvFlowControl | null = null
  let paused = false
  port.onTaken(() => {
    inFlight--
    if (paused && inFlight < CHUNKS_IN_FLIGHT) {
      paused = false
      flow?.resume()
    }
  })
  const send = (bytesDone: number) => {
    if (count === 0) return
    const rows = sealIdNumbers(protector, records)
    const phonesSealed = inFlight >= WRITER_BEHIND
    if (phonesSealed) sealPhones(protector, rows)
    const chunk: CheckerMessage = { type: 'chunk', count, rows, phonesSealed, lines, refusals, bytesDone, bytesTotal }
    count = 0
    records = []
    lines = []
    refusals = []
    inFlight++
    port.post(chunk)
    if (inFlight >= CHUNKS_IN_FLIGHT && !paused) {
      paused = true
      flow?.pause()
    }
  }
  try {
    const result = await readCsv(source, {
      header(cells) {
        const missing = missingColumns(ROSTER_CSV_COLUMNS, cells)
        if (missing.length > 0) return `文件第1行缺少这些列：${missing.join('、')}。`
        read = rosterCellsReader(cells)
        return null
      },
      row(cells, line, bytesDone) {
        const outcome = read!(cells)
        if (!outcome.ok) {
          refusedAny = true
          refusals.push({ line, reason: outcome.reason })
        } else if (!refusedAny) {
          records.push(outcome.record)
          lines.push(line)
        }
        if (++count >= CHECKED_CHUNK_ROWS) send(bytesDone)
      },
      size(total) {
        bytesTotal = total
      },
      flow(control) {
        flow = control
      },
    })
    send(result.bytesTotal)
    port.post({ type: 'end', problem: result.problem, bytesTotal: result.bytesTotal })
  } catch (error) {
    port.post({ type: 'crashed', message: error instanceof Error ? error.name : 'unknown' })
  }
}
