/**
 * Reads an import's CSV (a file on this computer, or pasted text) with csv-parse and hands each
 * row to the caller synchronously, as an array of cells with the line it is on and the bytes read
 * so far. No promise or object per row: at a million rows the stream's per-record async
 * iteration and csv-parse's per-record `info` object cost more than the checks (issue #8).
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { parse } from 'csv-parse'

export type CsvSource = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'text'; readonly text: string }

export interface CsvRowSink {
  /** The first row; returns why the file as a whole is refused, or null to go on. */
  header(cells: readonly string[]): string | null
  row(cells: readonly string[], line: number, bytesDone: number): void
  /** The source's size in bytes, told before the first row. */
  size?(bytesTotal: number): void
  /** Told before the first row: how to hold the rows back while the sink cannot take more. */
  flow?(control: CsvFlowControl): void
}

/** Pausing stops the rows (and, through the pipe, the reading) until resumed. */
export interface CsvFlowControl {
  pause(): void
  resume(): void
}

export interface CsvReadResult {
  readonly bytesTotal: number
  /** Why the file as a whole was refused (unreadable, bad header, malformed CSV), or null. */
  readonly problem: string | null
}

export const UNREADABLE_FILE = '无法读取该文件，请检查文件路径。'
const TEXT_CHUNK = 64 * 1024

function textChunks(text: string): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < text.length; i += TEXT_CHUNK) yield text.slice(i, i + TEXT_CHUNK)
    })(),
  )
}

async function openSource(source: CsvSource): Promise<{ stream: Readable; bytesTotal: number }> {
  if (source.kind === 'text') return { stream: textChunks(source.text), bytesTotal: Buffer.byteLength(source.text) }
  const info = await stat(source.path)
  if (!info.isFile()) throw new Error('not a file')
  return { stream: createReadStream(source.path, { highWaterMark: 256 * 1024 }), bytesTotal: info.size }
}

export function csvSourceSize(source: CsvSource): Promise<number> {
  return source.kind === 'text' ? Promise.resolve(Buffer.byteLength(source.text)) : stat(source.path).then((s) => s.size)
}

/** Streams the CSV into the sink; an exception thrown by the sink rejects the promise. */
export async function readCsv(source: CsvSource, sink: CsvRowSink): Promise<CsvReadResult> {
  let opened: { stream: Readable; bytesTotal: number }
  try {
    opened = await openSource(source)
  } catch {
    return { bytesTotal: 0, problem: UNREADABLE_FILE }
  }
  sink.size?.(opened.bytesTotal)
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true })
  sink.flow?.({ pause: () => parser.pause(), resume: () => parser.resume() })
  let problem: string | null = null
  let thrown: unknown = null
  let seenHeader = false
  await new Promise<void>((resolve) => {
    const stop = () => {
      opened.stream.unpipe(parser)
      opened.stream.destroy()
      parser.destroy()
      resolve()
    }
    parser.on('data', (cells: string[]) => {
      if (problem !== null || thrown !== null) return
      try {
        if (!seenHeader) {
          seenHeader = true
          problem = sink.header(cells.map((c) => c.trim()))
        } else sink.row(cells, parser.info.lines, parser.info.bytes)
      } catch (error) {
        thrown = error
      }
      if (problem !== null || thrown !== null) stop()
    })
    parser.on('error', (error: Error & { code?: string }) => {
      problem ??= String(error.code ?? '').startsWith('CSV_') ? `文件格式有误：${error.message}` : UNREADABLE_FILE
      stop()
    })
    opened.stream.on('error', () => {
      problem ??= UNREADABLE_FILE
      stop()
    })
    parser.on('end', () => resolve())
    opened.stream.pipe(parser)
  })
  if (thrown !== null) throw thrown
  return { bytesTotal: opened.bytesTotal, problem }
}
