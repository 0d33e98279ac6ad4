/**
 * Pulls the exam session, the catalog and the roster of the device's schools from the central
 * into the local store, so lookups and the info page work offline (S4). Every write is an
 * upsert inside a transaction: a run applied twice changes nothing, and a run cut short keeps
 * what it committed. The roster (up to a province, ~1,000,000 records) is pulled a slice of
 * pages per run, resuming from a cursor kept in the store.
 */
import type { EndpointResponse } from '../../src-shared/central/contract'
import type { CentralClient } from '../central/central-client'
import type { CentralResult } from '../central/central-failure'
import { isNotFound } from '../central/central-failure'
import { rosterPages } from '../central/roster-pages'
import { replaceAnnouncements, type StoredAnnouncement } from '../store/announcement-repository'
import { upsertOfferings, upsertSchools, upsertSubjects } from '../store/catalog-repository'
import { saveCurrentExamSession } from '../store/exam-session-repository'
import { getMeta, META_KEYS, setMeta } from '../store/meta-repository'
import { upsertRosterRecords } from '../store/roster-repository'
import type { KioskDb } from '../store/schema'
import type { Clock } from '../support/clock'
import type { FieldProtector } from '../protection/field-protector'

export interface SyncOptions {
  readonly rosterPageSize?: number
  /** Pages pulled per run; the next run resumes where this one stopped. */
  readonly maxRosterPages?: number
}

export interface SyncReport {
  readonly examSessionId: string | null
  readonly offerings: number
  readonly rosterRecords: number
  /** True when this run reached the end of the roster. */
  readonly rosterComplete: boolean
}

export interface SyncDeps {
  readonly db: KioskDb
  readonly central: CentralClient
  readonly clock: Clock
  /** K3: roster ID numbers and phones are stored encrypted. */
  readonly protector: FieldProtector
}

type Catalog = EndpointResponse<'getCatalog'>

/** Notices are headed "(99)测试省": the province code when the central does not send it. */
function provinceFromIssuer(issuer: string): string | null {
  return /^[(（](\w+)[)）]/.exec(issuer)?.[1] ?? null
}

function withProvinces(catalog: Catalog): StoredAnnouncement[] {
  const schoolProvince = new Map(catalog.schools.map((s) => [s.code, s.provinceCode]))
  return catalog.announcements.map(({ provinceCode, ...a }) => ({
    ...a,
    provinceCode:
      provinceCode ??
      (a.scope === 'school' && a.schoolCode !== null ? (schoolProvince.get(a.schoolCode) ?? null) : provinceFromIssuer(a.issuer)),
  }))
}

async function pullRoster(deps: SyncDeps, options: SyncOptions): Promise<CentralResult<{ records: number; complete: boolean }>> {
  const pageSize = options.rosterPageSize ?? 1000
  const maxPages = options.maxRosterPages ?? 50
  const after = await getMeta(deps.db, META_KEYS.rosterCursor)
  let records = 0
  for await (const answer of rosterPages(deps.central, after, pageSize, maxPages)) {
    if (!answer.ok) return answer
    const { records: pageRecords, nextAfter } = answer.value
    await deps.db.transaction().execute(async (trx) => {
      await upsertRosterRecords(trx, deps.protector, pageRecords)
      await setMeta(trx, META_KEYS.rosterCursor, nextAfter)
    })
    records += pageRecords.length
    if (nextAfter === null) return { ok: true, value: { records, complete: true } }
  }
  return { ok: true, value: { records, complete: false } }
}

export async function syncCatalogAndRoster(deps: SyncDeps, options: SyncOptions = {}): Promise<CentralResult<SyncReport>> {
  const session = await deps.central.getExamSession()
  // No current session (404) is an answer too: the catalog still lists schools and subjects.
  if (!session.ok && !isNotFound(session.failure)) return session
  const catalog = await deps.central.getCatalog()
  if (!catalog.ok) return catalog

  const at = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    if (session.ok) await saveCurrentExamSession(trx, session.value.examSession, at)
    await upsertSubjects(trx, catalog.value.subjects)
    await upsertSchools(trx, catalog.value.schools, at)
    await upsertOfferings(trx, catalog.value.offerings, at)
    await replaceAnnouncements(trx, withProvinces(catalog.value))
    // S3: the feed starts where this first snapshot stands; later snapshots never move it back.
    if ((await getMeta(trx, META_KEYS.feedCursor)) === null) await setMeta(trx, META_KEYS.feedCursor, catalog.value.feedCursor)
  })

  const roster = await pullRoster(deps, options)
  if (!roster.ok) return roster
  await setMeta(deps.db, META_KEYS.lastSyncAt, deps.clock().toISOString())
  return {
    ok: true,
    value: {
      examSessionId: session.ok ? session.value.examSession.id : null,
      offerings: catalog.value.offerings.length,
      rosterRecords: roster.value.records,
      rosterComplete: roster.value.complete,
    },
  }
}
