/** B1–B3: the cached offerings of a school, and seat counts the central reports after a change. */
import type { Offering, SeatCount } from '../../src-shared/schemas'
import type { KioskDb, OfferingRow } from './schema'

function toOffering(row: OfferingRow, oralCampuses: readonly string[]): Offering {
  return {
    id: row.id,
    subjectCode: row.subject_code,
    schoolCode: row.school_code,
    campusCode: row.campus_code,
    feeCents: row.fee_cents,
    capacity: row.capacity,
    seatsLeft: row.seats_left,
    registrationStart: row.registration_start,
    registrationEnd: row.registration_end,
    examStart: row.exam_start,
    examEnd: row.exam_end,
    oralAllowedCampusCodes: [...oralCampuses],
  }
}

async function withOralCampuses(db: KioskDb, rows: readonly OfferingRow[]): Promise<Offering[]> {
  if (rows.length === 0) return []
  const links = await db
    .selectFrom('offering_oral_campuses')
    .select(['offering_id', 'campus_code'])
    .where(
      'offering_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('campus_code')
    .execute()
  const byOffering = new Map<string, string[]>()
  for (const link of links) byOffering.set(link.offering_id, [...(byOffering.get(link.offering_id) ?? []), link.campus_code])
  return rows.map((row) => toOffering(row, byOffering.get(row.id) ?? []))
}

/** The school's offerings in subject order, then campus. */
export async function listSchoolOfferings(db: KioskDb, schoolCode: string): Promise<Offering[]> {
  const rows = await db
    .selectFrom('offerings')
    .innerJoin('subjects', 'subjects.code', 'offerings.subject_code')
    .selectAll('offerings')
    .where('offerings.school_code', '=', schoolCode)
    .orderBy('subjects.sort_order')
    .orderBy('offerings.campus_code')
    .execute()
  return withOralCampuses(db, rows)
}

export async function findOfferings(db: KioskDb, ids: readonly string[]): Promise<Offering[]> {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('offerings').selectAll().where('id', 'in', ids).execute()
  const found = await withOralCampuses(db, rows)
  const byId = new Map(found.map((o) => [o.id, o]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** The central's seat counts after a booking, cancellation or expiry. */
export async function applySeatCounts(db: KioskDb, seats: readonly SeatCount[], at: Date): Promise<void> {
  for (const s of seats)
    await db.updateTable('offerings').set({ seats_left: s.seatsLeft, updated_at: at.toISOString() }).where('id', '=', s.offeringId).execute()
}

/**
 * B4 offline: an expired booking's seat returns to the cached count until the central says more.
 * One id per seat (an id may repeat); never above the capacity. One statement per offering.
 */
export async function returnSeats(db: KioskDb, offeringIds: readonly string[], at: Date): Promise<void> {
  const seats = new Map<string, number>()
  for (const id of offeringIds) seats.set(id, (seats.get(id) ?? 0) + 1)
  for (const [id, count] of seats)
    await db
      .updateTable('offerings')
      .set((eb) => ({ seats_left: eb.fn('min', [eb.ref('capacity'), eb('seats_left', '+', count)]), updated_at: at.toISOString() }))
      .where('id', '=', id)
      .whereRef('seats_left', '<', 'capacity')
      .execute()
}

/** W2 容量管理: every cached offering, in subject order, then school and campus. */
export async function listAllOfferings(db: KioskDb): Promise<Offering[]> {
  const rows = await db
    .selectFrom('offerings')
    .innerJoin('subjects', 'subjects.code', 'offerings.subject_code')
    .selectAll('offerings')
    .orderBy('offerings.school_code')
    .orderBy('subjects.sort_order')
    .orderBy('offerings.campus_code')
    .execute()
  return withOralCampuses(db, rows)
}

/** W2: the capacity the central answered a raise with. */
export async function setOfferingCapacity(db: KioskDb, offeringId: string, capacity: number, at: Date): Promise<void> {
  await db.updateTable('offerings').set({ capacity, updated_at: at.toISOString() }).where('id', '=', offeringId).execute()
}
