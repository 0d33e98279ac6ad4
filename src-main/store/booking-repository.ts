/**
 * B4–B7, R1: the kiosk's copy of the candidate's bookings as the central answered them. Rows are
 * upserted from the central's answers; a booking the central no longer lists as active is marked
 * gone (expired past its expiry, otherwise cancelled) and kept for the record.
 */
import type Database from 'better-sqlite3'
import { sql } from 'kysely'
import type { Booking } from '../../src-shared/schemas'
import { findSubject } from '../../src-shared/domain/subjects'
import { heldConnection } from './open-database'
import type { BookingRow, KioskDb } from './schema'

export interface LocalBooking extends Booking {
  /** S4: a local change of this row (a provisional booking, a cancel, a choice) waits for the central. */
  readonly pendingSync: boolean
}

function toBooking(row: BookingRow): LocalBooking {
  return {
    id: row.booking_id,
    candidateId: row.candidate_id,
    offeringId: row.offering_id,
    subjectCode: row.subject_code,
    schoolCode: row.school_code,
    campusCode: row.campus_code,
    feeCents: row.fee_cents,
    status: row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at ?? row.created_at,
    paidAt: row.paid_at,
    endedAt: row.ended_at,
    scoreReport: row.score_report,
    arrangement: row.arrangement,
    bookedVia: row.booked_via,
    collectiveLocked: row.collective_locked === 1,
    orderNo: row.order_no,
    pendingSync: row.sync_state === 'pending',
  }
}

/** The central's state of each booking; a row it answers for is in sync again (S1). */
const canonicalInstant = (t: string): string => new Date(t).toISOString()

export async function upsertBookings(db: KioskDb, bookings: readonly Booking[], at: Date): Promise<void> {
  const updatedAt = at.toISOString()
  const rows = bookings.map((b) => ({
    booking_id: b.id,
    candidate_id: b.candidateId,
    offering_id: b.offeringId,
    subject_code: b.subjectCode,
    kind: findSubject(b.subjectCode)?.kind ?? 'written',
    school_code: b.schoolCode,
    campus_code: b.campusCode,
    fee_cents: b.feeCents,
    status: b.status,
    booked_via: b.bookedVia,
    arrangement: b.arrangement,
    collective_locked: b.collectiveLocked ? 1 : 0,
    score_report: b.scoreReport,
    // Canonical UTC ISO text, so that stored instants compare as text the way they compare as time (B4).
    created_at: canonicalInstant(b.createdAt),
    expires_at: canonicalInstant(b.expiresAt),
    paid_at: b.paidAt === null ? null : canonicalInstant(b.paidAt),
    ended_at: b.endedAt === null ? null : canonicalInstant(b.endedAt),
    order_no: b.orderNo,
    updated_at: updatedAt,
    sync_state: 'synced' as const,
  }))
  // Inside transactionWithConnection (an outbox batch's settling): one prepared statement, row
  // by row; otherwise many rows per statement. Either way a later row of the same id wins.
  const held = heldConnection(db)
  if (held !== undefined) {
    const upsert = upsertStatement(held)
    for (const row of rows) upsert.run(row)
    return
  }
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    const chunk = rows.slice(i, i + UPSERT_CHUNK)
    await db
      .insertInto('bookings')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('booking_id').doUpdateSet((eb) => {
          const set: Record<string, unknown> = {}
          for (const column of UPSERTED_COLUMNS) set[column] = eb.ref(`excluded.${column}`)
          return set as never
        }),
      )
      .execute()
  }
}

/** Rows per upsert statement (19 parameters each, far below SQLite's limit). */
const UPSERT_CHUNK = 200
const UPSERTED_COLUMNS = [
  'candidate_id',
  'offering_id',
  'subject_code',
  'kind',
  'school_code',
  'campus_code',
  'fee_cents',
  'status',
  'booked_via',
  'arrangement',
  'collective_locked',
  'score_report',
  'created_at',
  'expires_at',
  'paid_at',
  'ended_at',
  'order_no',
  'updated_at',
  'sync_state',
] as const

const upsertStatements = new WeakMap<Database.Database, Database.Statement>()

