/** What the import worker and main say to each other (structured-clone values only). */
import type { ImportOutcome, ImportProgressTick, ImportSource } from './roster-import-run'

export interface ImportJob {
  readonly dbPath: string
  readonly nativeBinding?: string
  /** K3: the unwrapped data key, handed over in memory only. */
  readonly dataKey: Uint8Array
  readonly source: ImportSource
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly tick: ImportProgressTick }
  | { readonly type: 'done'; readonly outcome: ImportOutcome }
  | { readonly type: 'crashed'; readonly message: string }
