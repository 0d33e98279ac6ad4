/**
 * 日报表: the queries behind the day report, on the kiosk's own store. Times in the store are
 * ISO 8601; the window is [from, to). Bookings may carry another offset than Z (the central's),
 * so they are read with a margin and filtered by instant here.
 */
import { countOpenIssues, countPending } from './outbox-repository'
import type { AuditEntryRow, BookingRow, KioskDb, VisitRow } from './schema'

export interface DayWindow {
  readonly from: Date
  readonly to: Date
}

const MARGIN_MS = 24 * 60 * 60 * 1000

function within(iso: string, day: DayWindow): boolean {
  const t = Date.parse(iso)
  return t >= day.from.getTime() && t < day.to.getTime()
}

/** K2: the visits started at this desk in the window. */
export async function listVisitsStarted(db: KioskDb, day: DayWindow): Promise<VisitRow[]> {
  const rows = await db
    .selectFrom('visits')
    .selectAll()
    .where('started_at', '>=', new Date(day.from.getTime() - MARGIN_MS).toISOString())
    .where('started_at', '<', new Date(day.to.getTime() + MARGIN_MS).toISOString())
    .execute()
  return rows.filter((v) => within(v.started_at, day))
}

/** B1–B7: the given candidates' bookings made in the window (any status now). */
export async function listBookingsMade(db: KioskDb, candidateIds: readonly string[], day: DayWindow): Promise<BookingRow[]> {
  if (candidateIds.length === 0) return []
  const rows = await db
    .selectFrom('bookings')
    .selectAll()
    .where('candidate_id', 'in', [...candidateIds])
    .where('created_at', '>=', new Date(day.from.getTime() - MARGIN_MS).toISOString().slice(0, 10))
    .execute()
  return rows.filter((b) => within(b.created_at, day))
}

/** K1: the audit rows of the window (the report counts actions and refusals from them). */
export async function listAuditRows(db: KioskDb, day: DayWindow): Promise<AuditEntryRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('at', '>=', day.from.toISOString())
    .where('at', '<', day.to.toISOString())
    .orderBy('id')
    .execute()
}

/**
 * S4–S6: changes still waiting in the outbox and refusals staff have not acknowledged, as of now
 * (the sync engine's outbox; the same figures as the top bar's link state).
 */
export async function syncBacklogForReport(db: KioskDb): Promise<{ pendingSyncItems: number; syncIssues: number }> {
  return { pendingSyncItems: await countPending(db), syncIssues: await countOpenIssues(db) }
}
