/**
 * Group commit (issue #8) keeps S1 and S2: a request is answered only once its transaction has
 * committed; requests submitted together share one transaction but each is atomic on its own
 * (a failing one rolls back alone); they run one at a time in arrival order at one instant; and
 * when the batch cannot commit, none of them is answered as done.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitBatcher } from '../../../src-central/commit-batch'

describe('central group commit', () => {
  let dir: string
  let db: Database.Database
  let reader: Database.Database
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'central-batch-'))
    db = new Database(join(dir, 'c.sqlite'))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec('create table seats (id integer primary key, who text not null unique)')
    reader = new Database(join(dir, 'c.sqlite'), { readonly: true })
  })
  afterEach(() => {
    reader.close()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const committed = () => (reader.prepare('select who from seats order by id').pluck().all() as string[])

  it('S1: requests submitted together run in one transaction, in order, at one instant, and are answered only after it committed', async () => {
    const at = new Date('2026-09-01T02:00:00.000Z')
    const sweeps: Date[] = []
    const batches = commitBatcher(db, () => at, (t) => sweeps.push(t))
    const seen: { who: string; inTransaction: boolean; at: Date; visibleToOthers: string[] }[] = []
    const book = (who: string) =>
      batches.submit((t) => {
        db.prepare('insert into seats (who) values (?)').run(who)
        seen.push({ who, inTransaction: db.inTransaction, at: t, visibleToOthers: committed() })
        return who
      })
    const answers = ['a', 'b', 'c'].map((who) => book(who).then((value) => ({ value, committedWhenAnswered: committed() })))
    const settled = await Promise.all(answers)
    expect(seen.map((s) => s.who)).toEqual(['a', 'b', 'c'])
    expect(seen.every((s) => s.inTransaction && s.at === at && s.visibleToOthers.length === 0)).toBe(true)
    expect(sweeps).toEqual([at])
    for (const s of settled) expect(s.committedWhenAnswered).toEqual(['a', 'b', 'c'])
  })

  it('S2: a request that fails rolls back alone; the others of its batch commit', async () => {
    const batches = commitBatcher(db, () => new Date(), () => undefined)
    const first = batches.submit(() => db.prepare('insert into seats (who) values (?)').run('a').changes)
    const failing = batches.submit(() => {
      db.prepare('insert into seats (who) values (?)').run('half-done')
      db.prepare('insert into seats (who) values (?)').run('a') // unique: throws
      return 1
    })
    const third = batches.submit(() => db.prepare('insert into seats (who) values (?)').run('c').changes)
    await expect(first).resolves.toBe(1)
    await expect(failing).rejects.toThrow(/UNIQUE/)
    await expect(third).resolves.toBe(1)
    expect(committed()).toEqual(['a', 'c'])
  })

  it('S1: when the batch cannot commit, no request of it is answered as done and nothing stays', async () => {
    const batches = commitBatcher(db, () => new Date(), () => {
      throw new Error('sweep failed')
    })
    const answers = ['a', 'b'].map((who) => batches.submit(() => db.prepare('insert into seats (who) values (?)').run(who).changes))
    for (const answer of answers) await expect(answer).rejects.toThrow('sweep failed')
    expect(committed()).toEqual([])
  })

  const insert = (who: string) => db.prepare('insert into seats (who) values (?)').run(who).changes

  it('S1 S2: a request run alone gets a transaction of its own between the others, is answered after it committed, and restart() undoes its work and sweeps again at the same instant', async () => {
    const at = new Date('2026-09-01T02:00:00.000Z')
    const sweeps: Date[] = []
    const batches = commitBatcher(db, () => at, (t) => sweeps.push(t))
    const before = batches.submit(() => insert('a'))
    const alone = batches.submitAlone((t, own) => {
      insert('undone')
      own.restart()
      insert('b')
      return { at: t, inTransaction: db.inTransaction, visibleToOthers: committed() }
    })
    const after = batches.submit(() => insert('c'))
    const seen = await alone
    expect(seen).toEqual({ at, inTransaction: true, visibleToOthers: ['a'] })
    expect(committed()).toEqual(['a', 'b', 'c'])
    await expect(before).resolves.toBe(1)
    await expect(after).resolves.toBe(1)
    // The requests before it, it (begun, then begun again), the requests after it.
    expect(sweeps).toEqual([at, at, at, at])
  })

  it('S2: a request run alone that fails leaves nothing; the requests around it stand', async () => {
    const batches = commitBatcher(db, () => new Date(), () => undefined)
    const before = batches.submit(() => insert('a'))
    const failing = batches.submitAlone(() => {
      insert('half-done')
      return insert('a') // unique: throws
    })
    const after = batches.submit(() => insert('c'))
    await expect(failing).rejects.toThrow(/UNIQUE/)
    await expect(before).resolves.toBe(1)
    await expect(after).resolves.toBe(1)
    expect(committed()).toEqual(['a', 'c'])
    expect(db.inTransaction).toBe(false)
  })
})
