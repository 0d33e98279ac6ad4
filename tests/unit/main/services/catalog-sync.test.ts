import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { syncCatalogAndRoster } from '../../../../src-main/services/catalog-sync'
import { findCurrentExamSession } from '../../../../src-main/store/exam-session-repository'
import { getMeta, META_KEYS } from '../../../../src-main/store/meta-repository'
import { answer } from '../support/fake-transport'
import { CATALOG, EXAM_SESSION, ROSTER } from '../support/fixtures'
import { createScriptedCentral, type ScriptedCentral } from '../support/scripted-central'
import { countRows } from '../support/test-store'
import { createTestKiosk, type TestKiosk } from '../support/test-kiosk'

function dump(kiosk: TestKiosk, table: string): unknown[] {
  return kiosk.store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()
}

describe('catalog and roster sync (S4 cache)', () => {
  let central: ScriptedCentral
  let kiosk: TestKiosk
  beforeEach(async () => {
    central = createScriptedCentral()
    kiosk = await createTestKiosk(central.transport)
  })
  afterEach(() => kiosk.close())

  it('pulls the session, the catalog and the whole roster, and sets lastSyncAt', async () => {
    const result = await syncCatalogAndRoster(kiosk.ctx)
    expect(result).toEqual({
      ok: true,
      value: { examSessionId: '2026H2', offerings: 2, rosterRecords: ROSTER.length, rosterComplete: true },
    })
    expect(await findCurrentExamSession(kiosk.store.db)).toEqual(EXAM_SESSION)
    expect(countRows(kiosk.store)).toMatchObject({
      subjects: 12,
      schools: 2,
      campuses: 3,
      offerings: 2,
      offering_oral_campuses: 2,
      announcements: 3,
      roster_records: ROSTER.length,
    })
    expect(await getMeta(kiosk.store.db, META_KEYS.lastSyncAt)).toBe(kiosk.clock().toISOString())
    expect(dump(kiosk, 'announcements').map((a) => (a as { province_code: string }).province_code)).toEqual(['12', '12', '99'])
  })

  it('is idempotent: a second run with the same answers changes nothing but lastSyncAt', async () => {
    await syncCatalogAndRoster(kiosk.ctx)
    const tables = ['exam_sessions', 'subjects', 'schools', 'campuses', 'offerings', 'offering_oral_campuses', 'announcements', 'roster_records']
    const before = tables.map((t) => dump(kiosk, t))
    await syncCatalogAndRoster(kiosk.ctx)
    expect(tables.map((t) => dump(kiosk, t))).toEqual(before)
  })

  it('applies changes from the central: seats left, a new session, removed notices', async () => {
    await syncCatalogAndRoster(kiosk.ctx)
    central.route('GET /v1/exam-session', () => answer(200, { examSession: { ...EXAM_SESSION, id: '2027H1', name: '2027上半年CET考试' } }))
    central.route('GET /v1/catalog', () =>
      answer(200, { ...CATALOG, offerings: CATALOG.offerings.map((o) => ({ ...o, seatsLeft: 0 })), announcements: [] }),
    )
    await syncCatalogAndRoster(kiosk.ctx)
    expect((await findCurrentExamSession(kiosk.store.db))?.id).toBe('2027H1')
    expect(kiosk.store.sqlite.prepare('SELECT count(*) AS n FROM exam_sessions WHERE is_current = 1').get()).toEqual({ n: 1 })
    expect(kiosk.store.sqlite.prepare('SELECT DISTINCT seats_left FROM offerings').all()).toEqual([{ seats_left: 0 }])
    expect(countRows(kiosk.store).announcements).toBe(0)
  })

  it('uses the province code the central sends, else reads it from the issuer', async () => {
    central.route('GET /v1/catalog', () =>
      answer(200, { ...CATALOG, announcements: [{ ...CATALOG.announcements[1], issuer: '测试省', provinceCode: '99' }] }),
    )
    await syncCatalogAndRoster(kiosk.ctx)
    expect(kiosk.store.sqlite.prepare('SELECT province_code FROM announcements').all()).toEqual([{ province_code: '99' }])
  })

  it('pulls the roster a slice of pages per run and resumes from its cursor', async () => {
    const options = { rosterPageSize: 1, maxRosterPages: 2 }
    expect(await syncCatalogAndRoster(kiosk.ctx, options)).toMatchObject({ ok: true, value: { rosterRecords: 2, rosterComplete: false } })
    expect(countRows(kiosk.store).roster_records).toBe(2)
    expect(await syncCatalogAndRoster(kiosk.ctx, options)).toMatchObject({ ok: true, value: { rosterRecords: 2, rosterComplete: true } })
    expect(countRows(kiosk.store).roster_records).toBe(4)
    expect(await getMeta(kiosk.store.db, META_KEYS.rosterCursor)).toBeNull()
    // The next run starts over from the beginning, refreshing what it has.
    expect(await syncCatalogAndRoster(kiosk.ctx, options)).toMatchObject({ ok: true, value: { rosterRecords: 2, rosterComplete: false } })
  })

  it('offline: reports a retryable failure, writes nothing and keeps lastSyncAt', async () => {
    central.fault = 'network'
    expect(await syncCatalogAndRoster(kiosk.ctx)).toMatchObject({ ok: false, failure: { kind: 'retryable' } })
    expect(Object.values(countRows(kiosk.store)).reduce((a, b) => a + b)).toBe(countRows(kiosk.store).operators)
    expect(await getMeta(kiosk.store.db, META_KEYS.lastSyncAt)).toBeNull()
  })

  it('keeps the pages it committed when the link drops half-way', async () => {
    let rosterPages = 0
    const flaky = await createTestKiosk(async (request) => {
      if (request.path.startsWith('/v1/roster?') && ++rosterPages > 1) throw new TypeError('fetch failed')
      return central.transport(request)
    })
    expect(await syncCatalogAndRoster(flaky.ctx, { rosterPageSize: 2 })).toMatchObject({ ok: false, failure: { kind: 'retryable' } })
    expect(countRows(flaky.store).roster_records).toBe(2)
    expect(await getMeta(flaky.store.db, META_KEYS.rosterCursor)).not.toBeNull()
    expect(await getMeta(flaky.store.db, META_KEYS.lastSyncAt)).toBeNull()
    await flaky.close()
  })
})
