import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type KioskStore } from '../../../src-main/store/open-database'
import { migrateUpTo } from './migrate-up-to'

const ENTRY = `INSERT INTO waitlist_entries (entry_id, candidate_id, offering_id, status, booking_id, first_seen_at, updated_at)
  VALUES (?, 'C1', '993010-1', ?, NULL, 'T0', 'T0')`

describe('migration 0005-waitlist-entries (W1–W4, S3)', () => {
  let store: KioskStore
  beforeEach(async () => {
    store = openDatabase(':memory:')
    await migrateUpTo(store.db, '0004-sync-outbox')
    // A store of the previous release with an audit row: the migration adds a table and touches nothing else.
    store.sqlite.exec(`INSERT INTO audit_log (at, operator_id, candidate_id, action, outcome, detail) VALUES ('T0', NULL, 'C1', 'waitlist.submit', 'ok', 'W1 (993010-1)')`)
    expect(await migrateUpTo(store.db, '0005-waitlist-entries')).toEqual(['0005-waitlist-entries'])
  })
  afterEach(() => store.close())

  it('W2: adds an empty table of the entries this desk handled; the audit log is as it was', () => {
    const columns = (store.sqlite.prepare(`PRAGMA table_info(waitlist_entries)`).all() as { name: string }[]).map((c) => c.name)
    expect(columns).toEqual(['entry_id', 'candidate_id', 'offering_id', 'status', 'booking_id', 'first_seen_at', 'updated_at'])
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM waitlist_entries').get()).toEqual({ n: 0 })
    expect(store.sqlite.prepare('SELECT action, detail FROM audit_log').all()).toEqual([{ action: 'waitlist.submit', detail: 'W1 (993010-1)' }])
  })

  it('W4: one row per entry; statuses are the waitlist statuses', () => {
    store.sqlite.prepare(ENTRY).run('W1', 'waiting')
    expect(() => store.sqlite.prepare(ENTRY).run('W1', 'promoted')).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => store.sqlite.prepare(ENTRY).run('W2', 'lost')).toThrow(/CHECK/)
    for (const status of ['promoted', 'cancelled', 'failed']) store.sqlite.prepare(`UPDATE waitlist_entries SET status = ?`).run(status)
  })
})
