/**
 * The sync tests' world (S1–S6): a reference central on a real socket with its own SQLite file,
 * seeded with many synthetic candidates; kiosks built as the host builds them
 * (createKioskServices) against a central URL, each with its own data dir; a desk script that
 * serves one candidate through dispatch, as the renderer does; and readers of both databases to
 * compare what the kiosk's outbox says was delivered with what the central holds.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { openCentralDatabase } from '../../src-central/database'
import { seedDemoData } from '../../src-central/demo-data'
import { createKioskServices, openProtectedStore, type KioskServices } from '../../src-main/app/kiosk-services'
import { createKeyFileWrapper } from '../../src-main/protection/key-file-wrapper'
import { seedDemoOperators } from '../../src-main/services/demo-operators'
import { createFetchTransport, type CentralTransport } from '../../src-main/central/central-transport'
import { silentLogger } from '../../src-main/support/logger'
import { AGREEMENT_VERSION } from '../../src-shared/domain/agreement'

/** The demo 八里台 campus of 南开大学, where the synthetic candidates study. */
export const CAMPUS = '120011'
export const CET4_OFFERING = '120011-1'
export const CET6_OFFERING = '120011-2'
export const DEMO_OPERATOR = { username: 'demo', password: 'demo1234' } as const

export interface SyntheticCandidate {
  readonly candidateId: string
  readonly idType: '护照'
  readonly idNumber: string
  readonly name: string
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

export interface SeedOptions {
  readonly candidates: number
  /** Seats per offering id (capacity = seats left = n); others keep the demo's. */
  readonly seats?: Readonly<Record<string, number>>
  readonly now?: Date
}

/** Creates the central's database with the demo data plus `candidates` synthetic students. */
export function seedCentral(dbPath: string, options: SeedOptions): SyntheticCandidate[] {
  const now = options.now ?? new Date()
  mkdirSync(dirname(dbPath), { recursive: true })
  const { db } = openCentralDatabase(dbPath, { onCreate: (created) => seedDemoData(created, now) })
  try {
    const session = db.prepare<[], { id: string }>('SELECT id FROM exam_sessions WHERE is_current = 1').get()!
    const insert = db.prepare(
      `INSERT INTO roster_records (candidate_id, exam_session_id, id_type, id_number, name, gender, phone, school_code,
         campus_code, education_level, schooling_years, enrollment_year, grade, department, major, class_name,
         student_number, remarks, eligible_subject_codes, updated_at)
       VALUES (?, ?, '护照', ?, ?, '男', ?, '12001', ?, '本科', 4, '24', '24', '数学科学学院', '统计学', '1', ?, '', '["1","2"]', ?)`,
    )
    const candidates: SyntheticCandidate[] = []
    db.transaction(() => {
      for (let i = 0; i < options.candidates; i++) {
        const n = String(i).padStart(5, '0')
        const c: SyntheticCandidate = { candidateId: `S12001-${n}`, idType: '护照', idNumber: `SY${n}`, name: `考生${n}` }
        insert.run(c.candidateId, session.id, c.idNumber, c.name, `1390000${n.slice(1)}`, CAMPUS, `S${n}`, now.toISOString())
        candidates.push(c)
      }
      const seats = { [CET4_OFFERING]: 100_000, [CET6_OFFERING]: 100_000, ...options.seats }
      const setSeats = db.prepare('UPDATE offerings SET capacity = ?, seats_left = ? WHERE id = ?')
      for (const [offeringId, n] of Object.entries(seats)) setSeats.run(n, n, offeringId)
    })()
    return candidates
  } finally {
    db.close()
  }
}

export interface KioskOptions {
  readonly dataDir: string
  readonly centralUrl: string
  readonly token: string
  readonly kioskId: string
  readonly allotmentSeats?: number
}

export interface TestKioskHandle {
  readonly services: KioskServices
  readonly dispatch: KioskServices['dispatch']
  readonly dataDir: string
  /** The transport's timeout from now on: a dropped request costs this much (start-up uses 10 s). */
  setTimeoutMs(ms: number): void
  dispose(): Promise<void>
}

/**
 * A configured kiosk (one with a central URL) starts with no operator accounts: give the data dir
 * the demo's two, as staff would create theirs, before the kiosk (in-process or a host child) opens it.
 */
export async function prepareKioskDataDir(dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true })
  const config = { dataDir, centralUrl: null, deviceToken: null, kioskId: 'setup' }
  const { store } = await openProtectedStore(config, createKeyFileWrapper(dataDir))
  try {
    await seedDemoOperators(store.db, () => new Date())
  } finally {
    await store.close()
  }
}

