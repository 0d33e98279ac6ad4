/**
 * A roster file's import on two threads (issue #8): the checking thread reads, checks and seals
 * the rows (roster-check-stage.ts) while this, the writing thread, writes the chunks it has
 * already been sent, inside the import's ONE transaction (import-session.ts). A refused row in
 * any chunk, a file refused as a whole, or a checking thread that fails leaves nothing written.
 * Tests and the in-process bench run the checking stage on this same thread (inProcessChecker).
 */
import type Database from 'better-sqlite3'
import type { FieldProtector } from '../protection/field-protector'
import type { CsvSource } from './csv-source'
import { ImportSession, type ImportOutcome, type ImportProgressTick } from './import-session'
import { runRosterCheck, type CheckerMessage } from './roster-check-stage'
import { rosterRowWriter, sealPhones, type SealedRosterRow } from './roster-import-writer'

export const ROSTER_FILE_EMPTY = '文件中没有考生记录。'

/** The writing thread's end of the link to a checking stage. */
export interface CheckerLink {
  /** The last chunk has been written: the stage may send one more. */
  taken(): void
  stop(): Promise<void>
}

/** Starts the checking stage for a source; onFailure when it fails without saying so. */
export type StartChecker = (source: CsvSource, onMessage: (m: CheckerMessage) => void, onFailure: (error: Error) => void) => CheckerLink

export function inProcessChecker(protector: FieldProtector): StartChecker {
  return (source, onMessage) => {
    let taken: () => void = () => {}
    let stopped = false
    void runRosterCheck(source, protector, {
      post(message) {
        if (!stopped) onMessage(message)
        // Thrown inside the CSV reader: it stops reading.
        else if (message.type === 'chunk') throw new Error('the import has stopped')
      },
      onTaken: (callback) => (taken = callback),
    })
    return {
      taken: () => taken(),
      stop: () => {
        stopped = true
        return Promise.resolve()
      },
    }
  }
}

export async function runRosterFileImport(
  sqlite: Database.Database,
  protector: FieldProtector,
  source: CsvSource,
  startChecker: StartChecker,
  onProgress: (tick: ImportProgressTick) => void,
): Promise<ImportOutcome> {
  const session = new ImportSession<SealedRosterRow>(sqlite, rosterRowWriter(sqlite), onProgress)
  let link: CheckerLink | null = null
  try {
    const end = await new Promise<{ problem: string | null; bytesTotal: number }>((resolve, reject) => {
      let settled = false
      let begun = false
      const fail = (error: Error) => {
        if (!settled) reject(error)
        settled = true
      }
      link = startChecker(
        source,
        (message) => {
          if (settled) return
          try {
            if (message.type === 'chunk') {
              if (!begun) session.begin()
              begun = true
              const rows = message.phonesSealed ? message.rows : sealPhones(protector, message.rows)
              session.acceptChecked(message.count, rows, message.lines, message.refusals)
              session.tick(message.bytesDone, message.bytesTotal, false)
              link?.taken()
            } else if (message.type === 'end') {
              settled = true
              resolve(message)
            } else fail(new Error(`the checking stage failed (${message.message})`))
          } catch (error) {
            fail(error instanceof Error ? error : new Error(String(error)))
          }
        },
        fail,
      )
    })
    session.tick(end.bytesTotal, end.bytesTotal, true)
    return session.finish(end.problem, ROSTER_FILE_EMPTY)
  } finally {
    session.abandon()
    await (link as CheckerLink | null)?.stop()
  }
}
