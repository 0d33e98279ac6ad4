/**
 * An import as the worker runs it (and tests run it in-process): a CSV of roster records or of
 * 报考科目信息, or the pages of the central's roster download, every row checked (E2/E3 for the
 * roster, the catalog schema for offerings), sealed where K3 asks and written inside ONE
 * transaction (import-session.ts): one refused row and nothing is kept. A roster file is checked
 * and sealed by a checking stage while this thread writes (roster-import-pipeline.ts).
 */
import type Database from 'better-sqlite3'
import type { FieldProtector } from '../protection/field-protector'
import { readCsv, type CsvSource } from './csv-source'
import { ImportSession, type ImportOutcome, type ImportProgressTick, type ImportWriter, type RowOutcome } from './import-session'
import { missingColumns, OFFERING_CSV_COLUMNS, offeringCellsReader } from './offering-csv-row'
import { offeringImportWriter } from './offering-import-writer'
import { checkDownloadedRecord } from './roster-csv-row'
import { inProcessChecker, runRosterFileImport, type StartChecker } from './roster-import-pipeline'
import { rosterImportWriter } from './roster-import-writer'

export type ImportWhat = 'roster' | 'offerings'
export type ImportSource = CsvSource | { readonly kind: 'central' }

export interface ImportRequest {
  readonly what: ImportWhat
  readonly source: ImportSource
  /** ISO time the offerings are stamped with (main's clock). */
  readonly at: string
}

/** What main feeds a download import: a page of records, or why the download stopped. */
export type DownloadItem = { readonly records: readonly unknown[] } | { readonly problem: string }

interface CsvKind<T> {
  readonly columns: readonly string[]
  readonly empty: string
  reader(header: readonly string[]): (cells: readonly string[]) => RowOutcome<T>
  writer(sqlite: Database.Database, protector: FieldProtector, at: Date): ImportWriter<T>
}

const OFFERINGS: CsvKind<unknown> = {
  columns: OFFERING_CSV_COLUMNS,
  empty: '文件中没有报考科目信息。',
  reader: offeringCellsReader as CsvKind<unknown>['reader'],
  writer: (sqlite, _protector, at) => offeringImportWriter(sqlite, at) as ImportWriter<unknown>,
}

export const DOWNLOAD_EMPTY = '报名中心没有本机学校的考生名单。'

async function runCsv<T>(
  sqlite: Database.Database,
  protector: FieldProtector,
  kind: CsvKind<T>,
  source: CsvSource,
  at: Date,
  onProgress: (tick: ImportProgressTick) => void,
): Promise<ImportOutcome> {
  const session = new ImportSession<T>(sqlite, kind.writer(sqlite, protector, at), onProgress)
  let read: ((cells: readonly string[]) => RowOutcome<T>) | null = null
  let bytesTotal = 0
  try {
    const result = await readCsv(source, {
      header(cells) {
        const missing = missingColumns(kind.columns, cells)
        if (missing.length > 0) return `文件第1行缺少这些列：${missing.join('、')}。`
        read = kind.reader(cells)
        session.begin()
        return null
      },
      row(cells, line, bytesDone) {
        session.accept(read!(cells), line, bytesDone, bytesTotal)
      },
      size(total) {
        bytesTotal = total
      },
    })
    session.tick(result.bytesTotal, result.bytesTotal, true)
    return session.finish(result.problem, kind.empty)
  } finally {
    session.abandon()
  }
}

async function runDownload(
  sqlite: Database.Database,
  protector: FieldProtector,
  items: AsyncIterable<DownloadItem>,
  onProgress: (tick: ImportProgressTick) => void,
): Promise<ImportOutcome> {
  const session = new ImportSession(sqlite, rosterImportWriter(sqlite, protector), onProgress)
  let problem: string | null = null
  let place = 0
  try {
    session.begin()
    for await (const item of items) {
      if ('problem' in item) {
        problem = item.problem
        break
      }
      for (const value of item.records) session.accept(checkDownloadedRecord(value), ++place, 0, 0)
    }
    session.tick(0, 0, true)
    return session.finish(problem, DOWNLOAD_EMPTY)
  } finally {
    session.abandon()
  }
}

export function runImport(
  sqlite: Database.Database,
  protector: FieldProtector,
  request: ImportRequest,
  onProgress: (tick: ImportProgressTick) => void = () => {},
  download: AsyncIterable<DownloadItem> | null = null,
  /** Where a roster file is checked and sealed: by default on this thread (tests). */
  checker: StartChecker = inProcessChecker(protector),
): Promise<ImportOutcome> {
  if (request.source.kind === 'central') {
    if (download === null) throw new Error('a download import needs its pages')
    return runDownload(sqlite, protector, download, onProgress)
  }
  if (request.what === 'roster') return runRosterFileImport(sqlite, protector, request.source, checker, onProgress)
  return runCsv(sqlite, protector, OFFERINGS, request.source, new Date(request.at), onProgress)
}
