/** 数据导入 (roster and 报考科目信息 import): what the supervisor's screen starts, polls and downloads. */
import { z } from 'zod'

/** The headless host accepts at most 64 KB per request, so pasted text stays small; files go by path. */
export const MAX_IMPORT_TEXT_CHARS = 20_000

export const importSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: z.string().trim().min(1).max(1024) }).strict(),
  z.object({ kind: z.literal('text'), text: z.string().min(1).max(MAX_IMPORT_TEXT_CHARS) }).strict(),
])

/** The roster may also come from the central's roster download (the device's schools). */
export const rosterImportSourceSchema = z.discriminatedUnion('kind', [
  ...importSourceSchema.options,
  z.object({ kind: z.literal('central') }).strict(),
])

export const importProgressSchema = z.object({
  state: z.enum(['idle', 'running', 'succeeded', 'failed']),
  /** What the current or last import brings in; null before the first. */
  what: z.enum(['roster', 'offerings']).nullable(),
  source: z.enum(['file', 'text', 'central']).nullable(),
  rowsDone: z.number().int().nonnegative(),
  /** 0–100, by the share of the file read; null while a download runs (its size is not known in advance). */
  percent: z.number().min(0).max(100).nullable(),
  rowsPerSecond: z.number().nonnegative(),
  /** Estimated from the read rate; null before the first estimate. */
  secondsLeft: z.number().nonnegative().nullable(),
  imported: z.number().int().nonnegative(),
  errorCount: z.number().int().nonnegative(),
  /** One sentence on how it ended; null while idle or running. */
  message: z.string().nullable(),
})
export type ImportProgress = z.infer<typeof importProgressSchema>

export const importErrorReportSchema = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() })
