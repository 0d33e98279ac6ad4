import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCentralDatabase, schemaVersion } from '../../../src-central/database'
import { DEMO_ROSTER, seedDemoData } from '../../../src-central/demo-data'
import { SCHEMA_MIGRATIONS } from '../../../src-central/schema-migrations'
import { startCentralServer } from '../../../src-central/server'
import { call, expectAnswer } from './central-harness'

const LATEST = SCHEMA_MIGRATIONS.at(-1)?.version ?? 0

function count(db: ReturnType<typeof openCentralDatabase>['db'], table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

describe('central database schema', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'central-db-'))
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('migrations are numbered 1..N without gaps', () => {
    expect(SCHEMA_MIGRATIONS.map((m) => m.version)).toEqual(SCHEMA_MIGRATIONS.map((_, i) => i + 1))
  })

  it('K7: a new database migrates to user_version N, seeded, in WAL mode with synchronous FULL', () => {
    const { db, migration } = openCentralDatabase(join(dir, 'c.sqlite'), {
      onCreate: (d) => seedDemoData(d, new Date('2026-09-01T00:00:00Z')),
    })
    try {
      expect(migration).toEqual({ fromVersion: 0, toVersion: LATEST, created: true })
      expect(schemaVersion(db)).toBe(LATEST)
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('synchronous', { simple: true })).toBe(2)
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      // #8: savepoint journals (one per request in a group commit) in memory, not temporary files.
      expect(db.pragma('temp_store', { simple: true })).toBe(2)
      expect(count(db, 'subjects')).toBe(12)
      expect(count(db, 'roster_records')).toBe(DEMO_ROSTER.length)
      expect(count(db, 'offerings')).toBe(18)
      expect(count(db, 'campuses')).toBe(4)
      expect(db.pragma('foreign_key_check')).toEqual([])
      for (const table of ['registrations', 'devices', 'idempotency_keys', 'announcements', 'offering_oral_campuses'])
        expect(() => count(db, table)).not.toThrow()
    } finally {
      db.close()
    }
  })

  it('K7: re-opening an existing database neither migrates again nor reseeds', () => {
    const path = join(dir, 'c.sqlite')
    const seed = (d: Parameters<typeof seedDemoData>[0]) => seedDemoData(d, new Date('2026-09-01T00:00:00Z'))
    const first = openCentralDatabase(path, { onCreate: seed })
    first.db.prepare(`UPDATE offerings SET seats_left = 7 WHERE id = '120010-1'`).run()
    first.db.close()
    let seededAgain = false
    const second = openCentralDatabase(path, { onCreate: () => (seededAgain = true) })
    try {
      expect(second.migration).toEqual({ fromVersion: LATEST, toVersion: LATEST, created: false })
      expect(seededAgain).toBe(false)
      expect(count(second.db, 'roster_records')).toBe(DEMO_ROSTER.length)
      expect(second.db.prepare(`SELECT seats_left FROM offerings WHERE id = '120010-1'`).pluck().get()).toBe(7)
    } finally {
      second.db.close()
    }
  })

  it('a database newer than this build is refused, untouched', () => {
    const path = join(dir, 'c.sqlite')
    openCentralDatabase(path).db.close()
    const { db } = openCentralDatabase(path)
    db.pragma(`user_version = ${LATEST + 1}`)
    db.close()
    expect(() => openCentralDatabase(path)).toThrow(/newer than this build/)
  })

  it('a failing migration rolls back everything, including the version', () => {
    const path = join(dir, 'c.sqlite')
    const broken = [
      ...SCHEMA_MIGRATIONS,
      { version: LATEST + 1, name: 'broken', up: () => { throw new Error('boom') } },
    ]
    expect(() => openCentralDatabase(path, { migrations: broken })).toThrow('boom')
    const { db, migration } = openCentralDatabase(path)
    try {
      expect(migration.fromVersion).toBe(0)
    } finally {
      db.close()
    }
  })

  it('K7: a server restarted on the same file keeps its data and devices and does not reseed', async () => {
    const dbPath = join(dir, 'central.sqlite')
    const first = await startCentralServer({ dbPath, now: () => new Date('2026-09-01T00:00:00Z') })
    const token = first.issueDeviceToken('K1', ['12001'])
    await first.close()
    const second = await startCentralServer({ dbPath, now: () => new Date('2026-12-31T00:00:00Z') })
    try {
      const h = { central: second, clock: { now: new Date() }, nankaiToken: token, bothToken: token }
      const { examSession } = expectAnswer(await call(h, '/v1/exam-session'), 'getExamSession')
      // The window still comes from the first seeding, not the second start.
      expect(examSession.registrationStart).toBe('2026-08-25T00:00:00.000Z')
    } finally {
      await second.close()
    }
  })
})