/** A kiosk as the headless host builds it, against an external central (through a proxy or not). */
export async function startKiosk(options: KioskOptions): Promise<TestKioskHandle> {
  await prepareKioskDataDir(options.dataDir)
  let timeoutMs = 10_000
  const transports = new Map<number, CentralTransport>()
  const transport: CentralTransport = (request) => {
    let current = transports.get(timeoutMs)
    if (current === undefined) transports.set(timeoutMs, (current = createFetchTransport(options.centralUrl, { timeoutMs })))
    return current(request)
  }
  const services = await createKioskServices(
    {
      dataDir: options.dataDir,
      centralUrl: options.centralUrl,
      deviceToken: options.token,
      kioskId: options.kioskId,
      ...(options.allotmentSeats === undefined ? {} : { allotmentSeats: options.allotmentSeats }),
    },
    { logger: silentLogger, transport },
  )
  return {
    services,
    dispatch: services.dispatch,
    dataDir: options.dataDir,
    setTimeoutMs: (ms) => {
      timeoutMs = ms
    },
    dispose: () => services.dispose(),
  }
}

type Dispatch = KioskServices['dispatch']
type Answer = Awaited<ReturnType<Dispatch>>

export async function must<T>(dispatch: Dispatch, name: string, input: unknown): Promise<T> {
  const result = await dispatch(name, input)
  if (!result.ok) throw new Error(`${name} refused: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

export async function signInDemo(dispatch: Dispatch): Promise<void> {
  await must(dispatch, 'signIn', DEMO_OPERATOR)
}

interface InfoShape {
  readonly bookings: { readonly written: readonly { bookingId: string; subject: { code: string }; pendingSync: boolean }[] }
  readonly pendingChanges: readonly unknown[]
}

/** Starts a visit and finds the candidate (E1, E2); returns the visit id. */
export async function openVisit(dispatch: Dispatch, c: SyntheticCandidate): Promise<string> {
  const { visitId } = await must<{ visitId: string }>(dispatch, 'acceptAgreement', { version: AGREEMENT_VERSION, accepted: true })
  await must(dispatch, 'lookupEligibility', { visitId, idType: c.idType, idNumber: c.idNumber, name: c.name })
  return visitId
}

/**
 * One candidate at the desk: confirm (E4), then `rounds` times book 英语四级笔试 (B1), choose the
 * paper score report (R1) and cancel it (B5): 1 + 3·rounds changes when all are taken. Returns
 * how each step was answered: 'ok' (done, or kept as 待同步) or the refusal's code.
 */
export async function serveCandidate(dispatch: Dispatch, c: SyntheticCandidate, rounds = 3): Promise<string[]> {
  const visitId = await openVisit(dispatch, c)
  const steps: string[] = []
  const code = (r: Answer): string => (r.ok ? 'ok' : r.error.code)
  steps.push(code(await dispatch('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true })))
  for (let round = 0; round < rounds; round++) {
    const booked = await dispatch('bookOfferings', { visitId, offeringIds: [CET4_OFFERING] })
    steps.push(code(booked))
    const info = booked.ok ? (booked.value as InfoShape) : null
    const cet4 = info?.bookings.written.find((b) => b.subject.code === '1')
    if (cet4 === undefined) continue
    steps.push(code(await dispatch('saveScoreReportChoices', { visitId, choices: [{ bookingId: cet4.bookingId, choice: 'paper' }], confirmed: true })))
    steps.push(code(await dispatch('cancelBooking', { visitId, bookingId: cet4.bookingId })))
  }
  await dispatch('endVisit', { visitId })
  return steps
}

export interface OutboxFigures {
  readonly total: number
  readonly delivered: number
  readonly pending: number
  /** Refusals staff have not seen (S6 同步异常); refusals answered at the desk are not counted. */
  readonly refused: number
  /** Refusals the operator saw at the desk (online, S1). */
  readonly refusedAtDesk: number
  readonly attempts: number
  readonly keys: readonly string[]
  readonly byAction: Record<string, number>
  readonly refusals: readonly { action: string; code: string | null; message: string | null }[]
  /** Delivered entries per candidate and action, e.g. `S12001-00001/booking.create` → 3. */
  readonly perCandidate: ReadonlyMap<string, number>
}

/** What the kiosk's outbox says (read-only, beside the running kiosk: WAL allows it). */
export function readOutbox(dataDir: string): OutboxFigures {
  const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true })
  try {
    const rows = db
      .prepare<
        [],
        { candidate_id: string; action: string; state: string; attempts: number; idempotency_key: string; refusal_code: string | null; refusal_message: string | null; acknowledged_at: string | null }
      >('SELECT candidate_id, action, state, attempts, idempotency_key, refusal_code, refusal_message, acknowledged_at FROM outbox')
      .all()
    const byAction: Record<string, number> = {}
    const perCandidate = new Map<string, number>()
    for (const r of rows) {
      byAction[r.action] = (byAction[r.action] ?? 0) + 1
      const key = `${r.candidate_id}/${r.action}`
      if (r.state === 'delivered') perCandidate.set(key, (perCandidate.get(key) ?? 0) + 1)
    }
    return {
      total: rows.length,
      delivered: rows.filter((r) => r.state === 'delivered').length,
      pending: rows.filter((r) => r.state === 'pending').length,
      refused: rows.filter((r) => r.state === 'refused' && r.acknowledged_at === null).length,
      refusedAtDesk: rows.filter((r) => r.state === 'refused' && r.acknowledged_at !== null).length,
      attempts: rows.reduce((sum, r) => sum + r.attempts, 0),
      keys: rows.filter((r) => r.state !== 'pending').map((r) => r.idempotency_key),
      byAction,
      refusals: rows.filter((r) => r.state === 'refused' && r.acknowledged_at === null).map((r) => ({ action: r.action, code: r.refusal_code, message: r.refusal_message })),
      perCandidate,
    }
  } finally {
    db.close()
  }
}

export function integrityCheck(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true })
  try {
    return String(db.pragma('integrity_check', { simple: true }))
  } finally {
    db.close()
  }
}

export interface CentralFigures {
  readonly registrations: number
  /** Booking rows per candidate (any subject, any status). */
  readonly bookingRows: ReadonlyMap<string, number>
  /** Cancelled booking rows per candidate. */
  readonly cancelledRows: ReadonlyMap<string, number>
  readonly activeBookings: number
  readonly cancelledBookings: number
  readonly paperChoices: number
  /** Idempotency keys the central stored for these kiosks. */
  readonly keys: ReadonlySet<string>
  readonly seatsLeft: ReadonlyMap<string, number>
  readonly capacity: ReadonlyMap<string, number>
  readonly activeBookingsByOffering: ReadonlyMap<string, number>
  readonly heldByOffering: ReadonlyMap<string, number>
}

/** What the central holds for the candidates whose ids start with `prefix`. */
export function readCentral(dbPath: string, prefix = 'S12001-'): CentralFigures {
  const db = new Database(dbPath, { readonly: true })
  try {
    const like = `${prefix}%`
    const bookingRows = new Map<string, number>()
    for (const r of db
      .prepare<[string], { k: string; n: number }>(`SELECT candidate_id AS k, count(*) AS n FROM bookings WHERE candidate_id LIKE ? GROUP BY k`)
      .all(like))
      bookingRows.set(r.k, r.n)
    const cancelledRows = new Map<string, number>()
    for (const r of db
      .prepare<[string], { k: string; n: number }>(`SELECT candidate_id AS k, count(*) AS n FROM bookings WHERE candidate_id LIKE ? AND status = 'cancelled' GROUP BY k`)
      .all(like))
      cancelledRows.set(r.k, r.n)
    const count = (sqlText: string): number => db.prepare<[string], { n: number }>(sqlText).get(like)!.n
    const seatsLeft = new Map<string, number>()
    const capacity = new Map<string, number>()
    for (const r of db.prepare<[], { id: string; seats_left: number; capacity: number }>('SELECT id, seats_left, capacity FROM offerings').all()) {
      seatsLeft.set(r.id, r.seats_left)
      capacity.set(r.id, r.capacity)
    }
    const activeBookingsByOffering = new Map<string, number>()
    for (const r of db
      .prepare<[], { offering_id: string; n: number }>(`SELECT offering_id, count(*) AS n FROM bookings WHERE status IN ('unpaid', 'paid') GROUP BY offering_id`)
      .all())
      activeBookingsByOffering.set(r.offering_id, r.n)
    const heldByOffering = new Map<string, number>()
    for (const r of db
      .prepare<[], { offering_id: string; n: number }>(`SELECT offering_id, sum(held) AS n FROM allotments WHERE status = 'active' GROUP BY offering_id`)
      .all())
      heldByOffering.set(r.offering_id, r.n)
    return {
      registrations: count('SELECT count(*) AS n FROM registrations WHERE candidate_id LIKE ?'),
      bookingRows,
      cancelledRows,
      activeBookings: count(`SELECT count(*) AS n FROM bookings WHERE candidate_id LIKE ? AND status IN ('unpaid', 'paid')`),
      cancelledBookings: count(`SELECT count(*) AS n FROM bookings WHERE candidate_id LIKE ? AND status = 'cancelled'`),
      paperChoices: count(`SELECT count(*) AS n FROM bookings WHERE candidate_id LIKE ? AND score_report = 'paper'`),
      keys: new Set(db.prepare<[], { idempotency_key: string }>('SELECT idempotency_key FROM idempotency_keys').all().map((r) => r.idempotency_key)),
      seatsLeft,
      capacity,
      activeBookingsByOffering,
      heldByOffering,
    }
  } finally {
    db.close()
  }
}

/** Polls `check` (no timed assertion: it only bounds how long the test waits). */
export async function waitFor(check: () => Promise<boolean> | boolean, limitMs: number, stepMs = 100): Promise<boolean> {
  const deadline = Date.now() + limitMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, stepMs))
  }
  return check()
}

/** The desk's link status, as the top bar reads it. */
export async function linkOf(dispatch: Dispatch): Promise<{ state: string; pendingChanges: number; syncIssues: number; lastSyncAt: string | null }> {
  const status = await must<{ link: { state: string; pendingChanges: number; syncIssues: number; lastSyncAt: string | null } }>(dispatch, 'getDeskStatus', {})
  return status.link
}
