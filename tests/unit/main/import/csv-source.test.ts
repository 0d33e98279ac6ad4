/**
 * The CSV reader every import goes through (数据导入, E2 error reports by line): RFC 4180 quoting,
 * the lines rows are on (empty lines skipped but counted, quoted line breaks counted), text that
 * arrives in chunks split anywhere, and malformed files refused as a whole.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCsv, STRAY_QUOTE, UNCLOSED_QUOTE, UNREADABLE_FILE, type CsvFlowControl, type CsvSource } from '../../../../src-main/import/csv-source'

interface Read {
  readonly header: readonly string[]
  readonly rows: { readonly cells: readonly string[]; readonly line: number }[]
  readonly problem: string | null
}

async function read(source: CsvSource): Promise<Read> {
  let header: readonly string[] = []
  const rows: { cells: readonly string[]; line: number }[] = []
  const { problem } = await readCsv(source, {
    header(cells) {
      header = cells
      return null
    },
    row(cells, line) {
      rows.push({ cells: [...cells], line })
    },
  })
  return { header, rows, problem }
}

const text = (t: string): CsvSource => ({ kind: 'text', text: t })

function file(content: string): CsvSource {
  const path = join(mkdtempSync(join(tmpdir(), 'csv-source-')), 'data.csv')
  writeFileSync(path, content)
  return { kind: 'file', path }
}

describe('数据导入 (E2): reading a CSV file (the lines an error report names)', () => {
  it('reads quoted values with commas, doubled quotes and line breaks; a row is on the line it ends on', async () => {
    const r = await read(text('a,b,c\n1,"x, y","he said ""hi"""\n2,"two\nlines",z\n3,,last\n'))
    expect(r.problem).toBeNull()
    expect(r.header).toEqual(['a', 'b', 'c'])
    expect(r.rows).toEqual([
      { cells: ['1', 'x, y', 'he said "hi"'], line: 2 },
      { cells: ['2', 'two\nlines', 'z'], line: 4 },
      { cells: ['3', '', 'last'], line: 5 },
    ])
  })

  it('skips empty lines but counts them, takes CRLF files and a byte-order mark, and trims the header only', async () => {
    const r = await read(text('\uFEFF a ,b\r\n\r\n x ,1\r\n"q\r\nq",2\r\n\r\n'))
    expect(r.problem).toBeNull()
    expect(r.header).toEqual(['a', 'b'])
    expect(r.rows).toEqual([
      { cells: [' x ', '1'], line: 3 },
      { cells: ['q\r\nq', '2'], line: 5 },
    ])
  })

  it('a row split between two chunks of the text, or a character split between two reads of a file, stays whole', async () => {
    // 64 KiB chunks of text and 256 KiB reads of a file: these rows straddle many of both.
    const rows = Array.from({ length: 12_000 }, (_, i) => `${i},"考生${i}, 外国语学院",南开大学${'甲'.repeat(i % 7)}`)
    const content = `n,name,school\n${rows.join('\n')}\n`
    for (const source of [text(content), file(content)]) {
      const r = await read(source)
      expect(r.problem).toBeNull()
      expect(r.rows).toHaveLength(12_000)
      r.rows.forEach((row, i) => {
        expect(row.line).toBe(i + 2)
        expect(row.cells).toEqual([String(i), `考生${i}, 外国语学院`, `南开大学${'甲'.repeat(i % 7)}`])
      })
    }
  })

  it('a quoted value without its closing quote refuses the file as a whole', async () => {
    const r = await read(text('a,b\n1,"open\n2,x\n'))
    expect(r.problem).toBe(UNCLOSED_QUOTE)
  })

  it('text after a closing quote refuses the file as a whole', async () => {
    const r = await read(text('a,b\n1,"x"y\n'))
    expect(r.problem).toBe(STRAY_QUOTE)
  })

  it('a path that is not a readable file is refused with a sentence', async () => {
    expect((await read({ kind: 'file', path: join(tmpdir(), 'no-such-dir-kiosk', 'x.csv') })).problem).toBe(UNREADABLE_FILE)
    expect((await read({ kind: 'file', path: tmpdir() })).problem).toBe(UNREADABLE_FILE)
  })

  it('a paused sink gets no row until it resumes, and then every row in order', async () => {
    const content = `n\n${Array.from({ length: 5_000 }, (_, i) => String(i)).join('\n')}\n`
    const seen: number[] = []
    let flow: CsvFlowControl | null = null
    const reading = readCsv(file(content), {
      header: () => null,
      row(cells) {
        seen.push(Number(cells[0]))
        if (seen.length === 1_000) flow!.pause()
      },
      flow: (control) => (flow = control),
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(seen).toHaveLength(1_000)
    flow!.resume()
    expect((await reading).problem).toBeNull()
    expect(seen).toEqual(Array.from({ length: 5_000 }, (_, i) => i))
  })

  it('a sink that refuses the header stops the reading: no row is handed over', async () => {
    const rows: string[][] = []
    const result = await readCsv(text('x,y\n1,2\n'), { header: () => '文件第1行缺少这些列：a。', row: (cells) => rows.push([...cells]) })
    expect(result.problem).toBe('文件第1行缺少这些列：a。')
    expect(rows).toEqual([])
  })
})