function upsertStatement(raw: Database.Database): Database.Statement {
  let statement = upsertStatements.get(raw)
  if (statement === undefined) {
    statement = raw.prepare(
      `insert into bookings (booking_id, ${UPSERTED_COLUMNS.join(', ')})
       values (@booking_id, ${UPSERTED_COLUMNS.map((c) => `@${c}`).join(', ')})
       on conflict (booking_id) do update set ${UPSERTED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    )
    upsertStatements.set(raw, statement)
  }
  return statement
}

/** The candidate's active bookings (unpaid and paid), oldest first. */
export async function listActiveBookings(db: KioskDb, candidateId: string): Promise<LocalBooking[]> {
  const rows = await db
    .selectFrom('bookings')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .where('status', 'in', ['unpaid', 'paid'])
    .orderBy('created_at')
    .orderBy('booking_id')
    .execute()
  return rows.map(toBooking)
}

export async function findBooking(db: KioskDb, bookingId: string): Promise<LocalBooking | null> {
  const row = await db.selectFrom('bookings').selectAll().where('booking_id', '=', bookingId).executeTakeFirst()
  return row === undefined ? null : toBooking(row)
}

/** B4: unpaid bookings whose expiry has come (inclusive), across candidates. */
export async function listDueUnpaid(db: KioskDb, now: Date): Promise<LocalBooking[]> {
  const rows = await db
    .selectFrom('bookings')
    .selectAll()
    .where('status', '=', 'unpaid')
    // S4: a provisional booking expires only once the central has it (its own clock decides).
    .where('sync_state', '=', 'synced')
    .where('expires_at', '<=', now.toISOString())
    .orderBy('expires_at')
    .execute()
  return rows.map(toBooking)
}

/** Marks active bookings gone (B4 expired / B5 cancelled); returns the ids that changed. */
export async function markBookingsGone(
  db: KioskDb,
  bookingIds: readonly string[],
  status: 'expired' | 'cancelled',
  at: Date,
): Promise<string[]> {
  if (bookingIds.length === 0) return []
  const changed = await db
    .updateTable('bookings')
    .set({ status, ended_at: at.toISOString(), updated_at: at.toISOString() })
    .where('booking_id', 'in', bookingIds)
    .where('status', 'in', ['unpaid'])
    .returning('booking_id')
    .execute()
  return changed.map((r) => r.booking_id)
}

/** B4: what the expiry sweep needs of a due booking (no full rows: a sweep may see 100,000). */
export interface DueBookingRef {
  readonly id: string
  readonly candidateId: string
  readonly offeringId: string
  readonly status: BookingRow['status']
  readonly createdAt: string
  readonly expiresAt: string
}

/**
 * B4: unpaid bookings whose expiry has come (inclusive), in expiry order, after the cursor (the
 * last one of the previous chunk), at most `limit`; of one candidate when given.
 */
export async function listDueUnpaidChunk(
  db: KioskDb,
  now: Date,
  options: { after?: DueBookingRef | null; limit: number; candidateId?: string },
): Promise<DueBookingRef[]> {
  let query = db
    .selectFrom('bookings')
    .select(['booking_id', 'candidate_id', 'offering_id', 'status', 'created_at', 'expires_at'])
    .where('status', '=', 'unpaid')
    // S4: a provisional booking expires only once the central has it (as listDueUnpaid).
    .where('sync_state', '=', 'synced')
    .where('expires_at', '<=', now.toISOString())
  const after = options.after
  if (after) query = query.where(sql<boolean>`(expires_at, booking_id) > (${after.expiresAt}, ${after.id})`)
  if (options.candidateId !== undefined) query = query.where('candidate_id', '=', options.candidateId)
  const rows = await query.orderBy('expires_at').orderBy('booking_id').limit(options.limit).execute()
  return rows.map((r) => ({
    id: r.booking_id,
    candidateId: r.candidate_id,
    offeringId: r.offering_id,
    status: r.status,
    createdAt: r.created_at,
    expiresAt: r.expires_at ?? r.created_at,
  }))
}

/**
 * B4 in bulk: expires at most `limit` unpaid bookings, in expiry order, that the rule calls
 * expired (created at or before `createdBy`, from expiredIfCreatedBy) and the central already
 * has (S4): one audit row each, written first and in the same order, and their seats back
 * (never above the capacity). A handful of statements whatever the count, no row read into
 * JavaScript; run it inside the caller's transaction. Returns how many were expired.
 */
export async function expireDueChunk(db: KioskDb, due: { now: Date; createdBy: string }, limit: number, at: Date): Promise<number> {
  const stamp = at.toISOString()
  await sql`create temp table if not exists b4_chunk (
    booking_id text primary key, candidate_id text not null, offering_id text not null, created_at text not null)`.execute(db)
  await sql`delete from temp.b4_chunk`.execute(db)
  await sql`insert into temp.b4_chunk (booking_id, candidate_id, offering_id, created_at)
    select booking_id, candidate_id, offering_id, created_at from bookings
    where status = 'unpaid' and sync_state = 'synced' and expires_at <= ${due.now.toISOString()} and created_at <= ${due.createdBy}
    order by expires_at, booking_id limit ${limit}`.execute(db)
  await sql`insert into audit_log (at, operator_id, candidate_id, action, outcome, detail)
    select ${stamp}, null, candidate_id, 'booking.expire', 'ok', booking_id || ': unpaid 24 h (created ' || created_at || ')'
    from temp.b4_chunk order by rowid`.execute(db)
  const updated = await sql`update bookings set status = 'expired', ended_at = ${stamp}, updated_at = ${stamp}
    where booking_id in (select booking_id from temp.b4_chunk)`.execute(db)
  await sql`update offerings set seats_left = min(capacity, seats_left + returned.n), updated_at = ${stamp}
    from (select offering_id, count(*) as n from temp.b4_chunk group by offering_id) as returned
    where offerings.id = returned.offering_id and offerings.seats_left < offerings.capacity`.execute(db)
  return Number(updated.numAffectedRows ?? 0n)
}

/** S3: every candidate with an active booking here (a feed restart asks the central about each). */
export async function listCandidatesHoldingBookings(db: KioskDb): Promise<string[]> {
  const rows = await db.selectFrom('bookings').select('candidate_id').distinct().where('status', 'in', ['unpaid', 'paid']).orderBy('candidate_id').execute()
  return rows.map((r) => r.candidate_id)
}

/** B4: candidates holding an unpaid booking whose expiry has come, by id after `after`, at most `limit`. */
export async function listCandidatesWithDueUnpaid(db: KioskDb, now: Date, after: string | null, limit: number): Promise<string[]> {
  let query = db
    .selectFrom('bookings')
    .select('candidate_id')
    .distinct()
    .where('status', '=', 'unpaid')
    .where('sync_state', '=', 'synced')
    .where('expires_at', '<=', now.toISOString())
  if (after !== null) query = query.where('candidate_id', '>', after)
  const rows = await query.orderBy('candidate_id').limit(limit).execute()
  return rows.map((r) => r.candidate_id)
}

/** How many of these bookings have the status now (ids at most a few thousand). */
export async function countBookingsWithStatus(db: KioskDb, bookingIds: readonly string[], status: BookingRow['status']): Promise<number> {
  if (bookingIds.length === 0) return 0
  const row = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('booking_id', 'in', bookingIds)
    .where('status', '=', status)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface RegistrationHolding {
  readonly candidateId: string
  readonly confirmedAt: string
  /** When the candidate's last booking went, or null. */
  readonly lastReleasedAt: string | null
}

/**
 * B6: of the next `limit` local registrations by candidate id after `after`, those that hold no
 * active booking, with when their last booking went. Only those confirmed, and last released, no
 * later than `quietSince` (an ISO instant) are listed: the caller passes a little after the grace
 * cut-off and decides with the rule. `next` is where the following page starts (null: no more).
 */
export interface RegistrationPage {
  readonly holdings: RegistrationHolding[]
  readonly next: string | null
}

export async function listRegistrationsHoldingNothing(
  db: KioskDb,
  quietSince: string,
  page: { readonly after: string | null; readonly limit: number },
): Promise<RegistrationPage> {
  const ids = db
    .selectFrom('registrations')
    .select(['candidate_id', 'confirmed_at'])
    .where('candidate_id', '>', page.after ?? '')
    .orderBy('candidate_id')
    .limit(page.limit)
  const last = await db.selectFrom(ids.as('p')).select((eb) => [eb.fn.max('p.candidate_id').as('last'), eb.fn.countAll<number>().as('n')]).executeTakeFirst()
  const rows = await db
    .selectFrom(ids.as('r'))
    .select((eb) => [
      'r.candidate_id',
      'r.confirmed_at',
      eb.selectFrom('bookings as b').select((b) => b.fn.max('b.ended_at').as('m')).whereRef('b.candidate_id', '=', 'r.candidate_id').as('last_released_at'),
    ])
    .where('r.confirmed_at', '<=', quietSince)
    // One probe of bookings_by_candidate_status_ended per registration (migration 0006), no row read.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('bookings as a')
            .select('a.booking_id')
            .whereRef('a.candidate_id', '=', 'r.candidate_id')
            .where((a) => a.or([a('a.status', 'in', ['unpaid', 'paid']), a('a.ended_at', '>', quietSince)])),
        ),
      ),
    )
    .execute()
  return {
    holdings: rows.map((r) => ({ candidateId: r.candidate_id, confirmedAt: r.confirmed_at, lastReleasedAt: (r.last_released_at as string | null) ?? null })),
    next: Number(last?.n ?? 0) < page.limit ? null : ((last?.last as string | null | undefined) ?? null),
  }
}

/** Candidates with any row, for B6 checks. */
export async function hasActiveBookings(db: KioskDb, candidateId: string): Promise<boolean> {
  const row = await db
    .selectFrom('bookings')
    .select('booking_id')
    .where('candidate_id', '=', candidateId)
    .where('status', 'in', ['unpaid', 'paid'])
    .executeTakeFirst()
  return row !== undefined
}

/** When the candidate's last booking went (B6 grace), or null. */
export async function lastBookingEndedAt(db: KioskDb, candidateId: string): Promise<string | null> {
  const row = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.max('ended_at').as('last'))
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst()
  return (row?.last as string | null | undefined) ?? null
}

/** B6: a deleted registration takes its (unpaid) bookings with it. */
export async function deleteCandidateBookings(db: KioskDb, candidateId: string): Promise<void> {
  await db.deleteFrom('bookings').where('candidate_id', '=', candidateId).execute()
}

/** S4: provisional bookings written with their outbox entry, before the central has answered. */
export async function insertProvisionalBookings(db: KioskDb, bookings: readonly Booking[], at: Date): Promise<void> {
  await upsertBookings(db, bookings, at)
  await setSyncState(
    db,
    bookings.map((b) => b.id),
    'pending',
  )
}

export async function setSyncState(db: KioskDb, bookingIds: readonly string[], state: 'synced' | 'pending'): Promise<void> {
  if (bookingIds.length === 0) return
  await db.updateTable('bookings').set({ sync_state: state }).where('booking_id', 'in', bookingIds).execute()
}

/** S4: a provisional booking the central replaced or refused goes (its local id stays in the id map). */
export async function deleteBookings(db: KioskDb, bookingIds: readonly string[]): Promise<void> {
  if (bookingIds.length === 0) return
  await db.deleteFrom('bookings').where('booking_id', 'in', bookingIds).execute()
}

/** S4: a local change undone after the central refused it. */
export async function restoreBooking(
  db: KioskDb,
  bookingId: string,
  values: { status?: 'unpaid' | 'paid'; scoreReport?: 'paper' | 'electronic' | null },
  at: Date,
): Promise<void> {
  await db
    .updateTable('bookings')
    .set({
      ...(values.status === undefined ? {} : { status: values.status, ended_at: null }),
      ...(values.scoreReport === undefined ? {} : { score_report: values.scoreReport }),
      sync_state: 'synced',
      updated_at: at.toISOString(),
    })
    .where('booking_id', '=', bookingId)
    .execute()
}

/** S4: whether any provisional booking of the candidate for the offering waits for the central. */
export async function hasPendingBookingFor(db: KioskDb, candidateId: string, offeringId: string): Promise<boolean> {
  const row = await db
    .selectFrom('bookings')
    .select('booking_id')
    .where('candidate_id', '=', candidateId)
    .where('offering_id', '=', offeringId)
    .where('sync_state', '=', 'pending')
    .executeTakeFirst()
  return row !== undefined
}

export async function mapLocalBooking(db: KioskDb, localId: string, centralId: string): Promise<void> {
  await db
    .insertInto('booking_id_map')
    .values({ local_id: localId, central_id: centralId })
    .onConflict((oc) => oc.column('local_id').doUpdateSet({ central_id: centralId }))
    .execute()
}

/** The central id of a booking: itself unless it is a provisional id the central has replaced; null when not (yet) replaced. */
export async function centralBookingId(db: KioskDb, bookingId: string): Promise<string | null> {
  if (!bookingId.startsWith('local-')) return bookingId
  const row = await db.selectFrom('booking_id_map').select('central_id').where('local_id', '=', bookingId).executeTakeFirst()
  return row?.central_id ?? null
}

/** Whether a booking row is currently a pending local one (its change not yet answered). */
export async function isBookingPending(db: KioskDb, bookingId: string): Promise<boolean> {
  const row = await db.selectFrom('bookings').select('sync_state').where('booking_id', '=', bookingId).executeTakeFirst()
  return row?.sync_state === 'pending'
}
