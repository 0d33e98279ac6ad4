/**
 * Reads an import's CSV (a file on this computer, or pasted text) with Papa Parse's core parser
 * and hands each row to the caller synchronously, as an array of cells with the line it is on and
 * the bytes read so far. The text arrives in chunks; each chunk's complete rows are parsed in one
 * call (Papa.Parser, the last partial row carried into the next chunk), so there is no stream
 * event, promise or object per row: at a million rows those cost more than the checks (issue #8).
 * Empty lines are skipped but counted, so a row's line is the line of the file it ends on.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import Papa from 'papaparse'

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

/** Pausing stops the rows (and the reading) until resumed; the row being handled is the last. */
export interface CsvFlowControl {
  pause(): void
  resume(): void
}

export interface CsvReadResult {
  readonly bytesTotal: number
  /** Why the file as a whole was refused (unreadable, bad header, malformed), or null. */
  readonly problem: string | null
}

export const UNREADABLE_FILE = '无法读取该文件，请检查文件路径。'
export const UNCLOSED_QUOTE = '文件格式有误：有一个用引号括起的值没有结束引号。'
export const STRAY_QUOTE = '文件格式有误：引号括起的值后面只能是逗号或换行。'
const TEXT_CHUNK = 64 * 1024
const FILE_CHUNK = 256 * 1024
/** A quoted value still open after this much text is a missing closing quote, not a long value. */
const MAX_OPEN_ROW_CHARS = 1024 * 1024

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
  // Decoded as UTF-8 by the stream, so a character split between two reads stays whole.
  return { stream: createReadStream(source.path, { highWaterMark: FILE_CHUNK, encoding: 'utf8' }), bytesTotal: info.size }
}

export function csvSourceSize(source: CsvSource): Promise<number> {
  return source.kind === 'text' ? Promise.resolve(Buffer.byteLength(source.text)) : stat(source.path).then((s) => s.size)
}

/** The file's line ending, from its first line: CRLF, LF, or (old Mac files) CR. */
function lineEnding(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n')
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n'
  if (lf < 0 && text.includes('\r')) return '\r'
  return '\n'
}

function newlinesIn(cells: readonly string[]): number {
  let n = 0
  for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++
  return n
}

type ParsedRows = { readonly rows: string[][]; readonly quoted: boolean }

/** Streams the CSV into the sink; an exception thrown by the sink rejects the promise. */
export async function readCsv(source: CsvSource, sink: CsvRowSink): Promise<CsvReadResult> {
  let opened: { stream: Readable; bytesTotal: number }
  try {
    opened = await openSource(source)
  } catch {
    return { bytesTotal: 0, problem: UNREADABLE_FILE }
  }
  const { stream, bytesTotal } = opened
  sink.size?.(bytesTotal)
  let parser: Papa.Parser | null = null
  let carried = ''
  let first = true
  let line = 0
  let bytesDone = 0
  let problem: string | null = null
  let thrown: unknown = null
  let seenHeader = false
  /** Rows parsed and not yet handed over (the sink paused mid-chunk). */
  let parsed: ParsedRows = { rows: [], quoted: false }
  let next = 0
  let paused = false
  let ended = false
  let done: () => void = () => {}

  /** Parses the chunk's complete rows (all that is left when `last`); the partial one is carried. */
  function parse(chunk: string, last: boolean): ParsedRows {
    let text = carried + chunk
    if (first) {
      first = false
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      parser = new Papa.Parser({ delimiter: ',', newline: lineEnding(text), quoteChar: '"' })
    }
    const result = parser!.parse(text, 0, !last) as Papa.ParseResult<string[]>
    const error = result.errors[0]
    if (error !== undefined) problem ??= error.code === 'MissingQuotes' ? UNCLOSED_QUOTE : STRAY_QUOTE
    carried = last ? '' : text.slice(result.meta.cursor)
    if (carried.length > MAX_OPEN_ROW_CHARS) problem ??= UNCLOSED_QUOTE
    return { rows: result.data, quoted: text.includes('"') }
  }

  function stop(): void {
    stream.destroy()
    done()
  }

  /** Hands the parsed rows over until the sink pauses; then reads on, or ends. */
  function handOver(): void {
    const { rows, quoted } = parsed
    while (next < rows.length && !paused && problem === null && thrown === null) {
      const cells = rows[next++]!
      line += 1 + (quoted ? newlinesIn(cells) : 0)
      // Skipped, but counted: an empty line.
      if (cells.length === 1 && cells[0] === '') continue
      try {
        if (!seenHeader) {
          seenHeader = true
          problem = sink.header(cells.map((c) => c.trim()))
        } else sink.row(cells, line, bytesDone)
      } catch (error) {
        thrown = error
      }
    }
    if (problem !== null || thrown !== null) return stop()
    if (paused || next < rows.length) return
    if (ended) done()
    else stream.resume()
  }

  sink.flow?.({
    pause: () => {
      paused = true
    },
    resume: () => {
      if (!paused) return
      paused = false
      handOver()
    },
  })

  await new Promise<void>((resolve) => {
    done = resolve
    stream.on('data', (chunk: string) => {
      stream.pause()
      bytesDone = Math.min(bytesTotal, bytesDone + Buffer.byteLength(chunk))
      parsed = parse(chunk, false)
      next = 0
      handOver()
    })
    stream.on('end', () => {
      ended = true
      bytesDone = bytesTotal
      parsed = parse('', true)
      next = 0
      handOver()
    })
    stream.on('error', () => {
      problem ??= UNREADABLE_FILE
      stop()
    })
  })
  if (thrown !== null) throw thrown
  return { bytesTotal, problem }
}
