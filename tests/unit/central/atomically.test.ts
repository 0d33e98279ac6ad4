/**
 * A route's changes undone on a refusal (B1: no seat taken by a half-done booking), and the
 * batch's first pass without savepoints (#8), where a refusal must reach the caller instead.
 */
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { atomically, SavepointNeeded, withoutSavepoints } from '../../../src-central/atomically'
import { answer, refuse } from '../../../src-central/reply'

describe('atomically', () => {
  let db: Database.Database
  beforeEach(() => {
    db = new Database(':memory:')
    db.exec('CREATE TABLE seats (who TEXT NOT NULL)')
  })
  afterEach(() => db.close())
  const count = () => db.prepare('SELECT count(*) FROM seats').pluck().get()
  const takeThenRefuse = () => {
    db.prepare(`INSERT INTO seats VALUES ('half-done')`).run()
    return refuse(409, 'NO_SEATS', 'no seats')
  }

  it('S2: a refusal rolls back what the route wrote, inside the caller’s transaction too', () => {
    db.transaction(() => {
      db.prepare(`INSERT INTO seats VALUES ('before')`).run()
      expect(atomically(db, takeThenRefuse)).toMatchObject({ ok: false, failure: { code: 'NO_SEATS' } })
      expect(atomically(db, () => answer(1))).toEqual({ ok: true, value: 1 })
    })()
    expect(count()).toBe(1)
  })

  it('S2: without savepoints a refusal throws SavepointNeeded, and the caller’s savepoint undoes the whole pass', () => {
    const pass = db.transaction(() =>
      withoutSavepoints(db, () => {
        expect(atomically(db, () => answer('kept until the refusal'))).toMatchObject({ ok: true })
        db.prepare(`INSERT INTO seats VALUES ('first item')`).run()
        return atomically(db, takeThenRefuse)
      }),
    )
    db.transaction(() => {
      expect(() => pass()).toThrow(SavepointNeeded)
    })()
    expect(count()).toBe(0)
    // The mode ends with the pass: a later refusal is a plain one again.
    expect(atomically(db, takeThenRefuse)).toMatchObject({ ok: false })
    expect(count()).toBe(0)
  })
})
