import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openDatabase } from '../../../../src-main/store/open-database'

describe('openDatabase (K4 local store)', () => {
  const dirs: string[] = []
  afterEach(() => {
    vi.restoreAllMocks()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  function tempPath(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-db-'))
    dirs.push(dir)
    return join(dir, 'kiosk.sqlite')
  }

  it('runs with WAL, synchronous=FULL, foreign keys and a busy timeout, read back from SQLite', async () => {
    const store = openDatabase(tempPath(), { busyTimeoutMs: 4000 })
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(4000)
    await store.close()
    await store.close() // closing twice is harmless
    expect(store.sqlite.open).toBe(false)
  })

  it('refuses to run when SQLite does not keep a pragma (e.g. WAL refused), naming it', () => {
    const pragma = Database.prototype.pragma
    vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, source, options) {
      if (source === 'journal_mode') return 'delete'
      return pragma.call(this, source, options)
    })
    expect(() => openDatabase(tempPath())).toThrow(/cannot be used safely: journal_mode is "delete", expected "wal"/)
  })

  it('accepts the "memory" journal of an in-memory database (tests)', async () => {
    const store = openDatabase(':memory:')
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    await store.close()
  })
})
