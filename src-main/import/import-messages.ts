/** What the import worker and main say to each other (structured-clone values only). */
import type { CsvSource } from './csv-source'
import type { ImportRequest } from './import-run'
import type { ImportOutcome, ImportProgressTick } from './import-session'

export interface ImportJob {
  readonly dbPath: string
  readonly nativeBinding?: string
  /** K3: the unwrapped data key, handed over in memory only. */
  readonly dataKey: Uint8Array
  readonly request: ImportRequest
}

/** What the import's worker starts its checking thread with (the same worker file, role `check`). */
export interface CheckJob {
  readonly role: 'check'
  readonly source: CsvSource
  /** K3: the unwrapped data key, handed over in memory only. */
  readonly dataKey: Uint8Array
}

/** Writing thread → checking thread: a chunk has been written. */
export interface TakenMessage {
  readonly type: 'taken'
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly tick: ImportProgressTick }
  /** A download's page has been checked and written: main may send the next one. */
  | { readonly type: 'page-taken' }
  | { readonly type: 'done'; readonly outcome: ImportOutcome }
  | { readonly type: 'crashed'; readonly message: string }

/** Main → worker, for a download: its pages, then the end (or why it stopped). */
export type MainMessage =
  | { readonly type: 'page'; readonly records: readonly unknown[] }
  | { readonly type: 'end' }
  | { readonly type: 'stop'; readonly problem: string }
