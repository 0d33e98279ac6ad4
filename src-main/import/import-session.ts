/**
 * One import's write transaction: every accepted row is written at once with the kind's prepared
 * statements inside ONE transaction; once a row is refused nothing will be kept and the rest are
 * only checked, so the error report lists every refused row (with its line) and a failed import
 * changes nothing. The connection gets a larger page cache for the run: a million rows whose
 * keyed hashes land at random places of the index would otherwise spill the same pages to the
 * WAL again and again. Durability is unchanged (synchronous=FULL, WAL).
 */
import type Database from 'better-sqlite3'

export interface ImportProgressTick {
  readonly rowsDone: number
  /** Bytes read, or rows when the total is counted in rows; both 0 when the total is unknown. */
  readonly bytesDone: number
  readonly bytesTotal: number
  readonly elapsedMs: number
}

export interface RowRefusal {
  /** The line of the file the row is on (the header is line 1), or the record's place in a download. */
  readonly line: number
  readonly reason: string
}

export interface ImportOutcome {
  readonly succeeded: boolean
  readonly rows: number
  readonly imported: number
  readonly errorCount: number
  /** The first MAX_KEPT_REFUSALS refusals; errorCount counts them all. */
  readonly refusals: readonly RowRefusal[]
  /** Why the source as a whole was refused (bad header, unreadable file, link lost), or null. */
  readonly fileProblem: string | null
  readonly elapsedMs: number
}

export type RowOutcome<T> = { readonly ok: true; readonly record: T } | { readonly ok: false; readonly reason: string }

/** Writes one checked record; answers null, or why the store cannot take it (a duplicate). */
export interface ImportWriter<T> {
  /** Checks against what the store holds (an unknown campus), run on every row, written or not. */
  check?(record: T): string | null
  write(record: T): string | null
}

export const MAX_KEPT_REFUSALS = 10_000
const PROGRESS_EVERY_MS = 200
/** Pages, negative = KiB: 256 MiB for the import's own connection, released when it closes. */
export const IMPORT_CACHE_KIB = 256 * 1024

export function isConstraintViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT')
}

export class ImportSession<T> {
  private readonly started = performance.now()
  private readonly refusals: RowRefusal[] = []
  private errorCount = 0
  private rows = 0
  private imported = 0
  private lastTick = this.started
  private open = false

  constructor(
    private readonly sqlite: Database.Database,
    private readonly writer: ImportWriter<T>,
    private readonly onProgress: (tick: ImportProgressTick) => void,
  ) {}

  begin(): void {
    this.sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`)
    this.sqlite.exec('begin immediate')
    this.open = true
  }

  refuse(line: number, reason: string): void {
    this.errorCount++
    if (this.refusals.length < MAX_KEPT_REFUSALS) this.refusals.push({ line, reason })
  }

  accept(outcome: RowOutcome<T>, line: number, bytesDone: number, bytesTotal: number): void {
    this.rows++
    const unfit = outcome.ok ? (this.writer.check?.(outcome.record) ?? null) : outcome.reason
    if (unfit !== null) this.refuse(line, unfit)
    else if (outcome.ok && this.errorCount === 0) {
      const refused = this.writer.write(outcome.record)
      if (refused === null) this.imported++
      else this.refuse(line, refused)
    }
    if ((this.rows & 1023) === 0) this.tick(bytesDone, bytesTotal, false)
  }

  /**
   * A chunk of rows checked on another thread, as accept() would have taken them one by one: the
   * records (with their lines) that come before the first refused row are written while nothing
   * has been refused; the chunk's refused rows are then added. `count` is every row the chunk read.
   */
  acceptChecked(count: number, records: readonly T[], lines: readonly number[], refusals: readonly RowRefusal[]): void {
    this.rows += count
    const firstRefused = refusals.length > 0 ? refusals[0]!.line : Infinity
    for (let i = 0; i < records.length && this.errorCount === 0 && lines[i]! < firstRefused; i++) {
      const refused = this.writer.write(records[i]!)
      if (refused === null) this.imported++
      else this.refuse(lines[i]!, refused)
    }
    for (const r of refusals) this.refuse(r.line, r.reason)
  }

  tick(bytesDone: number, bytesTotal: number, always: boolean): void {
    const now = performance.now()
    if (!always && now - this.lastTick < PROGRESS_EVERY_MS) return
    this.lastTick = now
    this.onProgress({ rowsDone: this.rows, bytesDone, bytesTotal, elapsedMs: now - this.started })
  }

  /** Commits when nothing was refused and rows came; otherwise rolls back. Always ends the transaction. */
  finish(sourceProblem: string | null, emptyProblem: string): ImportOutcome {
    let fileProblem = sourceProblem
    if (fileProblem === null && this.errorCount === 0 && this.rows === 0) fileProblem = emptyProblem
    const succeeded = fileProblem === null && this.errorCount === 0
    try {
      if (this.open && succeeded) this.sqlite.exec('commit')
    } finally {
      this.abandon()
    }
    return {
      succeeded,
      rows: this.rows,
      imported: succeeded ? this.imported : 0,
      errorCount: this.errorCount,
      refusals: this.refusals,
      fileProblem,
      elapsedMs: performance.now() - this.started,
    }
  }

  /** Rolls back whatever is open (also after an unexpected error) and restores the cache size. */
  abandon(): void {
    if (this.sqlite.inTransaction) this.sqlite.exec('rollback')
    if (this.open) this.sqlite.pragma('cache_size = -2000')
    this.open = false
  }
}
