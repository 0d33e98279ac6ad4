/**
 * The kiosk store's Kysely connection keeps prepared statements by SQL text (issue #8): the same
 * query runs on one statement; a statement still streaming is never handed out twice; the schema
 * changing under a kept statement does not break it.
 */
import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { describe, expect, it, vi } from 'vitest'
import { openDatabase } from '../../../../src-main/store/open-database'
import { cachingStatements, STATEMENT_CACHE_SIZE } from '../../../../src-main/store/sqlite-dialect'

describe('K4 store: prepared statements kept by SQL text', () => {
  it('prepares a query once, however often it runs, with its own parameters each time', async () => {
    const prepare = vi.spyOn(Database.prototype, 'prepare')
    const store = openDatabase(':memory:')
    try {
      await sql`create table t (id integer primary key, v text)`.execute(store.db)
      prepare.mockClear()
      for (let i = 0; i < 5; i++) await store.db.insertInto('t' as never).values({ id: i, v: `v${i}` } as never).execute()
      const rows = await sql<{ v: string }>`select v from t where id >= ${3} order by id`.execute(store.db)
      expect(rows.rows.map((r) => r.v)).toEqual(['v3', 'v4'])
      expect(prepare.mock.calls.filter(([text]) => String(text).startsWith('insert'))).toHaveLength(1)
    } finally {
      prepare.mockRestore()
      await store.close()
    }
  })

  it('hands out a fresh statement while the kept one is still busy (an unfinished stream), and survives a schema change', async () => {
    const raw = new Database(':memory:')
    const db = cachingStatements(raw)
    raw.exec('create table t (id integer primary key); insert into t values (1), (2), (3)')
    const first = db.prepare('select id from t order by id') as unknown as Database.Statement
    const iterator = first.iterate()
    expect(iterator.next().value).toEqual({ id: 1 })
    const second = db.prepare('select id from t order by id') as unknown as Database.Statement
    expect(second).not.toBe(first)
    expect(second.all()).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }])
    iterator.return?.()
    expect(db.prepare('select id from t order by id')).toBe(first)

    raw.exec('alter table t add column v text default "x"')
    expect((db.prepare('select * from t where id = 1') as unknown as Database.Statement).get()).toEqual({ id: 1, v: 'x' })
    db.close()
    expect(raw.open).toBe(false)
  })

  it('starts over instead of growing without bound', () => {
    const raw = new Database(':memory:')
    const prepare = vi.spyOn(raw, 'prepare')
    const db = cachingStatements(raw)
    for (let i = 0; i <= STATEMENT_CACHE_SIZE; i++) db.prepare(`select ${i}`)
    db.prepare('select 0')
    expect(prepare).toHaveBeenCalledTimes(STATEMENT_CACHE_SIZE + 2)
    db.close()
  })
})
