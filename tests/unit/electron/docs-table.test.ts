/** K6: the security checklist table names all 20 items, and every file it names exists. */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const doc = readFileSync(`${ROOT}docs/electron-security.md`, 'utf8')

describe('docs/electron-security.md (K6)', () => {
  it('K6: maps all 20 checklist items to code and to a test', () => {
    const rows = doc.split('\n').filter((line) => /^\| \d+ \|/.test(line))
    expect(rows.map((row) => Number(row.split('|')[1]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    for (const row of rows) {
      const cells = row.split('|').map((c) => c.trim())
      expect(cells[4], row).toMatch(/`[^`]+`/)
      expect(cells[5], row).toMatch(/`tests\/unit\/[^`]+\.test\.ts`/)
    }
  })

  it('K6: every file the document names exists', () => {
    const paths = [...doc.matchAll(/`((?:src-[a-z]+|tests|scripts|docs)\/[^`\s]+|electron-builder\.yml|package\.json)`/g)].map((m) => m[1]!)
    expect(paths.length).toBeGreaterThan(30)
    expect(paths.filter((p) => !existsSync(`${ROOT}${p}`))).toEqual([])
  })
})
