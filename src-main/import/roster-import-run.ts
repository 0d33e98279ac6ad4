/**
 * The roster import itself, as the worker runs it (and tests run it in-process): the CSV is
 * streamed through csv-parse, every row checked (roster-csv-row.ts), sealed as the roster
 * repository seals it (K3: encrypted ID number and phone, keyed hash to find it) and written
 * with one prepared upsert inside ONE transaction. Any refused row rolls the whole file back, so
 * a failed import changes nothing; the answer lists every refused row with its line number.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type Database from 'better-sqlite3'
import { parse } from 'csv-parse'
import type { FieldProtector } from '../protection/field-protector'
import { toRosterRow } from '../store/roster-repository'
import { missingRosterColumns, parseRosterRow, type RosterCsvRow } from './roster-csv-row'

export type ImportSource = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'text'; readonly text: string }

export interface ImportProgressTick {
  readonly rowsDone: number
  readonly bytesDone: number
  readonly bytesTotal: number
  readonly elapsedMs: number
}

export interface RowRefusal {
  /** The line of the file the row starts on (the header is line 1). */
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
  /** Why the file as a whole was refused (bad header, unreadable file), or null. */
  readonly fileProblem: string | null
  readonly elapsedMs: number
}

export const MAX_KEPT_REFUSALS = 10_000
const PROGRESS_EVERY_MS = 200
const TEXT_CHUNK = 64 * 1024

function textChunks(text: string): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < text.length; i += TEXT_CHUNK) yield text.slice(i, i + TEXT_CHUNK)
    })(),
  )
}

async function openSource(source: ImportSource): Promise<{ stream: Readable; bytesTotal: number }> {
  if (source.kind === 'text') return { stream: textChunks(source.text), bytesTotal: Buffer.byteLength(source.text) }
  const info = await stat(source.path)
  return { stream: createReadStream(source.path), bytesTotal: info.size }
}

const COLUMNS = Object.keys(
  toRosterRow({ encrypt: () => '', decrypt: () => '', blindIndex: () => '' }, parseSample()),
) as (keyof ReturnType<typeof toRosterRow>)[]

function parseSample() {
  return {
    candidateId: 'x',
    idType: '护照' as const,
    idNumber: 'x',
    name: 'x',
    gender: '男' as const,
    phone: '',
    schoolCode: 'x',
    campusCode: 'x',
    educationLevel: '',
    schoolingYears: 4,
    enrollmentYear: '',
    grade: '',
    department: '',
    major: '',
    className: '',
    studentNumber: '',
    remarks: '',
    eligibleSubjectCodes: [],
    updatedAt: '2026-01-01T00:00:00Z',
  }
}

/** The upsert the import writes with: by candidate id, like the central's roster download. */
export function rosterUpsertSql(): string {
  const updates = COLUMNS.filter((c) => c !== 'candidate_id').map((c) => `${c} = excluded.${c}`)
  return `insert into roster_records (${COLUMNS.join(', ')}) values (${COLUMNS.map((c) => `@${c}`).join(', ')})
    on conflict (candidate_id) do update set ${updates.join(', ')}`
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT')
}

export async function runRosterImport(
  sqlite: Database.Database,
  protector: FieldProtector,
  source: ImportSource,
  onProgress: (tick: ImportProgressTick) => void = () => {},
): Promise<ImportOutcome> {
  const started = performance.now()
  const refusals: RowRefusal[] = []
  let errorCount = 0
  let rows = 0
  let imported = 0
  const refuse = (line: number, reason: string) => {
    errorCount++
    if (refusals.length < MAX_KEPT_REFUSALS) refusals.push({ line, reason })
  }
  const outcome = (fileProblem: string | null): ImportOutcome => ({
    succeeded: fileProblem === null && errorCount === 0,
    rows,
    imported: fileProblem === null && errorCount === 0 ? imported : 0,
    errorCount,
    refusals,
    fileProblem,
    elapsedMs: performance.now() - started,
  })

  let opened: { stream: Readable; bytesTotal: number }
  try {
    opened = await openSource(source)
  } catch {
    return outcome('无法读取该文件，请检查文件路径。')
  }
  let headerProblem: string | null = null
  const parser = opened.stream.pipe(
    parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      columns: (header: string[]) => {
        const missing = missingRosterColumns(header)
        if (missing.length > 0) headerProblem = `文件第1行缺少这些列：${missing.join('、')}。`
        return header.map((h) => h.trim())
      },
    }),
  )
  const upsert = sqlite.prepare(rosterUpsertSql())
  sqlite.exec('begin immediate')
  let committed = false
  let lastTick = started
  try {
    for await (const item of parser as AsyncIterable<{ record: RosterCsvRow; info: { lines: number; bytes: number } }>) {
      if (headerProblem !== null) break
      rows++
      const line = item.info.lines
      const row = parseRosterRow(item.record)
      if (!row.ok) refuse(line, row.reason)
      else if (errorCount === 0) {
        // Once a row is refused nothing will be kept: the rest are only checked.
        try {
          upsert.run(toRosterRow(protector, row.record))
          imported++
        } catch (error) {
          if (!isUniqueViolation(error)) throw error
          refuse(line, '该证件号码已属于另一位考生（与文件中或已有的名单重复）。')
        }
      }
      if ((rows & 1023) === 0) {
        const now = performance.now()
        if (now - lastTick >= PROGRESS_EVERY_MS) {
          lastTick = now
          onProgress({ rowsDone: rows, bytesDone: item.info.bytes, bytesTotal: opened.bytesTotal, elapsedMs: now - started })
        }
      }
    }
    if (headerProblem === null && errorCount === 0 && rows === 0) headerProblem = '文件中没有考生记录。'
    if (headerProblem === null && errorCount === 0) {
      sqlite.exec('commit')
      committed = true
    }
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_'))) throw error
    headerProblem ??= `文件格式有误：${error.message}`
  } finally {
    if (!committed && sqlite.inTransaction) sqlite.exec('rollback')
    opened.stream.destroy()
  }
  onProgress({ rowsDone: rows, bytesDone: opened.bytesTotal, bytesTotal: opened.bytesTotal, elapsedMs: performance.now() - started })
  return outcome(headerProblem)
}
